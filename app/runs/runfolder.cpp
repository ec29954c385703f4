// SPDX-License-Identifier: GPL-3.0-or-later
#include "runfolder.h"


#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

Result<RunFolder> RunFolder::create(const QString& runsFolder, const QString& name) {
  QDir root(runsFolder);
  if (!root.mkpath(QStringLiteral(".")))
    return {{}, QObject::tr("Cannot create the runs folder %1").arg(runsFolder)};
  const QString stem = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) +
                       QLatin1Char('-') + name;
  for (int n = 0; n < 1000; ++n) {
    const QString candidate = n ? stem + QLatin1Char('-') + QString::number(n) : stem;
    if (!root.exists(candidate) && root.mkdir(candidate))
      return {RunFolder(root.absoluteFilePath(candidate)), {}};
  }
  return {{}, QObject::tr("Cannot create a run folder in %1").arg(runsFolder)};
}

Result<RunFolder> RunFolder::createAt(const QString& path) {
  QDir dir(path);
  if (dir.exists() && !dir.isEmpty())
    return {{}, QObject::tr("%1 already exists and is not empty; choose a new folder for the run").arg(path)};
  if (!dir.mkpath(QStringLiteral(".")))
    return {{}, QObject::tr("Cannot create the run folder %1").arg(path)};
  return {RunFolder(dir.absolutePath()), {}};
}

QString RunFolder::defaultRunsFolder() {
  return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/GenLab/runs");
}

QString RunFolder::file(const QString& name) const { return QDir(m_path).filePath(name); }

bool RunFolder::hasWeights() const {
  return !isNull() && QFile::exists(file(QStringLiteral("weights.safetensors")));
}

Result<QJsonObject> RunFolder::readRunJson() const {
  QFile f(file(QStringLiteral("run.json")));
  if (!f.open(QIODevice::ReadOnly))
    return {{}, QObject::tr("%1: cannot open").arg(f.fileName())};
  QJsonParseError pe;
  const auto doc = QJsonDocument::fromJson(f.read(1 << 20), &pe);
  if (pe.error != QJsonParseError::NoError || !doc.isObject())
    return {{}, QObject::tr("%1: not valid JSON (%2)").arg(f.fileName(), pe.errorString())};
  return {doc.object(), {}};
}

Status RunFolder::writeText(const QString& name, const QByteArray& bytes) const {
  QSaveFile f(file(name));  // temp file + rename: a crash leaves the previous version
  if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
    return {QObject::tr("%1: cannot write (%2)").arg(f.fileName(), f.errorString())};
  return {};
}

Status RunFolder::writeRunJson(const QJsonObject& json) const {
  return writeText(QStringLiteral("run.json"), QJsonDocument(json).toJson(QJsonDocument::Indented));
}
