// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testdata.h"
#include "runinspection.h"
#include "trainingcontroller.h"

#include <QSignalSpy>

namespace TestData {

// The Explore page's decoder of a run (null with *error set when it cannot be opened).
inline DecoderSnapshot decoderOf(const QString& folder, QString* error) {
  const auto loaded = RunInspection::loadDecoder(folder);
  *error = loaded.error;
  return loaded.value.first;
}

// A real model for core and GUI tests: one epoch of the VAE on the real digits (~1 s),
// trained through the same controller the GUI uses. Returns the run folder, "" on failure.
// `byClass`: told each digit's class (a CVAE).
inline QString trainOneEpoch(const QString& runsFolder, int latentDim = 2, const QString& model = QStringLiteral("vae"),
                             bool byClass = false) {
  TrainingController c;
  QSignalSpy finished(&c, &TrainingController::finished);
  TrainingSettings s;
  s.dataFolder = mnistFolder();
  s.runsFolder = runsFolder;
  s.epochs = 1;
  s.model = model;
  s.options.set(QStringLiteral("latent"), latentDim);  // the VAE's own option (its family declares it)
  s.options.set(QStringLiteral("by-class"), byClass);
  s.threads = 2;
  if (!c.start(s).ok() || !finished.wait(60000))
    return {};
  return finished.first().first().toString();
}

// A toy diffusion model of seed 002 on the S-curve, `epochs` epochs (78 steps each, ~0.2 s).
inline QString trainToyDiffusion(const QString& runsFolder, int epochs = 3) {
  TrainingController c;
  QSignalSpy finished(&c, &TrainingController::finished);
  TrainingSettings s;
  s.useDefaultsOf(QStringLiteral("toy-diffusion"), QStringLiteral("toy:s-curve"));
  s.dataset = QStringLiteral("toy:s-curve");
  s.runsFolder = runsFolder;
  s.epochs = epochs;
  s.threads = 2;
  if (!c.start(s).ok() || !finished.wait(60000))
    return {};
  return finished.first().first().toString();
}

}  // namespace TestData
