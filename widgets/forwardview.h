// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QVector>
#include <QWidget>
#include <vector>

class DigitView;
class PointCloudView;
class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QStackedWidget;
class ScheduleChart;

/// The Diffusion page's forward process: pick an image (or a toy point set), a schedule and a
/// noise seed, and scrub t = 0 … T; shows x0, ε and x_t, the schedule chart with a cursor at t,
/// and the numbers at t. Holds no model: the owner computes the images for each t.
class ForwardView final : public QWidget {
  Q_OBJECT
 public:
  explicit ForwardView(QWidget* parent = nullptr);
  /// A choice in the source list: `key` is handed back in sourceChanged (e.g. "mnist", "toy:s-curve").
  void addSource(const QString& label, const QString& key);
  QString source() const;
  /// Selects the source with this key (as if chosen) and, for a toy set or a new schedule, the
  /// schedule kind and T.
  void selectSource(const QString& key);
  void selectSchedule(const QString& kind, int timesteps);
  int imageIndex() const;
  QString scheduleKind() const;
  int timesteps() const;
  int t() const;
  void setT(int t);
  quint64 seed() const;

  void setImages(const QImage& x0, const QImage& noise, const QImage& xt);
  /// Only x_t changed (the slider moved).
  void setXt(const QImage& xt);
  void setPoints(const QVector<QPointF>& data, const QVector<QPointF>& xt);
  void setSchedule(const std::vector<double>& betas, const std::vector<double>& alphasCumprod);
  void setValues(int t, double beta, double alphaBar, double snr);
  void setMessage(const QString& text);
  /// Names the image being noised ("MNIST test digit 7 (a 3)", a file name…).
  void setImageDescription(const QString& text);

  DigitView* xtView() const { return m_xt; }
  PointCloudView* pointsView() const { return m_points; }
  ScheduleChart* chart() const { return m_chart; }

 Q_SIGNALS:
  void sourceChanged(const QString& key, int index);
  void imageFileRequested();
  /// An image file was dropped on the page.
  void imageFileDropped(const QString& path);
  void scheduleChanged(const QString& kind, int timesteps);
  void seedChanged(quint64 seed);
  void tChanged(int t);

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  QComboBox* m_source = nullptr;
  QSpinBox* m_index = nullptr;
  QComboBox* m_schedule = nullptr;
  QSpinBox* m_T = nullptr;
  QSpinBox* m_seed = nullptr;
  QSlider* m_slider = nullptr;
  QSpinBox* m_tSpin = nullptr;
  QLabel* m_values = nullptr;
  QLabel* m_message = nullptr;
  QLabel* m_description = nullptr;
  QStackedWidget* m_views = nullptr;
  DigitView *m_x0 = nullptr, *m_noise = nullptr, *m_xt = nullptr;
  PointCloudView* m_points = nullptr;
  ScheduleChart* m_chart = nullptr;
};
