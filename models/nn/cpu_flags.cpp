// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/cpu_flags.h"

#include <cctype>
#include <fstream>

namespace genlab {

const std::string& cpu_flags() {
  static const std::string flags = [] {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
      if (line.rfind("flags", 0) == 0)
        if (const size_t colon = line.find(':'); colon != std::string::npos)
          return line.substr(colon + 1);
    return std::string();
  }();
  return flags;
}

std::set<std::string_view> flag_words(std::string_view flags) {
  std::set<std::string_view> words;
  size_t i = 0;
  while (i < flags.size()) {
    while (i < flags.size() && std::isspace(static_cast<unsigned char>(flags[i])))
      ++i;
    size_t j = i;
    while (j < flags.size() && !std::isspace(static_cast<unsigned char>(flags[j])))
      ++j;
    if (j > i)
      words.insert(flags.substr(i, j - i));
    i = j;
  }
  return words;
}

}  // namespace genlab
