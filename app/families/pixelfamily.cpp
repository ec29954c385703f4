// SPDX-License-Identifier: GPL-3.0-or-later
// What the pixel-by-pixel families (pixelcnn.cpp, pixelrnn.cpp) share: the session, the likelihood
// columns, sampling and the held-out evaluation through ModelFamily::loadPixelModel.
#include "pixelsession.h"

#include "data/mnist_dataset.h"
#include "diffusionsampling.h"
#include "pixelmodel.h"
#include "run.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/arange.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/full.h>

#include <algorithm>
#include <cmath>

using namespace FamilyTools;

namespace {

// `count` images written pixel by pixel in batches of `batch`; progress after every row. Empty
// when the progress callback asked to stop. A class-conditional net writes class `label`, or with
// −1 each class in turn (image i: class i mod classes).
at::Tensor draw(const genlab::PixelNet& net, int count, quint64 seed, int batch, int label, const SampleProgress& progress) {
  const int64_t classes = net->shape().classes;
  std::vector<at::Tensor> parts;
  const int batches = (count + batch - 1) / batch;
  for (int b = 0; b < batches; ++b) {
    genlab::PixelSampler::Options o;
    o.count = std::min(batch, count - b * batch);
    o.seed = seed + quint64(b);
    if (classes > 0)
      o.labels = label >= 0 ? at::full({o.count}, int64_t(label), at::kLong)
                            : at::arange(int64_t(b) * batch, int64_t(b) * batch + o.count, at::kLong).remainder(classes);
    genlab::PixelSampler sampler(net, o);
    const int64_t size = net->shape().image_size;
    while (!sampler.done()) {
      sampler.step();
      if (progress && sampler.position() % size == 0 &&
          !progress((double(b) + double(sampler.position()) / double(sampler.pixels())) / batches))
        return {};
    }
    parts.push_back(sampler.images());
  }
  return at::cat(parts);
}

Result<at::Tensor> drawFor(const Run& run, const SampleRequest& r, int fallback) {
  Result<at::Tensor> out;
  const auto model = run.family().loadPixelModel(run);
  if (!model.ok()) {
    out.error = model.error;
    return out;
  }
  const int count = r.count > 0 ? r.count : fallback;
  if (count > 100000) {
    out.error = QCoreApplication::translate("ModelFamily", "At most 100000 samples at once (asked for %1).").arg(count);
    return out;
  }
  if (out.error = checkClassLabel(r.label, int(model.value->classes())).error; !out.ok())
    return out;
  out.value = draw(model.value->net(), count, r.seed, r.batch > 0 ? std::min(r.batch, 1024) : 100, r.label, r.progress);
  if (!out.value.defined())
    out.error = QCoreApplication::translate("ModelFamily", "Sampling was cancelled.");
  return out;
}

}  // namespace

PixelSession::PixelSession(const TrainingSettings& s, const DatasetSplits& data, genlab::PixelNet net,
                           QJsonObject modelJson)
    : m_json(std::move(modelJson)), m_eval(imagesOf(data.eval, 1)) {
  const bool byClass = net->shape().classes > 0;
  if (byClass)
    m_evalLabels = data.eval.labels;
  m_trainer = std::make_unique<genlab::PixelTrainer>(
      std::move(net), genlab::PixelTrainerOptions().lr(s.learningRate).batch_size(s.batchSize).seed(s.seed),
      imagesOf(data.train, 1), byClass ? data.train.labels : at::Tensor());
  if (s.lrSchedule == QLatin1String("cosine"))
    m_trainer->set_lr_decay(m_trainer->steps_per_epoch() * s.epochs);
}

QVector<double> PixelSession::evaluate() {
  return {genlab::evaluate_pixel_model(*m_trainer->net(), m_eval, m_evalLabels)};
}

QImage PixelSession::samplesImage() {
  return DiffusionSampling::imageGrid(draw(m_trainer->net(), 16, 1, 16, -1, {}), 4);
}

