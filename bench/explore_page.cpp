// SPDX-License-Identifier: GPL-3.0-or-later
// The Explore page's map (issue "The latent space as a map"): how long the pad takes to redraw
// 1,000 encoded digits, how long a slider drag frame takes with them shown (decode + repaint of
// the page), how long encoding the held-out digits takes and how late the GUI thread's events run
// meanwhile (the encoding runs on a pool thread). Prints key value lines for bench/run.sh.
//   QT_QPA_PLATFORM=offscreen explore_page <VAE run folder>
#include "explorepage.h"
#include "latentexplorer.h"
#include "latentpad.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSlider>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

void report(const char* key, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  std::printf("%s_median_ms %.2f\n%s_p99_ms %.2f\n%s_max_ms %.2f\n", key, ms[ms.size() / 2], key,
              ms[std::min(ms.size() - 1, ms.size() * 99 / 100)], key, ms.back());
}

}  // namespace

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  if (argc < 2) {
    std::fprintf(stderr, "usage: explore_page <VAE run folder>\n");
    return 2;
  }
  ExplorePage page;
  page.resize(1600, 950);
  page.show();

  // Encoding: the GUI thread's lateness while the held-out digits are read and encoded.
  QElapsedTimer clock;
  clock.start();
  double worst = 0;
  qint64 last = -1;
  QTimer ticker;
  ticker.setTimerType(Qt::PreciseTimer);
  ticker.setInterval(5);
  QObject::connect(&ticker, &QTimer::timeout, [&] {
    const qint64 now = clock.nsecsElapsed();
    if (last >= 0)
      worst = std::max(worst, (now - last) / 1e6 - 5.0);
    last = now;
  });
  QSignalSpy scattered(&page, &ExplorePage::scatterUpdated);
  if (const Status opened = page.openRun(QString::fromLocal8Bit(argv[1])); !opened.ok()) {
    std::fprintf(stderr, "%s\n", qPrintable(opened.error));
    return 1;
  }
  ticker.start();
  QElapsedTimer wait;
  wait.start();
  while (scattered.isEmpty() && wait.elapsed() < 60000)
    QApplication::processEvents(QEventLoop::AllEvents, 5);
  ticker.stop();
  if (scattered.isEmpty()) {
    std::fprintf(stderr, "no scatter within a minute\n");
    return 1;
  }
  std::printf("scatter_points %lld\n", static_cast<long long>(page.scatterCodes().count));
  std::printf("gui_late_while_encoding_max_ms %.2f\n", worst);
  // The encoding itself (what the pool thread does), timed here on its own.
  std::vector<double> encode;
  for (int i = 0; i < 5; ++i) {
    QElapsedTimer t;
    t.start();
    const auto codes = page.decoder().encode(page.heldOut()->values, page.heldOut()->count);
    encode.push_back(t.nsecsElapsed() / 1e6);
  }
  report("encode_1000", encode);

  // The pad redrawing the 1,000 dots (the dots' layer is redrawn: new points each time).
  LatentPad* pad = page.findChild<LatentPad*>(QStringLiteral("latentPad"));
  const QVector<PadPoint> points = pad->points();
  std::vector<double> redraw;
  for (int i = 0; i < 30; ++i) {
    QVector<PadPoint> moved = points;
    for (PadPoint& p : moved)
      p.fraction += QPointF(0.001 * (i % 3), 0.0);
    QElapsedTimer t;
    t.start();
    pad->setPoints(moved);
    pad->repaint();
    redraw.push_back(t.nsecsElapsed() / 1e6);
  }
  report("scatter_redraw", redraw);

  // A slider drag with the dots shown: each frame decodes the digit, then the event loop paints
  // what changed (slider, values, crosshair over the grid and the dots, the digit).
  auto* slider = page.findChild<QSlider*>(QStringLiteral("latentSlider0"));
  std::vector<double> frames;
  for (int v = 100; v < 900; v += 4) {
    QElapsedTimer t;
    t.start();
    slider->setValue(v);
    QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    frames.push_back(t.nsecsElapsed() / 1e6);
  }
  report("drag_frame", frames);
  return 0;
}
