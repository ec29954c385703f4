// SPDX-License-Identifier: GPL-3.0-or-later
#include "pixeldistributionview.h"
#include "pixelwriteview.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>

// PixelWriteView and PixelDistributionView: geometry, what the paint code puts where (read back
// with grab(), at the positions the widgets' own cellRect / barRect report), and clicks.
class tst_PixelWriteView : public QObject {
  Q_OBJECT

  static constexpr int kSide = 28;

  static QVector<QImage> images(int count, int grey) {
    QImage image(kSide, kSide, QImage::Format_Grayscale8);
    image.fill(grey);
    return QVector<QImage>(count, image);
  }
  static QColor colourAt(QWidget& widget, QPoint pos) { return widget.grab().toImage().pixelColor(pos); }
  // A pixel inside `bar` (QRectF::center().toPoint() rounds a 1-px bar's centre into its neighbour).
  static QPoint inside(const QRectF& bar) {
    return {int(std::floor(bar.center().x())), int(std::floor(bar.center().y()))};
  }

 private Q_SLOTS:
  void laysImagesOutAsASquareGrid() {
    PixelWriteView view;
    view.resize(480, 480);
    QVERIFY(view.hasHeightForWidth());
    QCOMPARE(view.heightForWidth(480), 480);
    QVERIFY(view.cellRect(0, 0, 0).isNull());  // no images yet
    view.setImages(images(5, 255));            // 3 columns, 2 rows
    QCOMPARE(view.imageSide(), kSide);
    QCOMPARE(view.imageCount(), 5);
    QVERIFY(view.heightForWidth(480) < 400);
    const QRect first = view.imageRect(0);
    QVERIFY(!first.isEmpty());
    QCOMPARE(first.width(), first.height());
    QVERIFY(view.imageRect(2).left() > view.imageRect(1).right());
    QCOMPARE(view.imageRect(3).left(), first.left());  // second row
    QVERIFY(view.imageRect(3).top() > first.bottom());
    QVERIFY(view.imageRect(5).isNull());
    for (int i = 0; i < 5; ++i)
      QVERIFY(view.rect().contains(view.imageRect(i)));
    const QRect cell = view.cellRect(4, 27, 27);
    QCOMPARE(cell.width(), cell.height());
    QVERIFY(cell.width() >= 4);
    QCOMPARE(cell.bottomRight(), view.imageRect(4).bottomRight());
    QCOMPARE(view.cellRect(4, 0, 0).topLeft(), view.imageRect(4).topLeft());
    QCOMPARE(view.cellRect(0, 0, 1).left(), view.cellRect(0, 0, 0).right() + 1);
    QVERIFY(view.cellRect(0, kSide, 0).isNull());
    QVERIFY(view.cellRect(0, 0, -1).isNull());
  }

  void dimsWhatIsNotYetDrawnAndOutlinesTheCursor() {
    PixelWriteView view;
    view.resize(480, 480);
    view.setImages(images(4, 255));
    view.setWritePosition(2 * kSide + 3);  // pixel (2, 3)
    QCOMPARE(view.cursorPosition(), 2 * kSide + 3);
    const QImage shot = view.grab().toImage();
    for (int image = 0; image < 4; ++image) {
      const QColor drawn = shot.pixelColor(view.cellRect(image, 2, 2).center());
      const QColor pending = shot.pixelColor(view.cellRect(image, 10, 10).center());
      const QColor nextInRow = shot.pixelColor(view.cellRect(image, 2, 4).center());
      QCOMPARE(drawn, QColor(Qt::white));
      QVERIFY2(pending.lightness() < drawn.lightness() - 60, qPrintable(pending.name()));
      QVERIFY(nextInRow.lightness() < drawn.lightness() - 60);
      // The outline sits just outside the cursor pixel: orange, not white.
      const QColor outline = shot.pixelColor(view.cellRect(image, 2, 3).topLeft() - QPoint(1, 1));
      QVERIFY2(outline.red() > 200 && outline.blue() < 80, qPrintable(outline.name()));
    }
    view.setWritePosition(-1);  // no cursor: nothing dimmed, no outline
    const QImage plain = view.grab().toImage();
    QCOMPARE(plain.pixelColor(view.cellRect(1, 10, 10).center()), QColor(Qt::white));
    QCOMPARE(plain.pixelColor(view.cellRect(1, 2, 3).topLeft() - QPoint(1, 1)), QColor(Qt::white));
    view.setWritePosition(kSide * kSide);  // past the end: the same
    QCOMPARE(colourAt(view, view.cellRect(1, 10, 10).center()), QColor(Qt::white));
  }

