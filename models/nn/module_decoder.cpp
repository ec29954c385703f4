// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/module_decoder.h"

#include <filesystem>
#include <sstream>

namespace genlab {
namespace {

// The safetensors spelling of a dtype, as a user who exported the file from PyTorch knows it.
std::string dtype_name(at::ScalarType t) {
  switch (t) {
    case at::kFloat: return "float32";
    case at::kDouble: return "float64";
    case at::kHalf: return "float16";
    case at::kBFloat16: return "bfloat16";
    case at::kLong: return "int64";
    case at::kInt: return "int32";
    case at::kShort: return "int16";
    case at::kChar: return "int8";
    case at::kByte: return "uint8";
    case at::kBool: return "bool";
    default: return c10::toString(t);
  }
}

}  // namespace

std::string file_name_of(const std::string& path) { return std::filesystem::path(path).filename().string(); }

Status match_modules_weights(const std::vector<PrefixedModule>& modules, const SafetensorsFile& file,
                             const std::string& file_name, std::vector<std::pair<at::Tensor, at::Tensor>>* copies) {
  for (const auto& [prefix, module] : modules) {
    TORCH_CHECK(module != nullptr, "load_modules_weights: no module for prefix '", prefix, "'");
    auto all = module->named_parameters();
    for (const auto& b : module->named_buffers())
      all.insert(b.key(), b.value());
    for (const auto& p : all) {
      const std::string name = prefix + p.key();
      const auto t = file.find(name);
      if (!t.defined())
        return {file_name + ": no tensor '" + name + "'"};
      if (t.scalar_type() != p.value().scalar_type())
        return {file_name + ": '" + name + "' is " + dtype_name(t.scalar_type()) + ", the model needs " +
                dtype_name(p.value().scalar_type())};
      if (t.sizes() != p.value().sizes()) {
        std::ostringstream s;
        s << file_name << ": '" << name << "' has shape " << t.sizes() << ", the model needs " << p.value().sizes();
        return {s.str()};
      }
      copies->emplace_back(p.value(), t);
    }
  }
  return {};
}

Status load_modules_weights(const std::vector<PrefixedModule>& modules, const SafetensorsFile& file,
                            const std::string& file_name) {
  // Check every tensor before copying any, so a bad file leaves the modules as they were.
  std::vector<std::pair<at::Tensor, at::Tensor>> copies;
  if (Status matched = match_modules_weights(modules, file, file_name, &copies); !matched.ok())
    return matched;
  torch::NoGradGuard no_grad;
  for (auto& [dst, src] : copies)
    dst.copy_(src);
  return {};
}

Status load_module_weights(torch::nn::Module& m, const SafetensorsFile& file, const std::string& file_name,
                           const std::string& prefix) {
  return load_modules_weights({{prefix, &m}}, file, file_name);
}

Status load_module_weights(torch::nn::Module& m, const std::string& weights_path, const std::string& prefix) {
  const auto file = load_safetensors(weights_path);
  if (!file.ok())
    return {file.error};
  return load_module_weights(m, file.value, file_name_of(weights_path), prefix);
}

}  // namespace genlab
