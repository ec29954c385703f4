// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingcurves.h"

#include "chartexport.h"

#include <QCheckBox>
#include <QToolButton>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

TrainingCurves::TrainingCurves(QWidget* parent) : QWidget(parent) {
  // Redrawn up to 25 times a second while training runs on the same cores: kept cheap.
  m_plot = ChartExport::liveChart(this, QStringLiteral("lossPlot"));
  m_plot->xAxis->setLabel(tr("step"));
  m_plot->yAxis->setLabel(tr("loss per image (nats)"));

  m_eval = m_plot->addGraph();
  m_eval->setName(tr("held-out"));
  m_eval->setPen(QPen(Qt::black, 2.0));
  m_eval->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));

  m_logY = new QCheckBox(tr("Logarithmic axis"), this);
  m_logY->setObjectName(QStringLiteral("logYCheck"));
  connect(m_logY, &QCheckBox::toggled, this, [this](bool on) {
    for (QCPAxis* axis : {m_plot->yAxis, m_plot->yAxis2}) {
      axis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
      if (on)
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
      else
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    replotNow();
  });
  m_smoothingSlider = new QSlider(Qt::Horizontal, this);
  m_smoothingSlider->setObjectName(QStringLiteral("smoothingSlider"));
  m_smoothingSlider->setRange(0, 99);
  m_smoothingSlider->setValue(int(std::lround(m_smoothing * 100)));
  m_smoothingSlider->setMaximumWidth(200);
  m_smoothingSlider->setToolTip(tr("Exponential moving average of the per-step losses; the raw curves stay faded behind."));
  auto* smoothingLabel = new QLabel(tr("Smoothin&g:"), this);
  smoothingLabel->setBuddy(m_smoothingSlider);
  auto* smoothingValue = new QLabel(QString::number(m_smoothing, 'f', 2), this);
  connect(m_smoothingSlider, &QSlider::valueChanged, this, [this, smoothingValue](int v) {
    smoothingValue->setText(QString::number(v / 100.0, 'f', 2));
    setSmoothing(v / 100.0);
  });

  m_replotTimer = new QTimer(this);
  m_replotTimer->setSingleShot(true);
  m_replotTimer->setInterval(40);  // ≤ 25 redraws a second
  connect(m_replotTimer, &QTimer::timeout, this, &TrainingCurves::replotNow);

  QToolButton* exportButton = ChartExport::exportButton(this, m_plot, [this] { return curvesCsv(); }, QStringLiteral("curves"));
  exportButton->setObjectName(QStringLiteral("exportCurvesButton"));

  auto* controls = new QHBoxLayout;
  controls->addWidget(m_logY);
  controls->addSpacing(24);
  controls->addWidget(smoothingLabel);
  controls->addWidget(m_smoothingSlider);
  controls->addWidget(smoothingValue);
  controls->addStretch(1);
  controls->addWidget(exportButton);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot, 1);
  layout->addLayout(controls);
  setSeries({tr("total (−ELBO)"), tr("reconstruction"), tr("KL")});
}

void TrainingCurves::setSeries(const QStringList& names, const QString& axisLabel, bool heldOut) {
  m_plot->yAxis->setLabel(axisLabel.isEmpty() ? tr("loss per image (nats)") : axisLabel);
  if (heldOut)
    m_eval->addToLegend();
  else
    m_eval->removeFromLegend();
  static const QColor palette[] = {QColor(31, 119, 180), QColor(44, 160, 44),  QColor(214, 39, 40),
                                   QColor(148, 103, 189), QColor(255, 127, 14), QColor(23, 190, 207)};
  for (Series& s : m_series) {
    m_plot->removeGraph(s.raw);
    m_plot->removeGraph(s.smooth);
  }
  m_series.clear();
  m_plot->yAxis2->setVisible(false);
  for (int i = 0; i < names.size(); ++i) {
    const QColor color = palette[i % 6];
    QColor faded = color;
    faded.setAlpha(60);
    Series s;
    s.raw = m_plot->addGraph();
    s.raw->setPen(QPen(faded, 1.0));
    s.raw->setAdaptiveSampling(true);  // min/max bucketing: spikes stay visible, nothing is dropped
    s.raw->removeFromLegend();
    s.smooth = m_plot->addGraph();
    s.smooth->setName(names[i]);
    s.smooth->setPen(QPen(color, 2.0));
    s.smooth->setAdaptiveSampling(true);
    m_series.push_back(s);
  }
  clear();
}

void TrainingCurves::setRightAxis(const QList<int>& series, const QString& label) {
  bool any = false;
  for (int i : series) {
    if (i < 0 || size_t(i) >= m_series.size())
      continue;
    for (QCPGraph* g : {m_series[size_t(i)].raw, m_series[size_t(i)].smooth})
      g->setValueAxis(m_plot->yAxis2);
    m_series[size_t(i)].smooth->setName(tr("%1, right axis").arg(m_series[size_t(i)].smooth->name()));
    any = true;
  }
  m_plot->yAxis2->setVisible(any);
  m_plot->yAxis2->setTickLabels(any);
  m_plot->yAxis2->setLabel(label);
  replotNow();
}

void TrainingCurves::setLogScale(bool on) { m_logY->setChecked(on); }

QStringList TrainingCurves::seriesNames() const {
  QStringList names;
  for (const Series& s : m_series)
    names << s.smooth->name();
  return names;
}

