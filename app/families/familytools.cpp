// SPDX-License-Identifier: GPL-3.0-or-later
#include "familytools.h"

#include "nn/device.h"

#include "datalocations.h"
#include "decodersnapshot.h"
#include "diffusionmodel.h"
#include "trainingtypes.h"

#include <QCoreApplication>
#include <QDir>
#include <cmath>
#include <sstream>

namespace FamilyTools {

FamilyOption latentOption(int defaultDim) {
  FamilyOption o;
  o.key = kLatent;
  o.type = FamilyOption::Type::Integer;
  o.min = 1;
  o.max = 128;
  o.defaultValue = defaultDim;
  o.label = QT_TRANSLATE_NOOP("ModelFamily", "Latent d&imension:");
  o.help = QT_TRANSLATE_NOOP("ModelFamily", "Dimension d of the latent code. With d = 2 the Explore page shows the whole latent space.");
  o.fromOlderRun = [](const QJsonObject& run) {
    return run.value(QStringLiteral("model")).toObject().value(QStringLiteral("latent_dim"));
  };
  return o;
}

FamilyOption realOption(const QString& key, double min, double max, double defaultValue, const char* label,
                        const char* help) {
  FamilyOption o;
  o.key = key;
  o.type = FamilyOption::Type::Real;
  o.min = min;
  o.max = max;
  o.decimals = 2;
  o.defaultValue = defaultValue;
  o.label = label;
  o.help = help;
  return o;
}

FamilyOption betaOption(double defaultBeta) {
  FamilyOption o = realOption(
      kBeta, 0, 1000, defaultBeta, QT_TRANSLATE_NOOP("ModelFamily", "β (&KL weight):"),
      QT_TRANSLATE_NOOP("ModelFamily", "Weight of the KL term: 1 is the ELBO; larger (β-VAE) pulls the codes towards "
                                       "the prior and blurs the digits, smaller sharpens them and leaves gaps."));
  o.fromOlderRun = [](const QJsonObject& run) {
    return run.value(QStringLiteral("training")).toObject().value(QStringLiteral("beta"));
  };
  return o;
}

genlab::Precision precisionOf(const TrainingSettings& s) {
  return genlab::precision_from_name(s.precision.toStdString()).value_or(genlab::Precision::Float32);
}

Result<int> boundedInt(const QJsonObject& o, const char* key, int lo, int hi, int fallback) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined())
    return {fallback, {}};
  const double d = v.toDouble(std::nan(""));
  if (!v.isDouble() || d != std::floor(d) || d < lo || d > hi)
    return {{}, QCoreApplication::translate("ModelFamily", "model.%1 is %2, not a whole number from %3 to %4")
                    .arg(QLatin1String(key), v.isDouble() ? QString::number(d) : QStringLiteral("not a number"))
                    .arg(lo).arg(hi)};
  return {int(d), {}};
}

Status boundedInts(const QJsonObject& o, std::initializer_list<IntField> fields) {
  for (const IntField& f : fields)
    if (const auto v = boundedInt(o, f.key, f.lo, f.hi, f.fallback); !v.ok())
      return {v.error};
  return {};
}

Result<genlab::TensorSpecs> weightsLayout(
    std::initializer_list<std::pair<const char*, genlab::Result<genlab::TensorSpecs>>> modules) {
  Result<genlab::TensorSpecs> out;
  for (const auto& [prefix, tensors] : modules) {
    if (!tensors.ok()) {
      out.error = QStringLiteral("model: ") + QString::fromStdString(tensors.error);
      return out;
    }
    for (const genlab::TensorSpec& t : genlab::with_prefix(tensors.value, prefix))
      out.value.push_back(t);
  }
  return out;
}

QJsonObject measures(const Run& run, qint64 count, const std::vector<double>& values) {
  QJsonObject out{{QStringLiteral("run"), run.path()},
                  {QStringLiteral("model"), run.family().id},
                  {QStringLiteral("dataset"), run.datasetName()},
                  {QStringLiteral("held_out"), count}};
  const auto& columns = run.family().heldOut;
  for (int i = 0; i < columns.size() && size_t(i) < values.size(); ++i)
    out.insert(columns[i].key, values[size_t(i)]);
  return out;
}



