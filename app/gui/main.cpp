// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("GenLab"));
  QApplication::setApplicationName(QStringLiteral("GenLab"));
  QApplication::setApplicationVersion(QStringLiteral(GENLAB_VERSION));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/genlab.svg")));
  QApplication::setDesktopFileName(QStringLiteral("genlab"));
  MainWindow window;
  window.show();
  return QApplication::exec();
}
