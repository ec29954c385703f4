// SPDX-License-Identifier: GPL-3.0-or-later
#include "datalocations.h"

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

QString mnistFolder() {
  for (const QString& root : searchFolders()) {
    const QDir dir(root + QStringLiteral("/mnist"));
    for (const char* name : {"t10k-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte"})
      if (dir.exists(QLatin1String(name)))
        return dir.absolutePath();
  }
  return {};
}

QString fashionMnistFolder() {
  QStringList candidates;
  for (const QString& root : searchFolders())
    candidates << root + QStringLiteral("/fashion-mnist");
  candidates << QStringLiteral("/usr/share/datasets/fashion-mnist");
  for (const QString& c : candidates)
    if (QFileInfo::exists(c + QStringLiteral("/t10k-labels-idx1-ubyte.gz")))
      return QDir(c).absolutePath();
  return {};
}

QString howToGet(const QString& dataset) {
  if (dataset == QLatin1String("fashion-mnist"))
    return QCoreApplication::translate("DataLocations", "Debian's package dataset-fashion-mnist installs it.");
  return QCoreApplication::translate("DataLocations", "Get it with File → Get the MNIST digits…, or genlab-cli data get mnist.");
}

QString folderFor(const QString& dataset) {
  return dataset == QLatin1String("fashion-mnist") ? fashionMnistFolder() : mnistFolder();
}

}  // namespace DataLocations
