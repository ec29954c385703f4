// SPDX-License-Identifier: GPL-3.0-or-later
#include "pixelpage.h"

#include "pixeldistributionview.h"
#include "pixelwriteview.h"
#include "run.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

PixelPage::PixelPage(QWidget* parent) : QWidget(parent), m_writer(new PixelWriter(this)) {
  m_info = new QLabel(tr("Open a PixelCNN or PixelRNN run (File ▸ Open run…), or train one on the Train page: "
                         "it writes images here one pixel at a time."),
                      this);
  m_info->setWordWrap(true);
  auto* open = new QPushButton(tr("Open run…"), this);
  connect(open, &QPushButton::clicked, this, &PixelPage::openRunRequested);

  buildWriteSettings();
  buildWriteButtons();
  QVBoxLayout* controls = buildControlsRows();
  QHBoxLayout* body = buildImagesAndSidePanel();

  auto* top = new QHBoxLayout;
  top->addWidget(m_info, 1);
  top->addWidget(open);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addLayout(controls);
  layout->addLayout(body, 1);

  connect(m_writer, &PixelWriter::frame, this, &PixelPage::showFrame);
  connect(m_writer, &PixelWriter::receptiveField, this, &PixelPage::showField);
  connect(m_writer, &PixelWriter::failed, this, [this](const QString& message) {
    setWriting(false);
    m_speed->setText(tr("Could not write: %1").arg(message));
  });
  setWriting(false);
  m_writeButton->setEnabled(false);
}

// How many images, temperature, where to start from (blank, hidden half, painted part), class and pace.
void PixelPage::buildWriteSettings() {
  m_count = new QSpinBox(this);
  m_count->setRange(1, 64);
  m_count->setValue(8);
  m_count->setToolTip(tr("How many images the model writes at once"));
  m_temperature = new QDoubleSpinBox(this);
  m_temperature->setRange(0.1, 3.0);
  m_temperature->setSingleStep(0.1);
  m_temperature->setValue(1.0);
  m_temperature->setToolTip(tr("Below 1 each pixel's distribution is sharpened (cleaner, less varied images); above 1 "
                               "it is flattened"));
  m_start = new QComboBox(this);
  m_start->setObjectName(QStringLiteral("startCombo"));
  m_start->addItem(tr("a blank image"));
  m_start->addItem(tr("held-out digits, bottom half hidden"));
  m_start->addItem(tr("held-out digits, right half hidden"));
  m_start->addItem(tr("held-out digits, the part you paint hidden"));
  m_start->setToolTip(tr("Blank: the model invents every pixel. Hidden part: it completes real held-out images; "
                         "the given pixels (tinted blue) stay as they are. Painted: paint over the digits with the "
                         "mouse to hide what the model should fill in."));
  m_same = new QCheckBox(tr("the same digit in every image"), this);
  m_same->setObjectName(QStringLiteral("sameCheck"));
  m_same->setToolTip(tr("Completion: one held-out digit in every image, so the images show several completions of it"));
  m_same->setEnabled(false);
  m_paint = new QPushButton(tr("Pai&nt"), this);
  m_paint->setObjectName(QStringLiteral("paintButton"));
  m_paint->setCheckable(true);
  m_paint->setToolTip(tr("Show the held-out digits whole and paint over them: what you paint is hidden and written "
                         "by the model. Off: a click on a pixel shows what it depends on."));
  m_paint->setVisible(false);
  connect(m_paint, &QPushButton::toggled, this, [this](bool on) {
    if (on)
      showDigitsToPaint();
    else
      m_view->setPainting(false);
  });
  m_otherDigit = new QPushButton(tr("Other di&gits"), this);
  m_otherDigit->setToolTip(tr("Paint on other held-out digits (the painted mask stays)"));
  m_otherDigit->setVisible(false);
  connect(m_otherDigit, &QPushButton::clicked, this, [this] {
    m_paintDigit = int((m_paintDigit + 97) % 900);
    if (m_paint->isChecked())
      showDigitsToPaint();
    else
      m_paint->setChecked(true);
  });
  connect(m_start, &QComboBox::currentIndexChanged, this, [this](int i) {
    m_same->setEnabled(i > 0);
    m_paint->setVisible(paintMode());
    m_otherDigit->setVisible(paintMode());
    m_paint->setChecked(paintMode() && !m_cancel->isEnabled());  // not while writing
  });
  connect(m_same, &QCheckBox::toggled, this, [this] {
    if (m_paint->isChecked())
      showDigitsToPaint();
  });
  m_class = new QComboBox(this);
  m_class->setObjectName(QStringLiteral("classCombo"));
  m_class->setToolTip(tr("The class the model is told to write. Automatic: a blank image gets each class in turn, a "
                         "completed digit its own class."));
  m_pace = new QComboBox(this);
  m_pace->setObjectName(QStringLiteral("paceCombo"));
  m_pace->addItem(tr("slow (20 pixels a second)"), 50);
  m_pace->addItem(tr("steady (200 a second)"), 5);
  m_pace->addItem(tr("as fast as it can"), 0);
  m_pace->setCurrentIndex(1);
  connect(m_pace, &QComboBox::currentIndexChanged, this, [this] { m_writer->setDelay(m_pace->currentData().toInt()); });
  m_writer->setDelay(m_pace->currentData().toInt());
}

