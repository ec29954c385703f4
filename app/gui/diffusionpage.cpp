// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusionpage.h"

#include "chartexport.h"
#include "samplernames.h"

#include <QJsonArray>

#include "forwardview.h"
#include "gifwriter.h"
#include "reverseview.h"
#include "tradeoffpanel.h"
#include "run.h"
#include "runfolder.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonObject>
#include <QMessageBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

QString samplerName(const ReverseRequest& r, int timesteps) {
  return Sampler::isImplicit(r.sampler) ? QObject::tr("DDIM-%1, η = %2").arg(r.steps).arg(r.eta)
                                            : QObject::tr("DDPM-%1").arg(timesteps);
}

}  // namespace

DiffusionPage::DiffusionPage(QWidget* parent) : QWidget(parent) {
  m_forwardView = new ForwardView(this);
  m_forwardView->setObjectName(QStringLiteral("forwardView"));
  m_reverseView = new ReverseView(this);
  m_reverseView->setObjectName(QStringLiteral("reverseView"));
  m_sampler = new ReverseSampler(this);
  m_tabs = new QTabWidget(this);
  m_tabs->setObjectName(QStringLiteral("diffusionTabs"));
  m_tabs->addTab(m_forwardView, tr("Forward process: image → noise"));
  // On a screen smaller than a laptop's, the page scrolls as a whole (MainWindow); no scroll area
  // of its own here, which would follow the square views' height-for-width and scroll at 1280×800.
  m_tabs->addTab(m_reverseView, tr("Reverse process: noise → image (sampling)"));
  buildTradeoff();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_tabs);

  // Every data set of fixed images or generated points (an image folder is opened as a file instead).
  for (const DataSet* d : DataSets::all())
    if (d->source != DataSource::ImageFolder)
      m_forwardView->addSource(d->displayLabel(), d->id);
  connect(m_forwardView, &ForwardView::sourceChanged, this, &DiffusionPage::loadForwardSource);
  connect(m_forwardView, &ForwardView::tChanged, this, [this] { redrawForward(true); });
  connect(m_forwardView, &ForwardView::seedChanged, this, [this](quint64 seed) {
    m_forward.setSeed(seed);
    redrawForward();
  });
  connect(m_forwardView, &ForwardView::scheduleChanged, this, [this](const QString& kind, int T) {
    const Status set = m_forward.setSchedule(kind, T);
    m_forwardView->setMessage(set.error);
    if (!set.ok())
      return;
    m_forwardView->setSchedule(m_forward.betas(), m_forward.alphasCumprod());
    redrawForward();
  });
  connect(m_forwardView, &ForwardView::imageFileRequested, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open an image"), QString(),
                                                      tr("Images (*.png *.jpg *.jpeg *.bmp *.gif)"));
    if (!path.isEmpty())
      loadForwardFile(path);
  });
  connect(m_forwardView, &ForwardView::imageFileDropped, this, &DiffusionPage::loadForwardFile);
  (void)m_forward.setSchedule(QStringLiteral("linear"), 1000);  // always valid
  m_forwardView->setSchedule(m_forward.betas(), m_forward.alphasCumprod());
  loadForwardSource(DataSets::firstOf(DataKind::Images).id, 0);

  connect(m_reverseView, &ReverseView::runRequested, this, &DiffusionPage::run);
  connect(m_reverseView, &ReverseView::cancelRequested, this, [this] {
    m_queue.clear();
    m_sampler->cancel();
  });
  connect(m_reverseView, &ReverseView::openRunRequested, this, &DiffusionPage::openRunRequested);
  connect(m_reverseView, &ReverseView::trainToyRequested, this, &DiffusionPage::trainToyRequested);
  connect(m_reverseView, &ReverseView::forkRequested, this, [this](int frame, const ReverseSettings& s) {
    if (frame < 0) {
      m_reverseView->setMessage(tr("Run the sampler first: a fork continues from one of its steps."));
      return;
    }
    ReverseRequest r = request(s);
    r.purpose = ReverseRequest::Purpose::Fork;
    r.forkFrom = frame;
    startSampling(r);
  });
  connect(m_reverseView, &ReverseView::compareRequested, this, [this](const ReverseSettings& s) {
    ReverseRequest ddpm = request(s), ddim = request(s);
    ddpm.purpose = ddim.purpose = ReverseRequest::Purpose::Ending;
    ddpm.sampler = Sampler::ancestral();
    ddim.sampler = Sampler::implicit();
    m_queue = {ddim};
    startSampling(ddpm);
  });
  connect(m_reverseView, &ReverseView::guidanceStripRequested, this, [this](const ReverseSettings& s) {
    m_queue.clear();
    for (double w : {0.0, 1.0, 2.0, 4.0}) {
      ReverseRequest r = request(s);
      r.purpose = ReverseRequest::Purpose::Ending;
      r.guidance = w;
      m_queue << r;
    }
    startSampling(m_queue.takeFirst());
  });
  connect(m_reverseView, &ReverseView::exportFrameRequested, this, &DiffusionPage::exportFrame);
  connect(m_reverseView, &ReverseView::exportFilmstripRequested, this, &DiffusionPage::exportFilmstrip);
  connect(m_reverseView, &ReverseView::exportGifRequested, this, &DiffusionPage::exportGif);
  connectSampler();
}

