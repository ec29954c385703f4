// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

/// `view` under a centred, wrapped caption, in a new widget owned by `parent`.
inline QWidget* captioned(QWidget* view, const QString& caption, QWidget* parent) {
  auto* box = new QWidget(parent);
  auto* v = new QVBoxLayout(box);
  v->setContentsMargins(0, 0, 0, 0);
  auto* label = new QLabel(caption, box);
  label->setWordWrap(true);
  label->setAlignment(Qt::AlignHCenter);
  v->addWidget(label);
  v->addWidget(view, 1);
  return box;
}
