// SPDX-License-Identifier: GPL-3.0-or-later
// The Train page's exports: the curves as CSV (every point, read back exactly), the chart as
// PNG, SVG and PDF, the sample strip as one PNG.
#include "chartexport.h"
#include "qualitychart.h"
#include "samplestrip.h"
#include "timesteplosschart.h"
#include "trainingcurves.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <qcustomplot.h>
#include <random>

class tst_TrainingCurves : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void csvRoundTripsEveryPoint() {
    TrainingCurves curves;
    curves.setSeries({QStringLiteral("total, with a comma"), QStringLiteral("KL")});
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(-1e3, 1e3);
    QVector<double> steps;
    QVector<QVector<double>> values(2);
    for (int i = 1; i <= 5000; ++i) {
      steps << i;
      values[0] << u(rng) * 1e-7;  // digits far past the default six
      values[1] << (i == 17 ? 1e-300 : u(rng));
    }
    curves.addSteps(steps, values);
    curves.addEvaluation(2500, 123.456789012345678);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("curves.csv"));
    QCOMPARE(ChartExport::saveText(curves.curvesCsv(), path).error, QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readLine().trimmed(), QByteArray("curve,step,value"));
    QMap<QString, QVector<QPair<double, double>>> read;
    while (!file.atEnd()) {
      const QByteArray line = file.readLine().trimmed();
      const int close = line.lastIndexOf('"');
      QVERIFY(line.startsWith('"') && close > 0);
      const QString name = QString::fromUtf8(line.mid(1, close - 1)).replace(QStringLiteral("\"\""), QStringLiteral("\""));
      const QList<QByteArray> numbers = line.mid(close + 2).split(',');
      QCOMPARE(numbers.size(), 2);
      bool ok1 = false, ok2 = false;
      read[name].append({numbers[0].toDouble(&ok1), numbers[1].toDouble(&ok2)});  // C locale: a dot
      QVERIFY(ok1 && ok2);
    }
    QCOMPARE(read.value(QStringLiteral("total, with a comma")).size(), 5000);
    QCOMPARE(read.value(QStringLiteral("KL")).size(), 5000);
    for (int i = 0; i < 5000; ++i) {
      QCOMPARE(read[QStringLiteral("total, with a comma")][i].first, steps[i]);
      QCOMPARE(read[QStringLiteral("total, with a comma")][i].second, values[0][i]);  // exactly
      QCOMPARE(read[QStringLiteral("KL")][i].second, values[1][i]);
    }
    QCOMPARE(read.value(curves.plot()->graph(0)->name()).size(), 1);  // the held-out curve
    QCOMPARE(read.value(curves.plot()->graph(0)->name()).first().second, 123.456789012345678);
  }

  void chartSavesAsPngSvgAndPdf() {
    TrainingCurves curves;
    curves.resize(640, 400);
    curves.addSteps({1, 2, 3}, {{3, 2, 1}, {1, 1, 1}, {2, 2, 2}});
    QTemporaryDir dir;
    const QByteArray starts[3] = {QByteArray("\x89PNG"), QByteArray("<?xml"), QByteArray("%PDF-")};
    const QString names[3] = {QStringLiteral("c.png"), QStringLiteral("c.svg"), QStringLiteral("c.pdf")};
    for (int i = 0; i < 3; ++i) {
      QCOMPARE(curves.saveChart(dir.filePath(names[i])).error, QString());
      QFile f(dir.filePath(names[i]));
      QVERIFY(f.open(QIODevice::ReadOnly));
      const QByteArray bytes = f.readAll();
      QVERIFY2(bytes.startsWith(starts[i]), qPrintable(names[i]));
      QVERIFY(bytes.size() > 500);
    }
    QVERIFY(QFile(dir.filePath(names[1])).open(QIODevice::ReadOnly));
    // Another suffix: a message, and no file.
    QVERIFY(!curves.saveChart(dir.filePath(QStringLiteral("c.bmp"))).ok());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("c.bmp"))));
    QVERIFY(!curves.saveChart(dir.filePath(QStringLiteral("missing/c.png"))).ok());
  }

  // Every loss in view, the first (the highest) included; a learning rate of 10⁻³ beside gradient
  // norms of 10…100 on an axis of its own, in the middle of it rather than on an edge.
  void valueAxesShowEveryPoint() {
    TrainingCurves losses;
    losses.resize(640, 400);
    losses.show();
    QVector<double> steps, total, rest;
    for (int i = 1; i <= 200; ++i) {
      steps << i;
      total << (i == 1 ? 550.0 : 150.0);  // the first step far above the rest, as a VAE's
      rest << 10.0;
    }
    losses.addSteps(steps, {total, rest, rest});
    QTRY_VERIFY(losses.plot()->yAxis->range().upper >= 550.0);
    QCOMPARE(losses.plot()->yAxis->range().lower, 0.0);  // 10 … 550: the baseline at 0

    TrainingCurves gradients;
    gradients.resize(640, 400);
    gradients.show();
    gradients.setSeries({QStringLiteral("gradient norm"), QStringLiteral("learning rate")}, QStringLiteral("gradient norm"), false);
    gradients.setRightAxis({1}, QStringLiteral("learning rate"));
    gradients.setLogScale(true);
    QVector<double> norms, rates;
    for (int i = 1; i <= 200; ++i) {
      norms << 10.0 + i % 90;
      rates << 1e-3;
    }
    gradients.addSteps(steps, {norms, rates});
    QCustomPlot* plot = gradients.plot();
    QTRY_VERIFY(gradients.replotCount() > 0 && plot->yAxis2->range().upper < 1);  // drawn with the data
    QCOMPARE(gradients.smoothedGraph(1)->valueAxis(), plot->yAxis2);
    QCOMPARE(gradients.smoothedGraph(0)->valueAxis(), plot->yAxis);
    QCOMPARE(plot->yAxis2->scaleType(), QCPAxis::stLogarithmic);
    // A constant rate: the middle of a decade-wide log axis, i.e. 10^-3.5 … 10^-2.5.
    QVERIFY2(std::abs(std::log10(plot->yAxis2->range().lower) + 3.5) < 1e-9, qPrintable(QString::number(plot->yAxis2->range().lower)));
    QVERIFY(std::abs(std::log10(plot->yAxis2->range().upper) + 2.5) < 1e-9);
    QVERIFY(plot->yAxis->range().lower <= 10.0 && plot->yAxis->range().upper >= 99.0);
    QVERIFY(gradients.seriesNames()[1].startsWith(QStringLiteral("learning rate")));
    // A new set of series starts with one axis again.
    gradients.setSeries({QStringLiteral("gradient norm")}, QStringLiteral("gradient norm"), false);
    QVERIFY(!plot->yAxis2->visible());
  }

  // A saved chart carries its title (the screen does not), and the chart is as before afterwards.
  void savedChartHasItsTitle() {
    TrainingCurves curves;
    curves.resize(640, 400);
    curves.addSteps({1, 2, 3}, {{3, 2, 1}, {1, 1, 1}, {2, 2, 2}});
    QTemporaryDir dir;
    const auto darkInTopBand = [](const QImage& image) {
      int dark = 0;
      for (int y = 0; y < image.height() / 12; ++y)  // the top twelfth: the title's row
        for (int x = 0; x < image.width(); ++x)
          dark += qGray(image.pixel(x, y)) < 100;
      return dark;
    };
    QCOMPARE(curves.saveChart(dir.filePath(QStringLiteral("plain.png"))).error, QString());
    const int elements = curves.plot()->plotLayout()->elementCount();
    ChartExport::setTitle(curves.plot(), QStringLiteral("Training curves — 2026-12-07_vae"));
    QCOMPARE(curves.saveChart(dir.filePath(QStringLiteral("titled.png"))).error, QString());
    const QImage plain(dir.filePath(QStringLiteral("plain.png"))), titled(dir.filePath(QStringLiteral("titled.png")));
    QCOMPARE(titled.size(), plain.size());
    QVERIFY2(darkInTopBand(titled) > darkInTopBand(plain) + 200, qPrintable(QStringLiteral("%1 vs %2").arg(darkInTopBand(titled)).arg(darkInTopBand(plain))));
    QCOMPARE(curves.plot()->plotLayout()->elementCount(), elements);  // the title is gone again
  }

  // The quality chart: one point per scored epoch, its numbers exactly in the CSV, the
  // histogram of the latest epoch; for points, MMD alone.
  void qualityChartKeepsEachEpoch() {
    QualityChart chart;
    chart.resize(800, 400);
    chart.show();
    chart.showImages({QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Bag")});
    chart.addEpoch(1, {812.25, 0.125, 0.9182958340544896, 10, 0, 2});
    chart.addEpoch(2, {301.0 / 3, 0.5, 1.5, 3, 4, 5});
    chart.addEpoch(3, {});  // nothing scored: no point
    // The legend is under the axes, not over the curves.
    QTRY_VERIFY(chart.plot()->legend->outerRect().top() >= chart.plot()->axisRect()->outerRect().bottom());
    QCOMPARE(chart.pointCount(), 2);
    QCOMPARE(chart.epochs(), (QVector<int>{1, 2}));
    QCOMPARE(chart.measure(0), (QVector<double>{812.25, 301.0 / 3}));
    QCOMPARE(chart.measure(1), (QVector<double>{0.125, 0.5}));
    const QStringList lines = chart.csv().trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QStringLiteral("epoch,frechet_distance,confident_fraction,class_entropy_bits,\"T-shirt/top\",\"Trouser\",\"Bag\""));
    QCOMPARE(lines[2].split(QLatin1Char(','))[1].toDouble(), 301.0 / 3);  // 17 digits: the same double
    const auto* bars = static_cast<QCPBars*>(chart.histogram()->plottable(0));
    QCOMPARE(bars->data()->size(), 3);
    QCOMPARE(bars->data()->at(2)->value, 5.0);  // the latest epoch's counts
    chart.showPoints();
    QCOMPARE(chart.pointCount(), 0);
    QVERIFY(!chart.histogram()->isVisible());
    chart.addEpoch(4, {0.0625});
    QCOMPARE(chart.csv(), QStringLiteral("epoch,mmd\n4,0.0625\n"));
  }

  // The loss by timestep: bucket b of B over T timesteps covers b·T/B … (b+1)·T/B − 1.
  void timestepChartBuckets() {
    TimestepLossChart chart;
    chart.setTimesteps(1000);
    chart.addEpoch(1, {0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625, 0.001953125, 0.0009765625});
    chart.addEpoch(2, QVector<double>(10, 0.01));
    QCOMPARE(chart.epochCount(), 2);
    const QStringList lines = chart.csv().trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 21);
    QCOMPARE(lines[1], QStringLiteral("1,0,99,0.5"));
    QCOMPARE(lines[10], QStringLiteral("1,900,999,0.0009765625"));
    QTRY_COMPARE(chart.plot()->graphCount(), 2);  // drawn once control is back in the event loop
    QCOMPARE(chart.plot()->graph(0)->data()->at(3)->key, 349.5);  // the middle of t = 300 … 399
    // T = 15 in 10 buckets: the model puts t in ⌊t·10/15⌋, so bucket 0 holds t = 0, 1 and bucket 1 t = 2.
    chart.setTimesteps(15);
    QCOMPARE(chart.epochCount(), 0);
    chart.addEpoch(1, QVector<double>(10, 1.0));
    const QStringList odd = chart.csv().trimmed().split(QLatin1Char('\n'));
    QCOMPARE(odd[1], QStringLiteral("1,0,1,1"));
    QCOMPARE(odd[2], QStringLiteral("1,2,2,1"));
    QCOMPARE(odd[10], QStringLiteral("1,14,14,1"));
    // Hundreds of epochs: a dozen curves, the first and the latest among them.
    for (int e = 2; e <= 400; ++e)
      chart.addEpoch(e, QVector<double>(10, 1.0 / e));
    QTRY_COMPARE(chart.plot()->graphCount(), 12);
    QCOMPARE(chart.epochCount(), 400);
    QCOMPARE(chart.plot()->graph(11)->name(), QStringLiteral("after epoch 400"));
    QCOMPARE(chart.plot()->graph(0)->name(), QStringLiteral("after epoch 1"));
  }

  void sampleStripIsOneImage() {
    SampleStrip strip;
    QVERIFY(strip.stripImage().isNull());
    QVERIFY(!ChartExport::saveImage(strip.stripImage(), QStringLiteral("x.png")).ok());
    QImage grid(100, 100, QImage::Format_Grayscale8);
    grid.fill(200);
    strip.addSamples(grid, 10, 1);
    strip.addSamples(grid, 20, 2);
    const QImage image = strip.stripImage();
    QVERIFY(image.width() >= 2 * SampleStrip::kThumbHeight && image.height() >= SampleStrip::kThumbHeight);
  }
};

QTEST_MAIN(tst_TrainingCurves)
#include "tst_trainingcurves.moc"
