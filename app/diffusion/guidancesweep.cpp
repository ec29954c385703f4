// SPDX-License-Identifier: GPL-3.0-or-later
#include "guidancesweep.h"

#include "samplernames.h"

#include <QThread>
#include <algorithm>
#include <exception>

GuidanceSweep::GuidanceSweep(QObject* parent)
    : QObject(parent),
      m_cancel(std::make_shared<std::atomic<bool>>(false)),
      m_busy(std::make_shared<std::atomic<bool>>(false)) {
  qRegisterMetaType<QualityReport>();
}

GuidanceSweep::~GuidanceSweep() {
  cancel();
  wait();
  delete m_thread;  // made by QThread::create, without a parent
}

void GuidanceSweep::wait() {
  if (m_thread)
    m_thread->wait();
}

Status GuidanceSweep::start(const GuidanceSweepRequest& request) {
  if (isRunning())
    return {tr("The trade-off is already being measured; stop it first.")};
  if (request.scales.isEmpty())
    return {tr("Choose at least one guidance scale w.")};
  for (double w : request.scales)
    if (!(w >= 0 && w <= 100))
      return {tr("A guidance scale w must be between 0 and 100 (got %1).").arg(w)};
  if (request.count < 20 || request.count > 2000)
    return {tr("The samples per scale must be between 20 and 2000 (got %1).").arg(request.count)};
  if (request.steps < 1 || request.steps > 1000)
    return {tr("The sampler's steps must be between 1 and 1000 (got %1).").arg(request.steps)};
  if (m_thread) {
    m_thread->wait();
    delete m_thread;
  }
  m_cancel->store(false);
  m_busy->store(true);
  m_thread = QThread::create([this, request, cancel = m_cancel, busy = m_busy] {
    const int n = int(request.scales.size());
    for (int i = 0; i < n; ++i) {
      const double w = request.scales[i];
      const QString what = tr("w = %1: %2 samples, DDIM-%3").arg(w).arg(request.count).arg(request.steps);
      SampleRequest r;
      r.count = request.count;
      r.sampler = Sampler::implicit();
      r.steps = request.steps;
      r.guidance = w;
      r.seed = 1;
      r.progress = [this, i, n, what, cancel](double done) {
        Q_EMIT progress((i + std::clamp(done, 0.0, 1.0)) / n, what);
        return !cancel->load();
      };
      Q_EMIT progress(double(i) / n, what);
      Result<QualityReport> report;
      try {
        // The judge's first training (about a minute) stops with the sweep too, so that opening
        // another run never waits for it.
        report = SampleQuality::scoreRun(
            request.runFolder, r, request.dataFolder,
            [this, i, n](const QString& line) { Q_EMIT progress(double(i) / n, line); },
            [cancel] { return cancel->load(); });
      } catch (const std::exception& e) {
        report.error = QString::fromLocal8Bit(e.what());
      }
      if (cancel->load()) {
        busy->store(false);
        Q_EMIT finished(false);
        return;
      }
      if (!report.ok()) {
        busy->store(false);
        Q_EMIT failed(report.error);
        return;
      }
      Q_EMIT measured(report.value);
    }
    busy->store(false);
    Q_EMIT progress(1, QString());
    Q_EMIT finished(true);
  });
  m_thread->setObjectName(QStringLiteral("guidance sweep"));
  m_thread->start();
  return {};
}
