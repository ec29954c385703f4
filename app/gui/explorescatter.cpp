// SPDX-License-Identifier: GPL-3.0-or-later
// The Explore page's data side: the held-out items on the map, a drawn digit, the walk.
#include "explorepage.h"

#include "chartexport.h"

#include "drawpanel.h"
#include "gifwriter.h"
#include "latentaxis.h"
#include "latentexplorer.h"
#include "latentpad.h"
#include "runinspection.h"
#include "walkpanel.h"

#include <QApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>
#include <QPolygonF>
#include <QThreadPool>
#include <QTimer>
#include <cmath>

namespace {

// The 1σ and 2σ contours of N(mean, diag σ²) in the two shown dimensions, in slider σ units.
QPolygonF contour(double mx, double my, double sx, double sy, double k) {
  QPolygonF curve;
  for (int i = 0; i < 72; ++i) {
    const double a = 2 * M_PI * i / 72;
    curve << QPointF(LatentAxis::latentToFraction(mx + k * sx * std::cos(a), LatentExplorer::kSigmas),
                     LatentAxis::latentToFraction(my + k * sy * std::sin(a), LatentExplorer::kSigmas));
  }
  return curve;
}

}  // namespace

QPointF ExplorePage::fractionOf(const std::vector<float>& sigmas) const {
  const auto [dx, dy] = m_explore->dimensions();
  const double x = sigmas.size() > size_t(dx) ? sigmas[size_t(dx)] : 0.0;
  const double y = sigmas.size() > size_t(dy) && sigmas.size() > 1 ? sigmas[size_t(dy)] : 0.0;
  return {LatentAxis::latentToFraction(x, LatentExplorer::kSigmas), LatentAxis::latentToFraction(y, LatentExplorer::kSigmas)};
}

void ExplorePage::loadHeldOut(const QString& folder) {
  if (folder.isEmpty() || folder == m_heldOutFolder)
    return;
  m_heldOutFolder = folder;
  m_heldOut.reset();
  m_walk->setItemsAvailable(false);
  // Reading the data set takes a moment: on a pool thread, like the encoding.
  QThreadPool::globalInstance()->start([folder, guard = QPointer<ExplorePage>(this)] {
    auto loaded = RunInspection::loadHeldOut(folder, kScatterItems);
    QMetaObject::invokeMethod(qApp, [guard, folder, loaded = std::move(loaded)]() mutable {
      if (!guard || guard->m_heldOutFolder != folder)
        return;
      if (!loaded.ok()) {
        guard->m_explore->setScatter({}, {}, tr("Held-out data not shown: %1").arg(loaded.error));
        return;
      }
      guard->m_digits = !loaded.value.classNames.isEmpty() && loaded.value.classNames.first() == QLatin1String("0");
      guard->m_heldOut = std::make_shared<const HeldOutItems>(std::move(loaded.value));
      guard->showClasses(guard->m_decoder.classes());  // their names in the class picker
      guard->encodeScatter();
    });
  });
}

void ExplorePage::encodeScatter() {
  if (!m_decoder.hasEncoder() || !m_heldOut || m_heldOut->count == 0 || m_heldOut->itemSize != m_decoder.itemSize())
    return;
  if (m_codesStep == m_decoder.step() && !m_codes.empty()) {
    projectScatter();  // this decoder's codes are there already (they may have come before the items)
    return;
  }
  if (m_scatterBusy) {  // one encoding at a time; the newest encoder runs next
    m_scatterAgain = true;
    return;
  }
  m_scatterBusy = true;
  // Never on the GUI thread: a conv encoder takes tens of milliseconds for a thousand images.
  QThreadPool::globalInstance()->start([decoder = m_decoder, items = m_heldOut, folder = m_run,
                                        guard = QPointer<ExplorePage>(this)] {
    auto codes = decoder.encode(items->values, items->count, items->labels);  // told the class: each with its own
    QMetaObject::invokeMethod(qApp, [guard, folder, step = decoder.step(), codes = std::move(codes)]() mutable {
      if (!guard)
        return;
      guard->m_scatterBusy = false;
      if (folder == guard->m_run && !codes.empty()) {
        guard->m_codes = std::move(codes);
        guard->m_codesStep = step;
        guard->m_walk->setItemsAvailable(guard->m_codes.count >= 2);
        guard->projectScatter();
      }
      if (std::exchange(guard->m_scatterAgain, false) && !guard->m_scatterTimer->isActive())
        guard->m_scatterTimer->start();
    });
  });
}

