// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplestrip.h"

#include <QDir>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

SampleStrip::SampleStrip(QWidget* parent) : QScrollArea(parent) {
  setObjectName(QStringLiteral("sampleStrip"));
  m_row = new QWidget(this);
  m_layout = new QHBoxLayout(m_row);
  m_layout->setContentsMargins(4, 4, 4, 4);
  m_layout->setSpacing(8);
  m_hint = new QLabel(tr("Samples appear here as the model trains: the same noise (or codes) each time, "
                         "so the change from one to the next is the model learning."),
                      m_row);
  m_hint->setWordWrap(true);
  m_hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
  m_layout->addWidget(m_hint);
  m_layout->addStretch(1);
  setWidget(m_row);
  setWidgetResizable(true);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setFixedHeight(kThumbHeight + 48 + horizontalScrollBar()->sizeHint().height());
}

void SampleStrip::addSamples(const QImage& image, qint64 step, int epoch) {
  if (image.isNull())
    return;
  m_hint->hide();
  auto* cell = new QWidget(m_row);
  auto* v = new QVBoxLayout(cell);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(2);
  auto* picture = new QLabel(cell);
  const QImage scaled = image.height() == kThumbHeight
                            ? image
                            : image.scaledToHeight(kThumbHeight, image.height() * 2 <= kThumbHeight
                                                                      ? Qt::FastTransformation  // keep pixels sharp
                                                                      : Qt::SmoothTransformation);
  picture->setPixmap(QPixmap::fromImage(scaled));
  picture->setToolTip(tr("%1 × %2 px as saved").arg(image.width()).arg(image.height()));
  auto* caption = new QLabel(epoch >= 0 ? tr("step %L1 · epoch %2").arg(step).arg(epoch) : tr("step %L1").arg(step), cell);
  caption->setAlignment(Qt::AlignHCenter);
  v->addWidget(picture);
  v->addWidget(caption);
  m_layout->insertWidget(m_layout->count() - 1, cell);
  ++m_count;
  // Scroll once the new cell has its geometry.
  QTimer::singleShot(0, this, [this] { horizontalScrollBar()->setValue(horizontalScrollBar()->maximum()); });
}

int SampleStrip::showRunFolder(const QString& runFolder) {
  clear();
  const QDir dir(QDir(runFolder).filePath(QStringLiteral("samples")));
  const QRegularExpression name(QStringLiteral("^step-(\\d+)\\.png$"));
  // Zero-padded names sort by step.
  for (const QString& file : dir.entryList({QStringLiteral("step-*.png")}, QDir::Files, QDir::Name)) {
    const auto match = name.match(file);
    if (!match.hasMatch())
      continue;
    QImageReader reader(dir.filePath(file));
    const QImage image = reader.read();
    if (!image.isNull())
      addSamples(image, match.captured(1).toLongLong());
  }
  return m_count;
}

void SampleStrip::clear() {
  while (m_layout->count() > 2) {
    QLayoutItem* item = m_layout->takeAt(1);
    delete item->widget();
    delete item;
  }
  m_count = 0;
  m_hint->show();
}

QImage SampleStrip::stripImage() const { return m_count > 0 ? m_row->grab().toImage() : QImage(); }
