# SPDX-License-Identifier: GPL-3.0-or-later
"""Decodes latent points with a GenLab run's weights in plain PyTorch — the README's snippet.
    /usr/bin/python3 decode_run.py <run folder> z1 z2 [z1 z2 ...]   → one line of 784 values per point"""
import json, struct, sys

import torch
import torch.nn as nn


def load_safetensors(path):
    data = open(path, "rb").read()
    n, = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    header.pop("__metadata__", None)
    return {k: torch.frombuffer(bytearray(data[8 + n + v["data_offsets"][0]:8 + n + v["data_offsets"][1]]),
                                dtype=torch.float32).reshape(v["shape"]) for k, v in header.items()}


vae = nn.ModuleDict({"encoder": nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 4)),
                     "decoder": nn.Sequential(nn.Linear(2, 256), nn.ReLU(), nn.Linear(256, 784))})
vae.load_state_dict(load_safetensors(sys.argv[1] + "/weights.safetensors"))
z = torch.tensor([float(v) for v in sys.argv[2:]]).reshape(-1, 2)
with torch.no_grad():
    for row in torch.sigmoid(vae["decoder"](z)):
        print(" ".join(f"{v:.8f}" for v in row.tolist()))
