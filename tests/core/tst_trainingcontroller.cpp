// SPDX-License-Identifier: GPL-3.0-or-later
#include "runfolder.h"
#include "runfollower.h"
#include "trainedrun.h"
#include "testdata.h"
#include "trainingcontroller.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

class tst_TrainingController : public QObject {
  Q_OBJECT

  TrainingSettings settings(const QTemporaryDir& runs) const {
    TrainingSettings s;
    s.dataFolder = TestData::mnistFolder();
    s.runsFolder = runs.path();
    s.threads = 2;
    return s;
  }

 private Q_SLOTS:
  void trainsAndSavesARun() {
    REQUIRE_MNIST();
    QTemporaryDir runs;
    TrainingController c;
    QSignalSpy started(&c, &TrainingController::started);
    QSignalSpy progress(&c, &TrainingController::progress);
    QSignalSpy evaluated(&c, &TrainingController::evaluated);
    QSignalSpy decoder(&c, &TrainingController::decoderUpdated);
    QSignalSpy finished(&c, &TrainingController::finished);
    QSignalSpy failed(&c, &TrainingController::failed);
    TrainingSettings s = settings(runs);
    s.epochs = 2;
    QVERIFY(c.start(s).ok());
    QVERIFY(c.isRunning());
    QVERIFY(finished.wait(60000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(started.count(), 1);
    const qint64 totalSteps = started.first().at(1).toLongLong();
    QCOMPARE(started.first().at(2).toString(), QStringLiteral("vae-mlp"));  // the family: its loss columns name the values
    QCOMPARE(totalSteps, qint64(2 * 71));  // 9,000 digits in batches of 128 → 71 steps an epoch
    QCOMPARE(evaluated.count(), 2);
    QVERIFY(decoder.count() >= 2);
    QVERIFY(finished.first().at(1).toBool());

    // Every step's losses arrive, in order, across the progress reports.
    qint64 points = 0, lastStep = 0;
    for (const auto& args : progress) {
      const auto p = args.first().value<TrainingProgress>();
      for (const LossPoint& pt : p.points) {
        QCOMPARE(pt.step, lastStep + 1);
        QCOMPARE(pt.values.size(), 3);
        QVERIFY(std::abs(pt.values[0] - (pt.values[1] + pt.values[2])) < 1e-6 * pt.values[0]);  // total = recon + KL
        lastStep = pt.step;
        ++points;
      }
    }
    QCOMPARE(points, totalSteps);
    const auto last = progress.last().first().value<TrainingProgress>();
    QCOMPARE(last.step, totalSteps);
    QVERIFY(last.samplesPerSecond > 0);

    const auto e1 = evaluated.at(0).first().value<EpochEvaluation>();
    const auto e2 = evaluated.at(1).first().value<EpochEvaluation>();
    QCOMPARE(e1.values.size(), 3);  // held-out −ELBO, reconstruction, KL
    QVERIFY2(e2.values[0] < e1.values[0], qPrintable(QStringLiteral("%1 then %2").arg(e1.values[0]).arg(e2.values[0])));

    const RunFolder run(finished.first().at(0).toString());
    const auto read = run.readRunJson();
    QVERIFY2(read.ok(), qPrintable(read.error));
    const QJsonObject& json = read.value;
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(json.value(QStringLiteral("steps")).toInteger(), totalSteps);
    QCOMPARE(json.value(QStringLiteral("model")).toObject().value(QStringLiteral("latent_dim")).toInt(), 2);
    QString error;
    const DecoderSnapshot d = TestData::decoderOf(run.path(), &error);
    QVERIFY2(!d.isNull(), qPrintable(error));
    QCOMPARE(d.step(), totalSteps);
    QCOMPARE(d.decode({0.f, 0.f}).size(), QSize(28, 28));
    QFile csv(run.file(QStringLiteral("metrics.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), totalSteps + 1);
    // Nothing half-written is left behind; the best epoch's weights are kept beside the last.
    QCOMPARE(QDir(run.path()).entryList(QDir::Files),
             (QStringList{QStringLiteral("best.safetensors"), QStringLiteral("metrics.csv"), QStringLiteral("optimizer.safetensors"),
                          QStringLiteral("optimizer.safetensors.prev"), QStringLiteral("run.json"),
                          QStringLiteral("weights.safetensors")}));
    // The held-out −ELBO fell in epoch 2: its weights are the best, and run.json says so.
    const QJsonObject best = json.value(QStringLiteral("best")).toObject();
    QCOMPARE(best.value(QStringLiteral("epoch")).toInt(), 2);
    QCOMPARE(best.value(QStringLiteral("step")).toInteger(), totalSteps);
    QCOMPARE(best.value(QStringLiteral("measure")).toString(), QStringLiteral("negative_elbo"));
    QCOMPARE(best.value(QStringLiteral("value")).toDouble(), e2.values[0]);
    QFile bestFile(run.file(QStringLiteral("best.safetensors"))), lastFile(run.file(QStringLiteral("weights.safetensors")));
    QVERIFY(bestFile.open(QIODevice::ReadOnly) && lastFile.open(QIODevice::ReadOnly));
    QCOMPARE(bestFile.readAll(), lastFile.readAll());
  }

  void stopsMidEpoch() {
    REQUIRE_MNIST();
    QTemporaryDir runs;
    TrainingController c;
    QSignalSpy progress(&c, &TrainingController::progress);
    QSignalSpy finished(&c, &TrainingController::finished);
    TrainingSettings s = settings(runs);
    s.epochs = 1000;
    s.batchSize = 1;  // 9,000 steps an epoch (seconds): Stop lands inside the first one even on a loaded machine
    QVERIFY(c.start(s).ok());
    QVERIFY(progress.wait(30000));
    c.stop();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().at(1).toBool(), false);
    QVERIFY(c.stopAndWait(5000));
    QVERIFY(!c.isRunning());
    const RunFolder run(finished.first().at(0).toString());
    const QJsonObject json = run.readRunJson().value;
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("stopped"));
    const qint64 steps = json.value(QStringLiteral("steps")).toInteger();
    QVERIFY2(steps > 0 && steps < 9000, qPrintable(QString::number(steps)));
    QCOMPARE(json.value(QStringLiteral("epochs_done")).toInt(), 0);
    QString error;
    QVERIFY2(!TestData::decoderOf(run.path(), &error).isNull(), qPrintable(error));  // weights of the last step are saved
  }

  // Pause waits with the run saved; Resume goes on exactly: every step's losses equal those of
  // the same run never paused (the same seed and threads).
  void pauseAndResumeEqualUninterrupted() {
    REQUIRE_MNIST();
    QTemporaryDir runs;
    TrainingSettings s = settings(runs);
    s.epochs = 2;
    s.batchSize = 32;  // 282 steps an epoch: the pause lands early
    const auto losses = [](const QString& folder) {
      QFile csv(RunFolder(folder).file(QStringLiteral("metrics.csv")));
      QVector<QVector<double>> rows;
      if (!csv.open(QIODevice::ReadOnly))
        return rows;
      csv.readLine();  // header
      while (!csv.atEnd()) {
        const QList<QByteArray> fields = csv.readLine().trimmed().split(',');
        QVector<double> row;
        for (int i = 0; i < fields.size(); ++i)
          if (i != 2)  // the wall-clock column
            row.append(fields[i].isEmpty() ? -1.0 : fields[i].toDouble());
        rows.append(row);
      }
      return rows;
    };

    TrainingController c;
    QSignalSpy progress(&c, &TrainingController::progress);
    QSignalSpy finished(&c, &TrainingController::finished);
    s.runFolder = runs.filePath(QStringLiteral("paused"));
    QVERIFY(c.start(s).ok());
    QVERIFY(progress.wait(30000));
    c.setPaused(true);
    QVERIFY(c.isPaused());
    // The run reports that it waits, with its checkpoint on disk.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(progress.begin(), progress.end(),
                                         [](const QList<QVariant>& a) { return a.first().value<TrainingProgress>().paused; }),
                             10000);
    qint64 pausedAt = 0;
    for (const auto& a : progress)
      if (a.first().value<TrainingProgress>().paused)
        pausedAt = a.first().value<TrainingProgress>().step;
    QVERIFY(pausedAt > 0 && pausedAt < 2 * 282);
    QCOMPARE(RunFolder(s.runFolder).readRunJson().value.value(QStringLiteral("steps")).toInteger(), pausedAt);
    QTest::qWait(400);  // nothing trains meanwhile
    QCOMPARE(progress.last().first().value<TrainingProgress>().step, pausedAt);
    QVERIFY(finished.isEmpty());
    c.setPaused(false);
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.first().at(1).toBool());

    TrainingController d;
    QSignalSpy finishedToo(&d, &TrainingController::finished);
    s.runFolder = runs.filePath(QStringLiteral("straight"));
    QVERIFY(d.start(s).ok());
    QVERIFY(finishedToo.wait(60000));
    const auto a = losses(runs.filePath(QStringLiteral("paused"))), b = losses(runs.filePath(QStringLiteral("straight")));
    QCOMPARE(a.size(), 2 * 282);
    QCOMPARE(b.size(), a.size());
    for (int i = 0; i < a.size(); ++i) {
      QCOMPARE(a[i].size(), b[i].size());
      for (int j = 0; j < a[i].size(); ++j)
        QVERIFY2(std::abs(a[i][j] - b[i][j]) <= 1e-5 * std::max(1.0, std::abs(b[i][j])),
                 qPrintable(QStringLiteral("step %1, column %2: %3 vs %4").arg(i + 1).arg(j).arg(a[i][j]).arg(b[i][j])));
    }
  }