void ExplorePage::projectScatter() {
  if (m_codes.empty() || !m_heldOut) {
    return;
  }
  QVector<PadPoint> points;
  points.reserve(int(m_codes.count));
  const size_t d = size_t(m_codes.dim);
  for (int64_t i = 0; i < m_codes.count; ++i) {
    const float* m = m_codes.mean.data() + size_t(i) * d;
    const int label = size_t(i) < m_heldOut->labels.size() ? m_heldOut->labels[size_t(i)] : -1;
    points.push_back({fractionOf(m_decoder.sigmasOf(std::vector<float>(m, m + d))), label});
  }
  const QString what = m_imageData ? tr("Show the held-o&ut images (%1) at their codes").arg(m_codes.count)
                                   : tr("Show the held-o&ut points (%1, at their codes)").arg(m_codes.count);
  m_explore->setScatter(points, m_heldOut->classNames, what);
  Q_EMIT scatterUpdated();
}

void ExplorePage::showHovered(int index) {
  if (index < 0 || !m_heldOut || index >= m_codes.count || index >= m_heldOut->count) {
    m_explore->setHoverPreview({}, {}, QString());
    return;
  }
  const float* m = m_codes.mean.data() + size_t(index) * size_t(m_codes.dim);
  // Told the class, the item's code is decoded as its own class.
  const int own = m_decoder.classes() > 0 && size_t(index) < m_heldOut->labels.size() ? m_heldOut->labels[size_t(index)] : -1;
  const QImage reconstruction = m_decoder.decode(std::vector<float>(m, m + m_codes.dim), own);
  QImage item = m_imageData ? imageFromPixels(m_heldOut->itemValues(index), m_heldOut->side, m_heldOut->channels)
                            : reconstruction;
  QString caption;
  if (size_t(index) < m_heldOut->labels.size() && m_heldOut->labels[size_t(index)] < m_heldOut->classNames.size())
    caption = tr("Held-out image %1, class “%2”; right: what the decoder draws from its code's mean.")
                  .arg(index + 1)
                  .arg(m_heldOut->classNames[m_heldOut->labels[size_t(index)]]);
  else
    caption = m_imageData ? tr("Held-out image %1; right: what the decoder draws from its code's mean.").arg(index + 1)
                          : tr("Held-out point %1 (grey) and the point decoded from its code (red).").arg(index + 1);
  m_explore->setHoverPreview(item, m_imageData ? reconstruction : QImage(), caption);
}

void ExplorePage::encodeDrawing() {
  if (m_draw->canvas()->isBlank() || !m_decoder.hasEncoder() || !m_imageData) {
    m_drawnItem.clear();
    m_drawnCode = {};
    m_explore->pad()->setContours({}, {});
    m_draw->setReconstruction({}, tr("Draw a digit: the encoder places it on the map (its mean, with the 1σ and 2σ "
                                     "ellipses of its posterior) and the sliders jump there."));
    return;
  }
  m_drawnItem = itemFromDrawing(m_draw->canvas()->drawing(), m_decoder.side(), m_decoder.channels(), m_digits);
  // One image through the encoder: well under a millisecond for these models.
  m_drawnCode = m_decoder.encode(m_drawnItem, 1);
  if (m_drawnCode.empty())
    return;
  placeDrawing();
  const std::vector<float> sigmas = m_decoder.sigmasOf(m_drawnCode.mean);
  const auto [dx, dy] = m_explore->dimensions();
  m_explore->setLatent({sigmas[size_t(dx)], sigmas.size() > 1 ? double(sigmas[size_t(dy)]) : 0.0});
}

