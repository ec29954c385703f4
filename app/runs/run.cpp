// SPDX-License-Identifier: GPL-3.0-or-later
#include "run.h"

#include "registry.h"

#include "io/safetensors.h"

#include <ATen/ops/isfinite.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <map>
#include <unistd.h>

namespace {


// The fields every run.json has, whatever its family: bounded before anything reads them.
Status checkCommon(const QJsonObject& json) {
  const QJsonObject dataset = json.value(QStringLiteral("dataset")).toObject();
  const QJsonObject training = json.value(QStringLiteral("training")).toObject();
  const QString name = dataset.value(QStringLiteral("name")).toString();
  if (name.isEmpty())
    return {QCoreApplication::translate("Run", "run.json: no dataset name")};
  const DataSet* set = DataSets::find(name);
  if (!set)
    return {QCoreApplication::translate("Run", "run.json: dataset.name '%1' is not a data set GenLab knows (%2)").arg(name, DataSets::names())};
  if (set->kind == DataKind::Images) {
    const int size = dataset.value(QStringLiteral("image_size")).toInt(28);
    const int channels = dataset.value(QStringLiteral("channels")).toInt(1);
    if (size != 28 && size != 32 && size != 64)
      return {QCoreApplication::translate("Run", "run.json: dataset.image_size is %1 (28, 32 or 64)").arg(size)};
    if (channels != 1 && channels != 3)
      return {QCoreApplication::translate("Run", "run.json: dataset.channels is %1 (1 or 3)").arg(channels)};
  }
  const int batch = training.value(QStringLiteral("batch_size")).toInt(1);
  if (batch < 1 || batch > 8192)
    return {QCoreApplication::translate("Run", "run.json: training.batch_size is %1 (1 to 8192)").arg(batch)};
  const int epochs = training.value(QStringLiteral("epochs")).toInt(1);
  if (epochs < 1 || epochs > 10000)
    return {QCoreApplication::translate("Run", "run.json: training.epochs is %1 (1 to 10000)").arg(epochs)};
  const double lr = training.value(QStringLiteral("learning_rate")).toDouble(1e-3);
  if (!std::isfinite(lr) || lr <= 0 || lr > 1)
    return {QCoreApplication::translate("Run", "run.json: training.learning_rate is %1 (above 0, at most 1)").arg(lr)};
  return {};
}

// Batch norm's step counter: the one tensor of a weights file that is not float32.
bool isCounter(const std::string& name) {
  const std::string suffix = "num_batches_tracked";
  return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Buffers saved beside the parameters (statistics, counters): not counted as parameters.
bool isBuffer(const std::string& name) {
  for (const char* b : {"running_mean", "running_var", "num_batches_tracked", "data_mean", "data_std"})
    if (name.find(b) != std::string::npos)
      return true;
  return false;
}

// The largest model GenLab builds from a run.json: 250 million values (1 GB of float32), and at
// most a quarter of this machine's memory.
int64_t maxModelValues() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), pageSize = ::sysconf(_SC_PAGE_SIZE);
  const int64_t quarter = pages > 0 && pageSize > 0 ? int64_t(pages) * pageSize / 4 / int64_t(sizeof(float)) : 0;
  const int64_t cap = 250'000'000;
  return quarter > 0 ? std::min(cap, quarter) : cap;
}

QString shapeText(const std::vector<int64_t>& shape) {
  QStringList sizes;
  for (int64_t s : shape)
    sizes << QString::number(s);
  return QLatin1Char('[') + sizes.join(QStringLiteral(", ")) + QLatin1Char(']');
}

// ok when the weights file's header holds exactly the tensors run.json's model has, else the first
// difference, naming the tensor.
Status sameTensors(const genlab::TensorSpecs& model, const genlab::TensorSpecs& file) {
  std::map<std::string, const genlab::TensorSpec*> inFile;
  for (const auto& t : file)
    inFile[t.name] = &t;
  for (const auto& t : model) {
    const auto it = inFile.find(t.name);
    const QString name = QString::fromStdString(t.name);
    if (it == inFile.end())
      return {QCoreApplication::translate("Run", "no tensor '%1', which the model run.json describes has").arg(name)};
    if (it->second->shape != t.shape)
      return {QCoreApplication::translate("Run", "'%1' has shape %2; run.json says %3")
                  .arg(name, shapeText(it->second->shape), shapeText(t.shape))};
    inFile.erase(it);
  }
  if (!inFile.empty())
    return {QCoreApplication::translate("Run", "'%1' is not part of the model run.json describes")
                .arg(QString::fromStdString(inFile.begin()->first))};
  return {};
}

}  // namespace

