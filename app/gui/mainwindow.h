// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decodersnapshot.h"

#include <QMainWindow>
#include <QPair>
#include <vector>

class DiffusionPage;
class LatentExplorer;
class QLabel;
class QMenu;
class QTabWidget;
class QTimer;
class TrainingController;
class TrainingDashboard;
struct EpochEvaluation;
struct TrainingProgress;

/// The frame: three pages (Explore, Diffusion, Train), a status bar, and the wiring between the
/// training controller (core) and the views (widgets). It holds no page logic of its own.
class MainWindow final : public QMainWindow {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(MainWindow)

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Opens a run folder's model in the Explore page; false with *error if it cannot be read.
  bool openRun(const QString& folder, QString* error);
  TrainingController* training() const { return m_training; }
  DecoderSnapshot decoder() const { return m_decoder; }
  DiffusionPage* diffusion() const { return m_diffusion; }

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void buildMenus();
  void openRunDialog();
  void openRunFromUser(const QString& folder);
  void rememberRun(const QString& folder);
  void updateRecentMenu();
  void startTraining();
  void trainDefault();
  void setDecoder(const DecoderSnapshot& decoder);
  std::vector<float> heldCode() const;
  void redrawDigit();
  void redrawManifold();
  void onProgress(const TrainingProgress& progress);
  void onEvaluated(const EpochEvaluation& evaluation);
  void onFinished(const QString& runFolder, bool completed);
  void onFailed(const QString& message);
  void loadPreferences();
  void savePreferences() const;

  QTabWidget* m_pages = nullptr;
  LatentExplorer* m_explore = nullptr;
  DiffusionPage* m_diffusion = nullptr;
  TrainingDashboard* m_dashboard = nullptr;
  TrainingController* m_training = nullptr;
  QLabel* m_systemLabel = nullptr;
  QMenu* m_recentMenu = nullptr;
  QTimer* m_manifoldTimer = nullptr;
  DecoderSnapshot m_decoder;
  QString m_currentRun;
  QString m_currentKind;  ///< run.json's model kind: "vae-mlp" or "ae-mlp"
  bool m_manifoldBusy = false;
  bool m_backToDiffusion = false;  ///< the running training was asked for by the Diffusion page
  bool m_manifoldAgain = false;
  QPair<int, int> m_manifoldDims{0, 1};  // what the grid on screen was drawn for
  std::vector<float> m_manifoldHeld;
  unsigned m_rerollSeed = 1;
};
