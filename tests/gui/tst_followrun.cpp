// SPDX-License-Identifier: GPL-3.0-or-later
// Following a run that genlab-cli trains: the Train page's curves, held-out points and sample
// strip update as the run folder changes, within a second of each write.
#include "layoutcheck.h"
#include "qualitychart.h"
#include "runcomparechart.h"
#include "samplequality.h"
#include "systeminfo.h"
#include "timesteplosschart.h"
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
#include <QSignalSpy>
#include <QTabWidget>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <qcustomplot.h>

#include <cmath>

class tst_FollowRun : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void followsARunTheCliTrains() {
    const LayoutCheck::SystemLanguage language;  // Chinese in the suite's zh_CN pass
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
    // The first scored epoch may train the data set's quality classifier (about a minute, once).
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 400000);
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

    // Gradient norm and learning rate: a point every step, the rate the one asked for.
    const RunMetrics m = RunMetrics::read(metrics.fileName()).value;
    TrainingCurves* gradients = page.dashboard()->gradients();
    QCOMPARE(gradients->seriesNames(),
             (QStringList{QCoreApplication::translate("RunFollower", "gradient norm"),
                          QCoreApplication::translate("TrainingCurves", "%1, right axis")
                              .arg(QCoreApplication::translate("RunFollower", "learning rate"))}));
    QCOMPARE(gradients->smoothedGraph(1)->valueAxis(), gradients->plot()->yAxis2);  // 10⁻³ beside norms of ~10
    QCOMPARE(gradients->pointCount(), rows);
    for (const MetricsRow& r : m.rows) {
      QCOMPARE(r.optimizer.size(), 2);
      QVERIFY(std::isfinite(r.optimizer[0]) && r.optimizer[0] > 0);
      QCOMPARE(r.optimizer[1], 1e-3);  // the VAE's default rate, constant
    }
    // The quality chart: a point for every scored epoch of metrics.csv, with its numbers, and the
    // last is what `genlab-cli quality` measures on the run (500 samples, seed 1). Each epoch saves
    // samples; those that end before the judge has loaded go unscored (on a fast CPU the first one
    // or two of these short epochs), the last always waits for it.
    QVector<int> scoredEpochs;
    for (const MetricsRow& r : m.rows)
      if (!r.quality.isEmpty())
        scoredEpochs << r.epoch;
    QVERIFY(!scoredEpochs.isEmpty());
    QCOMPARE(scoredEpochs.last(), 3);
    QualityChart* quality = page.dashboard()->quality();
    QTRY_COMPARE_WITH_TIMEOUT(quality->pointCount(), int(scoredEpochs.size()), 10000);  // the last score lands after the run ends
    QCOMPARE(quality->epochs(), scoredEpochs);
    const int frechet = int(m.columns.quality.indexOf(QStringLiteral("quality_frechet")));
    const int confident = int(m.columns.quality.indexOf(QStringLiteral("quality_confident")));
    QVERIFY(frechet >= 0 && confident >= 0);
    QVector<double> fromFile;
    for (const MetricsRow& r : m.rows)
      if (!r.quality.isEmpty())
        fromFile << r.quality[frechet];
    QCOMPARE(quality->measure(0), fromFile);
    SampleRequest request;
    request.count = 500;
    SystemInfo::setThreads(1);  // as the CLI ran: the same sums in the same order
    const auto report = SampleQuality::scoreRun(folder, request, TestData::mnistFolder(), {});
    QVERIFY2(report.ok(), qPrintable(report.error));
    // metrics.csv keeps 8 significant digits.
    const auto close = [](double a, double b) { return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b)); };
    QVERIFY2(close(quality->measure(0).last(), report.value.frechet),
             qPrintable(QStringLiteral("%1 vs %2").arg(quality->measure(0).last()).arg(report.value.frechet)));
    QVERIFY(close(quality->measure(1).last(), report.value.confident));
    double counted = 0;
    for (double c : m.rows.last().quality.mid(3))
      counted += c;
    QCOMPARE(counted, 500.0);  // the histogram counts every sample
    for (QTabWidget* tabs : {page.dashboard()->chartTabs()})
      for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        LAYOUT_OK(&page);  // each chart of a finished run followed
      }
    page.followRun({});
    QVERIFY(page.followedRun().isEmpty());
  }

  // Two runs on one chart: every point of each, by step, epoch or training time, hidden and
  // shown, the held-out curves too; the CSV holds every point shown.
  void comparesTwoRuns() {
    const LayoutCheck::SystemLanguage language;  // Chinese in the suite's zh_CN pass
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
    page.dashboard()->chartTabs()->setCurrentWidget(chart);
    LAYOUT_OK(&page);
  }

  // A VAE and an auto-encoder name their measures alike: both draw "reconstruction", held out or
  // not; a curve only one has is drawn for it, and the chart says which run has none.
  void comparesAVaeWithAnAutoEncoder() {
    const LayoutCheck::SystemLanguage language;  // Chinese in the suite's zh_CN pass
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString vae = TestData::trainOneEpoch(dir.path()), ae = TestData::trainOneEpoch(dir.path(), 2, QStringLiteral("ae"));
    QVERIFY(!vae.isEmpty() && !ae.isEmpty());
    TrainPage page;
    page.show();
    RunCompareChart* chart = page.dashboard()->comparison();
    auto* missing = chart->findChild<QLabel*>(QStringLiteral("compareMissingLabel"));
    QVERIFY(missing);
    QVERIFY(!missing->text().isEmpty());  // no runs yet: a hint, not an empty legend box
    QVERIFY(!chart->plot()->legend->visible());
    QVERIFY(page.compareRun(vae).ok());
    QVERIFY(page.compareRun(ae).ok());
    const auto rowsOf = [](const QString& folder) { return RunMetrics::read(QDir(folder).filePath(QStringLiteral("metrics.csv"))).value; };
    const int both = int(rowsOf(vae).rows.size() + rowsOf(ae).rows.size());
    const QString reconstruction = QCoreApplication::translate("ModelFamily", "reconstruction");
    QVERIFY(chart->setCurve(reconstruction));
    QTRY_COMPARE_WITH_TIMEOUT(chart->pointCount(), both, 5000);
    QVERIFY(missing->isHidden());
    QVERIFY(chart->setCurve(RunCompareChart::tr("held-out: %1").arg(reconstruction)));
    QCOMPARE(chart->pointCount(), 2);  // one epoch each
    QVERIFY(chart->plot()->legend->visible());
    QVERIFY(chart->setCurve(QCoreApplication::translate("ModelFamily", "KL")));  // the VAE's alone
    QCOMPARE(chart->pointCount(), int(rowsOf(vae).rows.size()));
    QVERIFY(missing->isVisible());
    QVERIFY2(missing->text().contains(QDir(ae).dirName()), qPrintable(missing->text()));
    page.dashboard()->chartTabs()->setCurrentWidget(chart);
    LAYOUT_OK(&page);  // the "not drawn" line wraps, it does not widen the page
  }

  // A diffusion run on 2-D points: the loss per tenth of the timesteps, one curve an epoch; the
  // quality chart by MMD to the held-out points; metrics.csv's numbers on both.
  void followsADiffusionRunsTimestepsAndQuality() {
    const LayoutCheck::SystemLanguage language;  // Chinese in the suite's zh_CN pass
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("toy-diffusion"));
    QProcess cli;
    cli.start(QStringLiteral(GENLAB_CLI_PATH),
              {QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("toy-diffusion"), QStringLiteral("--dataset"),
               QStringLiteral("toy:moons"), QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--threads"),
               QStringLiteral("1"), QStringLiteral("--out"), folder});
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 0);
    const RunMetrics m = RunMetrics::read(QDir(folder).filePath(QStringLiteral("metrics.csv"))).value;
    QCOMPARE(m.columns.byTimestep.size(), 10);
    QCOMPARE(m.columns.quality, QStringList{QStringLiteral("quality_mmd")});
    TrainPage page;
    page.show();
    page.followRun(folder);
    TimestepLossChart* byTimestep = page.dashboard()->timestepChart();
    QTRY_COMPARE_WITH_TIMEOUT(byTimestep->epochCount(), 3, 2000);
    QCOMPARE(byTimestep->timesteps(), 100);  // the toy model's T
    QCOMPARE(page.dashboard()->chartTabs()->isTabVisible(page.dashboard()->chartTabs()->indexOf(byTimestep)), true);
    // Its CSV holds metrics.csv's numbers: bucket 3 of epoch 2 covers t = 30 … 39.
    const MetricsRow* second = nullptr;
    for (const MetricsRow& r : m.rows)
      if (!r.byTimestep.isEmpty() && r.epoch == 2)
        second = &r;
    QVERIFY(second);
    QVERIFY(byTimestep->csv().contains(QStringLiteral("\n2,30,39,%1\n").arg(second->byTimestep[3], 0, 'g', 17)));
    QualityChart* quality = page.dashboard()->quality();
    QTRY_COMPARE_WITH_TIMEOUT(quality->pointCount(), 3, 10000);  // the last score lands after the run ends
    QCOMPARE(quality->measure(0).last(), m.rows.last().quality[0]);
    QVERIFY(m.rows.last().quality[0] > 0 && m.rows.last().quality[0] < std::sqrt(2.0));
    for (QWidget* chart : {static_cast<QWidget*>(byTimestep), static_cast<QWidget*>(quality)}) {
      page.dashboard()->chartTabs()->setCurrentWidget(chart);
      LAYOUT_OK(&page);
    }
  }

  // A followed run that was stopped shows no speed and nothing remaining (it no longer trains).
  void aStoppedRunRemainsNothing() {
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("stopped"));
    QProcess cli;
    cli.start(QStringLiteral(GENLAB_CLI_PATH),
              {QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("toy-diffusion"), QStringLiteral("--dataset"),
               QStringLiteral("toy:moons"), QStringLiteral("--max-steps"), QStringLiteral("30"), QStringLiteral("--threads"),
               QStringLiteral("1"), QStringLiteral("--out"), folder});
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 0);
    TrainPage page;
    page.show();
    page.followRun(folder);
    auto* eta = page.dashboard()->findChild<QLabel*>(QStringLiteral("etaLabel"));
    QVERIFY(eta);
    QTRY_COMPARE_WITH_TIMEOUT(page.dashboard()->curves()->pointCount(), 30, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(eta->text(), QStringLiteral("–"), 3000);
  }

  // The worker writes an epoch's row, then, once its samples are scored, the same row with
  // their quality: the follower reports the completed row, without starting over.
  void aCompletedRowIsNoRestart() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.csv"));
    const auto write = [&](const QByteArray& text) {
      QFile f(path + QStringLiteral(".tmp"));
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(text);
      f.close();
      QFile::remove(path);
      QVERIFY(QFile::rename(path + QStringLiteral(".tmp"), path));
    };
    const QByteArray head = "step,epoch,wall_s,loss,grad_norm,lr,quality_mmd\n1,0,0.1,2.0,1.5,0.001,\n";
    write(head + "2,1,0.2,1.5,1.25,0.001,\n");
    RunFollower follower;
    QSignalSpy columns(&follower, &RunFollower::columnsChanged), rows(&follower, &RunFollower::rowsAdded),
        completed(&follower, &RunFollower::rowCompleted);
    follower.follow(dir.path());
    QCOMPARE(columns.count(), 1);
    QCOMPARE(rows.count(), 1);
    write(head + "2,1,0.2,1.5,1.25,0.001,0.375\n");  // the same size would hide it: one more digit
    QTRY_COMPARE_WITH_TIMEOUT(completed.count(), 1, 3000);
    QCOMPARE(completed.first().first().value<MetricsRow>().quality, QVector<double>{0.375});
    write(head + "2,1,0.2,1.5,1.25,0.001,0.375\n3,1,0.3,1.25,1.0,0.001,\n");
    QTRY_COMPARE_WITH_TIMEOUT(rows.count(), 2, 3000);
    QCOMPARE(rows.last().first().value<QVector<MetricsRow>>().size(), 1);  // only the new step
    QCOMPARE(columns.count(), 1);  // never started over
    QCOMPARE(completed.count(), 1);
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
    // Each column where it belongs, whatever the order; a step without a gradient norm reads NaN.
    write("step,epoch,wall_s,d,g,grad_norm_discriminator,lr_discriminator,grad_norm_generator,lr_generator,eval_d,"
          "eval_loss_t0,eval_loss_t1,quality_mmd\n"
          "1,0,0.1,0.5,0.7,2.5,0.001,,0.002,,,,\n"
          "2,1,0.2,0.4,0.8,2.0,0.001,3.0,0.002,0.45,9,8,0.25\n");
    const auto columns = RunMetrics::read(path);
    QVERIFY2(columns.ok(), qPrintable(columns.error));
    const RunMetrics& c = columns.value;
    QCOMPARE(c.columns.losses, (QStringList{QStringLiteral("d"), QStringLiteral("g")}));
    QCOMPARE(c.columns.optimizer.size(), 4);
    QCOMPARE(c.columns.heldOut, QStringList{QStringLiteral("d")});
    QCOMPARE(c.columns.byTimestep.size(), 2);
    QCOMPARE(c.rows[0].optimizer[0], 2.5);
    QVERIFY(std::isnan(c.rows[0].optimizer[2]));
    QVERIFY(c.rows[0].heldOut.isEmpty() && c.rows[0].byTimestep.isEmpty() && c.rows[0].quality.isEmpty());
    QCOMPARE(c.rows[1].heldOut, QVector<double>{0.45});
    QCOMPARE(c.rows[1].byTimestep, (QVector<double>{9, 8}));
    QCOMPARE(c.rows[1].quality, QVector<double>{0.25});
    QCOMPARE(MetricsColumns::optimizerLabel(QStringLiteral("lr_generator")), QStringLiteral("learning rate (generator)"));
    QCOMPARE(MetricsColumns::optimizerLabel(QStringLiteral("grad_norm")), QStringLiteral("gradient norm"));
  }
};

QTEST_MAIN(tst_FollowRun)
#include "tst_followrun.moc"