// Write, Pause/Resume, One pixel, Cancel.
void PixelPage::buildWriteButtons() {
  m_writeButton = new QPushButton(tr("&Write"), this);
  m_writeButton->setToolTip(tr("Start writing new images (a new random draw each time)"));
  m_pause = new QPushButton(tr("&Pause"), this);
  m_pause->setCheckable(true);
  m_step = new QPushButton(tr("&One pixel"), this);
  m_step->setToolTip(tr("While paused: draw the next pixel"));
  m_cancel = new QPushButton(tr("Cance&l"), this);
  connect(m_writeButton, &QPushButton::clicked, this, &PixelPage::write);
  connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_step->setEnabled(paused);
    m_writer->setPaused(paused);
  });
  connect(m_step, &QPushButton::clicked, m_writer, &PixelWriter::stepOnce);
  connect(m_cancel, &QPushButton::clicked, this, [this] {
    m_writer->cancel();
    ++m_request;  // frames still on their way are not shown
    setWriting(false);
    m_speed->setText(tr("Cancelled."));
  });
}

// Two rows (one is wider than a laptop's screen): how many, how sharp, which class, how fast and
// the buttons; then what the images start from.
QVBoxLayout* PixelPage::buildControlsRows() {
  auto* first = new QHBoxLayout;
  auto* second = new QHBoxLayout;
  auto add = [&](QHBoxLayout* row, const QString& label, QWidget* w) {
    auto* l = new QLabel(label, this);
    l->setBuddy(w);
    row->addWidget(l);
    row->addWidget(w);
    return l;
  };
  add(first, tr("&Images"), m_count);
  add(first, tr("Te&mperature"), m_temperature);
  m_classLabel = add(first, tr("Cl&ass"), m_class);
  m_class->setVisible(false);
  m_classLabel->setVisible(false);
  add(first, tr("Pa&ce"), m_pace);
  first->addStretch(1);
  for (QPushButton* b : {m_writeButton, m_pause, m_step, m_cancel})
    first->addWidget(b);
  add(second, tr("&Start from"), m_start);
  second->addWidget(m_same);
  second->addWidget(m_paint);
  second->addWidget(m_otherDigit);
  second->addStretch(1);
  auto* rows = new QVBoxLayout;
  rows->addLayout(first);
  rows->addLayout(second);
  return rows;
}

