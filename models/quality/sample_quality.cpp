// SPDX-License-Identifier: GPL-3.0-or-later
#include "quality/sample_quality.h"

#include <ATen/ops/cat.h>
#include <ATen/ops/cdist.h>
#include <ATen/ops/triu_indices.h>
#include <ATen/ops/diag.h>
#include <ATen/ops/linalg_eigh.h>
#include <ATen/ops/softmax.h>
#include <c10/core/InferenceMode.h>
#include <c10/util/Exception.h>

#include <algorithm>
#include <cmath>

namespace genlab {

FeatureStatistics feature_statistics(const at::Tensor& features) {
  TORCH_CHECK(features.dim() == 2 && features.size(0) >= 2, "feature statistics need at least two feature vectors");
  const auto f = features.to(at::kDouble);
  FeatureStatistics s;
  s.count = f.size(0);
  s.mean = f.mean(0);
  const auto centred = f - s.mean;
  s.covariance = centred.t().mm(centred).div(double(s.count - 1));
  return s;
}

namespace {
// The square root of a symmetric positive semi-definite matrix.
at::Tensor sqrt_psd(const at::Tensor& m) {
  const auto [values, vectors] = at::linalg_eigh(m.add(m.t()).mul(0.5));
  return vectors.mm(at::diag(values.clamp_min(0).sqrt())).mm(vectors.t());
}
}  // namespace

double frechet_distance(const FeatureStatistics& a, const FeatureStatistics& b) {
  TORCH_CHECK(a.mean.sizes() == b.mean.sizes(), "Fréchet distance of features of different sizes");
  const auto s1 = a.covariance.to(at::kDouble), s2 = b.covariance.to(at::kDouble);
  const auto root1 = sqrt_psd(s1);
  const auto middle = root1.mm(s2).mm(root1);
  const auto eigen = at::linalg_eigh(middle.add(middle.t()).mul(0.5));
  const double cross = std::get<0>(eigen).clamp_min(0).sqrt().sum().item<double>();
  const double means = (a.mean.to(at::kDouble) - b.mean.to(at::kDouble)).pow(2).sum().item<double>();
  return std::max(0.0, means + s1.trace().item<double>() + s2.trace().item<double>() - 2 * cross);
}

at::Tensor classifier_features(ImageClassifier& model, const at::Tensor& images, int64_t batch) {
  c10::InferenceMode guard;
  const auto x = classifier_input(images);
  std::vector<at::Tensor> parts;
  for (int64_t start = 0; start < x.size(0); start += batch)
    parts.push_back(model->features(x.slice(0, start, start + batch)));
  return at::cat(parts);
}

double histogram_entropy_bits(const std::vector<int64_t>& histogram) {
  int64_t total = 0;
  for (int64_t c : histogram)
    total += c;
  double h = 0;
  for (int64_t c : histogram)
    if (c > 0) {
      const double p = double(c) / double(total);
      h -= p * std::log2(p);
    }
  return h;
}

SampleQuality score_samples(ImageClassifier& model, const at::Tensor& samples, const FeatureStatistics& reference,
                            const at::Tensor& asked) {
  c10::InferenceMode guard;
  SampleQuality q;
  const auto features = classifier_features(model, samples);
  const auto probabilities = at::softmax(model->out->forward(features), 1);
  const auto [top, classes] = probabilities.max(1);
  q.count = samples.size(0);
  q.histogram.assign(size_t(model->classes()), 0);
  const auto predicted = classes.to(at::kLong).contiguous();
  const int64_t* p = predicted.data_ptr<int64_t>();
  for (int64_t i = 0; i < q.count; ++i)
    ++q.histogram[size_t(p[i])];
  q.confident = top.ge(0.9).to(at::kDouble).mean().item<double>();
  q.class_entropy_bits = histogram_entropy_bits(q.histogram);
  q.frechet = frechet_distance(feature_statistics(features), reference);
  q.asked_accuracy = std::nan("");
  if (asked.defined()) {
    TORCH_CHECK(asked.dim() == 1 && asked.size(0) == q.count, "one asked class per sample, got ", asked.sizes(), " for ",
                q.count);
    const auto a = asked.to(at::kLong).contiguous();
    const int64_t* k = a.data_ptr<int64_t>();
    std::vector<int64_t> right(size_t(model->classes()), 0), total(size_t(model->classes()), 0);
    int64_t all = 0;
    for (int64_t i = 0; i < q.count; ++i) {
      TORCH_CHECK(k[i] >= 0 && k[i] < model->classes(), "asked class ", k[i], " is not one of the classifier's");
      ++total[size_t(k[i])];
      if (p[i] == k[i]) {
        ++right[size_t(k[i])];
        ++all;
      }
    }
    q.asked_accuracy = q.count > 0 ? double(all) / double(q.count) : std::nan("");
    for (size_t c = 0; c < right.size(); ++c)
      q.accuracy_by_class.push_back(total[c] > 0 ? double(right[c]) / double(total[c]) : std::nan(""));
  }
  return q;
}

double mmd(const at::Tensor& a_in, const at::Tensor& b_in, double sigma) {
  TORCH_CHECK(a_in.dim() == 2 && b_in.dim() == 2 && a_in.size(1) == b_in.size(1) && a_in.size(0) > 0 && b_in.size(0) > 0,
              "MMD compares two non-empty point sets (N, D) and (M, D), got ", a_in.sizes(), " and ", b_in.sizes());
  TORCH_CHECK(std::isfinite(sigma) && sigma > 0, "the MMD kernel width must be positive, got ", sigma);
  c10::InferenceMode guard;
  const auto a = a_in.to(at::kDouble), b = b_in.to(at::kDouble);
  const auto mean_kernel = [sigma](const at::Tensor& x, const at::Tensor& y) {
    return at::cdist(x, y).pow_(2).div_(-2 * sigma * sigma).exp_().mean().item<double>();
  };
  return std::sqrt(std::max(0.0, mean_kernel(a, a) + mean_kernel(b, b) - 2 * mean_kernel(a, b)));
}

double median_distance(const at::Tensor& points) {
  TORCH_CHECK(points.dim() == 2 && points.size(0) >= 2, "the median distance needs at least two points (N, D), got ",
              points.sizes());
  c10::InferenceMode guard;
  const auto p = points.to(at::kDouble);
  const int64_t n = p.size(0);
  const auto d = at::cdist(p, p);
  const auto upper = at::triu_indices(n, n, 1);
  return d.view(-1).index_select(0, upper[0] * n + upper[1]).median().item<double>();
}

}  // namespace genlab
