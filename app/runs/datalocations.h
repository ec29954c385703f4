// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/// Where GenLab looks for datasets. Nothing of the build tree: a developer's scripts/setup.sh
/// points GENLAB_DATA_DIR at the source tree's data/.
namespace DataLocations {

/// Folders searched for data, in order: $GENLAB_DATA_DIR, the user's data folder
/// (~/.local/share/GenLab/data), then GenLab/data in the system's data folders (/usr/share …).
QStringList searchFolders();
/// Where GenLab puts the data sets it gets for the user: ~/.local/share/GenLab/data on Linux.
QString userDataFolder();
/// The first folder holding an imported MNIST (train + t10k IDX files), or "" if none.
QString mnistFolder();

/// Fashion-MNIST: fashion-mnist/ in the search folders, else Debian's dataset-fashion-mnist
/// (/usr/share/datasets/fashion-mnist); "" if absent.
QString fashionMnistFolder();
/// How the user gets `dataset` when it is missing, in one sentence.
QString howToGet(const QString& dataset);
/// The folder for "mnist" or "fashion-mnist", "" if that dataset is not on this machine.
QString folderFor(const QString& dataset);

}  // namespace DataLocations