// The images being written, and beside them the next pixel's distribution and what a pixel sees.
QHBoxLayout* PixelPage::buildImagesAndSidePanel() {
  m_view = new PixelWriteView(this);
  m_view->setToolTip(tr("Click a pixel to see which pixels before it the model reads"));
  connect(m_view, &PixelWriteView::givenMaskPainted, this, [this](const QVector<bool>& given) { m_paintedGiven = given; });
  connect(m_view, &PixelWriteView::pixelClicked, this, [this](int image, int row, int col) {
    m_writer->setFocus(image);
    m_writer->requestReceptiveField(image, row, col);
  });
  m_distribution = new PixelDistributionView(this);
  m_distribution->setToolTip(tr("The next pixel of the image framed in yellow: the probability of each value the "
                                "model predicted, and the value it drew. Click another image to follow it."));
  m_speed = new QLabel(this);
  m_plainView = new PixelWriteView(this);
  m_plainView->setMinimumSize(160, 160);
  m_plainView->setPlaceholderText(tr("Click a pixel of a written image."));
  m_fieldNote = new QLabel(tr("Click a pixel of an image: the heat map shows how much each earlier pixel moves its "
                              "probability (the gradient). Here the same for a plain masked stack of six layers "
                              "(untrained: only where it can look matters) — the pixels up and to the right it "
                              "never sees are its blind spot."),
                           this);
  m_fieldNote->setWordWrap(true);

  auto* side = new QVBoxLayout;
  auto* next = new QGroupBox(tr("The next pixel"), this);
  auto* nextLayout = new QVBoxLayout(next);
  nextLayout->addWidget(m_distribution);
  nextLayout->addWidget(m_speed);
  side->addWidget(next);
  auto* field = new QGroupBox(tr("What a pixel sees"), this);
  auto* fieldLayout = new QVBoxLayout(field);
  fieldLayout->addWidget(m_fieldNote);
  fieldLayout->addWidget(m_plainView, 1);
  side->addWidget(field, 1);

  auto* body = new QHBoxLayout;
  body->addWidget(m_view, 3);
  body->addLayout(side, 2);
  return body;
}

Status PixelPage::openRun(const QString& folder) {
  const auto opened = Run::open(folder);
  if (!opened.ok())
    return {opened.error};
  const Run& run = opened.value;
  const ModelFamily& family = run.family();
  if (!family.pixelByPixel)
    return {tr("%1 is a %2: it does not write images pixel by pixel").arg(folder, family.displayName())};
  m_writer->cancel();
  m_run = folder;
  m_info->setText(tr("%1 — %2 — trained on %3 for %4 steps. Run: %5")
                      .arg(family.displayName(), family.describe(run.model()), run.datasetName())
                      .arg(run.step())
                      .arg(folder));
  m_writeButton->setEnabled(true);
  m_view->clearHeatMap();
  m_plainView->clearHeatMap();
  const PixelShape shape = family.pixelShape(run.model());
  m_imageSize = shape.imageSize;
  const int classes = shape.classes;
  const DataSet* set = DataSets::find(run.datasetName());
  const QStringList names = set ? set->classes : QStringList();
  m_class->clear();
  m_class->addItem(tr("automatic"), -1);
  for (int k = 0; k < classes; ++k)
    m_class->addItem(k < names.size() ? names[k] : QString::number(k), k);
  m_class->setVisible(classes > 0);
  m_classLabel->setVisible(classes > 0);
  if (m_paint->isChecked())
    showDigitsToPaint();
  return {};
}

bool PixelPage::paintMode() const { return PixelWriteRequest::Start(m_start->currentIndex()) == PixelWriteRequest::Start::Painted; }

PixelWriteRequest PixelPage::request() const {
  PixelWriteRequest r;
  r.runFolder = m_run;
  r.count = m_count->value();
  r.temperature = m_temperature->value();
  r.seed = m_seed;
  r.start = PixelWriteRequest::Start(m_start->currentIndex());
  r.sameImage = m_same->isChecked();
  r.label = m_class->currentData().toInt();
  if (paintMode()) {
    r.given = m_paintedGiven;
    r.digit = m_paintDigit;
  }
  return r;
}

