// SPDX-License-Identifier: GPL-3.0-or-later
#include "qualitychart.h"

#include "chartexport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

QualityChart::QualityChart(QWidget* parent) : QWidget(parent) {
  m_plot = ChartExport::liveChart(this, QStringLiteral("qualityPlot"));
  m_plot->xAxis->setLabel(tr("epoch"));
  auto epochTicks = QSharedPointer<QCPAxisTickerFixed>::create();  // whole epochs only
  epochTicks->setTickStep(1);
  epochTicks->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
  m_plot->xAxis->setTicker(epochTicks);
  m_plot->yAxis2->setVisible(true);
  m_main = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
  m_main->setPen(QPen(QColor(214, 39, 40), 2.0));
  m_main->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
  m_confident = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
  m_confident->setPen(QPen(QColor(31, 119, 180), 2.0));
  m_confident->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
  m_confident->setName(tr("confident fraction ↑ (right axis)"));
  m_plot->yAxis2->setLabel(tr("share classified with p ≥ 0.9"));
  m_plot->yAxis2->setRange(0, 1);
  // The Fréchet distance falls from the top left, the confident share climbs to the top right:
  // no corner of the axes is free for the legend.
  ChartExport::putLegendBelow(m_plot);

  m_histogram = new QCustomPlot(this);
  m_histogram->setObjectName(QStringLiteral("classHistogram"));
  m_histogram->yAxis->setLabel(tr("samples"));
  m_bars = new QCPBars(m_histogram->xAxis, m_histogram->yAxis);
  m_bars->setBrush(QColor(31, 119, 180, 170));
  m_bars->setPen(QPen(QColor(31, 119, 180)));
  m_bars->setWidth(0.7);
  m_histogram->xAxis->setTickLabelRotation(60);
  m_histogram->xAxis->grid()->setVisible(false);
  m_histogramTitle = new QLabel(this);
  m_histogramTitle->setObjectName(QStringLiteral("histogramTitle"));
  m_histogramTitle->setWordWrap(true);
  auto* histogramBox = new QWidget(this);
  auto* histogramLayout = new QVBoxLayout(histogramBox);
  histogramLayout->setContentsMargins(0, 0, 0, 0);
  histogramLayout->addWidget(m_histogramTitle);
  histogramLayout->addWidget(m_histogram, 1);
  histogramBox->setObjectName(QStringLiteral("histogramBox"));

  m_note = new QLabel(this);
  m_note->setObjectName(QStringLiteral("qualityNote"));
  m_note->setWordWrap(true);
  QToolButton* exportButton = ChartExport::exportButton(this, m_plot, [this] { return csv(); }, QStringLiteral("sample-quality"));
  exportButton->setObjectName(QStringLiteral("exportQualityButton"));
  auto* charts = new QHBoxLayout;
  charts->addWidget(m_plot, 3);
  charts->addWidget(histogramBox, 2);
  auto* controls = new QHBoxLayout;
  controls->addWidget(m_note, 1);
  controls->addWidget(exportButton);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(charts, 1);
  layout->addLayout(controls);
  showImages({});
}

void QualityChart::showImages(const QStringList& classes, const QString& note) {
  m_points = false;
  m_classes = classes;
  m_main->setName(tr("Fréchet distance ↓"));
  m_plot->yAxis->setLabel(tr("Fréchet distance of the classifier's features"));
  m_plot->yAxis2->setVisible(true);
  m_confident->addToLegend();
  m_histogram->parentWidget()->setVisible(true);
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  for (int c = 0; c < classes.size(); ++c)
    ticker->addTick(c, classes[c]);
  m_histogram->xAxis->setTicker(ticker);
  m_histogram->xAxis->setRange(-0.6, std::max<qsizetype>(1, classes.size()) - 0.4);
  m_note->setText(note.isEmpty() ? tr("Fresh samples are scored after each epoch that saves samples, by a classifier "
                                      "GenLab trains on the data set.")
                                 : note);
  clear();
}

void QualityChart::showPoints(const QString& note) {
  m_points = true;
  m_classes.clear();
  m_main->setName(tr("MMD to the held-out points ↓"));
  m_plot->yAxis->setLabel(tr("maximum mean discrepancy (Gaussian kernel)"));
  m_plot->yAxis2->setVisible(false);
  m_confident->removeFromLegend();
  m_histogram->parentWidget()->setVisible(false);
  m_note->setText(note.isEmpty() ? tr("1,000 fresh points are compared with the held-out points after each epoch that saves "
                                      "samples (0: the same distribution).")
                                 : note);
  clear();
}

void QualityChart::clear() {
  m_epochs.clear();
  m_values.clear();
  redraw();
}

void QualityChart::addEpoch(int epoch, const QVector<double>& values) {
  if (values.isEmpty())
    return;
  m_epochs << epoch;
  m_values << values;
  redraw();
}

QVector<double> QualityChart::measure(int i) const {
  QVector<double> out;
  for (const QVector<double>& v : m_values)
    out << v.value(i, qQNaN());
  return out;
}

void QualityChart::redraw() {
  QVector<double> x;
  for (int e : m_epochs)
    x << e;
  m_main->setData(x, measure(0), true);
  m_confident->setData(m_points ? QVector<double>() : x, m_points ? QVector<double>() : measure(1), true);
  m_plot->xAxis->setRange(m_epochs.isEmpty() ? QCPRange(0.5, 1.5)
                                              : QCPRange(*std::min_element(m_epochs.begin(), m_epochs.end()) - 0.5,
                                                         *std::max_element(m_epochs.begin(), m_epochs.end()) + 0.5));
  bool found = false;
  const QCPRange yr = m_main->getValueRange(found);
  m_plot->yAxis->setRange(found ? QCPRange(0, yr.upper * 1.1 + 1e-9) : QCPRange(0, 1));
  ChartExport::replotIfShown(m_plot);

  if (m_points)
    return;
  QVector<double> keys, counts;
  const QVector<double> latest = m_values.isEmpty() ? QVector<double>() : m_values.last();
  double most = 1;
  for (int c = 0; c < m_classes.size(); ++c) {
    keys << c;
    counts << latest.value(3 + c, 0);
    most = std::max(most, counts.last());
  }
  m_bars->setData(keys, counts, true);
  m_histogram->yAxis->setRange(0, most * 1.1);
  ChartExport::replotIfShown(m_histogram);
  m_histogramTitle->setText(
      m_values.isEmpty()
          ? tr("The classes of the latest samples appear after the first scored epoch.")
          : tr("Classes of the samples after epoch %1: %2 bits of entropy (%3 if every class came equally often)")
                .arg(m_epochs.last())
                .arg(latest.value(2), 0, 'f', 2)
                .arg(std::log2(double(std::max<qsizetype>(1, m_classes.size()))), 0, 'f', 2));
}

QString QualityChart::csv() const {
  QStringList header{QStringLiteral("epoch")};
  if (m_points) {
    header << QStringLiteral("mmd");
  } else {
    header << QStringLiteral("frechet_distance") << QStringLiteral("confident_fraction") << QStringLiteral("class_entropy_bits");
    for (const QString& c : m_classes)
      header << QLatin1Char('"') + QString(c).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
  }
  QString text = header.join(QLatin1Char(',')) + QLatin1Char('\n');
  for (int e = 0; e < m_epochs.size(); ++e) {
    text += QString::number(m_epochs[e]);
    for (double v : m_values[e])
      text += QLatin1Char(',') + QString::number(v, 'g', 17);
    text += QLatin1Char('\n');
  }
  return text;
}

void QualityChart::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  redraw();
}
