// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decodersnapshot.h"
#include "modelfamily.h"
#include "shortcutlist.h"

#include <QMainWindow>

class DiffusionPage;
class ExplorePage;
class PixelPage;
class RunsDialog;
class QLabel;
class QMenu;
class QTabWidget;
class TrainPage;
class TrainingController;

/// The frame: four pages (Explore, Diffusion, Pixel by pixel, Train), the menus and the status bar, and the wiring
/// between them. Two runs are kept apart: the one the Train page trains, and the one the Explore
/// or Diffusion page shows (replaced by the training run only while the user follows it).
class MainWindow final : public QMainWindow {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(MainWindow)

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Loads Qt's and GenLab's translations for the system language (LANG=zh_CN.UTF-8: Chinese).
  /// Call once, before the first window.
  static void followSystemLanguage();

  /// Opens a run folder on the page its family belongs to; the error says why not.
  Status openRun(const QString& folder);
  ExplorePage* explore() const { return m_explore; }
  DiffusionPage* diffusion() const { return m_diffusion; }
  PixelPage* pixels() const { return m_pixels; }
  TrainPage* trainPage() const { return m_train; }
  TrainingController* training() const;
  /// Brings one of the four pages to the front (each lies in a scroll area of its own, which
  /// scrolls only on a screen too small for it).
  void showPage(QWidget* page);
  QWidget* currentPage() const;
  /// The decoder the Explore page shows.
  DecoderSnapshot decoder() const;

 protected:
  void closeEvent(QCloseEvent* event) override;

 public:
  /// Every menu command that has keys (Help → Keyboard shortcuts lists them).
  QVector<ShortcutList::Entry> shortcuts() const;

 private:
  void buildMenus();
  void showShortcuts();
  void openRunDialog();
 public:
  /// File → Runs…: the list of runs (made once, refreshed each time it is shown).
  RunsDialog* showRuns();

 private:
  /// File → Get the MNIST digits…; the pages learn of the digits when they arrive.
  void getDigits();
  void updateDigitsMissing();
  void openRunFromUser(const QString& folder);
  void rememberRun(const QString& folder);
  void updateRecentMenu();
  void showSystem(int threads);
  static QString threadsText(int threads);
  void trainToyDiffusion();
  void onRunEnded(const QString& folder, bool completed, const ModelFamily* family);

  QTabWidget* m_pages = nullptr;
  ExplorePage* m_explore = nullptr;
  DiffusionPage* m_diffusion = nullptr;
  PixelPage* m_pixels = nullptr;
  TrainPage* m_train = nullptr;
  QLabel* m_systemLabel = nullptr;
  QMenu* m_recentMenu = nullptr;
  RunsDialog* m_runs = nullptr;
  bool m_toyForDiffusion = false;  ///< the Diffusion page asked for a toy model: open it there when trained
  QString m_backToDiffusion;       ///< …and this is its run folder
};
