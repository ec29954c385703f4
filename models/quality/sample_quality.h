// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quality/classifier.h"

#include <ATen/core/Tensor.h>

#include <vector>

namespace genlab {

/// Mean and covariance of feature vectors, in float64.
struct FeatureStatistics {
  at::Tensor mean;        ///< (D)
  at::Tensor covariance;  ///< (D, D), unbiased (N − 1)
  int64_t count = 0;
};
/// Of features (N, D), N ≥ 2.
FeatureStatistics feature_statistics(const at::Tensor& features);

/// The Fréchet distance between two Gaussians (Dowson & Landau 1982; the FID of Heusel et al. 2017):
///   ‖μ₁ − μ₂‖² + tr Σ₁ + tr Σ₂ − 2 tr (Σ₁^½ Σ₂ Σ₁^½)^½,
/// the square roots through symmetric eigendecompositions (negative round-off eigenvalues → 0).
double frechet_distance(const FeatureStatistics& a, const FeatureStatistics& b);

/// How good a set of samples is, judged by a classifier of the real data.
struct SampleQuality {
  int64_t count = 0;
  std::vector<int64_t> histogram;  ///< samples per predicted class
  double confident = 0;            ///< share with top probability ≥ 0.9
  double class_entropy_bits = 0;   ///< entropy of the histogram: log2(classes) when every class comes equally often
  double frechet = 0;              ///< Fréchet distance of the classifier's features to the reference's
  /// Samples drawn told a class (`asked` given): the share the classifier puts in the class asked
  /// for, overall (NaN without `asked`) and per class asked (NaN for a class never asked).
  double asked_accuracy = 0;
  std::vector<double> accuracy_by_class;
};

/// Classifier features of images in [0, 1] (N, D), computed in batches of `batch`.
at::Tensor classifier_features(ImageClassifier& model, const at::Tensor& images, int64_t batch = 500);

/// Scores `samples` (pixels in [0, 1]) against the features' statistics of real held-out images.
/// `asked` (N, int64): the class each sample was drawn told, for asked_accuracy; undefined: none.
SampleQuality score_samples(ImageClassifier& model, const at::Tensor& samples, const FeatureStatistics& reference,
                            const at::Tensor& asked = {});

/// Entropy in bits of a histogram's proportions (0 · log 0 = 0).
double histogram_entropy_bits(const std::vector<int64_t>& histogram);

/// How far a set of 2-D (or any D) samples lies from the data: the maximum mean discrepancy with
/// the Gaussian kernel k(x, y) = exp(−‖x − y‖² / 2σ²) (Gretton et al. 2012), the square root of
/// its biased estimate mean k(a, a) + mean k(b, b) − 2 mean k(a, b), over points a (N, D) and
/// b (M, D); 0 for the same set, at most √2.
double mmd(const at::Tensor& a, const at::Tensor& b, double sigma);
/// The median distance between two different points of `points` (N ≥ 2, D): the usual σ for mmd.
double median_distance(const at::Tensor& points);

}  // namespace genlab
