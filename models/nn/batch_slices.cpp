// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/batch_slices.h"

#include <ATen/Parallel.h>
#include <ATen/ThreadLocalState.h>
#include <torch/csrc/autograd/autograd.h>
#include <torch/utils.h>

#include <dlfcn.h>

#include <algorithm>

namespace genlab {
namespace {

// LibTorch's OpenMP runtime keeps the number of threads per calling thread; ATen offers only a
// process-wide setting, so the runtime's own function is looked up (none: no OpenMP, one thread).
using SetThreads = void (*)(int);
SetThreads openmp_set_threads() {
  static const auto set_threads = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
  return set_threads;
}

void use_threads_on_this_thread(int threads) {
  if (const auto set_threads = openmp_set_threads())
    set_threads(threads);
}

}  // namespace

void use_one_core_on_this_thread() {
  at::get_num_threads();  // ATen's per-thread first use sets the process-wide count; do it before
  use_threads_on_this_thread(1);
}

BatchSlices::BatchSlices(int slices) : slices_(std::max(1, slices)) {
  try {
    for (int i = 1; i < slices_; ++i)
      threads_.emplace_back([this, i] { work(i); });
  } catch (...) {  // a thread that could not start: stop those that did
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_)
      t.join();
    throw;
  }
}

BatchSlices::~BatchSlices() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_)
    t.join();
}

int BatchSlices::recommended(int threads) {
  if (threads <= 0)
    threads = at::get_num_threads();
  return openmp_set_threads() ? std::max(1, threads) : 1;
}

void BatchSlices::work(int index) {
  use_one_core_on_this_thread();
  int64_t seen = 0;
  for (;;) {
    std::function<void(int)> job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_)
        return;
      seen = generation_;
      job = job_;
    }
    job(index);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --pending_;
    }
    done_.notify_all();
  }
}

double BatchSlices::backward(int64_t batch, const std::vector<at::Tensor>& params,
                             const std::function<at::Tensor(int64_t, int64_t)>& loss_of) {
  const int used = int(std::min<int64_t>(slices_, std::max<int64_t>(1, batch)));
  std::vector<std::vector<at::Tensor>> grads(used);
  std::vector<double> losses(used, 0.0);
  std::vector<std::exception_ptr> errors(used);
  const at::ThreadLocalState caller;  // grad mode, autocast, inference mode … for every slice
  const auto slice = [&](int i) {
    if (i >= used)
      return;
    at::ThreadLocalStateGuard same_state(caller);
    try {
      const int64_t first = batch * i / used, count = batch * (i + 1) / used - first;
      const auto loss = loss_of(first, count);
      losses[i] = loss.item<double>();
      grads[i] = torch::autograd::grad({loss}, params, {}, /*retain_graph=*/false, /*create_graph=*/false,
                                       /*allow_unused=*/true);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  if (used == 1) {
    slice(0);
  } else {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      job_ = slice;
      pending_ = slices_ - 1;
      ++generation_;
    }
    wake_.notify_all();
    const int threads = at::get_num_threads();
    use_one_core_on_this_thread();
    slice(0);
    use_threads_on_this_thread(threads);
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return pending_ == 0; });
  }
  for (const auto& e : errors)
    if (e)
      std::rethrow_exception(e);
  torch::NoGradGuard no_grad;
  double total = 0;
  for (int i = 0; i < used; ++i)
    total += losses[i];
  for (size_t p = 0; p < params.size(); ++p) {
    at::Tensor sum;
    for (int i = 0; i < used; ++i)
      if (grads[i][p].defined())
        sum = sum.defined() ? sum.add_(grads[i][p]) : grads[i][p].clone();
    auto& param = const_cast<at::Tensor&>(params[p]);
    if (sum.defined())
      param.mutable_grad() = sum;
    else if (param.grad().defined())
      param.mutable_grad().zero_();
  }
  return total;
}

}  // namespace genlab
