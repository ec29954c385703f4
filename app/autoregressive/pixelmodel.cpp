// SPDX-License-Identifier: GPL-3.0-or-later
#include "pixelmodel.h"

#include "run.h"

#include <QCoreApplication>

Result<std::shared_ptr<const PixelModel>> PixelModel::load(const QString& runFolder) {
  Result<std::shared_ptr<const PixelModel>> out;
  const auto run = Run::open(runFolder);
  if (!run.ok()) {
    out.error = run.error;
    return out;
  }
  if (!run.value.family().loadPixelModel) {
    out.error = QCoreApplication::translate("PixelModel", "%1 is a %2 run: it does not write images pixel by pixel")
                    .arg(runFolder, run.value.family().displayName());
    return out;
  }
  try {
    return run.value.family().loadPixelModel(run.value);
  } catch (const c10::Error& e) {
    out.error = QString::fromStdString(e.what_without_backtrace());
  } catch (const std::exception& e) {
    out.error = QString::fromUtf8(e.what());
  }
  return out;
}
