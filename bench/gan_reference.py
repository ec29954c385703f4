# SPDX-License-Identifier: GPL-3.0-or-later
"""Python reference for bench/run.sh: the same 28-px DCGAN as GenLab's (width 64, z = 64,
batch 64, Adam 2e-4 β₁ 0.5, non-saturating BCE, D then G each step), as a PyTorch script.
    /usr/bin/python3 gan_reference.py <mnist folder> <threads> <steps>"""
import sys, time

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from vae_reference import load_idx


class Generator(nn.Module):
    def __init__(self, z=64, w=64):
        super().__init__()
        self.project = nn.Linear(z, 2 * w * 7 * 7)
        self.main = nn.Sequential(nn.BatchNorm2d(2 * w), nn.ReLU(), nn.ConvTranspose2d(2 * w, w, 4, 2, 1, bias=False),
                                  nn.BatchNorm2d(w), nn.ReLU(), nn.ConvTranspose2d(w, 1, 4, 2, 1), nn.Tanh())
        self.w = w

    def forward(self, z):
        return self.main(self.project(z).view(-1, 2 * self.w, 7, 7))


class Discriminator(nn.Module):
    def __init__(self, w=64):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, w, 4, 2, 1), nn.LeakyReLU(0.2),
                                  nn.Conv2d(w, 2 * w, 4, 2, 1, bias=False), nn.BatchNorm2d(2 * w), nn.LeakyReLU(0.2))
        self.classify = nn.Linear(2 * w * 7 * 7, 1)

    def forward(self, x):
        return self.classify(self.main(x).flatten(1)).view(-1)


def main():
    folder, threads, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    images = (load_idx(folder + "/train-images-idx3-ubyte.gz").float() / 255.0).view(-1, 1, 28, 28) * 2 - 1
    G, D = Generator(), Discriminator()
    opt_g = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
    n, batch = images.shape[0], 64
    state = {"order": torch.randperm(n), "pos": 0}

    def step():
        if state["pos"] + batch > n:
            state["order"], state["pos"] = torch.randperm(n), 0
        real = images[state["order"][state["pos"]:state["pos"] + batch]]
        state["pos"] += batch
        fake = G(torch.randn(batch, 64))
        real_logits, fake_logits = D(real), D(fake.detach())
        d_loss = (F.binary_cross_entropy_with_logits(real_logits, torch.ones_like(real_logits))
                  + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits)))
        opt_d.zero_grad()
        d_loss.backward()
        opt_d.step()
        out = D(fake)
        g_loss = F.binary_cross_entropy_with_logits(out, torch.ones_like(out))
        opt_g.zero_grad()
        g_loss.backward()
        opt_g.step()
        return d_loss.item(), g_loss.item(), torch.sigmoid(real_logits).mean().item(), torch.sigmoid(fake_logits).mean().item()

    for _ in range(10):
        step()
    best = 0.0
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(steps):
            step()
        best = max(best, steps * batch / (time.perf_counter() - t0))
    print(f"gan_samples_per_s {best:.0f}")


if __name__ == "__main__":
    main()
