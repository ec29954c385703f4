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
  m_plot->yAxis->setLabel(tr("β_t and ᾱ_t"));
  m_plot->yAxis2->setVisible(true);
  m_plot->yAxis2->setLabel(tr("SNR(t) = ᾱ/(1−ᾱ)"));
  m_plot->yAxis2->setScaleType(QCPAxis::stLogarithmic);
  m_plot->yAxis2->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
  m_beta = m_plot->addGraph();
  m_beta->setName(tr("β_t (noise added at step t)"));
  m_beta->setPen(QPen(QColor(214, 39, 40), 2));
  m_alphaBar = m_plot->addGraph();
  m_alphaBar->setName(tr("ᾱ_t (signal kept: x_t = √ᾱ·x0 + √(1−ᾱ)·ε)"));
  m_alphaBar->setPen(QPen(QColor(31, 119, 180), 2));
  m_snr = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
  m_snr->setName(tr("SNR(t), right axis"));
  m_snr->setPen(QPen(QColor(44, 160, 44), 2, Qt::DashLine));
  // The cursor has a buffered layer of its own: moving it replots that layer, not the curves.
  m_plot->addLayer(QStringLiteral("cursor"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
  m_plot->layer(QStringLiteral("cursor"))->setMode(QCPLayer::lmBuffered);
  m_cursor = new QCPItemStraightLine(m_plot);
  m_cursor->setLayer(QStringLiteral("cursor"));
  m_cursor->setPen(QPen(Qt::black, 1, Qt::DotLine));
  m_plot->legend->setVisible(true);
  m_plot->legend->setFont(font());
  m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  m_log = new QCheckBox(tr("Logarithmic β/ᾱ axis"), this);
  m_log->setObjectName(QStringLiteral("scheduleLogCheck"));
  connect(m_log, &QCheckBox::toggled, this, [this](bool on) {
    m_plot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on) {
      m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
      m_plot->yAxis->setRange(1e-5, 1.2);
    } else {
      m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
      m_plot->yAxis->setRange(0, 1.02);
    }
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
  double snrMin = 1e300, snrMax = 0;
  for (int i = 0; i < T; ++i) {
    t[i] = i + 1;
    b[i] = betas[size_t(i)];
    a[i] = alphasCumprod[size_t(i)];
    s[i] = a[i] / std::max(1e-300, 1 - a[i]);
    if (s[i] > 0) {
      snrMin = std::min(snrMin, s[i]);
      snrMax = std::max(snrMax, s[i]);
    }
  }
  m_beta->setData(t, b, true);
  m_alphaBar->setData(t, a, true);
  m_snr->setData(t, s, true);
  m_plot->xAxis->setRange(0, T + 1);
  if (m_log->isChecked())
    m_plot->yAxis->setRange(std::max(1e-6, *std::min_element(b.begin(), b.end()) / 2), 1.2);
  else
    m_plot->yAxis->setRange(0, 1.02);
  m_plot->yAxis2->setRange(std::max(snrMin / 2, 1e-12), snrMax * 2);
  m_plot->replot();
}

void ScheduleChart::setCursor(int t) {
  m_cursor->point1->setCoords(t, 0);
  m_cursor->point2->setCoords(t, 1);
  m_cursor->layer()->replot();
}

int ScheduleChart::points() const { return m_beta->dataCount(); }
