// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the autoregressive families (pixelcnn/, pixelrnn/) share: an image as a sequence of pixels
// in raster order, p(x) = Π p(x_i | x_<i), each factor a Bernoulli (black/white digits) or a
// 256-way softmax over grey levels (seeds 000 and 004).

#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>

#include <memory>
#include <vector>

namespace genlab {

/// What a pixel model predicts and what it may be told.
struct PixelModelShape {
  /// 2: black or white pixels (one logit, Bernoulli); 256: grey levels (256 logits, softmax).
  int64_t levels = 2;
  /// Class conditioning: the number of classes (0: none).
  int64_t classes = 0;
  /// Image side (square, one channel).
  int64_t image_size = 28;
};

/// What a network keeps between pixels while sampling (the rows a recurrent net already read).
struct RowCache {
  int64_t rows_done = 0;          ///< PixelRNN: rows whose states are final; PixelCNN: the row whose context is cached
  std::vector<at::Tensor> state;  ///< the network's own (PixelRNN: h and c of every layer)
};

/// A network that reads an image in raster order: the logits of pixel (r, c) depend only on the
/// pixels before it (rows above, and the same row to the left).
class PixelNetImpl : public torch::nn::Module {
 public:
  /// Logits (B, outputs, H, W) for images (B, 1, H, W) in [0, 1] (binary images: 0 or 1) and,
  /// with classes, labels (B) long (else undefined).
  virtual at::Tensor forward(const at::Tensor& images, const at::Tensor& labels) = 0;
  /// Logits (B, outputs, W) of row `row` alone, for sampling: the same numbers forward() gives
  /// there. The pixels at and after the next one to draw may hold anything.
  virtual at::Tensor row_logits(const at::Tensor& images, const at::Tensor& labels, int64_t row,
                                RowCache& cache) = 0;
  virtual const PixelModelShape& shape() const = 0;
  /// Logits per pixel: 1 (Bernoulli) or `levels`.
  int64_t outputs() const { return shape().levels == 2 ? 1 : shape().levels; }
};
using PixelNet = std::shared_ptr<PixelNetImpl>;

/// Images in [0, 1] as the model's values: black/white drawn with probability = brightness
/// (dynamic binarisation) when levels is 2, else rounded to the nearest of 256 grey levels.
at::Tensor pixel_values(const at::Tensor& images, int64_t levels, at::Generator& gen);

/// −log p(x) in nats per image (B) for logits (B, outputs, H, W) of images `x` (B, 1, H, W)
/// holding model values (0/1, or k/255).
at::Tensor negative_log_likelihood(const at::Tensor& logits, const at::Tensor& x, int64_t levels);

/// nats per image → bits per pixel (dimension).
double bits_per_dimension(double nats_per_image, int64_t pixels);

/// The predicted distribution (B, levels) of one pixel from its logits (B, outputs), sharpened
/// (temperature < 1) or flattened (> 1).
at::Tensor pixel_distribution(const at::Tensor& logits, int64_t levels, double temperature);

/// Draws images pixel by pixel, one pixel per step(), so a view can watch. With `given` images
/// (count, 1, H, W) and a `known` mask (H, W) bool, known pixels are copied, not drawn (completion).
class PixelSampler {
 public:
  struct Options {
    int64_t count = 16;
    double temperature = 1;
    uint64_t seed = 1;
    at::Tensor labels;  ///< (count) long, for a class-conditional net
    at::Tensor given;   ///< (count, 1, H, W) in [0, 1]: the image to complete
    at::Tensor known;   ///< (H, W) bool: the pixels of `given` kept
    /// Each pixel from a full forward pass (naive) instead of its row alone.
    bool naive = false;
  };
  PixelSampler(PixelNet net, Options options);

  bool done() const { return position_ >= pixels(); }
  /// The next pixel to draw, r · W + c (pixels() when done).
  int64_t position() const { return position_; }
  int64_t pixels() const { return size_ * size_; }
  /// The distribution (count, levels) of the next pixel, given what is drawn so far.
  at::Tensor next_distribution();
  /// Draws the next pixel of every image (or copies it when known); returns its distribution
  /// (undefined for a known pixel).
  at::Tensor step();
  /// Skips to the next pixel that is not known (completion); false when none is left.
  bool skip_known();
  /// The images so far (count, 1, H, W) in [0, 1]; pixels not drawn yet are 0.
  const at::Tensor& images() const { return images_; }

 private:
  PixelNet net_;
  Options options_;
  int64_t size_, position_ = 0;
  at::Tensor images_;
  at::Generator gen_;
  RowCache cache_;
  std::vector<char> known_;  ///< options_.known flattened once (empty: nothing known)
  c10::Device device_{c10::kCPU};  ///< where the net is, looked up once (not per pixel)
};

/// `count` images drawn pixel by pixel (count, 1, H, W) in [0, 1].
at::Tensor sample_pixels(PixelNet net, const PixelSampler::Options& options);

/// How much each input pixel moves the model's log-probability of pixel (row, col) of `image`
/// (1, 1, H, W) in model values: |∂ log p(x_rc | x_<rc) / ∂x| (H, W). Zero at and after (row, col)
/// in raster order for a correct model; zero in the blind spot of a plain masked stack.
at::Tensor receptive_field(PixelNet net, const at::Tensor& image, const at::Tensor& label, int64_t row, int64_t col);

}  // namespace genlab
