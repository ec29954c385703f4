// SPDX-License-Identifier: GPL-3.0-or-later
#include "datalocations.h"

#include "datasets.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace DataLocations {

QStringList searchFolders() {
  QStringList folders;
  const QString env = qEnvironmentVariable("GENLAB_DATA_DIR");
  if (!env.isEmpty())
    folders << env;
  // The user's own data folder first, then the system's (XDG_DATA_DIRS: /usr/local/share, /usr/share).
  for (const QString& base : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
    folders << base + QStringLiteral("/GenLab/data");
  folders.removeDuplicates();
  return folders;
}

QString userDataFolder() {
  return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/GenLab/data");
}

QString mnistFolder() { return folderFor(QStringLiteral("mnist")); }

namespace {
// Run from a build folder of a source tree (build/app/genlab-cli): the checkout's data/, where
// scripts/setup.sh puts the digits; "" elsewhere.
QString sourceTreeData() {
  QDir dir(QCoreApplication::applicationDirPath());
  for (int up = 0; up < 2 && dir.cdUp(); ++up)
    if (QFileInfo::exists(dir.filePath(QStringLiteral("scripts/setup.sh"))) && QFileInfo(dir.filePath(QStringLiteral("data"))).isDir())
      return dir.filePath(QStringLiteral("data"));
  return {};
}
}  // namespace

QString howToGet(const QString& dataset) {
  const DataSet* d = DataSets::find(dataset);
  if (!d)
    return {};
  // A source tree whose setup imported the set: say where, rather than how to download it.
  if (const QString tree = sourceTreeData(); !tree.isEmpty() && !d->folderName.isEmpty() &&
                                             QDir(tree + QLatin1Char('/') + d->folderName).exists())
    return QCoreApplication::translate("DataLocations", "This source tree has it in %1: export GENLAB_DATA_DIR=%2 (the folder "
                                                        "scripts/setup.sh fills) and run again.")
        .arg(QDir::toNativeSeparators(tree + QLatin1Char('/') + d->folderName), QDir::toNativeSeparators(tree));
  return d->displayHowToGet();
}

QString folderFor(const QString& dataset) {
  const DataSet* d = DataSets::find(dataset);
  if (!d)
    return {};
  if (d->source == DataSource::ImageFolder)
    return DataSets::folderOf(dataset);
  if (d->source != DataSource::IdxFolder)
    return {};
  QStringList candidates;
  for (const QString& root : searchFolders())
    candidates << root + QLatin1Char('/') + d->folderName;
  candidates << d->systemFolders;
  // The held-out labels under any of the names the IDX files go by (DigitsImport installs the first).
  for (const QString& c : candidates) {
    const QDir dir(c);
    for (const char* name : {"t10k-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte"})
      if (dir.exists(QLatin1String(name)))
        return dir.absolutePath();
  }
  return {};
}

}  // namespace DataLocations
