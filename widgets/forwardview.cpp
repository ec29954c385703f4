// SPDX-License-Identifier: GPL-3.0-or-later
#include "forwardview.h"

#include "captioned.h"
#include "digitview.h"
#include "pointcloudview.h"
#include "schedulechart.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QSignalBlocker>
#include <QUrl>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>

ForwardView::ForwardView(QWidget* parent) : QWidget(parent) {
  auto* imageBox = new QGroupBox(tr("What to noise"), this);
  auto* iform = new QFormLayout(imageBox);
  m_source = new QComboBox(imageBox);
  m_source->setObjectName(QStringLiteral("forwardSourceCombo"));
  iform->addRow(tr("&Source:"), m_source);
  m_index = new QSpinBox(imageBox);
  m_index->setObjectName(QStringLiteral("forwardIndexSpin"));
  m_index->setRange(0, 9999);
  iform->addRow(tr("&Image number:"), m_index);
  auto* open = new QPushButton(tr("&Open an image file… (or drop one here)"), imageBox);
  iform->addRow(open);
  m_description = new QLabel(imageBox);
  m_description->setWordWrap(true);
  iform->addRow(m_description);
  connect(open, &QPushButton::clicked, this, &ForwardView::imageFileRequested);
  connect(m_source, &QComboBox::activated, this, [this] { Q_EMIT sourceChanged(source(), imageIndex()); });
  connect(m_index, &QSpinBox::valueChanged, this, [this] { Q_EMIT sourceChanged(source(), imageIndex()); });

  auto* processBox = new QGroupBox(tr("Noise schedule"), this);
  auto* pform = new QFormLayout(processBox);
  m_schedule = new QComboBox(processBox);
  m_schedule->setObjectName(QStringLiteral("forwardScheduleCombo"));
  m_schedule->addItem(tr("linear schedule (Ho et al. 2020)"), QStringLiteral("linear"));
  m_schedule->addItem(tr("cosine schedule (Nichol & Dhariwal 2021)"), QStringLiteral("cosine"));
  m_schedule->addItem(tr("sigmoid schedule (Jabri et al. 2022)"), QStringLiteral("sigmoid"));
  m_schedule->addItem(tr("toy sigmoid schedule (for 2-D points)"), QStringLiteral("toy"));
  pform->addRow(tr("S&chedule:"), m_schedule);
  m_T = new QSpinBox(processBox);
  m_T->setObjectName(QStringLiteral("forwardTSpin"));
  m_T->setRange(21, 4000);
  m_T->setValue(1000);
  pform->addRow(tr("Ste&ps T:"), m_T);
  m_seed = new QSpinBox(processBox);
  m_seed->setObjectName(QStringLiteral("forwardSeedSpin"));
  m_seed->setRange(0, 2147483647);
  m_seed->setValue(1);
  auto* reseed = new QPushButton(tr("Ne&w noise"), processBox);
  auto* seedRow = new QHBoxLayout;
  seedRow->addWidget(m_seed, 1);
  seedRow->addWidget(reseed);
  auto* seedLabel = new QLabel(tr("&Noise seed:"), processBox);
  seedLabel->setBuddy(m_seed);  // a row of two: the label's mnemonic goes to the seed
  pform->addRow(seedLabel, seedRow);
  connect(reseed, &QPushButton::clicked, this,
          [this] { m_seed->setValue(int(QRandomGenerator::global()->bounded(1, 2147483647))); });
  connect(m_seed, &QSpinBox::valueChanged, this, [this] { Q_EMIT seedChanged(seed()); });
  auto emitSchedule = [this] { Q_EMIT scheduleChanged(scheduleKind(), timesteps()); };
  connect(m_schedule, &QComboBox::currentIndexChanged, this, emitSchedule);
  connect(m_T, &QSpinBox::editingFinished, this, emitSchedule);

  auto* tBox = new QGroupBox(tr("Timestep"), this);
  auto* tLayout = new QVBoxLayout(tBox);
  m_slider = new QSlider(Qt::Horizontal, tBox);
  m_slider->setObjectName(QStringLiteral("forwardTSlider"));
  m_tSpin = new QSpinBox(tBox);
  m_tSpin->setObjectName(QStringLiteral("forwardTSpinBox"));
  auto* tRow = new QHBoxLayout;
  tRow->addWidget(new QLabel(tr("t ="), tBox));
  tRow->addWidget(m_tSpin);
  tRow->addWidget(m_slider, 1);
  tLayout->addLayout(tRow);
  m_values = new QLabel(tBox);
  m_values->setObjectName(QStringLiteral("forwardValuesLabel"));
  m_values->setTextFormat(Qt::RichText);
  m_values->setWordWrap(true);
  tLayout->addWidget(m_values);
  connect(m_slider, &QSlider::valueChanged, m_tSpin, &QSpinBox::setValue);
  connect(m_tSpin, &QSpinBox::valueChanged, m_slider, &QSlider::setValue);
  connect(m_slider, &QSlider::valueChanged, this, &ForwardView::tChanged);

  auto* explain = new QLabel(
      tr("<b>The forward process</b> adds Gaussian noise in T small steps. It needs no network: any step "
         "can be reached in one jump, <i>x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε</i>, where ε is one fixed draw of "
         "noise and ᾱ_t, the share of the signal's variance left, falls from 1 to almost 0. A diffusion "
         "model learns to undo it: given x_t and t, it predicts ε (and so x0). The linear schedule "
         "destroys most of the image in the first third of the steps; the cosine one spreads it evenly."),
      this);
  explain->setWordWrap(true);
  m_message = new QLabel(this);
  m_message->setWordWrap(true);
  m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
  m_message->hide();

  auto* left = new QVBoxLayout;
  left->addWidget(imageBox);
  left->addWidget(processBox);
  left->addWidget(tBox);
  left->addWidget(m_message);
  left->addWidget(explain);
  left->addStretch(1);
  auto* leftBox = new QWidget(this);
  leftBox->setLayout(left);
  leftBox->setMaximumWidth(400);

  m_x0 = new DigitView(this);
  m_noise = new DigitView(this);
  m_xt = new DigitView(this);
  m_xt->setObjectName(QStringLiteral("forwardXtView"));
  auto* images = new QWidget(this);
  auto* row = new QHBoxLayout(images);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(captioned(m_x0, tr("x0: the clean image"), images));
  row->addWidget(captioned(m_noise, tr("ε: the noise (fixed by the seed)"), images));
  row->addWidget(captioned(m_xt, tr("x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε"), images));
  m_points = new PointCloudView(this);
  m_points->setObjectName(QStringLiteral("forwardPointsView"));
  auto* pointsBox = captioned(m_points, tr("x_t for every point of the set (blue) over the data (grey)"), this);
  m_views = new QStackedWidget(this);
  m_views->addWidget(images);
  m_views->addWidget(pointsBox);
  m_chart = new ScheduleChart(this);

  auto* right = new QVBoxLayout;
  right->addWidget(m_views, 3);
  right->addWidget(m_chart, 2);
  auto* layout = new QHBoxLayout(this);
  layout->addWidget(leftBox);
  layout->addLayout(right, 1);
  setT(0);
  setAcceptDrops(true);
}

