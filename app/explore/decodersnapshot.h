// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pixelimage.h"

#include "nn/image_decoder.h"
#include "nn/image_encoder.h"
#include "nn/mlp_decoder.h"

#include <QImage>
#include <QMetaType>
#include <memory>
#include <vector>

/// An immutable copy of a model's decoder (a VAE's decoder, a GAN's generator) and, when the model
/// has one, its encoder; cheap to pass between threads (shared, never mutated). The training
/// thread makes one from its live weights; the GUI decodes with it, a pool thread encodes.
class DecoderSnapshot {
 public:
  DecoderSnapshot() = default;
  explicit DecoderSnapshot(genlab::MlpDecoderWeights weights, qint64 step = 0);
  DecoderSnapshot(std::shared_ptr<const genlab::ImageDecoder> decoder, qint64 step);

  bool isNull() const { return !m_decoder; }
  int latentDim() const;
  /// The images' side and channels (0 when null).
  int side() const;
  int channels() const;
  qint64 step() const { return m_step; }

  /// Where the codes live (per dimension): N(0, 1) unless set; an auto-encoder's codes have
  /// their own mean and spread, which the Explore page spans instead.
  void setLatentRange(std::vector<float> mean, std::vector<float> std);
  /// The code at `sigmas` standard deviations from the mean along each dimension.
  std::vector<float> codeAt(const std::vector<float>& sigmas) const;
  /// The inverse: how many standard deviations from the mean `z` lies, per dimension.
  std::vector<float> sigmasOf(const std::vector<float>& z) const;

  /// The encoder that goes with the decoder (VAE, auto-encoder); none for a GAN.
  void setEncoder(std::shared_ptr<const genlab::ImageEncoder> encoder);
  bool hasEncoder() const { return m_encoder != nullptr; }
  /// Codes of `count` items (count × itemSize values: intensities in [0, 1] channel-major, or the
  /// two coordinates of toy points); empty without an encoder or when the sizes disagree. An
  /// encoder told the class reads each item with its label from `labels` (count values), or
  /// without them as of drawnClass().
  genlab::LatentCodes encode(const std::vector<float>& items, int count, const std::vector<int>& labels = {}) const;
  /// Values per item the encoder takes (0 without one).
  int itemSize() const;

  /// Told the class (a CVAE, a conditional GAN): how many classes the decoder draws; 0 if not.
  int classes() const;
  /// The same snapshot drawing class `label` wherever no class is named (decode(z), the encoder's
  /// drawn digit): what the Explore page's class picker sets. Out of range: class 0.
  DecoderSnapshot withClass(int label) const;
  /// The class withClass() set (0 unless told the class).
  int drawnClass() const { return m_class; }
  /// Intensities in [0, 1], channel-major, for code `z` (latentDim values) and, told the class,
  /// class `label` (−1: drawnClass()); empty if z has the wrong size or the label is out of range.
  std::vector<float> decodePixels(const std::vector<float>& z, int label = -1) const;
  /// `count` samples in a grid (1 px gaps): codes drawn from N(0, 1) with `seed` (spread like the
  /// codes for an auto-encoder), decoded. Told the class: of class `label`, or with −1 every class
  /// in turn, one row per class and one code per column (a square grid otherwise).
  QImage sampleGrid(int count, quint64 seed, int label = -1) const;
  /// The pixels of sampleGrid's images (image models), one image after the other; told the class,
  /// image i of class `label`, or with −1 of class i mod classes(), each run of classes() images
  /// from one code (one style, every class).
  std::vector<float> samplePixels(int count, quint64 seed, int label = -1) const;
  /// Whether the model makes 2-D points (a toy run): decode() draws the point on a plot of the data,
  /// sampleGrid() one scatter plot of many samples.
  bool drawsPoints() const;
  /// The image (grey or RGB) for code `z` (latentDim values) and, told the class, class `label`
  /// (−1: drawnClass()).
  QImage decode(const std::vector<float>& z, int label = -1) const;
  /// Told the class: code `z` decoded as every class in turn, side by side (1 px gaps): the same
  /// style, every digit. Null when not told the class.
  QImage everyClass(const std::vector<float>& z) const;

 private:
  std::shared_ptr<const genlab::ImageDecoder> m_decoder;
  std::shared_ptr<const genlab::ImageEncoder> m_encoder;
  std::vector<float> m_mean, m_std;
  qint64 m_step = 0;
  int m_class = 0;
};

Q_DECLARE_METATYPE(DecoderSnapshot)

