// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ATen/core/Tensor.h>

#include "modelfamily.h"

#include <QImage>
#include <QString>

class DiffusionModel;

/// Sampling a diffusion run into a picture (the CLI's `sample`, the samples/step-N.png of training).
namespace DiffusionSampling {

/// count 0: 16 images or 1,000 points.
using Request = SampleRequest;

/// Samples a diffusion model: images as a grid (default 16), or points as a scatter plot over the
/// held-out points of its toy set (default 1,000); with r.frames > 0, the denoising as a strip of
/// plots or grids, each labelled with its step. The error says what is wrong with the request.
Result<QImage> sample(const DiffusionModel& model, const Request& r);

/// (n, c, s, s) images in [0, 1] as a grid of `cols` columns with 1-px gaps.
QImage imageGrid(const at::Tensor& images, int cols);

/// Checks a request against a run of T steps; "" or what is wrong.
QString validate(const Request& r, int timesteps);

}  // namespace DiffusionSampling
