# SPDX-License-Identifier: GPL-3.0-or-later
"""An independent PyTorch U-Net with seed 000's architecture and parameter names, for the parity
test: loads GenLab's weights strictly (every name must match), runs a fixed input and prints it.
    /usr/bin/python3 unet_reference.py <weights.safetensors> dim m1,m2,... channels groups heads dim_head H W"""
import json, math, struct, sys

import torch
import torch.nn as nn
import torch.nn.functional as F


def load_safetensors(path):
    data = open(path, "rb").read()
    n, = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    header.pop("__metadata__", None)
    return {k: torch.frombuffer(bytearray(data[8 + n + v["data_offsets"][0]:8 + n + v["data_offsets"][1]]),
                                dtype=torch.float32).reshape(v["shape"]) for k, v in header.items()}


class WSConv(nn.Conv2d):
    def forward(self, x):
        w = self.weight
        mean = w.mean(dim=(1, 2, 3), keepdim=True)
        var = w.var(dim=(1, 2, 3), unbiased=False, keepdim=True)
        return F.conv2d(x, (w - mean) * (var + 1e-5).rsqrt(), self.bias, self.stride, self.padding)


class ChanNorm(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.g = nn.Parameter(torch.ones(1, d, 1, 1))

    def forward(self, x):
        return (x - x.mean(1, keepdim=True)) * (x.var(1, unbiased=False, keepdim=True) + 1e-5).rsqrt() * self.g


class Block(nn.Module):
    def __init__(self, a, b, g):
        super().__init__()
        self.proj, self.norm = WSConv(a, b, 3, padding=1), nn.GroupNorm(g, b)

    def forward(self, x, ss=None):
        x = self.norm(self.proj(x))
        if ss is not None:
            x = x * (ss[0] + 1) + ss[1]
        return F.silu(x)


class Res(nn.Module):
    def __init__(self, a, b, tdim, g):
        super().__init__()
        self.mlp = nn.Sequential(nn.SiLU(), nn.Linear(tdim, 2 * b))
        self.block1, self.block2 = Block(a, b, g), Block(b, b, g)
        self.res_conv = nn.Conv2d(a, b, 1) if a != b else nn.Identity()

    def forward(self, x, temb):
        ss = self.mlp(temb)[:, :, None, None].chunk(2, dim=1)
        return self.block2(self.block1(x, ss)) + self.res_conv(x)


class LinAttn(nn.Module):
    def __init__(self, d, heads, dh):
        super().__init__()
        self.heads, self.scale = heads, dh ** -0.5
        self.to_qkv = nn.Conv2d(d, 3 * heads * dh, 1, bias=False)
        self.to_out = nn.Sequential(nn.Conv2d(heads * dh, d, 1), ChanNorm(d))

    def forward(self, x):
        b, c, h, w = x.shape
        q, k, v = (t.reshape(b, self.heads, -1, h * w) for t in self.to_qkv(x).chunk(3, dim=1))
        q, k, v = q.softmax(dim=-2) * self.scale, k.softmax(dim=-1), v / (h * w)
        context = torch.einsum("bhdn,bhen->bhde", k, v)
        out = torch.einsum("bhde,bhdn->bhen", context, q)
        return self.to_out(out.reshape(b, -1, h, w))


class Attn(nn.Module):
    def __init__(self, d, heads, dh):
        super().__init__()
        self.heads, self.scale = heads, dh ** -0.5
        self.to_qkv = nn.Conv2d(d, 3 * heads * dh, 1, bias=False)
        self.to_out = nn.Conv2d(heads * dh, d, 1)

    def forward(self, x):
        b, c, h, w = x.shape
        q, k, v = (t.reshape(b, self.heads, -1, h * w) for t in self.to_qkv(x).chunk(3, dim=1))
        attn = torch.einsum("bhdi,bhdj->bhij", q * self.scale, k).softmax(dim=-1)
        out = torch.einsum("bhij,bhdj->bhid", attn, v)
        return self.to_out(out.permute(0, 1, 3, 2).reshape(b, -1, h, w))


class PreNorm(nn.Module):
    def __init__(self, d, fn):
        super().__init__()
        self.norm, self.fn = ChanNorm(d), fn


class Residual(nn.Module):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, x):
        return self.fn.fn(self.fn.norm(x)) + x


