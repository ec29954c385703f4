#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# GenLab vs the Python reference (Debian's python3-torch, the same LibTorch) on this machine,
# in one run, same data, same threads. Build first: scripts/setup.sh build
#   bench/run.sh [threads] [steps] [all|vae|gan|ddpm|bf16|kernel|page|pixels|explore|curves]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${GENLAB_BUILD_DIR:-$root/build}
threads=${1:-$(nproc)}
steps=${2:-1000}
which=${3:-all}
data=$root/data/mnist
export GENLAB_DATA_DIR=$root/data  # genlab-cli finds the developer's digits there

echo "GenLab benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $threads threads, $steps steps x3 (best)"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "CPU features: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx2|fma|avx512f|avx512bw|avx512vl|avx512_bf16|avx512_vnni|amx_tile|amx_bf16)$' | tr '\n' ' ')"
kernel() {  # the kernel OpenBLAS picks in a fresh process (with the environment given)
  env "$@" /usr/bin/python3 -c 'import ctypes; b = ctypes.CDLL("libblas.so.3"); f = getattr(b, "openblas_get_corename", None)
f and setattr(f, "restype", ctypes.c_char_p); print(f().decode().strip() if f else "not OpenBLAS")' 2>/dev/null || echo unknown
}
echo "BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3), kernel $(kernel)" \
     "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-unset} (same for both sides)"

get() { echo "$1" | awk -v k="$2" '$1 == k { print $2 }'; }
run() { [[ $which == all || $which == "$1" ]]; }
median3() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
median5() { printf '%s\n' "$@" | sort -g | sed -n 3p; }

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

# bfloat16 (issue 12): the DDPM step and DDIM-50 in GenLab bf16 against GenLab fp32 and PyTorch fp32,
# three alternating rounds, median ratios. Targets: >= 1.3x fp32 with AVX512-BF16, >= 2.5x with AMX.
if run bf16; then
b_vs_f=(); b_vs_py=(); s_vs_f=(); s_vs_py=(); rows=()
for round in 1 2 3; do
  f=$("$build/bench/bench_ddpm" "$data" "$threads" 4 fp32)
  b=$("$build/bench/bench_ddpm" "$data" "$threads" 4 bf16)
  h=$(/usr/bin/python3 "$root/bench/ddpm_reference.py" "$data" "$threads" 4 2>/dev/null || true)
  ft=$(get "$f" ddpm_train_samples_per_s); bt=$(get "$b" ddpm_train_samples_per_s)
  fs=$(get "$f" ddim50_64_seconds); bs=$(get "$b" ddim50_64_seconds)
  b_vs_f+=("$(echo "$bt / $ft" | bc -l)"); s_vs_f+=("$(echo "$fs / $bs" | bc -l)")
  if [[ -n $h ]]; then
    ht=$(get "$h" ddpm_train_samples_per_s); hs=$(get "$h" ddim50_64_seconds)
    b_vs_py+=("$(echo "$bt / $ht" | bc -l)"); s_vs_py+=("$(echo "$hs / $bs" | bc -l)")
  fi
  rows+=("$bt/$ft/${ht:-?} $bs/$fs/${hs:-?}")