void PixelPage::showDigitsToPaint() {
  if (m_run.isEmpty() || m_cancel->isEnabled())  // nothing open, or writing
    return;
  if (m_paintedGiven.size() != m_imageSize * m_imageSize)
    m_paintedGiven = QVector<bool>(m_imageSize * m_imageSize, true);
  m_writer->cancel();
  m_pause->setChecked(true);  // shown, not written
  setWriting(false);
  m_view->setPainting(false);  // until the digits are there
  m_view->clearHeatMap();
  PixelWriteRequest r = request();
  r.given = QVector<bool>(m_imageSize * m_imageSize, true);  // the whole digits, the mask drawn over them
  r.id = m_preview = ++m_request;
  m_writer->start(r);
  m_speed->setText(tr("Paint over the digits with the left mouse button to hide what the model should fill in; the "
                      "right button gives pixels back. Then Write."));
}

void PixelPage::write() {
  if (m_run.isEmpty())
    return;
  if (paintMode() && (m_paintedGiven.size() != m_imageSize * m_imageSize ||
                      std::all_of(m_paintedGiven.begin(), m_paintedGiven.end(), [](bool given) { return given; }))) {
    m_speed->setText(tr("Nothing is hidden yet: paint over the digits with the left mouse button first."));
    return;
  }
  PixelWriteRequest r = request();
  r.id = ++m_request;
  ++m_seed;
  m_writer->cancel();  // the digits shown for painting
  m_preview = 0;
  m_paint->setChecked(false);
  m_view->setPainting(false);
  m_view->clearHeatMap();
  m_plainView->clearHeatMap();
  m_plainView->setImages({});
  m_pause->setChecked(false);
  setWriting(true);
  m_writer->start(r);
}

void PixelPage::setWriting(bool writing) {
  m_pause->setEnabled(writing);
  m_cancel->setEnabled(writing);
  m_step->setEnabled(writing && m_pause->isChecked());
}

void PixelPage::showFrame(const PixelWriteFrame& f) {
  if (f.request != m_request)
    return;  // of a request cancelled or replaced since
  m_last = f;
  if (f.request == m_preview) {  // the digits to paint on: whole, with the painted part tinted
    m_view->setImages(f.images);
    m_view->setWritePosition(-1);
    m_view->setKnownMask(m_paintedGiven);
    m_view->setPainting(m_paint->isChecked());
    m_view->setFocusImage(-1);
    return;
  }
  m_view->setImages(f.images);
  m_view->setKnownMask(f.known);
  m_view->setWritePosition(f.done ? -1 : f.position);
  const int drawnAt = f.position - 1;
  if (!f.distribution.isEmpty() && drawnAt >= 0) {
    m_distribution->setDistribution(f.distribution, f.drawnLevel);
    m_view->setFocusImage(f.focus);
    m_distribution->setCaption(tr("Image %1 (yellow frame), row %2, column %3: predicted, and drawn")
                                   .arg(f.focus + 1)
                                   .arg(drawnAt / f.size + 1)
                                   .arg(drawnAt % f.size + 1));
  }
  if (f.done) {
    setWriting(false);
    m_speed->setText((paintMode() ? tr("Done: %1 images of %2 pixels. Click a pixel to see what it depends on, or "
                                       "Paint to hide another part.")
                                  : tr("Done: %1 images of %2 pixels. Click a pixel to see what it depends on."))
                         .arg(f.images.size()).arg(f.size * f.size));
  } else {
    m_speed->setText(tr("%1 of %2 pixels · %3 pixels a second in each image")
                         .arg(f.position).arg(f.size * f.size).arg(f.pixelsPerSecond, 0, 'f', 0));
  }
}

void PixelPage::showField(int image, int row, int col, const QVector<float>& trained, const QVector<float>& plain) {
  m_view->setHeatMap(image, trained, row, col);
  if (image >= 0 && image < m_last.images.size())
    m_plainView->setImages({m_last.images[image]});
  m_plainView->setHeatMap(0, plain, row, col);
}
