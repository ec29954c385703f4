// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QRect>
#include <QVector>
#include <QWidget>

/// N one-channel square images being written pixel by pixel by an autoregressive model, as a grid
/// (ceil(sqrt(N)) columns, nearest-neighbour scaled, dark background). Every image shows the write
/// cursor (orange outline on the next pixel; pixels after it dimmed) and the given pixels of an
/// image completion (blue tint); one image may carry a heat map (e.g. what the next pixel depends
/// on) with its pixel outlined in cyan; the image whose next pixel is shown in detail is framed in yellow. A left click on a pixel emits pixelClicked; in painting
/// mode the mouse paints which pixels are hidden instead.
class PixelWriteView final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(PixelWriteView)

 public:
  explicit PixelWriteView(QWidget* parent = nullptr);

  /// Format_Grayscale8 images (others are converted), all of the first one's square size.
  void setImages(const QVector<QImage>& images);
  /// What an empty view says (default: that the images appear as the model writes them).
  void setPlaceholderText(const QString& text) {
    m_placeholder = text;
    update();
  }
  int imageCount() const { return int(m_images.size()); }
  /// Pixels along a side of each image; 0 with no images.
  int imageSide() const { return m_side; }

  /// The next pixel to be drawn, in raster order (row = position / side, col = position % side):
  /// outlined in every image, later pixels dimmed. Outside 0 .. side²-1: no cursor, no dimming.
  void setWritePosition(int position);
  int cursorPosition() const { return m_cursor; }

  /// side² flags in raster order, true for a given (known) pixel; empty for none. Known pixels are
  /// tinted blue and never dimmed.
  void setKnownMask(const QVector<bool>& known);
  QVector<bool> knownMask() const { return m_known; }

  /// Painting: the mouse edits the known mask instead of clicking pixels — the left button hides
  /// the pixels under a 3 × 3 brush, the right button gives them back — and the hidden pixels are
  /// tinted orange on the whole images (no cursor dimming). Emits givenMaskPainted on each change.
  void setPainting(bool painting);
  bool painting() const { return m_painting; }

  /// A heat map over image `imageIndex` only: side² values ≥ 0 in raster order, normalised by their
  /// maximum, transparent where 0; pixel (row, col) is outlined in cyan.
  void setHeatMap(int imageIndex, const QVector<float>& values, int row, int col);
  void clearHeatMap();

  /// The image whose next pixel's distribution is shown beside the view: framed in yellow; −1 none.
  void setFocusImage(int imageIndex);
  int focusImage() const { return m_focusImage; }

  /// Where pixel (row, col) of image `imageIndex` is drawn at the current size; empty when there is
  /// no such pixel.
  QRect cellRect(int imageIndex, int row, int col) const;
  /// Where the whole of image `imageIndex` is drawn; empty when there is no such image.
  QRect imageRect(int imageIndex) const;

  QSize sizeHint() const override { return {480, 480}; }
  QSize minimumSizeHint() const override { return {120, 120}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int w) const override;

 Q_SIGNALS:
  void pixelClicked(int imageIndex, int row, int col);
  /// Painting: side² flags in raster order, true where the pixel stays given.
  void givenMaskPainted(const QVector<bool>& given);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;

 private:
  /// The grid at the current size: where image 0 starts, the image pixel size on screen, the step
  /// from one image to the next.
  struct Layout {
    int columns = 0;
    int rows = 0;
    QPoint origin;
    double scale = 0;  // screen pixels per image pixel (whole where that fills most of the cell)
    int span = 0;      // screen pixels per image side
    int step = 0;      // span + gap
  };
  Layout layout() const;
  int edge(const Layout& l, int index) const;  // offset of image pixel boundary `index` within an image
  void rebuildStateOverlay();
  bool pixelAt(const QPoint& pos, int* imageIndex, int* row, int* col) const;
  void paintAt(const QPoint& pos, bool hide);
  void rebuildHeatOverlay();

  QVector<QImage> m_images;
  QString m_placeholder;
  int m_side = 0;
  int m_cursor = -1;
  QVector<bool> m_known;
  bool m_painting = false;
  int m_heatImage = -1;
  int m_focusImage = -1;
  QVector<float> m_heat;
  int m_heatRow = -1;
  int m_heatCol = -1;
  QImage m_stateOverlay;  // side × side: dimming and known tint, drawn over every image
  QImage m_heatOverlay;   // side × side: the heat map, drawn over m_heatImage
};
