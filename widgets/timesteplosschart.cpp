// SPDX-License-Identifier: GPL-3.0-or-later
#include "timesteplosschart.h"

#include "chartexport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

TimestepLossChart::TimestepLossChart(QWidget* parent) : QWidget(parent) {
  m_plot = ChartExport::liveChart(this, QStringLiteral("timestepPlot"));
  m_plot->xAxis->setLabel(tr("timestep t (0: nearly clean, T: pure noise)"));
  m_plot->yAxis->setLabel(tr("held-out noise-prediction error (log)"));
  m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
  m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
  m_redrawTimer = new QTimer(this);
  m_redrawTimer->setSingleShot(true);
  m_redrawTimer->setInterval(0);
  connect(m_redrawTimer, &QTimer::timeout, this, &TimestepLossChart::redraw);
  m_note = new QLabel(this);
  m_note->setObjectName(QStringLiteral("timestepNote"));
  m_note->setWordWrap(true);
  QToolButton* exportButton = ChartExport::exportButton(this, m_plot, [this] { return csv(); }, QStringLiteral("loss-by-timestep"));
  exportButton->setObjectName(QStringLiteral("exportTimestepButton"));
  auto* controls = new QHBoxLayout;
  controls->addWidget(m_note, 1);
  controls->addWidget(exportButton);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot, 1);
  layout->addLayout(controls);
  clear();
}

void TimestepLossChart::setTimesteps(int timesteps) {
  m_timesteps = std::max(1, timesteps);
  clear();
}

void TimestepLossChart::clear() {
  m_epochs.clear();
  m_values.clear();
  m_redrawTimer->stop();
  redraw();
}

void TimestepLossChart::addEpoch(int epoch, const QVector<double>& byBucket) {
  if (byBucket.isEmpty())
    return;
  m_epochs << epoch;
  m_values << byBucket;
  m_redrawTimer->start();  // a followed run brings hundreds at once: drawn once
}

int TimestepLossChart::firstOf(int bucket, int buckets) const {
  // The model puts t in bucket ⌊t·B/T⌋: bucket b starts at ⌈b·T/B⌉.
  return int((qint64(bucket) * m_timesteps + buckets - 1) / buckets);
}

void TimestepLossChart::redraw() {
  m_plot->clearGraphs();
  const int n = int(m_epochs.size());
  // At most kCurves curves: evenly spaced epochs from the first to the latest.
  QVector<int> shown;
  for (int k = 0; k < std::min(n, kCurves); ++k)
    shown << (n <= kCurves ? k : int(std::lround(double(k) * (n - 1) / (kCurves - 1))));
  for (int e : shown) {
    const QVector<double>& v = m_values[e];
    const int buckets = int(v.size());
    QVector<double> t, loss;
    for (int b = 0; b < buckets; ++b) {
      t << (firstOf(b, buckets) + firstOf(b + 1, buckets) - 1) / 2.0;  // the middle of the bucket
      loss << (std::isfinite(v[b]) && v[b] > 0 ? v[b] : qQNaN());
    }
    QCPGraph* g = m_plot->addGraph();
    g->setData(t, loss, true);
    // Early epochs pale, the latest dark: light grey-blue to deep blue.
    const double age = n > 1 ? double(e) / (n - 1) : 1.0;
    const bool latest = e == n - 1;
    QColor c = QColor::fromRgbF(0.75 - 0.65 * age, 0.82 - 0.55 * age, 0.95 - 0.25 * age);
    g->setPen(QPen(c, latest ? 2.5 : 1.2));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, latest ? 6 : 3));
    g->setName(tr("after epoch %1").arg(m_epochs[e]));
    if (!(latest || e == 0))
      g->removeFromLegend();  // the first and the latest name the range
  }
  m_plot->xAxis->setRange(0, m_timesteps);
  m_plot->yAxis->rescale();
  if (n > 0) {
    const auto r = m_plot->yAxis->range();
    m_plot->yAxis->setRange(r.lower / 1.3, r.upper * 1.3);
  }
  m_note->setText(n == 0 ? tr("The held-out loss per tenth of the timesteps appears after the first epoch.")
                         : tr("%1 buckets of about %2 timesteps each; %n epoch(s), pale to dark.", nullptr, n)
                               .arg(m_values.last().size())
                               .arg(m_timesteps / std::max<qsizetype>(1, m_values.last().size())) +
                               (n > kCurves ? QLatin1Char(' ') + tr("%1 of them drawn, evenly spaced.").arg(kCurves) : QString()));
  ChartExport::replotIfShown(m_plot);
}

QString TimestepLossChart::csv() const {
  QString text = QStringLiteral("epoch,t_from,t_to,loss\n");
  for (int e = 0; e < m_epochs.size(); ++e) {
    const int buckets = int(m_values[e].size());
    for (int b = 0; b < buckets; ++b)
      text += QString::number(m_epochs[e]) + QLatin1Char(',') + QString::number(firstOf(b, buckets)) + QLatin1Char(',') +
              QString::number(firstOf(b + 1, buckets) - 1) + QLatin1Char(',') + QString::number(m_values[e][b], 'g', 17) +
              QLatin1Char('\n');
  }
  return text;
}

void TimestepLossChart::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  redraw();
}
