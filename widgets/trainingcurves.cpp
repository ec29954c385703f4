// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingcurves.h"

#include <QCheckBox>
#include <QTimer>
#include <QVBoxLayout>
#include <qcustomplot.h>

TrainingCurves::TrainingCurves(QWidget* parent) : QWidget(parent) {
  m_plot = new QCustomPlot(this);
  m_plot->setObjectName(QStringLiteral("lossPlot"));
  m_plot->setMinimumHeight(220);
  m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  // Redrawn up to 25 times a second while training runs on the same cores: keep it cheap.
  // Antialiased lines of thousands of points cost ~25 ms a redraw in software; plain ones a few.
  m_plot->setNotAntialiasedElements(QCP::aePlottables);
  m_plot->setPlottingHint(QCP::phFastPolylines, true);
  m_plot->xAxis->setLabel(tr("step"));
  m_plot->yAxis->setLabel(tr("loss per image (nats)"));
  m_plot->legend->setVisible(true);
  m_plot->legend->setFont(font());
  m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

  auto addGraph = [this](const QString& name, QColor color, double width) {
    QCPGraph* g = m_plot->addGraph();
    g->setName(name);
    g->setPen(QPen(color, width));
    g->setAdaptiveSampling(true);  // min/max bucketing: spikes stay visible, nothing is dropped
    return g;
  };
  m_total = addGraph(tr("total (−ELBO)"), QColor(31, 119, 180), 1.5);
  m_recon = addGraph(tr("reconstruction"), QColor(44, 160, 44), 1.0);
  m_kl = addGraph(tr("KL"), QColor(214, 39, 40), 1.0);
  m_eval = addGraph(tr("held-out −ELBO"), QColor(0, 0, 0), 2.0);
  m_eval->setLineStyle(QCPGraph::lsLine);
  m_eval->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));

  m_logY = new QCheckBox(tr("Logarithmic loss axis"), this);
  m_logY->setObjectName(QStringLiteral("logYCheck"));
  connect(m_logY, &QCheckBox::toggled, this, [this](bool on) {
    m_plot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on)
      m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
      m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    replotNow();
  });

  m_replotTimer = new QTimer(this);
  m_replotTimer->setSingleShot(true);
  m_replotTimer->setInterval(40);  // ≤ 25 redraws a second
  connect(m_replotTimer, &QTimer::timeout, this, &TrainingCurves::replotNow);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot, 1);
  layout->addWidget(m_logY);
}

void TrainingCurves::clear() {
  for (QCPGraph* g : {m_total, m_recon, m_kl, m_eval})
    g->data()->clear();
  replotNow();
}

void TrainingCurves::addSteps(const QVector<double>& steps, const QVector<double>& total,
                              const QVector<double>& recon, const QVector<double>& kl) {
  m_total->addData(steps, total, true);
  m_recon->addData(steps, recon, true);
  m_kl->addData(steps, kl, true);
  scheduleReplot();
}

void TrainingCurves::addEvaluation(double step, double total) {
  m_eval->addData(step, total);
  scheduleReplot();
}

int TrainingCurves::pointCount() const { return m_total->dataCount(); }

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

void TrainingCurves::replotNow() {
  m_plot->rescaleAxes();
  // The first steps of a VAE start near 550 nats and fall to ~150: keep the interesting part.
  bool found = false;
  const QCPRange kl = m_kl->getValueRange(found);
  const QCPRange tot = m_total->getValueRange(found);
  if (found && m_plot->yAxis->scaleType() == QCPAxis::stLinear)
    m_plot->yAxis->setRange(std::min(0.0, kl.lower), std::min(tot.upper, 2.5 * std::max(1.0, m_total->data()->isEmpty() ? 1.0 : (m_total->data()->constEnd() - 1)->value)) * 1.05);
  m_plot->replot(QCustomPlot::rpQueuedReplot);
  m_dirty = false;
  ++m_replots;
}
