// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

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
/// (https://github.com/huggingface/safetensors), atomically. Returns "" or an error.
std::string save_safetensors(const std::string& path, const NamedTensors& tensors,
                             const std::map<std::string, std::string>& metadata = {});

/// Reads a safetensors file, refusing anything that is not exactly the format: header length
/// beyond the file, malformed JSON, unknown dtypes, shapes that disagree with their byte
/// ranges, ranges outside the data, overlapping ranges or holes, duplicate names.
Result<SafetensorsFile> load_safetensors(const std::string& path);

}  // namespace genlab
