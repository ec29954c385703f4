// SPDX-License-Identifier: GPL-3.0-or-later
// ReverseView's trajectory and playback: the kept frames, the timeline (slider, play/pause timer,
// ±1, first/last, go to t), the keyboard and the display of the selected step.
#include "reverseview.h"

#include "digitview.h"
#include "pointcloudview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <cstdlib>

QHBoxLayout* ReverseView::buildTimeline() {
  auto* timeline = new QHBoxLayout;
  auto button = [&](const QString& text, const QString& tip, auto slot) {
    auto* b = new QToolButton(this);
    b->setText(text);
    b->setToolTip(tip);
    connect(b, &QToolButton::clicked, this, slot);
    timeline->addWidget(b);
    return b;
  };
  button(QStringLiteral("|◀"), tr("First step (Home)"), [this] { setCurrentFrame(0); });
  button(QStringLiteral("◀"), tr("One step back (←)"), [this] { setCurrentFrame(currentFrame() - 1); });
  m_play = button(QStringLiteral("▶"), tr("Play / pause (Space)"), [this] { setPlaying(!isPlaying()); });
  m_play->setObjectName(QStringLiteral("playButton"));
  button(QStringLiteral("▶|"), tr("One step forward (→)"), [this] { setCurrentFrame(currentFrame() + 1); });
  button(QStringLiteral("▶▶|"), tr("Last step (End)"), [this] { setCurrentFrame(frameCount() - 1); });
  m_slider = new QSlider(Qt::Horizontal, this);
  m_slider->setObjectName(QStringLiteral("timelineSlider"));
  m_slider->setRange(0, 0);
  timeline->addWidget(m_slider, 1);
  m_position = new QLabel(this);
  m_position->setObjectName(QStringLiteral("timelinePositionLabel"));
  m_position->setMinimumWidth(170);
  timeline->addWidget(m_position);
  m_speed = new QComboBox(this);
  for (int fps : {5, 10, 25, 50, 100})
    m_speed->addItem(tr("%1 steps/s").arg(fps), 1000 / fps);
  m_speed->setCurrentIndex(2);
  timeline->addWidget(m_speed);
  timeline->addWidget(new QLabel(tr("go to t:"), this));
  m_goto = new QSpinBox(this);
  m_goto->setObjectName(QStringLiteral("gotoTSpin"));
  m_goto->setRange(0, 999);
  m_goto->setToolTip(tr("Jumps to the step whose timestep is nearest (Enter)"));
  timeline->addWidget(m_goto);
  connect(m_goto, &QSpinBox::editingFinished, this, [this] {
    int best = -1;
    for (int i = 0; i < m_frames.size(); ++i)
      if (best < 0 || std::abs(m_frames[i].t - m_goto->value()) < std::abs(m_frames[best].t - m_goto->value()))
        best = i;
    if (best >= 0)
      setCurrentFrame(best);
  });
  connect(m_slider, &QSlider::valueChanged, this, &ReverseView::showFrame);
  m_timer = new QTimer(this);
  connect(m_timer, &QTimer::timeout, this, [this] {
    if (currentFrame() + 1 >= frameCount())
      setPlaying(false);
    else
      setCurrentFrame(currentFrame() + 1);
  });
  connect(m_speed, &QComboBox::currentIndexChanged, this, [this] { m_timer->setInterval(playIntervalMs()); });
  return timeline;
}

void ReverseView::beginTrajectory(const QVector<int>& timesteps, const QString& spacing) {
  setPlaying(false);
  m_frames.clear();
  setMessage({});  // "run the sampler first" and the like are answered now
  updateFrameActions();
  m_planned = timesteps;
  m_slider->setRange(0, 0);
  QStringList shown;
  for (int i = 0; i < timesteps.size(); ++i) {
    if (timesteps.size() > 24 && i == 10) {
      shown << QStringLiteral("…");
      i = int(timesteps.size()) - 10;
    }
    shown << QString::number(timesteps[i]);
  }
  m_timesteps_->setText(tr("Visits %n timestep(s): %1 — %2", nullptr, int(timesteps.size())).arg(shown.join(QStringLiteral(", ")), spacing));
  QStringList all;
  for (int t : timesteps)
    all << QString::number(t);
  m_timesteps_->setToolTip(all.join(QStringLiteral(", ")));
  rebuildFilmstrip();
}

