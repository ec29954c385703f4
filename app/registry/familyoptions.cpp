// SPDX-License-Identifier: GPL-3.0-or-later
#include "familyoptions.h"

#include <QLocale>
#include <QStringList>
#include <cmath>

namespace {

// Numbers as the C locale writes them: the same in every language (the CLI reads what it prints).
QString number(double v) { return QString::number(v, 'g', 10); }

bool sameChoice(const QJsonValue& a, const QJsonValue& b) {
  if (a.isDouble() && b.isDouble())
    return a.toDouble() == b.toDouble();
  return a == b;
}

QString choiceText(const QJsonValue& v) { return v.isDouble() ? number(v.toDouble()) : v.toString(); }

}  // namespace

QString FamilyOption::valueName() const {
  switch (type) {
    case Type::Integer: return QStringLiteral("n");
    case Type::Real: return QStringLiteral("x");
    case Type::Flag: return {};
    case Type::Choice: {
      QStringList values;
      for (const Choice& c : choices)
        values << choiceText(c.value);
      return values.join(QLatin1Char('|'));
    }
  }
  return {};
}

Status FamilyOption::check(const QJsonValue& value) const {
  switch (type) {
    case Type::Integer: {
      const double v = value.toDouble(qQNaN());
      if (!value.isDouble() || !std::isfinite(v) || v != std::floor(v) || v < min || v > max)
        return {QCoreApplication::translate("FamilyOption", "%1 must be a whole number between %2 and %3 (got %4).")
            .arg(key, number(min), number(max), value.isDouble() ? number(v) : value.toVariant().toString())};
      return {};
    }
    case Type::Real: {
      const double v = value.toDouble(qQNaN());
      if (!value.isDouble() || !std::isfinite(v) || v < min || v > max)
        return {QCoreApplication::translate("FamilyOption", "%1 must be between %2 and %3 (got %4).")
            .arg(key, number(min), number(max), value.isDouble() ? number(v) : value.toVariant().toString())};
      return {};
    }
    case Type::Flag:
      if (!value.isBool())
        return {QCoreApplication::translate("FamilyOption", "%1 is yes or no (got %2).").arg(key, value.toVariant().toString())};
      return {};
    case Type::Choice:
      for (const Choice& c : choices)
        if (sameChoice(c.value, value))
          return {};
      return {QCoreApplication::translate("FamilyOption", "%1 is one of %2 (got %3).").arg(key, valueName(), choiceText(value))};
  }
  return {};
}

genlab::Result<QJsonValue, QString> FamilyOption::parse(const QString& text) const {
  genlab::Result<QJsonValue, QString> out;
  const QString t = text.trimmed();
  switch (type) {
    case Type::Integer:
    case Type::Real: {
      bool ok = false;
      const double v = QLocale::c().toDouble(t, &ok);
      if (!ok) {
        out.error = QCoreApplication::translate("FamilyOption", "--%1: '%2' is not a number").arg(key, text);
        return out;
      }
      out.value = type == Type::Integer && v == std::floor(v) && std::abs(v) < 9e15 ? QJsonValue(qint64(v)) : QJsonValue(v);
      return out;  // the range: TrainingSettings::validate, with the other values
    }
    case Type::Flag:
      if (t.isEmpty() || t == QLatin1String("yes") || t == QLatin1String("on") || t == QLatin1String("true") || t == QLatin1String("1"))
        out.value = true;
      else if (t == QLatin1String("no") || t == QLatin1String("off") || t == QLatin1String("false") || t == QLatin1String("0"))
        out.value = false;
      else
        out.error = QCoreApplication::translate("FamilyOption", "--%1: '%2' is neither yes nor no").arg(key, text);
      if (!out.ok())
        return out;
      break;
    case Type::Choice:
      out.value = t;
      for (const Choice& c : choices)
        if (choiceText(c.value) == t)
          out.value = c.value;
      break;
  }
  if (const Status checked = check(out.value); !checked.ok())
    out.error = QStringLiteral("--") + checked.error;
  return out;
}

QString FamilyOption::format(const QJsonValue& value) const {
  switch (type) {
    case Type::Integer:
    case Type::Real: return number(value.toDouble());
    case Type::Flag: return value.toBool() ? QCoreApplication::translate("FamilyOption", "yes") : QCoreApplication::translate("FamilyOption", "no");
    case Type::Choice:
      for (const Choice& c : choices)
        if (sameChoice(c.value, value))
          return QCoreApplication::translate("ModelFamily", c.label);
      return choiceText(value);
  }
  return {};
}

OptionValues OptionValues::defaultsOf(const QList<FamilyOption>& options) {
  OptionValues out;
  for (const FamilyOption& o : options)
    out.m_values.insert(o.key, o.defaultValue);
  return out;
}

void OptionValues::complete(const QList<FamilyOption>& options) {
  for (const FamilyOption& o : options)
    if (!m_values.contains(o.key))
      m_values.insert(o.key, o.defaultValue);
}

genlab::Result<OptionValues, QString> OptionValues::ofRun(const QList<FamilyOption>& options, const QJsonObject& runJson) {
  genlab::Result<OptionValues, QString> out;
  const QJsonValue recorded = runJson.value(QStringLiteral("options"));
  if (!recorded.isUndefined() && !recorded.isObject()) {
    out.error = QCoreApplication::translate("FamilyOption", "run.json: \"options\" is not an object");
    return out;
  }
  const QJsonObject values = recorded.toObject();
  for (const FamilyOption& o : options) {
    QJsonValue v = values.value(o.key);
    if (v.isUndefined() && o.fromOlderRun)
      v = o.fromOlderRun(runJson);
    if (v.isUndefined())
      v = o.defaultValue;
    out.value.m_values.insert(o.key, v);
  }
  for (auto it = values.begin(); it != values.end(); ++it)
    if (!out.value.m_values.contains(it.key()))
      out.value.m_values.insert(it.key(), it.value());  // check() names it
  if (const Status checked = out.value.check(options); !checked.ok())
    out.error = QCoreApplication::translate("FamilyOption", "run.json: options.%1").arg(checked.error);
  return out;
}

Status OptionValues::check(const QList<FamilyOption>& options) const {
  for (auto it = m_values.begin(); it != m_values.end(); ++it) {
    const FamilyOption* option = nullptr;
    for (const FamilyOption& o : options)
      if (o.key == it.key())
        option = &o;
    if (!option)
      return {QCoreApplication::translate("FamilyOption", "%1 is not an option of this model").arg(it.key())};
    if (const Status checked = option->check(it.value()); !checked.ok())
      return checked;
  }
  return {};
}

QString OptionValues::describe(const QList<FamilyOption>& options) const {
  QStringList parts;
  for (const FamilyOption& o : options)
    if (m_values.contains(o.key))
      parts << QStringLiteral("%1 %2").arg(o.key, o.format(m_values.value(o.key)));
  return parts.join(QStringLiteral(", "));
}
