// SPDX-License-Identifier: GPL-3.0-or-later
// genlab-cli quality (and eval --quality): how good a run's samples are, and the measure's calibration.
#include "clitools.h"

#include "runinspection.h"
#include "samplequality.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace Cli {

int qualityCommand(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Scores a run's samples with a classifier of its data set (trained on first use, about a minute, and "
      "kept beside the data): the class histogram, the share classified with probability >= 0.9, the class "
      "entropy in bits (3.32 when all ten classes come equally often) and the Frechet distance between the "
      "classifier's features of the samples and of the held-out images (0 for the data itself). Given a "
      "dataset instead of a run, prints the measure's calibration: training images, the same blurred, noise, "
      "and one image repeated."));
  p.addPositionalArgument(QStringLiteral("what"), QStringLiteral("run folder, or dataset (mnist, fashion-mnist, folder)"));
  p.addOptions({
      {QStringLiteral("count"), QStringLiteral("Samples to score (default 1000)."), QStringLiteral("n")},
      {QStringLiteral("steps"), QStringLiteral("Diffusion runs: DDIM steps (default 50)."), QStringLiteral("n")},
      {QStringLiteral("eta"), QStringLiteral("Diffusion runs: DDIM's eta in [0, 1] (default 1; 0: deterministic)."), QStringLiteral("x")},
      {QStringLiteral("seed"), QStringLiteral("Random seed of the samples (default 1)."), QStringLiteral("n")},
      {QStringLiteral("batch"), QStringLiteral("Diffusion runs: images denoised at a time (default 100)."), QStringLiteral("n")},
      {QStringLiteral("data"), QStringLiteral("Dataset folder (default: the run's own)."), QStringLiteral("dir")},
      {QStringLiteral("precision"), QStringLiteral("Diffusion runs: bf16 or fp32 (default: bf16 where the CPU has AVX512-BF16 or AMX)."), QStringLiteral("bf16|fp32")},
      {QStringLiteral("guidance"), QStringLiteral("Diffusion runs trained --by-class: the guidance scale w, or several separated by commas (0,0.5,1,2,4): one report each, the trade-off between fidelity and variety (default: the run's own, options.guidance)."), QStringLiteral("w[,w…]")},
      {QStringLiteral("class"), QStringLiteral("Runs trained --by-class: draw only this class (default: each class in turn, equal counts)."), QStringLiteral("n")},
      threadsOption(),
  });
  p.addOptions(autoguidanceOptions());
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  if (p.positionalArguments().size() != 1) {
    err(QStringLiteral("usage: genlab-cli quality <run folder | dataset> [--count N]"));
    return 2;
  }
  SampleRequest r;
  r.count = 1000;
  bool ok = true;
  auto whole = [&](const char* name, int& target) {
    if (ok && p.isSet(QLatin1String(name)))
      target = p.value(QLatin1String(name)).toInt(&ok);
  };
  int seed = 1;
  whole("count", r.count);
  whole("steps", r.steps);
  whole("seed", seed);
  whole("batch", r.batch);
  whole("class", r.label);
  if (!ok || r.count < 2 || (p.isSet(QStringLiteral("steps")) && r.steps < 1) || seed < 0 || r.batch < 0 || (p.isSet(QStringLiteral("class")) && r.label < 0)) {
    err(QStringLiteral("--count (at least 2), --steps, --batch, --seed and --class take whole numbers"));
    return 2;
  }
  QList<double> scales{r.guidance};
  if (p.isSet(QStringLiteral("guidance"))) {
    scales.clear();
    for (const QString& part : p.value(QStringLiteral("guidance")).split(QLatin1Char(','))) {
      const double w = part.trimmed().toDouble(&ok);  // C locale
      if (!ok || !(w >= 0 && w <= 100)) {
        err(QStringLiteral("--guidance takes numbers from 0 to 100 separated by commas (got '%1')").arg(part));
        return 2;
      }
      scales << w;
    }
  }
  if (p.isSet(QStringLiteral("eta"))) {
    r.eta = p.value(QStringLiteral("eta")).toDouble(&ok);  // QString::toDouble: C locale
    if (!ok || !(r.eta >= 0 && r.eta <= 1)) {
      err(QStringLiteral("--eta takes a number from 0 to 1"));
      return 2;
    }
  }
  r.seed = quint64(seed);
  r.precision = p.value(QStringLiteral("precision"));
  if (!applyThreads(p) || !readAutoguidance(p, r))
    return 2;
  const auto say = [](const QString& line) { std::fprintf(stderr, "%s\n", qPrintable(line)); };
  const QString what = p.positionalArguments().first();
  const QString data = p.value(QStringLiteral("data"));
  if (QFileInfo::exists(what + QStringLiteral("/run.json"))) {
    if (!checkGuided(what, r, RunInspection::familyOf(what)))
      return 2;
    QJsonArray reports;
    for (const double w : scales) {
      ProgressLine progress(QStringLiteral("sampling"));
      r.progress = std::ref(progress);
      r.guidance = w;
      const auto report = SampleQuality::scoreRun(what, r, data, say);
      if (!report.ok()) {
        err(report.error);
        return 1;
      }
      reports.append(report.value.toJson());
    }
    // One scale: its report; several: one report each, in the order asked.
    const QJsonDocument out = reports.size() == 1 ? QJsonDocument(reports.first().toObject()) : QJsonDocument(reports);
    std::fputs(out.toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
  }
  const auto table = SampleQuality::calibrate(what, data, r.count, say);
  if (!table.ok()) {
    err(table.error);
    return 1;
  }
  QJsonArray rows;
  for (const QualityReport& row : table.value)
    rows.append(row.toJson());
  std::fputs(QJsonDocument(rows).toJson(QJsonDocument::Indented).constData(), stdout);
  return 0;
}

}  // namespace Cli
