// SPDX-License-Identifier: GPL-3.0-or-later
#include "datadownload.h"

#include "digitsimport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>


namespace {

QByteArray sha256Of(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return {};
  QCryptographicHash hash(QCryptographicHash::Sha256);
  hash.addData(&f);
  return hash.result().toHex();
}

QString bytesText(qint64 bytes) { return QLocale().formattedDataSize(bytes); }

}  // namespace

DataDownload::DataDownload(QList<DataFile> files, QStringList mirrors, QString folder, QObject* parent)
    : QObject(parent), m_files(std::move(files)), m_mirrors(std::move(mirrors)), m_folder(std::move(folder)) {
  m_network = new QNetworkAccessManager(this);
  m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

DataDownload::~DataDownload() {
  if (m_reply) {
    m_reply->disconnect(this);
    m_reply->abort();
  }
}

QString DataDownload::partPath() const { return partialFolder() + QLatin1Char('/') + m_files[m_fileIndex].name + QStringLiteral(".part"); }

QString DataDownload::currentUrl() const { return m_mirrors[m_mirrorIndex] + m_files[m_fileIndex].name; }

void DataDownload::start() {
  if (m_running)
    return;
  m_running = true;
  m_cancelled = false;
  m_fatal.clear();
  m_fileIndex = 0;
  m_doneBytes = 0;
  m_totalBytes = 0;
  for (const DataFile& f : m_files) {
    if (f.size < 0) {
      m_totalBytes = 0;
      break;
    }
    m_totalBytes += f.size;
  }
  if (m_mirrors.isEmpty())
    return finish(Status{tr("No mirror to download from")});
  if (!QDir().mkpath(partialFolder()))
    return finish(Status{tr("Cannot create the folder %1").arg(partialFolder())});
  // One download per folder: the window and genlab-cli must not write the same partial files.
  m_lock = std::make_unique<QLockFile>(partialFolder() + QStringLiteral(".lock"));
  m_lock->setStaleLockTime(0);
  if (!m_lock->tryLock(0)) {
    m_lock.reset();
    return finish(Status{tr("Another download or import into %1 is running").arg(m_folder)});
  }
  m_fileIndex = -1;
  nextFile();
}

void DataDownload::cancel() {
  if (!m_running)
    return;
  m_cancelled = true;
  if (m_reply)
    m_reply->abort();  // onReplyFinished ends it
  else
    finish(Status{tr("Cancelled")});
}

void DataDownload::nextFile() {
  ++m_fileIndex;
  if (m_fileIndex == m_files.size())
    return install();
  const DataFile& f = m_files[m_fileIndex];
  // Already here from an earlier download: checked again, not fetched again.
  const QString done = partialFolder() + QLatin1Char('/') + f.name;
  if (QFileInfo::exists(done)) {
    if ((f.size < 0 || QFileInfo(done).size() == f.size) && sha256Of(done) == f.sha256) {
      m_doneBytes += QFileInfo(done).size();
      Q_EMIT progress(m_doneBytes, m_totalBytes, f.name);
      if (m_cancelled)  // from a slot of that signal
        return finish(Status{tr("Cancelled")});
      return nextFile();
    }
    QFile::remove(done);
  }
  m_mirrorIndex = m_preferredMirror;
  m_mirrorsTried = 0;
  m_rangeRetried = false;
  m_failures.clear();
  request();
}

void DataDownload::request() {
  const DataFile& f = m_files[m_fileIndex];
  m_part.setFileName(partPath());
  if (!m_part.open(QIODevice::ReadWrite))
    return finish(Status{tr("Cannot write %1: %2").arg(partPath(), m_part.errorString())});
  qint64 have = m_part.size();
  if (have > 0 && (f.size < 0 || have == f.size)) {  // complete already (cut just before its rename)?
    m_part.close();
    if (sha256Of(partPath()) == f.sha256)
      return completeFile(have);
    if (!m_part.open(QIODevice::ReadWrite))
      return finish(Status{tr("Cannot write %1: %2").arg(partPath(), m_part.errorString())});
  }
  if (f.size >= 0 && have >= f.size) {  // as long as the file or longer, and wrong: start over
    m_part.resize(0);
    have = 0;
  }
  m_part.seek(have);
  QNetworkRequest req{QUrl(currentUrl())};
  req.setTransferTimeout(m_stallMs);
  req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("GenLab/" GENLAB_VERSION));
  // The bytes as stored: a server that sends .gz files "Content-Encoding: gzip" must not have them
  // unpacked on the way (the sums and the Range offsets are of the packed file).
  req.setRawHeader("Accept-Encoding", "identity");
  if (have > 0) {
    req.setRawHeader("Range", "bytes=" + QByteArray::number(have) + '-');
    Q_EMIT note(tr("Resuming %1 after %2 from %3").arg(f.name, bytesText(have), currentUrl()));
    if (m_cancelled) {
      m_part.close();
      return finish(Status{tr("Cancelled")});
    }
  }
  m_headerSeen = false;
  m_tooLong = false;
  m_badRange = false;
  m_reply = m_network->get(req);
  connect(m_reply, &QNetworkReply::readyRead, this, &DataDownload::onReadyRead);
  connect(m_reply, &QNetworkReply::finished, this, &DataDownload::onReplyFinished);
}

