# SPDX-License-Identifier: GPL-3.0-or-later
"""Python reference for bench_pixels: the default Gated PixelCNN (6 layers x 32 maps, head 64) and
PixelRNN (2 Row LSTM layers x 32, head 64) trained as GenLab trains them (binarised afresh each
batch, -log p(x) summed per image, mean over the batch, Adam 1e-3, batch 64), in PyTorch.
Prints images per second for each (keys as bench_pixels prints them).
    /usr/bin/python3 pixel_reference.py <mnist folder> <threads> <steps>"""
import sys, time

import torch

here = __file__.rsplit("/", 1)[0]
sys.path.insert(0, here)
sys.path.insert(0, here + "/../tests/python")
from vae_reference import load_idx
from pixel_reference import PixelCNN, PixelRNN
import torch.nn.functional as F


def main():
    folder, threads, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    images = (load_idx(folder + "/train-images-idx3-ubyte.gz").float() / 255.0).view(-1, 1, 28, 28)
    for key, net in (("pixelcnn", PixelCNN(True, 2, 32, 6, 64)), ("pixelrnn", PixelRNN(2, 32, 2, 64))):
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        batch, n = 64, images.shape[0]

        def step(i):
            x = torch.bernoulli(images[(i * batch) % (n - batch):(i * batch) % (n - batch) + batch])
            loss = F.binary_cross_entropy_with_logits(net(x), x, reduction="none").flatten(1).sum(1).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()

        for i in range(3):
            step(i)
        t0 = time.perf_counter()
        for i in range(steps):
            step(i)
        print("%s_train_images_per_s %.1f" % (key, steps * batch / (time.perf_counter() - t0)))


if __name__ == "__main__":
    main()
