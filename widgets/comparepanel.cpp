// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparepanel.h"

#include "digitview.h"
#include "latentpad.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

ComparePanel::ComparePanel(QWidget* parent) : QWidget(parent) {
  auto* open = new QPushButton(tr("&Open another run…"), this);
  open->setObjectName(QStringLiteral("compareOpenButton"));
  open->setToolTip(tr("A run with a latent code (say an auto-encoder beside a VAE trained on the same digits)."));
  connect(open, &QPushButton::clicked, this, &ComparePanel::openRequested);
  m_link = new QCheckBox(tr("&Link the sliders"), this);
  m_link->setObjectName(QStringLiteral("linkSlidersCheck"));
  m_link->setChecked(true);
  m_link->setToolTip(tr("Both runs show the same point of their latent spaces (in standard deviations of each "
                        "one's codes); dragging on either map moves both."));
  connect(m_link, &QCheckBox::toggled, this, &ComparePanel::linkedChanged);
  m_description = new QLabel(tr("Open a second run to see its latent space beside this one."), this);
  m_description->setObjectName(QStringLiteral("compareDescription"));
  m_description->setWordWrap(true);
  m_pad = new LatentPad(this);
  m_pad->setObjectName(QStringLiteral("comparePad"));
  connect(m_pad, &LatentPad::moved, this, [this](QPointF f) {
    if (linked())
      Q_EMIT moved(f);
  });
  m_digit = new DigitView(this);
  m_digit->setObjectName(QStringLiteral("compareDigit"));
  m_digit->setFixedSize(112, 112);

  auto* top = new QHBoxLayout;
  top->addWidget(open);
  top->addWidget(m_link);
  top->addStretch(1);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(m_digit);
  bottom->addWidget(m_description, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(m_pad, 1);
  layout->addLayout(bottom);
}

void ComparePanel::setDescription(const QString& text) { m_description->setText(text); }

void ComparePanel::setDecodedImage(const QImage& image) { m_digit->setImage(image); }

QImage ComparePanel::decodedImage() const { return m_digit->image(); }

bool ComparePanel::linked() const { return m_link->isChecked(); }

void ComparePanel::setLinked(bool linked) { m_link->setChecked(linked); }
