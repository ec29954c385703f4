// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingcurves.h"
#include "trainingdashboard.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTest>
#include <qcustomplot.h>

class tst_TrainingDashboard : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // A model's own options as app/ declares them: a latent size from 1 to 128, starting at 2.
  static ModelChoice vaeWithLatent() {
    ModelChoice c;
    c.id = QStringLiteral("a-vae");
    c.label = QStringLiteral("A VAE");
    FormOption latent;
    latent.key = QStringLiteral("latent");
    latent.label = QStringLiteral("Latent &dimension:");
    latent.min = 1;
    latent.max = 128;
    latent.defaultValue = 2;
    c.options = {latent};
    return c;
  }

  void formValues() {
    TrainingDashboard d;
    d.setMaxThreads(2);
    d.setModelChoices({vaeWithLatent()});
    TrainingFormValues v = d.values();
    QCOMPARE(v.epochs, 50);
    QCOMPARE(v.batchSize, 128);
    QCOMPARE(v.learningRate, 1e-3);
    QCOMPARE(v.options.value(QStringLiteral("latent")).toInt(), 2);
    auto* epochs = d.findChild<QSpinBox*>(QStringLiteral("epochsSpin"));
    epochs->setValue(7);
    auto* seed = d.findChild<QLineEdit*>(QStringLiteral("seedEdit"));
    seed->clear();
    QTest::keyClicks(seed, QStringLiteral("42x"));  // the validator drops the x
    QCOMPARE(d.values().epochs, 7);
    QCOMPARE(d.values().seed, quint64(42));
    // Absurd values cannot be typed: the spin box holds its range.
    auto* latent = d.findChild<QSpinBox*>(QStringLiteral("option-latent"));
    QVERIFY(latent);
    latent->setValue(100000);
    QCOMPARE(d.values().options.value(QStringLiteral("latent")).toInt(), 128);
    // A model without the option has no row for it; back on the first, the row is there again.
    ModelChoice plain;
    plain.id = QStringLiteral("plain");
    plain.label = QStringLiteral("Plain");
    d.setModelChoices({vaeWithLatent(), plain});
    auto* model = d.findChild<QComboBox*>(QStringLiteral("modelCombo"));
    model->setCurrentIndex(model->findData(plain.id));
    QVERIFY(!d.findChild<QSpinBox*>(QStringLiteral("option-latent")));
    QVERIFY(d.values().options.isEmpty());
    model->setCurrentIndex(model->findData(QStringLiteral("a-vae")));
    QVERIFY(d.findChild<QSpinBox*>(QStringLiteral("option-latent")));
    QCOMPARE(d.values().options.value(QStringLiteral("latent")).toInt(), 2);
  }

  // The arithmetic is offered only for models that have it; "Automatic" says what it means here.
  void precisionChoice() {
    TrainingDashboard d;
    d.show();
    ModelChoice plain, mixed;
    plain.id = QStringLiteral("a-vae");
    plain.label = QStringLiteral("A VAE");
    mixed.id = QStringLiteral("a-diffusion");
    mixed.label = QStringLiteral("A diffusion model");
    mixed.mixedPrecision = true;
    d.setModelChoices({plain, mixed});
    d.setAutomaticPrecision(QStringLiteral("bfloat16 on this CPU"));
    auto* model = d.findChild<QComboBox*>(QStringLiteral("modelCombo"));
    auto* precision = d.findChild<QComboBox*>(QStringLiteral("precisionCombo"));
    model->setCurrentIndex(model->findData(plain.id));
    Q_EMIT model->activated(model->currentIndex());
    QVERIFY(!precision->isVisible());
    model->setCurrentIndex(model->findData(mixed.id));
    Q_EMIT model->activated(model->currentIndex());
    QVERIFY(precision->isVisible());
    QCOMPARE(precision->itemText(0), QStringLiteral("Automatic: bfloat16 on this CPU"));
    QCOMPARE(d.values().precision, QString());
    precision->setCurrentIndex(precision->findData(QStringLiteral("fp32")));
    QCOMPARE(d.values().precision, QStringLiteral("fp32"));
    TrainingFormValues v = d.values();
    v.precision = QStringLiteral("bf16");
    d.setValues(v);
    QCOMPARE(precision->currentData().toString(), QStringLiteral("bf16"));
  }

  // The devices on offer; a GPU this LibTorch cannot use is listed, greyed, with the reason.
  void deviceChoice() {
    TrainingDashboard d;
    auto* device = d.findChild<QComboBox*>(QStringLiteral("deviceCombo"));
    QVERIFY(device);
    QCOMPARE(d.values().device, QStringLiteral("cpu"));
    d.setDevices({QStringLiteral("cpu")}, {QStringLiteral("CPU")}, QStringLiteral("this LibTorch was built without CUDA"));
    QCOMPARE(device->count(), 2);
    const auto* items = qobject_cast<QStandardItemModel*>(device->model());
    QVERIFY(items && !items->item(1)->isEnabled());
    QCOMPARE(device->itemData(1, Qt::ToolTipRole).toString(), QStringLiteral("this LibTorch was built without CUDA"));
    QCOMPARE(d.values().device, QStringLiteral("cpu"));
    d.setDevices({QStringLiteral("cpu"), QStringLiteral("cuda:0"), QStringLiteral("cuda:1")},
                 {QStringLiteral("CPU"), QStringLiteral("GPU 0 (CUDA)"), QStringLiteral("GPU 1 (CUDA)")}, QString());
    QCOMPARE(device->count(), 3);
    TrainingFormValues v = d.values();
    v.device = QStringLiteral("cuda:1");
    d.setValues(v);
    QCOMPARE(d.values().device, QStringLiteral("cuda:1"));
    QCOMPARE(device->currentText(), QStringLiteral("GPU 1 (CUDA)"));
    // The choice survives a new list that still has it.
    d.setDevices({QStringLiteral("cpu"), QStringLiteral("cuda:1")}, {QStringLiteral("CPU"), QStringLiteral("GPU 1 (CUDA)")}, QString());
    QCOMPARE(d.values().device, QStringLiteral("cuda:1"));
  }

  void smoothedCurves() {
    TrainingCurves c;
    c.setSmoothing(0.5);
    QCOMPARE(c.seriesNames().size(), 3);  // a VAE's three until told otherwise
    c.addSteps({1, 2, 3}, {{100, 200, 200}, {0, 0, 0}, {4, 4, 4}});
    // Debiased EMA by hand, smoothing 0.5:
    //   e₁ = 0.5·0 + 0.5·100 = 50    → 50 / (1 − 0.5)   = 100
    //   e₂ = 0.5·50 + 0.5·200 = 125  → 125 / (1 − 0.25) = 166.67
    //   e₃ = 0.5·125 + 0.5·200 = 162.5 → 162.5 / (1 − 0.125) = 185.71
    auto value = [&c](int series, int i) { return (c.smoothedGraph(series)->data()->constBegin() + i)->value; };
    QCOMPARE(c.smoothedGraph(0)->dataCount(), 3);
    QVERIFY(std::abs(value(0, 0) - 100.0) < 1e-9);
    QVERIFY(std::abs(value(0, 1) - 500.0 / 3.0) < 1e-9);
    QVERIFY(std::abs(value(0, 2) - 1300.0 / 7.0) < 1e-9);
    QVERIFY(std::abs(value(2, 2) - 4.0) < 1e-12);  // a constant stays itself
    // Changing the smoothing recomputes the whole curve; 0 shows the raw values.
    c.setSmoothing(0.0);
    QCOMPARE(value(0, 1), 200.0);
    QCOMPARE(c.pointCount(), 3);
    // Another model's losses: new curves, empty.
    c.setSeries({QStringLiteral("D loss"), QStringLiteral("G loss"), QStringLiteral("D(x)"), QStringLiteral("D(G(z))")});
    QCOMPARE(c.seriesNames().size(), 4);
    QCOMPARE(c.pointCount(), 0);
    c.addSteps({1, 2}, {{1.4, 1.3}, {0.7, 0.8}, {0.5, 0.6}, {0.5, 0.4}});
    QCOMPARE(c.smoothedGraph(3)->dataCount(), 2);
  }

  void imageFolderChoice() {
    TrainingDashboard d;
    DatasetChoice mnist, folderChoice;
    mnist.id = QStringLiteral("mnist");
    mnist.label = QStringLiteral("MNIST digits");
    folderChoice.id = QStringLiteral("folder");
    folderChoice.label = QStringLiteral("Image folder…");
    folderChoice.imageFolder = true;
    d.setDatasetChoices({mnist, folderChoice});
    d.show();
    auto* dataset = d.findChild<QComboBox*>(QStringLiteral("datasetCombo"));
    auto* size = d.findChild<QComboBox*>(QStringLiteral("imageSizeCombo"));
    QSignalSpy asked(&d, &TrainingDashboard::imageFolderRequested);
    QVERIFY(!size->isVisible());
    const int folder = dataset->findData(QStringLiteral("folder"));
    dataset->setCurrentIndex(folder);
    Q_EMIT dataset->activated(folder);
    QCOMPARE(asked.count(), 1);
    d.setImageFolder(QStringLiteral("/data/anime-faces"));
    QCOMPARE(d.values().dataset, QStringLiteral("folder"));
    QCOMPARE(d.values().imageFolder, QStringLiteral("/data/anime-faces"));
    QVERIFY(size->isVisible());
    size->setCurrentIndex(size->findData(64));
    d.findChild<QComboBox*>(QStringLiteral("colorCombo"))->setCurrentIndex(1);
    QCOMPARE(d.values().imageSize, 64);
    QVERIFY(d.values().rgb);
    // Picking MNIST, then "Image folder…" again and cancelling the dialog, keeps MNIST.
    dataset->setCurrentIndex(0);
    Q_EMIT dataset->activated(0);
    dataset->setCurrentIndex(folder);
    Q_EMIT dataset->activated(folder);
    d.setImageFolder(QString());
    QCOMPARE(d.values().dataset, QStringLiteral("mnist"));
    QVERIFY(!size->isVisible());
  }

  void startStop() {
    TrainingDashboard d;
    d.show();
    auto* start = d.findChild<QPushButton*>(QStringLiteral("startButton"));
    auto* stop = d.findChild<QPushButton*>(QStringLiteral("stopButton"));
    QSignalSpy started(&d, &TrainingDashboard::startRequested);
    QSignalSpy stopped(&d, &TrainingDashboard::stopRequested);
    QVERIFY(!stop->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    d.setRunning(true);
    QVERIFY(!start->isEnabled());
    QVERIFY(!d.findChild<QSpinBox*>(QStringLiteral("epochsSpin"))->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    QCOMPARE(stopped.count(), 1);
    d.setRunning(false);
    QVERIFY(start->isEnabled());
  }

  void progressAndCurves() {
    TrainingDashboard d;
    d.setModelChoices({{QStringLiteral("a-vae"), QStringLiteral("a"), QStringLiteral("A VAE"), {}, false,
                        {QStringLiteral("held-out −ELBO"), QStringLiteral("reconstruction"), QStringLiteral("KL")},
                        QStringLiteral("nats"), false, {}}});
    d.show();
    d.setRunning(true);
    d.curves()->addSteps({1, 2, 3}, {{500, 300, 200}, {490, 290, 195}, {10, 10, 5}});
    d.setProgress(3, 10, 0, 2, 12345, 65, 30);
    QCOMPARE(d.findChild<QProgressBar*>(QStringLiteral("progressBar"))->value(), 3);
    // Step 3 of 5 per epoch: the first epoch is under way (none finished yet); all done, the last.
    QCOMPARE(d.findChild<QProgressBar*>(QStringLiteral("progressBar"))->format(), QStringLiteral("epoch 1/2 · step 3/10"));
    d.setProgress(7, 10, 1, 2, 12345, 65, 30);
    QCOMPARE(d.findChild<QProgressBar*>(QStringLiteral("progressBar"))->format(), QStringLiteral("epoch 2/2 · step 7/10"));
    d.setProgress(10, 10, 2, 2, 12345, 65, 0);
    QCOMPARE(d.findChild<QProgressBar*>(QStringLiteral("progressBar"))->format(), QStringLiteral("epoch 2/2 · step 10/10"));
    d.setProgress(3, 10, 0, 2, 12345, 65, 30);
    QCOMPARE(d.findChild<QLabel*>(QStringLiteral("elapsedLabel"))->text(), QStringLiteral("1:05"));
    QCOMPARE(d.findChild<QLabel*>(QStringLiteral("etaLabel"))->text(), QStringLiteral("0:30"));
    QVERIFY(d.findChild<QLabel*>(QStringLiteral("speedLabel"))->text().contains(QStringLiteral("samples/s")));
    d.addEvaluation(1, 3, {180.5, 175.25, 5.25});
    QCOMPARE(d.findChild<QLabel*>(QStringLiteral("evalLabel"))->text(),
             QStringLiteral("180.50 nats after epoch 1 (reconstruction 175.25, KL 5.2500)"));
    {  // a run that ends keeps its held-out value on show
      TrainingDashboard e;
      e.setModelChoices({{QStringLiteral("a-vae"), QStringLiteral("a"), QStringLiteral("A VAE"), {}, false,
                          {QStringLiteral("−ELBO"), QStringLiteral("reconstruction"), QStringLiteral("KL")},
                          QStringLiteral("nats"), false, {}}});
      e.setRunning(true);
      e.addEvaluation(1, 3, {158.89, 150.5, 8.39});
      e.setRunning(false);
      QVERIFY(e.findChild<QLabel*>(QStringLiteral("evalLabel"))->text().startsWith(QStringLiteral("158.89 nats")));
    }
    QCOMPARE(d.curves()->pointCount(), 3);
    // Many reports in a burst are drawn once the coalescing timer fires, not once each.
    const int before = d.curves()->replotCount();
    for (int i = 4; i < 200; ++i)
      d.curves()->addSteps({double(i)}, {{150}, {145}, {5}});
    QCOMPARE(d.curves()->pointCount(), 199);
    QTRY_VERIFY(d.curves()->replotCount() > before);
    QVERIFY(d.curves()->replotCount() <= before + 2);
    // A hidden chart does no drawing work; it catches up when shown.
    d.hide();
    const int hidden = d.curves()->replotCount();
    d.curves()->addSteps({300}, {{150}, {145}, {5}});
    QTest::qWait(100);
    QCOMPARE(d.curves()->replotCount(), hidden);
    d.show();
    QCOMPARE(d.curves()->replotCount(), hidden + 1);
    const int kept = d.curves()->pointCount();
    d.setRunning(true);  // locked again while the same run trains (after "stop or queue?"): curves stay
    QCOMPARE(d.curves()->pointCount(), kept);
    d.setRunning(false);
    d.setRunning(true);  // a new run starts with empty curves
    QCOMPARE(d.curves()->pointCount(), 0);
  }
};

QTEST_MAIN(tst_TrainingDashboard)
#include "tst_trainingdashboard.moc"
