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
  /// two coordinates of toy points); empty without an encoder or when the sizes disagree.
  genlab::LatentCodes encode(const std::vector<float>& items, int count) const;
  /// Values per item the encoder takes (0 without one).
  int itemSize() const;

  /// Intensities in [0, 1], channel-major, for code `z` (latentDim values); empty if z has the wrong size.
  std::vector<float> decodePixels(const std::vector<float>& z) const;
  /// `count` samples in a square grid (1 px gaps): codes drawn from N(0, 1) with `seed`
  /// (spread like the codes for an auto-encoder), decoded.
  QImage sampleGrid(int count, quint64 seed) const;
  /// The pixels of sampleGrid's images (image models), one image after the other.
  std::vector<float> samplePixels(int count, quint64 seed) const;
  /// Whether the model makes 2-D points (a toy run): decode() draws the point on a plot of the data,
  /// sampleGrid() one scatter plot of many samples.
  bool drawsPoints() const;
  /// The image (grey or RGB) for code `z` (latentDim values).
  QImage decode(const std::vector<float>& z) const;

 private:
  std::shared_ptr<const genlab::ImageDecoder> m_decoder;
  std::shared_ptr<const genlab::ImageEncoder> m_encoder;
  std::vector<float> m_mean, m_std;
  qint64 m_step = 0;
};

Q_DECLARE_METATYPE(DecoderSnapshot)

