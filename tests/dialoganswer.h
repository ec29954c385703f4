// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// GUI tests: answering a modal question (QMessageBox::exec) that the next action opens.

#include <QAbstractButton>
#include <QApplication>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace TestGui {

/// Once a modal dialog shows (within ~5 s), clicks its button called `button` (object name).
inline void answerNextDialog(const QString& button, int triesLeft = 250) {
  QTimer::singleShot(20, qApp, [button, triesLeft] {
    QWidget* modal = QApplication::activeModalWidget();
    if (auto* b = modal ? modal->findChild<QAbstractButton*>(button) : nullptr) {
      b->click();
      return;
    }
    if (triesLeft > 0)
      answerNextDialog(button, triesLeft - 1);
  });
}

}  // namespace TestGui
