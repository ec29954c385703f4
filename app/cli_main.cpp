// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("GenLab"));
  QCoreApplication::setApplicationName(QStringLiteral("GenLab"));
  return runCommandLine(QCoreApplication::arguments());
}
