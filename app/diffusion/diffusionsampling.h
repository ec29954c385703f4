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

/// r.count images (0: 16) of an image model as (n, c, s, s) in [0, 1], denoised r.batch at a time
/// (0: 100) so memory stays bounded, r.progress told after every step. All the starting noise is
/// drawn first: with DDIM η = 0 the images do not depend on the batch size.
Result<at::Tensor> sampleImages(const DiffusionModel& model, const Request& r);

/// (n, c, s, s) images in [0, 1] as a grid of `cols` columns with 1-px gaps.
QImage imageGrid(const at::Tensor& images, int cols);

/// Checks a request against a run of T steps: ok, or what is wrong.
Status validate(const Request& r, int timesteps);

}  // namespace DiffusionSampling
