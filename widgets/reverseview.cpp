// SPDX-License-Identifier: GPL-3.0-or-later
// ReverseView: layout, sampler settings, run/fork/compare/export buttons, status and comparisons.
// The timeline and playback live in reverseplayback.cpp, the filmstrip and exported images in
// reversefilmstrip.cpp.
#include "reverseview.h"

#include "captioned.h"
#include "digitview.h"
#include "pointcloudview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

ReverseView::ReverseView(QWidget* parent) : QWidget(parent) {
  setFocusPolicy(Qt::StrongFocus);
  auto* explain = new QLabel(
      tr("<b>The reverse process</b> starts from pure noise and removes a little at every step: the network looks at "
         "the noisy state <b>x_t</b> and predicts the noise in it (<b>predicted ε</b>), which gives <b>predicted x0</b>, "
         "its guess of the clean image. The sampler moves x_t a small way towards that guess (DDPM adds fresh noise; "
         "DDIM with η = 0 adds none and can skip steps). Early guesses are blurry averages that sharpen as t falls."),
      this);
  explain->setWordWrap(true);
  m_model = new QLabel(this);
  m_model->setObjectName(QStringLiteral("reverseModelLabel"));
  m_model->setWordWrap(true);
  buildNoModelRow();
  buildSamplerControls();

  m_timesteps_ = new QLabel(this);
  m_timesteps_->setObjectName(QStringLiteral("timestepsLabel"));
  m_timesteps_->setWordWrap(true);
  m_timesteps_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("samplerStatusLabel"));
  m_message = new QLabel(this);
  m_message->setWordWrap(true);
  m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
  m_message->hide();

  buildStepViews();
  QHBoxLayout* timeline = buildTimeline();
  timeline->addWidget(m_trails);  // points only: in the timeline's row, the plots keep the height

  m_film = new QWidget(this);
  m_filmLayout = new QHBoxLayout(m_film);
  m_filmLayout->setContentsMargins(0, 0, 0, 0);
  m_filmLayout->addStretch(1);

  QHBoxLayout* actions = buildForkAndCompare();
  buildExportButtons(actions);
  updateFrameActions();

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(explain);
  layout->addWidget(m_model);
  layout->addWidget(m_noModel);
  layout->addWidget(m_controls);
  layout->addWidget(m_classRow);
  layout->addWidget(m_timesteps_);
  layout->addWidget(m_status);
  layout->addWidget(m_message);
  layout->addWidget(m_views, 1);
  layout->addLayout(timeline);
  layout->addWidget(m_film);
  layout->addLayout(actions);
  layout->addWidget(m_compareScroll);
  updateSamplerControls();
  setNoModel(tr("No diffusion run is open."));
}

// Shown while no run is open: why, and the two ways to get a model.
void ReverseView::buildNoModelRow() {
  m_noModel = new QWidget(this);
  auto* nm = new QHBoxLayout(m_noModel);
  nm->setContentsMargins(0, 0, 0, 0);
  m_noModelText = new QLabel(m_noModel);
  m_noModelText->setWordWrap(true);
  auto* openRun = new QPushButton(tr("&Open a diffusion run…"), m_noModel);
  auto* trainToy = new QPushButton(tr("Train the toy S-curve model (about a minute)"), m_noModel);
  trainToy->setObjectName(QStringLiteral("trainToyButton"));
  nm->addWidget(m_noModelText, 1);
  nm->addWidget(openRun);
  nm->addWidget(trainToy);
  connect(openRun, &QPushButton::clicked, this, &ReverseView::openRunRequested);
  connect(trainToy, &QPushButton::clicked, this, &ReverseView::trainToyRequested);
}

