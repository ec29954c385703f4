// SPDX-License-Identifier: GPL-3.0-or-later
#include "modeloptionrows.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>
#include <algorithm>

ModelOptionRows::ModelOptionRows(QFormLayout* form, int firstRow, QWidget* parent)
    : QObject(parent), m_form(form), m_firstRow(firstRow), m_parent(parent) {}

QWidget* ModelOptionRows::makeEditor(const FormOption& o, QWidget* parent) const {
  QWidget* editor = nullptr;
  switch (o.kind) {
    case FormOption::Kind::Integer: {
      auto* spin = new QSpinBox(parent);
      spin->setRange(int(o.min), int(o.max));
      editor = spin;
      break;
    }
    case FormOption::Kind::Real: {
      auto* spin = new QDoubleSpinBox(parent);
      spin->setDecimals(o.decimals);
      spin->setRange(o.min, o.max);
      spin->setSingleStep(o.decimals > 0 ? 0.5 : 1.0);
      editor = spin;
      break;
    }
    case FormOption::Kind::Flag:
      editor = new QCheckBox(o.label, parent);
      break;
    case FormOption::Kind::Choice: {
      auto* combo = new QComboBox(parent);
      for (const auto& [label, value] : o.choices)
        combo->addItem(label, value);
      editor = combo;
      break;
    }
  }
  editor->setObjectName(QStringLiteral("option-") + o.key);
  editor->setToolTip(o.tooltip);
  editor->setEnabled(m_enabled);
  return editor;
}

QVariant ModelOptionRows::valueOf(const FormOption& o, const QWidget* editor) {
  switch (o.kind) {
    case FormOption::Kind::Integer: return static_cast<const QSpinBox*>(editor)->value();
    case FormOption::Kind::Real: return static_cast<const QDoubleSpinBox*>(editor)->value();
    case FormOption::Kind::Flag: return static_cast<const QCheckBox*>(editor)->isChecked();
    case FormOption::Kind::Choice: return static_cast<const QComboBox*>(editor)->currentData();
  }
  return {};
}

void ModelOptionRows::setValue(const FormOption& o, QWidget* editor, const QVariant& value) {
  switch (o.kind) {
    case FormOption::Kind::Integer: static_cast<QSpinBox*>(editor)->setValue(value.toInt()); break;
    case FormOption::Kind::Real: static_cast<QDoubleSpinBox*>(editor)->setValue(value.toDouble()); break;
    case FormOption::Kind::Flag: static_cast<QCheckBox*>(editor)->setChecked(value.toBool()); break;
    case FormOption::Kind::Choice: {
      auto* combo = static_cast<QComboBox*>(editor);
      for (int i = 0; i < combo->count(); ++i)
        if (combo->itemData(i) == value || (value.canConvert<double>() && combo->itemData(i).toDouble() == value.toDouble()))
          combo->setCurrentIndex(i);
      break;
    }
  }
}

namespace {

bool sameRow(const FormOption& a, const FormOption& b) {
  return a.key == b.key && a.kind == b.kind && a.label == b.label && a.tooltip == b.tooltip && a.min == b.min &&
         a.max == b.max && a.decimals == b.decimals && a.choices == b.choices;
}

}  // namespace

void ModelOptionRows::setOptions(const QVector<FormOption>& options) {
  if (options.size() == m_options.size() && std::equal(options.begin(), options.end(), m_options.begin(), sameRow))
    return;  // the same rows: the editors (and the focus) stay
  const QVariantMap before = values();
  for (qsizetype i = m_editors.size() - 1; i >= 0; --i)
    m_form->removeRow(m_firstRow + int(i));  // deletes the label and the editor
  m_editors.clear();
  m_options = options;
  for (const FormOption& o : m_options) {
    QWidget* editor = makeEditor(o, m_parent);
    setValue(o, editor, before.contains(o.key) ? before.value(o.key) : o.defaultValue);
    m_form->insertRow(m_firstRow + int(m_editors.size()), o.kind == FormOption::Kind::Flag ? QString() : o.label, editor);
    m_editors << editor;
  }
}

QVariantMap ModelOptionRows::values() const {
  QVariantMap out;
  for (qsizetype i = 0; i < m_options.size(); ++i)
    out.insert(m_options[i].key, valueOf(m_options[i], m_editors[i]));
  return out;
}

void ModelOptionRows::setValues(const QVariantMap& values) {
  for (qsizetype i = 0; i < m_options.size(); ++i)
    if (values.contains(m_options[i].key))
      setValue(m_options[i], m_editors[i], values.value(m_options[i].key));
}

void ModelOptionRows::setEnabled(bool enabled) {
  m_enabled = enabled;
  for (QWidget* editor : m_editors)
    editor->setEnabled(enabled);
}
