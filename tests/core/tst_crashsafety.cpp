// SPDX-License-Identifier: GPL-3.0-or-later
#include "runfolder.h"
#include "testdata.h"

#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <random>

// SIGKILL genlab-cli at random moments while it writes a checkpoint every step, 20 times:
// every run left behind must be one that `info` reads and `resume` continues.
class tst_CrashSafety : public QObject {
  Q_OBJECT

  static int cli(const QStringList& args, QString* out = nullptr, QString* errText = nullptr) {
    QProcess p;
    p.start(QStringLiteral(GENLAB_CLI_PATH), args);
    if (!p.waitForFinished(60000)) {
      p.kill();
      return -1;
    }
    if (out)
      *out = QString::fromUtf8(p.readAllStandardOutput());
    if (errText)
      *errText = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  }

 private Q_SLOTS:
  void killedAnywhereStaysResumable() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    std::mt19937 rng(20261123);
    int killedMidRun = 0;
    for (int i = 0; i < 20; ++i) {
      const QString run = dir.filePath(QStringLiteral("run%1").arg(i));
      QProcess p;
      p.start(QStringLiteral(GENLAB_CLI_PATH),
              {QStringLiteral("train"), QStringLiteral("--epochs"), QStringLiteral("1000"), QStringLiteral("--threads"),
               QStringLiteral("1"), QStringLiteral("--save-every"), QStringLiteral("1"), QStringLiteral("--quality"), QStringLiteral("off"), QStringLiteral("--data"),
               TestData::mnistFolder(), QStringLiteral("--out"), run});
      QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(run + QStringLiteral("/weights.safetensors")), 30000);
      QTest::qWait(int(rng() % 300));  // each step writes weights, optimizer state, metrics and run.json
      ::kill(pid_t(p.processId()), SIGKILL);
      QVERIFY(p.waitForFinished(10000));
      killedMidRun += p.exitStatus() == QProcess::CrashExit;

      QString out, errText;
      QCOMPARE(cli({QStringLiteral("info"), run}, &out, &errText), 0);
      QVERIFY2(out.contains(QStringLiteral("vae-mlp")), qPrintable(errText));
      const qint64 steps = RunFolder(run).readRunJson().value.value(QStringLiteral("steps")).toInteger();
      const int code = cli({QStringLiteral("resume"), run, QStringLiteral("--max-steps"), QString::number(steps + 5)},
                           &out, &errText);
      QVERIFY2(code == 0, qPrintable(QStringLiteral("run %1: %2").arg(i).arg(errText)));
      // Temporary files of the interrupted write are cleared when the run resumes.
      const QStringList leftovers = QDir(run).entryList({QStringLiteral("*.tmp-*"), QStringLiteral("run.json.*"),
                                                         QStringLiteral("metrics.csv.*")}, QDir::Files);
      QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
    }
    QCOMPARE(killedMidRun, 20);
  }
};

QTEST_GUILESS_MAIN(tst_CrashSafety)
#include "tst_crashsafety.moc"
