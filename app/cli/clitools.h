// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to app/cli/: what every genlab-cli command shares.

#include <QCommandLineParser>
#include <QImage>
#include <QSaveFile>
#include <QString>
#include <QStringList>
#include <cstdio>

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
int trainCommand(const QStringList& args);
int resumeCommand(const QStringList& args);
int infoCommand(const QStringList& args);
int evalCommand(const QStringList& args);
int sampleCommand(const QStringList& args);
int scheduleCommand(const QStringList& args);

}  // namespace Cli
