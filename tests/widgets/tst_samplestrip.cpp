// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplestrip.h"

#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

class tst_SampleStrip : public QObject {
  Q_OBJECT

  static QStringList captions(const SampleStrip& strip) {
    QStringList out;
    for (const QLabel* label : strip.widget()->findChildren<QLabel*>())
      if (label->text().startsWith(QLatin1String("step")))
        out << label->text();
    return out;
  }

 private Q_SLOTS:
  void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  void addsOneCaptionedThumbnailPerSave() {
    SampleStrip strip;
    QCOMPARE(strip.count(), 0);
    QImage grid(112, 112, QImage::Format_Grayscale8);
    grid.fill(128);
    strip.addSamples(grid, 140, 1);
    strip.addSamples(grid, 280, 2);
    strip.addSamples(QImage(), 420, 3);  // nothing to show: ignored
    QCOMPARE(strip.count(), 2);
    QCOMPARE(captions(strip), (QStringList{QStringLiteral("step 140 · epoch 1"), QStringLiteral("step 280 · epoch 2")}));
    // Thumbnails are scaled to the strip's height, keeping the aspect ratio.
    for (const QLabel* label : strip.widget()->findChildren<QLabel*>())
      if (!label->pixmap().isNull())
        QCOMPARE(label->pixmap().height(), SampleStrip::kThumbHeight);
    strip.clear();
    QCOMPARE(strip.count(), 0);
    QVERIFY(captions(strip).isEmpty());
  }

  void showsARunFoldersSamplesInStepOrder() {
    QTemporaryDir run;
    QVERIFY(QDir(run.path()).mkpath(QStringLiteral("samples")));
    QImage grid(64, 32, QImage::Format_RGB32);
    grid.fill(Qt::darkGreen);
    for (int step : {2000, 30, 500})
      QVERIFY(grid.save(run.filePath(QStringLiteral("samples/step-%1.png").arg(step, 6, 10, QLatin1Char('0')))));
    QFile junk(run.filePath(QStringLiteral("samples/step-000700.png")));  // cut off: not an image
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("\x89PNG\r\n");
    junk.close();
    SampleStrip strip;
    QCOMPARE(strip.showRunFolder(run.path()), 3);
    QCOMPARE(captions(strip), (QStringList{QStringLiteral("step 30"), QStringLiteral("step 500"), QStringLiteral("step 2,000")}));
    QCOMPARE(strip.showRunFolder(run.filePath(QStringLiteral("missing"))), 0);
  }
};

QTEST_MAIN(tst_SampleStrip)
#include "tst_samplestrip.moc"
