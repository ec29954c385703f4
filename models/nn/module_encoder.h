// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An ImageEncoder around a function of a copied torch module. Private to models/.

#include "nn/image_encoder.h"

#include <ATen/core/Tensor.h>

#include <functional>
#include <utility>
#include <vector>

namespace genlab {

/// (mean, log σ² or undefined) of a batch shaped `item_shape` with the batch in front.
using EncodeFunction = std::function<std::pair<at::Tensor, at::Tensor>(const at::Tensor& items)>;

/// `encode` must only read what it captures (an eval-mode copy of the encoder): then the encoder
/// may run on several threads at once. Batches of at most 256 items bound the memory.
std::shared_ptr<const ImageEncoder> make_module_encoder(EncodeFunction encode, std::vector<int64_t> item_shape,
                                                        int64_t latent_dim);

/// The same for an encoder told the class: (mean, log σ²) of a batch and its labels (int64, batch).
using ClassEncodeFunction =
    std::function<std::pair<at::Tensor, at::Tensor>(const at::Tensor& items, const at::Tensor& labels)>;
std::shared_ptr<const ImageEncoder> make_module_encoder(ClassEncodeFunction encode, std::vector<int64_t> item_shape,
                                                        int64_t latent_dim, int64_t classes);

}  // namespace genlab
