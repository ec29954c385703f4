// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagefolder.h"

#include <ATen/ops/from_blob.h>
#include <ATen/ops/zeros.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <algorithm>
#include <vector>

namespace ImageFolder {

Result<Loaded> load(const QString& folder, const Options& options) {
  auto tr = [](const char* s) { return QCoreApplication::translate("ImageFolder", s); };
  Loaded out;
  if (!QFileInfo(folder).isDir())
    return {std::move(out), tr("%1: no such folder").arg(folder)};
  if (options.size != 28 && options.size != 32 && options.size != 64)
    return {std::move(out), tr("Image size must be 28, 32 or 64 (got %1).").arg(options.size)};
  QStringList files;
  QDirIterator it(folder, {QStringLiteral("*.png"), QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"),
                           QStringLiteral("*.PNG"), QStringLiteral("*.JPG"), QStringLiteral("*.JPEG")},
                  QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext())
    files << it.next();
  files.sort();  // the same order on every machine
  const int channels = options.rgb ? 3 : 1, side = options.size, pixels = side * side;
  std::vector<float> data;
  int count = 0;
  for (const QString& file : files) {
    if (count >= options.maxImages)
      break;
    QImageReader reader(file);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull() || image.width() < 1 || image.height() < 1) {
      // Qt refuses images over its allocation limit (128 MB) before allocating: a lying header
      // cannot make us reserve what it claims.
      if (++out.skipped <= 10)
        out.skippedFiles << QDir(folder).relativeFilePath(file) + QStringLiteral(": ") + reader.errorString();
      continue;
    }
    // Centre crop to a square, then resize: faces stay faces, not stretched.
    const int s = std::min(image.width(), image.height());
    image = image.copy((image.width() - s) / 2, (image.height() - s) / 2, s, s)
                .scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                .convertToFormat(options.rgb ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    const size_t base = data.size();
    data.resize(base + size_t(channels * pixels));
    for (int y = 0; y < side; ++y) {
      const uchar* line = image.constScanLine(y);
      for (int x = 0; x < side; ++x)
        for (int c = 0; c < channels; ++c)
          data[base + size_t(c * pixels + y * side + x)] = float(line[x * channels + c]) / 255.f;
    }
    ++count;
  }
  if (count == 0) {
    QString error = out.skipped ? tr("%1: none of the %2 image files could be read (%3)")
                                      .arg(folder).arg(out.skipped).arg(out.skippedFiles.join(QStringLiteral("; ")))
                                : tr("%1: no JPG or PNG images found (searched sub-folders too)").arg(folder);
    return {std::move(out), std::move(error)};
  }
  out.channels = channels;
  out.images.images = at::from_blob(data.data(), {count, channels * pixels}, at::kFloat).clone();
  out.images.labels = at::zeros({count}, at::kLong);
  out.images.height = side;
  out.images.width = side;
  out.images.source = folder.toStdString();
  return {std::move(out), {}};
}

}  // namespace ImageFolder
