// SPDX-License-Identifier: GPL-3.0-or-later
// The Row LSTM PixelRNN: reads an image row by row with LSTM states, writes it pixel by pixel.
#include "pixelsession.h"

#include "pixelrnn/pixelrnn.h"

using namespace FamilyTools;

namespace Families {
const ModelFamily& pixelRnn();  // registered in registry.cpp
}  // namespace Families

namespace {

constexpr int64_t kHidden = 32, kLayers = 2, kHead = 64;

genlab::PixelRNNOptions optionsOf(const QJsonObject& m) {
  return genlab::PixelRNNOptions()
      .hidden(m.value(QStringLiteral("hidden")).toInt(kHidden))
      .layers(m.value(QStringLiteral("layers")).toInt(kLayers))
      .head_width(m.value(QStringLiteral("head_width")).toInt(kHead))
      .levels(m.value(QStringLiteral("levels")).toInt(2))
      .classes(m.value(QStringLiteral("classes")).toInt(0))
      .image_size(m.value(QStringLiteral("image_size")).toInt(28));
}

QJsonObject jsonOf(const genlab::PixelRNNOptions& o) {
  QJsonObject j = pixelModelJson(Families::pixelRnn().id, {o.levels(), o.classes(), o.image_size()});
  j.insert(QStringLiteral("hidden"), qint64(o.hidden()));
  j.insert(QStringLiteral("layers"), qint64(o.layers()));
  j.insert(QStringLiteral("head_width"), qint64(o.head_width()));
  return j;
}

ModelFamily make() {
  ModelFamily f;
  f.id = QStringLiteral("pixelrnn-rowlstm");
  f.option = QStringLiteral("pixelrnn");
  f.name = QT_TRANSLATE_NOOP("ModelFamily", "PixelRNN (Row LSTM, pixel by pixel)");
  f.description = QT_TRANSLATE_NOOP("ModelFamily", "An autoregressive model (van den Oord et al. 2016): LSTM layers "
                                                   "read the image one row at a time, each pixel seeing a triangle of "
                                                   "rows above and the pixels to its left. Exact likelihood; sampling "
                                                   "writes one pixel at a time.");
  f.defaults = {10, 64, 2e-3, "cosine"};
  makePixelFamily(f, "PixelRNN");
  f.makeSession = [](const TrainingSettings& s, const DatasetSplits& data) {
    const auto o = !s.resumedModel.isEmpty() ? optionsOf(s.resumedModel)
                                             : genlab::PixelRNNOptions().hidden(kHidden).layers(kLayers).head_width(kHead)
                                                   .levels(s.options.integer(kLevels)).classes(classesOf(s)).image_size(data.train.height);
    return pixelSession<genlab::PixelRNNImpl, genlab::PixelRNNOptions>(s, data, o, jsonOf);
  };
  f.checkModel = [](const QJsonObject& m) {
    if (const Status pixels = checkPixelFields(m); !pixels.ok())
      return pixels;
    return boundedInts(m, {{"hidden", 1, 256, int(kHidden)}, {"layers", 1, 8, int(kLayers)}, {"head_width", 1, 1024, int(kHead)}});
  };
  f.weightsOf = [](const QJsonObject& m) { return weightsLayout({{"model.", genlab::pixelrnn_tensors(optionsOf(m))}}); };
  f.loadPixelModel = [](const Run& run) { return loadPixelNet<genlab::PixelRNNImpl>(run, optionsOf(run.model())); };
  f.describe = [](const QJsonObject& m) -> QString {
    const auto o = optionsOf(m);
    return QCoreApplication::translate("ModelFamily", "Row LSTM PixelRNN, %1 layers × %2 states, head %3 → %4")
               .arg(o.layers()).arg(o.hidden()).arg(o.head_width())
               .arg(pixelOutputWords(o.levels())) +
           (o.classes() > 0 ? QCoreApplication::translate("ModelFamily", ", told the class") : QString());
  };
  return f;
}

}  // namespace

const ModelFamily& Families::pixelRnn() {
  static const ModelFamily f = make();
  return f;
}
