// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcomparechart.h"

#include "chartexport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <algorithm>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

namespace {

QColor colorOf(int index) {
  static const QColor colors[] = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44),
                                  QColor(148, 103, 189), QColor(255, 127, 14), QColor(23, 190, 207),
                                  QColor(140, 86, 75),   QColor(227, 119, 194)};
  return colors[index % 8];
}

QString heldOutName(const QString& column) { return RunCompareChart::tr("held-out: %1").arg(column); }

}  // namespace

RunCompareChart::RunCompareChart(QWidget* parent) : QWidget(parent) {
  m_plot = ChartExport::liveChart(this, QStringLiteral("comparePlot"));

  m_axis = new QComboBox(this);
  m_axis->setObjectName(QStringLiteral("compareAxisCombo"));
  m_axis->addItem(tr("step"));
  m_axis->addItem(tr("epoch"));
  m_axis->addItem(tr("training time (s)"));
  connect(m_axis, &QComboBox::currentIndexChanged, this, &RunCompareChart::rebuildAll);
  m_curve = new QComboBox(this);
  m_curve->setObjectName(QStringLiteral("compareCurveCombo"));
  m_curve->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  connect(m_curve, &QComboBox::currentIndexChanged, this, &RunCompareChart::rebuildAll);
  m_smooth = new QCheckBox(tr("Smoothed"), this);
  m_smooth->setObjectName(QStringLiteral("compareSmoothCheck"));
  m_smooth->setChecked(true);
  m_smooth->setToolTip(tr("The losses under a moving average (0.9 on the past, as on this run's chart); "
                          "exports keep the raw values."));
  connect(m_smooth, &QCheckBox::toggled, this, &RunCompareChart::rebuildAll);
  auto* add = new QPushButton(tr("Add a &run…"), this);
  add->setObjectName(QStringLiteral("compareAddButton"));
  connect(add, &QPushButton::clicked, this, &RunCompareChart::addRunRequested);
  auto* remove = new QPushButton(tr("Remove"), this);
  remove->setObjectName(QStringLiteral("compareRemoveButton"));
  QToolButton* exportButton = ChartExport::exportButton(this, m_plot, [this] { return csv(); }, QStringLiteral("runs"));

  m_list = new QListWidget(this);
  m_list->setObjectName(QStringLiteral("compareRunList"));
  m_list->setMaximumHeight(72);
  m_list->setMinimumHeight(40);  // two rows; the plot above keeps the height
  m_list->setToolTip(tr("Untick a run to hide it."));
  connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    setRunVisible(item->data(Qt::UserRole).toInt(), item->checkState() == Qt::Checked);
  });
  connect(remove, &QPushButton::clicked, this, [this] {
    if (QListWidgetItem* item = m_list->currentItem())
      removeRun(item->data(Qt::UserRole).toInt());
  });

  auto* controls = new QHBoxLayout;
  controls->addWidget(add);
  controls->addWidget(remove);
  controls->addSpacing(16);
  auto* curveLabel = new QLabel(tr("Curve:"), this);
  curveLabel->setBuddy(m_curve);
  controls->addWidget(curveLabel);
  controls->addWidget(m_curve);
  auto* axisLabel = new QLabel(tr("Alon&g:"), this);
  axisLabel->setBuddy(m_axis);
  controls->addWidget(axisLabel);
  controls->addWidget(m_axis);
  controls->addWidget(m_smooth);
  controls->addStretch(1);
  controls->addWidget(exportButton);
  m_missing = new QLabel(this);
  m_missing->setObjectName(QStringLiteral("compareMissingLabel"));
  m_missing->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot, 1);
  layout->addWidget(m_missing);
  layout->addLayout(controls);
  layout->addWidget(m_list);
  m_plot->xAxis->setLabel(tr("step"));
  rebuildAll();
}

RunCompareChart::Run* RunCompareChart::find(int id) {
  for (Run& r : m_runs)
    if (r.id == id)
      return &r;
  return nullptr;
}

