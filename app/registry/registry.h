// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelfamily.h"

#include <QStringList>

/// Every model family GenLab knows, in the order the Train page lists them. The only place that
/// maps a family id, a `--model` option or a dataset to a family; everything else asks here.
namespace Registry {

/// All families, registered once (registry.cpp).
const QList<const ModelFamily*>& all();
/// The family with run.json kind `id`, or null.
const ModelFamily* find(const QString& id);
/// The family `--model option` means on `dataset` ("vae" on "toy:moons" is the toy VAE); a family id
/// is taken as it is; "" is the first family that takes the dataset. Null when none fits.
const ModelFamily* resolve(const QString& option, const QString& dataset);
/// The first family (in list order) for which `wanted` holds, or null: how pages ask for "a
/// diffusion model of points" without naming one.
const ModelFamily* firstWith(const std::function<bool(const ModelFamily&)>& wanted);
/// What the dataset holds: images or 2-D points ("toy:NAME").
DataKind dataKindOf(const QString& dataset);
/// The `--model` options, each once, as the CLI lists them.
QStringList options();

}  // namespace Registry
