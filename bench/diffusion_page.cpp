// SPDX-License-Identifier: GPL-3.0-or-later
// The Diffusion page's speed targets (issue 5), measured on the real page under the offscreen
// platform: (1) a forward-slider move at 64×64 RGB, from setValue to the x_t view repainted;
// (2) the time from Run to the first reverse frame on screen (DDPM U-Net, 16 digits); (3) the
// memory a kept 1000-step trajectory of 16 MNIST digits takes (process RSS before and after).
//   QT_QPA_PLATFORM=offscreen diffusion_page <mnist folder> <threads>
#include "diffusionpage.h"
#include "digitview.h"
#include "forwardview.h"
#include "reverseview.h"
#include "trainingcontroller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double rssMiB() {
  QFile status(QStringLiteral("/proc/self/status"));
  if (!status.open(QIODevice::ReadOnly))
    return -1;
  for (const QByteArray& line : status.readAll().split('\n'))
    if (line.startsWith("VmRSS:"))
      return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  if (argc < 3) {
    std::fprintf(stderr, "usage: diffusion_page <mnist folder> <threads>\n");
    return 2;
  }
  QTemporaryDir dir;
  // A DDPM run to sample from: two steps of training are enough to time the machinery.
  TrainingController training;
  QSignalSpy trained(&training, &TrainingController::finished);
  TrainingSettings s;
  s.useDefaultsOf(QStringLiteral("ddpm"), QStringLiteral("mnist"));
  s.dataFolder = QString::fromLocal8Bit(argv[1]);
  s.runsFolder = dir.path();
  s.batchSize = 8;
  s.maxSteps = 2;
  s.threads = QString::fromLocal8Bit(argv[2]).toInt();
  if (!training.start(s).ok() || !trained.wait(120000)) {
    std::fprintf(stderr, "could not train the DDPM run\n");
    return 1;
  }
  const QString run = trained.first().first().toString();

  DiffusionPage page;
  page.resize(1400, 860);
  page.show();
  // (1) forward slider on a 64×64 RGB image.
  QImage photo(64, 64, QImage::Format_RGB888);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x)
      photo.setPixelColor(x, y, QColor(x * 4, y * 4, (x + y) * 2));
  const QString path = dir.filePath(QStringLiteral("photo.png"));
  photo.save(path);
  Q_EMIT page.forward()->imageFileDropped(path);
  QApplication::processEvents();
  auto* slider = page.forward()->findChild<QSlider*>(QStringLiteral("forwardTSlider"));
  std::vector<double> ms;
  for (int i = 0; i < 400; ++i) {
    QElapsedTimer t;
    t.start();
    slider->setValue((i * 37) % 1001);
    page.forward()->xtView()->repaint();
    QApplication::processEvents();  // the chart's queued replot of the cursor
    ms.push_back(double(t.nsecsElapsed()) / 1e6);
  }
  std::sort(ms.begin(), ms.end());
  std::printf("forward_redraw_ms_median %.2f\nforward_redraw_ms_p99 %.2f\nforward_redraw_ms_max %.2f\n", ms[ms.size() / 2],
              ms[ms.size() * 99 / 100], ms.back());

  // (2) and (3): DDPM-1000 of 16 digits, every step kept.
  if (const Status opened = page.openRun(run); !opened.ok()) {
    std::fprintf(stderr, "%s\n", qPrintable(opened.error));
    return 1;
  }
  page.showReverse(true);
  ReverseSettings r = page.reverse()->settings();
  r.sampler = QStringLiteral("ddpm");
  r.count = 16;
  page.reverse()->setSettings(r);
  QApplication::processEvents();
  const double before = rssMiB();
  QSignalSpy finished(page.sampler(), &ReverseSampler::finished);
  QElapsedTimer clock;
  clock.start();
  page.reverse()->findChild<QPushButton*>(QStringLiteral("runSamplerButton"))->click();
  if (!finished.wait(600000)) {
    std::fprintf(stderr, "sampling did not finish\n");
    return 1;
  }
  QApplication::processEvents();
  const double after = rssMiB();
  std::printf("first_frame_ms %lld\n", static_cast<long long>(page.firstFrameMs()));
  std::printf("ddpm1000_16_seconds %.1f\n", double(clock.elapsed()) / 1000.0);
  std::printf("frames_kept %d\n", page.reverse()->frameCount());
  std::printf("kept_states_mib %.1f\n", double(page.sampler()->keptStateBytes()) / (1024.0 * 1024.0));
  std::printf("trajectory_rss_growth_mib %.1f\n", after - before);
  return 0;
}
