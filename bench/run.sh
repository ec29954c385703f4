#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# GenLab vs the Python reference (Debian's python3-torch, the same LibTorch) on this machine,
# in one run, same data, same threads. Build first: scripts/setup.sh build
#   bench/run.sh [threads] [steps] [all|vae|gan|ddpm|page]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${GENLAB_BUILD_DIR:-$root/build}
threads=${1:-$(nproc)}
steps=${2:-1000}
which=${3:-all}
data=$root/data/mnist

echo "GenLab benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $threads threads, $steps steps x3 (best)"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)" \
     "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-unset} (same for both sides)"

get() { echo "$1" | awk -v k="$2" '$1 == k { print $2 }'; }
run() { [[ $which == all || $which == "$1" ]]; }

if run vae; then
cpp=$("$build/bench/bench_vae" "$data" "$threads" "$steps")
py=$(/usr/bin/python3 "$root/bench/vae_reference.py" "$data" "$threads" "$steps")

c=$(get "$cpp" train_samples_per_s); p=$(get "$py" train_samples_per_s)
printf '\nVAE training (seed 003, batch 128)     GenLab %8s samples/s   Python %8s samples/s   ratio %.2fx (target >= 1.5x)\n' \
  "$c" "$p" "$(echo "$c / $p" | bc -l)"
printf 'Decode latent -> 28x28, GUI path       GenLab median %6s us  p99 %6s us   (target p99 <= 1000 us)\n' \
  "$(get "$cpp" decode_us_median)" "$(get "$cpp" decode_us_p99)"
printf 'Decode latent -> 28x28, through torch  GenLab median %6s us  p99 %6s us   Python median %6s us  p99 %6s us\n' \
  "$(get "$cpp" torch_decode_us_median)" "$(get "$cpp" torch_decode_us_p99)" \
  "$(get "$py" decode_us_median)" "$(get "$py" decode_us_p99)"
fi

# The VM's speed drifts by ±30% within a minute: alternate the two sides five times and report the
# median of the five ratios (each pair ran back to back, so each ratio compares like with like).
if run gan; then
gan_ratios=(); gan_g=(); gan_h=()
for round in 1 2 3 4 5; do
  g=$("$build/bench/bench_gan" "$data" "$threads" 60 | awk '$1 == "gan_samples_per_s" { print $2 }')
  h=$(/usr/bin/python3 "$root/bench/gan_reference.py" "$data" "$threads" 60 | awk '$1 == "gan_samples_per_s" { print $2 }')
  gan_g+=("$g"); gan_h+=("$h"); gan_ratios+=("$(echo "$g / $h" | bc -l)")
done
median() { printf '%s\n' "$@" | sort -g | sed -n 3p; }
printf 'DCGAN step (28 px, width 64, batch 64)  GenLab %8s samples/s   Python %8s samples/s   ratio %.2fx median of 5 (target >= 1.2x)\n' \
  "$(median "${gan_g[@]}")" "$(median "${gan_h[@]}")" "$(median "${gan_ratios[@]}")"
printf '  rounds (GenLab/Python samples/s): %s\n' "$(for i in 0 1 2 3 4; do printf '%s/%s ' "${gan_g[$i]}" "${gan_h[$i]}"; done)"
fi

# DDPM (issue 4): U-Net training steps and DDIM-50 of 64 digits, three alternating rounds.
if run ddpm; then
ddpm_train=(); ddpm_sample=(); ddpm_rows=()
for round in 1 2 3; do
  g=$("$build/bench/bench_ddpm" "$data" "$threads" 4)
  h=$(/usr/bin/python3 "$root/bench/ddpm_reference.py" "$data" "$threads" 4)
  gt=$(get "$g" ddpm_train_samples_per_s); ht=$(get "$h" ddpm_train_samples_per_s)
  gs=$(get "$g" ddim50_64_seconds); hs=$(get "$h" ddim50_64_seconds)
  ddpm_train+=("$(echo "$gt / $ht" | bc -l)"); ddpm_sample+=("$(echo "$hs / $gs" | bc -l)")
  ddpm_rows+=("$gt/$ht $gs/$hs")
done
median3() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
printf 'DDPM U-Net step (dim 16, 1-2-4, b 64)  ratio %.2fx median of 3 (target >= 1.1x)\n' "$(median3 "${ddpm_train[@]}")"
printf 'DDIM-50 of 64 digits (EMA U-Net)       ratio %.2fx median of 3 (target >= 1.2x)\n' "$(median3 "${ddpm_sample[@]}")"
printf '  rounds (train samples/s GenLab/Python, DDIM-50 x64 seconds GenLab/Python): %s\n' "${ddpm_rows[*]}"
fi

# The Diffusion page (issue 5): forward slider redraw, first reverse frame, kept-trajectory memory.
if run page; then
p=$(QT_QPA_PLATFORM=offscreen "$build/bench/diffusion_page" "$data" "$threads" 2>/dev/null)
printf 'Diffusion page, forward slider 64x64 RGB  median %s ms  p99 %s ms  max %s ms   (target <= 16 ms)\n' \
  "$(get "$p" forward_redraw_ms_median)" "$(get "$p" forward_redraw_ms_p99)" "$(get "$p" forward_redraw_ms_max)"
printf 'Diffusion page, Run -> first DDPM frame   %s ms   (target <= 200 ms)\n' "$(get "$p" first_frame_ms)"
printf 'Diffusion page, DDPM-1000 x16 kept        %s frames in %s s, RSS +%s MiB (float16 states %s MiB)   (target < 200 MB)\n' \
  "$(get "$p" frames_kept)" "$(get "$p" ddpm1000_16_seconds)" "$(get "$p" trajectory_rss_growth_mib)" "$(get "$p" kept_states_mib)"
fi
