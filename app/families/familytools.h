// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to app/families/: the checks and conversions every family's file uses. Includes torch.

#include "datasetsplits.h"
#include "decodersnapshot.h"
#include "modelfamily.h"
#include "run.h"

#include "io/safetensors.h"
#include "nn/tensor_specs.h"
#include "nn/precision.h"

#include <QJsonArray>
#include <QJsonObject>
#include <string>
#include <vector>

namespace FamilyTools {

/// The file name the loaders put in their messages.
inline const std::string kWeights = "weights.safetensors";

/// The latent size d of a model with a code (new runs start from `defaultDim`); older runs recorded it as model.latent_dim.
FamilyOption latentOption(int defaultDim);
inline const QString kLatent = QStringLiteral("latent");
/// β, the weight of a VAE's KL term (1: the ELBO; new runs start from `defaultBeta`); older runs
/// recorded it as training.beta.
FamilyOption betaOption(double defaultBeta = 1.0);
/// A real-valued option shown with two decimals: `label` and `help` marked with QT_TRANSLATE_NOOP
/// in context "ModelFamily" (the caller sets fromOlderRun).
FamilyOption realOption(const QString& key, double min, double max, double defaultValue, const char* label,
                        const char* help);
inline const QString kBeta = QStringLiteral("beta");

/// "by-class": the net is told each image's class (which digit, which garment), and the trained
/// model draws the class it is asked for. One declaration for every family that can (their
/// ModelFamily::byClass); `onByDefault`: new runs are told it (the command line's --no-by-class
/// turns it off); older runs recorded it as model.classes > 0.
FamilyOption byClassOption(bool onByDefault = false);
inline const QString kByClass = QStringLiteral("by-class");
/// The number of classes a new run's net is told: the data set's with by-class (MNIST and
/// Fashion-MNIST: 10), else 0.
int64_t classesOf(const TrainingSettings& s);
/// by-class asked of a data set without classes (an image folder, a toy set without them): why
/// not; else ok.
Status checkByClass(const TrainingSettings& s);
/// Diffusion told the class: the share of training examples shown without it (classifier-free
/// guidance's "no class"), and the guidance scale the run samples with unless asked for another.
inline const QString kClassDropout = QStringLiteral("class-dropout");
inline const QString kGuidance = QStringLiteral("guidance");
FamilyOption classDropoutOption();
FamilyOption guidanceOption();
/// The run's own guidance scale from its options (older runs told the class: Sampler::olderRunsGuidance).
double guidanceOf(const OptionValues& options);

/// The arithmetic a session trains in: the settings' precision, already resolved by the worker
/// ("bf16" or "fp32"; anything else is float32).
genlab::Precision precisionOf(const TrainingSettings& s);

/// Reads `key` of `o` as a whole number in [lo, hi] (`fallback` when absent), or what is wrong.
Result<int> boundedInt(const QJsonObject& o, const char* key, int lo, int hi, int fallback);
/// One whole-number field of run.json's "model" object and its range, for boundedInts.
struct IntField {
  const char* key;
  int lo, hi, fallback;
};
/// Each of `fields` read as boundedInt reads it, in order: ok, or the first that is wrong.
Status boundedInts(const QJsonObject& o, std::initializer_list<IntField> fields);

/// A weights file's tensors: each module's (models/' *_tensors functions) under the prefix its
/// trainer saves it with ("model.", "ema.", "" …); the first module's error when one does not fit.
Result<genlab::TensorSpecs> weightsLayout(
    std::initializer_list<std::pair<const char*, genlab::Result<genlab::TensorSpecs>>> modules);

/// A held-out result as `eval` prints it: run, model, dataset, count, then the family's measures.
QJsonObject measures(const Run& run, qint64 count, const std::vector<double>& values);


/// A std::string error from models/ as the app's message (empty stays empty).
inline QString message(const std::string& e) { return QString::fromStdString(e); }


}  // namespace FamilyTools