FamilyOption byClassOption(bool onByDefault) {
  FamilyOption o;
  o.key = kByClass;
  o.type = FamilyOption::Type::Flag;
  o.defaultValue = onByDefault;
  o.needsClasses = true;
  o.label = QT_TRANSLATE_NOOP("ModelFamily", "Tell the model each image's &class");
  o.help = QT_TRANSLATE_NOOP("ModelFamily", "The class (which digit, which garment, which part of a toy set) is given "
                                            "to the network with every example; the trained model then draws the class "
                                            "it is asked for. Data sets with classes only: MNIST, Fashion-MNIST, and the "
                                            "toy sets made of parts (two moons, 8 Gaussians, rings).");
  o.fromOlderRun = [](const QJsonObject& run) {
    return QJsonValue(run.value(QStringLiteral("model")).toObject().value(QStringLiteral("classes")).toInt(0) > 0);
  };
  return o;
}

int64_t classesOf(const TrainingSettings& s) {
  const DataSet* set = DataSets::find(s.dataset);
  return s.options.flag(kByClass) && set ? int64_t(set->classes.size()) : 0;
}

FamilyOption classDropoutOption() {
  FamilyOption o = realOption(
      kClassDropout, 0, 0.9, 0.1, QT_TRANSLATE_NOOP("ModelFamily", "Without the class:"),
      QT_TRANSLATE_NOOP("ModelFamily", "With the class told: the share of training images shown without it, so "
                                       "that the same network also learns to draw without a class. Sampling "
                                       "then mixes the two (classifier-free guidance)."));
  o.fromOlderRun = [](const QJsonObject&) { return QJsonValue(0.0); };
  return o;
}

FamilyOption guidanceOption() {
  FamilyOption o = realOption(
      kGuidance, 0, 20, Sampler::defaultGuidance, QT_TRANSLATE_NOOP("ModelFamily", "Guidance w:"),
      QT_TRANSLATE_NOOP("ModelFamily", "With the class told: the classifier-free guidance scale this run samples "
                                       "and is scored with unless asked for another (0: without the class, 1: "
                                       "with it, more: more typical, less varied digits)."));
  o.fromOlderRun = [](const QJsonObject&) { return QJsonValue(Sampler::olderRunsGuidance); };
  return o;
}

double guidanceOf(const OptionValues& options) {
  return options.contains(kGuidance) ? options.real(kGuidance) : Sampler::olderRunsGuidance;
}

Status checkByClass(const TrainingSettings& s) {
  if (s.options.flag(kByClass) && classesOf(s) == 0)
  {
    QStringList named;
    for (const DataSet* set : DataSets::all())
      if (set->hasClasses())
        named << set->id;
    return {QCoreApplication::translate("ModelFamily", "%1 has no classes to tell the model; these data sets have: %2.")
                .arg(s.dataset, named.join(QStringLiteral(", ")))};
  }
  return {};
}

}  // namespace FamilyTools

