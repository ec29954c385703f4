// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// One file of a data set on the internet: its name on every mirror, its size and its SHA-256.
struct DataFile {
  QString name;
  qint64 size = -1;    ///< bytes; -1 when unknown (a SHA256SUMS list gives no sizes)
  QByteArray sha256;   ///< lower-case hex
};

/// Where the MNIST digits come from: the four standard files and the mirrors that serve them.
namespace MnistSource {

/// The four files of the standard MNIST distribution (60,000 + 10,000 digits, 11 MB in all),
/// with the sizes and SHA-256 sums every mirror serves.
QList<DataFile> standardFiles();

/// The mirrors GenLab knows (each a folder URL ending in '/').
QStringList defaultMirrors();

/// The mirrors the user chose (Settings key data/mirrors), or the default ones.
QStringList mirrors();
/// Remembers the user's mirrors; an empty list or the default one forgets them.
void setMirrors(const QStringList& mirrors);

/// Cleans a list of mirrors typed by a user: trims, drops empty lines and '#' comments, adds the
/// trailing '/'. Fails naming the first entry that is not an http(s) or file URL.
Result<QStringList> parseMirrors(const QStringList& lines);

/// Reads a `sha256sum` listing ("<64 hex>  <name>" per line) for files of unknown size: how a
/// mirror of other MNIST-format files (a local copy, a test server) says what it serves. It must
/// name the four standard file names.
Result<QList<DataFile>> parseSha256Sums(const QByteArray& text, const QString& source);

/// The files a download must get: the standard ones, or those of the sha256sum listing the
/// environment variable GENLAB_MNIST_SHA256SUMS names (a local mirror of other MNIST-format files).
Result<QList<DataFile>> expectedFiles();
/// The same for a listing in the file `path`.
Result<QList<DataFile>> filesListedIn(const QString& path);

}  // namespace MnistSource
