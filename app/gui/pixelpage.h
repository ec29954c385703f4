// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelfamily.h"
#include "pixelwriter.h"

#include <QWidget>

class PixelDistributionView;
class PixelWriteView;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QHBoxLayout;
class QVBoxLayout;
class QLabel;
class QPushButton;
class QSpinBox;

/// The Pixel by pixel page: a trained autoregressive run writes images one pixel at a time (the
/// images so far, the cursor, the next pixel's distribution, pixels per second), completes
/// held-out digits with a half or a painted part hidden, writes the class asked for (models told
/// the class), and shows what a clicked pixel depends on — for the run's
/// network and for a plain masked stack, whose blind spot the gated design removes.
class PixelPage final : public QWidget {
  Q_OBJECT
 public:
  explicit PixelPage(QWidget* parent = nullptr);
  /// Opens a pixel-by-pixel run; otherwise the error says why.
  Status openRun(const QString& folder);
  QString runFolder() const { return m_run; }
  PixelWriter* writer() const { return m_writer; }
  PixelWriteView* view() const { return m_view; }
  /// Starts writing with the controls' settings.
  void write();

 Q_SIGNALS:
  void openRunRequested();

 private:
  void buildWriteSettings();
  void buildWriteButtons();
  QVBoxLayout* buildControlsRows();
  QHBoxLayout* buildImagesAndSidePanel();

  void showFrame(const PixelWriteFrame& f);
  void showField(int image, int row, int col, const QVector<float>& trained, const QVector<float>& plain);
  void setWriting(bool writing);
  bool paintMode() const;
  /// Paint mode: the held-out digits to paint on, shown without writing.
  void showDigitsToPaint();
  PixelWriteRequest request() const;

  PixelWriter* m_writer = nullptr;
  PixelWriteView* m_view = nullptr;
  PixelWriteView* m_plainView = nullptr;
  PixelDistributionView* m_distribution = nullptr;
  QLabel* m_info = nullptr;
  QLabel* m_speed = nullptr;
  QLabel* m_fieldNote = nullptr;
  QSpinBox* m_count = nullptr;
  QDoubleSpinBox* m_temperature = nullptr;
  QComboBox* m_start = nullptr;
  QComboBox* m_pace = nullptr;
  QCheckBox* m_same = nullptr;
  QComboBox* m_class = nullptr;
  QLabel* m_classLabel = nullptr;
  QPushButton* m_otherDigit = nullptr;
  QPushButton* m_paint = nullptr;
  QPushButton* m_writeButton = nullptr;
  QPushButton* m_pause = nullptr;
  QPushButton* m_step = nullptr;
  QPushButton* m_cancel = nullptr;
  QString m_run;
  quint64 m_seed = 1;
  PixelWriteFrame m_last;
  int m_imageSize = 28;
  QVector<bool> m_paintedGiven;  ///< paint mode: true where the pixel stays given
  int m_paintDigit = 0;          ///< paint mode: the held-out digit painted on
  quint64 m_request = 0;         ///< the writer request whose frames are shown (others are stale)
  quint64 m_preview = 0;         ///< the request showing the digits to paint on (0: none)
};
