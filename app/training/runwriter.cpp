// SPDX-License-Identifier: GPL-3.0-or-later
#include "runwriter.h"

#include "modelsession.h"
#include "systeminfo.h"
#include "trainingtypes.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace {

const QString kWeights = QStringLiteral("weights.safetensors");
const QString kState = QStringLiteral("optimizer.safetensors");
const QString kMetrics = QStringLiteral("metrics.csv");

// A run folder's name, safe on every file system: the family and the data, in letters, digits and '-'.
QString folderName(const ModelFamily& family, const QString& dataset) {
  QString name = family.id + QLatin1Char('-') + DataSets::shortName(dataset);
  for (QChar& c : name)
    if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') && c != QLatin1Char('_'))
      c = QLatin1Char('-');
  return name.left(80);
}

// metrics.csv up to (and including) `step`: rows written after the checkpoint are dropped.
QByteArray metricsUpTo(const QByteArray& csv, qint64 step) {
  QByteArray out;
  const QList<QByteArray> lines = csv.split('\n');
  for (int i = 0; i < lines.size(); ++i) {
    if (lines[i].isEmpty())
      continue;
    bool isNumber = false;
    const qint64 rowStep = lines[i].left(lines[i].indexOf(',')).toLongLong(&isNumber);
    if (i == 0 || (isNumber && rowStep <= step))
      out += lines[i] + '\n';
  }
  return out;
}

// metrics.csv with `header`'s columns: a run written by an older version (fewer columns) gets
// empty cells where it has none, so the file reads as one table.
QByteArray metricsInColumns(const QByteArray& csv, const QByteArray& header) {
  const int end = csv.indexOf('\n');
  const QByteArray oldHeader = csv.left(end);
  if (end < 0 || oldHeader == header)
    return csv;
  const QList<QByteArray> from = oldHeader.split(','), to = header.split(',');
  QVector<int> source;
  for (const QByteArray& key : to)
    source << int(from.indexOf(key));
  QByteArray out = header + '\n';
  for (const QByteArray& line : csv.mid(end + 1).split('\n')) {
    if (line.isEmpty())
      continue;
    const QList<QByteArray> fields = line.split(',');
    for (int i = 0; i < source.size(); ++i) {
      if (i > 0)
        out += ',';
      if (source[i] >= 0 && source[i] < fields.size())
        out += fields[source[i]];
    }
    out += '\n';
  }
  return out;
}

// `columns` cells of `values` (empty where it has fewer).
void appendCells(QByteArray& csv, const QVector<double>& values, qsizetype columns) {
  for (qsizetype i = 0; i < columns; ++i)
    csv += i < values.size() ? ',' + QByteArray::number(values[i], 'g', 8) : QByteArray(",");
}

}  // namespace

MetricsHeader MetricsHeader::of(const ModelFamily& family, const ModelSession& session, const QStringList& quality,
                                 const QByteArray& previous) {
  MetricsHeader h;
  for (const LossColumn& c : family.losses)
    h.losses << c.key;
  for (const LossColumn& c : family.heldOut)
    h.heldOut << QStringLiteral("eval_") + c.key;
  for (const QString& name : session.optimizerNames()) {
    const QString suffix = name.isEmpty() ? QString() : QLatin1Char('_') + name;
    h.optimizer << QStringLiteral("grad_norm") + suffix << QStringLiteral("lr") + suffix;
  }
  for (int b = 0; b < session.timestepBuckets(); ++b)
    h.timesteps << QStringLiteral("eval_loss_t%1").arg(b);
  h.quality = quality;
  // Columns an earlier part of a resumed run wrote that this one does not (its quality, when the
  // samples are no longer scored): kept, empty from here on.
  const QStringList known = h.losses + h.heldOut + h.optimizer + h.timesteps + h.quality;
  if (const int end = int(previous.indexOf('\n')); end > 0)
    for (const QByteArray& key : previous.left(end).split(',').mid(3))
      if (!known.contains(QString::fromUtf8(key)))
        h.kept << QString::fromUtf8(key);
  return h;
}

QByteArray MetricsHeader::line() const {
  return "step,epoch,wall_s," + (losses + heldOut + optimizer + timesteps + kept + quality).join(QLatin1Char(',')).toUtf8();
}

