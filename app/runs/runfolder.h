// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QObject>

/// A run on disk: run.json (what was trained, how, with what result), weights.safetensors
/// (every parameter by module path), metrics.csv (every step's losses). Every write is atomic.
class RunFolder {
 public:
  RunFolder() = default;
  explicit RunFolder(QString path) : m_path(std::move(path)) {}

  /// Makes a new, empty folder <runsFolder>/<yyyyMMdd-HHmmss>-<name>[-n].
  static RunFolder create(const QString& runsFolder, const QString& name, QString* error);
  /// Uses exactly `path`, which must not exist yet or be an empty folder.
  static RunFolder createAt(const QString& path, QString* error);
  /// Where runs go unless the user says otherwise.
  static QString defaultRunsFolder();

  bool isNull() const { return m_path.isEmpty(); }
  QString path() const { return m_path; }
  QString file(const QString& name) const;
  bool hasWeights() const;

  QJsonObject readRunJson(QString* error) const;
  bool writeRunJson(const QJsonObject& json, QString* error) const;
  bool writeText(const QString& name, const QByteArray& bytes, QString* error) const;

 private:
  QString m_path;
};