namespace FamilyTools {

at::Tensor binarisedHeldOut(const at::Tensor& images) {
  auto gen = at::make_generator<at::CPUGeneratorImpl>(genlab::kHeldOutBinarisationSeed);
  return genlab::pixel_values(images, 2, gen);
}

namespace {

FamilyOption levelsOption() {
  FamilyOption o;
  o.key = kLevels;
  o.type = FamilyOption::Type::Choice;
  o.choices = {{2, QT_TRANSLATE_NOOP("ModelFamily", "black or white (2 levels)")},
               {256, QT_TRANSLATE_NOOP("ModelFamily", "256 grey levels")}};
  o.defaultValue = 2;
  o.label = QT_TRANSLATE_NOOP("ModelFamily", "Pixels:");
  o.help = QT_TRANSLATE_NOOP("ModelFamily", "What the model predicts for each pixel. Black or white: the digits are "
                                            "binarised afresh at every visit, as in the PixelCNN papers' MNIST results. "
                                            "256 grey levels: a softmax over every grey value, slower to learn.");
  o.fromOlderRun = [](const QJsonObject& run) {
    return run.value(QStringLiteral("model")).toObject().value(QStringLiteral("levels"));
  };
  return o;
}

}  // namespace

void makePixelFamily(ModelFamily& f, const char* network) {
  f.options = {levelsOption(), byClassOption()};
  f.pixelShape = [](const QJsonObject& m) {
    return PixelShape{m.value(QStringLiteral("image_size")).toInt(28), m.value(QStringLiteral("levels")).toInt(2),
                      m.value(QStringLiteral("classes")).toInt(0)};
  };
  f.data = DataKind::Images;
  f.pixelByPixel = true;
  f.byClass = true;
  f.qualitySamples = 64;  // one network pass per pixel: 64 images take seconds, 500 a minute
  f.lrSchedule = true;
  const char* nats = QT_TRANSLATE_NOOP("ModelFamily", "nats per image");
  f.losses = {{QStringLiteral("nll"), QT_TRANSLATE_NOOP("ModelFamily", "−log p(x)"), nats}};
  f.heldOut = {{QStringLiteral("nll"), QT_TRANSLATE_NOOP("ModelFamily", "−log p(x)"), nats}};
  f.lossAxis = QT_TRANSLATE_NOOP("ModelFamily", "−log p(x) (nats per image)");
  f.parameterGroups = {{QStringLiteral("model."), QString::fromLatin1(network)}};
  f.validate = [](const TrainingSettings& s) -> Status {
    if (s.rgb)
      return {QCoreApplication::translate("ModelFamily", "Pixel-by-pixel models read grey images: choose grey, not RGB.")};
    if (s.batchSize < 2)
      return {QCoreApplication::translate("ModelFamily", "Batches of at least 2 images, got %1.").arg(s.batchSize)};
    return checkByClass(s);
  };
  f.sample = [](const Run& run, const SampleRequest& r) {
    Result<QImage> out;
    const auto x = drawFor(run, r, 16);
    if (!x.ok()) {
      out.error = x.error;
      return out;
    }
    out.value = DiffusionSampling::imageGrid(x.value, int(std::ceil(std::sqrt(double(x.value.size(0))))));
    return out;
  };
  f.sampleImages = [](const Run& run, const SampleRequest& r) {
    Result<ImageBatch> out;
    const auto x = drawFor(run, r, 1000);
    if (!x.ok()) {
      out.error = x.error;
      return out;
    }
    out.value = imageBatchOf(x.value);
    return out;
  };
  f.evaluate = [](const Run& run, const DatasetSplits& data) {
    Result<QJsonObject> out;
    const auto model = run.family().loadPixelModel(run);
    if (!model.ok()) {
      out.error = model.error;
      return out;
    }
    const double nll = genlab::evaluate_pixel_model(*model.value->net(), imagesOf(data.eval, 1),
                                                    model.value->classes() > 0 ? data.eval.labels : at::Tensor());
    out.value = measures(run, data.eval.size(), {nll});
    const int64_t size = model.value->imageSize();
    out.value.insert(QStringLiteral("bits_per_dim"), genlab::bits_per_dimension(nll, size * size));
    out.value.insert(QStringLiteral("binarised"), model.value->levels() == 2);
    return out;
  };
}

QJsonObject pixelModelJson(const QString& id, const genlab::PixelModelShape& shape) {
  return {{QStringLiteral("kind"), id},
          {QStringLiteral("levels"), qint64(shape.levels)},
          {QStringLiteral("classes"), qint64(shape.classes)},
          {QStringLiteral("channels"), 1},
          {QStringLiteral("image_size"), qint64(shape.image_size)}};
}

Status checkPixelFields(const QJsonObject& m) {
  const auto levels = boundedInt(m, "levels", 2, 256, 2);
  if (!levels.ok())
    return {levels.error};
  if (levels.value != 2 && levels.value != 256)
    return {QCoreApplication::translate("ModelFamily", "model.levels is %1 (2 or 256)").arg(levels.value)};
  if (const Status bounded = boundedInts(m, {{"classes", 0, 100, 0}, {"image_size", 8, 64, 28}}); !bounded.ok())
    return bounded;
  if (m.value(QStringLiteral("channels")).toInt(1) != 1)
    return {QCoreApplication::translate("ModelFamily", "model.channels must be 1: pixel models read grey images")};
  return {};
}

}  // namespace FamilyTools