void ReverseView::buildSamplerControls() {
  m_controls = new QWidget(this);
  auto* c = new QHBoxLayout(m_controls);
  c->setContentsMargins(0, 0, 0, 0);
  m_sampler = new QComboBox(m_controls);
  m_sampler->setObjectName(QStringLiteral("samplerCombo"));
  m_sampler->addItem(tr("DDPM (ancestral, every timestep)"), QStringLiteral("ddpm"));
  m_sampler->addItem(tr("DDIM"), QStringLiteral("ddim"));
  m_steps = new QSpinBox(m_controls);
  m_steps->setObjectName(QStringLiteral("stepsSpin"));
  m_steps->setRange(1, 1000);
  m_steps->setValue(50);
  m_eta = new QDoubleSpinBox(m_controls);
  m_eta->setObjectName(QStringLiteral("etaSpin"));
  m_eta->setRange(0, 1);
  m_eta->setSingleStep(0.1);
  m_eta->setValue(ReverseSettings().eta);
  m_eta->setToolTip(tr("η = 1 (the default): as much fresh noise per step as DDPM, which cleans up a "
                       "short-trained model's digits; η = 0: deterministic DDIM, the same noise always "
                       "gives the same image"));
  m_seed = new QSpinBox(m_controls);
  m_seed->setObjectName(QStringLiteral("reverseSeedSpin"));
  m_seed->setRange(0, 2147483647);
  m_seed->setValue(1);
  m_count = new QSpinBox(m_controls);
  m_count->setObjectName(QStringLiteral("countSpin"));
  m_count->setRange(1, 64);
  m_count->setValue(16);
  m_weights = new QComboBox(m_controls);
  m_weights->addItem(tr("EMA weights"), true);
  m_weights->addItem(tr("raw weights"), false);
  m_weights->setToolTip(tr("The exponential moving average of the weights usually samples cleaner images."));
  m_run = new QPushButton(tr("&Run"), m_controls);
  m_run->setObjectName(QStringLiteral("runSamplerButton"));
  m_cancel = new QPushButton(tr("&Cancel"), m_controls);
  m_cancel->setObjectName(QStringLiteral("cancelSamplerButton"));
  m_cancel->setEnabled(false);
  for (auto [label, w] : std::initializer_list<std::pair<QString, QWidget*>>{
           {tr("Sampler:"), m_sampler}, {tr("steps:"), m_steps}, {tr("η:"), m_eta},
           {tr("seed:"), m_seed}, {tr("how many:"), m_count}}) {
    c->addWidget(new QLabel(label, m_controls));
    c->addWidget(w);
  }
  c->addWidget(m_weights);
  m_precision = new QComboBox(m_controls);
  m_precision->setObjectName(QStringLiteral("samplerPrecisionCombo"));
  m_precision->addItem(tr("automatic arithmetic"), QString());
  m_precision->addItem(tr("bfloat16"), QStringLiteral("bf16"));
  m_precision->addItem(tr("float32"), QStringLiteral("fp32"));
  m_precision->setToolTip(tr("Arithmetic of the network's convolutions and matrix products while sampling: bfloat16 "
                             "is faster on CPUs with AVX512-BF16 or AMX (automatic picks it there), float32 elsewhere."));
  c->addWidget(m_precision);
  c->addWidget(m_run);
  c->addWidget(m_cancel);
  c->addStretch(1);
  // A model told the class: which class, and how far guidance pushes towards it.
  m_classRow = new QWidget(this);
  auto* k = new QHBoxLayout(m_classRow);
  k->setContentsMargins(0, 0, 0, 0);
  m_class = new QComboBox(m_classRow);
  m_class->setObjectName(QStringLiteral("reverseClassCombo"));
  m_guidance = new QDoubleSpinBox(m_classRow);
  m_guidance->setObjectName(QStringLiteral("guidanceSpin"));
  m_guidance->setRange(0, 10);
  m_guidance->setSingleStep(0.5);
  m_guidance->setDecimals(2);
  m_guidance->setToolTip(tr("Classifier-free guidance w: 0 draws without the class, 1 with it, more pushes further "
                            "from the unclassed prediction towards the class: more typical digits, less variety."));
  auto* classLabel = new QLabel(tr("Cla&ss:"), m_classRow);
  classLabel->setBuddy(m_class);
  auto* guidanceLabel = new QLabel(tr("&Guidance w:"), m_classRow);
  guidanceLabel->setBuddy(m_guidance);
  k->addWidget(classLabel);
  k->addWidget(m_class);
  k->addSpacing(12);
  k->addWidget(guidanceLabel);
  k->addWidget(m_guidance);
  // The trade-off in one look: the same noise and class at several strengths, side by side.
  auto* strip = new QPushButton(tr("Compare w = 0, 1, 2, 4"), m_classRow);
  strip->setObjectName(QStringLiteral("guidanceStripButton"));
  strip->setToolTip(tr("Sample the same noise and class with guidance w = 0 (the class ignored), 1 (told the class), "
                       "2 and 4: the endings side by side show digits grow more typical and alike as w grows"));
  connect(strip, &QPushButton::clicked, this, [this] { Q_EMIT guidanceStripRequested(settings()); });
  k->addSpacing(12);
  k->addWidget(strip);
  k->addStretch(1);
  m_classRow->hide();
  connect(m_sampler, &QComboBox::currentIndexChanged, this, &ReverseView::updateSamplerControls);
  connect(m_run, &QPushButton::clicked, this, [this] { Q_EMIT runRequested(settings()); });
  connect(m_cancel, &QPushButton::clicked, this, &ReverseView::cancelRequested);
}

