// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingtypes.h"

#include "datalocations.h"
#include "datasets.h"

#include "nn/precision.h"

#include "registry.h"
#include "systeminfo.h"


#include <QCoreApplication>
#include <QDir>
#include <QThread>
#include <algorithm>
#include <cmath>

Status TrainingSettings::validate() const {
  const ModelFamily* family = Registry::resolve(model, dataset);
  if (!family)
    return {QCoreApplication::translate("TrainingSettings", "Unknown model '%1' (%2).").arg(model, Registry::options().join(QStringLiteral(", ")))};
  if (const Status usable = SystemInfo::deviceCheck(device); !usable.ok())
    return usable;
  const DataSet* set = DataSets::find(dataset);
  if (!set)
    return {QCoreApplication::translate("TrainingSettings", "Unknown dataset '%1' (%2).").arg(dataset, DataSets::names())};
  if (set->kind == DataKind::Points && family->data != DataKind::Points)
    return {QCoreApplication::translate("TrainingSettings", "The toy 2-D sets are points, not images: the %1 trains on images.").arg(family->displayName())};
  if (set->kind != DataKind::Points && family->data == DataKind::Points)
    return {QCoreApplication::translate("TrainingSettings", "The %1 trains on 2-D points: choose a toy:NAME dataset.").arg(family->displayName())};
  if (set->source == DataSource::ImageFolder && imageSize != 28 && imageSize != 32 && imageSize != 64)
    return {QCoreApplication::translate("TrainingSettings", "Image size must be 28, 32 or 64 (got %1).").arg(imageSize)};
  if (epochs < 1 || epochs > 10000)
    return {QCoreApplication::translate("TrainingSettings", "Epochs must be between 1 and 10000 (got %1).").arg(epochs)};
  if (batchSize < 1 || batchSize > 8192)
    return {QCoreApplication::translate("TrainingSettings", "Batch size must be between 1 and 8192 (got %1).").arg(batchSize)};
  if (!std::isfinite(learningRate) || learningRate <= 0 || learningRate > 1)
    return {QCoreApplication::translate("TrainingSettings", "Learning rate must be above 0 and at most 1 (got %1).").arg(learningRate)};
  if (!lrSchedule.isEmpty() && lrSchedule != QLatin1String("constant") && lrSchedule != QLatin1String("cosine"))
    return {QCoreApplication::translate("TrainingSettings", "The learning-rate schedule is constant or cosine (got '%1').").arg(lrSchedule)};
  if (!precision.isEmpty() && precision != QLatin1String("fp32") && precision != QLatin1String("bf16"))
    return {QCoreApplication::translate("TrainingSettings", "Precision must be fp32 or bf16 (got '%1').").arg(precision)};
  // The family's own options: each declared with its range (FamilyOption), none another family's.
  if (const Status checked = options.check(family->options); !checked.ok())
    return {QCoreApplication::translate("TrainingSettings", "The %1: %2").arg(family->displayName(), checked.error)};
  const int cores = QThread::idealThreadCount();
  if (threads < 1 || threads > 4 * cores)
    return {QCoreApplication::translate("TrainingSettings", "Threads must be between 1 and %1 (got %2).").arg(4 * cores).arg(threads)};
  if (family->validate)
    if (const Status checked = family->validate(*this); !checked.ok())
      return checked;
  if (set->source != DataSource::Generated && dataFolder.isEmpty())
    return {QCoreApplication::translate("TrainingSettings", "The dataset '%1' is not on this machine. %2").arg(dataset, DataLocations::howToGet(dataset))};
  if (set->source != DataSource::Generated && !QDir(dataFolder).exists())
    return {QCoreApplication::translate("TrainingSettings", "The data folder '%1' does not exist.").arg(dataFolder)};
  if (runsFolder.isEmpty() && runFolder.isEmpty())
    return {QCoreApplication::translate("TrainingSettings", "No folder for runs is set.")};
  return {};
}

void TrainingSettings::useDefaultsOf(const QString& option, const QString& data) {
  const ModelFamily* family = Registry::resolve(option, data);
  model = family ? family->id : option;  // an unknown name stays, for validate() to name it
  if (!family)
    return;
  epochs = family->defaults.epochs;
  batchSize = family->defaults.batchSize;
  learningRate = family->defaults.learningRate;
  lrSchedule = QString::fromLatin1(family->defaults.lrSchedule);
  options = OptionValues::defaultsOf(family->options);
  const DataSet* set = DataSets::find(data);
  if (!set || set->classes.isEmpty())  // an image folder, a toy set: a flag on by default that needs classes is off
    for (const FamilyOption& o : family->options)
      if (o.needsClasses)
        options.set(o.key, false);
}

QString TrainingSettings::resolvedPrecision(const ModelFamily& family, const QString& asked, const QString& device) {
  if (!family.mixedPrecision || (asked.isEmpty() && device != QLatin1String("cpu")))
    return QStringLiteral("fp32");
  return QString::fromStdString(genlab::precision_name(genlab::chosen_precision(asked.toStdString())));
}
