// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplequality.h"

#include "diffusion/guidance.h"

#include "datalocations.h"
#include "guarded.h"
#include "datasetsplits.h"
#include "modelsession.h"
#include "run.h"

#include "nn/batch_slices.h"
#include "quality/classifier.h"
#include "quality/sample_quality.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/avg_pool2d.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/randperm.h>
#include <c10/util/Exception.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>
#include <optional>
#include <thread>

namespace {

// The classifier of one data set with the statistics of its held-out features.
struct Judge {
  genlab::ImageClassifier model{nullptr};
  genlab::FeatureStatistics reference;
  double accuracy = 0;
  QString file;
  QStringList classes;
};

// What the cached classifier was trained on; another value means the data changed: train again.
std::string fingerprintOf(const QString& dataset, const DatasetSplits& data) {
  const auto x = data.train.images;
  const double sum = x.sum().item<double>();
  char text[64];
  std::snprintf(text, sizeof text, "%lld|%lld|%.0f", static_cast<long long>(data.train.size()),
                static_cast<long long>(data.eval.size()), sum);  // integers: no locale in them
  return dataset.toStdString() + "|" + text;
}

// ok when the data has what the measure needs (classes, held-out images), else what it lacks.
Status judgeable(const QString& dataset, const DatasetSplits& data) {
  const int64_t classes = data.train.size() > 0 && data.train.labels.defined() ? data.train.labels.max().item<int64_t>() + 1 : 0;
  if (classes >= 2 && data.eval.size() >= 10)
    return {};
  return {QCoreApplication::translate("SampleQuality", "The quality measure needs a data set with classes and held-out images (MNIST, Fashion-MNIST, or a "
                                                       "folder with one subfolder per class); %1 has %2 class(es) and %3 held-out images.")
              .arg(dataset)
              .arg(classes)
              .arg(data.eval.size())};
}

// Each epoch of the classifier's training, or nothing: `say` tells it then.
using EpochProgress = std::function<void(int epoch, int epochs)>;

Result<Judge> judgeFor(const QString& dataset, const QString& dataFolder, const DatasetSplits& data, const SampleQuality::Say& say,
                       const std::function<bool()>& stopping = {}, const EpochProgress& epochProgress = {}) {
  Result<Judge> out;
  if (out.error = judgeable(dataset, data).error; !out.ok())
    return out;
  const int64_t classes = data.train.labels.max().item<int64_t>() + 1;
  const auto images = [&](const genlab::LabelledImages& split) {
    return split.images.view({-1, data.channels, split.height, split.width});
  };
  Judge& j = out.value;
  j.file = SampleQuality::classifierFile(dataset, dataFolder);
  const std::string fingerprint = fingerprintOf(dataset, data);
  if (QFileInfo::exists(j.file)) {
    auto cached = genlab::load_classifier(j.file.toStdString());
    if (cached.ok() && cached.value.data == fingerprint && cached.value.model->classes() == classes) {
      j.model = cached.value.model;
      j.accuracy = cached.value.accuracy;
    } else if (say) {
      say(QCoreApplication::translate("SampleQuality", "The cached classifier %1 does not fit this data (%2): training it again.")
              .arg(j.file, cached.ok() ? QCoreApplication::translate("SampleQuality", "other data") : QString::fromStdString(cached.error)));
    }
  }
  if (!j.model) {
    genlab::ClassifierTraining o;
    o.epochs = int(std::clamp<int64_t>((120000 + data.train.size() - 1) / data.train.size(), 2, 15));
    if (say)
      say(QCoreApplication::translate("SampleQuality", "Training the quality classifier on %1 images of %2 (%3 epochs, once; kept in %4)…")
              .arg(data.train.size())
              .arg(dataset)
              .arg(o.epochs)
              .arg(j.file));
    j.model = genlab::ImageClassifier(classes);
    genlab::train_classifier(j.model, images(data.train), data.train.labels, o, [&](int epoch, int epochs) {
      if (epochProgress)
        epochProgress(epoch, epochs);
      else if (say)
        say(QCoreApplication::translate("SampleQuality", "Quality classifier: epoch %1 of %2").arg(epoch).arg(epochs));
      return !(stopping && stopping());
    }, stopping);
    if (stopping && stopping()) {  // half trained: neither used nor kept
      out.error = QCoreApplication::translate("SampleQuality", "stopped");
      return out;
    }
    j.accuracy = genlab::classifier_accuracy(j.model, images(data.eval), data.eval.labels);
    if (say)
      say(QCoreApplication::translate("SampleQuality", "Quality classifier: %1% right on the %2 held-out images.").arg(100 * j.accuracy, 0, 'f', 2).arg(data.eval.size()));
    QDir().mkpath(QFileInfo(j.file).absolutePath());
    if (const genlab::Status saved = genlab::save_classifier(j.file.toStdString(), j.model, j.accuracy, fingerprint); !saved.ok() && say)
      say(QCoreApplication::translate("SampleQuality", "Could not keep the classifier (%1): it will be trained again next time.").arg(QString::fromStdString(saved.error)));
  }
  j.reference = genlab::feature_statistics(genlab::classifier_features(j.model, images(data.eval)));
  const DataSet* set = DataSets::find(dataset);
  for (int64_t c = 0; c < classes; ++c)
    j.classes << (set && c < set->classes.size() ? set->classes[c] : QString::number(c));
  return out;
}

QualityReport reportOf(Judge& j, const at::Tensor& samples, const QString& what, const at::Tensor& asked = {}) {
  const auto q = genlab::score_samples(j.model, samples, j.reference, asked);
  QualityReport r;
  r.what = what;
  r.count = int(q.count);
  r.classes = j.classes;
  for (int64_t c : q.histogram)
    r.histogram << c;
  r.confident = q.confident;
  r.classEntropyBits = q.class_entropy_bits;
  r.frechet = q.frechet;
  r.classifierAccuracy = j.accuracy;
  r.classifierFile = j.file;
  if (asked.defined()) {
    r.askedAccuracy = q.asked_accuracy;
    for (double a : q.accuracy_by_class)
      r.accuracyByClass << a;
  }
  return r;
}


}  // namespace

