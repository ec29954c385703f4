// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPair>
#include <QString>
#include <QVariant>
#include <QVariantMap>
#include <QVector>

class QFormLayout;
class QWidget;

/// One option of a model as the Train page shows it (app/ fills these from the family's declarations).
struct FormOption {
  enum class Kind { Integer, Real, Flag, Choice };
  QString key;      ///< its value's key in TrainingFormValues::options; the editor's object name is "option-<key>"
  Kind kind = Kind::Integer;
  QString label;    ///< the row's label, with its & shortcut (a flag's check box text)
  QString tooltip;  ///< what it does, in a sentence or two
  double min = 0, max = 0;  ///< Integer and Real
  int decimals = 0;         ///< Real
  QVariant defaultValue;
  QVector<QPair<QString, QVariant>> choices;  ///< Choice: each label and value
};

/// The rows of the chosen model's own options inside a form, from `firstRow` on: rebuilt when the
/// model changes; a value the user set stays while the next model has the same option.
class ModelOptionRows final : public QObject {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(ModelOptionRows)

 public:
  ModelOptionRows(QFormLayout* form, int firstRow, QWidget* parent);

  /// Rows for `options`, each at the value it had (same key) or its default.
  void setOptions(const QVector<FormOption>& options);
  const QVector<FormOption>& options() const { return m_options; }
  /// The values by key.
  QVariantMap values() const;
  /// Sets the rows whose keys `values` holds (others keep theirs).
  void setValues(const QVariantMap& values);
  void setEnabled(bool enabled);

 private:
  QWidget* makeEditor(const FormOption& option, QWidget* parent) const;
  static QVariant valueOf(const FormOption& option, const QWidget* editor);
  static void setValue(const FormOption& option, QWidget* editor, const QVariant& value);

  QFormLayout* m_form;
  int m_firstRow;
  QWidget* m_parent;
  QVector<FormOption> m_options;
  QVector<QWidget*> m_editors;
  bool m_enabled = true;
};
