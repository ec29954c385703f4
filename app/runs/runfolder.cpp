// SPDX-License-Identifier: GPL-3.0-or-later
#include "runfolder.h"

#include "vae/conv_vae.h"
#include "gan/dcgan.h"
#include "io/safetensors.h"
#include "data/toy2d.h"
#include "toy/toy_models.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

RunFolder RunFolder::create(const QString& runsFolder, const QString& name, QString* error) {
  QDir root(runsFolder);
  if (!root.mkpath(QStringLiteral("."))) {
    *error = QObject::tr("Cannot create the runs folder %1").arg(runsFolder);
    return {};
  }
  const QString stem = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) +
                       QLatin1Char('-') + name;
  for (int n = 0; n < 1000; ++n) {
    const QString candidate = n ? stem + QLatin1Char('-') + QString::number(n) : stem;
    if (!root.exists(candidate) && root.mkdir(candidate))
      return RunFolder(root.absoluteFilePath(candidate));
  }
  *error = QObject::tr("Cannot create a run folder in %1").arg(runsFolder);
  return {};
}

RunFolder RunFolder::createAt(const QString& path, QString* error) {
  QDir dir(path);
  if (dir.exists() && !dir.isEmpty()) {
    *error = QObject::tr("%1 already exists and is not empty; choose a new folder for the run").arg(path);
    return {};
  }
  if (!dir.mkpath(QStringLiteral("."))) {
    *error = QObject::tr("Cannot create the run folder %1").arg(path);
    return {};
  }
  return RunFolder(dir.absolutePath());
}

QString RunFolder::defaultRunsFolder() {
  return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/GenLab/runs");
}

QString RunFolder::file(const QString& name) const { return QDir(m_path).filePath(name); }

bool RunFolder::hasWeights() const {
  return !isNull() && QFile::exists(file(QStringLiteral("weights.safetensors")));
}

QJsonObject RunFolder::readRunJson(QString* error) const {
  QFile f(file(QStringLiteral("run.json")));
  if (!f.open(QIODevice::ReadOnly)) {
    *error = QObject::tr("%1: cannot open").arg(f.fileName());
    return {};
  }
  QJsonParseError pe;
  const auto doc = QJsonDocument::fromJson(f.read(1 << 20), &pe);
  if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
    *error = QObject::tr("%1: not valid JSON (%2)").arg(f.fileName(), pe.errorString());
    return {};
  }
  return doc.object();
}

bool RunFolder::writeText(const QString& name, const QByteArray& bytes, QString* error) const {
  QSaveFile f(file(name));  // temp file + rename: a crash leaves the previous version
  if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
    *error = QObject::tr("%1: cannot write (%2)").arg(f.fileName(), f.errorString());
    return false;
  }
  return true;
}

bool RunFolder::writeRunJson(const QJsonObject& json, QString* error) const {
  return writeText(QStringLiteral("run.json"), QJsonDocument(json).toJson(QJsonDocument::Indented), error);
}

DecoderSnapshot RunFolder::loadToyDecoder(const QString& path, const QJsonObject& model, QString* error) const {
  QString jsonError;
  const QJsonObject json = readRunJson(&jsonError);
  const QString dataset = json.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("name")).toString();
  std::string err;
  std::shared_ptr<const genlab::ImageDecoder> decoder;
  try {
    // The held-out points the run was evaluated on, regenerated (same set, same seed), as the backdrop.
    const auto background = genlab::make_toy2d(dataset.mid(4).toStdString(), 2000, 2);
    decoder = genlab::load_toy_decoder(path.toStdString(),
                                       genlab::ToyModelOptions()
                                           .kind(model.value(QStringLiteral("kind")).toString().mid(4).toStdString())
                                           .latent_dim(model.value(QStringLiteral("latent_dim")).toInt(2))
                                           .hidden(model.value(QStringLiteral("hidden")).toInt(128)),
                                       background, &err);
  } catch (const c10::Error& e) {
    err = e.what_without_backtrace();
  }
  if (!decoder) {
    *error = QString::fromStdString(err);
    return {};
  }
  auto meta = genlab::load_safetensors(path.toStdString());
  DecoderSnapshot snapshot(std::move(decoder), meta.ok() && meta.value.metadata.count("step")
                                                   ? QString::fromStdString(meta.value.metadata.at("step")).toLongLong()
                                                   : 0);
  setLatentRangeFromJson(snapshot, json);
  return snapshot;
}

