// SPDX-License-Identifier: GPL-3.0-or-later
#include "runinspection.h"

#include "datalocations.h"
#include "guarded.h"
#include "datasetsplits.h"
#include "registry.h"
#include "run.h"
#include "runfolder.h"

#include "data/mnist_dataset.h"
#include "data/toy2d.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace RunInspection {

Result<QJsonObject> describeRun(const QString& folder) {
  return guarded<QJsonObject>([&]() -> Result<QJsonObject> {
    const auto run = Run::open(folder);
    if (!run.ok())
      return {{}, run.error};
    return {run.value.describe(), {}};
  });
}

Result<QJsonObject> evaluate(const QString& folder, const QString& dataFolder) {
  return guarded<QJsonObject>([&]() -> Result<QJsonObject> {
    const auto run = Run::open(folder);
    if (!run.ok())
      return {{}, run.error};
    const auto data = DatasetSplits::heldOutOf(run.value, dataFolder);
    if (!data.ok())
      return {{}, data.error};
    return run.value.family().evaluate(run.value, data.value);
  });
}

Result<std::pair<DecoderSnapshot, const ModelFamily*>> loadDecoder(const QString& folder) {
  using Loaded = std::pair<DecoderSnapshot, const ModelFamily*>;
  return guarded<Loaded>([&]() -> Result<Loaded> {
    const auto run = Run::open(folder);
    if (!run.ok())
      return {{}, run.error};
    const ModelFamily& family = run.value.family();
    if (!family.loadDecoder)
      return {{}, QCoreApplication::translate("RunInspection", "%1 is a %2: it has no latent code to explore")
                      .arg(folder, family.displayName())};
    auto decoder = family.loadDecoder(run.value);
    if (!decoder.ok())
      return {{}, decoder.error};
    return {{decoder.value, &family}, {}};
  });
}

Result<HeldOutItems> loadHeldOut(const QString& folder, int most) {
  return guarded<HeldOutItems>([&]() -> Result<HeldOutItems> {
    // run.json alone: a run that has only started training has no weights yet.
    const auto json = RunFolder(folder).readRunJson();
    if (!json.ok())
      return {{}, json.error};
    const QJsonObject dataset = json.value.value(QStringLiteral("dataset")).toObject();
    const ModelFamily* family =
        Registry::find(json.value.value(QStringLiteral("model")).toObject().value(QStringLiteral("kind")).toString());
    if (!family)
      return {{}, QCoreApplication::translate("RunInspection", "%1: the model kind is not one this version knows").arg(folder)};
    const auto data = DatasetSplits::heldOutOf(dataset, QString());
    if (!data.ok())
      return {{}, data.error};
    const auto& eval = data.value.eval;
    HeldOutItems out;
    out.count = int(std::min<int64_t>(std::max(0, most), eval.size()));
    const auto values = eval.images.narrow(0, 0, out.count).to(at::kFloat).contiguous();
    out.itemSize = int(values.numel() / std::max(1, out.count));
    if (family->data == DataKind::Images) {
      out.channels = data.value.channels;
      out.side = int(eval.height);
    }
    out.values.assign(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
    const DataSet* set = DataSets::find(dataset.value(QStringLiteral("name")).toString());
    if (eval.labels.defined() && eval.labels.numel() >= out.count && set && set->hasClasses()) {
      const auto labels = eval.labels.narrow(0, 0, out.count).to(at::kLong).contiguous();
      for (int i = 0; i < out.count; ++i)
        out.labels.push_back(int(labels.data_ptr<int64_t>()[i]));
      out.classNames = set->classes;
    }
    return {std::move(out), {}};
  });
}

const ModelFamily* familyOf(const QString& folder) {
  const QJsonObject json = RunFolder(folder).readRunJson().value;
  return Registry::find(json.value(QStringLiteral("model")).toObject().value(QStringLiteral("kind")).toString());
}

Result<QImage> sample(const QString& folder, const SampleRequest& request) {
  return guarded<QImage>([&]() -> Result<QImage> {
    const auto run = Run::open(folder);
    if (!run.ok())
      return {{}, run.error};
    return run.value.family().sample(run.value, request);
  });
}

Result<QJsonObject> describeDataset(const QString& nameOrFolder) {
  const DataSet* set = DataSets::find(nameOrFolder);
  if (set && set->source == DataSource::Generated) {
    try {
      const auto points = genlab::make_toy2d(set->generator, 10000, 1);
      const auto lo = std::get<0>(points.min(0)), hi = std::get<0>(points.max(0));
      return {QJsonObject{{QStringLiteral("name"), nameOrFolder},
              {QStringLiteral("source"), QStringLiteral("generated (seed 1)")},
              {QStringLiteral("size"), 10000},
              {QStringLiteral("shape"), QJsonArray{2}},
              {QStringLiteral("range"), QJsonArray{QJsonArray{lo[0].item<double>(), hi[0].item<double>()},
                                                   QJsonArray{lo[1].item<double>(), hi[1].item<double>()}}}},
              {}};
    } catch (const c10::Error& e) {
      return {{}, QString::fromUtf8(e.what_without_backtrace())};
    }
  }
  // A data set by name, else a folder of IDX files (its classes taken as digits).
  const bool named = set && set->source == DataSource::IdxFolder;
  const QString folder = named ? DataLocations::folderFor(nameOrFolder) : nameOrFolder;
  if (folder.isEmpty()) {
    return {{}, QCoreApplication::translate("RunInspection", "%1 is not on this machine. %2").arg(nameOrFolder, DataLocations::howToGet(nameOrFolder))};
  }
  QJsonObject splits;
  qint64 height = 0, width = 0;
  for (const char* split : {"train", "t10k"}) {
    auto data = genlab::load_mnist_split(folder.toStdString(), split);
    if (!data.ok()) {
      return {{}, QString::fromStdString(data.error)};
    }
    splits.insert(QLatin1String(split), qint64(data.value.size()));
    height = data.value.height;
    width = data.value.width;
  }
  const QJsonArray classes = QJsonArray::fromStringList(named ? set->classes : DataSets::all().first()->classes);
  return {QJsonObject{{QStringLiteral("name"), named ? nameOrFolder : QDir(folder).dirName()},
          {QStringLiteral("source"), QDir(folder).absolutePath()},
          {QStringLiteral("size"), splits},
          {QStringLiteral("shape"), QJsonArray{1, height, width}},
          {QStringLiteral("classes"), classes}},
          {}};
}

}  // namespace RunInspection
