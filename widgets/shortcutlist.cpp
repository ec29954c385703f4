// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortcutlist.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

ShortcutList::ShortcutList(const QVector<Entry>& entries, QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("shortcutList"));
  setWindowTitle(tr("Keyboard shortcuts"));
  m_table = new QTableWidget(int(entries.size()), 2, this);
  m_table->setObjectName(QStringLiteral("shortcutTable"));
  m_table->setHorizontalHeaderLabels({tr("Command"), tr("Keys")});
  m_table->verticalHeader()->hide();
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionMode(QAbstractItemView::NoSelection);
  for (int i = 0; i < int(entries.size()); ++i) {
    QString command = entries[i].command;
    command.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    m_table->setItem(i, 0, new QTableWidgetItem(command));
    m_table->setItem(i, 1, new QTableWidgetItem(entries[i].keys.toString(QKeySequence::NativeText)));
  }
  m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  auto* note = new QLabel(tr("In every menu and form, Alt with the underlined letter chooses that item."), this);
  note->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_table);
  layout->addWidget(note);
  layout->addWidget(buttons);
  resize(460, 380);
}

QStringList ShortcutList::rows() const {
  QStringList out;
  for (int i = 0; i < m_table->rowCount(); ++i)
    out << m_table->item(i, 0)->text() + QLatin1Char('\t') + m_table->item(i, 1)->text();
  return out;
}