const RunCompareChart::Run* RunCompareChart::find(int id) const {
  for (const Run& r : m_runs)
    if (r.id == id)
      return &r;
  return nullptr;
}

int RunCompareChart::addRun(const QString& name) {
  Run run;
  run.id = m_nextId++;
  run.name = name;
  run.color = colorOf(run.id - 1);
  run.graph = m_plot->addGraph();
  run.graph->setName(name);
  run.graph->setPen(QPen(run.color, 1.5));
  run.graph->setAdaptiveSampling(true);  // min/max bucketing: spikes stay, nothing is dropped
  m_runs.push_back(run);
  auto* item = new QListWidgetItem(name, m_list);
  item->setData(Qt::UserRole, run.id);
  item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
  item->setCheckState(Qt::Checked);
  QPixmap swatch(12, 12);
  swatch.fill(run.color);
  item->setIcon(QIcon(swatch));
  return run.id;
}

void RunCompareChart::removeRun(int id) {
  for (auto it = m_runs.begin(); it != m_runs.end(); ++it)
    if (it->id == id) {
      m_plot->removeGraph(it->graph);
      m_runs.erase(it);
      break;
    }
  for (int i = 0; i < m_list->count(); ++i)
    if (m_list->item(i)->data(Qt::UserRole).toInt() == id)
      delete m_list->takeItem(i);
  refillCurves();
  scheduleReplot();
  Q_EMIT runRemoved(id);
}

void RunCompareChart::setColumns(int id, const QStringList& losses, const QStringList& heldOut) {
  Run* run = find(id);
  if (!run)
    return;
  run->losses = losses;
  run->heldOut = heldOut;
  run->steps.clear();
  run->epochs.clear();
  run->seconds.clear();
  run->lossValues = QVector<QVector<double>>(losses.size());
  run->heldOutRows.clear();
  run->heldOutValues = QVector<QVector<double>>(heldOut.size());
  refillCurves();
  rebuild(*run);
}

void RunCompareChart::setStepsPerEpoch(int id, qint64 steps) {
  if (Run* run = find(id); run && run->stepsPerEpoch != steps) {
    run->stepsPerEpoch = steps;
    if (axis() == Axis::Epoch)
      rebuild(*run);
  }
}

void RunCompareChart::addRows(int id, const QVector<qint64>& steps, const QVector<int>& epochs,
                              const QVector<double>& seconds, const QVector<QVector<double>>& losses,
                              const QVector<QVector<double>>& heldOut) {
  Run* run = find(id);
  if (!run)
    return;
  const int first = int(run->steps.size());
  for (int i = 0; i < steps.size(); ++i) {
    run->steps << steps[i];
    run->epochs << (i < epochs.size() ? epochs[i] : 0);
    run->seconds << (i < seconds.size() ? seconds[i] : 0.0);
    for (int c = 0; c < run->lossValues.size(); ++c)
      run->lossValues[c] << (i < losses.size() && c < losses[i].size() ? losses[i][c] : qQNaN());
    if (i < heldOut.size() && heldOut[i].size() == run->heldOutValues.size() && !heldOut[i].isEmpty()) {
      run->heldOutRows << first + i;
      for (int c = 0; c < run->heldOutValues.size(); ++c)
        run->heldOutValues[c] << heldOut[i][c];
    }
  }
  // New points go on the end of the graph: no rebuild of what is there.
  QVector<double> x, y;
  QVector<int> rows;
  pointsOf(*run, x, y, &rows);
  int from = 0;
  while (from < rows.size() && rows[from] < first)
    ++from;
  run->graph->addData(x.mid(from), y.mid(from), true);
  if (run->visible && run->graph->dataCount() > 0)
    run->graph->addToLegend();
  scheduleReplot();
}

