// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small MNIST-format files of random digits, for the tests that download or import digits.

#include "io/idx.h"
#include "mnistsource.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>

namespace TestDigits {

inline const QStringList kNames = {QStringLiteral("train-images-idx3-ubyte.gz"), QStringLiteral("train-labels-idx1-ubyte.gz"),
                            QStringLiteral("t10k-images-idx3-ubyte.gz"), QStringLiteral("t10k-labels-idx1-ubyte.gz")};

inline QByteArray gzipped(const genlab::IdxArray& a, const QString& scratch) {
  const QString path = scratch + QStringLiteral("/tmp.gz");
  const genlab::Status written = genlab::write_gzip_atomic(path.toStdString(), genlab::encode_idx(a));
  if (!written.ok())
    qFatal("%s", written.error.c_str());
  QFile f(path);
  f.open(QIODevice::ReadOnly);
  return f.readAll();
}

/// Four MNIST-format files of random digits: `train` and `held` images of 28×28 with labels.
inline QList<QByteArray> makeDigits(int train, int held, const QString& scratch) {
  QRandomGenerator rng(7);
  QList<QByteArray> out;
  for (int n : {train, held}) {
    genlab::IdxArray images{{n, 28, 28}, std::vector<uint8_t>(size_t(n) * 784)};
    for (auto& b : images.data)
      b = uint8_t(rng.bounded(256));
    genlab::IdxArray labels{{n}, std::vector<uint8_t>(size_t(n))};
    for (auto& b : labels.data)
      b = uint8_t(rng.bounded(10));
    out << gzipped(images, scratch) << gzipped(labels, scratch);
  }
  return out;
}

inline QList<DataFile> describe(const QList<QByteArray>& bodies) {
  QList<DataFile> files;
  for (int i = 0; i < 4; ++i)
    files.append({kNames[i], bodies[i].size(), QCryptographicHash::hash(bodies[i], QCryptographicHash::Sha256).toHex()});
  return files;
}

/// The files as a sha256sum listing.
inline QByteArray sha256Sums(const QList<DataFile>& files) {
  QByteArray sums;
  for (const DataFile& f : files)
    sums += f.sha256 + "  " + f.name.toLatin1() + '\n';
  return sums;
}

}  // namespace TestDigits
