// SPDX-License-Identifier: GPL-3.0-or-later
// Takes the README's screenshots from the real application: trains the default VAE from the
// first-launch button, grabs the Train page mid-training and the Explore page after training.
//   xvfb-run -a -s '-screen 0 1600x1000x24' build/docs/capture_screenshots docs/
#include "latentexplorer.h"
#include "mainwindow.h"
#include "trainingcontroller.h"
#include "trainingtypes.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <cstdio>

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QStandardPaths::setTestModeEnabled(true);  // a first launch: no settings, no runs
  QApplication::setOrganizationName(QStringLiteral("GenLabScreenshots"));
  QApplication::setApplicationName(QStringLiteral("GenLabScreenshots"));
  QSettings().clear();
  const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");

  MainWindow window;
  window.resize(1400, 860);
  window.show();

  // capture_screenshots <dir> --open RUN NAME.png [RUN NAME.png …]: the Explore page of finished runs.
  if (argc > 3 && QLatin1String(argv[2]) == QLatin1String("--open")) {
    for (int i = 3; i + 1 < argc; i += 2) {
      QString error;
      if (!window.openRun(QString::fromLocal8Bit(argv[i]), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
      }
      auto* explore = window.findChild<LatentExplorer*>(QStringLiteral("explorePage"));
      // With more than two dimensions, hold the others at a random draw: z = 0 is an atypical
      // code for a GAN (a faint average digit), a draw shows what the model makes.
      if (auto* others = explore->findChild<QComboBox*>(QStringLiteral("othersCombo")); others && others->isEnabled())
        others->setCurrentIndex(1);
      explore->setLatent(QPointF(0.0, 0.0));
      QElapsedTimer wait;
      wait.start();
      while (wait.elapsed() < 800)  // the latent grid is drawn on a pool thread
        QApplication::processEvents(QEventLoop::AllEvents, 50);
      const QString path = out + QLatin1Char('/') + QString::fromLocal8Bit(argv[i + 1]);
      window.grab().save(path);
      std::printf("wrote %s\n", qPrintable(path));
    }
    return 0;
  }
  auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
  // capture_screenshots <dir> --train MODEL DATASET EPOCHS SECONDS NAME.png: the Train page
  // SECONDS after Start, for a model and dataset chosen in its combo boxes (their own defaults,
  // then EPOCHS); training is stopped after the grab.
  if (argc > 7 && QLatin1String(argv[2]) == QLatin1String("--train")) {
    auto* model = window.findChild<QComboBox*>(QStringLiteral("modelCombo"));
    auto* dataset = window.findChild<QComboBox*>(QStringLiteral("datasetCombo"));
    model->setCurrentIndex(model->findData(QString::fromLocal8Bit(argv[3])));
    Q_EMIT model->activated(model->currentIndex());
    dataset->setCurrentIndex(dataset->findData(QString::fromLocal8Bit(argv[4])));
    Q_EMIT dataset->activated(dataset->currentIndex());
    window.findChild<QSpinBox*>(QStringLiteral("epochsSpin"))->setValue(QString::fromLocal8Bit(argv[5]).toInt());
    pages->setCurrentIndex(pages->count() - 1);
    window.findChild<QPushButton*>(QStringLiteral("startButton"))->click();
    const QString path = out + QLatin1Char('/') + QString::fromLocal8Bit(argv[7]);
    QTimer::singleShot(QString::fromLocal8Bit(argv[6]).toInt() * 1000, [&] {
      window.grab().save(path);
      std::printf("wrote %s\n", qPrintable(path));
      window.training()->stop();
    });
    QObject::connect(window.training(), &TrainingController::finished, &app, &QApplication::quit);
    return app.exec();
  }
  auto save = [&](const char* name) {
    const QString path = out + QLatin1Char('/') + QLatin1String(name);
    window.grab().save(path);
    std::printf("wrote %s\n", qPrintable(path));
  };

  QTimer::singleShot(500, [&] {
    save("first-launch.png");
    window.findChild<QPushButton*>(QStringLiteral("trainDefaultButton"))->click();
  });
  QTimer::singleShot(2500, [&] { save("explore-while-training.png"); });
  QTimer::singleShot(5000, [&] {
    pages->setCurrentIndex(2);
    QTimer::singleShot(400, [&] { save("train-mid-training.png"); });
  });
  QObject::connect(window.training(), &TrainingController::finished, [&] {
    pages->setCurrentIndex(0);
    window.findChild<LatentExplorer*>(QStringLiteral("explorePage"))->setLatent(QPointF(-0.35, -1.4));
    QTimer::singleShot(600, [&] {
      save("explore-after-training.png");
      pages->setCurrentIndex(2);
      QTimer::singleShot(400, [&] {
        save("train-finished.png");
        app.quit();
      });
    });
  });
  return app.exec();
}
