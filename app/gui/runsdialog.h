// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runlist.h"

#include <QDialog>
#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

/// File → Runs…: the runs in the runs folder and the recent ones (model, data, status, steps, best
/// held-out value, created), to open, continue, compare, show in the file manager or move to the trash.
class RunsDialog : public QDialog {
  Q_OBJECT
 public:
  /// `roots`: folders whose run folders are listed; `recent`: run folders listed wherever they are.
  RunsDialog(const QStringList& roots, const QStringList& recent, QWidget* parent = nullptr);
  /// Asked before a run is moved to the trash: "" or why it is in use (training, open on a page).
  void setInUse(std::function<QString(const QString& folder)> inUse) { m_inUse = std::move(inUse); }
  /// Lists the runs again (after a run ended, was continued or deleted).
  void refresh();
  QTableWidget* table() const { return m_table; }
  /// The selected run's folder ("" when none).
  QString selectedFolder() const;
  /// Selects the row of `folder`; false when it is not listed.
  bool select(const QString& folder);

 Q_SIGNALS:
  void openRequested(const QString& folder);
  void continueRequested(const QString& folder);
  void compareRequested(const QString& folder);

 private:
  void updateButtons();
  void moveSelectedToTrash();

  QStringList m_roots, m_recent;
  QList<RunSummary> m_runs;
  QTableWidget* m_table = nullptr;
  QLabel* m_note = nullptr;
  QPushButton *m_open = nullptr, *m_continue = nullptr, *m_compare = nullptr, *m_reveal = nullptr, *m_trash = nullptr;
  std::function<QString(const QString&)> m_inUse;
};
