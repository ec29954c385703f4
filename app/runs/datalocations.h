// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/// Where GenLab looks for datasets (never downloaded at run time).
namespace DataLocations {

/// Folders searched for data, in order: $GENLAB_DATA_DIR, the source tree's data/ (filled
/// by scripts/setup.sh), and ~/.local/share/GenLab/data.
QStringList searchFolders();
/// The first folder holding an imported MNIST (train + t10k IDX files), or "" if none.
QString mnistFolder();

/// Fashion-MNIST from Debian's dataset-fashion-mnist (or data/fashion-mnist), "" if absent.
QString fashionMnistFolder();
/// The folder for "mnist" or "fashion-mnist", "" if that dataset is not on this machine.
QString folderFor(const QString& dataset);

}  // namespace DataLocations