void ForwardView::selectSource(const QString& key) {
  const int i = m_source->findData(key);
  if (i < 0)
    return;
  m_source->setCurrentIndex(i);
  Q_EMIT sourceChanged(source(), imageIndex());
}

void ForwardView::selectSchedule(const QString& kind, int timesteps) {
  const QSignalBlocker block(m_schedule);
  m_schedule->setCurrentIndex(std::max(0, m_schedule->findData(kind)));
  m_T->setValue(timesteps);
  Q_EMIT scheduleChanged(scheduleKind(), this->timesteps());
}

void ForwardView::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile())
    event->acceptProposedAction();
}

void ForwardView::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (!urls.isEmpty() && urls.first().isLocalFile()) {
    Q_EMIT imageFileDropped(urls.first().toLocalFile());
    event->acceptProposedAction();
  }
}

void ForwardView::addSource(const QString& label, const QString& key) { m_source->addItem(label, key); }
QString ForwardView::source() const { return m_source->currentData().toString(); }
int ForwardView::imageIndex() const { return m_index->value(); }
QString ForwardView::scheduleKind() const { return m_schedule->currentData().toString(); }
int ForwardView::timesteps() const { return m_T->value(); }
int ForwardView::t() const { return m_slider->value(); }
quint64 ForwardView::seed() const { return quint64(m_seed->value()); }

void ForwardView::setT(int t) { m_slider->setValue(t); }

void ForwardView::setImages(const QImage& x0, const QImage& noise, const QImage& xt) {
  m_views->setCurrentIndex(0);
  m_x0->setImage(x0);
  m_noise->setImage(noise);
  m_xt->setImage(xt);
}

void ForwardView::setXt(const QImage& xt) {
  m_views->setCurrentIndex(0);
  m_xt->setImage(xt);
}

void ForwardView::setPoints(const QVector<QPointF>& data, const QVector<QPointF>& xt) {
  m_views->setCurrentIndex(1);
  m_points->setBackground(data);
  m_points->setPoints(xt);
}

void ForwardView::setSchedule(const std::vector<double>& betas, const std::vector<double>& alphasCumprod) {
  const int T = int(betas.size());
  m_slider->setRange(0, T);
  m_tSpin->setRange(0, T);
  m_chart->setSchedule(betas, alphasCumprod);
  m_chart->setCursor(t());
}

void ForwardView::setValues(int t, double beta, double alphaBar, double snr) {
  m_chart->setCursor(t);
  const QString snrText = std::isinf(snr) ? QStringLiteral("∞") : QString::number(snr, 'g', 4);
  m_values->setText(tr("t = %1: β_t = %2 · ᾱ_t = %3 · √ᾱ_t = %4 (signal) · √(1−ᾱ_t) = %5 (noise) · SNR = %6")
                        .arg(t)
                        .arg(beta, 0, 'g', 4)
                        .arg(alphaBar, 0, 'g', 5)
                        .arg(std::sqrt(alphaBar), 0, 'f', 4)
                        .arg(std::sqrt(1 - alphaBar), 0, 'f', 4)
                        .arg(snrText));
}

void ForwardView::setMessage(const QString& text) {
  m_message->setText(text);
  m_message->setVisible(!text.isEmpty());
}

void ForwardView::setImageDescription(const QString& text) { m_description->setText(text); }
