#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a folder of app/ includes a header of a folder above it: app/'s folders depend one
way (docs/ARCHITECTURE.md draws the graph). Also fails on a data set name ("toy:…", "folder:…",
a comparison with "mnist") outside the data set registry. CTest runs it (test "layers").
   scripts/check-layers.py            check; list every include against the order, and data set names outside the registry
   scripts/check-layers.py --graph    print the folder graph (who includes whom, how often)"""
import collections
import os
import re
import sys

# Bottom to top: a folder may include its own headers and those of the folders before it.
ORDER = ["base", "datasets", "imaging", "explore", "registry", "runs", "diffusion", "autoregressive",
         "training", "families", "cli", "gui"]

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "app")
folders = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
unknown = [d for d in folders if d not in ORDER]
if unknown:
    sys.exit(f"check-layers: app/{unknown[0]} has no place in ORDER (scripts/check-layers.py): add it")

owner = {}  # header name -> folder
for d in folders:
    for f in os.listdir(os.path.join(root, d)):
        if f.endswith(".h"):
            if f in owner:
                sys.exit(f"check-layers: {f} is in app/{owner[f]} and app/{d}: header names must be unique")
            owner[f] = d

edges = collections.defaultdict(collections.Counter)
wrong = []
for d in folders:
    for f in sorted(os.listdir(os.path.join(root, d))):
        if not f.endswith((".cpp", ".h")):
            continue
        with open(os.path.join(root, d, f), encoding="utf-8") as text:
            for n, line in enumerate(text, 1):
                m = re.match(r'\s*#\s*include\s+"([^"/]+)"', line)  # app/'s headers go by bare name
                if not m or m.group(1) not in owner or owner[m.group(1)] == d:
                    continue
                to = owner[m.group(1)]
                edges[d][to] += 1
                if ORDER.index(to) > ORDER.index(d):
                    wrong.append(f"app/{d}/{f}:{n}: includes {m.group(1)} of app/{to}, which is above app/{d}")

# Data set names are the data set registry's: nothing else spells "toy:…" or "folder:…" or compares
# a name with one of its ids.
for d in folders:
    for f in sorted(os.listdir(os.path.join(root, d))):
        if not f.endswith((".cpp", ".h")) or (d, f) == ("datasets", "datasets.cpp"):
            continue
        with open(os.path.join(root, d, f), encoding="utf-8") as text:
            for n, line in enumerate(text, 1):
                code = line.split("//")[0]
                if re.search(r'(QStringLiteral|QLatin1String)\("(toy:|folder:)', code) or \
                   re.search(r'[!=]= *(QStringLiteral|QLatin1String)\("(mnist|fashion-mnist)"\)', code):
                    wrong.append(f"app/{d}/{f}:{n}: a data set name outside the registry (app/datasets/datasets.cpp)")

if "--graph" in sys.argv:
    for d in ORDER:
        if edges[d]:
            print(f"{d:15} -> " + ", ".join(f"{t} ({edges[d][t]})" for t in ORDER if edges[d][t]))
for w in wrong:
    print(w)
if wrong:
    print(f"{len(wrong)} problem(s); the order is {' < '.join(ORDER)}")
    sys.exit(1)
print(f"layers: {len(folders)} folders of app/ depend one way ({' < '.join(ORDER)})")
