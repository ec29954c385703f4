// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <ATen/core/Tensor.h>

#include <string>
#include <vector>

namespace genlab {

/// Labelled grey images in memory, ready for training.
struct LabelledImages {
  at::Tensor images;  ///< (N, height·width) float in [0, 1]
  at::Tensor labels;  ///< (N) int64
  int64_t height = 0;
  int64_t width = 0;
  std::string source;  ///< the image file it was read from
  int64_t size() const { return images.defined() ? images.size(0) : 0; }
};

/// Class names of "mnist" ("0" … "9") and "fashion-mnist" ("T-shirt/top" … "Ankle boot").
const std::vector<std::string>& class_names(const std::string& dataset);

/// Reads an IDX image file (N, H, W) and its IDX label file (N); errors name the file.
Result<LabelledImages> load_idx_images(const std::string& images_path,
                                           const std::string& labels_path);

/// Reads the `split` ("train" or "t10k") of an MNIST-layout folder. Accepts the usual names,
/// raw or gzip: train-images-idx3-ubyte[.gz], train-images.idx3-ubyte[.gz], and the same for labels.
Result<LabelledImages> load_mnist_split(const std::string& folder, const std::string& split);

}  // namespace genlab
