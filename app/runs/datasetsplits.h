// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"
#include "trainingtypes.h"

#include "data/mnist_dataset.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

class Run;

/// What a run trains on and what it holds out, read the same way for training, resuming and
/// evaluating: MNIST-layout folders give their train / t10k files; an image folder gives a
/// seeded nine tenths / one tenth split.
struct DatasetSplits {
  genlab::LabelledImages train;
  genlab::LabelledImages eval;
  int channels = 1;
  int skipped = 0;           ///< image-folder files that could not be read
  QStringList skippedFiles;  ///< the first few, "name: why"
  QString note;              ///< an image folder over the caps: how much of it is used

  /// Reads the dataset of `s` (dataset, dataFolder, imageSize, rgb); on failure the error says why.
  static Result<DatasetSplits> load(const TrainingSettings& s);
  /// The run's held-out split: `dataFolder` overrides where the data lives.
  static Result<DatasetSplits> heldOutOf(const Run& run, const QString& dataFolder);
  /// The same from run.json's "dataset" object (a run still without weights).
  static Result<DatasetSplits> heldOutOf(const QJsonObject& dataset, const QString& dataFolder);
};

/// The images of a split as (N, C, H, W).
at::Tensor imagesOf(const genlab::LabelledImages& split, int channels);
