// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/// Where GenLab looks for datasets. Nothing of the build tree: a developer's scripts/setup.sh
/// points GENLAB_DATA_DIR at the source tree's data/.
namespace DataLocations {

/// Folders searched for data, in order: $GENLAB_DATA_DIR, the user's data folder
/// (~/.local/share/GenLab/data), then GenLab/data in the system's data folders (/usr/share …). (Run from a
/// source tree's build folder, howToGet() points to the checkout's data/ when the set is there.)
QStringList searchFolders();
/// Where GenLab puts the data sets it gets for the user: ~/.local/share/GenLab/data on Linux.
QString userDataFolder();
/// The first folder holding MNIST (train + t10k IDX files), or "" if none.
QString mnistFolder();
/// How the user gets `dataset` when it is missing, in one sentence (the data set registry's words).
QString howToGet(const QString& dataset);
/// Where `dataset` is on this machine: an IDX data set's folder under the search folders (its
/// folderName), else where a package installs it (Debian's dataset-fashion-mnist); an image
/// folder's path; "" when it is not here or is generated.
QString folderFor(const QString& dataset);

}  // namespace DataLocations
