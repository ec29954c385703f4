// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ATen/core/Tensor.h>

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace genlab {

/// Every operation the calling thread runs from now on uses one core (OpenMP keeps the count per
/// thread; ATen's setting is process-wide): for work beside a run that has the other cores.
void use_one_core_on_this_thread();

/// One training step's forward and backward on slices of the batch at once, each slice on a
/// thread of its own that runs every operation on one core. On few cores this beats one pass whose
/// every operation is split across the cores (the Gated PixelCNN trains ~1.3× faster on two:
/// docs/PERFORMANCE.md). The slices' gradients are added in a fixed order, so a step is the same
/// every time for a given number of slices. Each slice runs with the caller's thread-local state
/// (grad mode, autocast). Nets whose layers see across the batch (batch norm) must not be sliced.
class BatchSlices {
 public:
  /// `slices` ≥ 1; 1 runs the step as one pass on the caller's threads. Starts slices − 1 threads.
  explicit BatchSlices(int slices);
  ~BatchSlices();
  BatchSlices(const BatchSlices&) = delete;
  BatchSlices& operator=(const BatchSlices&) = delete;

  int slices() const { return slices_; }

  /// For each slice [first, first + count) of a batch of `batch` examples, `loss_of(first, count)`
  /// builds that slice's share of the loss (a scalar; the shares add up to the batch's loss). The
  /// gradients of the shares with respect to `params` are summed into each parameter's .grad,
  /// replacing what was there. Returns the batch's loss. An error in any slice is rethrown here
  /// once every slice has finished.
  double backward(int64_t batch, const std::vector<at::Tensor>& params,
                  const std::function<at::Tensor(int64_t first, int64_t count)>& loss_of);

  /// The number of slices worth using for `threads` intra-op threads (the caller's count when 0).
  static int recommended(int threads = 0);

 private:
  void work(int index);

  int slices_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::function<void(int)> job_;
  int64_t generation_ = 0;
  int pending_ = 0;
  bool stopping_ = false;
};

}  // namespace genlab
