// SPDX-License-Identifier: GPL-3.0-or-later
// The Train page's exports: the curves as CSV (every point, read back exactly), the chart as
// PNG, SVG and PDF, the sample strip as one PNG.
#include "chartexport.h"
#include "samplestrip.h"
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
    QCOMPARE(ChartExport::saveText(curves.curvesCsv(), path), QString());
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
      QCOMPARE(curves.saveChart(dir.filePath(names[i])), QString());
      QFile f(dir.filePath(names[i]));
      QVERIFY(f.open(QIODevice::ReadOnly));
      const QByteArray bytes = f.readAll();
      QVERIFY2(bytes.startsWith(starts[i]), qPrintable(names[i]));
      QVERIFY(bytes.size() > 500);
    }
    QVERIFY(QFile(dir.filePath(names[1])).open(QIODevice::ReadOnly));
    // Another suffix: a message, and no file.
    QVERIFY(!curves.saveChart(dir.filePath(QStringLiteral("c.bmp"))).isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("c.bmp"))));
    QVERIFY(!curves.saveChart(dir.filePath(QStringLiteral("missing/c.png"))).isEmpty());
  }

  void sampleStripIsOneImage() {
    SampleStrip strip;
    QVERIFY(strip.stripImage().isNull());
    QVERIFY(!ChartExport::saveImage(strip.stripImage(), QStringLiteral("x.png")).isEmpty());
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
