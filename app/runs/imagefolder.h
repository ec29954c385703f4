// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelfamily.h"

#include "data/mnist_dataset.h"

#include <QString>
#include <QStringList>

/// A folder of JPG/PNG images as a dataset (the course homework's anime faces): searched
/// recursively, each image centre-cropped to a square and resized to size × size, grey or RGB.
namespace ImageFolder {

struct Options {
  int size = 28;     ///< 28, 32 or 64
  bool rgb = false;  ///< three channels instead of grey
  int maxImages = 200000;
  int64_t maxBytes = int64_t(2) << 30;  ///< the images as floats; beyond it a random subset is used
  uint64_t shuffleSeed = 20240531;      ///< the order images are read in (see load)
};

struct Loaded {
  genlab::LabelledImages images;  ///< (N, channels·size·size) float in [0, 1], channel-major; labels 0
  int channels = 1;
  int skipped = 0;  ///< files with an image extension that could not be read
  QStringList skippedFiles;  ///< the first few of them, "name: why" (path relative to the folder)
  int unused = 0;            ///< image files left out by the caps (maxImages, maxBytes)
  QString note;              ///< says so, in the user's words; empty when all were used
};

/// Reads every *.png / *.jpg / *.jpeg below `folder`, in a seeded random order (the rows of
/// `images` follow it), at most maxImages and maxBytes of them. Unreadable files are skipped and counted;
/// a folder with no readable image is an error that says so (the value still counts the skipped files).
Result<Loaded> load(const QString& folder, const Options& options);

}  // namespace ImageFolder
