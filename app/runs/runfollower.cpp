// SPDX-License-Identifier: GPL-3.0-or-later
#include "runfollower.h"

#include "registry.h"
#include "runfolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QRegularExpression>
#include <QTimer>

Result<RunMetrics> RunMetrics::read(const QString& path, qint64 from) {
  Result<RunMetrics> out;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    out.error = QCoreApplication::translate("RunFollower", "%1: %2").arg(path, file.errorString());
    return out;
  }
  out.value.header = file.readLine();
  const QList<QByteArray> header = out.value.header.trimmed().split(',');
  if (header.size() < 3 || header[0] != "step" || header[1] != "epoch" || header[2] != "wall_s") {
    out.error = QCoreApplication::translate("RunFollower", "%1: not a GenLab metrics file (its first line is not "
                                                           "\"step,epoch,wall_s,…\")")
                    .arg(path);
    return out;
  }
  RunMetrics& m = out.value;
  QStringList keys;
  for (int i = 3; i < header.size(); ++i)
    keys << QString::fromUtf8(header[i]);
  m.columns = MetricsColumns::of(keys);
  // Where each column goes: the row's vector and the index in it.
  enum Group { Loss, HeldOut, Optimizer, ByTimestep, Quality };
  struct Place {
    Group group;
    int index;
  };
  QVector<Place> places;
  for (const QString& key : keys) {
    if (const auto i = m.columns.optimizer.indexOf(key); i >= 0)
      places << Place{Optimizer, int(i)};
    else if (const auto j = m.columns.byTimestep.indexOf(key); j >= 0)
      places << Place{ByTimestep, int(j)};
    else if (const auto k = m.columns.quality.indexOf(key); k >= 0)
      places << Place{Quality, int(k)};
    else if (key.startsWith(QLatin1String("eval_")))
      places << Place{HeldOut, int(m.columns.heldOut.indexOf(key.mid(5)))};
    else
      places << Place{Loss, int(m.columns.losses.indexOf(key))};
  }
  const int columns = int(header.size());
  int line = 1;
  m.end = file.pos();
  if (from > m.end && from <= file.size())
    m.end = from, file.seek(from);  // the lines before were read last time
  while (!file.atEnd()) {
    const qint64 start = file.pos();
    const QByteArray text = file.readLine();
    ++line;
    if (!text.endsWith('\n'))
      break;  // a line still being written (a file appended to by another writer): next time
    m.lastLineStart = start;
    m.end = file.pos();
    const QList<QByteArray> fields = text.trimmed().split(',');
    if (fields.size() != columns) {
      out.error = QCoreApplication::translate("RunFollower", "%1, line %2: %3 fields, the header has %4")
                      .arg(path).arg(line).arg(fields.size()).arg(columns);
      return out;
    }
    MetricsRow row;
    bool ok = true, all = true;
    row.step = fields[0].toLongLong(&ok);
    all = all && ok;
    row.epoch = fields[1].toInt(&ok);
    all = all && ok;
    row.wallSeconds = fields[2].toDouble(&ok);  // QByteArray::toDouble: C locale, a dot everywhere
    all = all && ok;
    row.losses.resize(m.columns.losses.size());
    row.optimizer.fill(qQNaN(), m.columns.optimizer.size());  // a run from before these columns: empty cells
    // The columns of an epoch's end are there when their first cell is.
    const auto filled = [&](Group g) {
      for (int i = 0; i < places.size(); ++i)
        if (places[i].group == g)
          return !fields[3 + i].isEmpty();
      return false;
    };
    if (filled(HeldOut))
      row.heldOut.resize(m.columns.heldOut.size());
    if (filled(ByTimestep))
      row.byTimestep.resize(m.columns.byTimestep.size());
    if (filled(Quality))
      row.quality.resize(m.columns.quality.size());
    for (int i = 0; i < places.size(); ++i) {
      const QByteArray& f = fields[3 + i];
      QVector<double>* to = places[i].group == Loss        ? &row.losses
                            : places[i].group == HeldOut    ? &row.heldOut
                            : places[i].group == Optimizer  ? &row.optimizer
                            : places[i].group == ByTimestep ? &row.byTimestep
                                                            : &row.quality;
      if (to->isEmpty() || (places[i].group == Optimizer && f.isEmpty()))
        continue;
      (*to)[places[i].index] = f.toDouble(&ok);
      all = all && ok;
    }
    if (!all) {
      out.error = QCoreApplication::translate("RunFollower", "%1, line %2: a number cannot be read").arg(path).arg(line);
      return out;
    }
    m.rows << row;
  }
  return out;
}

