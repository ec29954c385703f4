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

}  // namespace DataLocations