  void tintsKnownPixelsAndNeverDimsThem() {
    PixelWriteView view;
    view.resize(300, 300);
    view.setImages(images(1, 255));
    QVector<bool> known(kSide * kSide, false);
    known[20 * kSide + 5] = true;
    view.setKnownMask(known);
    view.setWritePosition(kSide);  // row 1 onwards not yet drawn
    const QImage shot = view.grab().toImage();
    const QColor given = shot.pixelColor(view.cellRect(0, 20, 5).center());
    const QColor pending = shot.pixelColor(view.cellRect(0, 20, 6).center());
    QVERIFY2(given.blue() > given.red() + 20, qPrintable(given.name()));  // tinted blue
    QVERIFY(given.lightness() > pending.lightness() + 60);               // and not dimmed
    view.setKnownMask({});
    QCOMPARE(colourAt(view, view.cellRect(0, 20, 5).center()), pending);
  }

  void overlaysTheHeatMapOnOneImageOnly() {
    PixelWriteView view;
    view.resize(480, 480);
    view.setImages(images(4, 0));
    QVector<float> heat(kSide * kSide, 0.f);
    heat[4 * kSide + 4] = 2.f;   // the hottest
    heat[4 * kSide + 5] = 0.5f;  // a quarter of it
    view.setHeatMap(1, heat, 7, 8);
    const QImage shot = view.grab().toImage();
    const QColor hot = shot.pixelColor(view.cellRect(1, 4, 4).center());
    const QColor warm = shot.pixelColor(view.cellRect(1, 4, 5).center());
    QVERIFY2(hot.red() > 100 && hot.red() > hot.blue() + 60, qPrintable(hot.name()));
    QVERIFY2(warm.red() > 60 && warm.lightness() < hot.lightness(), qPrintable(warm.name()));
    QCOMPARE(shot.pixelColor(view.cellRect(1, 4, 6).center()), QColor(Qt::black));  // 0: transparent
    QCOMPARE(shot.pixelColor(view.cellRect(0, 4, 4).center()), QColor(Qt::black));  // other images: none
    const QColor mark = shot.pixelColor(view.cellRect(1, 7, 8).topLeft() - QPoint(1, 1));
    QVERIFY2(mark.blue() > 200 && mark.green() > 150 && mark.red() < 80, qPrintable(mark.name()));  // cyan
    QCOMPARE(shot.pixelColor(view.cellRect(0, 7, 8).topLeft() - QPoint(1, 1)), QColor(Qt::black));
    view.clearHeatMap();
    QCOMPARE(colourAt(view, view.cellRect(1, 4, 4).center()), QColor(Qt::black));
    view.setHeatMap(1, QVector<float>(5, 1.f), 0, 0);  // wrong size: no overlay, no crash
    QCOMPARE(colourAt(view, view.cellRect(1, 4, 4).center()), QColor(Qt::black));
  }

