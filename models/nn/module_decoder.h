// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An ImageDecoder around a copy of a torch decoder module (a GAN generator, a conv-VAE decoder),
// and the loaders that fill such modules from a run's weights. Private to models/.

#include "nn/image_decoder.h"
#include "io/safetensors.h"

#include <ATen/ops/from_blob.h>
#include <c10/core/InferenceMode.h>
#include <torch/nn/module.h>
#include <torch/utils.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace genlab {

/// `Holder` is a TORCH_MODULE holder whose forward maps (1, latent_dim + classes) codes (told the
/// class: z, then the one-hot class) to (1, channels, side, side) raw outputs; `to_unit` maps those
/// to intensities in [0, 1].
template <class Holder>
class ModuleDecoder final : public ImageDecoder {
 public:
  ModuleDecoder(Holder m, int64_t latent_dim, int64_t channels, int64_t side,
                std::function<at::Tensor(const at::Tensor&)> to_unit, int64_t classes = 0)
      : m_(std::move(m)), latent_dim_(latent_dim), channels_(channels), side_(side), classes_(classes),
        to_unit_(std::move(to_unit)) {
    m_->eval();
  }
  int64_t latent_dim() const override { return latent_dim_; }
  int64_t channels() const override { return channels_; }
  int64_t side() const override { return side_; }
  int64_t classes() const override { return classes_; }
  std::vector<float> decode(const std::vector<float>& z) const override { return decode(z, 0); }
  std::vector<float> decode(const std::vector<float>& z, int64_t label) const override {
    if (int64_t(z.size()) != latent_dim_ || (classes_ > 0 && (label < 0 || label >= classes_)))
      return {};
    // Eval mode reads batch-norm statistics and changes nothing: safe from any thread.
    c10::InferenceMode guard;
    std::vector<float> code(z);
    if (classes_ > 0) {
      code.resize(size_t(latent_dim_ + classes_), 0.f);
      code[size_t(latent_dim_ + label)] = 1.f;
    }
    const auto in = at::from_blob(code.data(), {1, latent_dim_ + classes_}, at::kFloat);
    const at::Tensor out = to_unit_(m_->forward(in)).contiguous();
    return std::vector<float>(out.data_ptr<float>(), out.data_ptr<float>() + out.numel());
  }

 private:
  mutable Holder m_;
  int64_t latent_dim_, channels_, side_, classes_;
  std::function<at::Tensor(const at::Tensor&)> to_unit_;
};

/// A module and the prefix its tensors carry in a weights file ("generator.", "ema.", "").
struct PrefixedModule {
  std::string prefix;
  torch::nn::Module* module = nullptr;
};

/// Copies "<prefix><name>" from `file` into every parameter and buffer of every module. Each
/// tensor must be there with the module's shape and dtype (float32 weights; int64 batch-norm
/// counters). Nothing changes unless everything fits; the error names `file_name` and the first
/// tensor that is missing or of another shape or dtype.
Status load_modules_weights(const std::vector<PrefixedModule>& modules, const SafetensorsFile& file,
                            const std::string& file_name);
/// The checks of load_modules_weights without the copy: ok() and, in `copies`, each module tensor
/// (parameter or buffer) with the file's tensor to copy into it.
Status match_modules_weights(const std::vector<PrefixedModule>& modules, const SafetensorsFile& file,
                             const std::string& file_name, std::vector<std::pair<at::Tensor, at::Tensor>>* copies);

/// load_modules_weights for one module.
Status load_module_weights(torch::nn::Module& m, const SafetensorsFile& file, const std::string& file_name,
                           const std::string& prefix);
/// The same from a path: load_safetensors, then the above with the path's file name.
Status load_module_weights(torch::nn::Module& m, const std::string& weights_path, const std::string& prefix);

/// The last component of `path` ("…/run-3/weights.safetensors" → "weights.safetensors"), for messages.
std::string file_name_of(const std::string& path);

}  // namespace genlab