void TrainingCurves::clear() {
  for (Series& s : m_series) {
    s.raw->data()->clear();
    s.smooth->data()->clear();
    s.ema = 0;
    s.count = 0;
  }
  m_eval->data()->clear();
  replotNow();
}

void TrainingCurves::append(Series& s, const QVector<double>& steps, const QVector<double>& values) {
  s.raw->addData(steps, values, true);
  QVector<double> smoothed(values.size());
  // Debiased EMA (as TensorBoard): the average of the first points is not pulled towards 0.
  for (int i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {  // a gap (a step without this number) stays a gap
      smoothed[i] = qQNaN();
      continue;
    }
    s.ema = m_smoothing * s.ema + (1 - m_smoothing) * values[i];
    ++s.count;
    const double debias = 1 - std::pow(m_smoothing, s.count);
    smoothed[i] = debias > 0 ? s.ema / debias : values[i];
  }
  s.smooth->addData(steps, smoothed, true);
}

void TrainingCurves::addSteps(const QVector<double>& steps, const QVector<QVector<double>>& values) {
  for (size_t i = 0; i < m_series.size() && i < size_t(values.size()); ++i)
    append(m_series[i], steps, values[int(i)]);
  scheduleReplot();
}

void TrainingCurves::addEvaluation(double step, double value) {
  m_eval->addData(step, value);
  scheduleReplot();
}

void TrainingCurves::setSmoothing(double smoothing) {
  m_smoothing = std::clamp(smoothing, 0.0, 0.99);
  recomputeSmoothing();
  scheduleReplot();
}

void TrainingCurves::recomputeSmoothing() {
  for (Series& s : m_series) {
    QVector<double> steps, values;
    for (auto it = s.raw->data()->constBegin(); it != s.raw->data()->constEnd(); ++it) {
      steps.append(it->key);
      values.append(it->value);
    }
    s.raw->data()->clear();
    s.smooth->data()->clear();
    s.ema = 0;
    s.count = 0;
    append(s, steps, values);
  }
}

QString TrainingCurves::curvesCsv() const {
  QString text = QStringLiteral("curve,step,value\n");
  const auto add = [&text](const QString& name, const QCPGraph* graph) {
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    quoted = QLatin1Char('"') + quoted + QLatin1Char('"');
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
      text += quoted + QLatin1Char(',') + QString::number(it->key, 'g', 17) + QLatin1Char(',') +
              QString::number(it->value, 'g', 17) + QLatin1Char('\n');
  };
  for (const Series& s : m_series)
    add(s.smooth->name(), s.raw);
  add(m_eval->name(), m_eval);
  return text;
}

Status TrainingCurves::saveChart(const QString& path) const { return ChartExport::saveChart(m_plot, path); }

int TrainingCurves::pointCount() const { return m_series.empty() ? 0 : m_series.front().raw->dataCount(); }

void TrainingCurves::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (m_dirty)
    replotNow();
}

void TrainingCurves::scheduleReplot() {
  m_dirty = true;
  if (!isVisible())
    return;  // drawn when the page is shown again; no work for a hidden chart
  if (!m_replotTimer->isActive())
    m_replotTimer->start();
}

namespace {

/// Every point of the graphs drawn against `axis` in view, with a margin; a constant (a learning
/// rate that never changes) in the middle rather than on an edge.
void fitValueAxis(QCustomPlot* plot, QCPAxis* axis) {
  const bool log = axis->scaleType() == QCPAxis::stLogarithmic;
  bool found = false;
  QCPRange span;
  for (int i = 0; i < plot->graphCount(); ++i) {
    QCPGraph* g = plot->graph(i);
    if (g->valueAxis() != axis || g->dataCount() == 0)
      continue;
    bool ok = false;
    const QCPRange r = g->getValueRange(ok, log ? QCP::sdPositive : QCP::sdBoth);
    if (!ok)
      continue;
    span = found ? QCPRange(std::min(span.lower, r.lower), std::max(span.upper, r.upper)) : r;
    found = true;
  }
  if (!found)
    return;
  if (log) {
    // A quarter of a decade around the data, at least one decade in all.
    double lower = span.lower / 1.8, upper = span.upper * 1.8;
    if (upper / lower < 10) {
      const double middle = std::sqrt(lower * upper);
      lower = middle / std::sqrt(10.0);
      upper = middle * std::sqrt(10.0);
    }
    axis->setRange(lower, upper);
    return;
  }
  if (span.size() <= 0) {
    const double half = std::max(std::abs(span.upper), 1e-12) / 2;
    axis->setRange(span.lower - half, span.upper + half);
    return;
  }
  // Losses are ≥ 0 nearly always: a baseline at 0 when it is near, as the eye expects.
  const double lower = span.lower >= 0 && span.lower < span.size() ? 0.0 : span.lower - 0.05 * span.size();
  axis->setRange(lower, span.upper + 0.05 * span.size());
}

}  // namespace

void TrainingCurves::replotNow() {
  // Every point in view, the first losses (the highest) included; the logarithmic axis is there
  // for a long tail.
  m_plot->xAxis->rescale();
  fitValueAxis(m_plot, m_plot->yAxis);
  if (m_plot->yAxis2->visible())
    fitValueAxis(m_plot, m_plot->yAxis2);
  m_plot->replot(QCustomPlot::rpQueuedReplot);
  m_dirty = false;
  ++m_replots;
}
