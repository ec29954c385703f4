// SPDX-License-Identifier: GPL-3.0-or-later
#include "latentwalk.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPainter>
#include <QSaveFile>
#include <algorithm>
#include <cmath>

namespace LatentWalk {

std::vector<Code> between(const Code& a, const Code& b, int steps, bool spherical) {
  std::vector<Code> out;
  if (a.size() != b.size() || a.empty() || steps < 2)
    return out;
  const size_t d = a.size();
  double na = 0, nb = 0, dot = 0;
  for (size_t i = 0; i < d; ++i) {
    na += double(a[i]) * a[i];
    nb += double(b[i]) * b[i];
    dot += double(a[i]) * b[i];
  }
  na = std::sqrt(na);
  nb = std::sqrt(nb);
  const double cosine = na > 0 && nb > 0 ? std::clamp(dot / (na * nb), -1.0, 1.0) : 1.0;
  const double omega = std::acos(cosine);
  spherical = spherical && na > 1e-12 && nb > 1e-12 && std::sin(omega) > 1e-6;
  for (int s = 0; s < steps; ++s) {
    const double t = double(s) / (steps - 1);
    Code z(d);
    if (s == 0 || s == steps - 1) {  // the ends exactly
      z = s == 0 ? a : b;
    } else if (spherical) {
      // Unit directions along the great circle, scaled by the length in between.
      const double wa = std::sin((1 - t) * omega) / std::sin(omega), wb = std::sin(t * omega) / std::sin(omega);
      const double length = (1 - t) * na + t * nb;
      for (size_t i = 0; i < d; ++i)
        z[i] = float(length * (wa * a[i] / na + wb * b[i] / nb));
    } else {
      for (size_t i = 0; i < d; ++i)
        z[i] = float((1 - t) * a[i] + t * b[i]);
    }
    out.push_back(std::move(z));
  }
  return out;
}

QImage strip(const QVector<QImage>& frames) {
  if (frames.isEmpty() || frames.first().isNull())
    return {};
  const QSize size = frames.first().size();
  QImage out(size.width() * int(frames.size()), size.height(), QImage::Format_RGB888);
  out.fill(Qt::black);
  QPainter p(&out);
  for (int i = 0; i < frames.size(); ++i)
    p.drawImage(i * size.width(), 0, frames[i].scaled(size));
  return out;
}

QString csv(const std::vector<Code>& codes) {
  QString text = QStringLiteral("step,t");
  const size_t d = codes.empty() ? 0 : codes.front().size();
  for (size_t i = 0; i < d; ++i)
    text += QStringLiteral(",z%1").arg(i + 1);
  text += QLatin1Char('\n');
  for (size_t s = 0; s < codes.size(); ++s) {
    // QString::number is locale-independent: always a dot.
    text += QString::number(s) + QLatin1Char(',') +
            QString::number(codes.size() > 1 ? double(s) / double(codes.size() - 1) : 0.0, 'g', 9);
    for (const float v : codes[s])
      text += QLatin1Char(',') + QString::number(double(v), 'g', 9);
    text += QLatin1Char('\n');
  }
  return text;
}

namespace {

Status writeAtomically(const QString& path, const QByteArray& bytes) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
    return {QCoreApplication::translate("LatentWalk", "Could not write %1: %2").arg(path, file.errorString())};
  return {};
}

}  // namespace

Status saveCsv(const QString& path, const std::vector<Code>& codes) {
  if (codes.empty())
    return {QCoreApplication::translate("LatentWalk", "There is no walk to save yet.")};
  return writeAtomically(path, csv(codes).toUtf8());
}

Status savePng(const QString& path, const QImage& strip) {
  if (strip.isNull())
    return {QCoreApplication::translate("LatentWalk", "There is no walk to save yet.")};
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  if (!strip.save(&buffer, "PNG"))
    return {QCoreApplication::translate("LatentWalk", "Could not encode the strip as PNG.")};
  return writeAtomically(path, bytes);
}

}  // namespace LatentWalk

std::vector<float> itemFromDrawing(const QImage& drawing, int side, int channels, bool likeDigits) {
  if (drawing.isNull() || side < 1 || channels < 1)
    return {};
  const QImage grey = drawing.convertToFormat(QImage::Format_Grayscale8);
  int peak = 0;
  for (int y = 0; y < grey.height(); ++y)
    for (int x = 0; x < grey.width(); ++x)
      peak = std::max<int>(peak, grey.constScanLine(y)[x]);
  // The ink's box: pixels of at least a quarter of the brightest (a smoothed edge's faint rim is not ink).
  const int ink = std::max(1, peak / 4);
  int left = grey.width(), right = -1, top = grey.height(), bottom = -1;
  for (int y = 0; y < grey.height(); ++y) {
    const uchar* line = grey.constScanLine(y);
    for (int x = 0; x < grey.width(); ++x)
      if (line[x] >= ink) {
        left = std::min(left, x);
        right = std::max(right, x);
        top = std::min(top, y);
        bottom = std::max(bottom, y);
      }
  }
  if (right < 0)
    return {};
  QImage small;
  if (likeDigits) {
    // MNIST: the ink's box scaled into 20 × 20 (aspect kept) and placed by its centre of mass.
    const QImage ink = grey.copy(left, top, right - left + 1, bottom - top + 1);
    const int box = std::max(1, side * 20 / 28);
    const QImage fitted = ink.scaled(box, box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    double mass = 0, mx = 0, my = 0;
    for (int y = 0; y < fitted.height(); ++y)
      for (int x = 0; x < fitted.width(); ++x) {
        const double v = fitted.constScanLine(y)[x];
        mass += v;
        mx += v * (x + 0.5);
        my += v * (y + 0.5);
      }
    small = QImage(side, side, QImage::Format_Grayscale8);
    small.fill(Qt::black);
    const double cx = mass > 0 ? mx / mass : fitted.width() / 2.0, cy = mass > 0 ? my / mass : fitted.height() / 2.0;
    QPainter p(&small);
    p.drawImage(QPointF(std::round(side / 2.0 - cx), std::round(side / 2.0 - cy)), fitted);
  } else {
    small = grey.scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
  }
  std::vector<float> out(size_t(channels) * size_t(side) * size_t(side));
  for (int c = 0; c < channels; ++c)
    for (int y = 0; y < side; ++y)
      for (int x = 0; x < side; ++x)
        out[(size_t(c) * side + y) * side + x] = small.constScanLine(y)[x] / 255.0f;
  return out;
}