class PixelUnshuffle(nn.Module):
    def forward(self, x):
        return F.pixel_unshuffle(x, 2)


class SinEmb(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.d = d

    def forward(self, t):
        half = self.d // 2
        f = torch.exp(torch.arange(half) * -(math.log(10000) / (half - 1)))
        a = t.float()[:, None] * f[None]
        return torch.cat((a.sin(), a.cos()), dim=-1)


class Unet(nn.Module):
    def __init__(self, dim, mults, channels, g, heads, dh):
        super().__init__()
        self.init_conv = nn.Conv2d(channels, dim, 7, padding=3)
        dims = [dim] + [dim * m for m in mults]
        pairs = list(zip(dims[:-1], dims[1:]))
        tdim = 4 * dim
        self.time_mlp = nn.Sequential(SinEmb(dim), nn.Linear(dim, tdim), nn.GELU(), nn.Linear(tdim, tdim))
        self.downs, self.ups = nn.ModuleList(), nn.ModuleList()
        for i, (a, b) in enumerate(pairs):
            last = i == len(pairs) - 1
            self.downs.append(nn.ModuleList([Res(a, a, tdim, g), Res(a, a, tdim, g), Residual(PreNorm(a, LinAttn(a, heads, dh))),
                                             nn.Conv2d(a, b, 3, padding=1) if last else
                                             nn.Sequential(PixelUnshuffle(), nn.Conv2d(4 * a, b, 1))]))
        m = dims[-1]
        self.mid_block1, self.mid_attn, self.mid_block2 = Res(m, m, tdim, g), Residual(PreNorm(m, Attn(m, heads, dh))), Res(m, m, tdim, g)
        for i, (a, b) in enumerate(reversed(pairs)):
            last = i == len(pairs) - 1
            self.ups.append(nn.ModuleList([Res(a + b, b, tdim, g), Res(a + b, b, tdim, g), Residual(PreNorm(b, LinAttn(b, heads, dh))),
                                           nn.Conv2d(b, a, 3, padding=1) if last else
                                           nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(b, a, 3, padding=1))]))
        self.final_res_block = Res(2 * dim, dim, tdim, g)
        self.final_conv = nn.Conv2d(dim, channels, 1)

    def forward(self, x, t):
        x = self.init_conv(x)
        r, temb, h = x.clone(), self.time_mlp(t), []
        for b1, b2, attn, down in self.downs:
            x = b1(x, temb); h.append(x)
            x = attn(b2(x, temb)); h.append(x)
            x = down(x)
        x = self.mid_block2(self.mid_attn(self.mid_block1(x, temb)), temb)
        for b1, b2, attn, up in self.ups:
            x = b1(torch.cat((x, h.pop()), dim=1), temb)
            x = attn(b2(torch.cat((x, h.pop()), dim=1), temb))
            x = up(x)
        return self.final_conv(self.final_res_block(torch.cat((x, r), dim=1), temb))


def main():
    path, dim, mults, ch, g, heads, dh, H, W = sys.argv[1:10]
    net = Unet(int(dim), [int(m) for m in mults.split(",")], int(ch), int(g), int(heads), int(dh))
    net.load_state_dict(load_safetensors(path), strict=True)
    n = 2 * int(ch) * int(H) * int(W)
    x = torch.sin(0.37 * torch.arange(n, dtype=torch.float32)).reshape(2, int(ch), int(H), int(W))
    with torch.no_grad():
        out = net(x, torch.tensor([3, 500]))
    print(" ".join(f"{v:.9g}" for v in out.flatten().tolist()))


if __name__ == "__main__":
    main()
