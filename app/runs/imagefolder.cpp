// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagefolder.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/randperm.h>
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
  Loaded out;
  if (!QFileInfo(folder).isDir())
    return {std::move(out), QCoreApplication::translate("ImageFolder", "%1: no such folder").arg(folder)};
  if (options.size != 28 && options.size != 32 && options.size != 64)
    return {std::move(out), QCoreApplication::translate("ImageFolder", "Image size must be 28, 32 or 64 (got %1).").arg(options.size)};
  QStringList files;
  QDirIterator it(folder, {QStringLiteral("*.png"), QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"),
                           QStringLiteral("*.PNG"), QStringLiteral("*.JPG"), QStringLiteral("*.JPEG")},
                  QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext())
    files << it.next();
  files.sort();
  // A seeded shuffle of the sorted list: the same order on every machine, and any prefix of it a
  // fair sample — the held-out images are its first tenth, and a capped folder keeps a random subset.
  {
    auto rng = at::make_generator<at::CPUGeneratorImpl>(options.shuffleSeed);
    const auto order = at::randperm(int64_t(files.size()), rng, at::TensorOptions(at::kLong));
    QStringList shuffled;
    shuffled.reserve(files.size());
    const int64_t* index = order.data_ptr<int64_t>();
    for (int64_t i = 0; i < order.numel(); ++i)
      shuffled << files[qsizetype(index[i])];
    files = std::move(shuffled);
  }
  const int channels = options.rgb ? 3 : 1, side = options.size, pixels = side * side;
  const int64_t perImage = int64_t(channels) * pixels * int64_t(sizeof(float));
  const int64_t cap = std::min<int64_t>(options.maxImages, std::max<int64_t>(1, options.maxBytes / perImage));
  if (files.size() > cap) {
    out.unused = int(files.size() - cap);
    out.note = QCoreApplication::translate("ImageFolder", "%1 holds %2 image files; %3 of them, chosen at random, are used (%4 MB as %5×%5 floats)")
                   .arg(folder).arg(files.size()).arg(cap).arg(cap * perImage >> 20).arg(side);
    files = files.mid(0, qsizetype(cap));
  }
  // The images go straight into the tensor training uses: the data is held once.
  at::Tensor images = at::empty({int64_t(files.size()), int64_t(channels) * pixels}, at::kFloat);
  float* data = images.data_ptr<float>();
  int count = 0;
  for (const QString& file : files) {
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
    float* row = data + int64_t(count) * channels * pixels;
    for (int y = 0; y < side; ++y) {
      const uchar* line = image.constScanLine(y);
      for (int x = 0; x < side; ++x)
        for (int c = 0; c < channels; ++c)
          row[c * pixels + y * side + x] = float(line[x * channels + c]) / 255.f;
    }
    ++count;
  }
  if (count == 0) {
    QString error = out.skipped ? QCoreApplication::translate("ImageFolder", "%1: none of the %2 image files could be read (%3)")
                                      .arg(folder).arg(out.skipped).arg(out.skippedFiles.join(QStringLiteral("; ")))
                                : QCoreApplication::translate("ImageFolder", "%1: no JPG or PNG images found (searched sub-folders too)").arg(folder);
    return {std::move(out), std::move(error)};
  }
  out.channels = channels;
  out.images.images = images.narrow(0, 0, count);
  out.images.labels = at::zeros({count}, at::kLong);
  out.images.height = side;
  out.images.width = side;
  out.images.source = folder.toStdString();
  return {std::move(out), {}};
}

}  // namespace ImageFolder