void RunFolder::setLatentRangeFromJson(DecoderSnapshot& snapshot, const QJsonObject& json) {
  const QJsonObject latent = json.value(QStringLiteral("latent")).toObject();
  std::vector<float> mean, sd;
  for (const auto& v : latent.value(QStringLiteral("mean")).toArray())
    mean.push_back(float(v.toDouble()));
  for (const auto& v : latent.value(QStringLiteral("std")).toArray())
    sd.push_back(float(v.toDouble()));
  snapshot.setLatentRange(std::move(mean), std::move(sd));  // ignored unless both fit the model
}

DecoderSnapshot RunFolder::loadDecoder(QString* error) const {
  const QString path = file(QStringLiteral("weights.safetensors"));
  QString jsonError;
  const QJsonObject model = readRunJson(&jsonError).value(QStringLiteral("model")).toObject();
  const QString kind = model.value(QStringLiteral("kind")).toString();
  if (kind == QLatin1String("toy-diffusion")) {
    *error = QObject::tr("%1 is a diffusion run: it has no latent code to explore. See its denoising with "
                         "genlab-cli sample %1 --frames 10 --out strip.png")
                 .arg(m_path);
    return {};
  }
  if (kind.startsWith(QLatin1String("toy-")))
    return loadToyDecoder(path, model, error);
  if (kind == QLatin1String("dcgan") || kind == QLatin1String("vae-conv")) {
    const int latent = model.value(QStringLiteral("latent_dim")).toInt(), channels = model.value(QStringLiteral("channels")).toInt(1);
    const int size = model.value(QStringLiteral("image_size")).toInt(28), width = model.value(QStringLiteral("width")).toInt();
    std::string err;
    auto decoder =
        kind == QLatin1String("dcgan")
            ? genlab::load_generator_decoder(
                  path.toStdString(),
                  genlab::DCGANOptions().latent_dim(latent).channels(channels).image_size(size).width(width), &err)
            : genlab::load_conv_vae_decoder(
                  path.toStdString(),
                  genlab::ConvVAEOptions().latent_dim(latent).channels(channels).image_size(size).width(width), &err);
    if (!decoder) {
      *error = QString::fromStdString(err);
      return {};
    }
    auto meta = genlab::load_safetensors(path.toStdString());
    const qint64 step = meta.ok() && meta.value.metadata.count("step")
                            ? QString::fromStdString(meta.value.metadata.at("step")).toLongLong() : 0;
    return DecoderSnapshot(std::move(decoder), step);
  }
  auto loaded = genlab::load_safetensors(path.toStdString());
  if (!loaded.ok()) {
    *error = QString::fromStdString(loaded.error);
    return {};
  }
  const auto& f = loaded.value;
  const auto w1 = f.find("decoder.0.weight"), b1 = f.find("decoder.0.bias");
  const auto w2 = f.find("decoder.2.weight"), b2 = f.find("decoder.2.bias");
  if (!w1.defined() || !b1.defined() || !w2.defined() || !b2.defined()) {
    *error = QObject::tr("%1: not an MLP VAE (decoder.0 / decoder.2 weights missing)").arg(path);
    return {};
  }
  const bool shapesOk = w1.dim() == 2 && b1.dim() == 1 && w2.dim() == 2 && b2.dim() == 1 &&
                        w1.scalar_type() == at::kFloat && w2.scalar_type() == at::kFloat &&
                        b1.scalar_type() == at::kFloat && b2.scalar_type() == at::kFloat &&
                        b1.size(0) == w1.size(0) && w2.size(1) == w1.size(0) && b2.size(0) == w2.size(0);
  if (!shapesOk) {
    *error = QObject::tr("%1: decoder weights have inconsistent shapes").arg(path);
    return {};
  }
  auto copy = [](const at::Tensor& t) {
    const auto c = t.contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
  };
  genlab::MlpDecoderWeights w;
  w.latent_dim = w1.size(1);
  w.hidden_dim = w1.size(0);
  w.output_dim = w2.size(0);
  w.w1 = copy(w1);
  w.b1 = copy(b1);
  w.w2t = copy(w2.t());
  w.b2 = copy(b2);
  qint64 step = 0;
  if (auto it = f.metadata.find("step"); it != f.metadata.end())
    step = QString::fromStdString(it->second).toLongLong();
  DecoderSnapshot snapshot(std::move(w), step);
  setLatentRangeFromJson(snapshot, readRunJson(&jsonError));
  return snapshot;
}