done
printf 'DDPM step, GenLab bf16 vs GenLab fp32     ratio %.2fx median of 3\n' "$(median3 "${b_vs_f[@]}")"
printf 'DDIM-50 x64, GenLab bf16 vs GenLab fp32   ratio %.2fx median of 3\n' "$(median3 "${s_vs_f[@]}")"
if (( ${#b_vs_py[@]} == 3 )); then
  printf 'DDPM step, GenLab bf16 vs PyTorch fp32    ratio %.2fx median of 3\n' "$(median3 "${b_vs_py[@]}")"
  printf 'DDIM-50 x64, GenLab bf16 vs PyTorch fp32  ratio %.2fx median of 3\n' "$(median3 "${s_vs_py[@]}")"
fi
printf '  rounds (train samples/s bf16/fp32/PyTorch, DDIM-50 x64 s bf16/fp32/PyTorch): %s\n' "${rows[*]}"
fi

# The BLAS kernel (issue 12): the MLP VAE step with OpenBLAS's SSE3 fallback (Prescott, what 0.3.21
# picks on CPUs it does not know) against the kernel GenLab chooses for this CPU; alternating, 3 rounds.
if run kernel; then
flags=$(grep -m1 '^flags' /proc/cpuinfo)
best=Sandybridge
[[ $flags == *" avx2 "* && $flags == *" fma "* ]] && best=Haswell
[[ $flags == *" avx512f "* && $flags == *" avx512bw "* && $flags == *" avx512vl "* ]] && best=SkylakeX
[[ $best == SkylakeX && $flags == *" avx512_bf16 "* ]] && best=Cooperlake
k_ratios=(); k_rows=()
for round in 1 2 3; do
  slow=$(OPENBLAS_CORETYPE=Prescott "$build/bench/bench_vae" "$data" "$threads" "$steps" | awk '$1 == "train_samples_per_s" { print $2 }')
  fast=$(OPENBLAS_CORETYPE=$best "$build/bench/bench_vae" "$data" "$threads" "$steps" | awk '$1 == "train_samples_per_s" { print $2 }')
  k_ratios+=("$(echo "$fast / $slow" | bc -l)"); k_rows+=("$fast/$slow")
done
printf 'MLP VAE step, %s kernel vs Prescott fallback   ratio %.2fx median of 3 (target >= 3x)\n' "$best" "$(median3 "${k_ratios[@]}")"
printf '  rounds (samples/s %s/Prescott): %s\n' "$best" "${k_rows[*]}"
fi

# Pixel models (issue 13): a training step of the default Gated PixelCNN and PixelRNN (batch 64,
# binarised digits), GenLab (the batch in slices, one per thread) against PyTorch, and GenLab's
# own one-pass step; five alternating rounds (the VM drifts by ±30% within a minute), median ratios.
# The Explore page's map: 1,000 encoded digits redrawn, a slider drag with them shown, encoding
# off the GUI thread (on a default VAE trained for 3 epochs here).
if run explore; then
run_dir=$(mktemp -d)
"$build/app/genlab-cli" train --model vae --epochs 3 --threads "$threads" --out "$run_dir/vae" > /dev/null
e=$(QT_QPA_PLATFORM=offscreen "$build/bench/explore_page" "$run_dir/vae" 2>/dev/null)
rm -rf "$run_dir"
printf 'Explore map, redraw of %s dots           median %s ms  max %s ms   (target <= 50 ms)\n' \
  "$(get "$e" scatter_points)" "$(get "$e" scatter_redraw_median_ms)" "$(get "$e" scatter_redraw_max_ms)"
printf 'Explore map, slider drag frame, dots on  median %s ms  p99 %s ms  max %s ms   (target <= 16 ms)\n' \
  "$(get "$e" drag_frame_median_ms)" "$(get "$e" drag_frame_p99_ms)" "$(get "$e" drag_frame_max_ms)"
printf 'Explore map, encoding 1,000 digits       %s ms on a pool thread; GUI events at most %s ms late meanwhile\n' \
  "$(get "$e" encode_1000_median_ms)" "$(get "$e" gui_late_while_encoding_max_ms)"
fi

# The Train page's charts: a million points redrawn (every point kept, drawing thins them).
if run curves; then
c=$(QT_QPA_PLATFORM=offscreen "$build/bench/curves_redraw" 2>/dev/null)
printf 'Compare chart, %s points of 2 runs       redraw median %s ms  max %s ms   (target <= 30 ms)\n' \
  "$(get "$c" compare_points)" "$(get "$c" compare_redraw_median_ms)" "$(get "$c" compare_redraw_max_ms)"
printf 'This-run chart, %s steps x 3 losses      redraw median %s ms  max %s ms   (raw and smoothed: 6 curves)\n' \
  "$(get "$c" curves_points)" "$(get "$c" curves_redraw_median_ms)" "$(get "$c" curves_redraw_max_ms)"
fi

if run pixels; then
cnn=(); rnn=(); cnn_one=(); rows=()
for round in 1 2 3 4 5; do
  g=$("$build/bench/bench_pixels" "$threads" 0 "$data" 20)
  h=$(/usr/bin/python3 "$root/bench/pixel_reference.py" "$data" "$threads" 20)
  gc=$(get "$g" pixelcnn_train_images_per_s); go=$(get "$g" pixelcnn_onepass_images_per_s); hc=$(get "$h" pixelcnn_train_images_per_s)
  gr=$(get "$g" pixelrnn_train_images_per_s); hr=$(get "$h" pixelrnn_train_images_per_s)
  cnn+=("$(echo "$gc / $hc" | bc -l)"); rnn+=("$(echo "$gr / $hr" | bc -l)"); cnn_one+=("$(echo "$gc / $go" | bc -l)")
  rows+=("$gc/$go/$hc $gr/$hr")
done
printf 'Gated PixelCNN step (6x32, b 64)        ratio %.2fx median of 5 (target >= 1.2x)\n' "$(median5 "${cnn[@]}")"
printf 'PixelRNN step (2 Row LSTM x32, b 64)    ratio %.2fx median of 5 (target >= 1.2x)\n' "$(median5 "${rnn[@]}")"
printf 'Gated PixelCNN, slices vs one pass      ratio %.2fx median of 5\n' "$(median5 "${cnn_one[@]}")"
printf '  rounds (PixelCNN images/s sliced/one pass/PyTorch, PixelRNN GenLab/PyTorch): %s\n' "${rows[*]}"
fi
