// SPDX-License-Identifier: GPL-3.0-or-later
#include "runinspection.h"

#include "datalocations.h"
#include "datasetsplits.h"
#include "runfolder.h"

#include "vae/conv_vae.h"
#include "data/mnist_dataset.h"
#include "data/toy2d.h"
#include "toy/toy_models.h"
#include "vae/vae_trainer.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace RunInspection {

QJsonObject evaluate(const RunFolder& run, const QString& dataFolder, QString* error) {
  const QJsonObject json = run.readRunJson(error);
  if (!error->isEmpty())
    return {};
  const QJsonObject model = json.value(QStringLiteral("model")).toObject();
  const QString kind = model.value(QStringLiteral("kind")).toString();
  if (kind == QLatin1String("dcgan") || kind == QLatin1String("toy-gan")) {
    *error = QCoreApplication::translate("RunInspection",
                                         "%1 is a GAN: it has no likelihood to evaluate on held-out data; "
                                         "look at its samples (genlab-cli sample) instead")
                 .arg(run.path());
    return {};
  }
  const bool toy = kind == QLatin1String("toy-vae") || kind == QLatin1String("toy-ae");
  if (kind != QLatin1String("vae-mlp") && kind != QLatin1String("ae-mlp") && kind != QLatin1String("vae-conv") && !toy) {
    *error = QCoreApplication::translate("RunInspection", "%1: model kind '%2' cannot be evaluated by this version")
                 .arg(run.file(QStringLiteral("run.json")), kind);
    return {};
  }
  const QJsonObject dataset = json.value(QStringLiteral("dataset")).toObject();
  TrainingSettings s;
  s.dataset = dataset.value(QStringLiteral("name")).toString();
  s.dataFolder = !dataFolder.isEmpty() ? dataFolder
                 : QDir(dataset.value(QStringLiteral("folder")).toString()).exists()
                     ? dataset.value(QStringLiteral("folder")).toString()
                     : DataLocations::folderFor(s.dataset);
  s.imageSize = dataset.value(QStringLiteral("image_size")).toInt(28);
  s.rgb = dataset.value(QStringLiteral("channels")).toInt(1) == 3;
  const DatasetSplits data = DatasetSplits::load(s, error);
  if (!error->isEmpty())
    return {};
  const std::string weights = run.file(QStringLiteral("weights.safetensors")).toStdString();
  const auto& eval = data.eval;
  genlab::VAELoss l;
  if (toy) {
    genlab::ToyTrainer trainer(genlab::ToyModelOptions()
                                   .kind(kind.mid(4).toStdString())
                                   .latent_dim(model.value(QStringLiteral("latent_dim")).toInt(2))
                                   .hidden(model.value(QStringLiteral("hidden")).toInt(128)),
                               genlab::ToyTrainerOptions().batch_size(2), eval.images);
    if (const std::string err = trainer.load_weights(weights); !err.empty()) {
      *error = QString::fromStdString(err);
      return {};
    }
    const auto m = trainer.evaluate(eval.images);
    const auto opts = at::TensorOptions(at::kDouble);
    l = {at::scalar_tensor(m[0], opts), at::scalar_tensor(m[1], opts), at::scalar_tensor(m[2], opts)};
  } else if (kind == QLatin1String("vae-conv")) {
    const auto options = genlab::ConvVAEOptions()
                             .latent_dim(model.value(QStringLiteral("latent_dim")).toInt(16))
                             .channels(model.value(QStringLiteral("channels")).toInt(1))
                             .image_size(model.value(QStringLiteral("image_size")).toInt(28))
                             .width(model.value(QStringLiteral("width")).toInt(32));
    genlab::ConvVAE vae(options);
    if (const std::string err = genlab::load_conv_vae_weights(vae, weights); !err.empty()) {
      *error = QString::fromStdString(err);
      return {};
    }
    if (eval.images.size(1) != options.channels() * options.image_size() * options.image_size()) {
      *error = QCoreApplication::translate("RunInspection", "%1 holds images of %2 values; the model takes %3")
                   .arg(s.dataFolder).arg(eval.images.size(1))
                   .arg(options.channels() * options.image_size() * options.image_size());
      return {};
    }
    l = genlab::evaluate_conv_vae(
        vae, eval.images.view({-1, options.channels(), options.image_size(), options.image_size()}));
  } else {
    genlab::VAE vae(genlab::VAEOptions()
                        .input_dim(model.value(QStringLiteral("input_dim")).toInt(784))
                        .hidden_dim(model.value(QStringLiteral("hidden_dim")).toInt(256))
                        .latent_dim(model.value(QStringLiteral("latent_dim")).toInt(2))
                        .deterministic(kind == QLatin1String("ae-mlp")));
    if (const std::string err = genlab::load_weights(vae, weights); !err.empty()) {
      *error = QString::fromStdString(err);
      return {};
    }
    if (eval.images.size(1) != vae->options().input_dim()) {
      *error = QCoreApplication::translate("RunInspection", "%1 holds %2-pixel images; the model takes %3")
                   .arg(s.dataFolder).arg(eval.images.size(1)).arg(vae->options().input_dim());
      return {};
    }
    const auto m = genlab::evaluate_vae(vae, eval.images);
    const auto opts = at::TensorOptions(at::kDouble);
    l = {at::scalar_tensor(m.total, opts), at::scalar_tensor(m.recon, opts), at::scalar_tensor(m.kl, opts)};
  }
  return {{QStringLiteral("run"), run.path()},
          {QStringLiteral("model"), kind},
          {QStringLiteral("dataset"), s.dataset},
          {QStringLiteral("images"), qint64(eval.size())},
          {QStringLiteral("negative_elbo"), l.total.item<double>()},
          {QStringLiteral("recon"), l.recon.item<double>()},
          {QStringLiteral("kl"), l.kl.item<double>()}};
}