QJsonObject QualityReport::toJson() const {
  QJsonObject histogramJson;
  for (int i = 0; i < histogram.size(); ++i)
    histogramJson.insert(i < classes.size() ? classes[i] : QString::number(i), histogram[i]);
  QJsonObject out{{QStringLiteral("scored"), what},
                  {QStringLiteral("count"), count},
                  {QStringLiteral("confident_fraction"), confident},
                  {QStringLiteral("class_entropy_bits"), classEntropyBits},
                  {QStringLiteral("frechet_distance"), frechet},
                  {QStringLiteral("class_histogram"), histogramJson},
                  {QStringLiteral("classifier"),
                   QJsonObject{{QStringLiteral("heldout_accuracy"), classifierAccuracy}, {QStringLiteral("file"), classifierFile}}}};
  if (askedAccuracy >= 0) {
    out.insert(QStringLiteral("class_accuracy"), askedAccuracy);  // the judge's label is the class asked for
    QJsonObject byClass;
    for (int i = 0; i < accuracyByClass.size(); ++i)
      if (std::isfinite(accuracyByClass[i]))
        byClass.insert(i < classes.size() ? classes[i] : QString::number(i), accuracyByClass[i]);
    out.insert(QStringLiteral("accuracy_by_class"), byClass);
  }
  if (guidance >= 0)
    out.insert(QStringLiteral("guidance"), guidance);
  return out;
}