double RunCompareChart::xOf(const Run& run, int row) const {
  switch (axis()) {
    case Axis::Step: return double(run.steps[row]);
    case Axis::Epoch:
      return run.stepsPerEpoch > 0 ? double(run.steps[row]) / double(run.stepsPerEpoch) : double(run.epochs[row]);
    case Axis::Time: return run.seconds[row];
  }
  return 0;
}

void RunCompareChart::pointsOf(const Run& run, QVector<double>& x, QVector<double>& y, QVector<int>* rows) const {
  const QString name = curve();
  if (const auto c = run.losses.indexOf(name); c >= 0) {
    // Smoothed: the debiased moving average of the Train page's chart (weight 0.9 on the past).
    const bool smooth = m_smooth->isChecked();
    double ema = 0;
    for (int i = 0; i < run.steps.size(); ++i) {
      const double v = run.lossValues[c][i];
      if (std::isfinite(v))  // a NaN step (a run that diverged) does not poison what follows
        ema = 0.9 * ema + 0.1 * v;
      x << xOf(run, i);
      y << (smooth ? ema / (1 - std::pow(0.9, i + 1)) : v);
      if (rows)
        *rows << i;
    }
    return;
  }
  for (int c = 0; c < run.heldOut.size(); ++c)
    if (heldOutName(run.heldOut[c]) == name)
      for (int k = 0; k < run.heldOutRows.size(); ++k) {
        x << xOf(run, run.heldOutRows[k]);
        y << run.heldOutValues[c][k];
        if (rows)
          *rows << run.heldOutRows[k];
      }
}

void RunCompareChart::rebuild(Run& run) {
  QVector<double> x, y;
  pointsOf(run, x, y);
  run.graph->data()->clear();
  run.graph->addData(x, y, true);
  const bool heldOut = curve().startsWith(heldOutName(QString()));
  run.graph->setScatterStyle(heldOut ? QCPScatterStyle(QCPScatterStyle::ssCircle, 6) : QCPScatterStyle());
  run.graph->setVisible(run.visible);
  if (run.visible && !x.isEmpty())  // a run without this curve stays out of the legend
    run.graph->addToLegend();
  else
    run.graph->removeFromLegend();
  scheduleReplot();
}

void RunCompareChart::rebuildAll() {
  const QString titles[3] = {tr("step"), tr("epoch"), tr("training time (s)")};
  m_plot->xAxis->setLabel(titles[m_axis->currentIndex()]);
  m_plot->yAxis->setLabel(curve());
  ChartExport::setTitle(m_plot, curve().isEmpty() ? tr("Runs compared") : tr("Runs compared: %1").arg(curve()));
  QStringList lacking;
  bool drawn = false;
  for (Run& run : m_runs) {
    rebuild(run);
    const bool has = run.losses.contains(curve()) ||
                     std::any_of(run.heldOut.begin(), run.heldOut.end(), [this](const QString& h) { return heldOutName(h) == curve(); });
    if (!has)
      lacking << run.name;
    drawn = drawn || (run.visible && !run.graph->data()->isEmpty());
  }
  m_plot->legend->setVisible(drawn);  // no empty legend box
  if (m_runs.empty())
    m_missing->setText(tr("Add runs to see them on one chart: each gets its colour, and the curve below is drawn for every run that measures it."));
  else if (!lacking.isEmpty())
    m_missing->setText(tr("Not drawn: %1 (no “%2” in its run).").arg(lacking.join(QStringLiteral(", ")), curve()));
  else
    m_missing->clear();
  m_missing->setVisible(!m_missing->text().isEmpty());
}

