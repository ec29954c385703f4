// SPDX-License-Identifier: GPL-3.0-or-later
// genlab-cli info, eval, sample and schedule: they read runs and datasets, never write a run.
#include "clitools.h"

#include "run.h"
#include "runinspection.h"
#include "systeminfo.h"

#include "diffusion/diffusion_schedule.h"
#include "io/numbers.h"

#include <c10/util/Exception.h>

#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>

namespace Cli {

namespace {

int printJson(const Result<QJsonObject>& r) {
  if (!r.ok()) {
    err(r.error);
    return 1;
  }
  std::fputs(QJsonDocument(r.value).toJson(QJsonDocument::Indented).constData(), stdout);
  return 0;
}

}  // namespace

int infoCommand(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Describes a run folder (run.json, checked against its weights, with the model family, its "
      "architecture, parameter counts and the last losses), or a dataset: mnist, fashion-mnist, toy:NAME "
      "(s-curve, swiss-roll, moons, 8-gaussians, rings), or a folder of MNIST-layout IDX files."));
  p.addPositionalArgument(QStringLiteral("what"), QStringLiteral("run folder or dataset"));
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  if (p.positionalArguments().size() != 1) {
    err(QStringLiteral("usage: genlab-cli info <run folder | mnist | fashion-mnist | toy:NAME | dataset folder>"));
    return 2;
  }
  const QString what = p.positionalArguments().first();
  if (QFileInfo::exists(what + QStringLiteral("/run.json")))
    return printJson(RunInspection::describeRun(what));
  if (QFileInfo(what).isDir() || DataSets::find(what))
    return printJson(RunInspection::describeDataset(what));
  err(QStringLiteral("%1: neither a run folder (no run.json) nor a dataset (%2)").arg(what, DataSets::names()));
  return 1;
}

int evalCommand(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Evaluates a run on its dataset's held-out split and prints its family's measures as JSON: "
      "negative ELBO, reconstruction and KL for VAEs; the discriminator's loss, D(x) and D(G(z)) for GANs; "
      "the noise-prediction error for diffusion models."));
  p.addPositionalArgument(QStringLiteral("run"), QStringLiteral("run folder"));
  p.addOption({QStringLiteral("data"), QStringLiteral("Dataset folder (default: the run's own)."), QStringLiteral("dir")});
  p.addOption(threadsOption());
  p.addOption({QStringLiteral("quality"), QStringLiteral("Score the model's samples instead: genlab-cli quality (its --help lists the options).")});
  if (args.contains(QStringLiteral("--quality"))) {
    QStringList rest = args;
    rest.removeAll(QStringLiteral("--quality"));
    return qualityCommand(rest);
  }
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  if (p.positionalArguments().size() != 1) {
    err(QStringLiteral("usage: genlab-cli eval <run folder>"));
    return 2;
  }
  if (!applyThreads(p))
    return 2;
  return printJson(RunInspection::evaluate(p.positionalArguments().first(), p.value(QStringLiteral("data"))));
}