// What the sampler sends, onto the reverse view: the timesteps, each frame, progress, the endings.
void DiffusionPage::connectSampler() {
  connect(m_sampler, &ReverseSampler::started, this, [this](const ReverseRequest& r, const QVector<int>& times) {
    if (r.purpose != ReverseRequest::Purpose::Trajectory)
      return;
    const QString spacing =
        Sampler::isImplicit(r.sampler)
            ? tr("DDIM spacing: linspace(−1, T−1, S+1) truncated (as denoising-diffusion-pytorch); it skips %1 of every %2 timesteps")
                  .arg(std::max(0, m_timesteps / std::max(1, r.steps) - 1))
                  .arg(std::max(1, m_timesteps / std::max(1, r.steps)))
            : tr("DDPM visits every timestep from T−1 down to 0");
    m_reverseView->beginTrajectory(times, spacing);
  });
  connect(m_sampler, &ReverseSampler::frame, this, [this](const ReverseFrame& f) {
    m_reverseView->appendFrame(f.index, f.t, f.xt, f.x0, f.eps, f.xtPoints, f.x0Points);
    if (!f.x0Told.isNull() || !f.x0ToldPoints.isEmpty())
      m_reverseView->setLastFramePredictions(f.x0Told, f.x0Untold, f.x0ToldPoints, f.x0UntoldPoints);
    if (m_waitingFirstFrame) {
      m_waitingFirstFrame = false;
      m_firstFrameMs = m_runClock.elapsed();
    }
  });
  connect(m_sampler, &ReverseSampler::progress, m_reverseView, &ReverseView::setProgress);
  connect(m_sampler, &ReverseSampler::failed, this, [this](const QString& message) {
    m_queue.clear();
    m_reverseView->setSampling(m_sampler->isRunning());
    m_reverseView->setMessage(message);
  });
  connect(m_sampler, &ReverseSampler::finished, this, [this](const ReverseResult& result) {
    const ReverseRequest& r = result.request;
    m_sampler->wait();
    const int T = m_timesteps;
    const QString state = result.completed ? QString() : tr(" (cancelled)");
    if (r.purpose == ReverseRequest::Purpose::Trajectory) {
      m_reverseView->endTrajectory(result.completed, result.seconds);
      m_trajectoryCaption = tr("%1, seed %2: %3 s").arg(samplerName(r, T)).arg(r.seed).arg(result.seconds, 0, 'f', 2);
      m_reverseView->clearComparisons();
      m_reverseView->addComparison(result.ending, tr("Ending: %1%2").arg(m_trajectoryCaption, state), false);
    } else if (r.purpose == ReverseRequest::Purpose::Fork) {
      m_reverseView->addComparison(result.ending, tr("Fork at step %1 (t = %2): %3, seed %4 — %5 s%6")
                                                      .arg(r.forkFrom + 1)
                                                      .arg(m_reverseView->frameT(r.forkFrom))
                                                      .arg(samplerName(r, T))
                                                      .arg(r.seed)
                                                      .arg(result.seconds, 0, 'f', 2)
                                                      .arg(state));
    } else if (m_classes > 0) {  // a model told the class: which strength of guidance
      m_reverseView->addComparison(result.ending, tr("From noise, seed %1, w = %2: %3 — %4 s%5")
                                                      .arg(r.seed)
                                                      .arg(r.guidance)
                                                      .arg(samplerName(r, T))
                                                      .arg(result.seconds, 0, 'f', 2)
                                                      .arg(state));
    } else {
      m_reverseView->addComparison(result.ending, tr("From noise, seed %1: %2 — %3 s%4")
                                                      .arg(r.seed)
                                                      .arg(samplerName(r, T))
                                                      .arg(result.seconds, 0, 'f', 2)
                                                      .arg(state));
    }
    if (!m_queue.isEmpty() && result.completed) {
      if (startSampling(m_queue.takeFirst()))
        return;
    }
    m_queue.clear();
    m_reverseView->setSampling(false);
    if (r.purpose != ReverseRequest::Purpose::Trajectory)
      m_reverseView->setStatus(tr("Done: the endings are below, each with the time it took."));
  });
}

