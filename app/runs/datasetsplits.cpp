// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetsplits.h"

#include "datalocations.h"
#include "datasets.h"
#include "run.h"
#include "imagefolder.h"

#include "data/toy2d.h"

#include <ATen/ops/zeros.h>

#include <QCoreApplication>
#include <QDir>

Result<DatasetSplits> DatasetSplits::load(const TrainingSettings& s) {
  DatasetSplits out;
  const DataSet* set = DataSets::find(s.dataset);
  if (!set)
    return {{}, QCoreApplication::translate("DatasetSplits", "Unknown dataset '%1' (%2).").arg(s.dataset, DataSets::names())};
  if (set->source == DataSource::Generated) {
    // Generated: 10,000 training points and 2,000 held out, from fixed seeds (the same on every machine).
    try {
      const std::string& name = set->generator;
      for (auto* split : {&out.train, &out.eval}) {
        const bool train = split == &out.train;
        // Sets made of parts (moons, 8 Gaussians, rings) label each point with its part.
        auto set = genlab::make_toy2d_labelled(name, train ? 10000 : 2000, train ? 1 : 2);
        split->images = std::move(set.points);
        split->labels = std::move(set.labels);
        split->height = 1;
        split->width = 2;
        split->source = "generated: " + name;
      }
    } catch (const c10::Error& e) {
      return {{}, QString::fromStdString(e.what_without_backtrace())};
    }
    return {std::move(out), {}};
  }
  if (set->source == DataSource::ImageFolder) {
    const auto read = ImageFolder::load(s.dataFolder, {s.imageSize, s.rgb});
    if (!read.ok())
      return {{}, read.error};
    const auto& loaded = read.value;
    const auto& all = loaded.images;
    const int64_t n = all.size(), held = std::max<int64_t>(1, n / 10);
    if (n < 2)
      return {{}, QCoreApplication::translate("DatasetSplits",
                                              "%1 holds only one readable image; training needs at least two")
                      .arg(s.dataFolder)};
    // The images come in a seeded random order: the first tenth (at least one image) is held out
    // for evaluation. Both splits are views of the one tensor (the data is held once).
    out.train = out.eval = all;
    out.train.images = all.images.narrow(0, held, n - held);
    out.train.labels = all.labels.narrow(0, held, n - held);
    out.eval.images = all.images.narrow(0, 0, held);
    out.eval.labels = all.labels.narrow(0, 0, held);
    out.channels = loaded.channels;
    out.skipped = loaded.skipped;
    out.skippedFiles = loaded.skippedFiles;
    out.note = loaded.note;
    return {std::move(out), {}};
  }
  auto train = genlab::load_mnist_split(s.dataFolder.toStdString(), "train");
  if (!train.ok())
    return {{}, QString::fromStdString(train.error)};
  auto eval = genlab::load_mnist_split(s.dataFolder.toStdString(), "t10k");
  if (!eval.ok())
    return {{}, QString::fromStdString(eval.error)};
  out.train = std::move(train.value);
  out.eval = std::move(eval.value);
  return {std::move(out), {}};
}

Result<DatasetSplits> DatasetSplits::heldOutOf(const Run& run, const QString& dataFolder) {
  return heldOutOf(run.dataset(), dataFolder);
}

Result<DatasetSplits> DatasetSplits::heldOutOf(const QJsonObject& dataset, const QString& dataFolder) {
  TrainingSettings s;
  s.dataset = dataset.value(QStringLiteral("name")).toString();
  const QString recorded = dataset.value(QStringLiteral("folder")).toString();
  s.dataFolder = !dataFolder.isEmpty()                            ? dataFolder
                 : !recorded.isEmpty() && QDir(recorded).exists() ? recorded
                                                                  : DataLocations::folderFor(s.dataset);
  s.imageSize = dataset.value(QStringLiteral("image_size")).toInt(28);
  s.rgb = dataset.value(QStringLiteral("channels")).toInt(1) == 3;
  Result<DatasetSplits> out = DatasetSplits::load(s);
  const DataSet* set = DataSets::find(s.dataset);
  if (out.ok() && set && set->kind == DataKind::Images) {
    const int channels = dataset.value(QStringLiteral("channels")).toInt(1), size = s.imageSize;
    const auto& eval = out.value.eval;
    if (eval.images.size(1) != int64_t(channels) * size * size)
      out.error = QCoreApplication::translate("ModelFamily", "%1 holds images of %2 values; the model takes %3")
                      .arg(s.dataFolder).arg(eval.images.size(1)).arg(channels * size * size);
  }
  return out;
}

at::Tensor imagesOf(const genlab::LabelledImages& split, int channels) {
  return split.images.view({-1, channels, split.height, split.width});
}