Result<MetricsColumns> RunMetrics::readColumns(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return {{}, QCoreApplication::translate("RunFollower", "%1: %2").arg(path, file.errorString())};
  QStringList keys = QString::fromUtf8(file.readLine().trimmed()).split(QLatin1Char(','));
  if (keys.size() < 3 || keys[0] != QLatin1String("step"))
    return {{}, QCoreApplication::translate("RunFollower", "%1: not a GenLab metrics file").arg(path)};
  return {MetricsColumns::of(keys.mid(3)), {}};
}

MetricsColumns MetricsColumns::of(const QStringList& keys) {
  MetricsColumns c;
  static const QRegularExpression optimizer(QStringLiteral("^(grad_norm|lr)(_[A-Za-z0-9_]+)?$")),
      bucket(QStringLiteral("^eval_loss_t\\d+$"));
  for (const QString& key : keys) {
    if (optimizer.match(key).hasMatch())
      c.optimizer << key;
    else if (bucket.match(key).hasMatch())
      c.byTimestep << key;
    else if (key.startsWith(QLatin1String("quality_")))
      c.quality << key;
    else if (key.startsWith(QLatin1String("eval_")))
      c.heldOut << key.mid(5);
    else
      c.losses << key;
  }
  return c;
}

QString MetricsColumns::optimizerLabel(const QString& key) {
  const bool norm = key.startsWith(QLatin1String("grad_norm"));
  const QString what = key.mid(norm ? 9 : 2).remove(0, 1);  // "", "generator", "discriminator"
  // The optimizers GenLab's models have, in the user's words.
  const QString whose = what == QLatin1String("generator")       ? QCoreApplication::translate("RunFollower", "generator")
                        : what == QLatin1String("discriminator") ? QCoreApplication::translate("RunFollower", "discriminator")
                                                                 : what;
  if (whose.isEmpty())
    return norm ? QCoreApplication::translate("RunFollower", "gradient norm") : QCoreApplication::translate("RunFollower", "learning rate");
  return norm ? QCoreApplication::translate("RunFollower", "gradient norm (%1)").arg(whose)
              : QCoreApplication::translate("RunFollower", "learning rate (%1)").arg(whose);
}

RunFollower::RunFollower(QObject* parent) : QObject(parent) {
  m_timer = new QTimer(this);
  m_timer->setInterval(250);
  connect(m_timer, &QTimer::timeout, this, &RunFollower::poll);
}

void RunFollower::setInterval(int ms) { m_timer->setInterval(ms); }

void RunFollower::follow(const QString& folder) {
  m_folder = folder;
  m_metricsTime = {};
  m_metricsSize = -1;
  m_metricsEnd = 0;
  m_lastLineStart = 0;
  m_lastRow = {};
  m_header.clear();
  m_lastStep = 0;
  m_stepsPerEpoch = 0;
  m_columns = {};
  m_columnsKnown = false;
  m_model = {};
  m_dataset = {};
  m_training = {};
  m_options = {};
  m_samplesSeen.clear();
  m_status.clear();
  m_problem.clear();
  if (folder.isEmpty()) {
    m_timer->stop();
    return;
  }
  m_timer->start();
  poll();
}

