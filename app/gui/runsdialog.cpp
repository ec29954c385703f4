// SPDX-License-Identifier: GPL-3.0-or-later
#include "runsdialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QString statusText(const RunSummary& r) {
  if (r.status == QLatin1String("completed"))
    return RunsDialog::tr("completed");
  if (r.status == QLatin1String("training"))
    return RunsDialog::tr("training (or ended without a word)");
  if (r.status == QLatin1String("failed"))
    return RunsDialog::tr("failed");
  if (r.status == QLatin1String("stopped"))
    return r.canContinue() ? RunsDialog::tr("stopped at epoch %1 of %2").arg(r.epochsDone).arg(r.epochs)
                           : RunsDialog::tr("stopped");
  return r.status;
}

QTableWidgetItem* item(const QString& text, const QString& tip = {}) {
  auto* i = new QTableWidgetItem(text);
  i->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
  i->setToolTip(tip.isEmpty() ? text : tip);
  return i;
}

}  // namespace

RunsDialog::RunsDialog(const QStringList& roots, const QStringList& recent, QWidget* parent)
    : QDialog(parent), m_roots(roots), m_recent(recent) {
  setWindowTitle(tr("Runs"));
  setObjectName(QStringLiteral("runsDialog"));
  m_table = new QTableWidget(this);
  m_table->setObjectName(QStringLiteral("runsTable"));
  m_table->setColumnCount(6);
  m_table->setHorizontalHeaderLabels(
      {tr("Model"), tr("Data"), tr("Status"), tr("Steps"), tr("Best held-out"), tr("Created")});
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setWordWrap(false);
  m_note = new QLabel(this);
  m_note->setWordWrap(true);
  m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);

  m_open = new QPushButton(tr("&Open"), this);
  m_open->setToolTip(tr("Opens the run on the page that shows its kind of model"));
  m_continue = new QPushButton(tr("&Continue training"), this);
  m_continue->setObjectName(QStringLiteral("continueButton"));
  m_continue->setToolTip(tr("Trains a stopped run on from where it stopped, with its own settings"));
  m_compare = new QPushButton(tr("Co&mpare"), this);
  m_compare->setToolTip(tr("Adds the run to the Train page's Compare runs chart"));
  m_reveal = new QPushButton(tr("Show in &folder"), this);
  m_trash = new QPushButton(tr("Move to &trash"), this);
  m_trash->setObjectName(QStringLiteral("trashButton"));
  auto* buttons = new QHBoxLayout;
  for (QPushButton* b : {m_open, m_continue, m_compare, m_reveal, m_trash})
    buttons->addWidget(b);
  buttons->addStretch(1);
  auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
  buttons->addWidget(close);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_table, 1);
  layout->addWidget(m_note);
  layout->addLayout(buttons);
  resize(900, 460);

  connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_table, &QTableWidget::itemSelectionChanged, this, &RunsDialog::updateButtons);
  connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { m_open->click(); });
  connect(m_open, &QPushButton::clicked, this, [this] { Q_EMIT openRequested(selectedFolder()); });
  connect(m_continue, &QPushButton::clicked, this, [this] { Q_EMIT continueRequested(selectedFolder()); });
  connect(m_compare, &QPushButton::clicked, this, [this] { Q_EMIT compareRequested(selectedFolder()); });
  connect(m_reveal, &QPushButton::clicked, this,
          [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(selectedFolder())); });
  connect(m_trash, &QPushButton::clicked, this, &RunsDialog::moveSelectedToTrash);
  refresh();
}

void RunsDialog::refresh() {
  const QString was = selectedFolder();
  m_runs = RunList::scan(m_roots, m_recent);
  m_table->setRowCount(int(m_runs.size()));
  const QLocale locale;
  for (int row = 0; row < m_runs.size(); ++row) {
    const RunSummary& r = m_runs[row];
    m_table->setItem(row, 0, item(r.model, r.folder));
    m_table->setItem(row, 1, item(r.dataset));
    m_table->setItem(row, 2, item(statusText(r)));
    m_table->setItem(row, 3, item(locale.toString(r.steps)));
    m_table->setItem(row, 4, item(r.hasBest ? locale.toString(r.best, 'f', 2) : QStringLiteral("–"), r.bestMeasure));
    m_table->setItem(row, 5, item(locale.toString(r.created, QLocale::ShortFormat)));
  }
  m_table->resizeColumnsToContents();
  m_note->setText(m_runs.isEmpty() ? tr("No runs yet: train one on the Train page (they are kept in %1).")
                                         .arg(m_roots.value(0))
                                   : tr("%n run(s) in %1 and among the recent ones.", nullptr, int(m_runs.size()))
                                         .arg(m_roots.join(QStringLiteral(", "))));
  if (!select(was) && !m_runs.isEmpty())
    m_table->selectRow(0);
  updateButtons();
}

QString RunsDialog::selectedFolder() const {
  const auto rows = m_table->selectionModel()->selectedRows();
  return rows.isEmpty() || rows.first().row() >= m_runs.size() ? QString() : m_runs[rows.first().row()].folder;
}

bool RunsDialog::select(const QString& folder) {
  for (int row = 0; row < m_runs.size(); ++row)
    if (!folder.isEmpty() && m_runs[row].folder == folder) {
      m_table->selectRow(row);
      return true;
    }
  return false;
}

void RunsDialog::updateButtons() {
  const QString folder = selectedFolder();
  const RunSummary* r = nullptr;
  for (const RunSummary& s : m_runs)
    if (s.folder == folder)
      r = &s;
  for (QPushButton* b : {m_open, m_compare, m_reveal, m_trash})
    b->setEnabled(r);
  m_continue->setEnabled(r && r->canContinue());
  m_continue->setToolTip(r && !r->canContinue() && r->status == QLatin1String("completed")
                             ? tr("The run has trained all its epochs (genlab-cli resume RUN --epochs N trains it longer)")
                             : tr("Trains a stopped run on from where it stopped, with its own settings"));
}

void RunsDialog::moveSelectedToTrash() {
  const QString folder = selectedFolder();
  if (folder.isEmpty())
    return;
  if (const QString why = m_inUse ? m_inUse(folder) : QString(); !why.isEmpty()) {
    QMessageBox::information(this, tr("Move to trash"), tr("%1 is in use: %2").arg(folder, why));
    return;
  }
  if (QMessageBox::question(this, tr("Move to trash"), tr("Move the run %1 to the trash?").arg(folder)) != QMessageBox::Yes)
    return;
  if (const Status moved = RunList::moveToTrash(folder); !moved.ok())
    QMessageBox::warning(this, tr("Move to trash"), moved.error);
  refresh();
}
