// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decodersnapshot.h"
#include "heldoutitems.h"
#include "latentwalk.h"
#include "modelfamily.h"

#include <QPair>
#include <QWidget>
#include <memory>
#include <vector>

class ComparePanel;
class DigitView;
class DrawPanel;
class LatentExplorer;
class QLabel;
class QTimer;
class WalkPanel;

/// The Explore page: the latent code of one run's model under sliders, the decoded image, and the
/// whole latent space decoded on a grid; over it the held-out data where the encoder puts it
/// (re-encoded on a pool thread while training); a digit drawn by hand placed on the map; a walk
/// between two codes, saved as PNG, GIF or CSV. It shows the run the user opened; the run being
/// trained replaces it only while "Follow the training run" is on.
class ExplorePage final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(ExplorePage)

 public:
  /// Held-out items encoded for the map.
  static constexpr int kScatterItems = 1000;

  explicit ExplorePage(QWidget* parent = nullptr);
  ~ExplorePage() override;

  /// Opens a run whose family has a latent code; the error says why not.
  Status openRun(const QString& folder);
  /// The run on screen ("" before any).
  QString runFolder() const { return m_run; }
  DecoderSnapshot decoder() const { return m_decoder; }
  LatentExplorer* explorer() const { return m_explore; }
  DrawPanel* drawPanel() const { return m_draw; }
  WalkPanel* walkPanel() const { return m_walk; }

  bool followsTraining() const;
  void setFollowTraining(bool follow);
  /// A run started or ended training (the follow box shows only while one trains).
  void setTrainingRunning(bool running, const QString& status = {});
  /// The training thread's latest decoder; shown only while following (or while nothing is open).
  void showTrainingDecoder(const DecoderSnapshot& decoder, const QString& folder, const ModelFamily& family);

  /// The held-out items on the map (null until loaded) and their codes (empty until encoded).
  std::shared_ptr<const HeldOutItems> heldOut() const { return m_heldOut; }
  genlab::LatentCodes scatterCodes() const { return m_codes; }
  /// The step of the decoder whose encoder made scatterCodes() (−1: none yet).
  qint64 scatterStep() const { return m_codesStep; }

  /// The drawing's item as the encoder got it (empty before a drawing), and its code.
  std::vector<float> drawnItem() const { return m_drawnItem; }
  genlab::LatentCodes drawnCode() const { return m_drawnCode; }

  /// The walk: its ends (full codes), its codes and images once both ends are set.
  void setWalkEnds(const LatentWalk::Code& start, const LatentWalk::Code& end);
  std::vector<LatentWalk::Code> walkCodes() const { return m_walkCodes; }
  QVector<QImage> walkFrames() const { return m_walkFrames; }
  /// A second run beside this one (comparePanel()): its grid, its encoded data and, with the
  /// sliders linked, its image at the same point (in σ of each one's codes).
  Status openComparison(const QString& folder);
  DecoderSnapshot comparisonDecoder() const { return m_other; }
  ComparePanel* comparePanel() const { return m_compare; }
  /// For codes of more than two dimensions: random codes with the sliders' two dimensions set.
  QImage randomDraws() const { return m_drawsImage; }

  /// ok, or what went wrong.
  Status saveWalkStrip(const QString& path) const;
  Status saveWalkAnimation(const QString& path) const;
  Status saveWalkCodes(const QString& path) const;

 Q_SIGNALS:
  void trainDefaultRequested();
  void getDigitsRequested();
  /// A new scatter is on the map (tests wait for it).
  void scatterUpdated();
  /// New random draws are shown.
  void randomDrawsUpdated();

 private:
  void showModel(const DecoderSnapshot& decoder, const QString& folder, const ModelFamily& family);
  std::vector<float> heldCode() const;
  /// The full code at the sliders (the held dimensions plus the two they move), in code units.
  LatentWalk::Code currentCode() const;
  /// The code (posterior mean) of held-out item `index` on the map; empty if there is none.
  LatentWalk::Code itemCode(int index) const;
  void redrawDigit();
  void redrawManifold();
  /// Told the class: the class picker's names (the held-out data's, else 0 … n − 1); none hides it.
  void showClasses(int classes);
  /// Told the class: the class and the style of held-out item `index` under the sliders.
  void useItemStyle(int index);

  // The held-out data on the map (explorescatter.cpp).
  void loadHeldOut(const QString& folder);
  void encodeScatter();
  void projectScatter();
  void showHovered(int index);
  QPointF fractionOf(const std::vector<float>& sigmas) const;

  // Drawing and walking (explorescatter.cpp).
  void encodeDrawing();
  /// The drawing's ellipses and caption for the dimensions shown.
  void placeDrawing();
  void updateWalk();
  void projectWalk();
  void showWalkFrames();
  /// The walk's frames again from a newer decoder (training), on a pool thread.
  void refreshWalk();
  void saveWalk(int kind);

  // The second run and the random draws (explorecompare.cpp).
  void buildComparePanels();
  void showComparison();
  /// The second run's grid and encoded data for the dimensions shown, on a pool thread.
  void redrawComparison();
  void redrawRandomDraws();

  LatentExplorer* m_explore = nullptr;
  DrawPanel* m_draw = nullptr;
  WalkPanel* m_walk = nullptr;
  QTimer* m_manifoldTimer = nullptr;
  QTimer* m_scatterTimer = nullptr;
  DecoderSnapshot m_decoder;
  QString m_run;
  bool m_imageData = true;  ///< images (not toy points)
  bool m_digits = false;    ///< MNIST: drawings are prepared as its digits were
  bool m_manifoldBusy = false;
  bool m_manifoldAgain = false;
  QPair<int, int> m_manifoldDims{0, 1};  // what the grid on screen was drawn for
  std::vector<float> m_manifoldHeld;
  unsigned m_rerollSeed = 1;

  QString m_heldOutFolder;  // loaded or loading for this run
  std::shared_ptr<const HeldOutItems> m_heldOut;
  genlab::LatentCodes m_codes;
  qint64 m_codesStep = -1;
  bool m_scatterBusy = false;
  bool m_scatterAgain = false;

  std::vector<float> m_drawnItem;
  genlab::LatentCodes m_drawnCode;

  LatentWalk::Code m_walkStart, m_walkEnd;
  std::vector<LatentWalk::Code> m_walkCodes;
  QVector<QImage> m_walkFrames;
  bool m_walkBusy = false;
  bool m_walkAgain = false;
  unsigned m_walkSeed = 1;

  ComparePanel* m_compare = nullptr;
  DecoderSnapshot m_other;
  QString m_otherRun;
  QPair<int, int> m_otherDims{-1, -1};  // what its map was drawn for
  QWidget* m_drawsPanel = nullptr;
  DigitView* m_draws = nullptr;
  QLabel* m_drawsCaption = nullptr;
  QImage m_drawsImage;
  quint64 m_drawsSeed = 1;
  bool m_drawsBusy = false;
  bool m_drawsAgain = false;
};
