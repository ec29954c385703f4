// SPDX-License-Identifier: GPL-3.0-or-later
#include "schedulechart.h"

#include <QCheckBox>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

ScheduleChart::ScheduleChart(QWidget* parent) : QWidget(parent) {
  m_plot = new QCustomPlot(this);
  m_plot->setObjectName(QStringLiteral("scheduleChart"));
  m_plot->xAxis->setLabel(tr("t"));
  m_plot->yAxis->setLabel(tr("ᾱ_t"));
  // β_t is small (≤ 0.02 for the linear schedule): it gets an axis of its own, so its shape shows.
  m_betaAxis = m_plot->axisRect()->addAxis(QCPAxis::atRight);
  m_betaAxis->setLabel(tr("β_t"));
  m_betaAxis->setTickLabelColor(QColor(214, 39, 40));
  m_betaAxis->setLabelColor(QColor(214, 39, 40));
  m_plot->yAxis2->setVisible(true);
  m_plot->yAxis2->setLabel(tr("SNR(t) = ᾱ/(1−ᾱ)"));
  m_plot->yAxis2->setScaleType(QCPAxis::stLogarithmic);
  m_plot->yAxis2->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
  m_beta = m_plot->addGraph(m_plot->xAxis, m_betaAxis);
  m_beta->setName(tr("β_t (noise added at step t; red axis, far right)"));
  m_beta->setPen(QPen(QColor(214, 39, 40), 2));
  m_alphaBar = m_plot->addGraph();
  m_alphaBar->setName(tr("ᾱ_t (signal kept: x_t = √ᾱ·x0 + √(1−ᾱ)·ε)"));
  m_alphaBar->setPen(QPen(QColor(31, 119, 180), 2));
  m_snr = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
  m_snr->setName(tr("SNR(t) (logarithmic axis, right)"));
  m_snr->setPen(QPen(QColor(44, 160, 44), 2, Qt::DashLine));
  // The cursor has a buffered layer of its own: moving it replots that layer, not the curves.
  m_plot->addLayer(QStringLiteral("cursor"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
  m_plot->layer(QStringLiteral("cursor"))->setMode(QCPLayer::lmBuffered);
  m_cursor = new QCPItemStraightLine(m_plot);
  m_cursor->setLayer(QStringLiteral("cursor"));
  m_cursor->setPen(QPen(Qt::black, 1, Qt::DotLine));
  // The legend goes in a row under the chart: inside, it would cover one of the three curves.
  m_plot->legend->setVisible(true);
  m_plot->legend->setFont(font());
  m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
  m_plot->legend->setBorderPen(Qt::NoPen);
  m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
  m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
  m_log = new QCheckBox(tr("Logarithmic β and ᾱ axes"), this);
  m_log->setObjectName(QStringLiteral("scheduleLogCheck"));
  connect(m_log, &QCheckBox::toggled, this, [this](bool on) {
    for (QCPAxis* axis : {m_plot->yAxis, m_betaAxis}) {
      axis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
      if (on)
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
      else
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    rescale();
    m_plot->replot();
  });
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot, 1);
  layout->addWidget(m_log);
  m_plot->setMinimumHeight(220);
}

void ScheduleChart::setSchedule(const std::vector<double>& betas, const std::vector<double>& alphasCumprod) {
  const int T = int(betas.size());
  QVector<double> t(T), b(T), a(T), s(T);
  for (int i = 0; i < T; ++i) {
    t[i] = i + 1;
    b[i] = betas[size_t(i)];
    a[i] = alphasCumprod[size_t(i)];
    s[i] = a[i] / std::max(1e-300, 1 - a[i]);
  }
  m_beta->setData(t, b, true);
  m_alphaBar->setData(t, a, true);
  m_snr->setData(t, s, true);
  m_plot->xAxis->setRange(0, T + 1);
  rescale();
  m_plot->replot();
}

void ScheduleChart::rescale() {
  auto positiveRange = [](QCPGraph* g) {
    double low = 1e300, high = 0;
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
      if (it->value > 0) {
        low = std::min(low, it->value);
        high = std::max(high, it->value);
      }
    return std::make_pair(high > 0 ? low : 1e-6, high > 0 ? high : 1.0);
  };
  const bool log = m_log->isChecked();
  const auto [aLow, aHigh] = positiveRange(m_alphaBar);
  const auto [bLow, bHigh] = positiveRange(m_beta);
  const auto [sLow, sHigh] = positiveRange(m_snr);
  m_plot->yAxis->setRange(log ? std::max(aLow / 2, 1e-12) : 0, log ? 2 : 1.02);
  m_betaAxis->setRange(log ? bLow / 2 : 0, log ? bHigh * 2 : bHigh * 1.05);
  m_plot->yAxis2->setRange(std::max(sLow / 2, 1e-12), sHigh * 2);
}

void ScheduleChart::setCursor(int t) {
  m_cursor->point1->setCoords(t, 0);
  m_cursor->point2->setCoords(t, 1);
  m_cursor->layer()->replot();
}

int ScheduleChart::points() const { return m_beta->dataCount(); }
