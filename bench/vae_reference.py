# SPDX-License-Identifier: GPL-3.0-or-later
"""Python reference for bench/run.sh: the VAE of seed 003 as a PyTorch script would train it
(Sigmoid decoder, BCE(sum) + KL, loss / batch, Adam 1e-3, batch 128), on the same digits.
    /usr/bin/python3 vae_reference.py <mnist folder> <threads> <steps>"""
import gzip, struct, sys, time

import torch
import torch.nn as nn
import torch.nn.functional as F


def load_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    rank = magic & 0xFF
    dims = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return torch.frombuffer(bytearray(data[4 + 4 * rank:]), dtype=torch.uint8).reshape(dims)


class VAE(nn.Module):
    def __init__(self, input_dim=784, inter_dim=256, latent_dim=2):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(input_dim, inter_dim), nn.ReLU(), nn.Linear(inter_dim, latent_dim * 2))
        self.decoder = nn.Sequential(nn.Linear(latent_dim, inter_dim), nn.ReLU(), nn.Linear(inter_dim, input_dim), nn.Sigmoid())

    def forward(self, x):
        mu, logvar = self.encoder(x).chunk(2, dim=1)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return self.decoder(z), mu, logvar


def main():
    folder, threads, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    images = load_idx(folder + "/train-images-idx3-ubyte.gz").reshape(-1, 784).float() / 255.0
    model = VAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    n, batch = images.shape[0], 128
    state = {"order": torch.randperm(n), "pos": 0}

    def step():
        if state["pos"] + batch > n:
            state["order"], state["pos"] = torch.randperm(n), 0
        x = images[state["order"][state["pos"]:state["pos"] + batch]]
        state["pos"] += batch
        recon, mu, logvar = model(x)
        loss = (F.binary_cross_entropy(recon, x, reduction="sum")
                - 0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())) / batch
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss.item()

    for _ in range(50):
        step()
    best = 0.0
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(steps):
            step()
        best = max(best, steps * batch / (time.perf_counter() - t0))
    print(f"train_samples_per_s {best:.0f}")

    times = []
    with torch.inference_mode():
        for _ in range(20000):
            z = torch.randn(1, 2)
            t0 = time.perf_counter()
            model.decoder(z)
            times.append((time.perf_counter() - t0) * 1e6)
    times.sort()
    print(f"decode_us_median {times[len(times) // 2]:.2f}")
    print(f"decode_us_p99 {times[int(0.99 * (len(times) - 1))]:.2f}")


if __name__ == "__main__":
    main()