// x_t, x̂0 and ε̂ of the selected step: images, or point clouds (with trails) for a toy model.
void ReverseView::buildStepViews() {
  m_xt = new DigitView(this);
  m_xt->setObjectName(QStringLiteral("reverseXtView"));
  m_x0 = new DigitView(this);
  m_x0->setObjectName(QStringLiteral("reverseX0View"));
  m_eps = new DigitView(this);
  auto* images = new QWidget(this);
  auto* ir = new QHBoxLayout(images);
  ir->setContentsMargins(0, 0, 0, 0);
  m_x0Told = new DigitView(this);
  m_x0Told->setObjectName(QStringLiteral("reverseX0ToldView"));
  m_x0Untold = new DigitView(this);
  m_x0Untold->setObjectName(QStringLiteral("reverseX0UntoldView"));
  ir->addWidget(captioned(m_xt, tr("x_t: the noisy state at this step"), images));
  ir->addWidget(captioned(m_x0, tr("predicted x0: the network's guess of the clean image"), images));
  m_partBoxes << captioned(m_x0Told, tr("x0 told the class alone (w = 1)"), images)
              << captioned(m_x0Untold, tr("x0 told no class (w = 0)"), images);
  ir->addWidget(m_partBoxes[0]);
  ir->addWidget(m_partBoxes[1]);
  ir->addWidget(captioned(m_eps, tr("predicted ε: the noise it sees in x_t (−2 black … 2 white)"), images));
  m_xtPoints = new PointCloudView(this);
  m_xtPoints->setObjectName(QStringLiteral("reversePointsView"));
  m_x0Points = new PointCloudView(this);
  for (PointCloudView* v : {m_xtPoints, m_x0Points})
    v->setMinimumHeight(200);  // equal axes with their tick labels, not a strip
  auto* points = new QWidget(this);
  auto* pr = new QVBoxLayout(points);
  pr->setContentsMargins(0, 0, 0, 0);
  auto* prow = new QHBoxLayout;
  m_x0ToldPoints = new PointCloudView(this);
  m_x0ToldPoints->setObjectName(QStringLiteral("reverseX0ToldPoints"));
  m_x0UntoldPoints = new PointCloudView(this);
  for (PointCloudView* v : {m_x0ToldPoints, m_x0UntoldPoints})
    v->setMinimumHeight(200);
  prow->addWidget(captioned(m_xtPoints, tr("x_t: every sample's point at this step (blue), data behind (grey)"), points));
  prow->addWidget(captioned(m_x0Points, tr("predicted x0: where the network thinks each point is heading"), points));
  m_partBoxes << captioned(m_x0ToldPoints, tr("x0 told the class alone (w = 1)"), points)
              << captioned(m_x0UntoldPoints, tr("x0 told no class (w = 0)"), points);
  prow->addWidget(m_partBoxes[2]);
  prow->addWidget(m_partBoxes[3]);
  for (QWidget* box : m_partBoxes)
    box->hide();
  pr->addLayout(prow, 1);
  m_trails = new QCheckBox(tr("Trails"), this);
  m_trails->setToolTip(tr("The paths of eight points so far"));
  m_trails->setObjectName(QStringLiteral("trailsCheck"));
  m_trails->setChecked(true);
  m_trails->hide();
  connect(m_trails, &QCheckBox::toggled, this, [this] { showFrame(currentFrame()); });
  m_views = new QStackedWidget(this);
  m_views->addWidget(images);
  m_views->addWidget(points);
}

