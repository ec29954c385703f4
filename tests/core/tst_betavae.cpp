// SPDX-License-Identifier: GPL-3.0-or-later
// The β-VAE, a family added by its own file and one line in familylist.h: its defaults (β = 4, a
// 4-D code) reach the command line, the run and the loss it minimises, and its runs reopen as it.
#include "registry.h"
#include "run.h"
#include "testdata.h"
#include "trainingworker.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

class tst_BetaVae : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void trainsWithItsOwnDefaults() {
    REQUIRE_MNIST();
    const ModelFamily* family = Registry::resolve(QStringLiteral("beta-vae"), QStringLiteral("mnist"));
    QVERIFY(family);
    QVERIFY(family->latentExplorer && family->likelihood);
    QTemporaryDir dir;
    TrainingSettings s;
    s.useDefaultsOf(QStringLiteral("beta-vae"));
    QCOMPARE(s.options.real(QStringLiteral("beta")), 4.0);
    QCOMPARE(s.options.integer(QStringLiteral("latent")), 4);
    s.dataFolder = TestData::mnistFolder();
    s.runFolder = dir.filePath(QStringLiteral("run"));
    s.maxSteps = 5;
    s.threads = 2;
    TrainingWorker worker(s);
    QString failure;
    connect(&worker, &TrainingWorker::failed, this, [&failure](const QString& m) { failure = m; });
    worker.run();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    const auto run = Run::open(s.runFolder);
    QVERIFY2(run.ok(), qPrintable(run.error));
    QCOMPARE(&run.value.family(), family);
    QCOMPARE(run.value.model().value(QStringLiteral("latent_dim")).toInt(), 4);
    QCOMPARE(run.value.options().real(QStringLiteral("beta")), 4.0);
    // Each step minimises recon + 4·KL (metrics.csv: step, epoch, wall_s, −ELBO·β, recon, KL).
    QFile csv(s.runFolder + QStringLiteral("/metrics.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    csv.readLine();
    for (int i = 0; i < 5; ++i) {
      const QList<QByteArray> row = csv.readLine().trimmed().split(',');
      QVERIFY(row.size() >= 6);
      QVERIFY2(std::abs(row[3].toDouble() - (row[4].toDouble() + 4 * row[5].toDouble())) < 1e-3, row.join(','));
    }
  }
};

QTEST_MAIN(tst_BetaVae)
#include "tst_betavae.moc"
