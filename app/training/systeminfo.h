// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// What the status bar and run.json say about where the maths runs.
namespace SystemInfo {

/// "CPU", or "CUDA" when LibTorch was built with it and a GPU is present.
QString device();
/// The BLAS library this process loaded with its kernel, e.g. "OpenBLAS Cooperlake (OpenMP)",
/// saying when GenLab chose the kernel (BlasKernel) or when it is narrower than the CPU allows.
QString blasName();
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
