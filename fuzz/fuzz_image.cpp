// SPDX-License-Identifier: GPL-3.0-or-later
// ImageFolder::load (the folder:PATH data set) on a folder with one hostile image: decoded by Qt,
// centre-cropped, scaled to 28×28. The file is named .png when the input starts with the PNG
// signature, else .jpg; the input's length picks grey or RGB.
#include "fuzzfiles.h"

#include "imagefolder.h"

#include <QCoreApplication>
#include <cstring>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  // Qt finds its image plugins (JPEG, GIF, …) through the application object.
  static QCoreApplication app(*argc, *argv);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::filesystem::path folder = fuzz::scratch() / "images";
  static const std::filesystem::path png = folder / "image.png", jpg = folder / "image.jpg";
  static const QString path = QString::fromStdString(folder.string());
  const bool isPng = size >= 8 && std::memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0;
  std::error_code ec;
  std::filesystem::remove(isPng ? jpg : png, ec);
  fuzz::writeFile(isPng ? png : jpg, data, size);
  ImageFolder::Options options;
  options.size = 28;
  options.rgb = size % 2 == 1;
  options.maxImages = 1;
  const auto loaded = ImageFolder::load(path, options);
  if (loaded.ok()) {
    const auto& images = loaded.value.images.images;
    if (images.size(0) != 1 || images.size(1) != loaded.value.channels * 28 * 28)
      __builtin_trap();
  }
  return 0;
}
