// SPDX-License-Identifier: GPL-3.0-or-later
#include "walkpanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

WalkPanel::WalkPanel(QWidget* parent) : QWidget(parent) {
  auto button = [this](const QString& text, const char* name, const QString& tip) {
    auto* b = new QPushButton(text, this);
    b->setObjectName(QLatin1String(name));
    b->setToolTip(tip);
    return b;
  };
  auto* start = button(tr("&Start here"), "walkStartButton", tr("The walk starts at the point on the map."));
  auto* end = button(tr("E&nd here"), "walkEndButton", tr("The walk ends at the point on the map."));
  m_items = button(tr("Two held-out ima&ges"), "walkItemsButton",
                   tr("From one held-out image's code to another's (two picked at random)."));
  auto* random = button(tr("Two rando&m codes"), "walkRandomButton", tr("Between two codes drawn from the prior."));
  connect(start, &QPushButton::clicked, this, &WalkPanel::startHereRequested);
  connect(end, &QPushButton::clicked, this, &WalkPanel::endHereRequested);
  connect(m_items, &QPushButton::clicked, this, &WalkPanel::twoItemsRequested);
  connect(random, &QPushButton::clicked, this, &WalkPanel::twoRandomRequested);

  m_steps = new QSpinBox(this);
  m_steps->setObjectName(QStringLiteral("walkStepsSpin"));
  m_steps->setRange(2, 64);
  m_steps->setValue(10);
  m_path = new QComboBox(this);
  m_path->setObjectName(QStringLiteral("walkPathCombo"));
  m_path->addItem(tr("straight line"));
  m_path->addItem(tr("great circle (spherical)"));
  m_path->setToolTip(tr("A straight line passes near the origin, where a Gaussian code rarely lies; the great "
                        "circle keeps the codes' length, as codes drawn from the prior have."));
  connect(m_steps, &QSpinBox::valueChanged, this, &WalkPanel::walkChanged);
  connect(m_path, &QComboBox::currentIndexChanged, this, &WalkPanel::walkChanged);

  m_strip = new QLabel(this);
  m_strip->setObjectName(QStringLiteral("walkStrip"));
  m_strip->setMinimumHeight(60);
  m_strip->setAlignment(Qt::AlignCenter);
  m_caption = new QLabel(tr("Set a start and an end: the images along the way appear here."), this);
  m_caption->setObjectName(QStringLiteral("walkCaption"));
  m_caption->setWordWrap(true);

  const char* names[3] = {"saveStripButton", "saveAnimationButton", "saveCodesButton"};
  const QString texts[3] = {tr("Save strip (PNG)…"), tr("Save animation (GIF)…"), tr("Save codes (CSV)…")};
  auto* saves = new QHBoxLayout;
  for (int i = 0; i < 3; ++i) {
    m_saves[i] = button(texts[i], names[i], QString());
    m_saves[i]->setEnabled(false);
    saves->addWidget(m_saves[i]);
  }
  connect(m_saves[0], &QPushButton::clicked, this, &WalkPanel::saveStripRequested);
  connect(m_saves[1], &QPushButton::clicked, this, &WalkPanel::saveAnimationRequested);
  connect(m_saves[2], &QPushButton::clicked, this, &WalkPanel::saveCodesRequested);

  auto* ends = new QGridLayout;
  ends->addWidget(start, 0, 0);
  ends->addWidget(end, 0, 1);
  ends->addWidget(m_items, 1, 0);
  ends->addWidget(random, 1, 1);
  auto* form = new QFormLayout;
  form->addRow(tr("Ste&ps:"), m_steps);
  form->addRow(tr("P&ath:"), m_path);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(ends);
  layout->addLayout(form);
  layout->addWidget(m_strip, 1);
  layout->addWidget(m_caption);
  layout->addLayout(saves);
}

int WalkPanel::steps() const { return m_steps->value(); }

void WalkPanel::setSteps(int steps) { m_steps->setValue(steps); }

bool WalkPanel::spherical() const { return m_path->currentIndex() == 1; }

void WalkPanel::setSpherical(bool spherical) { m_path->setCurrentIndex(spherical ? 1 : 0); }

void WalkPanel::setItemsAvailable(bool available) { m_items->setEnabled(available); }

void WalkPanel::setStrip(const QImage& strip, const QString& caption) {
  m_stripImage = strip;
  m_caption->setText(caption);
  for (QPushButton* b : m_saves)
    b->setEnabled(!strip.isNull());
  showStrip();
}

void WalkPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  showStrip();
}

void WalkPanel::showStrip() {
  if (m_stripImage.isNull()) {
    m_strip->clear();
    return;
  }
  // Wrapped into rows that fit the panel, each frame scaled up crisply.
  const int frame = m_stripImage.height();
  const int count = std::max(1, m_stripImage.width() / std::max(1, frame));
  const int width = std::max(100, m_strip->width());
  const int perRow = std::clamp(width / 64, 1, count);  // about six a row, whatever the frames' size
  const int rows = (count + perRow - 1) / perRow;
  const int cell = std::min(width / perRow, 3 * frame);
  QPixmap out(perRow * cell, rows * cell);
  out.fill(palette().color(QPalette::Window));
  QPainter p(&out);
  for (int i = 0; i < count; ++i)
    p.drawImage(QRect((i % perRow) * cell, (i / perRow) * cell, cell - 2, cell - 2),
                m_stripImage.copy(i * frame, 0, frame, frame));
  p.end();
  m_strip->setPixmap(out);
}
