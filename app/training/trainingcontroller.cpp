// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingcontroller.h"

#include "trainingworker.h"

#include <QThread>

TrainingController::TrainingController(QObject* parent) : QObject(parent) {
  qRegisterMetaType<TrainingProgress>();
  qRegisterMetaType<EpochEvaluation>();
  qRegisterMetaType<DecoderSnapshot>();
}

TrainingController::~TrainingController() { stopAndWait(-1); }

bool TrainingController::isRunning() const { return m_busy; }

Status TrainingController::start(const TrainingSettings& settings) {
  if (isRunning())
    return {tr("A training run is already in progress.")};
  if (Status valid = settings.validate(); !valid.ok())
    return valid;
  if (m_thread) {  // the previous run's thread: its run() has returned, its event loop is ending
    m_thread->wait();
    delete m_thread;
  }
  m_thread = new QThread(this);
  m_thread->setObjectName(QStringLiteral("training"));
  auto* worker = new TrainingWorker(settings);  // no parent: it moves to the thread
  worker->moveToThread(m_thread);
  m_stop = worker->stopFlag();
  m_pause = worker->pauseFlag();
  connect(m_thread, &QThread::started, worker, &TrainingWorker::run);
  connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
  // run() returns after finished/failed; quitting then ends the thread's event loop.
  connect(worker, &TrainingWorker::finished, m_thread, &QThread::quit);
  connect(worker, &TrainingWorker::failed, m_thread, &QThread::quit);
  connect(worker, &TrainingWorker::started, this, &TrainingController::started);
  connect(worker, &TrainingWorker::progress, this, &TrainingController::progress);
  connect(worker, &TrainingWorker::evaluated, this, &TrainingController::evaluated);
  connect(worker, &TrainingWorker::scored, this, &TrainingController::scored);
  connect(worker, &TrainingWorker::note, this, &TrainingController::note);
  connect(worker, &TrainingWorker::decoderUpdated, this, &TrainingController::decoderUpdated);
  connect(worker, &TrainingWorker::samplesSaved, this, &TrainingController::samplesSaved);
  // Not busy any more before the signal goes on: a receiver may start the next run at once.
  connect(worker, &TrainingWorker::finished, this, [this](const QString& folder, bool completed) {
    m_busy = false;
    Q_EMIT finished(folder, completed);
  });
  connect(worker, &TrainingWorker::failed, this, [this](const QString& message) {
    m_busy = false;
    Q_EMIT failed(message);
  });
  m_busy = true;
  m_thread->start();
  return {};
}

void TrainingController::stop() {
  if (m_stop)
    m_stop->store(true);  // an atomic the training loop reads; never touches the worker itself
}

void TrainingController::setPaused(bool paused) {
  if (m_pause && m_busy)
    m_pause->store(paused);
}

bool TrainingController::isPaused() const { return m_busy && m_pause && m_pause->load(); }

bool TrainingController::stopAndWait(int ms) {
  if (!m_thread)
    return true;
  stop();
  m_thread->quit();  // takes effect once run() has returned
  const bool ended = ms < 0 ? m_thread->wait() : m_thread->wait(QDeadlineTimer(ms));
  if (ended)
    m_busy = false;  // finished() may still be on its way through the event queue
  return ended;
}
