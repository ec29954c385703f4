// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decodersnapshot.h"
#include "modelfamily.h"

#include <QPair>
#include <QWidget>
#include <vector>

class LatentExplorer;
class QTimer;

/// The Explore page: the latent code of one run's model under sliders, the decoded image, and the
/// whole latent space decoded on a grid. It shows the run the user opened; the run being trained
/// replaces it only while "Follow the training run" is on.
class ExplorePage final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(ExplorePage)

 public:
  explicit ExplorePage(QWidget* parent = nullptr);
  ~ExplorePage() override;

  /// Opens a run whose family has a latent code; the error says why not.
  Status openRun(const QString& folder);
  /// The run on screen ("" before any).
  QString runFolder() const { return m_run; }
  DecoderSnapshot decoder() const { return m_decoder; }
  LatentExplorer* explorer() const { return m_explore; }

  bool followsTraining() const;
  void setFollowTraining(bool follow);
  /// A run started or ended training (the follow box shows only while one trains).
  void setTrainingRunning(bool running, const QString& status = {});
  /// The training thread's latest decoder; shown only while following (or while nothing is open).
  void showTrainingDecoder(const DecoderSnapshot& decoder, const QString& folder, const ModelFamily& family);

 Q_SIGNALS:
  void trainDefaultRequested();

 private:
  void show(const DecoderSnapshot& decoder, const QString& folder, const ModelFamily& family);
  std::vector<float> heldCode() const;
  void redrawDigit();
  void redrawManifold();

  LatentExplorer* m_explore = nullptr;
  QTimer* m_manifoldTimer = nullptr;
  DecoderSnapshot m_decoder;
  QString m_run;
  bool m_manifoldBusy = false;
  bool m_manifoldAgain = false;
  QPair<int, int> m_manifoldDims{0, 1};  // what the grid on screen was drawn for
  std::vector<float> m_manifoldHeld;
  unsigned m_rerollSeed = 1;
};
