// SPDX-License-Identifier: GPL-3.0-or-later
#include "dist/data_parallel.h"

#include <ATen/ops/cat.h>
#include <ATen/ops/full.h>
#include <c10/util/Exception.h>
#include "nn/torch_compat.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/utils.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <unistd.h>

namespace genlab {

namespace {

// The variable's value, or the fallback's, or "".
std::string variable(const char* name, const char* fallback = nullptr) {
  if (const char* v = std::getenv(name); v && *v)
    return v;
  if (fallback)
    if (const char* v = std::getenv(fallback); v && *v)
      return v;
  return {};
}

bool to_int(const std::string& text, int lo, int hi, int* out) {
  try {
    size_t used = 0;
    const long v = std::stol(text, &used);
    if (used != text.size() || v < lo || v > hi)
      return false;
    *out = int(v);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

Result<ParallelPlace> parallel_place_from_environment() {
  Result<ParallelPlace> out;
  ParallelPlace& p = out.value;
  // torchrun's variables, or else SLURM's, but only inside a step srun started (a batch script's
  // own shell has SLURM_NTASKS too, and trains alone).
  std::string world = variable("WORLD_SIZE"), rank = variable("RANK"), local = variable("LOCAL_RANK");
  const std::string step = variable("SLURM_STEP_ID");
  if (world.empty() && !step.empty() && step != "batch" && step != "extern") {
    world = variable("SLURM_STEP_NUM_TASKS", "SLURM_NTASKS");
    rank = variable("SLURM_PROCID");
    local = variable("SLURM_LOCALID");
  }
  if (world.empty())
    return out;  // one process
  if (!to_int(world, 1, 65536, &p.world_size))
    out.error = "WORLD_SIZE must be a whole number from 1 to 65536, got '" + world + "'";
  else if (p.world_size > 1 && rank.empty())
    out.error = "WORLD_SIZE is " + world + " but RANK is not set: each process needs its own rank";
  else if (!to_int(rank.empty() ? "0" : rank, 0, p.world_size - 1, &p.rank))
    out.error = "RANK must be a whole number from 0 to WORLD_SIZE − 1 = " + std::to_string(p.world_size - 1) + ", got '" + rank + "'";
  else if (!to_int(local.empty() ? "0" : local, 0, 65535, &p.local_rank))
    out.error = "LOCAL_RANK must be a whole number, got '" + local + "'";
  if (!out.ok())
    return out;
  if (const std::string addr = variable("MASTER_ADDR"); !addr.empty())
    p.master_addr = addr;
  if (const std::string port = variable("MASTER_PORT"); !port.empty() && !to_int(port, 1, 65535, &p.master_port))
    out.error = "MASTER_PORT must be a port number from 1 to 65535, got '" + port + "'";
  return out;
}

struct DataParallel::Group {
  c10::intrusive_ptr<c10d::TCPStore> store;
  c10::intrusive_ptr<compat::CollectiveBackend> group;
  std::chrono::milliseconds timeout{0};
};

namespace {

// Whether process `pid` of this machine still runs (a zombie, dead but not yet reaped, does not).
bool alive(int pid) {
  if (::kill(pid, 0) != 0 && errno == ESRCH)
    return false;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(stat, line);
  const auto close = line.rfind(')');  // "pid (name) state …"
  return close == std::string::npos || close + 2 >= line.size() || (line[close + 2] != 'Z' && line[close + 2] != 'X');
}

std::string host_name() {
  char name[256] = {};
  ::gethostname(name, sizeof name - 1);
  return name;
}

}  // namespace

std::string DataParallel::who_failed() const {
  // Each process left "<host> <pid>" in the store when it joined: a process of this host whose pid
  // is gone is the one that died; without the store, rank 0 (which serves it) is. Its sockets close
  // while it is still exiting, so look for up to two seconds.
  std::string found;
  for (int tries = 0; tries < 40 && found.empty(); ++tries) {
    if (tries > 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    found = dead_processes();
  }
  return found.empty() ? "another process stopped answering within " + std::to_string(group_->timeout.count() / 1000) + " s"
                       : found;
}

std::string DataParallel::dead_processes() const {
  std::string found;
  try {
    const std::string me = host_name();
    for (int r = 0; r < place_.world_size; ++r) {
      if (r == place_.rank)
        continue;
      const std::string key = "genlab/process/" + std::to_string(r);
      if (!group_->store->check({key}))
        continue;  // it never said who it is
      const auto bytes = group_->store->get(key);
      const std::string text(bytes.begin(), bytes.end());
      const auto space = text.rfind(' ');
      if (space == std::string::npos || text.substr(0, space) != me)
        continue;
      const int pid = std::atoi(text.c_str() + space + 1);
      if (pid > 0 && !alive(pid))
        found += (found.empty() ? "" : ", ") + ("process " + std::to_string(r) + " (pid " + std::to_string(pid) + ") has exited");
    }
  } catch (const std::exception&) {
    return "process 0, which holds the group together at " + place_.master_addr + ":" + std::to_string(place_.master_port) +
           ", is gone";
  }
  return found;
}

template <typename F>
void DataParallel::collective(const char* what, F&& body) {
  try {
    body();
  } catch (const std::exception& e) {
    TORCH_CHECK(false, "process ", place_.rank, " of ", place_.world_size, " lost the others during ", what, ": ",
                who_failed(), " (", e.what(), ")");
  }
}

DataParallel::DataParallel(const ParallelPlace& place, std::chrono::milliseconds timeout, c10::Device device)
    : place_(place), device_(device), group_(std::make_unique<Group>()) {
  TORCH_CHECK(place.world_size >= 1 && place.rank >= 0 && place.rank < place.world_size, "rank ", place.rank,
              " is not in a world of ", place.world_size);
  c10d::TCPStoreOptions o;
  o.port = uint16_t(place.master_port);
  o.isServer = place.rank == 0;
  o.numWorkers = size_t(place.world_size);
  o.waitWorkers = true;
  o.timeout = timeout;
  try {
    group_->store = c10::make_intrusive<c10d::TCPStore>(place.master_addr, o);
    group_->timeout = timeout;
    // Who this is, for a message should it die (before the group: a death while joining counts).
    const std::string me = host_name() + " " + std::to_string(::getpid());
    group_->store->set("genlab/process/" + std::to_string(place.rank), std::vector<uint8_t>(me.begin(), me.end()));
#ifdef USE_C10D_NCCL
    if (device.is_cuda()) {  // GPUs exchange among themselves (untested: no CUDA LibTorch where this was written)
      // NCCL honours the timeout only with blocking waits (1.13 reads the first name, 2.x the second);
      // otherwise a dead process would hang the others, or abort them without a word.
      ::setenv("NCCL_BLOCKING_WAIT", "1", 0);
      ::setenv("TORCH_NCCL_BLOCKING_WAIT", "1", 0);
      auto options = c10d::ProcessGroupNCCL::Options::create();
      options->timeout = timeout;
      group_->group = c10::make_intrusive<c10d::ProcessGroupNCCL>(group_->store, place.rank, place.world_size, options);
      nccl_ = true;
      return;
    }
#endif
    auto options = c10d::ProcessGroupGloo::Options::create(timeout);
    // The network interface: GLOO_SOCKET_IFNAME as PyTorch reads it; loopback for a group on this
    // machine; else the one this host's name resolves to.
    const std::string interface = variable("GLOO_SOCKET_IFNAME");
    const bool local = place.master_addr == "127.0.0.1" || place.master_addr == "localhost";
    options->devices.push_back(!interface.empty() ? c10d::ProcessGroupGloo::createDeviceForInterface(interface)
                               : local           ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                                                 : c10d::ProcessGroupGloo::createDefaultDevice());
    group_->group = c10::make_intrusive<c10d::ProcessGroupGloo>(group_->store, place.rank, place.world_size, options);
  } catch (const std::exception& e) {
    TORCH_CHECK(false, "rank ", place.rank, " of ", place.world_size, " could not join the group at ", place.master_addr,
                ":", place.master_port, " within ", timeout.count() / 1000.0, " s: ", e.what());
  }
}

DataParallel::~DataParallel() = default;

at::Tensor DataParallel::for_exchange(const at::Tensor& t) const { return nccl_ ? t.to(device_) : t.cpu(); }

int DataParallel::port() const { return group_->store ? int(group_->store->getPort()) : place_.master_port; }

void DataParallel::all_reduce_mean(const std::vector<at::Tensor>& tensors, int64_t bucket_bytes) {
  torch::NoGradGuard no_grad;
  const double scale = 1.0 / double(place_.world_size);
  size_t first = 0;
  while (first < tensors.size()) {
    // One bucket: consecutive tensors up to bucket_bytes (at least one), flattened into one buffer.
    size_t last = first;
    int64_t bytes = 0;
    std::vector<at::Tensor> flat;
    while (last < tensors.size() && (flat.empty() || bytes + tensors[last].nbytes() <= size_t(bucket_bytes))) {
      bytes += int64_t(tensors[last].nbytes());
      flat.push_back(tensors[last].reshape({-1}));
      ++last;
    }
    // Gloo reduces host memory: a bucket of another device's tensors goes through the CPU.
    std::vector<at::Tensor> buffer{for_exchange(at::cat(flat))};
    collective("an all-reduce", [&] { group_->group->allreduce(buffer)->wait(); });
    buffer[0].mul_(scale);
    int64_t at = 0;
    for (size_t i = first; i < last; ++i) {
      const int64_t n = tensors[i].numel();
      tensors[i].copy_(buffer[0].narrow(0, at, n).view(tensors[i].sizes()));
      at += n;
    }
    first = last;
  }
}

void DataParallel::PendingMean::finish(const std::vector<at::Tensor>& into) {
  TORCH_CHECK(finish_, "an average finished twice");
  auto f = std::move(finish_);
  finish_ = nullptr;
  f(into);
}

std::shared_ptr<DataParallel::PendingMean> DataParallel::start_mean(const std::vector<at::Tensor>& tensors) {
  torch::NoGradGuard no_grad;
  std::vector<at::Tensor> flat;
  for (const auto& t : tensors)
    flat.push_back(t.detach().reshape({-1}));
  auto buffer = std::make_shared<std::vector<at::Tensor>>(std::vector<at::Tensor>{for_exchange(at::cat(flat))});
  auto pending = std::make_shared<PendingMean>();
  decltype(group_->group->allreduce(*buffer)) work;
  collective("an all-reduce", [&] { work = group_->group->allreduce(*buffer); });  // it runs on the backend's threads
  const double scale = 1.0 / double(place_.world_size);
  pending->finish_ = [this, work, buffer, scale](const std::vector<at::Tensor>& into) {
    collective("an all-reduce", [&] { work->wait(); });
    torch::NoGradGuard no_grad;
    auto& mean = (*buffer)[0];
    mean.mul_(scale);
    int64_t at = 0;
    for (const auto& t : into) {
      TORCH_CHECK(at + t.numel() <= mean.numel(), "an average finished into more values than it was started with");
      t.copy_(mean.narrow(0, at, t.numel()).view(t.sizes()));
      at += t.numel();
    }
  };
  return pending;
}

double DataParallel::all_reduce_sum(double value) {
  std::vector<at::Tensor> one{for_exchange(at::full({1}, value, at::TensorOptions(at::kDouble)))};
  collective("an all-reduce", [&] { group_->group->allreduce(one)->wait(); });
  return one[0].item<double>();
}

void DataParallel::broadcast(const std::vector<at::Tensor>& tensors) {
  torch::NoGradGuard no_grad;
  for (const auto& t : tensors) {
    std::vector<at::Tensor> one{for_exchange(t.contiguous())};
    collective("a broadcast", [&] { group_->group->broadcast(one)->wait(); });
    if (!one[0].is_same(t))
      t.copy_(one[0]);
  }
}

void DataParallel::barrier() {
  collective("a barrier", [&] { group_->group->barrier()->wait(); });
}

}  // namespace genlab
