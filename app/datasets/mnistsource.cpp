// SPDX-License-Identifier: GPL-3.0-or-later
#include "mnistsource.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QUrl>

namespace MnistSource {

namespace {
const char* kSettingsKey = "data/mirrors";
}

QList<DataFile> standardFiles() {
  // The sizes and sums of the files Yann LeCun's page published, as every mirror serves them.
  return {
      {QStringLiteral("train-images-idx3-ubyte.gz"), 9912422,
       QByteArrayLiteral("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609")},
      {QStringLiteral("train-labels-idx1-ubyte.gz"), 28881,
       QByteArrayLiteral("3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c")},
      {QStringLiteral("t10k-images-idx3-ubyte.gz"), 1648877,
       QByteArrayLiteral("8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6")},
      {QStringLiteral("t10k-labels-idx1-ubyte.gz"), 4542,
       QByteArrayLiteral("f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")},
  };
}

QStringList defaultMirrors() {
  return {QStringLiteral("https://ossci-datasets.s3.amazonaws.com/mnist/"),
          QStringLiteral("https://storage.googleapis.com/cvdf-datasets/mnist/"),
          QStringLiteral("http://yann.lecun.com/exdb/mnist/")};
}

QStringList mirrors() {
  const QStringList chosen = QSettings().value(QLatin1String(kSettingsKey)).toStringList();
  return chosen.isEmpty() ? defaultMirrors() : chosen;
}

void setMirrors(const QStringList& list) {
  QSettings settings;
  if (list.isEmpty() || list == defaultMirrors())
    settings.remove(QLatin1String(kSettingsKey));
  else
    settings.setValue(QLatin1String(kSettingsKey), list);
}

Result<QStringList> parseMirrors(const QStringList& lines) {
  QStringList out;
  for (QString line : lines) {
    line = line.trimmed();
    if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
      continue;
    const QUrl url(line, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
                           scheme != QLatin1String("file")) ||
        (scheme != QLatin1String("file") && url.host().isEmpty()))
      return {{}, QCoreApplication::translate("MnistSource", "'%1' is not a web address (http:// or https://) or a file:// folder").arg(line)};
    out << (line.endsWith(QLatin1Char('/')) ? line : line + QLatin1Char('/'));
  }
  if (out.isEmpty())
    return {{}, QCoreApplication::translate("MnistSource", "No mirror is given: list at least one web address to download from")};
  return {out, {}};
}

Result<QList<DataFile>> parseSha256Sums(const QByteArray& text, const QString& source) {
  static const QRegularExpression line(QStringLiteral("^([0-9a-fA-F]{64}) [ *]?(\\S+)$"));
  QList<DataFile> listed;
  for (const QByteArray& raw : text.split('\n')) {
    const QString l = QString::fromUtf8(raw).trimmed();
    if (l.isEmpty() || l.startsWith(QLatin1Char('#')))
      continue;
    const auto m = line.match(l);
    if (!m.hasMatch())
      return {{}, QCoreApplication::translate("MnistSource", "%1: '%2' is not a line of sha256sum's output").arg(source, l.left(80))};
    listed.append({m.captured(2).section(QLatin1Char('/'), -1), -1, m.captured(1).toLower().toLatin1()});
  }
  QList<DataFile> files;
  for (const DataFile& standard : standardFiles()) {
    auto it = std::find_if(listed.begin(), listed.end(), [&](const DataFile& f) { return f.name == standard.name; });
    if (it == listed.end())
      return {{}, QCoreApplication::translate("MnistSource", "%1 gives no SHA-256 for %2").arg(source, standard.name)};
    files.append(*it);
  }
  return {files, {}};
}

Result<QList<DataFile>> filesListedIn(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return {{}, QCoreApplication::translate("MnistSource", "Cannot read the checksum list %1: %2").arg(path, f.errorString())};
  return parseSha256Sums(f.read(1 << 20), path);
}

Result<QList<DataFile>> expectedFiles() {
  const QString sums = qEnvironmentVariable("GENLAB_MNIST_SHA256SUMS");
  return sums.isEmpty() ? Result<QList<DataFile>>{standardFiles(), {}} : filesListedIn(sums);
}

}  // namespace MnistSource
