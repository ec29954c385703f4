// SPDX-License-Identifier: GPL-3.0-or-later
// Every registered model family, end to end: trained a few steps on tiny data, then genlab-cli info,
// eval, sample and resume on its run, and the window opens it on its own page. And the check that
// keeps family ids inside app/families/.
// LibTorch before Qt: Qt's `slots` macro breaks its headers.
#include "io/safetensors.h"

#include <ATen/ATen.h>

#include "diffusionpage.h"
#include "explorepage.h"
#include "pixelpage.h"
#include "mainwindow.h"
#include "registry.h"
#include "trainingworker.h"

#include <cmath>

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class tst_Families : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

  struct Cli {
    int code = -1;
    QString out, err;
  };
  static Cli cli(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(GENLAB_CLI_PATH), args);
    Cli r;
    if (!p.waitForFinished(120000))
      return r;
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
  }

  // 16 small, different images: tiny data for every image family (a tenth, 1 image, is held out).
  QString imageFolder() {
    const QString folder = m_dir.filePath(QStringLiteral("images"));
    if (QDir(folder).exists())
      return folder;
    QDir().mkpath(folder);
    for (int i = 0; i < 16; ++i) {
      QImage image(28, 28, QImage::Format_Grayscale8);
      image.fill(0);
      for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 28; ++x)
          if ((x + i) % 7 < 3 || (y * i) % 5 == 0)
            image.setPixel(x, y, qRgb(255, 255, 255));
      image.save(QDir(folder).filePath(QStringLiteral("%1.png").arg(i)));
    }
    return folder;
  }

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GenLabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("GenLabFamilies"));
    QSettings().clear();
  }

  void everyFamilyTrainsAndEveryCommandWorks_data() {
    QTest::addColumn<QString>("id");
    for (const ModelFamily* f : Registry::all())
      QTest::newRow(qPrintable(f->id)) << f->id;
  }

  void everyFamilyTrainsAndEveryCommandWorks() {
    QFETCH(QString, id);
    const ModelFamily* family = Registry::find(id);
    QVERIFY(family);
    QCOMPARE(Registry::resolve(family->option, family->data == DataKind::Points ? QStringLiteral("toy:moons")
                                                                               : QStringLiteral("mnist")),
             family);
    TrainingSettings s;
    s.dataset = family->data == DataKind::Points ? QStringLiteral("toy:moons")
                                                 : QStringLiteral("folder:") + imageFolder();
    s.dataFolder = family->data == DataKind::Points ? QString() : imageFolder();
    s.useDefaultsOf(id, s.dataset);
    QCOMPARE(s.model, id);
    s.epochs = 2;
    s.maxSteps = 3;
    s.batchSize = 4;
    s.threads = 2;
    s.runFolder = m_dir.filePath(id);
    TrainingWorker worker(s);
    QString failure;
    connect(&worker, &TrainingWorker::failed, this, [&failure](const QString& m) { failure = m; });
    worker.run();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QString run = s.runFolder;

    // info: the family, its architecture, parameters, and the last losses by the family's own names.
    Cli r = cli({QStringLiteral("info"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject info = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(info.value(QStringLiteral("family")).toObject().value(QStringLiteral("id")).toString(), id);
    QVERIFY(info.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("total")).toInteger() > 1000);
    QCOMPARE(info.value(QStringLiteral("steps")).toInteger(), 3);
    QCOMPARE(info.value(QStringLiteral("status")).toString(), QStringLiteral("stopped"));
    const QJsonObject last = info.value(QStringLiteral("last_losses")).toObject();
    QCOMPARE(last.size(), family->losses.size());
    for (const LossColumn& c : family->losses)
      QVERIFY2(std::isfinite(last.value(c.key).toDouble(NAN)), qPrintable(c.key));

    // eval: every held-out measure of the family, finite.
    r = cli({QStringLiteral("eval"), run, QStringLiteral("--threads"), QStringLiteral("2")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject eval = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(!family->heldOut.isEmpty());
    for (const LossColumn& c : family->heldOut)
      QVERIFY2(std::isfinite(eval.value(c.key).toDouble(NAN)), qPrintable(c.key + QStringLiteral(" in ") + r.out));
    QVERIFY(eval.value(QStringLiteral("held_out")).toInt() >= 1);
    // Image likelihoods side by side: VAEs also give their −ELBO on the pixel models' binarised digits.
    if (family->likelihood && family->data == DataKind::Images)
      QVERIFY2(std::isfinite(eval.value(QStringLiteral("negative_elbo_binarised")).toDouble(NAN)), qPrintable(r.out));

    // sample: a PNG that opens.
    const QString png = m_dir.filePath(id + QStringLiteral(".png"));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--sampler"),
             QStringLiteral("ddim"), QStringLiteral("--steps"), QStringLiteral("5"), QStringLiteral("--out"), png});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(!QImage(png).isNull());

    // resume: two more steps, exactly where it stopped.
    r = cli({QStringLiteral("resume"), run, QStringLiteral("--max-steps"), QStringLiteral("5"), QStringLiteral("--threads"),
             QStringLiteral("1")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli({QStringLiteral("info"), run});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("steps")).toInteger(), 5);

    // The window opens it on the page its family belongs to.
    MainWindow w;
    const Status opened = w.openRun(run);
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    if (family->latentExplorer) {
      QCOMPARE(w.explore()->runFolder(), run);
      QVERIFY(!w.decoder().isNull());
    }
    if (family->diffusionTimeline)
      QCOMPARE(w.diffusion()->runFolder(), run);
    if (family->pixelByPixel)
      QCOMPARE(w.pixels()->runFolder(), run);
    QCOMPARE(int(family->latentExplorer) + int(family->diffusionTimeline) + int(family->pixelByPixel), 1);
  }

  // A resumed run is rebuilt from its own run.json, not from today's defaults: a DDPM that says it
  // has attention at full size, or a DCGAN without the minibatch deviation, no longer fits the
  // weights the defaults wrote (the message names the tensor); and a DDPM told it predicts the
  // noise continues with another loss than the same run predicting v.
  void resumeRebuildsTheRunsOwnModel() {
    auto copyWith = [&](const QString& id, const QString& name, const QJsonObject& changes) {
      const QString from = m_dir.filePath(id), to = m_dir.filePath(name);
      QDir(to).removeRecursively();
      QDir().mkpath(to);
      for (const QString& f : QDir(from).entryList(QDir::Files))
        QFile::copy(QDir(from).filePath(f), QDir(to).filePath(f));
      QFile in(QDir(to).filePath(QStringLiteral("run.json")));
      if (!in.open(QIODevice::ReadOnly))
        return QString();
      QJsonObject json = QJsonDocument::fromJson(in.readAll()).object();
      in.close();
      QJsonObject model = json.value(QStringLiteral("model")).toObject();
      for (auto it = changes.begin(); it != changes.end(); ++it)
        model.insert(it.key(), it.value());
      json.insert(QStringLiteral("model"), model);
      QFile out(QDir(to).filePath(QStringLiteral("run.json")));
      if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QString();
      out.write(QJsonDocument(json).toJson());
      return to;
    };
    auto resume = [&](const QString& run) {
      return cli({QStringLiteral("resume"), run, QStringLiteral("--max-steps"), QStringLiteral("7"), QStringLiteral("--threads"),
                  QStringLiteral("1")});
    };
    const QString ddpm = Registry::resolve(QStringLiteral("ddpm"), QStringLiteral("mnist"))->id,
                  gan = Registry::resolve(QStringLiteral("gan"), QStringLiteral("mnist"))->id;
    QVERIFY(QFile::exists(m_dir.filePath(ddpm + QStringLiteral("/run.json"))));
    Cli r = resume(copyWith(ddpm, QStringLiteral("ddpm-attention"), {{QStringLiteral("attention_from_level"), 0}}));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("downs.0.2")), qPrintable(r.err));
    r = resume(copyWith(gan, QStringLiteral("gan-plain"), {{QStringLiteral("minibatch_std"), false}}));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("discriminator.classify.weight")), qPrintable(r.err));

    auto lastLoss = [&](const QString& run) {
      QFile f(QDir(run).filePath(QStringLiteral("metrics.csv")));
      if (!f.open(QIODevice::ReadOnly))
        return QString();
      const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
      return QString::fromUtf8(lines.last().split(',').value(3));
    };
    const QString asTrained = copyWith(ddpm, QStringLiteral("ddpm-v"), {}),
                  asNoise = copyWith(ddpm, QStringLiteral("ddpm-noise"),
                                     {{QStringLiteral("objective"), QStringLiteral("pred_noise")},
                                      {QStringLiteral("min_snr_gamma"), 0}});
    QVERIFY2(resume(asTrained).code == 0 && resume(asNoise).code == 0, "both runs resume");
    QVERIFY(!lastLoss(asTrained).isEmpty());
    QVERIFY2(lastLoss(asTrained) != lastLoss(asNoise), qPrintable(lastLoss(asTrained)));
  }

  // A broken run is refused with a message before any model is built.
  void brokenRunsAreRefusedWithAMessage() {
    const QString run = m_dir.filePath(QStringLiteral("vae-mlp"));
    QVERIFY(QFile::exists(run + QStringLiteral("/run.json")));
    const QString bad = m_dir.filePath(QStringLiteral("bad"));
    QDir().mkpath(bad);
    QFile::copy(run + QStringLiteral("/weights.safetensors"), bad + QStringLiteral("/weights.safetensors"));
    QFile in(run + QStringLiteral("/run.json"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(in.readAll()).object();
    auto write = [&](const QJsonObject& j) {
      QFile out(bad + QStringLiteral("/run.json"));
      QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
      out.write(QJsonDocument(j).toJson());
    };
    QJsonObject model = json.value(QStringLiteral("model")).toObject();
    model.insert(QStringLiteral("latent_dim"), 1e12);  // would allocate terabytes if believed
    json.insert(QStringLiteral("model"), model);
    write(json);
    for (const char* command : {"info", "eval", "resume"}) {
      const Cli r = cli({QLatin1String(command), bad});
      QCOMPARE(r.code, 1);
      QVERIFY2(r.err.contains(QStringLiteral("latent_dim")) && r.err.count(QLatin1Char('\n')) == 1, qPrintable(r.err));
    }
    model.insert(QStringLiteral("latent_dim"), 3);  // in range, but not what the weights hold
    json.insert(QStringLiteral("model"), model);
    write(json);
    const Cli r = cli({QStringLiteral("eval"), bad});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("encoder.2.weight")), qPrintable(r.err));
    // Weights that went NaN are refused, naming the tensor.
    {
      auto file = genlab::load_safetensors(QString(run + QStringLiteral("/weights.safetensors")).toStdString());
      QVERIFY(file.ok());
      file.value.tensors[1].second = file.value.tensors[1].second.clone();
      file.value.tensors[1].second.view(-1)[0] = NAN;
      QCOMPARE(QString::fromStdString(genlab::save_safetensors(QString(bad + QStringLiteral("/weights.safetensors")).toStdString(),
                                                               file.value.tensors, file.value.metadata)),
               QString());
      model.insert(QStringLiteral("latent_dim"), 2);
      json.insert(QStringLiteral("model"), model);
      write(json);
      const Cli nan = cli({QStringLiteral("info"), bad});
      QCOMPARE(nan.code, 1);
      QVERIFY2(nan.err.contains(QString::fromStdString(file.value.tensors[1].first)) && nan.err.contains(QStringLiteral("NaN")),
               qPrintable(nan.err));
    }
    model.insert(QStringLiteral("kind"), QStringLiteral("no-such-family"));
    json.insert(QStringLiteral("model"), model);
    write(json);
    QVERIFY(cli({QStringLiteral("sample"), bad, QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.png"))})
                .err.contains(QStringLiteral("no-such-family")));
  }

  // No code outside a family's own files and the registry names a family: a new family is added
  // in one place, and no page can forget it. "ddpm" is also the name of the DDPM sampler
  // (ancestral sampling), so it is checked as the family id "ddpm-unet" only.
  void familyIdsLiveInTheirFamilyFiles() {
    QStringList names;
    for (const ModelFamily* f : Registry::all()) {
      names << f->id;
      if (f->option != QLatin1String("ddpm"))
        names << f->option;
    }
    names.removeDuplicates();
    QStringList offenders;
    for (const char* layer : {"app", "widgets"}) {
      QDirIterator it(QStringLiteral(GENLAB_SOURCE_DIR "/") + QLatin1String(layer), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                      QDir::Files, QDirIterator::Subdirectories);
      while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QStringLiteral("/app/families/")))
          continue;
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        for (const QString& name : names)
          if (text.contains(QLatin1Char('"') + name + QLatin1Char('"')))
            offenders << QStringLiteral("%1: \"%2\"").arg(QDir(QStringLiteral(GENLAB_SOURCE_DIR)).relativeFilePath(path), name);
      }
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QStringLiteral("; "))));
    QVERIFY(names.size() >= 12);  // the check sees the ids and options it should
  }
};

QTEST_MAIN(tst_Families)
#include "tst_families.moc"
