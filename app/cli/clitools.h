// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to app/cli/: what every genlab-cli command shares.

#include "systeminfo.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QThread>
#include <QSaveFile>
#include <QString>
#include <QStringList>
#include "modelfamily.h"

#include <chrono>
#include <cmath>
#include <memory>
#include <optional>
#include <cstdio>

class QTemporaryDir;
namespace genlab {
class DataParallel;
}

namespace Cli {

inline void err(const QString& line) { std::fprintf(stderr, "genlab-cli: %s\n", qPrintable(line)); }
inline void out(const QString& line) { std::fprintf(stdout, "%s\n", qPrintable(line)); }

/// Parses `args` with --help added; false with *code set when the command should end here.
inline bool parseOrHelp(QCommandLineParser& p, const QStringList& args, int* code) {
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

/// The --threads option: LibTorch threads, all cores unless given.
inline QCommandLineOption threadsOption() {
  return {QStringLiteral("threads"), QStringLiteral("LibTorch threads (default: all cores)."), QStringLiteral("n")};
}
/// Applies --threads (after parsing); false with a message when it is not a sensible number.
inline bool applyThreads(const QCommandLineParser& p) {
  bool ok = true;
  const int cores = QThread::idealThreadCount();
  const int threads = p.isSet(QStringLiteral("threads")) ? p.value(QStringLiteral("threads")).toInt(&ok) : cores;
  if (!ok || threads < 1 || threads > 4 * cores) {
    err(QStringLiteral("--threads takes a whole number from 1 to %1").arg(4 * cores));
    return false;
  }
  SystemInfo::setThreads(threads);
  return true;
}

/// --guide-with and --autoguidance (sample, quality): a weaker run of the same data guiding a
/// diffusion run (autoguidance).
inline QList<QCommandLineOption> autoguidanceOptions() {
  return {{QStringLiteral("guide-with"),
           QStringLiteral("Diffusion runs: guide the run with a weaker run of the same data and process (trained less, or "
                          "smaller): autoguidance, Karras et al. 2024."),
           QStringLiteral("run")},
          {QStringLiteral("autoguidance"),
           QStringLiteral("With --guide-with: the scale w ≥ 0 (default %1; 1: the run alone, more: further from the weaker "
                          "run's mistakes).")
               .arg(Sampler::defaultAutoguidance),
           QStringLiteral("w")}};
}
/// Reads them into `r`; false with a message when the scale is not a number from 0 to 100 or is given alone.
inline bool readAutoguidance(const QCommandLineParser& p, SampleRequest& r) {
  r.guideWith = p.value(QStringLiteral("guide-with"));
  if (!p.isSet(QStringLiteral("autoguidance")))
    return true;
  bool ok = false;
  r.autoguidance = p.value(QStringLiteral("autoguidance")).toDouble(&ok);  // C locale
  if (!ok || !(r.autoguidance >= 0 && r.autoguidance <= 100) || r.guideWith.isEmpty()) {
    err(QStringLiteral("--autoguidance takes a number from 0 to 100, with --guide-with RUN"));
    return false;
  }
  return true;
}

/// With --guide-with: false with a message unless `folder` is a diffusion run (the others have nothing to guide).
inline bool checkGuided(const QString& folder, const SampleRequest& r, const ModelFamily* family) {
  if (r.guideWith.isEmpty() || !family || family->diffusionTimeline)
    return true;
  err(QStringLiteral("--guide-with: %1 is a %2; only diffusion runs are guided by another run").arg(folder, family->displayName()));
  return false;
}

/// "what  40%  ETA 31 s" on stderr at every tenth of the way (a long sampling says it is alive).
class ProgressLine {
 public:
  explicit ProgressLine(QString what) : m_what(std::move(what)) { m_clock.start(); }
  bool operator()(double done) {
    const int tenth = int(done * 10 + 1e-9);
    if (tenth > m_shown) {
      m_shown = tenth;
      if (!m_any && m_clock.elapsed() < 1000)
        return true;  // quick ones say nothing
      m_any = true;
      const double seconds = m_clock.elapsed() / 1000.0;
      const double left = done > 0 ? seconds * (1 - done) / done : 0;
      std::fprintf(stderr, "%s  %3d%%  %s\n", qPrintable(m_what), tenth * 10,
                   tenth >= 10 ? qPrintable(QStringLiteral("%1 s").arg(seconds, 0, 'f', 1))
                               : qPrintable(QStringLiteral("ETA %1 s").arg(std::lround(left))));
    }
    return true;
  }

 private:
  QString m_what;
  QElapsedTimer m_clock;
  int m_shown = 0;
  bool m_any = false;
};

/// Writes `image` as a PNG atomically and prints its path; the exit code.
inline int writePng(const QString& path, const QImage& image) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
    err(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
    return 1;
  }
  out(path);
  return 0;
}

int importCommand(const QStringList& args);
int dataCommand(const QStringList& args);
int trainCommand(const QStringList& args);
int resumeCommand(const QStringList& args);
int infoCommand(const QStringList& args);
int evalCommand(const QStringList& args);
int sampleCommand(const QStringList& args);
int scheduleCommand(const QStringList& args);
int qualityCommand(const QStringList& args);

// Data-parallel training (dataparallelcommands.cpp).
/// Starts `n` copies of `genlab-cli <command> args` (without --nproc) with torchrun's variables on
/// this machine, rank 0's output shown; waits for all. 0, or 1 naming the process that failed first.
int launchProcesses(const QString& command, int n, QStringList args);
/// `--nproc N` on the command line of `command` (train, resume): the exit code once N > 1 processes
/// have run (launchProcesses) or of a malformed N; nothing when this process trains by itself.
std::optional<int> launchIfAsked(const QCommandLineParser& p, const QString& command, const QStringList& args);
/// Where one process of a data-parallel run trains, and with whom.
struct JoinedGroup {
  std::shared_ptr<genlab::DataParallel> group;  ///< null: this process trains by itself
  QString device;                               ///< the device it trains on
};
/// This process's group when WORLD_SIZE (or SLURM_NTASKS) says it is one of several; null otherwise.
/// `device` is where the run trains: in a group, "cuda" becomes this process's own GPU (LOCAL_RANK,
/// as torchrun assigns them), and a GPU's processes exchange by NCCL where LibTorch has it.
Result<JoinedGroup> joinGroup(const QString& device);
/// How long a process waits for the others (GENLAB_DIST_TIMEOUT_S, default 600 s).
std::chrono::milliseconds groupTimeout();
/// A folder inside `scratch` where a rank other than 0 keeps its own copy of the run (of
/// `resumeFolder`'s files when resuming): only rank 0 writes the real run folder.
Result<QString> privateRunFolder(const QString& resumeFolder, QTemporaryDir& scratch);

}  // namespace Cli
