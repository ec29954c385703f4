// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// No torch: the pages include it.

#include <QString>

/// The two reverse-process samplers, by the names the CLI (`--sampler`) and the pages use. Written
/// once here: "ddpm" is also the `--model` option of the DDPM family, and the two must not be
/// confused by a string comparison somewhere else.
namespace Sampler {
/// Ancestral sampling through every timestep (Ho et al. 2020).
inline QString ancestral() { return QStringLiteral("ddpm"); }
/// DDIM over a subsequence of timesteps, deterministic at η = 0 (Song et al. 2021).
inline QString implicit() { return QStringLiteral("ddim"); }
inline bool isImplicit(const QString& name) { return name == implicit(); }
inline bool isKnown(const QString& name) { return name == ancestral() || name == implicit(); }
}  // namespace Sampler
