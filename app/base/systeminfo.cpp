// SPDX-License-Identifier: GPL-3.0-or-later
#include "systeminfo.h"
#include "blaskernel.h"

#include "nn/device.h"
#include "nn/precision.h"

#include <ATen/Parallel.h>
#include <torch/version.h>

#include <QCoreApplication>
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

QString device() {
  const qsizetype gpus = devices().size() - 1;
  if (gpus == 0)
    return QStringLiteral("CPU");
  return QCoreApplication::translate("SystemInfo", "CPU, %n CUDA GPU(s)", nullptr, int(gpus));
}

QStringList devices() {
  QStringList out;
  for (const auto& d : genlab::available_devices())
    out << QString::fromStdString(d.name);
  return out;
}

QString deviceLabel(const QString& name) {
  if (name.isEmpty() || name == QLatin1String("cpu"))
    return QCoreApplication::translate("SystemInfo", "CPU");
  const QString index = name.section(QLatin1Char(':'), 1, 1);
  return QCoreApplication::translate("SystemInfo", "GPU %1 (CUDA)").arg(index.isEmpty() ? QStringLiteral("0") : index);
}

Status deviceCheck(const QString& name) {
  switch (genlab::device_issue(name.toStdString())) {
    case genlab::DeviceIssue::None:
      return {};
    case genlab::DeviceIssue::Unknown:
      return {QCoreApplication::translate("SystemInfo", "Unknown device '%1': use cpu, cuda or cuda:N.").arg(name)};
    case genlab::DeviceIssue::NoCuda:
      return {QCoreApplication::translate(
                  "SystemInfo",
                  "Device '%1': this LibTorch (%2) was built without CUDA, so GenLab trains on the CPU here (device cpu).")
                  .arg(name, torchVersion())};
    case genlab::DeviceIssue::NoGpu:
      return {QCoreApplication::translate(
                  "SystemInfo", "Device '%1': LibTorch has CUDA but sees no GPU (no driver, or CUDA_VISIBLE_DEVICES empty?).")
                  .arg(name)};
    case genlab::DeviceIssue::NoSuchGpu:
      break;
  }
  const int gpus = genlab::cuda_device_count();
  if (gpus > 0)
    return {QCoreApplication::translate("SystemInfo", "Device '%1': this machine has %n GPU(s), numbered from 0.", nullptr, gpus).arg(name)};
  return {};
}

QString deviceName(const QString& name) {
  const auto d = genlab::parse_device(name.toStdString());
  return d.ok() ? QString::fromStdString(genlab::device_name(d.value)) : QStringLiteral("cpu");
}

bool hasCuda() { return genlab::libtorch_has_cuda(); }

bool blasIsReference() {
  const QString p = loadedBlasPath();
  return p.contains(QLatin1String("/blas/")) && !p.contains(QLatin1String("openblas"));
}

QString blasName(bool forScreen) {
  // Files (run.json) keep the English; the status bar speaks the user's language.
  const auto say = [forScreen](const char* text) {
    return forScreen ? QCoreApplication::translate("SystemInfo", text) : QString::fromLatin1(text);
  };
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
      name += say(QT_TRANSLATE_NOOP("SystemInfo", ", chosen by GenLab for this CPU"));
    else if (BlasKernel::betterKernel(BlasKernel::thisCpu(), kernel.toStdString(), false))
      name += say(QT_TRANSLATE_NOOP("SystemInfo", ", slower than this CPU allows"));
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
