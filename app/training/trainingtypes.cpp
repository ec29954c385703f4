// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingtypes.h"

#include "data/toy2d.h"

#include <QCoreApplication>
#include <QDir>
#include <QThread>
#include <algorithm>
#include <cmath>

QString TrainingSettings::validate() const {
  auto tr = [](const char* s) { return QCoreApplication::translate("TrainingSettings", s); };
  if (!modelNames().contains(model))
    return tr("Unknown model '%1' (%2).").arg(model, modelNames().join(QStringLiteral(", ")));
  if (model == QLatin1String("gan") && batchSize < 2)
    return tr("A GAN needs batches of at least 2 images (batch norm), got %1.").arg(batchSize);
  const bool folder = dataset.startsWith(QLatin1String("folder:"));
  const bool toy = dataset.startsWith(QLatin1String("toy:"));
  if (dataset != QLatin1String("mnist") && dataset != QLatin1String("fashion-mnist") && !folder && !toy)
    return tr("Unknown dataset '%1' (mnist, fashion-mnist, toy:NAME or folder:PATH).").arg(dataset);
  if (toy && !toyModelNames().contains(model))
    return tr("The toy 2-D sets are points, not images: train a vae, ae, gan or toy-diffusion on them (not %1).")
        .arg(model);
  if (model == QLatin1String("toy-diffusion") && !toy)
    return tr("toy-diffusion is seed 002's model for 2-D points: choose a toy:NAME dataset.");
  if (folder && imageSize != 28 && imageSize != 32 && imageSize != 64)
    return tr("Image size must be 28, 32 or 64 (got %1).").arg(imageSize);
  if (epochs < 1 || epochs > 10000)
    return tr("Epochs must be between 1 and 10000 (got %1).").arg(epochs);
  if (batchSize < 1 || batchSize > 8192)
    return tr("Batch size must be between 1 and 8192 (got %1).").arg(batchSize);
  if (!std::isfinite(learningRate) || learningRate <= 0 || learningRate > 1)
    return tr("Learning rate must be above 0 and at most 1 (got %1).").arg(learningRate);
  if (!std::isfinite(beta) || beta < 0 || beta > 1000)
    return tr("β must be between 0 and 1000 (got %1).").arg(beta);
  if (latentDim < 1 || latentDim > 128)
    return tr("Latent dimension must be between 1 and 128 (got %1).").arg(latentDim);
  const int cores = QThread::idealThreadCount();
  if (threads < 1 || threads > 4 * cores)
    return tr("Threads must be between 1 and %1 (got %2).").arg(4 * cores).arg(threads);
  if (toy) {
    const auto& names = genlab::toy2d_names();
    if (std::find(names.begin(), names.end(), dataset.mid(4).toStdString()) == names.end())
      return tr("Unknown toy set '%1' (s-curve, swiss-roll, moons, 8-gaussians or rings).").arg(dataset.mid(4));
  } else if (dataFolder.isEmpty() || !QDir(dataFolder).exists())
    return tr("The data folder '%1' does not exist. Run scripts/setup.sh to import the MNIST digits.")
        .arg(dataFolder);
  if (runsFolder.isEmpty() && runFolder.isEmpty())
    return tr("No folder for runs is set.");
  return {};
}

QStringList modelNames() {
  return {QStringLiteral("vae"), QStringLiteral("ae"), QStringLiteral("conv-vae"), QStringLiteral("gan"),
          QStringLiteral("ddpm"), QStringLiteral("toy-diffusion")};
}

QString modelKind(const QString& model, const QString& dataset) {
  if (model == QLatin1String("toy-diffusion"))
    return model;
  if (dataset.startsWith(QLatin1String("toy:")))
    return QStringLiteral("toy-") + model;  // the MLPs of the 2-D playground
  if (model == QLatin1String("gan"))
    return QStringLiteral("dcgan");
  if (model == QLatin1String("conv-vae"))
    return QStringLiteral("vae-conv");
  if (model == QLatin1String("ddpm"))
    return QStringLiteral("ddpm-unet");
  return model == QLatin1String("ae") ? QStringLiteral("ae-mlp") : QStringLiteral("vae-mlp");
}

QString modelFromKind(const QString& kind) {
  if (kind == QLatin1String("toy-diffusion"))
    return kind;
  if (kind.startsWith(QLatin1String("toy-"))) {
    const QString m = kind.mid(4);
    return toyModelNames().contains(m) ? m : QString();
  }
  for (const QString& m : modelNames())
    if (modelKind(m) == kind)
      return m;
  return {};
}

QStringList toyModelNames() {
  return {QStringLiteral("vae"), QStringLiteral("ae"), QStringLiteral("gan"), QStringLiteral("toy-diffusion")};
}

void TrainingSettings::useDefaultsOf(const QString& kind, const QString& data) {
  model = kind;
  if (kind == QLatin1String("toy-diffusion")) {  // seed 002: Adam 1e-3, batch 128; 31,200 steps, < 1 min
    epochs = 400;
    batchSize = 128;
    learningRate = 1e-3;
    latentDim = 2;
  } else if (data.startsWith(QLatin1String("toy:"))) {  // small MLPs on 10,000 points: many quick epochs
    epochs = 150;
    batchSize = 256;
    learningRate = 1e-3;
    latentDim = 2;
  } else if (kind == QLatin1String("gan")) {  // DCGAN paper: Adam 2e-4, batch 64; z = 64
    epochs = 10;
    batchSize = 64;
    learningRate = 2e-4;
    latentDim = 64;
  } else if (kind == QLatin1String("ddpm")) {  // a small U-Net (dim 16): 14 epochs of MNIST ≈ 20 min on 2 cores
    epochs = 14;
    batchSize = 64;
    learningRate = 1e-3;
    latentDim = 2;
  } else if (kind == QLatin1String("conv-vae")) {  // small conv stacks learn in a few epochs
    epochs = 10;
    batchSize = 128;
    learningRate = 1e-3;
    latentDim = 16;
  } else {  // seed 003
    epochs = 50;
    batchSize = 128;
    learningRate = 1e-3;
    latentDim = 2;
  }
}
