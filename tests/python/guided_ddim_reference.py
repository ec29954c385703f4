# SPDX-License-Identifier: GPL-3.0-or-later
"""One DDIM step (eta = 0) under classifier-free guidance, in plain Python floats from the
published formulas (nothing shared with GenLab's C++): the network's v-predictions with the class
(v_c) and without (v_u) mixed as v = v_u + w (v_c - v_u) (Ho & Salimans 2022); x0 from v
(Salimans & Ho 2022), clipped to [-1, 1]; eps re-derived from the clipped x0; the DDIM update
x_next = sqrt(abar_next) x0 + sqrt(1 - abar_next) eps (Song et al. 2021). The cosine schedule of
Nichol & Dhariwal 2021 (s = 0.008, betas clipped to 0.999). Prints x_next, one value a line.
    python3 guided_ddim_reference.py T t t_next w x_t... -- v_c... -- v_u..."""
import math
import sys


def alphas_cumprod(T):
    s = 0.008
    f = [math.cos((t / T + s) / (1 + s) * math.pi / 2) ** 2 for t in range(T + 1)]
    betas = [min(max(1 - f[i + 1] / f[i], 0.0), 0.999) for i in range(T)]
    out, prod = [], 1.0
    for b in betas:
        prod *= 1 - b
        out.append(prod)
    return out


def main():
    T, t, t_next, w = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    rest = " ".join(sys.argv[5:]).split(" -- ")
    x, v_c, v_u = ([float(v) for v in part.split()] for part in rest)
    ab = alphas_cumprod(T)
    a, a_next = ab[t], ab[t_next]
    for xi, c, u in zip(x, v_c, v_u):
        v = u + w * (c - u)
        x0 = math.sqrt(a) * xi - math.sqrt(1 - a) * v
        x0 = min(max(x0, -1.0), 1.0)
        eps = (xi / math.sqrt(a) - x0) / math.sqrt(1 / a - 1)
        print(repr(math.sqrt(a_next) * x0 + math.sqrt(1 - a_next) * eps))


if __name__ == "__main__":
    main()
