// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/guidance.h"

#include <ATen/ops/arange.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/full.h>
#include <ATen/ops/full_like.h>
#include <c10/util/Exception.h>

#include <cmath>

namespace genlab {

Denoiser guided(ClassDenoiser net, at::Tensor labels, double w, int64_t no_class) {
  TORCH_CHECK(std::isfinite(w) && w >= 0, "the guidance scale must be a number ≥ 0, got ", w);
  if (!labels.defined())
    return [net = std::move(net)](const at::Tensor& x, const at::Tensor& t) { return net(x, t, {}); };
  labels = labels.to(at::kLong);
  if (w == 1)
    return [net = std::move(net), labels](const at::Tensor& x, const at::Tensor& t) { return net(x, t, labels); };
  const auto none = at::full_like(labels, no_class);
  if (w == 0)
    return [net = std::move(net), none](const at::Tensor& x, const at::Tensor& t) { return net(x, t, none); };
  return [net = std::move(net), both = at::cat({labels, none}), w](const at::Tensor& x, const at::Tensor& t) {
    const int64_t b = x.size(0);
    TORCH_CHECK(both.size(0) == 2 * b, "guidance: ", both.size(0) / 2, " labels for ", b, " images");
    const auto out = net(at::cat({x, x}), at::cat({t, t}), both.to(x.device()));
    const auto told = out.narrow(0, 0, b), untold = out.narrow(0, b, b);
    return untold.add(told.sub(untold), w);  // out(∅) + w·(out(c) − out(∅))
  };
}

Denoiser guided_keeping(ClassDenoiser net, at::Tensor labels, double w, int64_t no_class, std::shared_ptr<GuidanceParts> keep) {
  TORCH_CHECK(std::isfinite(w) && w >= 0, "the guidance scale must be a number ≥ 0, got ", w);
  TORCH_CHECK(labels.defined() && keep, "guided_keeping needs the labels and a place to keep the two predictions");
  labels = labels.to(at::kLong);
  return [net = std::move(net), both = at::cat({labels, at::full_like(labels, no_class)}), w, keep](const at::Tensor& x,
                                                                                                   const at::Tensor& t) {
    const int64_t b = x.size(0);
    TORCH_CHECK(both.size(0) == 2 * b, "guidance: ", both.size(0) / 2, " labels for ", b, " images");
    const auto out = net(at::cat({x, x}), at::cat({t, t}), both.to(x.device()));
    keep->told = out.narrow(0, 0, b);
    keep->untold = out.narrow(0, b, b);
    if (w == 1)
      return keep->told;
    if (w == 0)
      return keep->untold;
    return keep->untold.add(keep->told.sub(keep->untold), w);
  };
}

ClassDenoiser autoguided(ClassDenoiser good, ClassDenoiser weak, double w) {
  TORCH_CHECK(std::isfinite(w) && w >= 0, "the autoguidance scale must be a number ≥ 0, got ", w);
  if (w == 1)
    return good;
  if (w == 0)
    return weak;
  return [good = std::move(good), weak = std::move(weak), w](const at::Tensor& x, const at::Tensor& t, const at::Tensor& labels) {
    const auto bad = weak(x, t, labels);
    return bad.add(good(x, t, labels).sub(bad), w);
  };
}

at::Tensor sample_labels(int64_t count, int64_t classes, int64_t label) {
  TORCH_CHECK(classes >= 1, "sample_labels: no classes");
  TORCH_CHECK(label < classes, "class ", label, " asked of a model of classes 0 … ", classes - 1);
  if (label >= 0)
    return at::full({count}, label, at::TensorOptions(at::kLong));
  return at::arange(count, at::TensorOptions(at::kLong)).remainder(classes);
}

}  // namespace genlab
