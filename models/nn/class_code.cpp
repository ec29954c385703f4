// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/class_code.h"

#include <ATen/ops/arange.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/one_hot.h>
#include <c10/util/Exception.h>

namespace genlab {

at::Tensor with_class(const at::Tensor& z, const at::Tensor& labels, int64_t classes) {
  if (classes == 0)
    return z;
  TORCH_CHECK(z.dim() == 2, "a code told the class needs codes (B, d), got ", z.sizes());
  TORCH_CHECK(labels.defined() && labels.dim() == 1 && labels.size(0) == z.size(0),
              "a model told the class needs one label per code: ", z.size(0), " codes, labels ",
              labels.defined() ? labels.sizes() : at::IntArrayRef{});
  const auto l = labels.to(z.device(), at::kLong);
  TORCH_CHECK(l.numel() == 0 || (l.min().item<int64_t>() >= 0 && l.max().item<int64_t>() < classes),
              "class labels must lie in [0, ", classes, ")");
  return at::cat({z, at::one_hot(l, classes).to(z.scalar_type())}, 1);
}

at::Tensor checked_labels(const at::Tensor& labels, int64_t classes, int64_t count, const char* model) {
  TORCH_CHECK(classes == 0 || labels.defined(), model, " told the class needs the images' labels");
  TORCH_CHECK(classes > 0 || !labels.defined(), "labels given to ", model, " not told the class");
  if (!labels.defined())
    return labels;
  TORCH_CHECK(labels.dim() == 1 && labels.size(0) == count, "one label per training image, got ", labels.sizes(), " for ", count);
  auto out = labels.to(at::kLong).contiguous();
  TORCH_CHECK(count == 0 || (out.min().item<int64_t>() >= 0 && out.max().item<int64_t>() < classes),
              "training labels must lie in [0, ", classes, ")");
  return out;
}

at::Tensor classes_in_turn(int64_t n, int64_t classes) {
  TORCH_CHECK(classes > 0, "classes_in_turn needs at least one class");
  return at::arange(n, at::kLong).remainder_(classes);
}

}  // namespace genlab