void ExplorePage::placeDrawing() {
  LatentPad* pad = m_explore->pad();
  if (m_drawnCode.empty() || int(m_drawnCode.mean.size()) != m_decoder.latentDim()) {
    pad->setContours({}, {});
    return;
  }
  const std::vector<float>& mean = m_drawnCode.mean;
  const std::vector<float> sigmas = m_decoder.sigmasOf(mean);
  const auto [dx, dy] = m_explore->dimensions();
  const bool twoAxes = sigmas.size() > 1;
  const size_t ix = size_t(dx), iy = size_t(twoAxes ? dy : dx);
  const double my = twoAxes ? sigmas[iy] : 0.0;  // a 1-D code lies on the middle line
  QVector<QPolygonF> contours;
  QString spread;
  if (!m_drawnCode.logvar.empty()) {
    // The posterior's σ in slider units (the sliders span the prior's σ, or the codes' spread).
    const std::vector<float> zero = m_decoder.sigmasOf(std::vector<float>(mean.size(), 0.f));
    const std::vector<float> one = m_decoder.sigmasOf(std::vector<float>(mean.size(), 1.f));
    const auto scale = [&](size_t i) { return std::exp(0.5 * m_drawnCode.logvar[i]) * (one[i] - zero[i]); };
    for (const double k : {1.0, 2.0})
      contours << contour(sigmas[ix], my, scale(ix), twoAxes ? scale(iy) : 0.0, k);
    spread = twoAxes ? tr(", σ = (%1, %2)").arg(std::exp(0.5 * m_drawnCode.logvar[ix]), 0, 'f', 2)
                           .arg(std::exp(0.5 * m_drawnCode.logvar[iy]), 0, 'f', 2)
                     : tr(", σ = %1").arg(std::exp(0.5 * m_drawnCode.logvar[ix]), 0, 'f', 2);
  }
  pad->setContours(contours, fractionOf(sigmas));
  const QString where = twoAxes ? tr("mean (%1, %2)%3 in z%4 and z%5").arg(mean[ix], 0, 'f', 2).arg(mean[iy], 0, 'f', 2)
                                      .arg(spread).arg(ix + 1).arg(iy + 1)
                                : tr("mean %1%2").arg(mean[ix], 0, 'f', 2).arg(spread);
  // The map and the sliders reach ±3σ; a code further out is said, not silently clamped.
  QStringList beyond;
  for (const size_t i : twoAxes ? std::vector<size_t>{ix, iy} : std::vector<size_t>{ix})
    if (std::abs(sigmas[i]) > LatentExplorer::kSigmas)
      beyond << tr("%1σ in z%2").arg(sigmas[i], 0, 'f', 1).arg(i + 1);
  const QString text =
      beyond.isEmpty()
          ? tr("Its code: %1. The sliders moved there; the ellipses on the map hold 1σ and 2σ of its posterior.").arg(where)
          : tr("Its code: %1. It lies beyond the map's ±%2σ (%3): the sliders and the hollow dot stop at the edge, "
               "the image here is decoded from the code itself.")
                .arg(where)
                .arg(LatentExplorer::kSigmas, 0, 'f', 0)
                .arg(beyond.join(QStringLiteral(", ")));
  m_draw->setReconstruction(m_decoder.decode(mean), text);
}

void ExplorePage::setWalkEnds(const LatentWalk::Code& start, const LatentWalk::Code& end) {
  m_walkStart = start;
  m_walkEnd = end;
  updateWalk();
}

