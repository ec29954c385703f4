// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QFile>
#include <QString>

// Real data the setup script puts in place; tests fail (not skip) without it.
namespace TestData {

inline QString mnistFolder() { return QStringLiteral(GENLAB_SOURCE_DIR "/data/mnist"); }
inline QString npmPackage() { return QStringLiteral(GENLAB_SOURCE_DIR "/.cache/mnist-package/package"); }
inline bool haveMnist() { return QFile::exists(mnistFolder() + QStringLiteral("/t10k-labels-idx1-ubyte.gz")); }

}  // namespace TestData

#define REQUIRE_MNIST()                                                                              \
  do {                                                                                               \
    if (!TestData::haveMnist())                                                                      \
      QFAIL("MNIST digits are missing in data/mnist: run scripts/setup.sh build first");             \
  } while (0)
