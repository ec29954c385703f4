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
/// DDIM's η unless the user asks for another: 1, fresh noise at every step as in DDPM. With η = 0
/// (deterministic) the short-trained default DDPM's DDIM-50 digits were grainier and less often
/// recognisable (Fréchet distance 102 against 73; docs/QUALITY.md).
constexpr double defaultEta = 1.0;
/// Classifier-free guidance w of a new run told the class (its run.json's options.guidance, what
/// sampling uses unless the user asks for another; 0: the model without the class, 1: with it,
/// more: further along that difference). Chosen by Fréchet distance (docs/QUALITY.md).
constexpr double defaultGuidance = 1.2;
/// Runs told the class before the scale was recorded sampled with this one.
constexpr double olderRunsGuidance = 2.0;
/// Autoguidance's scale unless the user asks for another (a weaker run guiding a stronger one,
/// Karras et al. 2024; measured in docs/QUALITY.md).
constexpr double defaultAutoguidance = 2.0;
/// SampleRequest's and ReverseRequest's guidance: the run's own scale.
constexpr double runsGuidance = -1;
/// DDIM's steps unless the user asks for another: 50 network calls (two with guidance), where
/// DDPM through all 1000 steps takes 20 times as long for digits no better (docs/QUALITY.md).
constexpr int defaultSteps = 50;
/// The steps a request's `asked` (0: the default) means for a run of `timesteps`: the default is
/// never more than the run has.
inline int stepsFor(int asked, int timesteps) { return asked > 0 ? asked : (defaultSteps < timesteps ? defaultSteps : timesteps); }
}  // namespace Sampler