int sampleCommand(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Draws samples of a run's model into one PNG: decoded random codes as a grid (VAEs, GANs), a scatter "
      "plot over the data (toy models), or images and points sampled with DDPM or DDIM (diffusion models)."));
  p.addPositionalArgument(QStringLiteral("run"), QStringLiteral("run folder"));
  p.addOptions({
      {QStringLiteral("count"), QStringLiteral("Number of samples (default 64, or 70 for a model told the class: seven of each; diffusion: 16 images or 1000 points; at most 1024 images or 100000 points)."),
       QStringLiteral("n")},
      {QStringLiteral("sampler"), QStringLiteral("Diffusion runs: ddim (default) or ddpm (every step; 20 times as long with T = 1000)."), QStringLiteral("name")},
      {QStringLiteral("steps"), QStringLiteral("Diffusion runs, DDIM: number of steps (default 50, at most T)."), QStringLiteral("n")},
      {QStringLiteral("eta"), QStringLiteral("Diffusion runs, DDIM: η in [0, 1] (default 1, fresh noise at every step; 0: deterministic)."), QStringLiteral("x")},
      {QStringLiteral("frames"), QStringLiteral("Diffusion runs: draw the denoising as a strip of the starting noise and n evenly spaced states."),
       QStringLiteral("n")},
      {QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("n")},
      {QStringLiteral("class"), QStringLiteral("Runs trained --by-class: the class to draw (0-9; default: each class in turn, equal counts)."), QStringLiteral("n")},
      {QStringLiteral("guidance"), QStringLiteral("Diffusion runs trained --by-class: classifier-free guidance w ≥ 0 (default: the run's own, options.guidance; 0: without the class, 1: with it, more: further that way)."), QStringLiteral("w")},
      {QStringLiteral("batch"), QStringLiteral("Diffusion runs: images denoised at a time (default 100; bounds the memory; with eta > 0 the fresh noise, and so the images, depend on it)."), QStringLiteral("n")},
      {QStringLiteral("precision"), QStringLiteral("Diffusion images: bf16 or fp32 (default: bf16 where the CPU has AVX512-BF16 or AMX)."), QStringLiteral("bf16|fp32")},
      {QStringLiteral("out"), QStringLiteral("The PNG file to write."), QStringLiteral("file")},
      threadsOption(),
  });
  p.addOptions(autoguidanceOptions());
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out"))) {
    err(QStringLiteral("usage: genlab-cli sample <run folder> --count N --out grid.png"));
    return 2;
  }
  SampleRequest r;
  bool ok = true;
  auto whole = [&](const char* name, auto& target) {
    if (ok && p.isSet(QLatin1String(name))) {
      if constexpr (std::is_same_v<std::decay_t<decltype(target)>, quint64>)
        target = p.value(QLatin1String(name)).toULongLong(&ok);
      else
        target = p.value(QLatin1String(name)).toInt(&ok);
    }
  };
  whole("count", r.count);
  whole("steps", r.steps);
  whole("frames", r.frames);
  whole("seed", r.seed);
  whole("batch", r.batch);
  whole("class", r.label);
  r.precision = p.value(QStringLiteral("precision"));
  if (ok && p.isSet(QStringLiteral("eta")))
    r.eta = p.value(QStringLiteral("eta")).toDouble(&ok);  // QString::toDouble: C locale
  if (ok && p.isSet(QStringLiteral("guidance"))) {
    r.guidance = p.value(QStringLiteral("guidance")).toDouble(&ok);
    ok = ok && r.guidance >= 0;
  }
  if (p.isSet(QStringLiteral("sampler")))
    r.sampler = p.value(QStringLiteral("sampler"));
  if (!ok || r.count < 0 || r.frames < 0 || r.frames > 50 || (p.isSet(QStringLiteral("count")) && r.count < 1) ||
      r.batch < 0 || (p.isSet(QStringLiteral("batch")) && r.batch < 1) || (p.isSet(QStringLiteral("class")) && r.label < 0) ||
      (p.isSet(QStringLiteral("steps")) && r.steps < 1)) {
    err(QStringLiteral("--count, --batch and --steps (at least 1), --seed and --class take whole numbers, --frames 0 to 50, --eta a number, --guidance a number ≥ 0"));
    return 2;
  }
  if (!applyThreads(p) || !readAutoguidance(p, r) ||
      !checkGuided(p.positionalArguments().first(), r, RunInspection::familyOf(p.positionalArguments().first())))
    return 2;
  if (p.isSet(QStringLiteral("class"))) {
    const auto run = Run::open(p.positionalArguments().first());
    if (run.ok() && !run.value.family().byClass) {
      err(QStringLiteral("--class: a %1 cannot be told a class (only runs of models trained --by-class)")
              .arg(run.value.family().displayName()));
      return 2;
    }
  }
  ProgressLine progress(QStringLiteral("sampling"));
  r.progress = std::ref(progress);
  const auto image = RunInspection::sample(p.positionalArguments().first(), r);
  if (!image.ok()) {
    err(image.error);
    return 1;
  }
  return writePng(p.value(QStringLiteral("out")), image.value);
}

int scheduleCommand(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Prints a diffusion noise schedule and every coefficient derived from it as CSV, one row per "
      "timestep, in full float64 precision: t, betas, alphas_cumprod, alphas_cumprod_prev, "
      "sqrt_alphas_cumprod, sqrt_one_minus_alphas_cumprod, sqrt_recip_alphas_cumprod, "
      "sqrt_recipm1_alphas_cumprod, posterior_variance, posterior_log_variance_clipped, "
      "posterior_mean_coef1, posterior_mean_coef2."));
  p.addOptions({
      {QStringLiteral("kind"), QStringLiteral("linear (default; Ho et al. 2020), cosine (Nichol & Dhariwal 2021), sigmoid (Jabri et al. 2022), or toy (the toy diffusion's sigmoid)."),
       QStringLiteral("kind"), QStringLiteral("linear")},
      {QStringLiteral("timesteps"), QStringLiteral("T (default 1000)."), QStringLiteral("T"), QStringLiteral("1000")},
  });
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  bool ok = false;
  const qint64 T = p.value(QStringLiteral("timesteps")).toLongLong(&ok);
  if (!ok) {
    err(QStringLiteral("--timesteps: '%1' is not a whole number").arg(p.value(QStringLiteral("timesteps"))));
    return 2;
  }
  try {
    const auto d = genlab::make_diffusion_schedule(p.value(QStringLiteral("kind")).toStdString(), T);
    const auto& names = genlab::DiffusionSchedule::buffer_names();
    std::string csv = "t";
    for (const auto& n : names)
      csv += "," + n;
    csv += "\n";
    for (qint64 t = 0; t < T; ++t) {
      csv += std::to_string(t);
      for (const auto& n : names) {
        csv += ',' + genlab::format_double(d.buffer(n)[size_t(t)]);  // "%.17g" in any locale
      }
      csv += "\n";
    }
    std::fputs(csv.c_str(), stdout);
  } catch (const c10::Error& e) {
    err(QString::fromStdString(e.what_without_backtrace()));
    return 1;
  }
  return 0;
}

}  // namespace Cli
