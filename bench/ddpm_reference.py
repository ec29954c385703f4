# SPDX-License-Identifier: GPL-3.0-or-later
"""Python reference for bench/run.sh: the DDPM of seed 000 as GenLab trains it by default on
MNIST (U-Net dim 16, mults 1-2-4, 8 groups, 4 heads of 16; linear schedule, T = 1000;
ε-prediction, Adam 1e-3, gradient norm clipped to 1, EMA 0.995; batch 64), then DDIM-50 (η = 0,
x̂0 clipped to [−1, 1]) of 64 digits from the EMA weights, in PyTorch.
    /usr/bin/python3 ddpm_reference.py <mnist folder> <threads> <train steps>"""
import sys, time

import torch
import torch.nn.functional as F

here = __file__.rsplit("/", 1)[0]
sys.path.insert(0, here)
sys.path.insert(0, here + "/../tests/python")
from vae_reference import load_idx
from unet_reference import Unet


def linear_schedule(T):
    scale = 1000 / T
    betas = torch.linspace(scale * 1e-4, scale * 0.02, T, dtype=torch.float64)
    return torch.cumprod(1 - betas, dim=0)


def main():
    folder, threads, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    images = (load_idx(folder + "/train-images-idx3-ubyte.gz").float() / 255.0).view(-1, 1, 28, 28) * 2 - 1
    model, ema = Unet(16, [1, 2, 4], 1, 8, 4, 16), Unet(16, [1, 2, 4], 1, 8, 4, 16)
    ema.load_state_dict(model.state_dict())
    ema.requires_grad_(False)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    T, batch = 1000, 64
    ac = linear_schedule(T)
    sqrt_ac, sqrt_1mac = ac.sqrt().float(), (1 - ac).sqrt().float()
    sqrt_recip, sqrt_recipm1 = (1 / ac).sqrt().float(), (1 / ac - 1).sqrt().float()
    n = images.shape[0]
    state = {"order": torch.randperm(n), "pos": 0}

    def train_step():
        if state["pos"] + batch > n:
            state["order"], state["pos"] = torch.randperm(n), 0
        x0 = images[state["order"][state["pos"]:state["pos"] + batch]]
        state["pos"] += batch
        t = torch.randint(0, T, (batch,))
        noise = torch.randn_like(x0)
        x_t = sqrt_ac[t].view(-1, 1, 1, 1) * x0 + sqrt_1mac[t].view(-1, 1, 1, 1) * noise
        loss = F.mse_loss(model(x_t, t), noise)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        with torch.no_grad():
            for e, p in zip(ema.parameters(), model.parameters()):
                e.lerp_(p, 1 - 0.995)
        return loss.item()

    @torch.inference_mode()
    def ddim(count, sampling_steps=50):
        times = torch.linspace(-1, T - 1, sampling_steps + 1).int().tolist()[::-1]
        x = torch.randn(count, 1, 28, 28)
        for t, t_next in zip(times[:-1], times[1:]):
            eps = ema(x, torch.full((count,), t, dtype=torch.long))
            x0 = (sqrt_recip[t] * x - sqrt_recipm1[t] * eps).clamp(-1, 1)
            eps = (sqrt_recip[t] * x - x0) / sqrt_recipm1[t]
            if t_next < 0:
                x = x0
            else:
                x = x0 * ac[t_next].sqrt().item() + (1 - ac[t_next]).sqrt().item() * eps
        return x

    for _ in range(3):
        train_step()
    best = 0.0
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(steps):
            train_step()
        best = max(best, steps * batch / (time.perf_counter() - t0))
    print(f"ddpm_train_samples_per_s {best:.1f}")
    ddim(64, 2)
    sample_s = []
    for _ in range(2):
        t0 = time.perf_counter()
        ddim(64)
        sample_s.append(time.perf_counter() - t0)
    print(f"ddim50_64_seconds {min(sample_s):.2f}")


if __name__ == "__main__":
    main()
