// SPDX-License-Identifier: GPL-3.0-or-later
#include "runlist.h"

#include "registry.h"
#include "runfolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

bool RunSummary::canContinue() const {
  return (status == QLatin1String("stopped") || status == QLatin1String("failed")) && epochsDone < epochs && steps > 0;
}

namespace RunList {

Result<RunSummary> summaryOf(const QString& folder) {
  const auto read = RunFolder(folder).readRunJson();
  if (!read.ok())
    return {{}, read.error};
  const QJsonObject& json = read.value;
  RunSummary r;
  r.folder = QDir(folder).absolutePath();
  r.familyId = json.value(QStringLiteral("model")).toObject().value(QStringLiteral("kind")).toString();
  const ModelFamily* family = Registry::find(r.familyId);
  r.model = family ? family->displayName() : r.familyId;
  r.dataset = json.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("name")).toString();
  r.status = json.value(QStringLiteral("status")).toString();
  r.created = QDateTime::fromString(json.value(QStringLiteral("created")).toString(), Qt::ISODate);
  r.steps = json.value(QStringLiteral("steps")).toInteger();
  r.epochsDone = json.value(QStringLiteral("epochs_done")).toInt();
  r.epochs = json.value(QStringLiteral("training")).toObject().value(QStringLiteral("epochs")).toInt();
  const QJsonObject best = json.value(QStringLiteral("best")).toObject();
  r.hasBest = best.contains(QStringLiteral("value"));
  r.best = best.value(QStringLiteral("value")).toDouble();
  r.bestMeasure = best.value(QStringLiteral("measure")).toString();
  return {r, {}};
}

QList<RunSummary> scan(const QStringList& roots, const QStringList& extra) {
  QStringList folders;
  for (const QString& root : roots)
    for (const QFileInfo& f : QDir(root).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot))
      if (QFileInfo::exists(f.filePath() + QStringLiteral("/run.json")))
        folders << f.absoluteFilePath();
  for (const QString& f : extra)
    folders << QDir(f).absolutePath();
  QList<RunSummary> out;
  QSet<QString> seen;
  for (const QString& f : folders) {
    if (seen.contains(f))
      continue;
    seen.insert(f);
    if (auto r = summaryOf(f); r.ok())
      out << r.value;
  }
  std::stable_sort(out.begin(), out.end(), [](const RunSummary& a, const RunSummary& b) { return a.created > b.created; });
  return out;
}

Status moveToTrash(const QString& folder) {
  if (!QFileInfo::exists(folder + QStringLiteral("/run.json")))
    return {QCoreApplication::translate("RunList", "%1 is not a run folder.").arg(folder)};
  if (!QFile::moveToTrash(folder))
    return {QCoreApplication::translate("RunList", "%1 could not be moved to the trash (there is no trash on this "
                                                   "system, or the folder is on another disk).")
                .arg(folder)};
  return {};
}

}  // namespace RunList
