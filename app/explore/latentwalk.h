// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QImage>
#include <QString>
#include <QVector>
#include <vector>

/// A walk through the latent space: the codes between two codes, and what it is saved as.
namespace LatentWalk {

using Code = std::vector<float>;

/// `steps` codes from `a` to `b` (both included; steps ≥ 2; equal sizes). Straight: evenly along
/// the line. Spherical: the direction turns evenly along the great circle from a's to b's while
/// the length goes evenly from |a| to |b| (so codes of equal length keep it; back to straight
/// where a direction is undefined or the two are (anti)parallel).
std::vector<Code> between(const Code& a, const Code& b, int steps, bool spherical);

/// The images side by side, equal squares without gaps (what the panel and the PNG show).
QImage strip(const QVector<QImage>& frames);

/// "step,t,z1,…,zd" and one line per code; numbers with a dot in every locale.
QString csv(const std::vector<Code>& codes);

/// Writes the codes as CSV (atomically: a failure leaves nothing): ok, or what went wrong.
Status saveCsv(const QString& path, const std::vector<Code>& codes);
/// Writes the strip as PNG (atomically): ok, or what went wrong.
Status savePng(const QString& path, const QImage& strip);

}  // namespace LatentWalk

/// A drawing (any size, light ink on black) as one item of a data set whose images are
/// `side` × `side` with `channels` channels, intensities in [0, 1] channel-major. `likeDigits`:
/// as MNIST prepared its digits (the ink's bounding box scaled into 20 × 20 keeping its aspect,
/// then shifted so that its centre of mass is the image's centre); otherwise the whole drawing
/// scaled to the side. Empty for a blank drawing.
std::vector<float> itemFromDrawing(const QImage& drawing, int side, int channels, bool likeDigits);
