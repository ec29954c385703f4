// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decodersnapshot.h"

#include <QJsonObject>
#include <QString>

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

  /// The decoder (VAE, auto-encoder) or generator (GAN) of the run's weights.safetensors; null with
  /// *error set when the files are missing, corrupt, or of a model this version does not know.
  DecoderSnapshot loadDecoder(QString* error) const;

 private:
  DecoderSnapshot loadToyDecoder(const QString& path, const QJsonObject& model, QString* error) const;
  static void setLatentRangeFromJson(DecoderSnapshot& snapshot, const QJsonObject& json);

  QString m_path;
};
