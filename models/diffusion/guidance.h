// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/gaussian_diffusion.h"

#include <ATen/core/Tensor.h>

#include <memory>

namespace genlab {

/// Classifier-free guidance (Ho & Salimans 2022): the network told the classes `labels` (B) and
/// told no class (`no_class`), mixed as out(∅) + w·(out(c) − out(∅)). Linear in the output, so the
/// same on ε, v or x̂0. w = 0: the unconditional prediction alone; w = 1: the conditional one alone
/// (each one network pass, exactly that output); other w: both in one pass of a doubled batch.
/// Undefined `labels`: every image without a class (w does not matter).
Denoiser guided(ClassDenoiser net, at::Tensor labels, double w, int64_t no_class);

/// The two predictions of a guided step, out(c) and out(∅), as the last call of the denoiser
/// guided_keeping made computed them (on the network's output scale: ε, v or x̂0).
struct GuidanceParts {
  at::Tensor told, untold;
};
/// guided(), but every call runs both predictions (one pass of a doubled batch, whatever w) and
/// leaves them in `*keep` — for showing what each would make of the same state. The output is
/// guided()'s exactly (w = 0 the untold, w = 1 the told prediction).
Denoiser guided_keeping(ClassDenoiser net, at::Tensor labels, double w, int64_t no_class, std::shared_ptr<GuidanceParts> keep);

/// Autoguidance (Karras et al. 2024, "Guiding a diffusion model with a bad version of itself"): a
/// weaker network of the same data and process (trained less, or smaller) guides the stronger,
/// weak + w·(good − weak) on their outputs. w = 1: the good network alone (exactly, one pass);
/// w = 0: the weak one alone; w > 1 pushes further from the weak one's mistakes. Each call runs
/// both networks (two passes) otherwise. The class, when the networks are told one, goes to both.
ClassDenoiser autoguided(ClassDenoiser good, ClassDenoiser weak, double w);

/// The classes of `count` samples drawn in turn, 0, 1, …, classes − 1, 0, … (equal counts when
/// `count` is a multiple of `classes`), or all `label` when it is ≥ 0.
at::Tensor sample_labels(int64_t count, int64_t classes, int64_t label = -1);

}  // namespace genlab
