// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartexport.h"

#include <QBuffer>
#include <QFileInfo>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace ChartExport {
namespace {

QString failed(const QString& path, const QString& why) {
  return QCoreApplication::translate("ChartExport", "Could not write %1: %2").arg(path, why);
}

QString commit(QSaveFile& file, const QString& path) {
  return file.commit() ? QString() : failed(path, file.errorString());
}

}  // namespace

QString saveChart(QCustomPlot* plot, const QString& path, QSize size) {
  if (!plot)
    return failed(path, QCoreApplication::translate("ChartExport", "there is no chart"));
  if (size.isEmpty())
    size = plot->size();
  const QString suffix = QFileInfo(path).suffix().toLower();
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    return failed(path, file.errorString());
  if (suffix == QLatin1String("png")) {
    // Twice the pixels for a crisp picture in documents.
    const QPixmap pixmap = plot->toPixmap(size.width(), size.height(), 2.0);
    if (!pixmap.save(&file, "PNG"))
      return failed(path, QCoreApplication::translate("ChartExport", "the PNG could not be encoded"));
    return commit(file, path);
  }
  if (suffix == QLatin1String("svg")) {
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(QCoreApplication::translate("ChartExport", "GenLab training curves"));
    QCPPainter painter(&svg);
    if (!painter.isActive()) {
      file.cancelWriting();
      return failed(path, QCoreApplication::translate("ChartExport", "the SVG could not be drawn"));
    }
    plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return commit(file, path);
  }
  if (suffix == QLatin1String("pdf")) {
    QPdfWriter pdf(&file);
    pdf.setCreator(QStringLiteral("GenLab"));
    pdf.setTitle(QCoreApplication::translate("ChartExport", "GenLab training curves"));
    pdf.setResolution(72);  // one point per pixel of the chart
    pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QCPPainter painter(&pdf);
    if (!painter.isActive()) {
      file.cancelWriting();
      return failed(path, QCoreApplication::translate("ChartExport", "the PDF could not be drawn"));
    }
    plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return commit(file, path);
  }
  file.cancelWriting();
  return failed(path, QCoreApplication::translate("ChartExport", "use .png, .svg or .pdf"));
}

QString saveImage(const QImage& image, const QString& path) {
  if (image.isNull())
    return failed(path, QCoreApplication::translate("ChartExport", "there is no image yet"));
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    return failed(path, file.errorString());
  if (!image.save(&file, "PNG"))
    return failed(path, QCoreApplication::translate("ChartExport", "the PNG could not be encoded"));
  return commit(file, path);
}

QString saveText(const QString& text, const QString& path) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    return failed(path, file.errorString());
  const QByteArray bytes = text.toUtf8();
  if (file.write(bytes) != bytes.size())
    return failed(path, file.errorString());
  return commit(file, path);
}

}  // namespace ChartExport
