// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QPair>
#include <QPointF>
#include <QWidget>

class DigitView;
class LatentPad;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSlider;
class QStackedWidget;
class QTabWidget;
struct PadPoint;

/// The Explore page: two sliders (and a 2-D pad over the decoded manifold) move a point in two
/// latent dimensions; whoever owns the decoder answers latentChanged() with setDecodedImage().
/// Slider travel maps through the inverse Gaussian CDF over ±3σ. Before any model exists it
/// says so and offers to train the default one.
class LatentExplorer final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(LatentExplorer)

 public:
  static constexpr int kSliderSteps = 1000;
  static constexpr double kSigmas = 3.0;

  explicit LatentExplorer(QWidget* parent = nullptr);

  void setHasModel(bool hasModel);
  bool hasModel() const;
  void setDecodedImage(const QImage& image);
  QImage decodedImage() const;
  /// The N×N grid decoded at the axis quantiles, drawn behind the pad.
  void setManifold(const QImage& grid);
  void setModelDescription(const QString& text);
  /// A line about training in progress ("" hides it); while training, the offer to train is hidden.
  void setTrainingStatus(const QString& text);
  /// Whether the page shows the model being trained (its decoder as it learns) instead of the run
  /// the user opened. Off unless the user turns it on (or asks this page to train the default model).
  bool followsTraining() const;
  void setFollowTraining(bool follow);
  /// Shows the "Follow the training run" box (only while a run trains).
  void setTrainingRunning(bool running);
  /// Before any model: whether the digits to train on are missing, so that the page offers to get
  /// them first instead of a training that cannot start.
  void setDigitsMissing(bool missing);

  /// The model's latent dimension d: for d > 2 the user picks which two dimensions the sliders
  /// move, and whether the others stay at 0 or at a seeded random draw (with a Reroll button).
  void setLatentDim(int d);
  /// Whether the decoder makes 2-D points (a toy run) rather than images: the titles say so.
  void setDrawsPoints(bool points);
  int latentDim() const { return m_latentDim; }
  /// The dimensions the sliders move (0-based), horizontal then vertical.
  QPair<int, int> dimensions() const;
  /// True when the other dimensions hold a random draw instead of 0.
  bool othersAtRandom() const;

  /// A model told the class (a CVAE, a conditional GAN): the classes it can draw, picked in a box
  /// beside the sliders (classChanged()); the sliders then move the style. Empty hides the box and
  /// the every-class strip.
  void setClasses(const QStringList& names);
  /// The class picked (0 without classes).
  int currentClass() const;
  void setCurrentClass(int label);
  /// The current code decoded as every class (one image, side by side): "the same handwriting, every digit".
  void setEveryClassImage(const QImage& strip);
  QImage everyClassImage() const;

  /// The current latent values of the two dimensions.
  QPointF latent() const;
  /// Moves sliders and pad to `z` (clamped to ±3σ) and emits latentChanged.
  void setLatent(QPointF z);

  LatentPad* pad() const { return m_pad; }
  /// The encoded held-out data on the pad, with a legend of `classNames` (none when empty);
  /// `caption` says what the dots are ("" hides the row).
  void setScatter(const QVector<PadPoint>& points, const QStringList& classNames, const QString& caption);
  bool scatterShown() const;
  void setScatterShown(bool shown);
  /// The item under the pointer and what the model makes of it (null images hide the preview).
  void setHoverPreview(const QImage& item, const QImage& reconstruction, const QString& caption);
  /// A panel beside the pad (drawing, walking …), one tab each.
  void addToolPanel(QWidget* panel, const QString& title);
  /// Shows or hides a panel's tab (a GAN has nothing to draw for).
  void setToolPanelVisible(QWidget* panel, bool visible);

 Q_SIGNALS:
  void latentChanged(QPointF z);
  void trainDefaultRequested();
  void getDigitsRequested();
  void followTrainingChanged(bool follow);
  /// A new random draw for the dimensions the sliders do not move.
  void rerollRequested();
  /// The "Show the held-out data" box changed.
  void scatterShownChanged(bool shown);
  /// Another class was picked (setClasses()).
  void classChanged(int label);

 private:
  QWidget* buildNoModelPage();
  QWidget* buildExplorerPage();
  QGroupBox* buildDecodedDigitBox(QWidget* page);
  void buildDimensionsRow(QWidget* decodedBox);
  void buildClassRow(QWidget* decodedBox);
  QGroupBox* buildLatentPadBox(QWidget* page);
  void buildScatterRow(QWidget* padBox);
  void buildHoverPreview(QWidget* padBox);

  void onSliderMoved();
  void onPadMoved(QPointF fraction);
  void showLatent();

  QStackedWidget* m_stack = nullptr;
  QPushButton* m_trainDefault = nullptr;
  QPushButton* m_getDigits = nullptr;
  QLabel* m_digitsMissing = nullptr;
  bool m_missing = false;
  QLabel* m_emptyStatus = nullptr;
  DigitView* m_digit = nullptr;
  LatentPad* m_pad = nullptr;
  QSlider* m_sliders[2] = {nullptr, nullptr};
  QLabel* m_values[2] = {nullptr, nullptr};
  QLabel* m_description = nullptr;
  QGroupBox* m_decodedBox = nullptr;
  QLabel* m_padCaption = nullptr;
  QLabel* m_status = nullptr;
  QCheckBox* m_follow = nullptr;
  QWidget* m_dimsRow = nullptr;
  QWidget* m_classRow = nullptr;
  QComboBox* m_classCombo = nullptr;
  DigitView* m_everyClass = nullptr;
  QLabel* m_everyClassCaption = nullptr;
  QComboBox* m_dimCombos[2] = {nullptr, nullptr};
  QComboBox* m_others = nullptr;
  QPushButton* m_reroll = nullptr;
  QWidget* m_scatterRow = nullptr;
  QCheckBox* m_showScatter = nullptr;
  QLabel* m_legend = nullptr;
  QWidget* m_preview = nullptr;
  DigitView* m_previewItem = nullptr;
  DigitView* m_previewRecon = nullptr;
  QLabel* m_previewCaption = nullptr;
  QTabWidget* m_tools = nullptr;
  int m_latentDim = 2;
};
