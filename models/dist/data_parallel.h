// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <chrono>
#include <functional>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace genlab {

/// Where this process stands in a data-parallel job: the variables torchrun and SLURM launches set.
struct ParallelPlace {
  int rank = 0;
  int world_size = 1;
  int local_rank = 0;
  std::string master_addr = "127.0.0.1";
  int master_port = 29500;
};

/// From RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR and MASTER_PORT, or else, inside a step srun
/// started (SLURM_STEP_ID), from SLURM_PROCID, SLURM_STEP_NUM_TASKS and SLURM_LOCALID; a world of
/// one when neither is set. The error names the variable that is malformed or missing.
Result<ParallelPlace> parallel_place_from_environment();

/// One process of a data-parallel job on PyTorch's c10d: a TCPStore at MASTER_ADDR:MASTER_PORT
/// (rank 0 serves it) and a process group: NCCL for a CUDA device when LibTorch has it
/// (USE_C10D_NCCL), else Gloo, which exchanges through the CPU's memory. Every collective gives up
/// after `timeout`, so a rank that died makes the others fail with a c10::Error instead of
/// waiting for ever.
class DataParallel {
 public:
  /// Joins the group (throws c10::Error naming the address when it cannot, within `timeout`).
  /// `device`: where this process trains (its tensors to average live there).
  DataParallel(const ParallelPlace& place, std::chrono::milliseconds timeout,
               c10::Device device = c10::Device(c10::kCPU));
  /// "gloo" or "nccl".
  std::string backend() const { return nccl_ ? "nccl" : "gloo"; }
  ~DataParallel();
  DataParallel(const DataParallel&) = delete;
  DataParallel& operator=(const DataParallel&) = delete;

  int rank() const { return place_.rank; }
  int world_size() const { return place_.world_size; }
  int port() const;

  /// Replaces each tensor by its mean over all ranks, in place: float tensors flattened into
  /// buffers of at most `bucket_bytes`, one all-reduce each.
  void all_reduce_mean(const std::vector<at::Tensor>& tensors, int64_t bucket_bytes = 25 << 20);
  /// An average under way (start_mean).
  class PendingMean {
   public:
    /// Waits for the collective (throws c10::Error naming a process that died, as the others do)
    /// and writes the means into `into`: tensors of the sizes given to start_mean, in its order.
    void finish(const std::vector<at::Tensor>& into);

   private:
    friend class DataParallel;
    std::function<void(const std::vector<at::Tensor>&)> finish_;
  };
  /// Starts averaging `tensors` over the ranks (a copy, flattened into one buffer) and returns at
  /// once: Gloo's threads do the exchange while the caller goes on (backward, in Adam's gradient
  /// hooks). Every rank must start its averages in the same order.
  std::shared_ptr<PendingMean> start_mean(const std::vector<at::Tensor>& tensors);
  /// The sum over all ranks of one number (a loss to report, a "stop" vote).
  double all_reduce_sum(double value);
  /// Every rank's tensors become rank 0's.
  void broadcast(const std::vector<at::Tensor>& tensors);
  /// Waits until every rank has come here.
  void barrier();

 private:
  /// Which process a broken collective lost, in words.
  std::string who_failed() const;
  /// The processes of this machine that have exited, in words ("" when none has yet).
  std::string dead_processes() const;
  template <typename F>
  void collective(const char* what, F&& body);

  /// `t` where the backend exchanges it: the CPU for Gloo, the GPU for NCCL.
  at::Tensor for_exchange(const at::Tensor& t) const;

  ParallelPlace place_;
  c10::Device device_;
  bool nccl_ = false;
  struct Group;
  std::unique_ptr<Group> group_;
};

}  // namespace genlab
