// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

class RunFolder;

/// What genlab-cli's eval and info report, as JSON (the same code a script or the GUI can call).
namespace RunInspection {

/// Loads the run's model and evaluates it on the held-out split of its dataset (or the MNIST-layout
/// folder `dataFolder` when given): mean negative ELBO, reconstruction and KL per image, in nats.
QJsonObject evaluate(const RunFolder& run, const QString& dataFolder, QString* error);

/// Name, sizes, image shape, class names and source folder of "mnist", "fashion-mnist" or an
/// MNIST-layout folder.
QJsonObject describeDataset(const QString& nameOrFolder, QString* error);

}  // namespace RunInspection
