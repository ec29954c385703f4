// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// No torch in here: the GUI includes it. Everything a family does with tensors sits behind the
// functions below, implemented in the family's own file under app/families/.

#include "datasets.h"
#include "familyoptions.h"
#include "nn/tensor_spec.h"
#include "samplernames.h"
#include "status.h"

#include <QCoreApplication>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

class DecoderSnapshot;
class DiffusionModel;
class PixelModel;
class ModelSession;
class Run;
struct DatasetSplits;
struct TrainingSettings;

/// One number a family reports per step or per evaluation.
struct LossColumn {
  QString key;        ///< metrics.csv column (held-out ones get "eval_" in front) and run.json key
  const char* label;  ///< the legend, in the user's words (translated in context "ModelFamily")
  const char* unit;   ///< "nats per image", "probability", "per value" …
  QString displayLabel() const { return QCoreApplication::translate("ModelFamily", label); }
  QString displayUnit() const { return QCoreApplication::translate("ModelFamily", unit); }
};

/// The hyperparameters a family starts from.
struct FamilyDefaults {
  int epochs = 50;
  int batchSize = 128;
  double learningRate = 1e-3;
  const char* lrSchedule = "constant";  ///< or "cosine" (TrainingSettings::lrSchedule)
};

/// Images as plain numbers (no torch here): count × channels × size × size pixels in [0, 1].
struct ImageBatch {
  int count = 0, channels = 1, size = 0;
  std::vector<float> pixels;
  double guidance = -1;  ///< diffusion told the class: the guidance w they were drawn with (−1: none)
};

/// A diffusion model's noise schedule, as its run trained with it.
struct NoiseSchedule {
  QString kind;       ///< "linear", "cosine", "sigmoid", or "toy"
  int timesteps = 0;  ///< T
};

/// What a pixel-by-pixel model writes, as its run trained it.
struct PixelShape {
  int imageSize = 28;
  int levels = 2;   ///< 2 (black or white) or 256 grey levels
  int classes = 0;  ///< told the class: how many (0: not told)
};

/// How far a long sampling is, from 0 to 1; returning false stops it.
using SampleProgress = std::function<bool(double done)>;

/// What `genlab-cli sample` and the sample buttons ask of a run.
struct SampleRequest {
  int count = 0;                             ///< 0: the family's own default
  quint64 seed = 1;
  QString sampler = Sampler::implicit();   ///< diffusion: DDIM, or Sampler::ancestral() (every step)
  int steps = 0;                             ///< DDIM steps (0: Sampler::stepsFor's default)
  double eta = Sampler::defaultEta;          ///< DDIM η
  int frames = 0;                            ///< diffusion: a strip of the trajectory instead of a grid
  int label = -1;                            ///< models told the class: this one; −1 each class in turn
  double guidance = Sampler::runsGuidance;  ///< diffusion told the class: classifier-free guidance w ≥ 0, or the run's own
  QString guideWith;                         ///< diffusion: a weaker run of the same data guiding this one (autoguidance)
  double autoguidance = Sampler::defaultAutoguidance;  ///< its scale w ≥ 0 (1: this run alone)
  int batch = 0;                             ///< images per batch (0: 100): bounds the memory
  QString precision;                         ///< diffusion images: "bf16", "fp32", "" = bf16 where the CPU has it
  SampleProgress progress;                   ///< told after every batch (diffusion: every step)
};

/// Class `label` (−1: each in turn) asked of a model that knows `classes` (0: none): ok, or why not.
Status checkClassLabel(int label, int classes);

/// One model family: everything the CLI, the run loader, the worker and the pages need to know about
/// it. Registered once in registry.cpp; nothing outside app/families/ compares family ids.
struct ModelFamily {
  /// Diffusion told the class: the guidance scale a run samples with unless asked for another.
  std::function<double(const Run&)> guidance;
  QString id;      ///< run.json's model.kind, the registry key ("vae-mlp")
  QString option;  ///< what `--model` takes ("vae"); with the data kind it picks the family
  const char* name = "";         ///< in the user's words: "MLP VAE 784→256→2d"
  const char* description = "";  ///< one sentence: what it is and what to watch
  DataKind data = DataKind::Images;
  FamilyDefaults defaults;
  /// Its own training options (β, the latent size …), declared once: they make the CLI's options and
  /// --help, the Train page's rows, the checks, run.json's "options", `info` and resume.
  QList<FamilyOption> options;

