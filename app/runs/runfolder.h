// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelfamily.h"

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
  static Result<RunFolder> create(const QString& runsFolder, const QString& name);
  /// Uses exactly `path`, which must not exist yet or be an empty folder.
  static Result<RunFolder> createAt(const QString& path);
  /// Where runs go unless the user says otherwise.
  static QString defaultRunsFolder();

  bool isNull() const { return m_path.isEmpty(); }
  QString path() const { return m_path; }
  QString file(const QString& name) const;
  bool hasWeights() const;

  /// The file `name` of the run (not through a link, a regular file, at most `maxBytes`); the
  /// error names the file and the problem.
  Result<QByteArray> readFile(const QString& name, qint64 maxBytes) const;
  /// run.json as an object; the error names the file and what is wrong ({} then).
  Result<QJsonObject> readRunJson() const;
  /// Writes run.json atomically.
  Status writeRunJson(const QJsonObject& json) const;
  /// Writes the file `name` in the run folder atomically (temporary file and rename); never through
  /// a symbolic link: a link under that name is replaced, a linked sub-folder refused.
  Status writeText(const QString& name, const QByteArray& bytes) const;

 private:
  QString m_path;
};
