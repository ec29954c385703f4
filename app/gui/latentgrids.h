// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pictures of a latent space made of many decoded images (run on pool threads by the Explore page).

#include "decodersnapshot.h"

#include <QImage>
#include <QPair>
#include <QPointF>
#include <vector>

/// The decoded images on a `cells` × `cells` grid over dimensions `dims` of the code (σ units,
/// the other dimensions as in `sigmas`): cell centres at equal prior-mass steps, like the
/// sliders; row 0 is the top (+z of the second). Null when the decoder cannot draw.
QImage latentGrid(const DecoderSnapshot& decoder, int cells, QPair<int, int> dims, std::vector<float> sigmas);

/// `cells` × `cells` images, each from another random code (seeded) whose dimensions `dims` are
/// set to `at` (σ units): what the rest of a many-dimensional code adds at one point of the slice.
QImage randomDrawsAt(const DecoderSnapshot& decoder, int cells, QPair<int, int> dims, QPointF at, quint64 seed);