RunWriter::RunWriter(RunFolder folder, QJsonObject json, QByteArray metrics, MetricsHeader header, const ModelFamily& family)
    : m_folder(std::move(folder)), m_json(std::move(json)), m_metrics(std::move(metrics)), m_header(std::move(header)),
      m_family(&family) {
  m_wallBefore = m_json.value(QStringLiteral("wall_s")).toDouble();
  m_best = m_json.value(QStringLiteral("best")).toObject().value(QStringLiteral("value")).toDouble(qInf());
  if (m_metrics.isEmpty())
    m_metrics = m_header.line() + '\n';
}

Result<RunWriter> RunWriter::create(const TrainingSettings& s, const ModelFamily& family, const QJsonObject& model,
                                    const QJsonObject& dataset, MetricsHeader header) {
  const auto created = s.runFolder.isEmpty() ? RunFolder::create(s.runsFolder, folderName(family, s.dataset))
                                             : RunFolder::createAt(s.runFolder);
  if (!created.ok())
    return {{}, created.error};
  QJsonObject json{
      {QStringLiteral("format"), 1},
      {QStringLiteral("created"), QDateTime::currentDateTime().toString(Qt::ISODate)},
      {QStringLiteral("model"), model},
      {QStringLiteral("dataset"), dataset},
      {QStringLiteral("device"), s.device},
      {QStringLiteral("versions"), QJsonObject{{QStringLiteral("genlab"), QStringLiteral(GENLAB_VERSION)},
                                               {QStringLiteral("libtorch"), SystemInfo::torchVersion()},
                                               {QStringLiteral("blas"), SystemInfo::blasName()}}},
  };
  return {RunWriter(created.value, std::move(json), {}, std::move(header), family), {}};
}

RunWriter RunWriter::resumed(const ModelFamily& family, RunFolder folder, QJsonObject json, const QByteArray& metrics,
                             qint64 step, MetricsHeader header) {
  const QByteArray line = header.line();
  return RunWriter(std::move(folder), std::move(json), metricsInColumns(metricsUpTo(metrics, step), line), std::move(header),
                   family);
}

Status RunWriter::begin(const TrainingSettings& s, const QJsonObject& options) {
  m_json[QStringLiteral("training")] = QJsonObject{{QStringLiteral("epochs"), s.epochs},
                                                   {QStringLiteral("batch_size"), s.batchSize},
                                                   {QStringLiteral("learning_rate"), s.learningRate},
                                                   {QStringLiteral("optimizer"), QStringLiteral("adam")},
                                                   {QStringLiteral("seed"), QString::number(s.seed)},
                                                   {QStringLiteral("threads"), s.threads},
                                                   {QStringLiteral("precision"), s.precision},
                                                   {QStringLiteral("lr_schedule"), s.lrSchedule},
                                                   {QStringLiteral("score_samples"), s.scoreSamples}};
  m_json[QStringLiteral("options")] = options;  // the family's own (ModelFamily::options), typed
  m_json[QStringLiteral("device")] = s.device;  // this part's (a run may resume elsewhere)
  m_json[QStringLiteral("status")] = QStringLiteral("running");
  m_json.remove(QStringLiteral("error"));  // a resumed run that had failed
  if (const Status written = m_folder.writeRunJson(m_json); !written.ok())
    return written;
  // The columns are known from the start (the Train page sets its charts up from them).
  return m_folder.writeText(kMetrics, m_metrics);
}

void RunWriter::addRow(qint64 step, qint64 epoch, double wallSeconds, const QVector<double>& losses,
                       const QVector<double>& heldOut, const QVector<double>& optimizer, const QVector<double>& byTimestep) {
  m_metrics += QByteArray::number(step) + ',' + QByteArray::number(epoch) + ',' + QByteArray::number(wallSeconds, 'f', 3);
  appendCells(m_metrics, losses, m_header.losses.size());
  appendCells(m_metrics, heldOut, m_header.heldOut.size());
  appendCells(m_metrics, optimizer, m_header.optimizer.size());
  appendCells(m_metrics, byTimestep, m_header.timesteps.size());
  m_metrics += QByteArray(m_header.kept.size() + m_header.quality.size(), ',');  // quality: filled in once scored
  m_metrics += '\n';
}

