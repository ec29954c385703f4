// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QString>
#include <QVector>

class QTableWidget;

/// Help → Keyboard shortcuts: every command of the window that has keys, and those keys in the
/// platform's words, in a table one can read at a glance.
class ShortcutList final : public QDialog {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(ShortcutList)

 public:
  struct Entry {
    QString command;  ///< as the menu says it, without the mnemonic's "&"
    QKeySequence keys;
  };
  explicit ShortcutList(const QVector<Entry>& entries, QWidget* parent = nullptr);

  /// The rows as shown: "command\tkeys".
  QStringList rows() const;

 private:
  QTableWidget* m_table = nullptr;
};
