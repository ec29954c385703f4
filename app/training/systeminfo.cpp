// SPDX-License-Identifier: GPL-3.0-or-later
#include "systeminfo.h"

#include <ATen/Parallel.h>
#include <torch/version.h>

#include <QFile>
#include <dlfcn.h>
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

QString blasKernel() {
  // OpenBLAS picks its kernel for the CPU when it loads (or takes OPENBLAS_CORETYPE); it says
  // which through this function. Looked up at run time: other BLAS libraries do not have it.
  using CoreName = char* (*)();
  const auto corename = reinterpret_cast<CoreName>(::dlsym(RTLD_DEFAULT, "openblas_get_corename"));
  const char* name = corename ? corename() : nullptr;
  return name ? QString::fromLatin1(name).trimmed() : QString();
}

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
  const QString details = kernel.isEmpty() ? QString() : QStringLiteral(", %1 kernel").arg(kernel);
  if (p.contains(QLatin1String("openblas-openmp")))
    return QStringLiteral("OpenBLAS (OpenMP%1)").arg(details);
  if (p.contains(QLatin1String("openblas-pthread")))
    return QStringLiteral("OpenBLAS (pthreads%1)").arg(details);
  if (p.contains(QLatin1String("openblas")) || !kernel.isEmpty())
    return details.isEmpty() ? QStringLiteral("OpenBLAS") : QStringLiteral("OpenBLAS (%1)").arg(details.mid(2));
  if (p.contains(QLatin1String("mkl")))
    return QStringLiteral("MKL");
  if (p.contains(QLatin1String("blis")))
    return QStringLiteral("BLIS");
  if (blasIsReference())
    return QStringLiteral("reference BLAS (slow)");
  return QFileInfo(p).fileName();
}

int threads() { return at::get_num_threads(); }

void setThreads(int n) { at::set_num_threads(std::max(1, n)); }

QString torchVersion() { return QStringLiteral(TORCH_VERSION); }

}  // namespace SystemInfo
