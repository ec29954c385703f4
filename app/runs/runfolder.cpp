// SPDX-License-Identifier: GPL-3.0-or-later
#include "runfolder.h"


#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

RunFolder RunFolder::create(const QString& runsFolder, const QString& name, QString* error) {
  QDir root(runsFolder);
  if (!root.mkpath(QStringLiteral("."))) {
    *error = QObject::tr("Cannot create the runs folder %1").arg(runsFolder);
    return {};
  }
  const QString stem = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) +
                       QLatin1Char('-') + name;
  for (int n = 0; n < 1000; ++n) {
    const QString candidate = n ? stem + QLatin1Char('-') + QString::number(n) : stem;
    if (!root.exists(candidate) && root.mkdir(candidate))
      return RunFolder(root.absoluteFilePath(candidate));
  }
  *error = QObject::tr("Cannot create a run folder in %1").arg(runsFolder);
  return {};
}

RunFolder RunFolder::createAt(const QString& path, QString* error) {
  QDir dir(path);
  if (dir.exists() && !dir.isEmpty()) {
    *error = QObject::tr("%1 already exists and is not empty; choose a new folder for the run").arg(path);
    return {};
  }
  if (!dir.mkpath(QStringLiteral("."))) {
    *error = QObject::tr("Cannot create the run folder %1").arg(path);
    return {};
  }
  return RunFolder(dir.absolutePath());
}

QString RunFolder::defaultRunsFolder() {
  return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/GenLab/runs");
}

QString RunFolder::file(const QString& name) const { return QDir(m_path).filePath(name); }

bool RunFolder::hasWeights() const {
  return !isNull() && QFile::exists(file(QStringLiteral("weights.safetensors")));
}

QJsonObject RunFolder::readRunJson(QString* error) const {
  QFile f(file(QStringLiteral("run.json")));
  if (!f.open(QIODevice::ReadOnly)) {
    *error = QObject::tr("%1: cannot open").arg(f.fileName());
    return {};
  }
  QJsonParseError pe;
  const auto doc = QJsonDocument::fromJson(f.read(1 << 20), &pe);
  if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
    *error = QObject::tr("%1: not valid JSON (%2)").arg(f.fileName(), pe.errorString());
    return {};
  }
  return doc.object();
}

bool RunFolder::writeText(const QString& name, const QByteArray& bytes, QString* error) const {
  QSaveFile f(file(name));  // temp file + rename: a crash leaves the previous version
  if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
    *error = QObject::tr("%1: cannot write (%2)").arg(f.fileName(), f.errorString());
    return false;
  }
  return true;
}

bool RunFolder::writeRunJson(const QJsonObject& json, QString* error) const {
  return writeText(QStringLiteral("run.json"), QJsonDocument(json).toJson(QJsonDocument::Indented), error);
}
