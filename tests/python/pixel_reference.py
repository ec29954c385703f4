# SPDX-License-Identifier: GPL-3.0-or-later
"""Independent PyTorch versions of GenLab's Gated PixelCNN, plain masked PixelCNN and Row LSTM
PixelRNN, for the parity test: loads GenLab's weights strictly (every name must match), computes
-log p(x) in nats of fixed images and prints one number per image.
    /usr/bin/python3 pixel_reference.py <weights.safetensors> gated|plain|rnn levels width layers head size"""
import math, sys

import torch
import torch.nn as nn
import torch.nn.functional as F

from unet_reference import load_safetensors


def gate(x):
    a, b = x.chunk(2, 1)
    return torch.tanh(a) * torch.sigmoid(b)


class GatedLayer(nn.Module):
    def __init__(self, cin, w, k, first):
        super().__init__()
        self.k, self.first = k, first
        self.v_conv = nn.Conv2d(cin, 2 * w, (k // 2 + 1, k))
        self.v_to_h = nn.Conv2d(2 * w, 2 * w, 1)
        self.h_conv = nn.Conv2d(cin, 2 * w, (1, k // 2 if first else k // 2 + 1))
        self.h_out = nn.Conv2d(w, w, 1)

    def forward(self, v, h):
        n, H, W = self.k // 2, v.shape[2], v.shape[3]
        v_pre = self.v_conv(F.pad(v, (n, n, n, 0)))            # row i reads rows i-n .. i
        h_pre = self.h_conv(F.pad(h, (n, 0, 0, 0)))[..., :W]   # column j reads j-n .. j (B) or .. j-1 (A)
        shifted = F.pad(v_pre, (0, 0, 1, 0))[:, :, :H]          # the row above
        out = self.h_out(gate(h_pre + self.v_to_h(shifted)))
        return gate(v_pre), out if self.first else out + h


class MaskedConv(nn.Module):
    def __init__(self, cin, cout, k, first):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, padding=k // 2)
        mask = torch.ones(1, 1, k, k)
        c = k // 2
        mask[:, :, c + 1:] = 0
        mask[:, :, c, c if first else c + 1:] = 0
        self.register_buffer("mask", mask, persistent=False)

    def forward(self, x):
        return F.conv2d(x, self.conv.weight * self.mask, self.conv.bias, padding=self.conv.padding)


class PixelCNN(nn.Module):
    def __init__(self, gated, levels, w, layers, head):
        super().__init__()
        self.gated = gated
        self.layers = nn.ModuleList([(GatedLayer if gated else MaskedConv)(1 if i == 0 else w, w, 7 if i == 0 else 3, i == 0)
                                     for i in range(layers)])
        self.head1 = nn.Conv2d(w, head, 1)
        self.head2 = nn.Conv2d(head, 1 if levels == 2 else levels, 1)

    def forward(self, x):
        x = x * 2 - 1
        if self.gated:
            v = h = x
            for layer in self.layers:
                v, h = layer(v, h)
        else:
            h = None
            for i, layer in enumerate(self.layers):
                y = F.relu(layer(x if h is None else h))
                h = y if i == 0 else h + y
        return self.head2(F.relu(self.head1(F.relu(h))))


class RowLSTM(nn.Module):
    def __init__(self, cin, hidden, first):
        super().__init__()
        self.hidden = hidden
        self.input_conv = nn.Conv2d(cin, 4 * hidden, (1, 3))
        self.state_conv = nn.Conv1d(hidden, 4 * hidden, 3, padding=1)
        mask = torch.tensor([1.0, 0.0, 0.0] if first else [1.0, 1.0, 0.0]).view(1, 1, 1, 3)
        self.register_buffer("mask", mask, persistent=False)

    def forward(self, x):
        g_in = F.conv2d(x, self.input_conv.weight * self.mask, self.input_conv.bias, padding=(0, 1))
        B, _, H, W = x.shape
        h = torch.zeros(B, self.hidden, W)
        c = torch.zeros_like(h)
        rows = []
        for r in range(H):
            i, f, o, g = (g_in[:, :, r] + self.state_conv(h)).chunk(4, 1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(c)
            rows.append(h)
        return torch.stack(rows, 2)


class PixelRNN(nn.Module):
    def __init__(self, levels, hidden, layers, head):
        super().__init__()
        self.layers = nn.ModuleList([RowLSTM(1 if i == 0 else hidden, hidden, i == 0) for i in range(layers)])
        self.head1 = nn.Conv2d(hidden, head, 1)
        self.head2 = nn.Conv2d(head, 1 if levels == 2 else levels, 1)

    def forward(self, x):
        h = x * 2 - 1
        for i, layer in enumerate(self.layers):
            out = layer(h)
            h = out if i == 0 else out + h
        return self.head2(F.relu(self.head1(F.relu(h))))


def main():
    path, kind = sys.argv[1], sys.argv[2]
    levels, width, layers, head, size = (int(a) for a in sys.argv[3:8])
    net = PixelRNN(levels, width, layers, head) if kind == "rnn" else PixelCNN(kind == "gated", levels, width, layers, head)
    net.load_state_dict(load_safetensors(path), strict=True)
    s = torch.sin(0.37 * torch.arange(3 * size * size, dtype=torch.float32)).reshape(3, 1, size, size)
    x = (s > 0).float() if levels == 2 else torch.round((s + 1) / 2 * 255) / 255
    with torch.no_grad():
        logits = net(x)
        if levels == 2:
            nll = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(1)
        else:
            nll = F.cross_entropy(logits, torch.round(x * 255).long().squeeze(1), reduction="none").flatten(1).sum(1)
    print(" ".join("%.9g" % v for v in nll.tolist()))


if __name__ == "__main__":
    main()
