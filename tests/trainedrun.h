// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testdata.h"
#include "trainingcontroller.h"

#include <QSignalSpy>

namespace TestData {

// A real model for core and GUI tests: one epoch of the VAE on the real digits (~1 s),
// trained through the same controller the GUI uses. Returns the run folder, "" on failure.
inline QString trainOneEpoch(const QString& runsFolder, int latentDim = 2, const QString& model = QStringLiteral("vae")) {
  TrainingController c;
  QSignalSpy finished(&c, &TrainingController::finished);
  TrainingSettings s;
  s.dataFolder = mnistFolder();
  s.runsFolder = runsFolder;
  s.epochs = 1;
  s.latentDim = latentDim;
  s.model = model;
  s.threads = 2;
  if (!c.start(s) || !finished.wait(60000))
    return {};
  return finished.first().first().toString();
}

}  // namespace TestData
