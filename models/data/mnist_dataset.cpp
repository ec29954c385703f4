// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/mnist_dataset.h"

#include "io/idx.h"

#include <ATen/ops/from_blob.h>
#include <filesystem>

namespace genlab {
namespace {

std::string find_file(const std::string& folder, const std::string& split, const char* kind,
                      const char* idx) {
  for (const char* sep : {"-", "."}) {
    for (const char* ext : {".gz", ""}) {
      const auto p = std::filesystem::path(folder) / (split + "-" + kind + sep + idx + "-ubyte" + ext);
      if (std::filesystem::exists(p))
        return p.string();
    }
  }
  return {};
}

}  // namespace

const std::vector<std::string>& class_names(const std::string& dataset) {
  static const std::vector<std::string> digits{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  static const std::vector<std::string> fashion{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  return dataset == "fashion-mnist" ? fashion : digits;
}

Result<LabelledImages> load_idx_images(const std::string& images_path,
                                           const std::string& labels_path) {
  auto images = read_idx(images_path);
  if (!images.ok())
    return {{}, images.error};
  auto labels = read_idx(labels_path);
  if (!labels.ok())
    return {{}, labels.error};
  const auto& id = images.value.dims;
  const auto& ld = labels.value.dims;
  const auto iname = std::filesystem::path(images_path).filename().string();
  const auto lname = std::filesystem::path(labels_path).filename().string();
  if (id.size() != 3)
    return {{}, iname + ": expected images of rank 3 (count, height, width), got rank " +
                    std::to_string(id.size())};
  if (ld.size() != 1)
    return {{}, lname + ": expected labels of rank 1, got rank " + std::to_string(ld.size())};
  if (id[0] != ld[0])
    return {{}, iname + " holds " + std::to_string(id[0]) + " images but " + lname + " holds " +
                    std::to_string(ld[0]) + " labels"};
  LabelledImages out;
  out.height = id[1];
  out.width = id[2];
  out.source = images_path;
  out.images = at::from_blob(images.value.data.data(), {id[0], id[1] * id[2]}, at::kByte)
                   .to(at::kFloat)
                   .div_(255.0);
  out.labels = at::from_blob(labels.value.data.data(), {ld[0]}, at::kByte).to(at::kLong);
  return {std::move(out), {}};
}

Result<LabelledImages> load_mnist_split(const std::string& folder, const std::string& split) {
  const auto images = find_file(folder, split, "images", "idx3");
  const auto labels = find_file(folder, split, "labels", "idx1");
  if (images.empty() || labels.empty())
    return {{}, folder + ": no " + split + "-images-idx3-ubyte[.gz] and " + split +
                    "-labels-idx1-ubyte[.gz] here"};
  return load_idx_images(images, labels);
}

}  // namespace genlab