  // What it can do.
  bool latentExplorer = false;     ///< the Explore page: sliders over a latent code
  bool diffusionTimeline = false;  ///< the Diffusion page: the reverse process step by step
  bool likelihood = false;         ///< held-out −ELBO per epoch (a likelihood bound)
  bool codesSpreadLikeData = false;  ///< codes not pulled towards N(0, 1): the sliders span the codes
  bool mixedPrecision = false;     ///< trains and samples in bfloat16 on request (TrainingSettings::precision)
  bool lrSchedule = false;         ///< its learning rate can decay along a cosine (TrainingSettings::lrSchedule)
  bool pixelByPixel = false;       ///< the Pixel by pixel page: an autoregressive model writes, completes, shows what it sees
  bool byClass = false;            ///< can be told which class to draw (`sample --class`, the Pixel page): its "by-class" option
  /// Its first held-out measure is a loss (lower is better): the weights of the epoch with the
  /// lowest are kept as best.safetensors beside the last (not for GANs, whose D loss is no score).
  bool keepsBest = true;

  /// How many samples the live quality measure draws after each sampled epoch (fewer where sampling is slow).
  int qualitySamples = 500;
  /// The live quality measure scores every n-th sampled epoch and the last (more where sampling is slow).
  int qualityEvery = 1;

  QList<LossColumn> losses;   ///< per step, in step() order
  QList<LossColumn> heldOut;  ///< per epoch and from `eval`, in evaluate() order
  const char* lossAxis = "";  ///< the chart's axis title
  bool logAxis = false;       ///< the curves start on a log axis

  // Behaviour, implemented with torch in the family's file.
  /// Family-specific checks of training settings (ok when fine).
  std::function<Status(const TrainingSettings&)> validate;
  /// The trainer for a new or resumed run (throws c10::Error on absurd options).
  std::function<std::unique_ptr<ModelSession>(const TrainingSettings&, const DatasetSplits&)> makeSession;
  /// Checks run.json's "model" object: every size bounded (ok when fine). Runs before anything is built.
  std::function<Status(const QJsonObject& model)> checkModel;
  /// Every tensor the run's weights file holds (names with their module's prefix, shapes), worked
  /// out from run.json's "model" alone, without building anything; or what in it does not fit
  /// together. Run::open refuses a model over its size cap and a weights file whose header does not
  /// hold exactly these tensors, before any network is built.
  std::function<Result<genlab::TensorSpecs>(const QJsonObject& model)> weightsOf;
  /// The decoder for the Explore page (latentExplorer families).
  std::function<Result<DecoderSnapshot>(const Run&)> loadDecoder;
  /// Samples as one picture: a grid of images or a scatter plot of points.
  std::function<Result<QImage>(const Run&, const SampleRequest&)> sample;
  /// Samples as pixels (image families; the sample-quality measure scores them), in batches.
  std::function<Result<ImageBatch>(const Run&, const SampleRequest&)> sampleImages;
  /// diffusionTimeline families: the run's noise schedule from run.json's "model" (older runs: what they used).
  std::function<NoiseSchedule(const QJsonObject& model)> noiseSchedule;
  /// The network and its process for the Diffusion page and `sample` (diffusionTimeline families).
  std::function<Result<std::shared_ptr<const DiffusionModel>>(const Run&, bool ema)> loadDiffusion;
  /// pixelByPixel families: what the run's model writes, from run.json's "model" (no network built).
  std::function<PixelShape(const QJsonObject& model)> pixelShape;
  /// The network for the Pixel by pixel page and `sample` (pixelByPixel families).
  std::function<Result<std::shared_ptr<const PixelModel>>(const Run&)> loadPixelModel;
  /// The held-out measures (heldOut keys) on the run's held-out split.
  std::function<Result<QJsonObject>(const Run&, const DatasetSplits&)> evaluate;
  /// The architecture in a few words ("784 → 256 → 2 → 256 → 784").
  std::function<QString(const QJsonObject& model)> describe;
  /// Prefixes of the weights that are the model's parameters, with what they are ({"encoder.", "encoder"} …).
  QList<std::pair<QString, QString>> parameterGroups;

  QString displayName() const { return QCoreApplication::translate("ModelFamily", name); }
  QString displayDescription() const { return QCoreApplication::translate("ModelFamily", description); }
  QString displayLossAxis() const { return QCoreApplication::translate("ModelFamily", lossAxis); }
};
