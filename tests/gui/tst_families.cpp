// SPDX-License-Identifier: GPL-3.0-or-later
// Every registered model family, end to end: trained a few steps on tiny data, then genlab-cli info,
// eval, sample and resume on its run, and the window opens it on its own page. And the check that
// keeps family ids inside app/families/.
// LibTorch before Qt: Qt's `slots` macro breaks its headers.
#include "io/safetensors.h"

#include <ATen/ATen.h>

#include "diffusionpage.h"
#include "reverseview.h"
#include "guidancesweep.h"
#include "samplernames.h"
#include "tradeoffchart.h"
#include "tradeoffpanel.h"
#include "explorepage.h"
#include "pixelpage.h"
#include "mainwindow.h"
#include "layoutcheck.h"
#include "registry.h"
#include "run.h"
#include "testdata.h"
#include "reversesampler.h"
#include "runfolder.h"
#include "trainingdashboard.h"
#include "trainingworker.h"
#include "trainpage.h"

#include <cmath>

#include <QComboBox>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QPushButton>
#include <QSpinBox>
#include <QDoubleSpinBox>
#include <QTabWidget>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
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

  // A value of `o` other than its default: what a user might choose instead.
  static QJsonValue otherValue(const FamilyOption& o) {
    switch (o.type) {
      case FamilyOption::Type::Integer: {
        const double d = o.defaultValue.toDouble();
        return qint64(d + 1 <= o.max ? d + 1 : d - 1);
      }
      case FamilyOption::Type::Real: return o.defaultValue.toDouble() > o.min ? o.defaultValue.toDouble() / 2 : o.max / 2;
      case FamilyOption::Type::Flag: return !o.defaultValue.toBool();
      case FamilyOption::Type::Choice:
        for (const FamilyOption::Choice& c : o.choices)
          if (c.value != o.defaultValue)
            return c.value;
    }
    return o.defaultValue;
  }
  // `json` holds exactly the family's options at `values`' values.
  static bool sameOptions(const ModelFamily& f, const QJsonObject& json, const OptionValues& values) {
    if (json.size() != f.options.size())
      return false;
    for (const FamilyOption& o : f.options)
      if (o.format(json.value(o.key)) != o.format(values.value(o.key)) || !o.check(json.value(o.key)).ok())
        return false;
    return true;
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
    // Every option the family declares at another value than its default (where the data allows it):
    // run.json, info and resume must carry exactly these.
    s.dataFolder = family->data == DataKind::Points ? QString() : imageFolder();
    s.runsFolder = m_dir.path();
    for (const FamilyOption& o : family->options) {
      const OptionValues before = s.options;
      s.options.set(o.key, otherValue(o));
      if (!s.validate().ok())
        s.options = before;  // e.g. told the class on an image folder, which has none
    }
    s.runsFolder.clear();
    const OptionValues trainedWith = s.options;
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
    QVERIFY2(sameOptions(*family, info.value(QStringLiteral("options")).toObject(), trainedWith), qPrintable(r.out));
    QVERIFY(sameOptions(*family, RunFolder(run).readRunJson().value.value(QStringLiteral("options")).toObject(), trainedWith));
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
    // … with the options it was trained with (run.json is written again by the resume).
    QVERIFY2(sameOptions(*family, QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("options")).toObject(),
                         trainedWith),
             qPrintable(r.out));

    // The window opens it on the page its family belongs to, and that page fits a laptop's screen
    // (in Chinese in the suite's zh_CN pass).
    const LayoutCheck::SystemLanguage language;
    MainWindow w;
    w.show();
    const Status opened = w.openRun(run);
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    if (family->latentExplorer) {
      QCOMPARE(w.explore()->runFolder(), run);
      QVERIFY(!w.decoder().isNull());
    }
    if (family->diffusionTimeline) {
      QCOMPARE(w.diffusion()->runFolder(), run);
      w.showPage(w.diffusion());
      w.diffusion()->showReverse(true);
      // Told the class (the DDPM's default; the toy model's on toy:moons, here): a class to pick,
      // each in turn first, and the guidance.
      auto* classes = w.diffusion()->findChild<QComboBox*>(QStringLiteral("reverseClassCombo"));
      QVERIFY(classes);
      // (The DDPM is trained here on a folder of images, which has no classes: none to pick.)
      QCOMPARE(classes->isVisible(), Run::open(run).value.model().value(QStringLiteral("classes")).toInt() > 0);
    }
    if (family->pixelByPixel)
      QCOMPARE(w.pixels()->runFolder(), run);
    QCOMPARE(int(family->latentExplorer) + int(family->diffusionTimeline) + int(family->pixelByPixel), 1);
    LAYOUT_OK(&w);
  }

  // A DDPM told the class (its default) on the Diffusion page: the class picker lists the digits,
  // the page fits, and the sampler draws the class picked at the guidance set, or says why not.
  void ddpmToldTheClassOnTheDiffusionPage() {
    REQUIRE_MNIST();
    TrainingSettings s;
    s.dataset = QStringLiteral("mnist");
    s.dataFolder = TestData::mnistFolder();
    s.useDefaultsOf(QStringLiteral("ddpm-unet"), s.dataset);
    s.epochs = 1;
    s.maxSteps = 2;
    s.batchSize = 4;
    s.threads = 2;
    s.scoreSamples = false;
    s.runFolder = m_dir.filePath(QStringLiteral("ddpm-told"));
    TrainingWorker worker(s);
    QString failure;
    connect(&worker, &TrainingWorker::failed, this, [&failure](const QString& m) { failure = m; });
    worker.run();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(Run::open(s.runFolder).value.model().value(QStringLiteral("classes")).toInt(), 10);
    // Its own guidance scale, written with its options: what sampling uses unless asked for another.
    QCOMPARE(Run::open(s.runFolder).value.options().real(QStringLiteral("guidance")), Sampler::defaultGuidance);

    const LayoutCheck::SystemLanguage language;
    MainWindow w;
    w.show();
    QVERIFY(w.openRun(s.runFolder).ok());
    w.showPage(w.diffusion());
    w.diffusion()->showReverse(true);
    auto* classes = w.diffusion()->findChild<QComboBox*>(QStringLiteral("reverseClassCombo"));
    QVERIFY(classes);
    QVERIFY(classes->isVisible());
    QCOMPARE(classes->count(), 11);  // each in turn, then 0 … 9
    QCOMPARE(classes->itemData(4).toInt(), 3);
    LAYOUT_OK(&w);
    // Class 3 at w = 0 and at w = 3, two images in two DDIM steps: both finish, and differ.
    classes->setCurrentIndex(4);
    auto* guidance = w.diffusion()->findChild<QDoubleSpinBox*>(QStringLiteral("guidanceSpin"));
    QVERIFY(guidance);
    QCOMPARE(guidance->value(), Sampler::defaultGuidance);  // the run's own
    w.diffusion()->findChild<QComboBox*>(QStringLiteral("samplerCombo"))->setCurrentIndex(1);  // DDIM
    w.diffusion()->findChild<QSpinBox*>(QStringLiteral("stepsSpin"))->setValue(2);
    w.diffusion()->findChild<QSpinBox*>(QStringLiteral("countSpin"))->setValue(2);
    auto* runButton = w.diffusion()->findChild<QPushButton*>(QStringLiteral("runSamplerButton"));
    QImage endings[2];
    for (int i = 0; i < 2; ++i) {
      guidance->setValue(i == 0 ? 0.0 : 3.0);
      QSignalSpy done(w.diffusion()->sampler(), &ReverseSampler::finished);
      QTest::mouseClick(runButton, Qt::LeftButton);
      QVERIFY(done.wait(60000));
      const auto result = done.first().first().value<ReverseResult>();
      QVERIFY(result.completed);
      QCOMPARE(result.request.label, 3);
      QCOMPARE(result.request.guidance, i == 0 ? 0.0 : 3.0);
      endings[i] = result.ending;
    }
    QVERIFY(endings[0] != endings[1]);
    // The guidance strip: the same noise and class at w = 0, 1, 2, 4, four endings in the
    // filmstrip's place; its w = 0 ending is the one above (the same seed and class).
    auto* reverse = w.diffusion()->reverse();
    ReverseSampler relay;  // records on this thread what the sampler emits on its own
    connect(w.diffusion()->sampler(), &ReverseSampler::finished, &relay, &ReverseSampler::finished);
    QSignalSpy strip(&relay, &ReverseSampler::finished);
    const int before = reverse->endingCount();
    QTest::mouseClick(w.diffusion()->findChild<QPushButton*>(QStringLiteral("guidanceStripButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(strip.count(), 4, 120000);
    QList<double> ws;
    for (const auto& args : strip)
      ws << args.first().value<ReverseResult>().request.guidance;
    QCOMPARE(ws, (QList<double>{0, 1, 2, 4}));
    QCOMPARE(strip.first().first().value<ReverseResult>().ending, endings[0]);
    QTRY_COMPARE(reverse->endingCount(), before + 4);
    QVERIFY(reverse->findChild<QScrollArea*>(QStringLiteral("endingsScroll"))->isVisible());
    LAYOUT_OK(&w);

    // The trade-off tab: w = 0 and 2, 20 samples each, scored off the GUI thread (the judge of the
    // digits is trained first if the data folder has none); a point and a row per w.
    w.diffusion()->showTradeoff();
    auto* panel = w.diffusion()->tradeoff();
    QVERIFY(panel->isVisible());
    QVERIFY(panel->findChild<QWidget*>(QStringLiteral("tradeoffWhyLabel"))->isHidden());  // measurable
    panel->findChild<QLineEdit*>(QStringLiteral("tradeoffScalesEdit"))->setText(QStringLiteral("0, 2"));
    panel->findChild<QSpinBox*>(QStringLiteral("tradeoffCountSpin"))->setValue(20);
    panel->findChild<QSpinBox*>(QStringLiteral("tradeoffStepsSpin"))->setValue(2);
    GuidanceSweep relaySweep;  // records on this thread what the sweep emits on its own
    connect(w.diffusion()->sweep(), &GuidanceSweep::measured, &relaySweep, &GuidanceSweep::measured);
    connect(w.diffusion()->sweep(), &GuidanceSweep::finished, &relaySweep, &GuidanceSweep::finished);
    QSignalSpy measured(&relaySweep, &GuidanceSweep::measured);
    QSignalSpy swept(&relaySweep, &GuidanceSweep::finished);
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("measureTradeoffButton")), Qt::LeftButton);
    QVERIFY(!panel->findChild<QPushButton*>(QStringLiteral("measureTradeoffButton"))->isEnabled());
    QVERIFY(panel->findChild<QProgressBar*>(QStringLiteral("tradeoffProgress"))->isVisible());
    LAYOUT_OK(&w);
    QTRY_COMPARE_WITH_TIMEOUT(swept.count(), 1, 400000);
    QCOMPARE(swept.first().first().toBool(), true);
    QCOMPARE(measured.count(), 2);
    for (int i = 0; i < 2; ++i) {
      const auto q = measured.at(i).first().value<QualityReport>();
      QCOMPARE(q.guidance, i == 0 ? 0.0 : 2.0);
      QCOMPARE(q.count, 20);
      QVERIFY(q.askedAccuracy >= 0 && q.askedAccuracy <= 1);  // drawn told the class
      QVERIFY(q.frechet > 0);
    }
    QCOMPARE(panel->chart()->pointCount(), 2);
    QVERIFY(panel->findChild<QPushButton*>(QStringLiteral("measureTradeoffButton"))->isEnabled());
    // Stop: the sweep ends without all its scales.
    panel->findChild<QSpinBox*>(QStringLiteral("tradeoffCountSpin"))->setValue(2000);
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("measureTradeoffButton")), Qt::LeftButton);
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("stopTradeoffButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(swept.count(), 2, 60000);
    QCOMPARE(swept.last().first().toBool(), false);
    QVERIFY(panel->chart()->pointCount() < 2);
  }

  // Each option a family declares is one declaration: `train --help` offers it, the Train page shows a
  // row for it (at its default, with its help as tooltip) when that family is chosen, and train
  // refuses it for a family that does not declare it. (run.json, info and resume: the test above.)
  void everyDeclaredOptionReachesTheCliAndTheForm() {
    const Cli help = cli({QStringLiteral("train"), QStringLiteral("--help")});
    QCOMPARE(help.code, 0);
    const LayoutCheck::SystemLanguage language;
    MainWindow w;
    w.show();
    w.showPage(w.trainPage());
    auto* model = w.findChild<QComboBox*>(QStringLiteral("modelCombo"));
    auto* dataset = w.findChild<QComboBox*>(QStringLiteral("datasetCombo"));
    int declared = 0;
    for (const ModelFamily* f : Registry::all()) {
      const QString data = DataSets::firstOf(f->data).id;
      dataset->setCurrentIndex(dataset->findData(data));
      Q_EMIT dataset->activated(dataset->currentIndex());
      model->setCurrentIndex(model->findData(f->id));
      Q_EMIT model->activated(model->currentIndex());
      QCOMPARE(model->currentData().toString(), f->id);
      for (const FamilyOption& o : f->options) {
        ++declared;
        QVERIFY2(help.out.contains(QStringLiteral("--") + o.key), qPrintable(o.key));
        const Status checked = o.check(o.defaultValue);
        QVERIFY2(checked.ok(), qPrintable(checked.error));
        // A flag alone says yes; one that is on by default can be turned off.
        if (o.type == FamilyOption::Type::Flag && o.defaultValue.toBool())
          QVERIFY2(help.out.contains(QStringLiteral("--no-") + o.key), qPrintable(o.key));
        QWidget* row = w.findChild<QWidget*>(QStringLiteral("option-") + o.key);
        QCOMPARE(row != nullptr, o.shownInForm);
        if (!row)
          continue;
        QCOMPARE(row->toolTip(), o.displayHelp());
        QCOMPARE(w.trainPage()->dashboard()->values().options.value(o.key).toDouble(),
                 o.defaultValue.toVariant().toDouble());  // (a flag's true is 1)
      }
      // The family's own rows fit beside the others'.
      const QStringList problems = LayoutCheck::problems(&w);
      QVERIFY2(problems.isEmpty(), qPrintable(f->id + QStringLiteral(": ") + problems.join(QStringLiteral("; "))));
      // An option of another family only: refused by name before anything is made.
      const FamilyOption* foreign = nullptr;
      for (const ModelFamily* g : Registry::all())
        for (const FamilyOption& o : g->options) {
          bool own = false;
          for (const FamilyOption& mine : f->options)
            own = own || mine.key == o.key;
          if (!own && !foreign)
            foreign = &o;
        }
      if (const FamilyOption* o = foreign) {
        const QString value = o->type == FamilyOption::Type::Flag ? QString()
                              : o->defaultValue.isString()       ? o->defaultValue.toString()
                                                                 : QString::number(o->defaultValue.toDouble());
        QStringList args{QStringLiteral("train"), QStringLiteral("--model"), f->option, QStringLiteral("--dataset"), data,
                         QStringLiteral("--") + o->key};
        if (!value.isEmpty())
          args << value;
        const Cli r = cli(args + QStringList{QStringLiteral("--out"), m_dir.filePath(QStringLiteral("refused"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("has no option --") + o->key), qPrintable(r.err));
        QVERIFY(!QDir(m_dir.filePath(QStringLiteral("refused"))).exists());
      }
    }
    QVERIFY(declared >= 10);  // latent and β of the VAEs, GANs and toys; levels and by-class of the pixel models
  }

  // A resumed run is rebuilt from its own run.json, not from today's defaults: a DDPM that says it
  // has attention at full size, or a DCGAN without the minibatch deviation, no longer fits the
  // weights the defaults wrote (the message names the tensor); and a DDPM told it predicts the
  // noise continues with another loss than the same run predicting v.
  // A copy of the trained run `id` whose run.json's model has `changes`.
  QString copyWith(const QString& id, const QString& name, const QJsonObject& changes) {
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
  }

  // A run.json whose model fields are each within their bounds but together describe a network of
  // billions of values, or one whose parts do not fit together (groups that do not divide the
  // channels), or one the small weights beside it do not hold: refused by every command from run.json
  // and the weights file's header, before any network is built (the message says which check).
  void wholeModelsThatDoNotFitAreRefusedBeforeBuilding_data() {
    QTest::addColumn<QString>("family");
    QTest::addColumn<QJsonObject>("changes");
    QTest::addColumn<QString>("expected");
    const QString tooBig = QStringLiteral("GenLab opens models of at most"), header = QStringLiteral("run.json says");
    for (const char* id : {"vae-mlp", "ae-mlp", "beta-vae-mlp"})
      QTest::newRow(id) << QString::fromLatin1(id)
                        << QJsonObject{{QStringLiteral("input_dim"), 12288}, {QStringLiteral("hidden_dim"), 4096},
                                       {QStringLiteral("latent_dim"), 128}}
                        << header;
    QTest::newRow("vae-conv") << QStringLiteral("vae-conv") << QJsonObject{{QStringLiteral("width"), 512}} << header;
    QTest::newRow("dcgan") << QStringLiteral("dcgan") << QJsonObject{{QStringLiteral("width"), 512}} << header;
    QTest::newRow("ddpm billions") << QStringLiteral("ddpm-unet")
                                   << QJsonObject{{QStringLiteral("dim"), 256},
                                                  {QStringLiteral("dim_mults"), QJsonArray{16, 16, 16}},
                                                  {QStringLiteral("attn_heads"), 32}, {QStringLiteral("attn_dim_head"), 256}}
                                   << tooBig;
    QTest::newRow("ddpm groups") << QStringLiteral("ddpm-unet") << QJsonObject{{QStringLiteral("resnet_block_groups"), 7}}
                                 << QStringLiteral("model: ");
    QTest::newRow("pixelcnn") << QStringLiteral("pixelcnn-gated")
                              << QJsonObject{{QStringLiteral("width"), 512}, {QStringLiteral("layers"), 30},
                                             {QStringLiteral("head_width"), 1024}, {QStringLiteral("levels"), 256}}
                              << header;
    QTest::newRow("pixelrnn") << QStringLiteral("pixelrnn-rowlstm") << QJsonObject{{QStringLiteral("hidden"), 256}} << header;
    for (const char* id : {"toy-vae", "toy-ae", "toy-gan"})
      QTest::newRow(id) << QString::fromLatin1(id)
                        << QJsonObject{{QStringLiteral("hidden"), 4096}, {QStringLiteral("latent_dim"), 128}} << header;
    QTest::newRow("toy-diffusion") << QStringLiteral("toy-diffusion")
                                   << QJsonObject{{QStringLiteral("hidden"), 4096}, {QStringLiteral("timesteps"), 10000}}
                                   << tooBig;
  }

  void wholeModelsThatDoNotFitAreRefusedBeforeBuilding() {
    QFETCH(QString, family);
    QFETCH(QJsonObject, changes);
    QFETCH(QString, expected);
    QVERIFY2(Registry::find(family), qPrintable(family));
    QVERIFY2(QFile::exists(m_dir.filePath(family + QStringLiteral("/run.json"))), "trained by the first test");
    const QString run = copyWith(family, family + QStringLiteral("-whole"), changes);
    for (const char* command : {"info", "eval", "resume"}) {
      const Cli r = cli({QLatin1String(command), run});
      QCOMPARE(r.code, 1);
      QVERIFY2(r.err.contains(expected) && r.err.count(QLatin1Char('\n')) == 1, qPrintable(r.err));
    }
  }

  void resumeRebuildsTheRunsOwnModel() {
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
    const int trained = model.value(QStringLiteral("latent_dim")).toInt();
    model.insert(QStringLiteral("latent_dim"), 1e12);  // would allocate terabytes if believed
    json.insert(QStringLiteral("model"), model);
    write(json);
    for (const char* command : {"info", "eval", "resume"}) {
      const Cli r = cli({QLatin1String(command), bad});
      QCOMPARE(r.code, 1);
      QVERIFY2(r.err.contains(QStringLiteral("latent_dim")) && r.err.count(QLatin1Char('\n')) == 1, qPrintable(r.err));
    }
    model.insert(QStringLiteral("latent_dim"), trained + 1);  // in range, but not what the weights hold
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
                                                               file.value.tensors, file.value.metadata).error),
               QString());
      model.insert(QStringLiteral("latent_dim"), trained);
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

  // A run written before run.json had "options" (β in training.beta, the latent size only in
  // model.latent_dim) opens with the options it trained with, and resumes with them.
  void olderRunsKeepTheirOptions() {
    const QString id = QStringLiteral("vae-mlp");
    QVERIFY(QFile::exists(m_dir.filePath(id + QStringLiteral("/run.json"))));
    const QString old = copyWith(id, QStringLiteral("vae-older"), {});
    QFile in(old + QStringLiteral("/run.json"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(in.readAll()).object();
    in.close();
    const int latent = json.value(QStringLiteral("model")).toObject().value(QStringLiteral("latent_dim")).toInt();
    json.remove(QStringLiteral("options"));
    QJsonObject training = json.value(QStringLiteral("training")).toObject();
    training.insert(QStringLiteral("beta"), 0.25);
    json.insert(QStringLiteral("training"), training);
    QFile out(old + QStringLiteral("/run.json"));
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QJsonDocument(json).toJson());
    out.close();
    Cli r = cli({QStringLiteral("info"), old});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QJsonObject options = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("options")).toObject();
    QCOMPARE(options.value(QStringLiteral("beta")).toDouble(), 0.25);
    QCOMPARE(options.value(QStringLiteral("latent")).toInt(), latent);
    r = cli({QStringLiteral("resume"), old, QStringLiteral("--max-steps"), QStringLiteral("6"), QStringLiteral("--threads"),
             QStringLiteral("1")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    // The resume wrote them where this version keeps them, the same values.
    QFile again(old + QStringLiteral("/run.json"));
    QVERIFY(again.open(QIODevice::ReadOnly));
    options = QJsonDocument::fromJson(again.readAll()).object().value(QStringLiteral("options")).toObject();
    QCOMPARE(options.value(QStringLiteral("beta")).toDouble(), 0.25);
    QCOMPARE(options.value(QStringLiteral("latent")).toInt(), latent);
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
        if (path.contains(QStringLiteral("/app/families/")) || path.contains(QStringLiteral("/app/registry/")))
          continue;  // the families and the registry that lists them
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
