// SPDX-License-Identifier: GPL-3.0-or-later
#include "pixeldistributionview.h"

#include <QLinearGradient>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kMargin = 6;
constexpr int kStrip = 6;  // the grey-level strip under the histogram
// Black and white bars both show on mid grey; the histogram's accent bars show best on dark.
const QColor kBinaryPanel(128, 128, 136);
const QColor kHistogramPanel(32, 32, 38);
const QColor kBlackBar(12, 12, 12);
const QColor kWhiteBar(248, 248, 248);
const QColor kAccent(110, 170, 255);
const QColor kDrawn(255, 140, 0);

}  // namespace

PixelDistributionView::PixelDistributionView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("pixelDistributionView"));
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void PixelDistributionView::setDistribution(const QVector<float>& probabilities, int drawnLevel) {
  m_probabilities = probabilities;
  m_max = 0;
  for (float& v : m_probabilities) {
    if (!std::isfinite(v) || v < 0)
      v = 0;
    m_max = std::max(m_max, v);
  }
  m_drawn = drawnLevel >= 0 && drawnLevel < m_probabilities.size() ? drawnLevel : -1;
  update();
}

void PixelDistributionView::setCaption(const QString& caption) {
  m_caption = caption;
  update();
}

QFont PixelDistributionView::smallFont() const {
  QFont f = font();
  if (f.pointSizeF() > 0)
    f.setPointSizeF(f.pointSizeF() * 0.85);
  else
    f.setPixelSize(std::max(8, int(f.pixelSize() * 0.85)));
  return f;
}

QRect PixelDistributionView::panelRect() const {
  const QFontMetrics small(smallFont());
  int top = kMargin;
  if (!m_caption.isEmpty())
    top += small.height() + 2;
  // Below the panel: the bar names (binary), or the grey strip and its 0 / 255 labels.
  const int below = binary() ? fontMetrics().height() + 2 : 2 + kStrip + small.height();
  return QRect(QPoint(kMargin, top), QPoint(width() - 1 - kMargin, height() - 1 - kMargin - below));
}

QRect PixelDistributionView::barArea() const {
  const QRect panel = panelRect();
  // Room above the tallest bar for the value labels (binary) or the max / drawn line (histogram).
  const int top = QFontMetrics(smallFont()).height() + 2;
  return panel.adjusted(binary() ? 0 : 1, top, binary() ? 0 : -1, 0);
}

QRectF PixelDistributionView::barRect(int level) const {
  const int n = int(m_probabilities.size());
  if (level < 0 || level >= n)
    return {};
  const QRect area = barArea();
  if (area.width() <= 0 || area.height() <= 0)
    return {};
  const double bottom = area.bottom() + 1;
  const double height = m_max > 0 ? std::round(area.height() * double(m_probabilities[level]) / m_max) : 0;
  if (binary()) {
    const double width = std::round(std::min(area.width() * 0.3, 90.0));
    const double centre = area.left() + area.width() * (2 * level + 1) / 4.0;
    return {std::round(centre - width / 2), bottom - height, width, height};
  }
  const double left = area.left() + std::round(double(level) * area.width() / n);
  const double right = area.left() + std::round(double(level + 1) * area.width() / n);
  return {left, bottom - height, right - left, height};
}

void PixelDistributionView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const QFontMetrics small(smallFont());
  if (!m_caption.isEmpty()) {
    p.setFont(smallFont());
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(kMargin, kMargin, width() - 2 * kMargin, small.height()), Qt::AlignLeft | Qt::AlignVCenter,
               small.elidedText(m_caption, Qt::ElideRight, width() - 2 * kMargin));
    p.setFont(font());
  }
  if (m_probabilities.isEmpty()) {
    QRect free = rect().adjusted(kMargin, kMargin, -kMargin, -kMargin);
    if (!m_caption.isEmpty())
      free.setTop(free.top() + small.height() + 2);
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(free, Qt::AlignCenter | Qt::TextWordWrap,
               tr("The next pixel's distribution appears here while the model writes."));
    return;
  }
  if (panelRect().height() <= small.height() + 4)
    return;  // too small to say anything
  if (binary())
    paintBinary(p);
  else
    paintHistogram(p);
}

