// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decodersnapshot.h"
#include "heldoutitems.h"
#include "modelfamily.h"

#include <QImage>
#include <QJsonObject>
#include <QString>
#include <utility>

/// What genlab-cli's info, eval and sample do with a run or a dataset (the same code a script or
/// the GUI can call). Each opens the run once (Run::open), asks its family, and turns any exception
/// from LibTorch or the standard library into the result's message.
namespace RunInspection {

/// run.json with the family, its architecture, parameter counts and the last losses.
Result<QJsonObject> describeRun(const QString& folder);

/// The family's held-out measures on the held-out split of the run's dataset (or of the MNIST-layout
/// folder `dataFolder` when given).
Result<QJsonObject> evaluate(const QString& folder, const QString& dataFolder);

/// The decoder of a run for the Explore page (a family with a latent code), with the run's family.
Result<std::pair<DecoderSnapshot, const ModelFamily*>> loadDecoder(const QString& folder);

/// The first `most` items of the held-out split of the run's dataset (the digits `eval` and the
/// held-out curves use), with their classes; the error says why not (data missing, …).
Result<HeldOutItems> loadHeldOut(const QString& folder, int most);

/// The family of the run in `folder` from its run.json alone (no weights read); null if unknown.
const ModelFamily* familyOf(const QString& folder);

/// Samples of the run's model as one picture.
Result<QImage> sample(const QString& folder, const SampleRequest& request);

/// Name, sizes, image shape, class names and source folder of "mnist", "fashion-mnist", a toy set
/// or an MNIST-layout folder.
Result<QJsonObject> describeDataset(const QString& nameOrFolder);

}  // namespace RunInspection