  void clickReportsImageRowAndColumn_data() {
    QTest::addColumn<int>("image");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("col");
    QTest::newRow("first pixel") << 1 << 0 << 0;
    QTest::newRow("last pixel") << 1 << 27 << 27;
    QTest::newRow("off the diagonal") << 1 << 5 << 17;
    QTest::newRow("other image") << 2 << 13 << 2;
  }
  void clickReportsImageRowAndColumn() {
    QFETCH(int, image);
    QFETCH(int, row);
    QFETCH(int, col);
    PixelWriteView view;
    view.resize(480, 480);
    view.setImages(images(4, 128));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy clicked(&view, &PixelWriteView::pixelClicked);
    const QRect cell = view.cellRect(image, row, col);
    QTest::mouseClick(&view, Qt::LeftButton, {}, cell.center());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0), (QVariantList{image, row, col}));
    // A cell's corners belong to it too.
    QTest::mouseClick(&view, Qt::LeftButton, {}, cell.topLeft());
    QTest::mouseClick(&view, Qt::LeftButton, {}, cell.bottomRight());
    QCOMPARE(clicked.count(), 3);
    QCOMPARE(clicked.at(1), (QVariantList{image, row, col}));
    QCOMPARE(clicked.at(2), (QVariantList{image, row, col}));
  }

  void ignoresClicksOutsideImagesAndOtherButtons() {
    PixelWriteView view;
    view.resize(480, 480);
    view.setImages(images(4, 128));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy clicked(&view, &PixelWriteView::pixelClicked);
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.imageRect(0).topRight() + QPoint(3, 0));  // the gap
    QTest::mouseClick(&view, Qt::RightButton, {}, view.cellRect(0, 3, 3).center());
    QCOMPARE(clicked.count(), 0);
  }

  // Painting: the left button hides a 3 × 3 brush, the right gives pixels back, clicks are not
  // reported, and the hidden pixels are tinted orange on every image.
  void paintsTheHiddenPixels() {
    PixelWriteView view;
    view.resize(480, 480);
    view.setImages(images(4, 0));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setPainting(true);
    QSignalSpy clicked(&view, &PixelWriteView::pixelClicked), painted(&view, &PixelWriteView::givenMaskPainted);
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(1, 5, 0).center());  // clipped at the left edge
    QCOMPARE(clicked.count(), 0);
    QCOMPARE(painted.count(), 1);
    auto given = painted.last().at(0).value<QVector<bool>>();
    QCOMPARE(given.size(), kSide * kSide);
    QCOMPARE(int(std::count(given.begin(), given.end(), false)), 6);  // rows 4-6, columns 0-1
    QVERIFY(!given[4 * kSide] && !given[6 * kSide + 1] && given[6 * kSide + 2] && given[3 * kSide]);
    QCOMPARE(view.knownMask(), given);
    const QColor hidden = colourAt(view, view.cellRect(2, 5, 0).center()), kept = colourAt(view, view.cellRect(2, 5, 5).center());
    QVERIFY2(hidden.red() > 100 && hidden.blue() < 50, qPrintable(hidden.name()));  // orange over black, on another image too
    QCOMPARE(kept, QColor(Qt::black));
    QTest::mouseClick(&view, Qt::RightButton, {}, view.cellRect(0, 6, 1).center());  // gives back rows 5-6 (and 7)
    given = painted.last().at(0).value<QVector<bool>>();
    QCOMPARE(int(std::count(given.begin(), given.end(), false)), 2);
    QTest::mouseClick(&view, Qt::RightButton, {}, view.cellRect(0, 20, 20).center());  // nothing hidden there
    QCOMPARE(painted.count(), 2);
    view.setPainting(false);
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(0, 3, 3).center());
    QCOMPARE(clicked.count(), 1);
  }

  void drawsTwoBarsForBinaryPixels() {
    PixelDistributionView view;
    view.resize(320, 140);
    QVERIFY(view.barRect(0).isNull());  // nothing yet
    view.setCaption(QStringLiteral("pixel (12, 5) of image 1"));
    view.setDistribution({0.2f, 0.8f}, 1);
    QCOMPARE(view.drawnLevel(), 1);
    const QRectF black = view.barRect(0);
    const QRectF white = view.barRect(1);
    QVERIFY(white.height() > black.height());
    QVERIFY(qAbs(white.height() - 4 * black.height()) <= 4);  // scaled to the max: 0.8 is full height
    QCOMPARE(white.bottom(), black.bottom());
    QVERIFY(white.left() > black.right());
    QVERIFY(view.barRect(2).isNull());
    const QImage shot = view.grab().toImage();
    QVERIFY(shot.pixelColor(inside(black)).lightness() < 40);
    QVERIFY(shot.pixelColor(inside(white)).lightness() > 220);
    // Down a column near each bar's left edge (clear of the value labels), over the white bar's height:
    // the bars' own colours fill as many pixels as the bars are tall.
    auto count = [&](const QRectF& bar, bool wantWhite) {
      int n = 0;
      const int x = int(bar.left()) + 3;
      for (int y = int(white.top()); y < int(white.bottom()); ++y) {
        const int l = shot.pixelColor(x, y).lightness();
        n += wantWhite ? l > 230 : l < 30;
      }
      return n;
    };
    const int whitePixels = count(white, true);
    const int blackPixels = count(black, false);
    QVERIFY2(whitePixels >= white.height() - 2, qPrintable(QString::number(whitePixels)));
    QVERIFY2(qAbs(blackPixels - black.height()) <= 1, qPrintable(QString::number(blackPixels)));
    QVERIFY(whitePixels > 3 * blackPixels);
  }

  void drawsAHistogramOverGreyLevels() {
    PixelDistributionView view;
    view.resize(320, 140);
    QVector<float> p(256, 0.001f);
    p[200] = 0.5f;
    p[37] = 0.1f;
    view.setDistribution(p, 37);
    QVERIFY(view.barRect(200).height() > 4 * view.barRect(37).height() - 4);
    QVERIFY(view.barRect(37).height() > 10 * view.barRect(36).height());
    for (int level = 1; level < 256; ++level) {
      QCOMPARE(view.barRect(level).left(), view.barRect(level - 1).right());  // side by side, in order
      QVERIFY(view.barRect(level).width() >= 1);
    }
    QVERIFY(view.barRect(256).isNull());
    const QImage shot = view.grab().toImage();
    const QColor drawn = shot.pixelColor(inside(view.barRect(37)));
    const QColor peak = shot.pixelColor(inside(view.barRect(200)));
    QVERIFY2(drawn.red() > 200 && drawn.blue() < 80, qPrintable(drawn.name()));  // orange
    QVERIFY2(peak.blue() > peak.red(), qPrintable(peak.name()));                 // the accent, not orange
    view.setDistribution({});
    QVERIFY(view.barRect(0).isNull());
    QCOMPARE(view.drawnLevel(), -1);
    QVERIFY(!view.grab().isNull());
  }
};

QTEST_MAIN(tst_PixelWriteView)
#include "tst_pixelwriteview.moc"
