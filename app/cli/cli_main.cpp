// SPDX-License-Identifier: GPL-3.0-or-later
#include "blaskernel.h"
#include "commandline.h"

#include <QGuiApplication>

namespace {
QtMessageHandler g_default = nullptr;
// Qt's note that a headless server has no XDG_RUNTIME_DIR is not the user's business.
void filterMessages(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  if (!message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
    g_default(type, context, message);
}
}  // namespace

int main(int argc, char* argv[]) {
  BlasKernel::restartWithBetterKernel(argv);  // first: before any thread exists
  // A GUI application without windows: labelled pictures (sample strips) need fonts, and a server
  // has no display, so the offscreen platform unless the caller chose one.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  g_default = qInstallMessageHandler(filterMessages);
  QGuiApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("GenLab"));
  QCoreApplication::setApplicationName(QStringLiteral("GenLab"));
  return runCommandLine(QCoreApplication::arguments());
}
