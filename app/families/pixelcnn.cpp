// SPDX-License-Identifier: GPL-3.0-or-later
// The Gated PixelCNN: writes an image pixel by pixel with masked convolutions in two stacks.
#include "pixelsession.h"

#include "pixelcnn/pixelcnn.h"

using namespace FamilyTools;

namespace Families {
const ModelFamily& pixelCnn();  // registered in registry.cpp
}  // namespace Families

namespace {

constexpr int64_t kWidth = 32, kLayers = 6, kHead = 64;

genlab::PixelCNNOptions optionsOf(const QJsonObject& m) {
  return genlab::PixelCNNOptions()
      .width(m.value(QStringLiteral("width")).toInt(kWidth))
      .layers(m.value(QStringLiteral("layers")).toInt(kLayers))
      .head_width(m.value(QStringLiteral("head_width")).toInt(kHead))
      .gated(m.value(QStringLiteral("gated")).toBool(true))
      .levels(m.value(QStringLiteral("levels")).toInt(2))
      .classes(m.value(QStringLiteral("classes")).toInt(0))
      .image_size(m.value(QStringLiteral("image_size")).toInt(28));
}

QJsonObject jsonOf(const genlab::PixelCNNOptions& o) {
  QJsonObject j = pixelModelJson(Families::pixelCnn().id, {o.levels(), o.classes(), o.image_size()});
  j.insert(QStringLiteral("width"), qint64(o.width()));
  j.insert(QStringLiteral("layers"), qint64(o.layers()));
  j.insert(QStringLiteral("head_width"), qint64(o.head_width()));
  j.insert(QStringLiteral("gated"), o.gated());
  return j;
}

ModelFamily make() {
  ModelFamily f;
  f.id = QStringLiteral("pixelcnn-gated");
  f.option = QStringLiteral("pixelcnn");
  f.name = QT_TRANSLATE_NOOP("ModelFamily", "Gated PixelCNN (masked convolutions, pixel by pixel)");
  f.description = QT_TRANSLATE_NOOP("ModelFamily", "An autoregressive model (van den Oord et al. 2016): each pixel's "
                                                   "probability given the pixels above and to its left, from masked "
                                                   "convolutions in a vertical and a horizontal stack with gated units. "
                                                   "Exact likelihood; sampling writes one pixel at a time.");
  f.defaults = {10, 64, 1e-3, "cosine"};
  makePixelFamily(f, "PixelCNN");
  f.makeSession = [](const TrainingSettings& s, const DatasetSplits& data) {
    const auto o = !s.resumedModel.isEmpty() ? optionsOf(s.resumedModel)
                                             : genlab::PixelCNNOptions().width(kWidth).layers(kLayers).head_width(kHead)
                                                   .levels(s.options.integer(kLevels)).classes(classesOf(s)).image_size(data.train.height);
    return pixelSession<genlab::PixelCNNImpl, genlab::PixelCNNOptions>(s, data, o, jsonOf);
  };
  f.checkModel = [](const QJsonObject& m) {
    if (const Status pixels = checkPixelFields(m); !pixels.ok())
      return pixels;
    return boundedInts(m, {{"width", 1, 512, int(kWidth)}, {"layers", 2, 30, int(kLayers)}, {"head_width", 1, 1024, int(kHead)}});
  };
  f.weightsOf = [](const QJsonObject& m) { return weightsLayout({{"model.", genlab::pixelcnn_tensors(optionsOf(m))}}); };
  f.loadPixelModel = [](const Run& run) { return loadPixelNet<genlab::PixelCNNImpl>(run, optionsOf(run.model())); };
  f.describe = [](const QJsonObject& m) -> QString {
    const auto o = optionsOf(m);
    return (o.gated() ? QCoreApplication::translate("ModelFamily", "Gated PixelCNN, %1 layers × %2 maps (7×7 then 3×3), head %3 → %4")
                      : QCoreApplication::translate("ModelFamily", "Plain masked PixelCNN, %1 layers × %2 maps (7×7 then 3×3), head %3 → %4"))
               .arg(o.layers()).arg(o.width()).arg(o.head_width())
               .arg(pixelOutputWords(o.levels())) +
           (o.classes() > 0 ? QCoreApplication::translate("ModelFamily", ", told the class") : QString());
  };
  return f;
}

}  // namespace

const ModelFamily& Families::pixelCnn() {
  static const ModelFamily f = make();
  return f;
}
