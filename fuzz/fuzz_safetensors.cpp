// SPDX-License-Identifier: GPL-3.0-or-later
// genlab::load_safetensors on arbitrary bytes: it returns a file or an error, never crashes, and
// every tensor it returns owns exactly the bytes its shape and dtype say.
#include "fuzzfiles.h"

#include "io/safetensors.h"

#include <ATen/core/Tensor.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = (fuzz::scratch() / "weights.safetensors").string();
  fuzz::writeFile(path, data, size);
  const auto file = genlab::load_safetensors(path);
  if (!file.ok())
    return 0;
  for (const auto& [name, t] : file.value.tensors) {
    if (!t.defined() || !t.is_contiguous() || t.nbytes() != size_t(t.numel()) * t.element_size())
      __builtin_trap();
    if (t.nbytes() > size)
      __builtin_trap();  // more tensor bytes than the file holds
    fuzz::touch(t.data_ptr(), t.nbytes());
    (void)file.value.find(name);
  }
  return 0;
}