// Fork, compare and the saves share one row under the filmstrip; the endings they make appear in a
// row of their own below it, there only while it holds any (a laptop's screen has no height to spare).
QHBoxLayout* ReverseView::buildForkAndCompare() {
  auto* forkRow = new QHBoxLayout;
  auto* fork = new QPushButton(tr("For&k from this step"), this);
  fork->setObjectName(QStringLiteral("forkButton"));
  fork->setToolTip(tr("Continue denoising from the selected step's x_t with the sampler above and the seed here; "
                      "the ending appears beside the original one"));
  m_forkSeed = new QSpinBox(this);
  m_forkSeed->setRange(0, 2147483647);
  m_forkSeed->setValue(2);
  auto* compare = new QPushButton(tr("Co&mpare DDPM with DDIM (same seed)"), this);
  compare->setObjectName(QStringLiteral("compareButton"));
  compare->setToolTip(tr("Run DDPM and DDIM from the same noise and show both endings with their wall times"));
  m_clearComparisons = new QPushButton(tr("Clear"), this);
  m_clearComparisons->setToolTip(tr("Remove the endings of forks and comparisons"));
  // Under the timeline: the filmstrip, or the endings in its place (a laptop has no height for both).
  m_showFilm = new QRadioButton(tr("Filmstrip"), this);
  m_showFilm->setObjectName(QStringLiteral("showFilmRadio"));
  m_showFilm->setChecked(true);
  m_showEndings = new QRadioButton(this);
  m_showEndings->setObjectName(QStringLiteral("showEndingsRadio"));
  connect(m_showEndings, &QRadioButton::toggled, this, &ReverseView::showEndings);
  forkRow->addWidget(fork);
  forkRow->addWidget(new QLabel(tr("with seed"), this));
  forkRow->addWidget(m_forkSeed);
  forkRow->addWidget(compare);
  forkRow->addWidget(m_clearComparisons);
  forkRow->addSpacing(12);
  forkRow->addWidget(m_showFilm);
  forkRow->addWidget(m_showEndings);
  forkRow->addStretch(1);
  m_compareScroll = new QScrollArea(this);
  m_compareScroll->setObjectName(QStringLiteral("endingsScroll"));
  m_compareRow = new QWidget(m_compareScroll);
  m_compareLayout = new QHBoxLayout(m_compareRow);
  m_compareLayout->setContentsMargins(4, 4, 4, 4);
  m_compareLayout->addStretch(1);
  m_compareScroll->setWidget(m_compareRow);
  m_compareScroll->setWidgetResizable(true);
  m_compareScroll->setFixedHeight(142);
  // The newest ending in view: the row grows to the right as endings come.
  QScrollBar* along = m_compareScroll->horizontalScrollBar();
  connect(along, &QScrollBar::rangeChanged, along, [along](int, int max) { along->setValue(max); });  // a 110-px ending, the margins and the sideways scroll bar
  m_compareScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  updateEndingsChoice();
  connect(fork, &QPushButton::clicked, this, [this] {
    ReverseSettings s = settings();
    s.seed = quint64(m_forkSeed->value());
    Q_EMIT forkRequested(currentFrame(), s);
  });
  connect(compare, &QPushButton::clicked, this, [this] { Q_EMIT compareRequested(settings()); });
  m_needFrames << fork;
  m_compareButton = compare;
  connect(m_clearComparisons, &QPushButton::clicked, this, &ReverseView::clearComparisons);
  return forkRow;
}

// The three saves behind one button: the row under the timeline holds fork, compare and the
// filmstrip/endings choice too, within a 1280-px window in every language.
void ReverseView::buildExportButtons(QHBoxLayout* row) {
  auto* save = new QPushButton(tr("S&ave…"), this);
  save->setObjectName(QStringLiteral("saveTrajectoryButton"));
  save->setToolTip(tr("Save the frame shown, the filmstrip, or the whole trajectory as an animation"));
  auto* menu = new QMenu(save);
  menu->addAction(tr("Frame (PNG)…"), this, &ReverseView::exportFrameRequested);
  menu->addAction(tr("Filmstrip (PNG)…"), this, &ReverseView::exportFilmstripRequested);
  menu->addAction(tr("The whole trajectory (GIF)…"), this, &ReverseView::exportGifRequested);
  save->setMenu(menu);
  m_needFrames << save;
  row->addWidget(save);
}

void ReverseView::setNoModel(const QString& why) {
  m_model->hide();
  m_noModel->show();
  m_noModelText->setText(tr("%1 Sampling needs a trained diffusion model: open a DDPM or toy-diffusion run, or "
                            "train the toy S-curve model now. The forward process works without one.")
                             .arg(why));
  m_controls->setEnabled(false);
  updateFrameActions();
}

void ReverseView::setModel(const QString& description, int timesteps, bool points, const QVector<QPointF>& data) {
  m_noModel->hide();
  m_model->show();
  m_model->setText(description);
  m_controls->setEnabled(true);
  updateFrameActions();
  m_timesteps = timesteps;
  m_points = points;
  m_data = data;
  m_steps->setMaximum(timesteps);
  m_goto->setMaximum(timesteps - 1);
  m_count->setMaximum(points ? 5000 : 64);
  m_count->setValue(points ? 1000 : 16);
  m_views->setCurrentIndex(points ? 1 : 0);
  m_trails->setVisible(points);
  if (points) {
    for (PointCloudView* v : {m_xtPoints, m_x0Points, m_x0ToldPoints, m_x0UntoldPoints})
      v->setBackground(data);
  }
  for (QWidget* box : m_partBoxes)
    box->hide();  // until a step of a model told the class has them
}