  // The best epoch is found among every epoch, also those whose samples are not saved (a run of
  // 200 epochs saves grids every second one): run.json's best is the lowest held-out value of
  // metrics.csv, and best.safetensors holds that epoch's weights.
  void bestEpochAmongAllEpochs() {
    REQUIRE_MNIST();
    QTemporaryDir runs;
    TrainingController c;
    QSignalSpy finished(&c, &TrainingController::finished);
    QSignalSpy failed(&c, &TrainingController::failed);
    TrainingSettings s = settings(runs);
    s.epochs = 200;         // grids (and their checkpoints) every second epoch …
    s.maxSteps = 71 * 9;    // … of which nine are trained: epochs 1, 3, … are checked by themselves
    s.learningRate = 3e-3;  // a held-out curve that goes up and down
    QVERIFY(c.start(s).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 120000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
    const RunFolder run(finished.first().at(0).toString());
    const auto metrics = RunMetrics::read(run.file(QStringLiteral("metrics.csv")));
    QVERIFY2(metrics.ok(), qPrintable(metrics.error));
    double lowest = qInf();
    qint64 lowestStep = 0;
    int epochs = 0;
    for (const MetricsRow& row : metrics.value.rows)
      if (!row.heldOut.isEmpty()) {
        ++epochs;
        if (row.heldOut.first() < lowest)
          lowest = row.heldOut.first(), lowestStep = row.step;
      }
    QCOMPARE(epochs, 9);
    const QJsonObject best = run.readRunJson().value.value(QStringLiteral("best")).toObject();
    // metrics.csv keeps 8 significant digits, run.json the double itself.
    QVERIFY(std::abs(best.value(QStringLiteral("value")).toDouble() - lowest) <= 1e-7 * lowest);
    QCOMPARE(best.value(QStringLiteral("step")).toInteger(), lowestStep);
    QVERIFY(QFileInfo(run.file(QStringLiteral("best.safetensors"))).size() > 1000);
  }

  // Stop ends a pause: the run saves and finishes.
  void stopWhilePaused() {
    REQUIRE_MNIST();
    QTemporaryDir runs;
    TrainingController c;
    QSignalSpy progress(&c, &TrainingController::progress);
    QSignalSpy finished(&c, &TrainingController::finished);
    TrainingSettings s = settings(runs);
    s.epochs = 1000;
    QVERIFY(c.start(s).ok());
    QVERIFY(progress.wait(30000));
    c.setPaused(true);
    QTest::qWait(200);
    c.stop();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(1).toBool(), false);
    QVERIFY(!c.isPaused());
  }

