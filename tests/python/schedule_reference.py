# SPDX-License-Identifier: GPL-3.0-or-later
"""Diffusion schedules from the published formulas, in plain Python floats (no torch, nothing
shared with GenLab's C++): Ho et al. 2020 (linear, scaled by 1000/T as denoising-diffusion-pytorch),
Nichol & Dhariwal 2021 (cosine, s = 0.008), Jabri et al. 2022 (sigmoid, -3..3, tau 1), and the
toy schedule of seed 002. Prints the same CSV as `genlab-cli schedule`.
    python3 schedule_reference.py <linear|cosine|sigmoid|toy> <T>"""
import math
import sys


def linspace(a, b, n):
    return [a + (b - a) * i / (n - 1) for i in range(n)] if n > 1 else [a]


def sigmoid(x):
    return 1 / (1 + math.exp(-x))


def from_alpha_bar(f):
    return [min(max(1 - f[i + 1] / f[i], 0.0), 0.999) for i in range(len(f) - 1)]


def betas(kind, T):
    if kind == "linear":
        return linspace(1e-4 * 1000 / T, 2e-2 * 1000 / T, T)
    if kind == "cosine":
        s = 0.008
        return from_alpha_bar([math.cos((t / T + s) / (1 + s) * math.pi / 2) ** 2 for t in range(T + 1)])
    if kind == "sigmoid":
        lo, hi = sigmoid(-3), sigmoid(3)
        return from_alpha_bar([(hi - sigmoid(t / T * 6 - 3)) / (hi - lo) for t in range(T + 1)])
    if kind == "toy":
        return [sigmoid(x) * (0.5e-2 - 1e-5) + 1e-5 for x in linspace(-6, 6, T)]
    raise SystemExit(f"unknown kind {kind}")


def main():
    kind, T = sys.argv[1], int(sys.argv[2])
    print("t,betas,alphas_cumprod,alphas_cumprod_prev,sqrt_alphas_cumprod,sqrt_one_minus_alphas_cumprod,"
          "sqrt_recip_alphas_cumprod,sqrt_recipm1_alphas_cumprod,posterior_variance,"
          "posterior_log_variance_clipped,posterior_mean_coef1,posterior_mean_coef2")
    a_bar = 1.0
    for t, b in enumerate(betas(kind, T)):
        prev, a_bar = a_bar, a_bar * (1 - b)
        var = b * (1 - prev) / (1 - a_bar)
        row = [b, a_bar, prev, math.sqrt(a_bar), math.sqrt(1 - a_bar), math.sqrt(1 / a_bar),
               math.sqrt(1 / a_bar - 1), var, math.log(max(var, 1e-20)), b * math.sqrt(prev) / (1 - a_bar),
               (1 - prev) * math.sqrt(1 - b) / (1 - a_bar)]
        print(",".join([str(t)] + [repr(v) for v in row]))


main()
