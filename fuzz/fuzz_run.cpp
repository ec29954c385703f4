// SPDX-License-Identifier: GPL-3.0-or-later
// Run::open on a folder holding hostile run.json and weights.safetensors. The input is run.json,
// then the separator below, then the weights (no separator: run.json only, no weights file), so
// mutations of the JSON never have to keep a length field right. An opened run is described
// (what `genlab-cli info` prints), which walks the weights once more.
#include "fuzzfiles.h"

#include "run.h"

#include <QJsonObject>
#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::filesystem::path folder = fuzz::scratch() / "run";
  static const char separator[] = "\n#weights.safetensors#\n";
  const size_t seplen = sizeof separator - 1;
  const uint8_t* end = data + size;
  const uint8_t* sep = std::search(data, end, separator, separator + seplen);
  fuzz::writeFile(folder / "run.json", data, size_t(sep - data));
  std::error_code ec;
  std::filesystem::remove(folder / "weights.safetensors", ec);
  if (sep != end)
    fuzz::writeFile(folder / "weights.safetensors", sep + seplen, size_t(end - sep - seplen));
  const auto run = Run::open(QString::fromStdString(folder.string()));
  if (run.ok())
    (void)run.value.describe();
  return 0;
}