ReverseSettings ReverseView::settings() const {
  ReverseSettings s{m_sampler->currentData().toString(), m_steps->value(), m_eta->value(), quint64(m_seed->value()),
                    m_count->value(), m_weights->currentData().toBool(), m_precision->currentData().toString()};
  if (!m_classRow->isHidden()) {
    s.label = m_class->currentData().toInt();
    s.guidance = m_guidance->value();
  }
  return s;
}

void ReverseView::setClasses(const QStringList& names, double guidance) {
  m_class->clear();
  m_class->addItem(tr("each class in turn"), -1);
  for (int i = 0; i < names.size(); ++i)
    m_class->addItem(names[i], i);
  m_guidance->setValue(guidance);
  m_classRow->setVisible(!names.isEmpty());
}

void ReverseView::updateFrameActions() {
  if (!m_compareButton)
    return;  // still being built
  const bool model = m_controls->isEnabled();
  for (QPushButton* b : m_needFrames)
    b->setEnabled(model && frameCount() > 0);
  m_compareButton->setEnabled(model);
}

void ReverseView::setSettings(const ReverseSettings& s) {
  m_sampler->setCurrentIndex(std::max(0, m_sampler->findData(s.sampler)));
  m_steps->setValue(s.steps);
  m_eta->setValue(s.eta);
  m_seed->setValue(int(s.seed));
  m_count->setValue(s.count);
  m_weights->setCurrentIndex(s.ema ? 0 : 1);
  m_precision->setCurrentIndex(std::max(0, m_precision->findData(s.precision)));
  m_class->setCurrentIndex(std::max(0, m_class->findData(s.label)));
  m_guidance->setValue(s.guidance);
}

void ReverseView::updateSamplerControls() {
  const bool ddim = m_sampler->currentData().toString() == QLatin1String("ddim");
  m_steps->setEnabled(ddim);
  m_eta->setEnabled(ddim);
}

void ReverseView::setSampling(bool running) {
  m_run->setEnabled(!running);
  m_cancel->setEnabled(running);
  if (running)
    setMessage({});
}

void ReverseView::setProgress(int done, int total) {
  m_status->setText(tr("Sampling: step %1 of %2…").arg(done).arg(total));
}

void ReverseView::setStatus(const QString& text) { m_status->setText(text); }

void ReverseView::setMessage(const QString& text) {
  m_message->setText(text);
  m_message->setVisible(!text.isEmpty());
}

void ReverseView::addComparison(const QImage& ending, const QString& caption, bool show) {
  // The caption beside the picture, wrapped in a column of its own: the row scrolls sideways and
  // shows the newest ending.
  auto* cell = new QWidget(m_compareRow);
  auto* v = new QHBoxLayout(cell);
  v->setContentsMargins(0, 0, 0, 0);
  auto* picture = new QLabel(cell);
  picture->setPixmap(QPixmap::fromImage(ending.scaledToHeight(
      110, ending.height() * 2 <= 110 ? Qt::FastTransformation : Qt::SmoothTransformation)));
  // "0.19 s" stays on one line.
  auto* text = new QLabel(QString(caption).replace(QRegularExpression(QStringLiteral("(\\d) s\\b")), QStringLiteral("\\1\u00a0s")), cell);
  text->setWordWrap(true);
  text->setFixedWidth(200);
  v->setAlignment(Qt::AlignTop);
  v->addWidget(picture);
  v->addWidget(text);
  m_compareLayout->insertWidget(m_compareLayout->count() - 1, cell);
  if (show)
    m_showEndings->setChecked(true);
  updateEndingsChoice();
}

void ReverseView::clearComparisons() {
  while (m_compareLayout->count() > 1) {
    QLayoutItem* item = m_compareLayout->takeAt(0);
    delete item->widget();
    delete item;
  }
  m_showFilm->setChecked(true);
  updateEndingsChoice();
}

int ReverseView::endingCount() const { return m_compareLayout->count() - 1; }

void ReverseView::updateEndingsChoice() {
  const int n = endingCount();
  m_showEndings->setText(tr("Endings (%1)").arg(n));
  m_showEndings->setEnabled(n > 0);
  m_clearComparisons->setEnabled(n > 0);
  showEndings(n > 0 && m_showEndings->isChecked());
}

void ReverseView::showEndings(bool endings) {
  m_compareScroll->setVisible(endings);
  m_film->setVisible(!endings);
}