void ReverseView::appendFrame(int index, int t, const QImage& xt, const QImage& x0, const QImage& eps,
                              const QVector<QPointF>& xtPoints, const QVector<QPointF>& x0Points) {
  Frame f;
  f.index = index;
  f.t = t;
  f.xt = xt;
  f.x0 = x0;
  f.eps = eps;
  f.xtPoints = xtPoints;
  f.x0Points = x0Points;
  m_frames.append(f);
  if (m_frames.size() == 1)
    updateFrameActions();
  const bool follow = m_slider->value() + 1 >= m_frames.size() - 1 || m_frames.size() == 1;
  m_slider->setRange(0, int(m_frames.size()) - 1);
  if (follow && !isPlaying())
    m_slider->setValue(int(m_frames.size()) - 1);  // live: show the newest step
  if (m_filmIndices.contains(int(m_frames.size()) - 1))
    rebuildFilmstrip();
}

void ReverseView::setLastFramePredictions(const QImage& x0Told, const QImage& x0Untold, const QVector<QPointF>& toldPoints,
                                          const QVector<QPointF>& untoldPoints) {
  if (m_frames.isEmpty())
    return;
  Frame& f = m_frames.last();
  f.x0Told = x0Told;
  f.x0Untold = x0Untold;
  f.x0ToldPoints = toldPoints;
  f.x0UntoldPoints = untoldPoints;
  if (currentFrame() == int(m_frames.size()) - 1)
    showFrame(currentFrame());
}

void ReverseView::endTrajectory(bool completed, double seconds) {
  m_status->setText(completed ? tr("%n step(s) in %1 s; every step is kept — scrub, play or step through them.",
                                   nullptr, frameCount()).arg(seconds, 0, 'f', 2)
                              : tr("Cancelled after %n step(s) (%1 s).", nullptr, frameCount()).arg(seconds, 0, 'f', 2));
  rebuildFilmstrip();
}

int ReverseView::currentFrame() const { return m_frames.isEmpty() ? -1 : m_slider->value(); }

void ReverseView::setCurrentFrame(int index) {
  if (m_frames.isEmpty())
    return;
  m_slider->setValue(std::clamp(index, 0, int(m_frames.size()) - 1));
}

bool ReverseView::isPlaying() const { return m_timer->isActive(); }

void ReverseView::setPlaying(bool on) {
  if (on && frameCount() > 1) {
    if (currentFrame() + 1 >= frameCount())
      setCurrentFrame(0);
    m_timer->start(playIntervalMs());
  } else {
    m_timer->stop();
  }
  m_play->setText(m_timer->isActive() ? QStringLiteral("❚❚") : QStringLiteral("▶"));
}

int ReverseView::playIntervalMs() const { return m_speed->currentData().toInt(); }

void ReverseView::showFrame(int index) {
  if (index < 0 || index >= m_frames.size())
    return;
  const Frame& f = m_frames[index];
  const int planned = std::max(int(m_planned.size()), int(m_frames.size()));
  m_position->setText(tr("step %1 of %2 · t = %3").arg(index + 1).arg(planned).arg(f.t));
  // x̂0 told the class and told none: only for a model told the class.
  const bool parts = m_points ? !f.x0ToldPoints.isEmpty() : !f.x0Told.isNull();
  for (int i = 0; i < m_partBoxes.size(); ++i)
    m_partBoxes[i]->setVisible(parts && (i >= 2) == m_points);
  if (m_points) {
    m_xtPoints->setPoints(f.xtPoints);
    m_x0Points->setPoints(f.x0Points);
    m_x0ToldPoints->setPoints(f.x0ToldPoints);
    m_x0UntoldPoints->setPoints(f.x0UntoldPoints);
    QVector<QVector<QPointF>> trails;
    if (m_trails->isChecked() && !f.xtPoints.isEmpty()) {
      const int followed = std::min<int>(8, int(f.xtPoints.size()));
      trails.resize(followed);
      for (int k = 0; k <= index; ++k)
        for (int p = 0; p < followed && p < m_frames[k].xtPoints.size(); ++p)
          trails[p].append(m_frames[k].xtPoints[p]);
    }
    m_xtPoints->setTrails(trails);
  } else {
    m_xt->setImage(f.xt);
    m_x0->setImage(f.x0);
    m_eps->setImage(f.eps);
    m_x0Told->setImage(f.x0Told);
    m_x0Untold->setImage(f.x0Untold);
  }
}

void ReverseView::keyPressEvent(QKeyEvent* event) {
  switch (event->key()) {
    case Qt::Key_Space:
      setPlaying(!isPlaying());
      break;
    case Qt::Key_Left:
      setCurrentFrame(currentFrame() - 1);
      break;
    case Qt::Key_Right:
      setCurrentFrame(currentFrame() + 1);
      break;
    case Qt::Key_Home:
      setCurrentFrame(0);
      break;
    case Qt::Key_End:
      setCurrentFrame(frameCount() - 1);
      break;
    default:
      QWidget::keyPressEvent(event);
      return;
  }
  event->accept();
}
