// SPDX-License-Identifier: GPL-3.0-or-later
#include "runfolder.h"

#include "io/atomic_file.h"
#include "io/file_access.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QFileInfo>
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

Result<QByteArray> RunFolder::readFile(const QString& name, qint64 maxBytes) const {
  auto bytes = genlab::read_whole_file(QFile::encodeName(file(name)).toStdString(), quint64(maxBytes),
                                       genlab::Links::Refuse);
  if (!bytes.ok())
    return {{}, QString::fromStdString(bytes.error)};
  return {QByteArray(reinterpret_cast<const char*>(bytes.value.data()), qsizetype(bytes.value.size())), {}};
}

Result<QJsonObject> RunFolder::readRunJson() const {
  const auto bytes = readFile(QStringLiteral("run.json"), 1 << 20);
  if (!bytes.ok())
    return {{}, bytes.error};
  QJsonParseError pe;
  const auto doc = QJsonDocument::fromJson(bytes.value, &pe);
  if (pe.error != QJsonParseError::NoError || !doc.isObject())
    return {{}, QObject::tr("%1: not valid JSON (%2)").arg(file(QStringLiteral("run.json")), pe.errorString())};
  return {doc.object(), {}};
}

Status RunFolder::writeText(const QString& name, const QByteArray& bytes) const {
  // Inside the run folder only: a sub-folder that is a link (samples -> elsewhere) is refused, and
  // write_file_atomic replaces a file that is a link instead of writing through it (QSaveFile
  // would follow it).
  const QFileInfo target(file(name));
  for (QFileInfo dir(target.path()); dir.absoluteFilePath().length() > QFileInfo(m_path).absoluteFilePath().length();
       dir = QFileInfo(dir.path())) {
    if (dir.isSymLink())
      return {QObject::tr("%1: is a symbolic link; a run writes only inside its own folder").arg(dir.filePath())};
  }
  const genlab::Status written = genlab::write_file_atomic(QFile::encodeName(target.filePath()).toStdString(),
                                                           bytes.constData(), size_t(bytes.size()));
  if (!written.ok())
    return {QObject::tr("%1: cannot write (%2)").arg(target.filePath(), QString::fromStdString(written.error))};
  return {};
}

Status RunFolder::writeRunJson(const QJsonObject& json) const {
  return writeText(QStringLiteral("run.json"), QJsonDocument(json).toJson(QJsonDocument::Indented));
}
