#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs GenLab's .deb into a clean Debian 12 root and uses it there as a new user would: the
# digits come from a local test server on 127.0.0.1 (after a mirror that answers 404), the default
# VAE trains, samples are drawn, the window starts offscreen. Nothing of the source or build tree
# is visible inside the root. Needs root (debootstrap, chroot) and Debian's package mirror.
#   packaging/test-install.sh            build the .deb, test it (a few minutes; the first run
#                                        also makes the minimal Debian root, kept for the next)
# Environment: GENLAB_BUILD_DIR (build), GENLAB_CLEAN_ROOT (/var/tmp/genlab-clean-root),
# DEBIAN_MIRROR (http://deb.debian.org/debian).
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${GENLAB_BUILD_DIR:-$src/build}
work=${GENLAB_CLEAN_ROOT:-/var/tmp/genlab-clean-root}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
rootfs=$work/root
say() { printf '\033[1m[test-install]\033[0m %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "run as root (debootstrap and chroot need it)"
[ -f "$src/data/mnist/t10k-labels-idx1-ubyte.gz" ] || fail "no digits to serve: run scripts/setup.sh build first"
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap
start=$(date +%s)

# 1. The package, from the current build.
cmake --build "$build" --target package >/dev/null
deb=$(ls -t "$build"/genlab_*.deb | head -1)
say "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# 2. A clean Debian 12: debootstrap's minimal system, made once and kept as a tarball.
mkdir -p "$work"
if [ ! -f "$work/bookworm-minbase.tar" ]; then
  say "making a minimal Debian 12 root with debootstrap (once)"
  rm -rf "$work/base"
  debootstrap --variant=minbase bookworm "$work/base" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    fail "debootstrap (see $work/debootstrap.log)"
  tar -C "$work/base" -cf "$work/bookworm-minbase.tar" .
  rm -rf "$work/base"
fi
unmount() {
  for m in dev/pts dev proc sys; do
    mountpoint -q "$rootfs/$m" && umount -l "$rootfs/$m" || true
  done
}
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  unmount
}
trap cleanup EXIT
unmount
rm -rf "$rootfs" && mkdir -p "$rootfs"
tar -C "$rootfs" -xf "$work/bookworm-minbase.tar"
mount -t proc proc "$rootfs/proc"
mount -t sysfs sys "$rootfs/sys"
mount --bind /dev "$rootfs/dev"
mount --bind /dev/pts "$rootfs/dev/pts"
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
in_root() { chroot "$rootfs" "$@"; }
as_user() { chroot "$rootfs" runuser -u lab -- env -i HOME=/home/lab PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }

# 3. Install it as a user would: apt resolves what the .deb depends on.
cp "$deb" "$rootfs/tmp/genlab.deb"
say "installing the .deb and what it depends on"
in_root apt-get update -q >/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/genlab.deb >"$work/apt.log" 2>&1 ||
  fail "apt-get install (see $work/apt.log)"
for f in /usr/bin/genlab /usr/bin/genlab-cli /usr/share/applications/genlab.desktop /usr/share/man/man1/genlab-cli.1.gz \
         /usr/share/bash-completion/completions/genlab-cli /usr/share/metainfo/io.github.genlab.GenLab.metainfo.xml; do
  [ -e "$rootfs$f" ] || fail "the package did not install $f"
done
if grep -a -q -e "$src" -e "$build" "$rootfs/usr/bin/genlab" "$rootfs/usr/bin/genlab-cli"; then
  fail "the binaries name the source or build tree ($src, $build)"
fi
in_root useradd -m lab

# 4. The test server: the digits as the four standard files with their SHA-256 listing.
served=$work/served
rm -rf "$served" && mkdir -p "$served/mnist"
cp "$src"/data/mnist/*-ubyte.gz "$served/mnist/"
(cd "$served/mnist" && sha256sum ./*.gz | sed 's| \./| |' > SHA256SUMS)
cp "$served/mnist/SHA256SUMS" "$rootfs/tmp/SHA256SUMS"
port=$((20000 + RANDOM % 20000))
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$served" >"$work/server.log" 2>&1 &
server_pid=$!
up=no
for _ in $(seq 50); do
  kill -0 "$server_pid" 2>/dev/null || break  # it exited: the port was taken, say
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then up=yes; break; fi
  sleep 0.1
done
[ "$up" = yes ] || fail "the test server did not start (see $work/server.log)"

# 5. Use it.
say "genlab-cli data get mnist from http://127.0.0.1:$port/ (the first mirror answers 404)"
as_user genlab-cli data list | grep "^mnist .*not on this machine" >/dev/null || fail "digits before getting them?"
as_user genlab-cli data get mnist --mirror "http://127.0.0.1:$port/nowhere/" --mirror "http://127.0.0.1:$port/mnist/" \
  --sha256sums /tmp/SHA256SUMS 2>&1 | tee "$work/get.log" || fail "genlab-cli data get mnist"
grep -q "HTTP 404" "$work/get.log" || fail "the 404 mirror was not reported"
as_user genlab-cli data list | grep "^mnist * /home/lab/.local/share/GenLab/data/mnist" >/dev/null || fail "the digits are not in the user's data folder"
say "training the default VAE"
t0=$(date +%s)
as_user genlab-cli train --model vae --out /home/lab/runs/vae 2>"$work/train.log" || { tail "$work/train.log"; fail "train"; }
say "trained in $(( $(date +%s) - t0 )) s"
as_user genlab-cli eval /home/lab/runs/vae | tee "$work/eval.json"
as_user genlab-cli sample /home/lab/runs/vae --count 64 --out /home/lab/samples.png
cp "$rootfs/home/lab/samples.png" "$work/samples.png"
say "starting the window offscreen for 15 s"
set +e
as_user env QT_QPA_PLATFORM=offscreen timeout 15 genlab >"$work/gui.log" 2>&1
rc=$?
set -e
[ "$rc" -eq 124 ] || { cat "$work/gui.log"; fail "genlab ended with $rc instead of running"; }
say "passed in $(( $(date +%s) - start )) s: installed $(in_root dpkg-query -W -f='${Version}' genlab), digits from the test server, default VAE trained, samples in $work/samples.png"
