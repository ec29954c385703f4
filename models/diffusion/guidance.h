// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/gaussian_diffusion.h"

#include <ATen/core/Tensor.h>

namespace genlab {

/// Classifier-free guidance (Ho & Salimans 2022): the network told the classes `labels` (B) and
/// told no class (`no_class`), mixed as out(∅) + w·(out(c) − out(∅)). Linear in the output, so the
/// same on ε, v or x̂0. w = 0: the unconditional prediction alone; w = 1: the conditional one alone
/// (each one network pass, exactly that output); other w: both in one pass of a doubled batch.
/// Undefined `labels`: every image without a class (w does not matter).
Denoiser guided(ClassDenoiser net, at::Tensor labels, double w, int64_t no_class);

/// The classes of `count` samples drawn in turn, 0, 1, …, classes − 1, 0, … (equal counts when
/// `count` is a multiple of `classes`), or all `label` when it is ≥ 0.
at::Tensor sample_labels(int64_t count, int64_t classes, int64_t label = -1);

}  // namespace genlab
