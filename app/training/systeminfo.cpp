// SPDX-License-Identifier: GPL-3.0-or-later
#include "systeminfo.h"
#include "blaskernel.h"

#include "nn/precision.h"

#include <ATen/Parallel.h>
#include <torch/version.h>

#include <QFile>
#include <QFileInfo>

namespace {

QString loadedBlasPath() {
  QFile maps(QStringLiteral("/proc/self/maps"));
  if (!maps.open(QIODevice::ReadOnly))
    return {};
  const QList<QByteArray> lines = maps.readAll().split('\n');
  for (const QByteArray& line : lines) {
    const int slash = line.indexOf('/');
    if (slash < 0)
      continue;
    const QString path = QString::fromLocal8Bit(line.mid(slash));
    const QString name = QFileInfo(path).fileName();
    if (name.startsWith(QLatin1String("libblas.so")) || name.startsWith(QLatin1String("libopenblas")) ||
        name.startsWith(QLatin1String("libmkl_rt")) || name.startsWith(QLatin1String("libblis")))
      return QFileInfo(path).canonicalFilePath().isEmpty() ? path : QFileInfo(path).canonicalFilePath();
  }
  return {};
}

}  // namespace

namespace SystemInfo {

QString blasKernel() { return QString::fromStdString(BlasKernel::loadedKernel()); }

QString device() { return QStringLiteral("CPU"); }

bool blasIsReference() {
  const QString p = loadedBlasPath();
  return p.contains(QLatin1String("/blas/")) && !p.contains(QLatin1String("openblas"));
}

QString blasName() {
  const QString p = loadedBlasPath();
  if (p.isEmpty())
    return QStringLiteral("BLAS not loaded");
  const QString kernel = blasKernel();
  if (p.contains(QLatin1String("openblas")) || !kernel.isEmpty()) {
    const QString threading = p.contains(QLatin1String("openblas-openmp"))    ? QStringLiteral(" (OpenMP)")
                              : p.contains(QLatin1String("openblas-pthread")) ? QStringLiteral(" (pthreads)")
                                                                              : QString();
    QString name = QStringLiteral("OpenBLAS %1%2").arg(kernel.isEmpty() ? QStringLiteral("(kernel unknown)") : kernel, threading);
    if (!BlasKernel::chosenKernel().empty())
      name += QStringLiteral(", chosen by GenLab for this CPU");
    else if (BlasKernel::betterKernel(BlasKernel::thisCpu(), kernel.toStdString(), false))
      name += QStringLiteral(", slower than this CPU allows");
    return name;
  }
  if (p.contains(QLatin1String("mkl")))
    return QStringLiteral("MKL");
  if (p.contains(QLatin1String("blis")))
    return QStringLiteral("BLIS");
  if (blasIsReference())
    return QStringLiteral("reference BLAS (slow)");
  return QFileInfo(p).fileName();
}

int threads() { return at::get_num_threads(); }

bool hasNativeBf16() { return genlab::cpu_has_native_bf16(); }

void setThreads(int n) { at::set_num_threads(std::max(1, n)); }

QString torchVersion() { return QStringLiteral(TORCH_VERSION); }

}  // namespace SystemInfo
