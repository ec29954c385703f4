// SPDX-License-Identifier: GPL-3.0-or-later
#include "tradeoffchart.h"

#include "chartexport.h"

#include <QHBoxLayout>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>

TradeoffChart::TradeoffChart(QWidget* parent) : QWidget(parent) {
  m_plot = ChartExport::liveChart(this, QStringLiteral("tradeoffPlot"));
  m_plot->legend->setVisible(false);
  m_plot->xAxis->setLabel(tr("fidelity: share of samples the judge is sure of (p ≥ 0.9) →"));
  m_plot->yAxis->setLabel(tr("Fréchet distance to real images ↓"));
  // A curve in w, not a function of x (a graph would sort its points by x).
  m_line = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
  m_line->setPen(QPen(QColor(148, 103, 189), 2.0));
  m_line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 8));
  QToolButton* exportButton = ChartExport::exportButton(this, m_plot, [this] { return csv(); }, QStringLiteral("guidance-tradeoff"));
  exportButton->setObjectName(QStringLiteral("exportTradeoffButton"));
  auto* row = new QHBoxLayout;
  row->addStretch(1);
  row->addWidget(exportButton);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot, 1);
  layout->addLayout(row);
  ChartExport::setTitle(m_plot, tr("Classifier-free guidance: fidelity against variety"));
  redraw();
}

void TradeoffChart::addPoint(double w, double confident, double frechet, double accuracy) {
  m_w << w;
  m_confident << confident;
  m_frechet << frechet;
  m_accuracy << accuracy;
  redraw();
}

void TradeoffChart::clear() {
  m_w.clear();
  m_confident.clear();
  m_frechet.clear();
  m_accuracy.clear();
  redraw();
}

QString TradeoffChart::csv() const {
  QString out = QStringLiteral("w,confident,frechet,class_accuracy\n");
  for (int i = 0; i < m_w.size(); ++i)
    out += QStringLiteral("%1,%2,%3,%4\n")
               .arg(m_w[i], 0, 'g', 17)
               .arg(m_confident[i], 0, 'g', 17)
               .arg(m_frechet[i], 0, 'g', 17)
               .arg(m_accuracy[i], 0, 'g', 17);
  return out;
}

void TradeoffChart::redraw() {
  m_line->setData(m_w, m_confident, m_frechet);
  // Each point named with its w (and how often the class asked for was drawn).
  m_plot->clearItems();
  const double middle = m_w.isEmpty() ? 0.5
                                      : (*std::min_element(m_confident.cbegin(), m_confident.cend()) +
                                         *std::max_element(m_confident.cbegin(), m_confident.cend())) / 2;
  for (int i = 0; i < m_w.size(); ++i) {
    auto* label = new QCPItemText(m_plot);
    label->position->setCoords(m_confident[i], m_frechet[i]);
    // Towards the middle of the chart, so that no label runs off its right edge.
    const bool right = m_confident[i] > middle;
    label->setPositionAlignment((right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignBottom);
    label->setPadding(right ? QMargins(0, 0, 6, 4) : QMargins(6, 0, 0, 4));
    label->setFont(font());
    label->setText(m_accuracy[i] >= 0 ? tr("w = %1 (%2 % as asked)").arg(m_w[i]).arg(100 * m_accuracy[i], 0, 'f', 0)
                                      : tr("w = %1").arg(m_w[i]));
  }
  if (m_w.isEmpty()) {
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, 100);
  } else {
    const double frechet = *std::max_element(m_frechet.cbegin(), m_frechet.cend());
    const auto [cLow, cHigh] = std::minmax_element(m_confident.cbegin(), m_confident.cend());
    m_plot->xAxis->setRange(std::max(0.0, *cLow - 0.1), std::min(1.05, *cHigh + 0.15));
    m_plot->yAxis->setRange(0, frechet * 1.15 + 1);
  }
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}