  void destroyingTheControllerStopsTheRun() {
    REQUIRE_MNIST();
    QTemporaryDir runs;
    QString folder;
    {
      TrainingController c;
      QSignalSpy started(&c, &TrainingController::started);
      TrainingSettings s = settings(runs);
      s.epochs = 1000;
      QVERIFY(c.start(s).ok());
      QVERIFY(started.wait(30000));
      folder = started.first().first().toString();
    }  // the destructor stops, the worker saves, the thread is joined
    QString error;
    QVERIFY2(!TestData::decoderOf(folder, &error).isNull(), qPrintable(error));
  }

  void badSettingsAreRefused_data() {
    QTest::addColumn<int>("epochs");
    QTest::addColumn<double>("lr");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero epochs") << 0 << 1e-3 << TestData::mnistFolder() << "Epochs must be between 1 and 10000";
    QTest::newRow("negative lr") << 5 << -0.1 << TestData::mnistFolder() << "Learning rate must be above 0";
    QTest::newRow("nan lr") << 5 << qQNaN() << TestData::mnistFolder() << "Learning rate";
    QTest::newRow("no data") << 5 << 1e-3 << "/nonexistent" << "does not exist";
  }
  void badSettingsAreRefused() {
    QFETCH(int, epochs);
    QFETCH(double, lr);
    QFETCH(QString, data);
    QFETCH(QString, expected);
    QTemporaryDir runs;
    TrainingController c;
    QSignalSpy failed(&c, &TrainingController::failed);
    TrainingSettings s = settings(runs);
    s.epochs = epochs;
    s.learningRate = lr;
    s.dataFolder = data;
    const Status refused = c.start(s);
    QVERIFY(!refused.ok());
    QCOMPARE(failed.count(), 0);  // a refusal is the answer of start(), not a failed run
    QVERIFY2(refused.error.contains(expected), qPrintable(refused.error));
  }

  void corruptDataFailsWithTheFileName() {
    QTemporaryDir runs, data;
    QFile f(data.filePath(QStringLiteral("train-images-idx3-ubyte.gz")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not gzip nor IDX");
    f.close();
    QFile l(data.filePath(QStringLiteral("train-labels-idx1-ubyte.gz")));
    QVERIFY(l.open(QIODevice::WriteOnly));
    l.close();
    TrainingController c;
    QSignalSpy failed(&c, &TrainingController::failed);
    TrainingSettings s = settings(runs);
    s.dataFolder = data.path();
    QVERIFY(c.start(s).ok());
    QVERIFY(failed.wait(10000));
    const QString msg = failed.first().first().toString();
    QVERIFY2(msg.contains(QStringLiteral("train-images-idx3-ubyte.gz: not an IDX file")), qPrintable(msg));
    QVERIFY(QDir(runs.path()).isEmpty());  // no run folder for a run that never started
  }
};

QTEST_GUILESS_MAIN(tst_TrainingController)
#include "tst_trainingcontroller.moc"