namespace FamilyTools {

void latentRangeFromRun(DecoderSnapshot& snapshot, const Run& run) {
  const QJsonObject latent = run.json().value(QStringLiteral("latent")).toObject();
  std::vector<float> mean, sd;
  for (const auto& v : latent.value(QStringLiteral("mean")).toArray())
    mean.push_back(float(v.toDouble()));
  for (const auto& v : latent.value(QStringLiteral("std")).toArray())
    sd.push_back(float(v.toDouble()));
  snapshot.setLatentRange(std::move(mean), std::move(sd));  // ignored unless both fit the model
}

namespace {
// The run's decoder for `count` samples (r.count, or 64), at most `most`; the error says why not.
Result<std::pair<DecoderSnapshot, int>> decoderFor(const Run& run, const SampleRequest& r, int most) {
  auto decoder = run.family().loadDecoder(run);
  if (!decoder.ok())
    return {{}, decoder.error};
  const int classes = decoder.value.classes();
  if (const Status label = checkClassLabel(r.label, classes); !label.ok())
    return {{}, label.error};
  // 64 by default; every class in turn, whole rows of them (70 for ten classes).
  const int count = r.count > 0 ? r.count : classes > 0 && r.label < 0 ? (64 + classes - 1) / classes * classes : 64;
  if (count > most)
    return {{}, QCoreApplication::translate("ModelFamily", "At most %1 samples at a time (asked for %2).").arg(most).arg(count)};
  return {{std::move(decoder.value), count}, {}};
}
}  // namespace

Result<QImage> sampleDecoded(const Run& run, const SampleRequest& r) {
  const auto d = decoderFor(run, r, 1024);
  if (!d.ok())
    return {{}, d.error};
  return {d.value.first.sampleGrid(d.value.second, r.seed, r.label), {}};
}

Result<ImageBatch> sampleDecodedImages(const Run& run, const SampleRequest& r) {
  Result<ImageBatch> out;
  const auto decoder = decoderFor(run, r, 100000);
  if (!decoder.ok()) {
    out.error = decoder.error;
    return out;
  }
  const auto& [d, count] = decoder.value;
  out.value.pixels = d.samplePixels(count, r.seed, r.label);  // fast (one small decode each): one go
  if (out.value.pixels.size() != size_t(count) * size_t(d.side() * d.side() * d.channels())) {
    out.error = QCoreApplication::translate("ModelFamily", "The model could not decode its samples.");
    return out;
  }
  out.value.count = count;
  out.value.channels = d.channels();
  out.value.size = d.side();
  if (r.progress)
    r.progress(1.0);
  return out;
}

ImageBatch imageBatchOf(const at::Tensor& images) {
  const auto x = images.to(at::kFloat).contiguous();
  ImageBatch b;
  b.count = int(x.size(0));
  b.channels = int(x.size(1));
  b.size = int(x.size(2));
  b.pixels.assign(x.data_ptr<float>(), x.data_ptr<float>() + x.numel());
  return b;
}

std::vector<float> pointsOf(const at::Tensor& points) { return genlab::floats_of(points); }

QList<LossColumn> vaeLosses(bool heldOut, bool perPoint) {
  const char* unit = perPoint ? QT_TRANSLATE_NOOP("ModelFamily", "nats per point") : QT_TRANSLATE_NOOP("ModelFamily", "nats per image");
  return {heldOut ? LossColumn{QStringLiteral("negative_elbo"), QT_TRANSLATE_NOOP("ModelFamily", "−ELBO"), unit}
                  : LossColumn{QStringLiteral("total"), QT_TRANSLATE_NOOP("ModelFamily", "total (−ELBO)"), unit},
          {QStringLiteral("recon"), QT_TRANSLATE_NOOP("ModelFamily", "reconstruction"), unit},
          {QStringLiteral("kl"), QT_TRANSLATE_NOOP("ModelFamily", "KL"), unit}};
}

Status checkImageFields(const QJsonObject& m) {
  const auto channels = boundedInt(m, "channels", 1, 3, 1);
  if (!channels.ok())
    return {channels.error};
  if (channels.value == 2)
    return {QCoreApplication::translate("ModelFamily", "model.channels is 2 (1 or 3)")};
  const auto size = boundedInt(m, "image_size", 28, 64, 28);
  if (!size.ok())
    return {size.error};
  if (size.value != 28 && size.value != 32 && size.value != 64)
    return {QCoreApplication::translate("ModelFamily", "model.image_size is %1 (28, 32 or 64)").arg(size.value)};
  return {};
}

void makeDiffusionFamily(ModelFamily& f, const char* network) {
  f.diffusionTimeline = true;
  f.losses = diffusionLosses();
  f.heldOut = diffusionLosses();
  f.lossAxis = QT_TRANSLATE_NOOP("ModelFamily", "noise-prediction error (MSE per value)");
  f.logAxis = true;
  f.parameterGroups = {{QStringLiteral("model."), QString::fromLatin1(network)}};
  f.sample = sampleDiffusion;
  f.evaluate = [](const Run& run, const DatasetSplits& data) {
    Result<QJsonObject> out;
    const auto model = run.family().loadDiffusion(run, true);
    if (!model.ok()) {
      out.error = model.error;
      return out;
    }
    const DiffusionModel& m = *model.value;
    // The held-out data as the trainer sees it: points as they are, images scaled to [−1, 1].
    const at::Tensor x0 = m.makesPoints() ? data.eval.images : imagesOf(data.eval, m.channels()).mul(2).sub(1);
    out.value = measures(run, data.eval.size(), {m.process().held_out_loss(m.denoiser(), x0, 12345)});
    return out;
  };
}

}  // namespace FamilyTools
