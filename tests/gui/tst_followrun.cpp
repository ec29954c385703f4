// SPDX-License-Identifier: GPL-3.0-or-later
// Following a run that genlab-cli trains: the Train page's curves, held-out points and sample
// strip update as the run folder changes, within a second of each write.
#include "runcomparechart.h"
#include "runfollower.h"
#include "trainedrun.h"
#include "samplestrip.h"
#include "testdata.h"
#include "trainingcurves.h"
#include "trainingdashboard.h"
#include "trainpage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <qcustomplot.h>

class tst_FollowRun : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void followsARunTheCliTrains() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("cli-run"));
    TrainPage page;
    page.show();
    page.followRun(folder);  // nothing there yet: it waits for the folder to fill
    QCOMPARE(page.followedRun(), folder);
    TrainingCurves* curves = page.dashboard()->curves();

    // Each time the chart gets new points, how long after metrics.csv was written.
    QVector<qint64> delays;
    int seen = 0;
    QTimer watch;
    watch.setInterval(10);
    connect(&watch, &QTimer::timeout, this, [&] {
      if (curves->pointCount() == seen)
        return;
      seen = curves->pointCount();
      const QFileInfo metrics(QDir(folder).filePath(QStringLiteral("metrics.csv")));
      delays << metrics.lastModified().msecsTo(QDateTime::currentDateTime());
    });
    watch.start();

    QProcess cli;
    cli.start(QStringLiteral(GENLAB_CLI_PATH),
              {QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("vae"), QStringLiteral("--epochs"),
               QStringLiteral("3"), QStringLiteral("--batch"), QStringLiteral("32"), QStringLiteral("--threads"),
               QStringLiteral("1"), QStringLiteral("--data"), TestData::mnistFolder(), QStringLiteral("--out"), folder});
    QVERIFY(cli.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 120000);
    QCOMPARE(cli.exitCode(), 0);
    // Everything the CLI wrote is on the chart: every step, every epoch's held-out point, every grid.
    QFile metrics(QDir(folder).filePath(QStringLiteral("metrics.csv")));
    QVERIFY(metrics.open(QIODevice::ReadOnly));
    const int rows = int(metrics.readAll().count('\n')) - 1;
    QTRY_COMPARE_WITH_TIMEOUT(curves->pointCount(), rows, 2000);
    QCOMPARE(curves->plot()->graph(0)->dataCount(), 3);  // held-out, one point an epoch
    const int grids = int(QDir(QDir(folder).filePath(QStringLiteral("samples"))).entryList({QStringLiteral("*.png")}).size());
    QVERIFY(grids >= 1);
    QCOMPARE(page.dashboard()->samples()->count(), grids);
    QVERIFY(!delays.isEmpty());
    for (const qint64 ms : delays)
      QVERIFY2(ms <= 1000, qPrintable(QStringLiteral("points shown %1 ms after their write").arg(ms)));
    // The curves carry the family's names.
    QCOMPARE(curves->seriesNames().size(), 3);
    page.followRun({});
    QVERIFY(page.followedRun().isEmpty());
  }

  // Two runs on one chart: every point of each, by step, epoch or training time, hidden and
  // shown, the held-out curves too; the CSV holds every point shown.
  void comparesTwoRuns() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString a = TestData::trainOneEpoch(dir.path()), b = TestData::trainOneEpoch(dir.path(), 3);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    TrainPage page;
    page.show();
    QVERIFY(page.compareRun(a).ok());
    QVERIFY(page.compareRun(b).ok());
    QVERIFY(!page.compareRun(dir.filePath(QStringLiteral("nothing"))).ok());
    RunCompareChart* chart = page.dashboard()->comparison();
    QCOMPARE(chart->runCount(), 2);
    const auto rowsOf = [](const QString& folder) { return RunMetrics::read(QDir(folder).filePath(QStringLiteral("metrics.csv"))).value; };
    const RunMetrics ma = rowsOf(a), mb = rowsOf(b);
    QTRY_COMPARE_WITH_TIMEOUT(chart->pointCount(), int(ma.rows.size() + mb.rows.size()), 5000);
    QVERIFY(chart->curves().size() >= 4);  // three losses and the held-out ones
    // Raw, the chart holds the values of metrics.csv themselves.
    chart->setSmoothed(false);
    QCOMPARE(chart->plot()->graph(0)->data()->at(5)->value, ma.rows[5].losses[0]);
    // Along epochs the last step is one epoch; along training time, its seconds.
    chart->setAxis(RunCompareChart::Axis::Epoch);
    QCOMPARE(chart->plot()->graph(0)->data()->at(chart->plot()->graph(0)->dataCount() - 1)->key, 1.0);
    chart->setAxis(RunCompareChart::Axis::Time);
    QCOMPARE(chart->plot()->graph(0)->data()->at(chart->plot()->graph(0)->dataCount() - 1)->key, ma.rows.last().wallSeconds);
    // Hidden, a run leaves the chart and the legend, not the data.
    chart->setRunVisible(2, false);
    QCOMPARE(chart->pointCount(), int(ma.rows.size()));
    QCOMPARE(chart->csv().count(QLatin1Char('\n')) - 1, int(ma.rows.size()) * ma.columns.losses.size() + ma.columns.heldOut.size());
    chart->setRunVisible(2, true);
    QVERIFY(chart->setCurve(chart->curves().last()));  // a held-out measure: a point an epoch
    QCOMPARE(chart->pointCount(), 2);
  }

  void badMetricsAreNamed() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.csv"));
    const auto write = [&](const QByteArray& text) {
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(text);
    };
    write("step,epoch,wall_s,total,eval_total\n1,0,0.5,3.25,\n2,1,1.0,3.0,2.5\n3,1,1.5,2");  // a line in progress
    const auto ok = RunMetrics::read(path);
    QVERIFY2(ok.ok(), qPrintable(ok.error));
    QCOMPARE(ok.value.rows.size(), 2);
    QCOMPARE(ok.value.rows[1].heldOut, QVector<double>{2.5});
    QVERIFY(ok.value.rows[0].heldOut.isEmpty());
    QCOMPARE(ok.value.rows[0].wallSeconds, 0.5);
    // Read on from where a read ended: only the lines after it.
    const auto more = [&] {
      QFile f(path);
      QVERIFY(f.open(QIODevice::Append));
      f.write(",1\n4,1,2.0,2.75,\n");  // the line in progress ends, another follows
    };
    more();
    const auto rest = RunMetrics::read(path, ok.value.end);
    QVERIFY2(rest.ok(), qPrintable(rest.error));
    QCOMPARE(rest.value.rows.size(), 2);
    QCOMPARE(rest.value.rows[0].step, qint64(3));
    QCOMPARE(rest.value.rows[0].heldOut, QVector<double>{1.0});
    QCOMPARE(rest.value.rows[1].losses, QVector<double>{2.75});
    write("time,loss\n1,2\n");
    QVERIFY(RunMetrics::read(path).error.contains(QStringLiteral("not a GenLab metrics file")));
    write("step,epoch,wall_s,total\n1,0,0.5\n");
    QVERIFY(RunMetrics::read(path).error.contains(QStringLiteral("line 2")));
    write("step,epoch,wall_s,total\n1,0,0.5,x\n");
    QVERIFY(RunMetrics::read(path).error.contains(QStringLiteral("cannot be read")));
    QVERIFY(!RunMetrics::read(dir.filePath(QStringLiteral("none.csv"))).ok());
  }
};

QTEST_MAIN(tst_FollowRun)
#include "tst_followrun.moc"