void DiffusionPage::loadForwardFile(const QString& path) {
  QImageReader reader(path);
  reader.setAllocationLimit(128);
  QImage image = reader.read();
  if (image.isNull()) {
    m_forwardView->setMessage(tr("%1 cannot be read: %2").arg(path, reader.errorString()));
    return;
  }
  // Large photos are shown at 64 px, like the models' largest input.
  if (image.width() > 64 || image.height() > 64)
    image = image.scaled(64, 64, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  m_forward.setImage(image);
  m_forwardView->setMessage({});
  m_forwardView->setImageDescription(
      tr("%1 (%2×%3 px)").arg(QFileInfo(path).fileName()).arg(image.width()).arg(image.height()));
  redrawForward();
}

void DiffusionPage::showReverse(bool reverse) { m_tabs->setCurrentIndex(reverse ? 1 : 0); }

void DiffusionPage::showTradeoff() { m_tabs->setCurrentWidget(m_tradeoff); }

Status DiffusionPage::openRun(const QString& folder) {
  const auto opened = Run::open(folder);
  if (!opened.ok())
    return {opened.error};
  const Run& run = opened.value;
  const ModelFamily& family = run.family();
  if (!family.diffusionTimeline)
    return {tr("%1 is a %2, not a diffusion model").arg(folder, family.displayName())};
  const QJsonObject model = run.model();
  m_sampler->cancel();
  m_sampler->wait();
  m_run = folder;
  m_runMakesPoints = family.data == DataKind::Points;
  const NoiseSchedule schedule = family.noiseSchedule(model);
  const int T = schedule.timesteps;
  const QString dataset = run.datasetName();
  const DataSet* set = DataSets::find(dataset);
  QVector<QPointF> data;
  if (m_runMakesPoints)
    data = ForwardProcess::toyPoints(dataset, 2000);
  m_reverseView->setModel(tr("%1 — %2 — trained on %3 for %4 steps. Run: %5")
                              .arg(family.displayName(), family.describe(model), dataset)
                              .arg(run.step())
                              .arg(folder),
                          T, m_runMakesPoints, data);
  // Told the class: the run's class names to pick from, and the guidance scale.
  QStringList classes;
  if (model.value(QStringLiteral("classes")).toInt(0) > 0)
    for (const auto& name : run.dataset().value(QStringLiteral("classes")).toArray())
      classes << name.toString();
  m_reverseView->setClasses(classes, family.guidance ? family.guidance(run) : Sampler::defaultGuidance);
  m_classes = int(classes.size());
  resetTradeoff();
  m_timesteps = T;
  // The forward tab shows the run's own data and schedule.
  if (set && set->source != DataSource::ImageFolder) {
    m_forwardView->selectSchedule(schedule.kind, T);
    m_forwardView->selectSource(dataset);
  }
  return {};
}

ReverseRequest DiffusionPage::request(const ReverseSettings& s) const {
  ReverseRequest r;
  r.runFolder = m_run;
  r.ema = s.ema;
  r.sampler = s.sampler;
  r.steps = s.steps;
  r.eta = s.eta;
  r.seed = s.seed;
  r.count = s.count;
  r.precision = s.precision;
  r.label = s.label;
  r.guidance = s.guidance;
  return r;
}

void DiffusionPage::run(const ReverseSettings& s) {
  if (m_run.isEmpty()) {
    m_reverseView->setMessage(tr("Open a diffusion run first."));
    return;
  }
  m_queue.clear();
  m_runClock.start();
  m_waitingFirstFrame = true;
  startSampling(request(s));
}

bool DiffusionPage::startSampling(const ReverseRequest& r) {
  if (const Status started = m_sampler->start(r); !started.ok()) {
    m_queue.clear();
    m_reverseView->setSampling(m_sampler->isRunning());
    m_reverseView->setMessage(started.error);
    return false;
  }
  m_reverseView->setSampling(true);
  return true;
}

void DiffusionPage::loadForwardSource(const QString& key, int index) {
  const DataSet* set = DataSets::find(key);
  if (set && set->kind == DataKind::Points) {
    m_forward.setPoints(ForwardProcess::toyPoints(key, 2000));
    m_forwardView->setImageDescription(tr("2,000 points of the %1 set").arg(DataSets::shortName(key)));
  } else {
    const auto read = ForwardProcess::datasetImage(key, index);
    if (!read.ok()) {
      m_forwardView->setMessage(read.error);
      return;
    }
    m_forward.setImage(read.value.image);
    m_forwardView->setImageDescription(read.value.description);
  }
  m_forwardView->setMessage({});
  redrawForward();
}

void DiffusionPage::redrawForward(bool onlyT) {
  const int t = std::min(m_forwardView->t(), m_forward.timesteps());
  if (m_forward.hasPoints())
    m_forwardView->setPoints(m_forward.points(), m_forward.pointsAt(t));
  else if (onlyT)
    m_forwardView->setXt(m_forward.imageAt(t));
  else
    m_forwardView->setImages(m_forward.imageAt(0), m_forward.noiseImage(), m_forward.imageAt(t));
  m_forwardView->setValues(t, m_forward.beta(t), m_forward.alphaBar(t), m_forward.snr(t));
}

void DiffusionPage::savePng(const QImage& image, const QString& title, const QString& name) {
  if (image.isNull())
    return m_reverseView->setMessage(tr("Nothing to save yet: run the sampler first."));
  const QString path = QFileDialog::getSaveFileName(this, title, name, tr("PNG (*.png)"));
  if (path.isEmpty())
    return;
  if (const Status saved = ChartExport::saveImage(image, path); !saved.ok())
    m_reverseView->setMessage(saved.error);
  else
    ChartExport::confirmSaved(this, path);
}

void DiffusionPage::exportFrame() { savePng(m_reverseView->currentFrameImage(), tr("Save frame"), QStringLiteral("frame.png")); }

void DiffusionPage::exportFilmstrip() {
  savePng(m_reverseView->filmstripImage(), tr("Save filmstrip"), QStringLiteral("filmstrip.png"));
}

void DiffusionPage::exportGif() {
  if (m_reverseView->frameCount() == 0)
    return m_reverseView->setMessage(tr("Nothing to save yet: run the sampler first."));
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Save the trajectory"), QStringLiteral("trajectory.gif"), tr("GIF (*.gif)"));
  if (path.isEmpty())
    return;
  const Status written = writeAnimatedGif(path, m_reverseView->trajectoryImages(), m_reverseView->playIntervalMs());
  m_reverseView->setMessage(written.error);
  if (written.ok())
    ChartExport::confirmSaved(this, path);
}
