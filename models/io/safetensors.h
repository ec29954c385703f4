// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"
#include "nn/tensor_spec.h"

#include <ATen/core/Tensor.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace genlab {

/// Tensors by name, in file order.
using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

/// The contents of a .safetensors file.
struct SafetensorsFile {
  NamedTensors tensors;
  std::map<std::string, std::string> metadata;  ///< the optional "__metadata__" strings
  at::Tensor find(const std::string& name) const;
};

/// Writes tensors (F32, F64, F16, BF16, I64, I32, I16, I8, U8, BOOL) in the safetensors format
/// (https://github.com/huggingface/safetensors), atomically. ok() or an error naming the file.
Status save_safetensors(const std::string& path, const NamedTensors& tensors,
                        const std::map<std::string, std::string>& metadata = {});

/// Reads a safetensors file, refusing anything that is not exactly the format: a symbolic link or
/// anything but a regular file, header length beyond the file or over 100 MB, a header that is not
/// strict JSON (see strict_json.h) or has duplicate keys, unknown dtypes or fields, shapes or
/// offsets that are not non-negative integers, sizes that overflow 64 bits, shapes that disagree
/// with their byte ranges, ranges outside the data, overlapping ranges or holes. Memory is allocated
/// only for what the file holds, once.
Result<SafetensorsFile> load_safetensors(const std::string& path);

/// The tensors' names, shapes and whether each is int64, from the header alone (checked in full;
/// the data is not read): what a run's weights hold, before any of it is allocated.
Result<TensorSpecs> read_safetensors_tensors(const std::string& path);

/// The "__metadata__" strings only (the header is read and checked in full; the data is not read).
Result<std::map<std::string, std::string>> read_safetensors_metadata(const std::string& path);

}  // namespace genlab
