// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("GenLab"));
  QApplication::setApplicationName(QStringLiteral("GenLab"));
  QApplication::setApplicationVersion(QStringLiteral(GENLAB_VERSION));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/genlab.svg")));
  QApplication::setDesktopFileName(QStringLiteral("genlab"));
  // The seeds' readers are Chinese: follow the system language (LANG=zh_CN.UTF-8).
  QTranslator qtTranslator, translator;
  if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(&qtTranslator);
  if (translator.load(QLocale(), QStringLiteral("genlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    QApplication::installTranslator(&translator);
  MainWindow window;
  window.show();
  return QApplication::exec();
}