void PixelDistributionView::paintBinary(QPainter& p) {
  const QRect panel = panelRect();
  p.fillRect(panel, kBinaryPanel);
  const QFontMetrics small(smallFont());
  const QString names[] = {tr("black"), tr("white")};
  const QLocale locale;
  for (int level = 0; level < 2; ++level) {
    const QRectF bar = barRect(level);
    p.fillRect(bar, level == 0 ? kBlackBar : kWhiteBar);
    if (level == m_drawn) {
      p.setPen(QPen(kDrawn, 2));
      p.setBrush(Qt::NoBrush);
      p.drawRect(bar.adjusted(-1, -1, 1, 0));
    }
    p.setFont(smallFont());
    p.setPen(kBlackBar);
    const QRectF value(bar.left() - 20, bar.top() - small.height() - 1, bar.width() + 40, small.height());
    p.drawText(value, Qt::AlignCenter, locale.toString(double(m_probabilities[level]), 'f', 2));
    p.setFont(font());
    p.setPen(palette().color(QPalette::WindowText));
    const QRectF name(bar.left() - 20, panel.bottom() + 2, bar.width() + 40, fontMetrics().height());
    p.drawText(name, Qt::AlignCenter, names[level]);
  }
}

void PixelDistributionView::paintHistogram(QPainter& p) {
  const QRect panel = panelRect();
  const QRect area = barArea();
  const int n = int(m_probabilities.size());
  const QFontMetrics small(smallFont());
  p.fillRect(panel, kHistogramPanel);
  for (int level = 0; level < n; ++level)
    if (level != m_drawn)
      p.fillRect(barRect(level), kAccent);
  if (m_drawn >= 0) {
    // At least a pixel wide and tall, so an unlikely draw still shows.
    QRectF bar = barRect(m_drawn);
    bar.setWidth(std::max(1.0, bar.width()));
    bar.setTop(std::min(bar.top(), bar.bottom() - 1));
    p.fillRect(bar, kDrawn);
  }

  const QLocale locale;
  p.setFont(smallFont());
  p.setPen(QColor(190, 190, 200));
  const QRect textLine(area.left() + 3, panel.top() + 1, area.width() - 6, small.height());
  p.drawText(textLine, Qt::AlignLeft | Qt::AlignVCenter, tr("max %1").arg(locale.toString(double(m_max), 'f', 3)));
  if (m_drawn >= 0)
    p.drawText(textLine, Qt::AlignRight | Qt::AlignVCenter,
               tr("drew %1 (p = %2)").arg(m_drawn).arg(locale.toString(double(m_probabilities[m_drawn]), 'f', 3)));

  // The grey levels themselves, under the bars, with the drawn one marked.
  const QRect strip(area.left(), panel.bottom() + 3, area.width(), kStrip);
  QLinearGradient ramp(strip.topLeft(), strip.topRight());
  ramp.setColorAt(0, Qt::black);
  ramp.setColorAt(1, Qt::white);
  p.fillRect(strip, ramp);
  if (m_drawn >= 0) {
    const QRectF bar = barRect(m_drawn);
    const double x = bar.center().x();
    QPainterPath marker;
    marker.moveTo(x, strip.top());
    marker.lineTo(x - 4, strip.bottom() + 1);
    marker.lineTo(x + 4, strip.bottom() + 1);
    marker.closeSubpath();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillPath(marker, kDrawn);
    p.setRenderHint(QPainter::Antialiasing, false);
  }
  p.setPen(palette().color(QPalette::WindowText));
  const QRect labels(area.left(), strip.bottom() + 1, area.width(), small.height());
  p.drawText(labels, Qt::AlignLeft | Qt::AlignTop, QStringLiteral("0"));
  p.drawText(labels, Qt::AlignRight | Qt::AlignTop, QString::number(n - 1));
  p.setFont(font());
}
