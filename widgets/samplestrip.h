// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QScrollArea>

class QHBoxLayout;
class QLabel;

/// The Train page's row of sample grids, one per save (same noise each time), oldest on the left;
/// a new one scrolls into view. Shows a hint while empty.
class SampleStrip final : public QScrollArea {
  Q_OBJECT
 public:
  explicit SampleStrip(QWidget* parent = nullptr);
  /// Appends `image` captioned with its training step (and epoch when ≥ 0).
  void addSamples(const QImage& image, qint64 step, int epoch = -1);
  /// Shows the samples/step-N.png files of a run folder, in step order; returns how many.
  int showRunFolder(const QString& runFolder);
  void clear();
  int count() const { return m_count; }
  /// Every grid shown, side by side with its caption, as one image (null when empty).
  QImage stripImage() const;
  /// Height of the thumbnails in pixels (the images keep their aspect ratio).
  static constexpr int kThumbHeight = 150;

 private:
  QWidget* m_row = nullptr;
  QHBoxLayout* m_layout = nullptr;
  QLabel* m_hint = nullptr;
  int m_count = 0;
};