QJsonObject describeDataset(const QString& nameOrFolder, QString* error) {
  if (nameOrFolder.startsWith(QLatin1String("toy:"))) {
    try {
      const auto points = genlab::make_toy2d(nameOrFolder.mid(4).toStdString(), 10000, 1);
      const auto lo = std::get<0>(points.min(0)), hi = std::get<0>(points.max(0));
      return {{QStringLiteral("name"), nameOrFolder},
              {QStringLiteral("source"), QStringLiteral("generated (seed 1)")},
              {QStringLiteral("size"), 10000},
              {QStringLiteral("shape"), QJsonArray{2}},
              {QStringLiteral("range"), QJsonArray{QJsonArray{lo[0].item<double>(), hi[0].item<double>()},
                                                   QJsonArray{lo[1].item<double>(), hi[1].item<double>()}}}};
    } catch (const c10::Error& e) {
      *error = QString::fromUtf8(e.what_without_backtrace());
      return {};
    }
  }
  const bool named = nameOrFolder == QLatin1String("mnist") || nameOrFolder == QLatin1String("fashion-mnist");
  const QString folder = named ? DataLocations::folderFor(nameOrFolder) : nameOrFolder;
  if (folder.isEmpty()) {
    *error = QCoreApplication::translate("RunInspection", "%1 is not on this machine; run scripts/setup.sh").arg(nameOrFolder);
    return {};
  }
  QJsonObject splits;
  qint64 height = 0, width = 0;
  for (const char* split : {"train", "t10k"}) {
    auto data = genlab::load_mnist_split(folder.toStdString(), split);
    if (!data.ok()) {
      *error = QString::fromStdString(data.error);
      return {};
    }
    splits.insert(QLatin1String(split), qint64(data.value.size()));
    height = data.value.height;
    width = data.value.width;
  }
  QJsonArray classes;
  for (const std::string& c : genlab::class_names(named ? nameOrFolder.toStdString() : "mnist"))
    classes.append(QString::fromStdString(c));
  return {{QStringLiteral("name"), named ? nameOrFolder : QDir(folder).dirName()},
          {QStringLiteral("source"), QDir(folder).absolutePath()},
          {QStringLiteral("size"), splits},
          {QStringLiteral("shape"), QJsonArray{1, height, width}},
          {QStringLiteral("classes"), classes}};
}

}  // namespace RunInspection