Status RunWriter::save(ModelSession& session, double wallSeconds, const QVector<double>& lastEval, std::optional<bool> completed) {
  if (const Status saved = session.save(m_folder.file(kWeights).toStdString(), m_folder.file(kState).toStdString(),
                                        m_family->id.toStdString());
      !saved.ok())
    return saved;
  if (const Status written = m_folder.writeText(kMetrics, m_metrics); !written.ok())
    return written;
  m_json[QStringLiteral("steps")] = qint64(session.stepsDone());
  m_json[QStringLiteral("epochs_done")] = qint64(session.epoch());
  m_json[QStringLiteral("wall_s")] = m_wallBefore + wallSeconds;
  if (lastEval.size() == m_family->heldOut.size()) {
    QJsonObject eval;
    for (int i = 0; i < lastEval.size(); ++i)
      eval.insert(m_family->heldOut[i].key, lastEval[i]);
    m_json[QStringLiteral("eval")] = eval;
  }
  if (const QJsonObject latent = session.latentJson(); !latent.isEmpty())
    m_json[QStringLiteral("latent")] = latent;
  if (completed)
    m_json[QStringLiteral("status")] = *completed ? QStringLiteral("completed") : QStringLiteral("stopped");
  if (const Status written = m_folder.writeRunJson(m_json); !written.ok())
    return written;
  m_savedStep = session.stepsDone();
  return {};
}

bool RunWriter::improves(const QVector<double>& lastEval) const {
  return m_family->keepsBest && !lastEval.isEmpty() && std::isfinite(lastEval.first()) && lastEval.first() < m_best;
}

Status RunWriter::keepBest(const ModelSession& session, const QVector<double>& lastEval) {
  const QString link = m_folder.file(QStringLiteral("best.safetensors.tmp-link"));
  const QString target = m_folder.file(QStringLiteral("best.safetensors"));
  QFile::remove(link);
  // weights.safetensors was just written (synced, renamed into place): a second name for the same
  // file costs nothing, and each save replaces weights.safetensors by a new file, so this one stays
  // as it is. POSIX rename then replaces the old best in one step. A copy where the file system has
  // no hard links.
  const QByteArray from = QFile::encodeName(m_folder.file(kWeights)), tmp = QFile::encodeName(link);
  const bool linked = ::link(from.constData(), tmp.constData()) == 0 || QFile::copy(m_folder.file(kWeights), link);
  if (!linked || std::rename(tmp.constData(), QFile::encodeName(target).constData()) != 0) {
    QFile::remove(link);
    return {QCoreApplication::translate("TrainingWorker", "could not keep the best weights in %1").arg(m_folder.path())};
  }
  m_best = lastEval.first();
  m_json[QStringLiteral("best")] = QJsonObject{{QStringLiteral("step"), qint64(session.stepsDone())},
                                               {QStringLiteral("epoch"), qint64(session.epoch())},
                                               {QStringLiteral("measure"), m_family->heldOut.first().key},
                                               {QStringLiteral("value"), m_best},
                                               {QStringLiteral("file"), QStringLiteral("best.safetensors")}};
  return m_folder.writeRunJson(m_json);
}

Status RunWriter::writeSamples(const QImage& samples, qint64 step) {
  QDir(m_folder.path()).mkpath(QStringLiteral("samples"));
  QByteArray png;
  QBuffer buffer(&png);
  buffer.open(QIODevice::WriteOnly);
  samples.save(&buffer, "PNG");  // a model without a picture leaves an empty file, as before
  return m_folder.writeText(QStringLiteral("samples/step-%1.png").arg(step, 6, 10, QLatin1Char('0')), png);
}

Status RunWriter::fillQuality(const QVector<double>& values) {
  m_metrics.chop(m_header.quality.size() + 1);
  for (double v : values)
    m_metrics += ',' + QByteArray::number(v, 'g', 8);
  m_metrics += '\n';
  return m_folder.writeText(kMetrics, m_metrics);
}

void RunWriter::markFailed(const QString& why) {
  QJsonObject json = m_json;
  json[QStringLiteral("status")] = QStringLiteral("failed");
  json[QStringLiteral("error")] = why;
  (void)m_folder.writeRunJson(json);  // best effort: the failure itself is reported either way
}
