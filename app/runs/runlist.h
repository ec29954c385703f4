// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

/// One run as the Runs list shows it, from its run.json alone (nothing is loaded or built).
struct RunSummary {
  QString folder;
  QString familyId;     ///< "" when run.json names no family GenLab knows
  QString model;        ///< the family's name, in the user's language
  QString dataset;
  QString status;       ///< "completed", "stopped", "training", "failed" (run.json's words)
  QDateTime created;
  qint64 steps = 0;
  int epochsDone = 0, epochs = 0;
  bool hasBest = false;
  double best = 0;
  QString bestMeasure;  ///< run.json's best.measure ("negative_elbo", …)
  /// Whether Continue applies: stopped (or failed) before its last epoch, with weights saved.
  bool canContinue() const;
};

namespace RunList {
/// Every run folder directly inside `roots` and the `extra` folders themselves (recent runs kept
/// elsewhere), newest first, each once; folders without a readable run.json are left out.
QList<RunSummary> scan(const QStringList& roots, const QStringList& extra);
/// One folder's summary, or why it is not a run.
Result<RunSummary> summaryOf(const QString& folder);
/// Moves a run folder to the trash (the desktop's, where there is one); the error says why not.
Status moveToTrash(const QString& folder);
}  // namespace RunList
