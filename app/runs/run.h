// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelfamily.h"
#include "runfolder.h"

#include <QJsonObject>
#include <QString>
#include <memory>

namespace genlab {
struct SafetensorsFile;
}

/// A trained (or training) run, opened once: run.json and weights.safetensors are read, and checked
/// against each other by the run's family (every size field bounded, every tensor's name, shape and
/// dtype as run.json says) before any model is built from them. info, eval, sample, resume and the
/// pages all start here.
class Run {
 public:
  Run() = default;
  /// Reads and checks the run in `folder`; the error names the file and what is wrong.
  static Result<Run> open(const QString& folder);

  QString path() const { return m_folder.path(); }
  QString file(const QString& name) const { return m_folder.file(name); }
  const RunFolder& folder() const { return m_folder; }
  const ModelFamily& family() const { return *m_family; }
  const QJsonObject& json() const { return m_json; }
  QJsonObject model() const { return m_json.value(QStringLiteral("model")).toObject(); }
  QJsonObject dataset() const { return m_json.value(QStringLiteral("dataset")).toObject(); }
  QString datasetName() const { return dataset().value(QStringLiteral("name")).toString(); }
  /// The family's own options the run trained with (ModelFamily::options), typed and checked.
  const OptionValues& options() const { return m_options; }
  /// The step the weights were saved at.
  qint64 step() const { return m_step; }
  /// The weights, as read once by open() (torch: for app/families/ and app/runs/ only).
  const genlab::SafetensorsFile& weights() const { return *m_weights; }
  /// Number of parameters (not buffers such as batch-norm statistics) whose names start with `prefix`.
  qint64 parameterCount(const QString& prefix) const;
  /// The last training step's losses from metrics.csv, by the family's loss keys ({} if none).
  QJsonObject lastLosses() const;
  /// What `genlab-cli info` prints: run.json, the family, its options, parameter counts and the last losses.
  QJsonObject describe() const;

 private:
  RunFolder m_folder;
  const ModelFamily* m_family = nullptr;
  QJsonObject m_json;
  OptionValues m_options;
  std::shared_ptr<const genlab::SafetensorsFile> m_weights;
  qint64 m_step = 0;
};