namespace FamilyTools {
/// Sets the snapshot's latent range from run.json's "latent" object (an auto-encoder's codes).
void latentRangeFromRun(DecoderSnapshot& snapshot, const Run& run);
/// A decoder that models/ loaded, as the Explore page's snapshot of the run (its step, its codes' range).
template <class Decoder>
Result<DecoderSnapshot> snapshotOf(genlab::Result<std::shared_ptr<const Decoder>> decoder, const Run& run) {
  Result<DecoderSnapshot> out;
  out.error = message(decoder.error);
  if (decoder.ok()) {
    out.value = DecoderSnapshot(std::move(decoder.value), run.step());
    latentRangeFromRun(out.value, run);
  }
  return out;
}
/// `r.count` (default 64, at most 1024) decoded prior draws as one grid, for latent-code families.
Result<QImage> sampleDecoded(const Run& run, const SampleRequest& r);
/// `sampleImages` of latent-code image families: the same prior draws as sampleDecoded's grid.
Result<ImageBatch> sampleDecodedImages(const Run& run, const SampleRequest& r);
/// Images (n, c, s, s) in [0, 1] as plain numbers.
ImageBatch imageBatchOf(const at::Tensor& images);
/// Points (n, 2) as x, y, x, y … (ModelSession::samplePoints).
std::vector<float> pointsOf(const at::Tensor& points);
}  // namespace FamilyTools

namespace FamilyTools {
/// The loss columns of every GAN: D and G losses, D(x) and D(G(z)) (dcgan.cpp).
QList<LossColumn> ganLosses();
/// The columns of every diffusion family: the noise-prediction error (ddpm.cpp).
QList<LossColumn> diffusionLosses();
/// `sample` of every diffusion family (ddpm.cpp).
Result<QImage> sampleDiffusion(const Run& run, const SampleRequest& r);
/// `sampleImages` of every diffusion family that makes images (ddpm.cpp).
Result<ImageBatch> sampleDiffusionImages(const Run& run, const SampleRequest& r);
/// What every diffusion family shares: the timeline capability, the noise-prediction columns and
/// axis, its weights under "model.", sampling and the held-out evaluation through loadDiffusion.
void makeDiffusionFamily(ModelFamily& f, const char* network);
/// The MLP VAE (or, `autoencoder`, the auto-encoder of the same layers) as the family `id` taking
/// `--model option` (mlpvae.cpp): presets of it are families of their own with other names and defaults.
ModelFamily mlpVaeFamily(const QString& id, const QString& option, bool autoencoder);
/// The columns of a VAE: −ELBO, reconstruction and KL per step; held-out −ELBO and its two parts.
QList<LossColumn> vaeLosses(bool heldOut, bool perPoint);
/// run.json's "model" object of a conv model (conv VAE, DCGAN): the four sizes its options carry.
template <class ConvOptions>
QJsonObject convModelJson(const QString& id, const ConvOptions& o) {
  return {{QStringLiteral("kind"), id},
          {QStringLiteral("latent_dim"), qint64(o.latent_dim())},
          {QStringLiteral("channels"), qint64(o.channels())},
          {QStringLiteral("image_size"), qint64(o.image_size())},
          {QStringLiteral("width"), qint64(o.width())}};
}
/// The options of a conv model from run.json (already bounded by checkModel).
template <class ConvOptions>
ConvOptions convOptionsOf(const QJsonObject& m, int defaultLatent, int defaultWidth) {
  return ConvOptions()
      .latent_dim(m.value(QStringLiteral("latent_dim")).toInt(defaultLatent))
      .channels(m.value(QStringLiteral("channels")).toInt(1))
      .image_size(m.value(QStringLiteral("image_size")).toInt(28))
      .width(m.value(QStringLiteral("width")).toInt(defaultWidth));
}
/// Checks run.json's image fields of a conv model: channels 1 or 3, image_size 28, 32 or 64.
Status checkImageFields(const QJsonObject& model);
}  // namespace FamilyTools

namespace FamilyTools {
/// What both pixel-by-pixel families share (pixelfamily.cpp): the Pixel by pixel page, the −log p(x)
/// columns, sampling, `eval` (with bits per pixel) through loadPixelModel, a cosine rate on request.
void makePixelFamily(ModelFamily& f, const char* network);
/// Held-out images binarised as the pixel models' `eval` binarises them (the same draws), so a
/// VAE's −ELBO on them compares with a PixelCNN's −log p(x) (images of any shape, in [0, 1]).
at::Tensor binarisedHeldOut(const at::Tensor& images);
/// Checks run.json's fields of a pixel model: levels 2 or 256, classes 0…100, one channel, 8…64 px.
Status checkPixelFields(const QJsonObject& model);
}  // namespace FamilyTools