void DataDownload::onReadyRead() {
  const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  if (status >= 300)
    return;  // an error page: not part of the file
  if (!m_headerSeen) {
    m_headerSeen = true;
    // 206 continues the partial file at the offset asked for; anything else (200, file://)
    // sends the whole file, which replaces it.
    const QByteArray range = m_reply->rawHeader("Content-Range");
    const QByteArray expected = QByteArray("bytes ") + QByteArray::number(m_part.pos()) + '-';
    const bool continues = status == 206 && range.startsWith(expected);
    if (status == 206 && !continues && !range.startsWith("bytes 0-")) {
      m_badRange = true;  // another part than the one asked for: the partial file cannot continue
      m_reply->abort();
      return;
    }
    if (!continues) {
      m_part.resize(0);
      m_part.seek(0);
    }
  }
  const QByteArray data = m_reply->readAll();
  const qint64 expected = m_files[m_fileIndex].size;
  if (expected >= 0 && m_part.pos() + data.size() > expected) {
    m_tooLong = true;
    m_reply->abort();
    return;
  }
  if (m_part.write(data) != data.size()) {
    m_cancelled = true;  // a full disk is not the mirror's fault: stop here
    m_fatal = tr("Cannot write %1: %2").arg(m_part.fileName(), m_part.errorString());
    m_reply->abort();
    return;
  }
  Q_EMIT progress(m_doneBytes + m_part.pos(), m_totalBytes, m_files[m_fileIndex].name);
}

void DataDownload::onReplyFinished() {
  QNetworkReply* reply = m_reply;
  m_reply = nullptr;
  reply->deleteLater();
  const DataFile& f = m_files[m_fileIndex];
  const qint64 have = m_part.size();
  m_part.close();
  const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  const QString url = currentUrl();
  if (m_cancelled)
    return finish(Status{!m_fatal.isEmpty() ? m_fatal : tr("Cancelled; %1 of %2 is kept and a new download resumes it").arg(bytesText(have), f.name)});
  if (m_tooLong) {
    QFile::remove(partPath());
    return failMirror(tr("%1 sent more than the %2 bytes %3 has").arg(url, QString::number(f.size), f.name));
  }
  if ((status == 416 || m_badRange) && !m_rangeRetried) {  // the server cannot continue our partial file: start over
    m_rangeRetried = true;
    QFile::remove(partPath());
    return request();
  }
  if (m_badRange) {
    QFile::remove(partPath());
    return failMirror(tr("%1: the server sent another part of the file than the one asked for").arg(url));
  }
  if (status >= 400) {
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    return failMirror(status == 404 ? tr("%1: not found (HTTP 404)").arg(url)
                                    : tr("%1: the server answered HTTP %2 %3").arg(url, QString::number(status), reason));
  }
  switch (reply->error()) {
    case QNetworkReply::NoError:
      break;
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
      return failMirror(tr("%1: no data for %2 s, gave up after %3 (kept for the next try)")
                            .arg(url, QLocale().toString(m_stallMs / 1000.0, 'g', 3), bytesText(have)));
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
      return failMirror(tr("%1: cannot connect to %2 (%3). Is this computer online?")
                            .arg(url, QUrl(url).host(), reply->errorString()));
    case QNetworkReply::RemoteHostClosedError:
      return failMirror(tr("%1: the connection was cut after %2 of %3 (kept; the next try resumes it)")
                            .arg(url, bytesText(have), f.size >= 0 ? bytesText(f.size) : f.name));
    default:
      return failMirror(tr("%1: %2").arg(url, reply->errorString()));
  }
  if (f.size >= 0 && have < f.size)
    return failMirror(tr("%1: the file ended after %2 of %3 (kept; the next try resumes it)")
                          .arg(url, bytesText(have), bytesText(f.size)));
  const QByteArray sum = sha256Of(partPath());
  if (sum != f.sha256) {
    QFile::remove(partPath());
    return failMirror(tr("%1: wrong checksum, SHA-256 %2 instead of %3 (deleted)").arg(url, QString::fromLatin1(sum), QString::fromLatin1(f.sha256)));
  }
  m_preferredMirror = m_mirrorIndex;
  completeFile(have);
}

void DataDownload::completeFile(qint64 bytes) {
  const QString done = partialFolder() + QLatin1Char('/') + m_files[m_fileIndex].name;
  QFile::remove(done);
  if (!QFile::rename(partPath(), done))
    return finish(Status{tr("Cannot rename %1 to %2").arg(partPath(), done)});
  m_doneBytes += bytes;
  nextFile();
}

void DataDownload::failMirror(const QString& reason) {
  Q_EMIT note(reason);
  m_failures << reason;
  if (m_cancelled)  // from a slot of that signal
    return finish(Status{tr("Cancelled")});
  ++m_mirrorsTried;
  if (m_mirrorsTried >= m_mirrors.size())
    return finish(Status{tr("Could not download %1 from any mirror.").arg(m_files[m_fileIndex].name) + QLatin1Char('\n') + m_failures.join(QLatin1Char('\n'))});
  m_mirrorIndex = (m_mirrorIndex + 1) % int(m_mirrors.size());
  m_rangeRetried = false;
  request();
}

void DataDownload::install() {
  if (m_check)
    if (const Status checked = m_check(partialFolder()); !checked.ok()) {
      for (const DataFile& f : m_files)
        QFile::remove(partialFolder() + QLatin1Char('/') + f.name);
      return finish(Status{checked.error});
    }
  if (!QDir().mkpath(m_folder))
    return finish(Status{tr("Cannot create the folder %1").arg(m_folder)});
  for (const DataFile& f : m_files)  // each file replaces the old one at once, never leaves none
    if (const Status moved = DigitsImport::replaceFile(partialFolder() + QLatin1Char('/') + f.name, m_folder + QLatin1Char('/') + f.name);
        !moved.ok())
      return finish(Status{tr("Cannot move %1 into %2: %3").arg(f.name, m_folder, moved.error)});
  QDir(partialFolder()).removeRecursively();
  finish(Status{});
}

void DataDownload::finish(const Status& outcome) {
  if (!m_running)  // ended already (cancelled from a slot of one of our signals)
    return;
  m_running = false;
  m_lock.reset();
  Q_EMIT finished(outcome);
}
