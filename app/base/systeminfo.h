// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QString>
#include <QStringList>

/// What the status bar and run.json say about where the maths runs.
namespace SystemInfo {

/// "CPU", or "CPU, 2 CUDA GPUs" when LibTorch was built with CUDA and sees GPUs (the status bar).
QString device();
/// Where a run can train: "cpu", then "cuda:0", "cuda:1" … for each GPU this LibTorch sees.
QStringList devices();
/// A device in the user's words: "CPU", "GPU 0 (CUDA)".
QString deviceLabel(const QString& name);
/// ok when `name` ("cpu", "cuda", "cuda:N") can train here, else why not (no CUDA in this LibTorch,
/// no GPU, an index too high, an unknown name).
Status deviceCheck(const QString& name);
/// The name run.json records for a device that can train here: "cpu" or "cuda:N" ("cuda" is "cuda:0").
QString deviceName(const QString& name);
/// Whether this LibTorch was built with CUDA (whether or not a GPU is present).
bool hasCuda();
/// The BLAS library this process loaded with its kernel, e.g. "OpenBLAS Cooperlake (OpenMP)",
/// saying when GenLab chose the kernel (BlasKernel) or when it is narrower than the CPU allows;
/// `forScreen`: those remarks in the user's language (files keep the English).
QString blasName(bool forScreen = false);
/// The CPU kernel OpenBLAS chose ("Cooperlake", "Haswell", "Prescott" …); empty for other BLAS.
QString blasKernel();
/// True when the loaded BLAS is the reference (Netlib) implementation.
bool blasIsReference();
/// Whether the CPU computes bfloat16 natively (AVX512-BF16 or AMX): where mixed precision is the default.
bool hasNativeBf16();
/// LibTorch's intra-op threads.
int threads();
/// Sets LibTorch's intra-op threads (clamped to ≥ 1) for the calling thread and new ones.
void setThreads(int n);
/// The LibTorch version GenLab was built against.
QString torchVersion();

}  // namespace SystemInfo