Result<Run> Run::open(const QString& folderPath) {
  Result<Run> out;
  Run& run = out.value;
  run.m_folder = RunFolder(folderPath);
  if (!QFileInfo::exists(run.file(QStringLiteral("run.json")))) {
    out.error = QCoreApplication::translate("Run", "%1: not a run folder (no run.json)").arg(folderPath);
    return out;
  }
  auto json = run.m_folder.readRunJson();
  if (!json.ok()) {
    out.error = json.error;
    return out;
  }
  run.m_json = std::move(json.value);
  const QString kind = run.model().value(QStringLiteral("kind")).toString();
  run.m_family = Registry::find(kind);
  if (!run.m_family) {
    out.error = QCoreApplication::translate("Run", "%1: model kind '%2' is not one this version knows").arg(run.file(QStringLiteral("run.json")), kind);
    return out;
  }
  Status checked = checkCommon(run.m_json);
  if (checked.ok())
    checked = run.m_family->checkModel(run.model());
  if (!checked.ok()) {
    out.error = run.file(QStringLiteral("run.json")) + QStringLiteral(": ") + checked.error;
    return out;
  }
  auto options = OptionValues::ofRun(run.m_family->options, run.m_json);
  if (!options.ok()) {
    out.error = run.file(QStringLiteral("run.json")) + QStringLiteral(": ") + options.error;
    return out;
  }
  run.m_options = std::move(options.value);
  // The whole model from run.json alone, before anything is read or built: every tensor and its size.
  const auto layout = run.m_family->weightsOf(run.model());
  if (!layout.ok()) {
    out.error = run.file(QStringLiteral("run.json")) + QStringLiteral(": ") + layout.error;
    return out;
  }
  if (const int64_t values = genlab::element_count(layout.value), cap = maxModelValues(); values > cap) {
    out.error = QCoreApplication::translate("Run", "%1: the model it describes has %L2 values (%3 GB); GenLab opens "
                                                   "models of at most %L4 values (%5 GB) on this machine")
                    .arg(run.file(QStringLiteral("run.json")))
                    .arg(values)
                    .arg(double(values) * 4 / 1e9, 0, 'f', 1)
                    .arg(cap)
                    .arg(double(cap) * 4 / 1e9, 0, 'f', 1);
    return out;
  }
  const QString weightsPath = run.file(QStringLiteral("weights.safetensors"));
  if (!QFileInfo::exists(weightsPath)) {
    out.error = QCoreApplication::translate("Run", "%1 has no weights yet (weights.safetensors is missing)").arg(folderPath);
    return out;
  }
  // The weights file's header (not its data) against that model, tensor by tensor.
  const auto header = genlab::read_safetensors_tensors(QFile::encodeName(weightsPath).toStdString());
  if (!header.ok()) {
    out.error = QString::fromStdString(header.error);
    return out;
  }
  if (const Status same = sameTensors(layout.value, header.value); !same.ok()) {
    out.error = weightsPath + QStringLiteral(": ") + same.error;
    return out;
  }
  auto file = genlab::load_safetensors(QFile::encodeName(weightsPath).toStdString());
  if (!file.ok()) {
    out.error = QString::fromStdString(file.error);
    return out;
  }
  for (const auto& [name, t] : file.value.tensors)
    if (t.scalar_type() != at::kFloat && !(isCounter(name) && t.scalar_type() == at::kLong)) {
      out.error = QCoreApplication::translate("Run", "%1: '%2' is not float32").arg(weightsPath, QString::fromStdString(name));
      return out;
    }
  for (const auto& [name, t] : file.value.tensors)
    if (t.is_floating_point() && !at::isfinite(t).all().item<bool>()) {
      out.error = QCoreApplication::translate("Run", "%1: '%2' holds NaN or infinite values").arg(weightsPath, QString::fromStdString(name));
      return out;
    }
  if (auto it = file.value.metadata.find("step"); it != file.value.metadata.end())
    run.m_step = QString::fromStdString(it->second).toLongLong();
  run.m_weights = std::make_shared<const genlab::SafetensorsFile>(std::move(file.value));
  return out;
}

qint64 Run::parameterCount(const QString& prefix) const {
  qint64 n = 0;
  const std::string p = prefix.toStdString();
  for (const auto& [name, t] : m_weights->tensors)
    if (name.compare(0, p.size(), p) == 0 && !isBuffer(name))
      n += t.numel();
  return n;
}

QJsonObject Run::lastLosses() const {
  const auto csv = m_folder.readFile(QStringLiteral("metrics.csv"), qint64(1) << 30);
  if (!csv.ok())
    return {};
  const QList<QByteArray> lines = csv.value.trimmed().split('\n');
  if (lines.size() < 2)
    return {};
  const QList<QByteArray> header = lines.first().split(','), last = lines.last().split(',');
  QJsonObject out;
  for (const LossColumn& c : m_family->losses) {
    const int i = header.indexOf(c.key.toUtf8());
    bool ok = false;
    const double v = i >= 0 && i < last.size() ? last[i].toDouble(&ok) : 0;  // QByteArray::toDouble: C locale
    if (ok)
      out.insert(c.key, v);
  }
  return out;
}

QJsonObject Run::describe() const {
  QJsonObject out = m_json;
  QJsonObject parameters;
  qint64 total = 0;
  for (const auto& [prefix, what] : m_family->parameterGroups) {
    const qint64 n = parameterCount(prefix);
    parameters.insert(what, n);
    total += n;
  }
  parameters.insert(QStringLiteral("total"), total);
  out.insert(QStringLiteral("family"), QJsonObject{{QStringLiteral("id"), m_family->id},
                                                   {QStringLiteral("name"), m_family->displayName()},
                                                   {QStringLiteral("architecture"), m_family->describe(model())}});
  // The family's options as the run trained with them (older runs: read from where they kept them).
  out.insert(QStringLiteral("options"), m_options.json());
  out.insert(QStringLiteral("parameters"), parameters);
  out.insert(QStringLiteral("weights_step"), m_step);
  out.insert(QStringLiteral("last_losses"), lastLosses());
  return out;
}
