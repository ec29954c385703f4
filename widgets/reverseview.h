// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QMetaType>
#include <QPointF>
#include <QVector>
#include <QWidget>

class DigitView;
class PointCloudView;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QRadioButton;
class QScrollArea;
class QSlider;
class QSpinBox;
class QStackedWidget;
class QTimer;
class QToolButton;

/// What the Reverse view asks its owner to sample.
struct ReverseSettings {
  QString sampler;  ///< "ddpm" or "ddim"
  int steps = 50;
  double eta = 1;  ///< as Sampler::defaultEta
  quint64 seed = 1;
  int count = 16;
  bool ema = true;
  QString precision;  ///< "" automatic, "bf16" or "fp32"
  int label = -1;         ///< a model told the class: this class, or −1 each class in turn
  double guidance = 1.2;  ///< its classifier-free guidance w (the page sets the run's own)
};
Q_DECLARE_METATYPE(ReverseSettings)

/// The Diffusion page's reverse process: sampler settings and Run/Cancel; a timeline over every
/// kept step (slider, play/pause, ±1, first/last, go to t; Space, ←/→, Home/End); x_t, x̂0 and ε̂
/// of the selected step (images, or point clouds with trails for a toy model); a filmstrip;
/// fork and sampler comparisons; exports. Holds frames, not models.
class ReverseView final : public QWidget {
  Q_OBJECT
 public:
  explicit ReverseView(QWidget* parent = nullptr);

  /// No run open: says so and offers to open one or to train the toy model.
  void setNoModel(const QString& why);
  /// A run is open: its description; points = toy model (counts up to 5000, scatter views).
  void setModel(const QString& description, int timesteps, bool points, const QVector<QPointF>& data = {});
  /// A model told the class: its classes' names (the class picker and the guidance scale show,
  /// starting at `guidance`); empty: a model without classes (both hidden).
  void setClasses(const QStringList& names, double guidance);
  ReverseSettings settings() const;
  void setSettings(const ReverseSettings& s);

  /// A new trajectory begins: the exact timesteps the sampler will visit and how they are spaced.
  void beginTrajectory(const QVector<int>& timesteps, const QString& spacing);
  void appendFrame(int index, int t, const QImage& xt, const QImage& x0, const QImage& eps,
                   const QVector<QPointF>& xtPoints = {}, const QVector<QPointF>& x0Points = {});
  /// x̂0 of the network told the class alone and told none, of the step appended last (a model told
  /// the class: the guided x̂0 mixes the two by w); shown beside the guided x̂0 while steps have them.
  void setLastFramePredictions(const QImage& x0Told, const QImage& x0Untold, const QVector<QPointF>& toldPoints = {},
                               const QVector<QPointF>& untoldPoints = {});
  /// Sampling ended (completed or cancelled) after `seconds`.
  void endTrajectory(bool completed, double seconds);
  void setSampling(bool running);
  void setProgress(int done, int total);
  void setStatus(const QString& text);
  void setMessage(const QString& text);
  /// Adds an ending to the comparison row ("fork at step 20, DDPM, seed 2 — 1.3 s").
  /// Adds an ending to the row of endings; `show`: shown in the filmstrip's place (a fork's or a
  /// comparison's), or only listed there (the trajectory's own ending).
  void addComparison(const QImage& ending, const QString& caption, bool show = true);
  void clearComparisons();
  /// How many endings of forks and comparisons are shown (in the filmstrip's place while chosen).
  int endingCount() const;

  int frameCount() const { return m_frames.size(); }
  int currentFrame() const;
  void setCurrentFrame(int index);
  int frameT(int index) const { return m_frames[index].t; }
  bool isPlaying() const;
  void setPlaying(bool on);
  /// The images of the selected step side by side (x_t | x̂0 | ε̂), for "Save frame".
  QImage currentFrameImage() const;
  QImage filmstripImage() const;
  /// x_t of every kept step (points drawn as images), for the GIF.
  QVector<QImage> trajectoryImages() const;
  int playIntervalMs() const;
  PointCloudView* pointsView() const { return m_xtPoints; }
  int filmstripCount() const { return m_filmIndices.size(); }

