// SPDX-License-Identifier: GPL-3.0-or-later
#include "blaskernel.h"
#include "mainwindow.h"

#include <QApplication>
#include <QMessageBox>
#include <exception>
#include <QIcon>

namespace {

// The GUI's boundary: an exception from LibTorch or the standard library in any slot or event
// handler becomes a message naming it, never an abort. (Workers catch their own; this is the net.)
class GenLabApplication final : public QApplication {
 public:
  using QApplication::QApplication;
  bool notify(QObject* receiver, QEvent* event) override {
    try {
      return QApplication::notify(receiver, event);
    } catch (const std::exception& e) {
      QMessageBox::warning(activeWindow(), QApplication::translate("MainWindow", "GenLab"),
                           QApplication::translate("MainWindow", "That did not work: %1").arg(QString::fromUtf8(e.what())));
    }
    return false;
  }
};

}  // namespace

int main(int argc, char* argv[]) {
  BlasKernel::restartWithBetterKernel(argv);  // first: before any thread exists
  GenLabApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("GenLab"));
  QApplication::setApplicationName(QStringLiteral("GenLab"));
  QApplication::setApplicationVersion(QStringLiteral(GENLAB_VERSION));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/genlab.svg")));
  QApplication::setDesktopFileName(QStringLiteral("genlab"));
  // The seeds' readers are Chinese: follow the system language (LANG=zh_CN.UTF-8).
  MainWindow::followSystemLanguage();
  MainWindow window;
  window.show();
  return QApplication::exec();
}
