// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <functional>

class QCustomPlot;
class QToolButton;
class QWidget;

/// Saving what the Train page shows: a chart as PNG, SVG or PDF (picked by the file's suffix),
/// an image as PNG. Written through a temporary file and renamed: a failure leaves nothing.
namespace ChartExport {

/// The title a saved chart carries above it ("Training curves — RUN"); the screen does not show it.
void setTitle(QCustomPlot* plot, const QString& title);
/// The legend in a row under the axes instead of over the curves (charts whose curves fill
/// every corner).
void putLegendBelow(QCustomPlot* plot);

/// `size` in points (SVG, PDF) or device-independent pixels (PNG, drawn at twice that many
/// pixels); empty: the chart's size on screen. Ok, or what went wrong.
Status saveChart(QCustomPlot* plot, const QString& path, QSize size = {});
/// Ok, or what went wrong.
Status saveImage(const QImage& image, const QString& path);
/// Writes `text` (UTF-8). Ok, or what went wrong.
Status saveText(const QString& text, const QString& path);

/// Says "Saved PATH" on the status bar of the window `from` is in (a status-tip event that climbs to
/// the main window); nothing without one.
void confirmSaved(QWidget* from, const QString& path);

/// A chart of curves that grow while training: drag and wheel zoom, plain lines (antialiased
/// lines of thousands of points cost ~25 ms a redraw in software, plain ones a few), the legend
/// top right.
QCustomPlot* liveChart(QWidget* parent, const QString& objectName);
/// Replots `plot` (queued) if it is shown; a hidden chart has no size to draw into, so its owner
/// redraws it from showEvent.
void replotIfShown(QCustomPlot* plot);
/// "Export ▾": the chart as PNG, SVG or PDF, and `csv()` as a CSV file (files named `baseName`.*
/// by default); a failure is shown in a message box.
QToolButton* exportButton(QWidget* parent, QCustomPlot* plot, const std::function<QString()>& csv, const QString& baseName);

}  // namespace ChartExport