void RunCompareChart::refillCurves() {
  const QString keep = curve();
  QStringList names;
  for (const Run& run : m_runs) {
    for (const QString& l : run.losses)
      if (!names.contains(l))
        names << l;
  }
  for (const Run& run : m_runs)
    for (const QString& h : run.heldOut)
      if (!names.contains(heldOutName(h)))
        names << heldOutName(h);
  const QSignalBlocker block(m_curve);
  m_curve->clear();
  m_curve->addItems(names);
  // The curve shown stays; else the first that every run has.
  int current = int(names.indexOf(keep));
  for (int i = 0; current < 0 && i < names.size(); ++i)
    if (std::all_of(m_runs.begin(), m_runs.end(), [&](const Run& run) {
          return run.losses.contains(names[i]) ||
                 std::any_of(run.heldOut.begin(), run.heldOut.end(), [&](const QString& h) { return heldOutName(h) == names[i]; });
        }))
      current = i;
  m_curve->setCurrentIndex(std::max(0, current));
  rebuildAll();
}

void RunCompareChart::setRunVisible(int id, bool visible) {
  if (Run* run = find(id)) {
    run->visible = visible;
    rebuild(*run);
  }
  for (int i = 0; i < m_list->count(); ++i)
    if (m_list->item(i)->data(Qt::UserRole).toInt() == id) {
      const QSignalBlocker block(m_list);
      m_list->item(i)->setCheckState(visible ? Qt::Checked : Qt::Unchecked);
    }
}

bool RunCompareChart::runVisible(int id) const {
  const Run* run = find(id);
  return run && run->visible;
}

void RunCompareChart::setSmoothed(bool smoothed) { m_smooth->setChecked(smoothed); }

void RunCompareChart::setAxis(Axis axis) { m_axis->setCurrentIndex(int(axis)); }

RunCompareChart::Axis RunCompareChart::axis() const { return Axis(std::max(0, m_axis->currentIndex())); }

QString RunCompareChart::curve() const { return m_curve->currentText(); }

bool RunCompareChart::setCurve(const QString& name) {
  const int i = m_curve->findText(name);
  if (i < 0)
    return false;
  m_curve->setCurrentIndex(i);
  return true;
}

QStringList RunCompareChart::curves() const {
  QStringList names;
  for (int i = 0; i < m_curve->count(); ++i)
    names << m_curve->itemText(i);
  return names;
}

QString RunCompareChart::csv() const {
  QString text = QStringLiteral("run,curve,step,epoch,seconds,value\n");
  const auto quote = [](QString s) -> QString { return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); };
  const auto number = [](double v) { return QString::number(v, 'g', 17); };
  for (const Run& run : m_runs) {
    if (!run.visible)
      continue;
    const QString name = quote(run.name);
    const auto row = [&](const QString& column, int i, double value) {
      const double epoch = run.stepsPerEpoch > 0 ? double(run.steps[i]) / double(run.stepsPerEpoch) : double(run.epochs[i]);
      text += name + QLatin1Char(',') + quote(column) + QLatin1Char(',') + QString::number(run.steps[i]) +
              QLatin1Char(',') + number(epoch) + QLatin1Char(',') + number(run.seconds[i]) + QLatin1Char(',') +
              number(value) + QLatin1Char('\n');
    };
    for (int c = 0; c < run.losses.size(); ++c)
      for (int i = 0; i < run.steps.size(); ++i)
        row(run.losses[c], i, run.lossValues[c][i]);
    for (int c = 0; c < run.heldOut.size(); ++c)
      for (int k = 0; k < run.heldOutRows.size(); ++k)
        row(heldOutName(run.heldOut[c]), run.heldOutRows[k], run.heldOutValues[c][k]);
  }
  return text;
}

int RunCompareChart::pointCount() const {
  int n = 0;
  for (const Run& run : m_runs)
    if (run.visible)
      n += run.graph->dataCount();
  return n;
}

void RunCompareChart::scheduleReplot() {
  if (m_replotPending)
    return;
  m_replotPending = true;
  QTimer::singleShot(40, this, [this] {  // at most 25 redraws a second, however fast rows come
    m_replotPending = false;
    replotNow();
  });
}

void RunCompareChart::replotNow() {
  m_plot->rescaleAxes(true);  // visible graphs only
  m_plot->replot();
}
