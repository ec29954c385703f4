// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QPointF>
#include <QWidget>

class DigitView;
class LatentPad;
class QCheckBox;
class QLabel;

/// A second run beside the first (say the auto-encoder beside the VAE trained on the same
/// digits): its decoded grid with its encoded data, and its image at the point the sliders
/// choose. Linked, it follows the sliders and dragging on it moves them.
class ComparePanel final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(ComparePanel)

 public:
  explicit ComparePanel(QWidget* parent = nullptr);

  LatentPad* pad() const { return m_pad; }
  void setDescription(const QString& text);
  void setDecodedImage(const QImage& image);
  QImage decodedImage() const;
  bool linked() const;
  void setLinked(bool linked);

 Q_SIGNALS:
  void openRequested();
  /// Dragged on this pad while linked (fractions, like LatentPad's).
  void moved(QPointF fraction);
  void linkedChanged(bool linked);

 private:
  LatentPad* m_pad = nullptr;
  DigitView* m_digit = nullptr;
  QLabel* m_description = nullptr;
  QCheckBox* m_link = nullptr;
};
