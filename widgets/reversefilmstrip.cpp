// SPDX-License-Identifier: GPL-3.0-or-later
// ReverseView's filmstrip (thumbnails at regular intervals) and the images it exports.
#include "reverseview.h"

#include "pointcloudview.h"

#include <QHBoxLayout>
#include <QPainter>
#include <QToolButton>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kFilmstripLength = 11;

QImage sideBySide(const QVector<QImage>& images, const QStringList& captions, int height) {
  const int label = captions.isEmpty() ? 0 : 16;
  int width = 4;
  QVector<QImage> scaled;
  for (const QImage& i : images) {
    scaled.append(i.isNull() ? QImage() : i.scaledToHeight(height, i.height() * 2 <= height ? Qt::FastTransformation
                                                                                          : Qt::SmoothTransformation));
    width += (scaled.last().isNull() ? height : scaled.last().width()) + 4;
  }
  QImage out(width, height + label + 8, QImage::Format_RGB888);
  out.fill(Qt::white);
  QPainter painter(&out);
  int x = 4;
  for (int i = 0; i < scaled.size(); ++i) {
    const int w = scaled[i].isNull() ? height : scaled[i].width();
    if (i < captions.size())
      painter.drawText(QRect(x, 2, w, label), Qt::AlignCenter, captions[i]);
    if (!scaled[i].isNull())
      painter.drawImage(x, label + 4, scaled[i]);
    x += w + 4;
  }
  return out;
}

}  // namespace

void ReverseView::rebuildFilmstrip() {
  while (m_filmLayout->count() > 1) {
    QLayoutItem* item = m_filmLayout->takeAt(0);
    delete item->widget();
    delete item;
  }
  m_filmIndices.clear();
  const int planned = std::max(int(m_planned.size()), int(m_frames.size()));
  if (planned == 0)
    return;
  const int n = std::min(kFilmstripLength, planned);
  for (int k = 0; k < n; ++k) {
    const int index = n == 1 ? 0 : int(std::lround(double(k) * (planned - 1) / (n - 1)));
    m_filmIndices.append(index);
    auto* b = new QToolButton(m_film);
    b->setObjectName(QStringLiteral("filmstripButton"));
    b->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    b->setIconSize(QSize(56, 56));
    if (index < m_frames.size()) {
      const Frame& f = m_frames[index];
      QImage thumb = f.xt;
      if (m_points) {
        m_xtPoints->setPoints(f.xtPoints);
        m_xtPoints->setTrails({});
        thumb = m_xtPoints->snapshot(200);
      }
      b->setIcon(QPixmap::fromImage(thumb.scaled(56, 56, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
      b->setText(tr("t = %1").arg(f.t));
      connect(b, &QToolButton::clicked, this, [this, index] { setCurrentFrame(index); });
    } else {
      b->setText(tr("step %1").arg(index + 1));
      b->setEnabled(false);
    }
    m_filmLayout->insertWidget(m_filmLayout->count() - 1, b);
  }
  if (m_points)
    showFrame(currentFrame());  // the thumbnails borrowed the view
}

QImage ReverseView::currentFrameImage() const {
  const int i = currentFrame();
  if (i < 0)
    return {};
  const Frame& f = m_frames[i];
  if (m_points)
    return m_xtPoints->snapshot(480);
  return sideBySide({f.xt, f.x0, f.eps},
                    {tr("x_t (t = %1)").arg(f.t), tr("predicted x0"), tr("predicted ε")}, std::max(240, f.xt.height()));
}

QImage ReverseView::filmstripImage() const {
  QVector<QImage> images;
  QStringList captions;
  for (int index : m_filmIndices)
    if (index < m_frames.size()) {
      images.append(m_frames[index].xt);
      captions << tr("t = %1").arg(m_frames[index].t);
    }
  if (images.isEmpty())
    return {};
  if (m_points) {
    auto* self = const_cast<ReverseView*>(this);
    for (int k = 0; k < images.size(); ++k) {
      self->m_xtPoints->setPoints(m_frames[m_filmIndices[k]].xtPoints);
      self->m_xtPoints->setTrails({});
      images[k] = m_xtPoints->snapshot(200);
    }
    self->showFrame(currentFrame());
  }
  return sideBySide(images, captions, std::max(120, images.first().height()));
}

QVector<QImage> ReverseView::trajectoryImages() const {
  QVector<QImage> out;
  out.reserve(m_frames.size());
  auto* self = const_cast<ReverseView*>(this);
  for (const Frame& f : m_frames) {
    if (m_points) {
      self->m_xtPoints->setPoints(f.xtPoints);
      self->m_xtPoints->setTrails({});
      out.append(m_xtPoints->snapshot(240));
    } else {
      out.append(f.xt.height() < 112 ? f.xt.scaled(f.xt.width() * 2, f.xt.height() * 2) : f.xt);
    }
  }
  if (m_points)
    self->showFrame(currentFrame());
  return out;
}