void RunFollower::poll() {
  if (m_folder.isEmpty())
    return;
  const RunFolder run(m_folder);
  // metrics.csv: read again only when it changed (GenLab rewrites it whole at every save).
  const QFileInfo info(run.file(QStringLiteral("metrics.csv")));
  constexpr qint64 kMostBytes = qint64(1) << 30;  // as RunFolder reads files: no more than 1 GiB
  if (info.isFile() && info.size() > kMostBytes && m_problem.isEmpty()) {
    m_problem = QCoreApplication::translate("RunFollower", "%1 is larger than 1 GiB: not followed").arg(info.filePath());
    Q_EMIT problem(m_problem);
  } else if (info.isFile() && info.size() <= kMostBytes &&
             (info.lastModified() != m_metricsTime || info.size() != m_metricsSize)) {
    // A run's file grows by lines, and its last line may gain the epoch's sample quality once
    // scored: read on from where the last line reported starts. Anything else (it shrank, other
    // columns, a first line that is not the last one reported: another run in the folder) is
    // read from the top and shown afresh.
    const qint64 from = m_lastStep > 0 && info.size() >= m_metricsEnd ? m_lastLineStart : 0;
    auto metrics = RunMetrics::read(info.filePath(), from);
    bool afresh = from == 0;
    if (from > 0 && (!metrics.ok() || metrics.value.header != m_header || metrics.value.rows.isEmpty() ||
                     metrics.value.rows.first().step != m_lastStep)) {
      metrics = RunMetrics::read(info.filePath());  // errors then name the right line
      afresh = true;
    }
    if (!metrics.ok()) {
      if (metrics.error != m_problem)
        Q_EMIT problem(metrics.error);
      m_problem = metrics.error;
    } else {
      m_problem.clear();
      m_metricsTime = info.lastModified();
      m_metricsSize = info.size();
      m_metricsEnd = metrics.value.end;
      m_lastLineStart = metrics.value.lastLineStart;
      m_header = metrics.value.header;
      const bool restarted = afresh && m_lastStep > 0;
      if (!m_columnsKnown || !(metrics.value.columns == m_columns) || restarted) {
        m_columnsKnown = true;
        m_columns = metrics.value.columns;
        m_lastStep = 0;
        m_samplesSeen.clear();  // another run: its grids have the same names
        m_stepsPerEpoch = 0;
        // The family's words for its columns, when run.json names a family this version knows.
        const QJsonObject json = run.readRunJson().value;
        const ModelFamily* family =
            Registry::find(json.value(QStringLiteral("model")).toObject().value(QStringLiteral("kind")).toString());
        m_model = json.value(QStringLiteral("model")).toObject();
        m_dataset = json.value(QStringLiteral("dataset")).toObject();
        m_training = json.value(QStringLiteral("training")).toObject();
        m_options = family ? OptionValues::ofRun(family->options, json).value : OptionValues();
        m_lossLabels = m_columns.losses;
        m_heldOutLabels = m_columns.heldOut;
        m_axisLabel.clear();
        if (family) {
          for (const LossColumn& c : family->losses)
            if (const auto i = m_lossLabels.indexOf(c.key); i >= 0)
              m_lossLabels[i] = c.displayLabel();
          for (const LossColumn& c : family->heldOut)
            if (const auto i = m_heldOutLabels.indexOf(c.key); i >= 0)
              m_heldOutLabels[i] = c.displayLabel();
          m_axisLabel = family->displayLossAxis();
        }
        Q_EMIT columnsChanged();
      }
      QVector<MetricsRow> fresh;
      for (const MetricsRow& row : metrics.value.rows) {
        if (row.step == m_lastStep && m_lastStep > 0 && row.quality != m_lastRow.quality) {
          m_lastRow = row;
          Q_EMIT rowCompleted(row);  // the epoch's samples were scored after the row was written
        }
        if (row.step <= m_lastStep)
          continue;
        if (m_stepsPerEpoch == 0 && row.epoch == 1)
          m_stepsPerEpoch = row.step;
        fresh << row;
      }
      if (!fresh.isEmpty()) {
        m_lastStep = fresh.last().step;
        m_lastRow = fresh.last();
        Q_EMIT rowsAdded(fresh);
      }
    }
  }
  // samples/step-N.png: each new one once, in step order.
  const QDir samples(m_followSamples ? run.file(QStringLiteral("samples")) : QString());
  const QRegularExpression name(QStringLiteral("^step-(\\d+)\\.png$"));
  const QStringList grids =
      m_followSamples ? samples.entryList({QStringLiteral("step-*.png")}, QDir::Files, QDir::Name) : QStringList();
  for (const QString& file : grids) {
    if (m_samplesSeen.contains(file))
      continue;
    const auto match = name.match(file);
    if (!match.hasMatch())
      continue;
    const QImage image = QImageReader(samples.filePath(file)).read();
    if (image.isNull())
      continue;  // still being written: next time
    m_samplesSeen.insert(file);
    Q_EMIT samplesAdded(image, match.captured(1).toLongLong());
  }
  const QString status =
      run.readRunJson().value.value(QStringLiteral("status")).toString();
  if (status != m_status) {
    m_status = status;
    Q_EMIT statusChanged(status);
  }
}
