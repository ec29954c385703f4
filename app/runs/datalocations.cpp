// SPDX-License-Identifier: GPL-3.0-or-later
#include "datalocations.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace DataLocations {

QStringList searchFolders() {
  QStringList folders;
  const QString env = qEnvironmentVariable("GENLAB_DATA_DIR");
  if (!env.isEmpty())
    folders << env;
  folders << QStringLiteral(GENLAB_SOURCE_DATA_DIR);
  folders << QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/GenLab/data");
  return folders;
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

QString folderFor(const QString& dataset) {
  return dataset == QLatin1String("fashion-mnist") ? fashionMnistFolder() : mnistFolder();
}

}  // namespace DataLocations
