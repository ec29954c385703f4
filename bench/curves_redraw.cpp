// SPDX-License-Identifier: GPL-3.0-or-later
// How long the Train page's charts take to redraw a million points (issue "The training
// dashboard a researcher expects": ≤ 30 ms). Every point is kept; drawing thins them (QCustomPlot's
// adaptive sampling). Prints key value lines for bench/run.sh.
//   QT_QPA_PLATFORM=offscreen curves_redraw
#include "runcomparechart.h"
#include "trainingcurves.h"

#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <qcustomplot.h>
#include <random>
#include <vector>

namespace {

void report(const char* key, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  std::printf("%s_median_ms %.2f\n%s_max_ms %.2f\n", key, ms[ms.size() / 2], key, ms.back());
}

std::vector<double> time(QCustomPlot* plot) {
  std::vector<double> ms;
  for (int i = 0; i < 15; ++i) {
    plot->xAxis->setRange(0, 1e6 * (0.9 + 0.01 * i));  // a zoom: the sampling is redone
    QElapsedTimer t;
    t.start();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    ms.push_back(t.nsecsElapsed() / 1e6);
  }
  return ms;
}

}  // namespace

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  constexpr int kPoints = 1000000;
  std::mt19937 rng(1);
  std::normal_distribution<double> noise(0, 5);
  // Two runs of 500,000 steps each on the comparison chart.
  RunCompareChart chart;
  chart.resize(1100, 600);
  chart.show();
  for (int r = 0; r < 2; ++r) {
    const int id = chart.addRun(QStringLiteral("run %1").arg(r + 1));
    chart.setColumns(id, {QStringLiteral("total")}, {});
    QVector<qint64> steps;
    QVector<int> epochs;
    QVector<double> seconds;
    QVector<QVector<double>> losses;
    for (int i = 1; i <= kPoints / 2; ++i) {
      steps << i;
      epochs << i / 1000;
      seconds << i * 0.01;
      losses << QVector<double>{150 + 400 * std::exp(-i / 5e4) + noise(rng) + 10 * r};
    }
    chart.addRows(id, steps, epochs, seconds, losses, {});
  }
  chart.replotNow();
  std::printf("compare_points %d\n", chart.pointCount());
  report("compare_redraw", time(chart.plot()));

  // One run of a million steps on this run's chart (three losses, raw and smoothed: six curves).
  TrainingCurves curves;
  curves.resize(1100, 600);
  curves.show();
  QVector<double> steps;
  QVector<QVector<double>> values(3);
  for (int i = 1; i <= kPoints; ++i) {
    steps << i;
    for (int s = 0; s < 3; ++s)
      values[s] << 50 * (s + 1) + 400 * std::exp(-i / 1e5) + noise(rng);
  }
  curves.addSteps(steps, values);
  std::printf("curves_points %d\n", curves.pointCount());
  report("curves_redraw", time(curves.plot()));
  return 0;
}