void ExplorePage::updateWalk() {
  const int d = m_decoder.latentDim();
  m_walkCodes.clear();
  m_walkFrames.clear();
  if (d == 0 || int(m_walkStart.size()) != d || int(m_walkEnd.size()) != d) {
    const QString have = int(m_walkStart.size()) == d ? tr("Start set; now move to the end and press End here.")
                         : int(m_walkEnd.size()) == d ? tr("End set; now move to the start and press Start here.")
                         : m_decoder.drawsPoints() ? tr("Set a start and an end: the points along the way appear here.")
                                                   : tr("Set a start and an end: the images along the way appear here.");
    m_walk->setStrip({}, have);
    m_explore->pad()->setWalk({});
    return;
  }
  m_walkCodes = LatentWalk::between(m_walkStart, m_walkEnd, m_walk->steps(), m_walk->spherical());
  // Asked for by the user: at most 64 decodes, here and now (the refresh while training is pooled).
  for (const auto& z : m_walkCodes)
    m_walkFrames << m_decoder.decode(z);
  projectWalk();
  showWalkFrames();
}

void ExplorePage::projectWalk() {
  QPolygonF path;
  for (const auto& z : m_walkCodes)
    path << fractionOf(m_decoder.sigmasOf(z));
  m_explore->pad()->setWalk(path);
}

void ExplorePage::showWalkFrames() {
  m_walk->setStrip(LatentWalk::strip(m_walkFrames),
                   tr("%1 steps from A to B along %2; the dashed line on the map is the walk in the two shown "
                      "dimensions.")
                       .arg(m_walkCodes.size())
                       .arg(m_walk->spherical() ? tr("a great circle") : tr("a straight line")));
}

void ExplorePage::refreshWalk() {
  if (m_walkCodes.empty())
    return;
  if (m_walkBusy) {
    m_walkAgain = true;
    return;
  }
  m_walkBusy = true;
  // The same codes through the training run's newer decoder, off the GUI thread.
  QThreadPool::globalInstance()->start([decoder = m_decoder, codes = m_walkCodes, guard = QPointer<ExplorePage>(this)] {
    QVector<QImage> frames;
    for (const auto& z : codes)
      frames << decoder.decode(z);
    QMetaObject::invokeMethod(qApp, [guard, codes, frames] {
      if (!guard)
        return;
      guard->m_walkBusy = false;
      if (codes == guard->m_walkCodes) {
        guard->m_walkFrames = frames;
        guard->showWalkFrames();
      }
      if (std::exchange(guard->m_walkAgain, false))
        guard->refreshWalk();
    });
  });
}

Status ExplorePage::saveWalkStrip(const QString& path) const {
  // Small images enlarged 3× (nearest neighbour): a 28-px digit is too small to see in a document.
  const QImage strip = LatentWalk::strip(m_walkFrames);
  const int scale = !strip.isNull() && strip.height() < 100 ? 3 : 1;
  return LatentWalk::savePng(path, strip.scaled(strip.size() * scale, Qt::IgnoreAspectRatio, Qt::FastTransformation));
}

Status ExplorePage::saveWalkAnimation(const QString& path) const {
  if (m_walkFrames.isEmpty())
    return {tr("There is no walk to save yet.")};
  // One frame per step, small images enlarged 4× (nearest neighbour) to be seen.
  QVector<QImage> large;
  for (const QImage& f : m_walkFrames)
    large << f.scaled(f.size() * (f.width() < 100 ? 4 : 1), Qt::IgnoreAspectRatio, Qt::FastTransformation);
  return writeAnimatedGif(path, large, 120);
}

Status ExplorePage::saveWalkCodes(const QString& path) const { return LatentWalk::saveCsv(path, m_walkCodes); }

void ExplorePage::saveWalk(int kind) {
  const QString filters[3] = {tr("PNG image (*.png)"), tr("Animated GIF (*.gif)"), tr("Comma-separated values (*.csv)")};
  const QString names[3] = {QStringLiteral("walk.png"), QStringLiteral("walk.gif"), QStringLiteral("walk.csv")};
  const QString path = QFileDialog::getSaveFileName(this, tr("Save the walk"), names[kind], filters[kind]);
  if (path.isEmpty())
    return;
  const Status saved = kind == 0 ? saveWalkStrip(path) : kind == 1 ? saveWalkAnimation(path) : saveWalkCodes(path);
  if (!saved.ok())
    QMessageBox::warning(this, tr("Save the walk"), saved.error);
  else
    ChartExport::confirmSaved(this, path);
}