 Q_SIGNALS:
  void runRequested(const ReverseSettings& settings);
  void cancelRequested();
  void forkRequested(int frameIndex, const ReverseSettings& settings);
  void compareRequested(const ReverseSettings& settings);
  /// A model told the class: the endings of the same noise at guidance w = 0, 1, 2 and 4.
  void guidanceStripRequested(const ReverseSettings& settings);
  void openRunRequested();
  void trainToyRequested();
  void exportFrameRequested();
  void exportFilmstripRequested();
  void exportGifRequested();

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  struct Frame {
    int index = 0, t = 0;
    QImage xt, x0, eps, x0Told, x0Untold;
    QVector<QPointF> xtPoints, x0Points, x0ToldPoints, x0UntoldPoints;
  };
  void buildNoModelRow();                      // reverseview.cpp
  void buildSamplerControls();                 // reverseview.cpp
  void buildStepViews();                       // reverseview.cpp
  QHBoxLayout* buildForkAndCompare();          // reverseview.cpp
  void buildExportButtons(QHBoxLayout* row);   // reverseview.cpp
  void updateEndingsChoice();                  // reverseview.cpp
  void showEndings(bool endings);              // reverseview.cpp
  void updateSamplerControls();                // reverseview.cpp
  /// Fork and the saves need kept steps, Compare a model: enabled only then.
  void updateFrameActions();                   // reverseview.cpp
  QHBoxLayout* buildTimeline();                // reverseplayback.cpp
  void showFrame(int index);                   // reverseplayback.cpp
  void rebuildFilmstrip();                     // reversefilmstrip.cpp

  QVector<Frame> m_frames;
  QVector<int> m_planned;
  QVector<int> m_filmIndices;
  bool m_points = false;
  int m_timesteps = 1000;
  QVector<QPointF> m_data;

  QLabel* m_model = nullptr;
  QWidget* m_noModel = nullptr;
  QLabel* m_noModelText = nullptr;
  QWidget* m_controls = nullptr;
  QWidget* m_classRow = nullptr;  ///< class and guidance, for a model told the class
  QComboBox* m_class = nullptr;
  QDoubleSpinBox* m_guidance = nullptr;
  QList<QPushButton*> m_needFrames;  ///< Fork and Save
  QPushButton* m_compareButton = nullptr;
  QComboBox* m_sampler = nullptr;
  QSpinBox* m_steps = nullptr;
  QDoubleSpinBox* m_eta = nullptr;
  QSpinBox* m_seed = nullptr;
  QSpinBox* m_count = nullptr;
  QComboBox* m_weights = nullptr;
  QComboBox* m_precision = nullptr;
  QPushButton* m_run = nullptr;
  QPushButton* m_cancel = nullptr;
  QLabel* m_timesteps_ = nullptr;
  QLabel* m_status = nullptr;
  QLabel* m_message = nullptr;
  QStackedWidget* m_views = nullptr;
  DigitView *m_xt = nullptr, *m_x0 = nullptr, *m_eps = nullptr;
  PointCloudView *m_xtPoints = nullptr, *m_x0Points = nullptr;
  // x̂0 told the class and told none (a model told the class); their captioned boxes show or hide.
  DigitView *m_x0Told = nullptr, *m_x0Untold = nullptr;
  PointCloudView *m_x0ToldPoints = nullptr, *m_x0UntoldPoints = nullptr;
  QList<QWidget*> m_partBoxes;
  QCheckBox* m_trails = nullptr;
  QSlider* m_slider = nullptr;
  QToolButton* m_play = nullptr;
  QComboBox* m_speed = nullptr;
  QSpinBox* m_goto = nullptr;
  QLabel* m_position = nullptr;
  QTimer* m_timer = nullptr;
  QWidget* m_film = nullptr;
  QHBoxLayout* m_filmLayout = nullptr;
  QSpinBox* m_forkSeed = nullptr;
  QScrollArea* m_compareScroll = nullptr;  // the endings of forks and comparisons; hidden while empty
  QPushButton* m_clearComparisons = nullptr;
  QRadioButton* m_showFilm = nullptr;     // under the timeline: the filmstrip…
  QRadioButton* m_showEndings = nullptr;  // …or the endings in its place
  QWidget* m_compareRow = nullptr;
  QHBoxLayout* m_compareLayout = nullptr;
};
