// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// No torch in here: the Pixel by pixel page includes it.

#include <QImage>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QVector>
#include <memory>

/// What the Pixel by pixel page asks the writer to do.
struct PixelWriteRequest {
  enum class Start { Blank, BottomHalfHidden, RightHalfHidden, Painted };
  QString runFolder;
  int count = 8;             ///< images written at once
  double temperature = 1.0;  ///< < 1 sharper, > 1 flatter
  quint64 seed = 1;
  Start start = Start::Blank;  ///< blank, or held-out digits with a part hidden to complete
  bool sameImage = false;      ///< completion: one held-out image in every slot (several completions of it)
  bool naive = false;          ///< a full forward pass per pixel instead of the row alone (for comparison)
  QVector<bool> given;         ///< Painted: size² flags in raster order, true where the pixel is given
  int digit = -1;              ///< completion: the first held-out image to use (−1: chosen by the seed)
  quint64 id = 0;              ///< copied into the request's frames (PixelWriteFrame::request)
  int label = -1;              ///< models told the class: write this one (−1: a blank image's class in turn,
                               ///< a completed image its own)
};
Q_DECLARE_METATYPE(PixelWriteRequest)

/// One view of the writing: the images so far and the next pixel's distribution in image `focus`.
struct PixelWriteFrame {
  QVector<QImage> images;      ///< Grayscale8, one per image
  QVector<bool> known;         ///< pixels given (completion), raster order; empty when none
  int position = 0;            ///< the next pixel, r · size + c (size² when complete)
  int size = 28;
  int focus = 0;               ///< the image whose distribution is shown
  QVector<float> distribution; ///< of the pixel just drawn in `focus` (2 or 256 entries)
  int drawnLevel = -1;         ///< the level it drew there
  double pixelsPerSecond = 0;  ///< pixels per image per second, over the last second of drawing
  bool done = false;
  quint64 request = 0;         ///< the id of the request this frame belongs to
};
Q_DECLARE_METATYPE(PixelWriteFrame)

/// Writes images pixel by pixel with a trained pixel model on a worker thread: start, pause, one
/// pixel at a time, cancel; and the receptive field of a pixel, for the trained net and a plain
/// masked stack of the same depth.
class PixelWriter final : public QObject {
  Q_OBJECT
 public:
  explicit PixelWriter(QObject* parent = nullptr);
  ~PixelWriter() override;

  /// Opens the run (on the worker) and starts writing; failed() when it cannot.
  void start(const PixelWriteRequest& request);
  void setPaused(bool paused);
  /// While paused: one more pixel.
  void stepOnce();
  void cancel();
  /// Milliseconds between pixels (0: as fast as the machine draws).
  void setDelay(int ms);
  void setFocus(int image);
  /// How much each pixel of image `image` moves pixel (row, col)'s probability, for the run's
  /// net and for an untrained plain masked stack (only where it can look matters there).
  void requestReceptiveField(int image, int row, int col);

 Q_SIGNALS:
  void frame(const PixelWriteFrame& frame);
  void receptiveField(int image, int row, int col, const QVector<float>& trained, const QVector<float>& plain);
  void failed(const QString& message);

 private:
  class Worker;
  Worker* m_worker = nullptr;
  class QThread* m_thread = nullptr;
};
