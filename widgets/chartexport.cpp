// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartexport.h"

#include <QBuffer>
#include <QDir>
#include <QStatusTipEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace ChartExport {
namespace {

Status failed(const QString& path, const QString& why) {
  return {QCoreApplication::translate("ChartExport", "Could not write %1: %2").arg(path, why)};
}

Status commit(QSaveFile& file, const QString& path) {
  return file.commit() ? Status{} : failed(path, file.errorString());
}

const char* const titleProperty = "genlabExportTitle";

/// The chart's title on top of it while it is drawn into a file, gone again afterwards (the
/// screen has the tab's name and the run folder beside the chart; a file has only itself).
class TitleWhileSaving {
 public:
  explicit TitleWhileSaving(QCustomPlot* plot) : m_plot(plot) {
    const QString title = plot->property(titleProperty).toString();
    if (title.isEmpty())
      return;
    QFont font = plot->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setBold(true);
    plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(plot, title, font);
    plot->plotLayout()->addElement(0, 0, m_title);
  }
  ~TitleWhileSaving() {
    if (!m_title)
      return;
    m_plot->plotLayout()->remove(m_title);
    m_plot->plotLayout()->simplify();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
  }
  Q_DISABLE_COPY_MOVE(TitleWhileSaving)

 private:
  QCustomPlot* m_plot;
  QCPTextElement* m_title = nullptr;
};

}  // namespace

void setTitle(QCustomPlot* plot, const QString& title) { plot->setProperty(titleProperty, title); }

void putLegendBelow(QCustomPlot* plot) {
  plot->axisRect()->insetLayout()->take(plot->legend);
  auto* below = new QCPLayoutGrid;
  plot->plotLayout()->addElement(plot->plotLayout()->rowCount(), 0, below);
  below->addElement(0, 0, plot->legend);
  below->setMargins(QMargins(0, 0, 0, 4));
  plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
  plot->legend->setBorderPen(Qt::NoPen);
  plot->plotLayout()->setRowStretchFactor(plot->plotLayout()->rowCount() - 1, 0.001);
}

Status saveChart(QCustomPlot* plot, const QString& path, QSize size) {
  if (!plot)
    return failed(path, QCoreApplication::translate("ChartExport", "there is no chart"));
  if (size.isEmpty())
    size = plot->size();
  const TitleWhileSaving titled(plot);
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

Status saveImage(const QImage& image, const QString& path) {
  if (image.isNull())
    return failed(path, QCoreApplication::translate("ChartExport", "there is no image yet"));
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    return failed(path, file.errorString());
  if (!image.save(&file, "PNG"))
    return failed(path, QCoreApplication::translate("ChartExport", "the PNG could not be encoded"));
  return commit(file, path);
}

Status saveText(const QString& text, const QString& path) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    return failed(path, file.errorString());
  const QByteArray bytes = text.toUtf8();
  if (file.write(bytes) != bytes.size())
    return failed(path, file.errorString());
  return commit(file, path);
}

void confirmSaved(QWidget* from, const QString& path) {
  QStatusTipEvent tip(QCoreApplication::translate("ChartExport", "Saved %1").arg(QDir::toNativeSeparators(path)));
  QCoreApplication::sendEvent(from, &tip);
}

QCustomPlot* liveChart(QWidget* parent, const QString& objectName) {
  auto* plot = new QCustomPlot(parent);
  plot->setObjectName(objectName);
  plot->setMinimumHeight(170);
  plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  plot->setNotAntialiasedElements(QCP::aePlottables);
  plot->setPlottingHint(QCP::phFastPolylines, true);
  plot->legend->setVisible(true);
  plot->legend->setFont(parent->font());
  plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  return plot;
}

QToolButton* exportButton(QWidget* parent, QCustomPlot* plot, const std::function<QString()>& csv, const QString& baseName) {
  auto* button = new QToolButton(parent);
  button->setText(QCoreApplication::translate("ChartExport", "Export"));
  button->setPopupMode(QToolButton::InstantPopup);
  auto* menu = new QMenu(button);
  const auto save = [parent, plot, csv, baseName](const QString& suffix, const QString& filter) {
    const QString title = QCoreApplication::translate("ChartExport", "Export the curves");
    const QString path = QFileDialog::getSaveFileName(parent, title, baseName + QLatin1Char('.') + suffix, filter);
    if (path.isEmpty())
      return;
    const Status saved = suffix == QLatin1String("csv") ? saveText(csv(), path) : saveChart(plot, path);
    if (!saved.ok())
      QMessageBox::warning(parent, title, saved.error);
    else
      confirmSaved(parent, path);
  };
  // Literal texts in each translate() call: lupdate finds them there.
  menu->addAction(QCoreApplication::translate("ChartExport", "Chart as PNG…"), parent, [=] {
    save(QStringLiteral("png"), QCoreApplication::translate("ChartExport", "PNG image (*.png)"));
  });
  menu->addAction(QCoreApplication::translate("ChartExport", "Chart as SVG…"), parent, [=] {
    save(QStringLiteral("svg"), QCoreApplication::translate("ChartExport", "SVG drawing (*.svg)"));
  });
  menu->addAction(QCoreApplication::translate("ChartExport", "Chart as PDF…"), parent, [=] {
    save(QStringLiteral("pdf"), QCoreApplication::translate("ChartExport", "PDF document (*.pdf)"));
  });
  menu->addAction(QCoreApplication::translate("ChartExport", "Curves as CSV (every point)…"), parent, [=] {
    save(QStringLiteral("csv"), QCoreApplication::translate("ChartExport", "Comma-separated values (*.csv)"));
  });
  button->setMenu(menu);
  return button;
}

void replotIfShown(QCustomPlot* plot) {
  if (plot->isVisible())
    plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace ChartExport
