// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ATen/core/Tensor.h>

#include <QImage>
#include <QString>

/// Sampling a diffusion run into a picture (the CLI's `sample`, the samples/step-N.png of training).
namespace DiffusionSampling {

struct Request {
  QString sampler = QStringLiteral("ddpm");  ///< "ddpm" (ancestral, all T steps) or "ddim"
  int steps = 50;                            ///< DDIM steps (1 … T)
  double eta = 0.0;                          ///< DDIM η in [0, 1]
  int count = 1000;                          ///< points to draw
  quint64 seed = 1;
  int frames = 0;  ///< > 0: a strip of the trajectory instead: pure noise, then this many states, evenly spaced
};

/// Draws `r.count` samples of a toy-diffusion run (its EMA weights) as a scatter plot over the
/// held-out points of its dataset, or (r.frames > 0) the denoising as a strip of plots, each
/// labelled with its step; null with *error set when the run or the request is wrong.
QImage sampleRun(const QString& runFolder, const Request& r, QString* error);

/// Samples `r.count` images of a DDPM run (its EMA weights) as a grid; null with *error set.
QImage sampleImages(const QString& runFolder, const Request& r, QString* error);

/// (n, c, s, s) images in [0, 1] as a grid of `cols` columns with 1-px gaps.
QImage imageGrid(const at::Tensor& images, int cols);

/// Checks a request against a run of T steps; "" or what is wrong.
QString validate(const Request& r, int timesteps);

}  // namespace DiffusionSampling
