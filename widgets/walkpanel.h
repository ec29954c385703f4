// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

/// "Walk between two codes": where the walk starts and ends (the point on the pad, two held-out
/// items, two random codes), how many steps and along which path, the decoded strip, and the
/// exports. The page computes the codes and images; this panel shows them and asks.
class WalkPanel final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(WalkPanel)

 public:
  explicit WalkPanel(QWidget* parent = nullptr);

  int steps() const;
  void setSteps(int steps);
  /// Along a great circle (spherical interpolation) instead of a straight line.
  bool spherical() const;
  void setSpherical(bool spherical);
  /// Whether held-out items can be picked (the model has an encoder and the data is there).
  void setItemsAvailable(bool available);
  void setStrip(const QImage& strip, const QString& caption);
  QImage strip() const { return m_stripImage; }

 Q_SIGNALS:
  void startHereRequested();
  void endHereRequested();
  void twoItemsRequested();
  void twoRandomRequested();
  /// Steps or path changed.
  void walkChanged();
  void saveStripRequested();
  void saveAnimationRequested();
  void saveCodesRequested();

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void showStrip();

  QSpinBox* m_steps = nullptr;
  QComboBox* m_path = nullptr;
  QPushButton* m_items = nullptr;
  QLabel* m_strip = nullptr;
  QLabel* m_caption = nullptr;
  QPushButton* m_saves[3] = {nullptr, nullptr, nullptr};
  QImage m_stripImage;
};
