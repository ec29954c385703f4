// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// No torch: the GUI includes it. A model family's own training options (β, the latent size, the
// pixel levels …), each declared once in the family's file as a FamilyOption. That one declaration
// drives `genlab-cli train` (its options and --help), the Train page's form, validation, run.json's
// "options" object (written and read back typed), `info` and resume. The common settings (data,
// epochs, batch, rate, seed, threads, device, precision, quality) stay in TrainingSettings.

#include "io/result.h"
#include "status.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <functional>

/// One option of a family, declared once.
struct FamilyOption {
  enum class Type {
    Integer,  ///< a whole number in [min, max]
    Real,     ///< a number in [min, max]
    Flag,     ///< yes or no; on the command line `--key` alone says yes
    Choice,   ///< one of `choices` (numbers or words)
  };
  struct Choice {
    QJsonValue value;
    const char* label;  ///< in the user's words (context "ModelFamily")
  };

  QString key;  ///< `--key`, run.json's options.<key>, the form row's object name ("option-<key>")
  Type type = Type::Integer;
  double min = 0, max = 0;  ///< Integer and Real
  QJsonValue defaultValue;  ///< what a new run starts from
  QList<Choice> choices;    ///< Choice
  const char* label = "";   ///< the Train page's row, with its & shortcut (context "ModelFamily")
  const char* help = "";    ///< one or two sentences: --help and the form's tooltip (context "ModelFamily")
  int decimals = 0;         ///< Real: digits the form shows
  bool shownInForm = true;  ///< false: command line only
  /// A flag that only data with classes can take (by-class): a new run on data without classes
  /// starts with it off, whatever its default (TrainingSettings::useDefaultsOf).
  bool needsClasses = false;
  /// A run written before run.json had "options": the value it trained with, read from where that
  /// version recorded it (model.latent_dim, training.beta …); Undefined when it recorded none.
  std::function<QJsonValue(const QJsonObject& runJson)> fromOlderRun;

  QString displayLabel() const { return QCoreApplication::translate("ModelFamily", label); }
  QString displayHelp() const { return QCoreApplication::translate("ModelFamily", help); }
  /// What `--help` shows after the option ("n", "x", "2|256").
  QString valueName() const;
  /// ok when `value` is a value of this option, else a sentence that names the option, the value and what is allowed.
  Status check(const QJsonValue& value) const;
  /// The value written on the command line ("256", "0.5", "yes"): numbers read (their range is
  /// check()'s), flags and choices checked.
  genlab::Result<QJsonValue, QString> parse(const QString& text) const;
  /// A value as `info` and the queue show it ("256", "0.5", "yes", a choice's label).
  QString format(const QJsonValue& value) const;
};

/// The values of one family's options: typed reads, run.json's "options" object both ways.
class OptionValues {
 public:
  /// Every option at its default.
  static OptionValues defaultsOf(const QList<FamilyOption>& options);
  /// What a run trained with: run.json's "options", else (older runs) each option's fromOlderRun,
  /// else its default; each value checked against its declaration.
  static genlab::Result<OptionValues, QString> ofRun(const QList<FamilyOption>& options, const QJsonObject& runJson);

  int integer(const QString& key) const { return m_values.value(key).toInt(); }
  double real(const QString& key) const { return m_values.value(key).toDouble(); }
  bool flag(const QString& key) const { return m_values.value(key).toBool(); }
  QString word(const QString& key) const { return m_values.value(key).toString(); }
  QJsonValue value(const QString& key) const { return m_values.value(key); }
  bool contains(const QString& key) const { return m_values.contains(key); }
  void set(const QString& key, const QJsonValue& value) { m_values.insert(key, value); }
  /// The options of `options` not set here take their defaults.
  void complete(const QList<FamilyOption>& options);

  /// run.json's "options" object.
  const QJsonObject& json() const { return m_values; }
  /// ok when every key is one of `options` and every value one of its option's, else what is wrong.
  Status check(const QList<FamilyOption>& options) const;
  /// "latent 2, β 0.5" in `options`' order (info, the queue).
  QString describe(const QList<FamilyOption>& options) const;

  bool operator==(const OptionValues& other) const { return m_values == other.m_values; }

 private:
  QJsonObject m_values;
};
