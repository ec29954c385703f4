// SPDX-License-Identifier: GPL-3.0-or-later
// genlab::parse_idx on raw bytes: an array or an error; an array holds exactly product(dims) bytes.
#include "fuzzfiles.h"

#include "io/idx.h"

#include <vector>

namespace {
void check(const genlab::IdxArray& a) {
  if (a.dims.empty() || a.dims.size() > 4)
    __builtin_trap();
  uint64_t n = 1;
  for (int64_t d : a.dims) {
    if (d <= 0)
      __builtin_trap();
    n *= uint64_t(d);
  }
  if (n != a.data.size())
    __builtin_trap();
  fuzz::touch(a.data.data(), a.data.size());
}
}  // namespace

#ifndef GENLAB_FUZZ_IDX_GZ
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto parsed = genlab::parse_idx("fuzz.idx", std::vector<uint8_t>(data, data + size));
  if (parsed.ok())
    check(parsed.value);
  return 0;
}
#else
// genlab::read_idx on a file, as the data loader calls it: gzip or raw told apart by content; a
// raw file is checked from its header and size and read straight into place, a gzip one inflated
// within its trailer's claim.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = (fuzz::scratch() / "fuzz-idx.gz").string();
  fuzz::writeFile(path, data, size);
  auto parsed = genlab::read_idx(path);
  if (parsed.ok())
    check(parsed.value);
  return 0;
}
#endif
