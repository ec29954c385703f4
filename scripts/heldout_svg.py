#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Held-out curves of several runs as one SVG (for docs/): x = epoch, y = eval_ column (log scale).
   scripts/heldout_svg.py out.svg "label=RUN_FOLDER" ["label=RUN_FOLDER" ...]"""
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
W, H, L, R, T, B = 640, 360, 70, 20, 20, 50
xs = [x for _, _, pts in curves for x, _ in pts]
ys = [math.log10(y) for _, _, pts in curves for _, y in pts]
x0, x1, y0, y1 = min(xs), max(xs), math.floor(min(ys) * 10) / 10, math.ceil(max(ys) * 10) / 10
sx = lambda x: L + (x - x0) / max(1, x1 - x0) * (W - L - R)
sy = lambda y: T + (y1 - math.log10(y)) / max(1e-9, y1 - y0) * (H - T - B)
colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<line x1="{L}" y1="{H-B}" x2="{W-R}" y2="{H-B}" stroke="black"/><line x1="{L}" y1="{T}" x2="{L}" y2="{H-B}" stroke="black"/>']
for e in range(x0, x1 + 1):
    svg.append(f'<text x="{sx(e):.1f}" y="{H-B+16}" text-anchor="middle">{e}</text>')
for k in range(int(y0 * 10), int(y1 * 10) + 1, 2):
    v = 10 ** (k / 10)
    svg.append(f'<text x="{L-6}" y="{sy(v)+4:.1f}" text-anchor="end">{v:.3g}</text>'
               f'<line x1="{L}" y1="{sy(v):.1f}" x2="{W-R}" y2="{sy(v):.1f}" stroke="#ddd"/>')
svg.append(f'<text x="{(L+W-R)/2}" y="{H-12}" text-anchor="middle">epoch</text>')
svg.append(f'<text x="16" y="{(T+H-B)/2}" text-anchor="middle" transform="rotate(-90 16 {(T+H-B)/2})">{curves[0][1]} (log)</text>')
for i, (label, _, pts) in enumerate(curves):
    c = colours[i % len(colours)]
    svg.append('<polyline fill="none" stroke-width="2" stroke="%s" points="%s"/>' % (c, " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in pts)))
    svg.append(f'<text x="{W-R-8}" y="{T+16+16*i}" text-anchor="end" fill="{c}">{label}: {pts[-1][1]:.4f} at epoch {pts[-1][0]}</text>')
svg.append("</svg>")
open(out, "w").write("\n".join(svg))
