// SPDX-License-Identifier: GPL-3.0-or-later
// Measures how responsive the GUI stays while the default VAE trains at full speed:
// a 5 ms timer on the GUI thread records how late each tick fires (the event-loop stall),
// while a simulated user drags the latent slider every 16 ms and the Train page redraws its
// curves. Prints the longest and p99 stall and the training speed.
//   xvfb-run -a ./gui_responsiveness [threads] [seconds] [switch pages: 1|0]
#include "latentexplorer.h"
#include "mainwindow.h"
#include "trainingcurves.h"

#include <qcustomplot.h>
#include "trainingcontroller.h"
#include "trainingtypes.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QStandardPaths::setTestModeEnabled(true);  // runs go to a throw-away folder
  QApplication::setOrganizationName(QStringLiteral("GenLabBench"));
  QApplication::setApplicationName(QStringLiteral("GenLabBench"));
  QSettings().clear();
  const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
  const int seconds = argc > 2 ? std::atoi(argv[2]) : 8;
  const bool switchPages = argc > 3 ? std::atoi(argv[3]) != 0 : true;

  MainWindow window;
  window.resize(1600, 1000);
  window.show();
  QSettings().setValue(QStringLiteral("train/threads"), threads);
  auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
  window.findChild<QSpinBox*>(QStringLiteral("threadsSpin"))->setValue(threads);
  window.findChild<QSpinBox*>(QStringLiteral("epochsSpin"))->setValue(1000);

  std::vector<double> stalls;
  double samplesPerSecond = 0;
  qint64 steps = 0;
  QObject::connect(window.training(), &TrainingController::progress, [&](const TrainingProgress& p) {
    samplesPerSecond = p.samplesPerSecond;
    steps = p.step;
  });

  QElapsedTimer clock;
  QTimer ticker;
  ticker.setTimerType(Qt::PreciseTimer);
  ticker.setInterval(5);
  qint64 last = -1;
  QObject::connect(&ticker, &QTimer::timeout, [&] {
    const qint64 now = clock.nsecsElapsed();
    if (last >= 0)
      stalls.push_back(std::max(0.0, double(now - last) / 1e6 - 5.0));
    last = now;
  });

  // The user: drags slider 0 back and forth, switching pages now and then.
  auto* slider = window.findChild<QSlider*>(QStringLiteral("latentSlider0"));
  QTimer user;
  user.setInterval(16);
  int tick = 0;
  QObject::connect(&user, &QTimer::timeout, [&] {
    ++tick;
    slider->setValue((tick * 7) % LatentExplorer::kSliderSteps);
    if (switchPages && tick % 120 == 0)
      pages->setCurrentIndex(pages->currentIndex() == 0 ? pages->count() - 1 : 0);
  });

  QTimer::singleShot(500, [&] {
    window.findChild<QPushButton*>(QStringLiteral("startButton"))->click();
    clock.start();
    ticker.start();
    user.start();
  });
  QTimer::singleShot(500 + seconds * 1000, [&] {
    ticker.stop();
    user.stop();
    std::sort(stalls.begin(), stalls.end());
    const double p99 = stalls.empty() ? 0 : stalls[size_t(0.99 * double(stalls.size() - 1))];
    const double p50 = stalls.empty() ? 0 : stalls[stalls.size() / 2];
    std::printf("threads %d: event-loop stall max %.1f ms, p99 %.1f ms, median %.2f ms over %zu ticks; "
                "training %.0f samples/s (%lld steps)\n",
                threads, stalls.empty() ? 0 : stalls.back(), p99, p50, stalls.size(), samplesPerSecond,
                (long long)steps);
    auto* curves = window.findChild<TrainingCurves*>(QStringLiteral("lossCurves"));
    std::printf("loss plot: %d redraws, %.1f ms each on average\n", curves->replotCount(), curves->plot()->replotTime(true));
    QElapsedTimer closing;
    closing.start();
    window.close();  // mid-training: stops the worker, which saves its weights, and joins it
    std::printf("closing the window mid-training took %.0f ms (worker stopped: %s)\n", double(closing.nsecsElapsed()) / 1e6,
                window.training()->isRunning() ? "no" : "yes");
    app.quit();
  });
  return app.exec();
}
