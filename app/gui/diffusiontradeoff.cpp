// SPDX-License-Identifier: GPL-3.0-or-later
// DiffusionPage's "Guidance trade-off" tab: a TradeoffPanel fed by a GuidanceSweep.
#include "diffusionpage.h"

#include "guidancesweep.h"
#include "tradeoffpanel.h"

#include <QTabWidget>

void DiffusionPage::buildTradeoff() {
  m_tradeoff = new TradeoffPanel(this);
  m_tradeoff->setObjectName(QStringLiteral("tradeoffPanel"));
  m_sweep = new GuidanceSweep(this);
  m_tabs->addTab(m_tradeoff, tr("Guidance trade-off"));
  connect(m_tradeoff, &TradeoffPanel::measureRequested, this, [this](const QList<double>& scales, int count, int steps) {
    GuidanceSweepRequest r;
    r.runFolder = m_run;
    r.scales = scales;
    r.count = count;
    r.steps = steps;
    if (const Status started = m_sweep->start(r); !started.ok()) {
      m_tradeoff->setMessage(started.error);
      return;
    }
    m_tradeoff->clear();
    m_tradeoff->setRunning(true);
  });
  connect(m_tradeoff, &TradeoffPanel::stopRequested, m_sweep, &GuidanceSweep::cancel);
  connect(m_sweep, &GuidanceSweep::progress, m_tradeoff, &TradeoffPanel::setProgress);
  connect(m_sweep, &GuidanceSweep::measured, m_tradeoff, [this](const QualityReport& q) {
    m_tradeoff->addResult(q.guidance, q.confident, q.classEntropyBits, q.frechet, q.askedAccuracy, q.count);
  });
  connect(m_sweep, &GuidanceSweep::finished, m_tradeoff, [this](bool completed) {
    m_sweep->wait();
    m_tradeoff->setRunning(false);
    m_tradeoff->setProgress(1, completed ? tr("Measured: each w is a point on the chart, its numbers beside it.")
                                         : tr("Stopped: the scales measured so far are shown."));
  });
  connect(m_sweep, &GuidanceSweep::failed, m_tradeoff, [this](const QString& message) {
    m_sweep->wait();
    m_tradeoff->setRunning(false);
    m_tradeoff->setMessage(message);
  });
}

void DiffusionPage::resetTradeoff() {
  m_sweep->cancel();
  m_sweep->wait();
  m_tradeoff->setRunning(false);
  m_tradeoff->clear();
  if (m_runMakesPoints)  // the judge that scores the trade-off knows images
    m_tradeoff->setAvailable(false, tr("The trade-off is scored by a judge of images; this toy model draws points "
                                       "(try its classes and w on the Reverse tab)."));
  else if (m_classes > 0)
    m_tradeoff->setAvailable(true);
  else
    m_tradeoff->setAvailable(false, tr("This DDPM was trained without the class (--no-by-class)."));
}