namespace SampleQuality {

QString classifierFile(const QString& dataset, const QString& dataFolder) {
  const QString name = QStringLiteral("genlab-quality-classifier.safetensors");
  const QFileInfo folder(dataFolder);
  if (!dataFolder.isEmpty() && folder.isDir() && folder.isWritable())
    return QDir(dataFolder).filePath(name);
  const QByteArray key = QCryptographicHash::hash((dataset + QLatin1Char('|') + dataFolder).toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
  return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/GenLab/quality/") +
         QString::fromLatin1(key) + QLatin1Char('-') + name;
}

Result<QualityReport> scoreRun(const QString& folder, SampleRequest r, const QString& dataFolder, const Say& say,
                               const std::function<bool()>& stopping) {
  return guarded<QualityReport>([&]() -> Result<QualityReport> {
    const auto run = Run::open(folder);
    if (!run.ok())
      return {{}, run.error};
    const ModelFamily& family = run.value.family();
    if (!family.sampleImages)
      return {{}, QCoreApplication::translate("SampleQuality", "%1 is a %2: it makes no images to judge.").arg(folder, family.displayName())};
    if (r.count == 0)
      r.count = 1000;
    if (r.count < 2 || r.count > 50000)
      return {{}, QCoreApplication::translate("SampleQuality", "The quality measure scores 2 to 50000 samples (asked for %1).").arg(r.count)};
    const auto data = DatasetSplits::heldOutOf(run.value, dataFolder);
    if (!data.ok())
      return {{}, data.error};
    const QString recorded = run.value.dataset().value(QStringLiteral("folder")).toString();
    auto judge = judgeFor(run.value.datasetName(), !dataFolder.isEmpty() ? dataFolder : recorded, data.value, say, stopping);
    if (!judge.ok())
      return {{}, judge.error};
    const bool diffusion = family.diffusionTimeline;
    if (diffusion)
      r.sampler = Sampler::implicit();
    // Told the class: drawn in turn (or the one asked for), the judge checks each against it.
    const int classes = run.value.model().value(QStringLiteral("classes")).toInt(0);
    if (const Status label = checkClassLabel(r.label, classes); !label.ok())
      return {{}, label.error};
    const at::Tensor asked = classes > 0 ? genlab::sample_labels(r.count, classes, r.label) : at::Tensor();
    QString what = diffusion ? QCoreApplication::translate("SampleQuality", "%1 DDIM-%2 samples (η = %3)")
                                   .arg(r.count)
                                   .arg(Sampler::stepsFor(r.steps, family.noiseSchedule(run.value.model()).timesteps))
                                   .arg(r.eta)
                             : QCoreApplication::translate("SampleQuality", "%1 samples").arg(r.count);
    if (say)
      say(QCoreApplication::translate("SampleQuality", "Drawing %1…").arg(what));
    const auto batch = family.sampleImages(run.value, r);
    if (!batch.ok())
      return {{}, batch.error};
    const ImageBatch& b = batch.value;
    if (b.guidance >= 0)  // the scale asked for, or the run's own
      what += QCoreApplication::translate("SampleQuality", ", guidance w = %1").arg(b.guidance);
    if (!r.guideWith.isEmpty())
      what += QCoreApplication::translate("SampleQuality", ", autoguided by %1 (w = %2)").arg(r.guideWith).arg(r.autoguidance);
    const auto samples = at::from_blob(const_cast<float*>(b.pixels.data()), {b.count, b.channels, b.size, b.size}, at::kFloat);
    QualityReport report = reportOf(judge.value, samples, what, asked);
    report.guidance = b.guidance;
    return {report, {}};
  });
}

Result<QList<QualityReport>> calibrate(const QString& dataset, const QString& dataFolder, int count, const Say& say) {
  return guarded<QList<QualityReport>>([&]() -> Result<QList<QualityReport>> {
    TrainingSettings s;
    s.dataset = dataset;
    s.dataFolder = dataFolder.isEmpty() ? DataLocations::folderFor(dataset) : dataFolder;
    const auto data = DatasetSplits::load(s);
    if (!data.ok())
      return {{}, data.error};
    auto judge = judgeFor(dataset, s.dataFolder, data.value, say);
    if (!judge.ok())
      return {{}, judge.error};
    const auto& train = data.value.train;
    const int64_t n = std::min<int64_t>(count, train.size());
    auto gen = at::make_generator<at::CPUGeneratorImpl>(7);
    const auto pick = at::randperm(train.size(), gen, at::TensorOptions(at::kLong)).narrow(0, 0, n);
    const auto real = train.images.index_select(0, pick).view({n, data.value.channels, train.height, train.width});
    const auto blurred = at::avg_pool2d(at::avg_pool2d(real, 3, 1, 1, false, false), 3, 1, 1, false, false);
    const auto noise = at::rand(real.sizes(), gen, at::TensorOptions(at::kFloat));
    const auto repeated = real.narrow(0, 0, 1).expand(real.sizes()).contiguous();
    QList<QualityReport> out;
    out << reportOf(judge.value, real, QCoreApplication::translate("SampleQuality", "%1 training images (not held out)").arg(n))
        << reportOf(judge.value, blurred, QCoreApplication::translate("SampleQuality", "the same, blurred (3×3 box filter twice)"))
        << reportOf(judge.value, noise, QCoreApplication::translate("SampleQuality", "uniform noise"))
        << reportOf(judge.value, repeated, QCoreApplication::translate("SampleQuality", "one training image, %1 times").arg(n));
    return {out, {}};
  });
}

struct LiveQuality::Private {
  const ModelFamily* family = nullptr;
  // Image runs: the judge is made at the first score (loading or training the classifier), so
  // training starts at once.
  bool images = false;
  QString dataset, dataFolder;
  DatasetSplits data;
  Say say;
  QStringList classes;
  // The judge is loaded or trained on its own thread from make() on, beside the run (the first
  // launch shows digits in seconds, not after the classifier's minute); epochs that end before it
  // is ready are not scored, the last one waits for it.
  std::thread judging;
  std::atomic<bool> judgeReady{false}, cancelJudge{false};
  std::atomic<int> judgeEpoch{0}, judgeEpochs{0};
  std::optional<Judge> judge;  // written by the judging thread before judgeReady
  QString judgeError;          // the same
  // Toy runs: the points the samples are compared with.
  at::Tensor heldOut;
  double sigma = 1;
};

LiveQuality::LiveQuality() : d(std::make_unique<Private>()) {}
LiveQuality::~LiveQuality() {
  d->cancelJudge = true;  // a half-trained classifier is neither used nor kept
  if (d->judging.joinable())
    d->judging.join();
}

void LiveQuality::startJudging() {
  Private* p = d.get();
  p->judging = std::thread([p] {
    // One thread: the run keeps the others (two cores would otherwise run four busy threads).
    genlab::use_one_core_on_this_thread();
    auto judge = guarded<Judge>([p] {
      return judgeFor(p->dataset, p->dataFolder, p->data, p->say, [p] { return p->cancelJudge.load(); },
                      [p](int epoch, int epochs) {
                        p->judgeEpochs = epochs;
                        p->judgeEpoch = epoch;
                      });
    });
    if (judge.ok())
      p->judge = std::move(judge.value);
    else
      p->judgeError = judge.error;
    p->judgeReady = true;
  });
}

QString LiveQuality::waitingFor() const {
  if (!d->images || d->judgeReady)
    return {};
  if (d->judgeEpochs > 0)
    return QCoreApplication::translate("SampleQuality", "The quality judge trains beside the model (epoch %1 of %2); the samples are scored once it is ready.")
        .arg(d->judgeEpoch.load()).arg(d->judgeEpochs.load());
  return QCoreApplication::translate("SampleQuality", "The quality judge is being prepared; the samples are scored once it is ready.");
}

Result<std::unique_ptr<LiveQuality>> LiveQuality::make(const ModelFamily& family, const TrainingSettings& s,
                                                       const DatasetSplits& data, const Say& say) {
  try {  // a run whose samples cannot be scored still trains: a note, not a failure
    return makeUnguarded(family, s, data, say);
  } catch (const c10::Error& e) {
    return {nullptr, QString::fromStdString(e.what_without_backtrace())};
  } catch (const std::exception& e) {
    return {nullptr, QString::fromUtf8(e.what())};
  }
}

Result<std::unique_ptr<LiveQuality>> LiveQuality::makeUnguarded(const ModelFamily& family, const TrainingSettings& s,
                                                                const DatasetSplits& data, const Say& say) {
  std::unique_ptr<LiveQuality> q(new LiveQuality);
  q->d->family = &family;
  if (family.data == DataKind::Points) {
    if (data.eval.size() < 2)
      return {};
    q->d->heldOut = data.eval.images.narrow(0, 0, std::min<int64_t>(1000, data.eval.size())).to(at::kFloat);
    q->d->sigma = genlab::median_distance(q->d->heldOut);
    return {std::move(q), {}};
  }
  if (!family.sampleImages)
    return {};
  if (const Status judged = judgeable(s.dataset, data); !judged.ok())
    return {nullptr, judged.error};
  q->d->images = true;
  q->d->dataset = s.dataset;
  q->d->dataFolder = s.dataFolder;
  q->d->data = data;
  q->d->say = say;
  const int64_t classes = data.train.labels.max().item<int64_t>() + 1;
  for (int64_t c = 0; c < classes; ++c)
    q->d->classes << QString::number(c);
  q->startJudging();
  return {std::move(q), {}};
}

QStringList LiveQuality::columns() const {
  if (!d->images)
    return {QStringLiteral("quality_mmd")};
  QStringList out{QStringLiteral("quality_frechet"), QStringLiteral("quality_confident"), QStringLiteral("quality_entropy")};
  for (const QString& c : d->classes)
    out << QStringLiteral("quality_class_") + c;
  return out;
}

QString LiveQuality::describe(const ModelFamily& family, int timesteps) {
  if (family.data == DataKind::Points)
    return QCoreApplication::translate("SampleQuality", "1,000 fresh points are compared with up to 1,000 held-out points "
                                                        "after each epoch that saves samples (0: the same distribution).");
  const QString how = family.diffusionTimeline ? QCoreApplication::translate("SampleQuality", "%1 samples, DDIM-%2 (genlab-cli quality RUN --count %1 --steps %2)")
                                                     .arg(family.qualitySamples).arg(std::min(25, timesteps))
                                               : QCoreApplication::translate("SampleQuality", "%1 samples (genlab-cli quality RUN --count %1)")
                                                     .arg(family.qualitySamples);
  if (family.qualityEvery > 1)
    return QCoreApplication::translate("SampleQuality", "%1, seed 1, scored every %2 epochs and after the last by a "
                                                        "classifier GenLab trains once on the data set.")
        .arg(how).arg(family.qualityEvery);
  return QCoreApplication::translate("SampleQuality", "%1, seed 1, scored after each epoch that saves samples by a classifier GenLab "
                                                      "trains once on the data set.").arg(how);
}

Result<QVector<double>> LiveQuality::score(const QString& runFolder, ModelSession& session, const std::function<bool()>& stopping,
                                           bool last) {
  return guarded<QVector<double>>([&]() -> Result<QVector<double>> {
    if (!d->images) {
      std::vector<float> points = session.samplePoints(1000, 1);
      if (points.size() < 2)
        return {{}, QCoreApplication::translate("SampleQuality", "The model drew no points to score.")};
      const auto samples = at::from_blob(points.data(), {int64_t(points.size() / 2), 2}, at::kFloat);
      return {{genlab::mmd(samples, d->heldOut, d->sigma)}, {}};
    }
    if (!d->judgeReady) {
      if (!last)
        return {};  // not yet: this epoch is not scored
      if (d->say)
        d->say(waitingFor());
      while (!d->judgeReady && !(stopping && stopping()))
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (!d->judgeReady)
        return {{}, QCoreApplication::translate("SampleQuality", "stopped")};
    }
    if (!d->judge)
      return {{}, d->judgeError};
    const auto run = Run::open(runFolder);
    if (!run.ok())
      return {{}, run.error};
    SampleRequest r;
    r.count = d->family->qualitySamples;
    r.seed = 1;
    r.steps = std::min(25, run.value.model().value(QStringLiteral("timesteps")).toInt(1000));
    if (d->family->diffusionTimeline)
      r.sampler = Sampler::implicit();
    if (stopping)
      r.progress = [&stopping](double) { return !stopping(); };
    const auto batch = d->family->sampleImages(run.value, r);
    if (stopping && stopping())
      return {{}, QCoreApplication::translate("SampleQuality", "stopped")};
    if (!batch.ok())
      return {{}, batch.error};
    const ImageBatch& b = batch.value;
    const auto samples = at::from_blob(const_cast<float*>(b.pixels.data()), {b.count, b.channels, b.size, b.size}, at::kFloat);
    const QualityReport q = reportOf(*d->judge, samples, {});
    QVector<double> out{q.frechet, q.confident, q.classEntropyBits};
    for (qint64 c : q.histogram)
      out << double(c);
    return {out, {}};
  });
}

}  // namespace SampleQuality
