#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the fuzzers' seed corpora into tests/fuzz/corpus/<target>/ (committed; rerun to refresh).

Needs only python3 (and ImageMagick's `convert` for the images); the IDX seeds are cut from
data/mnist when it is there, the run seeds from the toy run folders given with --runs
(genlab-cli train --model vae --dataset toy:moons --max-steps 2 --out DIR/vae, …), shrunk to a
hidden width of 4 so the whole corpus stays small.
"""
import argparse, gzip, json, os, struct, subprocess, sys, tempfile
from pathlib import Path

root = Path(__file__).resolve().parents[2]
corpus = root / "tests" / "fuzz" / "corpus"


def put(target, name, data):
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


DTYPE_SIZE = {"F32": 4, "F64": 8, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "BOOL": 1}


def safetensors(tensors, metadata=None, pad_to=8):
    """tensors: [(name, dtype, shape, bytes)] in file order."""
    header, offset, data = {}, 0, b""
    if metadata is not None:
        header["__metadata__"] = metadata
    for name, dtype, shape, raw in tensors:
        n = DTYPE_SIZE[dtype]
        for s in shape:
            n *= s
        assert len(raw) == n, (name, len(raw), n)
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + n]}
        offset += n
        data += raw
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % pad_to)  # the format pads the header with spaces
    return struct.pack("<Q", len(h)) + h + data


def f32(values):
    return struct.pack("<%df" % len(values), *values)


def seeds_safetensors():
    put("fuzz_safetensors", "one_f32.safetensors", safetensors([("w", "F32", [2, 3], f32([0.5, -1, 2, 0, 1e-3, 3]))]))
    put("fuzz_safetensors", "metadata.safetensors",
        safetensors([("a.b", "F32", [2], f32([1, 2])), ("n", "I64", [1], struct.pack("<q", 7))],
                    {"format": "pt", "step": "12", "model": "toy-vae"}))
    put("fuzz_safetensors", "all_dtypes.safetensors", safetensors([
        ("f64", "F64", [2], struct.pack("<2d", 1.5, -2)), ("f16", "F16", [2], b"\x00\x3c\x00\xc0"),
        ("bf16", "BF16", [2], b"\x80\x3f\x00\xc0"), ("i32", "I32", [1], struct.pack("<i", -5)),
        ("i16", "I16", [2], struct.pack("<2h", 1, -1)), ("i8", "I8", [3], b"\x01\xff\x7f"),
        ("u8", "U8", [2, 2], b"\x00\x01\x02\xff"), ("bool", "BOOL", [2], b"\x00\x01"),
    ]))
    put("fuzz_safetensors", "scalar_and_empty.safetensors",
        safetensors([("scalar", "F32", [], f32([4])), ("empty", "F32", [0, 3], b""), ("x", "U8", [1], b"\x09")]))
    put("fuzz_safetensors", "no_tensors.safetensors", safetensors([], {"note": "empty"}))


def idx(dims, data):
    magic = struct.pack(">BBBB", 0, 0, 0x08, len(dims))
    return magic + b"".join(struct.pack(">I", d) for d in dims) + bytes(data)


def seeds_idx():
    files = {
        "labels_rank1.idx": idx([5], [0, 1, 2, 3, 9]),
        "images_rank3_2x3x3.idx": idx([2, 3, 3], range(18)),
        "rank4.idx": idx([1, 2, 2, 2], [255] * 8),
        "rank2.idx": idx([3, 2], [7] * 6),
    }
    mnist = root / "data" / "mnist"
    if (mnist / "t10k-images-idx3-ubyte.gz").exists():
        images = gzip.decompress((mnist / "t10k-images-idx3-ubyte.gz").read_bytes())
        labels = gzip.decompress((mnist / "t10k-labels-idx1-ubyte.gz").read_bytes())
        files["mnist_3_images.idx"] = idx([3, 28, 28], images[16:16 + 3 * 784])
        files["mnist_3_labels.idx"] = idx([3], labels[8:11])
    for name, data in files.items():
        put("fuzz_idx", name, data)
        put("fuzz_idx_gz", name + ".gz", gzip.compress(data, mtime=0))
    put("fuzz_idx_gz", "raw_labels.idx", files["labels_rank1.idx"])  # not gzip: read as is


def digit(values):
    return ",".join(("%.3f" % v).rstrip("0").rstrip(".") if v not in (0, 1) else str(int(v)) for v in values)


def seeds_npm():
    blank = [0.0] * 784
    stroke = [round((i % 28) / 27, 3) if 10 <= i // 28 <= 17 else 0.0 for i in range(784)]
    put("fuzz_npm_json", "one_image.json", ('{"data":[' + digit(stroke) + "]}").encode())
    put("fuzz_npm_json", "two_images_spaced.json",
        ('{ "data" : [ ' + digit(blank) + ",\n " + digit(stroke) + " ] }\n").encode())
    put("fuzz_npm_json", "exponent_and_one.json", ('{"data":[1,' + ",".join(["1e-3"] * 782) + ",0.5E0]}").encode())


def seeds_images():
    with tempfile.TemporaryDirectory() as tmp:
        jobs = {
            "grey_5x7.png": ["-size", "5x7", "gradient:black-white", "-colorspace", "Gray", "PNG8:{}"],
            "rgb_30x20.png": ["-seed", "1", "-size", "30x20", "plasma:fractal", "PNG24:{}"],
            "rgba_9x9.png": ["-size", "9x9", "xc:rgba(255,0,0,0.5)", "PNG32:{}"],
            "grey16_4x4.png": ["-size", "4x4", "gradient:", "-depth", "16", "-colorspace", "Gray", "PNG48:{}"],
            "interlaced_8x8.png": ["-size", "8x8", "pattern:checkerboard", "-interlace", "PNG", "{}"],
            "rgb_16x12.jpg": ["-size", "16x12", "gradient:red-blue", "-quality", "50", "{}"],
            "grey_3x3.jpg": ["-size", "3x3", "xc:gray50", "-colorspace", "Gray", "{}"],
            "progressive_20x20.jpg": ["-size", "20x20", "pattern:checkerboard", "-interlace", "JPEG", "{}"],
            "exif_rotated_6x4.jpg": ["-size", "6x4", "gradient:", "-orient", "right-top", "{}"],
        }
        for name, args in jobs.items():
            out = os.path.join(tmp, name)
            # Byte-identical on every rerun: no date chunks, no comments (the EXIF seed keeps its EXIF).
            keep = ["-define", "png:exclude-chunk=date,time"] if name.endswith(".png") else \
                [] if name.startswith("exif") else ["-strip"]
            args = args[:-1] + keep + args[-1:]
            subprocess.run(["convert"] + [a.replace("{}", out) for a in args], check=True)
            put("fuzz_image", name, Path(out).read_bytes())


SEP = b"\n#weights.safetensors#\n"  # fuzz/fuzz_run.cpp splits the input here


def shrink_run(folder, hidden=4, timesteps=4):
    run = json.loads((folder / "run.json").read_text())
    model = run["model"]
    key = "hidden_dim" if "hidden_dim" in model else "hidden"  # image MLPs: hidden_dim
    old_h, old_t = model.get(key, 128), model.get("timesteps")
    model[key] = hidden
    if old_t is not None:
        model["timesteps"] = timesteps
    # Drop what Run::open never reads, keep every field it bounds.
    for key in ("created", "versions", "wall_s"):
        run.pop(key, None)
    run["dataset"].pop("classes", None)
    raw = (folder / "weights.safetensors").read_bytes()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    meta = header.pop("__metadata__", None)
    tensors = []
    for i, (name, e) in enumerate(header.items()):
        shape = [hidden if s == old_h else timesteps if (old_t is not None and s == old_t) else s for s in e["shape"]]
        count = 1
        for s in shape:
            count *= s
        tensors.append((name, e["dtype"], shape, f32([((i + k) % 7 - 3) / 10 for k in range(count)])))
    return json.dumps(run, separators=(",", ":")).encode(), safetensors(tensors, meta)


# Families whose weights are too big for a seed even when narrowed: run.json alone reaches their
# checkModel; the fuzzer pairs them with the weights of the other seeds by itself (CrossOver).
RUN_JSON_ONLY = {"vae-conv", "dcgan", "ddpm-unet"}


def seeds_runs(runs_dir):
    for folder in sorted(Path(runs_dir).iterdir()):
        if not (folder / "weights.safetensors").exists():
            continue
        kind = json.loads((folder / "run.json").read_text())["model"]["kind"]
        if kind in RUN_JSON_ONLY:
            run = json.loads((folder / "run.json").read_text())
            for key in ("created", "versions", "wall_s"):
                run.pop(key, None)
            put("fuzz_run", kind + "_run_json_only.run", json.dumps(run, separators=(",", ":")).encode())
            continue
        run_json, weights = shrink_run(folder)
        put("fuzz_run", kind + ".run", run_json + SEP + weights)
        put("fuzz_safetensors", kind + "_weights.safetensors", weights)
        if kind == "toy-vae":
            # run.json alone: Run::open stops at the missing weights, after the family's checks.
            put("fuzz_run", "toy-vae_no_weights.run", run_json)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", nargs="*", default=[],
                    help="folders of run folders (toy runs, MNIST runs of one step) for the fuzz_run seeds")
    args = ap.parse_args()
    seeds_safetensors()
    seeds_idx()
    seeds_npm()
    seeds_images()
    for runs in args.runs:
        seeds_runs(runs)


if __name__ == "__main__":
    sys.exit(main())
