#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Held-out curves of several runs as one PNG (for docs/; drawn by ImageMagick): x = epoch, y = the
   eval_ column (log scale).   scripts/heldout_curves.py out.png "label=RUN_FOLDER" ["label=RUN_FOLDER" ...]"""
import csv, math, sys

def curve(folder):
    points = []
    with open(folder + "/metrics.csv", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        col = next(i for i, name in enumerate(header) if name.startswith("eval_"))
        for row in rows:
            if len(row) > col and row[col]:
                points.append((int(row[1]), float(row[col])))
    return header[col], points

out, runs = sys.argv[1], [a.split("=", 1) for a in sys.argv[2:]]
curves = [(label, *curve(folder)) for label, folder in runs]
W, H, L, R, T, B = 640, 380, 70, 20, 40, 50
xs = [x for _, _, pts in curves for x, _ in pts]
ys = [math.log10(y) for _, _, pts in curves for _, y in pts]
x0, x1, y0, y1 = min(xs), max(xs), math.floor(min(ys) * 10) / 10, math.ceil(max(ys) * 10) / 10
sx = lambda x: L + (x - x0) / max(1, x1 - x0) * (W - L - R)
sy = lambda y: T + (y1 - math.log10(y)) / max(1e-9, y1 - y0) * (H - T - B)
colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]
font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
m = [f"viewbox 0 0 {W} {H}", "fill white rectangle 0,0 %d,%d" % (W, H), f"font '{font}'", "font-size 12",
     f"stroke black stroke-width 1 line {L},{H-B} {W-R},{H-B} line {L},{T} {L},{H-B}"]
text = lambda x, y, t, anchor="start", colour="black": m.append(
    f"push graphic-context stroke none fill '{colour}' text-anchor {anchor} text {x:.1f},{y:.1f} '{t}' pop graphic-context")
for e in range(x0, x1 + 1):
    text(sx(e), H - B + 16, str(e), "middle")
for k in range(int(y0 * 10), int(y1 * 10) + 1, 2):
    v = 10 ** (k / 10)
    m.append(f"stroke '#dddddd' line {L},{sy(v):.1f} {W-R},{sy(v):.1f}")
    text(L - 6, sy(v) + 4, f"{v:.3g}", "end")
text((L + W - R) / 2, H - 12, "epoch", "middle")
text(8, 18, f"held-out {curves[0][1][5:]} (log scale)")
for i, (label, _, pts) in enumerate(curves):
    c = colours[i % len(colours)]
    m.append(f"stroke '{c}' stroke-width 2 fill none polyline " + " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in pts))
    text(W - R - 8, T + 16 + 16 * i, f"{label}: {pts[-1][1]:.4f} at epoch {pts[-1][0]}", "end", c)
import subprocess, tempfile
with tempfile.NamedTemporaryFile("w", suffix=".mvg", delete=False) as f:
    f.write("\n".join(m) + "\n")
subprocess.run(["convert", "mvg:" + f.name, out], check=True)
