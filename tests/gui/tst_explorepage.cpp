// SPDX-License-Identifier: GPL-3.0-or-later
// The Explore page's map of the latent space: the held-out data where the encoder puts it, a
// drawn digit, a walk between two codes and its exports, on a VAE trained on the real digits.
// LibTorch before Qt (Qt's "slots" keyword clashes with LibTorch's headers).
#include "data/mnist_dataset.h"
#include "io/safetensors.h"

#include <ATen/ATen.h>

#include "trainedrun.h"

#include "comparepanel.h"
#include "digitview.h"
#include "drawpanel.h"
#include "explorepage.h"
#include "gifwriter.h"
#include "latentaxis.h"
#include "latentexplorer.h"
#include "latentgrids.h"
#include "latentpad.h"
#include "latentwalk.h"
#include "layoutcheck.h"
#include "registry.h"
#include "walkpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <random>

namespace {

double norm(const std::vector<float>& z) {
  double s = 0;
  for (const float v : z)
    s += double(v) * v;
  return std::sqrt(s);
}

}  // namespace

class tst_ExplorePage : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  QString m_run, m_autoencoder;

 private Q_SLOTS:
  void initTestCase() {
    REQUIRE_MNIST();
    m_run = TestData::trainOneEpoch(m_dir.path());
    QVERIFY(!m_run.isEmpty());
    m_autoencoder = TestData::trainOneEpoch(m_dir.path(), 2, QStringLiteral("ae"));
    QVERIFY(!m_autoencoder.isEmpty());
  }

  // The dots are the encoder's posterior means of the first held-out digits, computed here from
  // the weights file with the formula of the MLP encoder (Linear → ReLU → Linear, μ first).
  void scatterIsTheEncodersMeans() {
    const LayoutCheck::SystemLanguage language;  // Chinese in the suite's zh_CN pass
    ExplorePage page;
    page.resize(1280, 720);  // the page's part of a 1280×800 window
    page.show();
    QVERIFY(page.openRun(m_run).ok());
    QTRY_VERIFY_WITH_TIMEOUT(page.scatterCodes().count > 0, 30000);
    const auto items = page.heldOut();
    QVERIFY(items);
    const auto test = genlab::load_mnist_split(TestData::mnistFolder().toStdString(), "t10k");
    QVERIFY(test.ok());
    const int64_t n = std::min<int64_t>(ExplorePage::kScatterItems, test.value.size());
    QCOMPARE(items->count, int(n));
    QCOMPARE(int(items->labels.size()), int(n));
    QCOMPARE(items->classNames.size(), 10);
    QCOMPARE(items->labels[5], int(test.value.labels[5].item<int64_t>()));

    const auto weights = genlab::load_safetensors(QString(m_run + QStringLiteral("/weights.safetensors")).toStdString());
    QVERIFY(weights.ok());
    const auto tensor = [&](const char* name) { return weights.value.find(name); };
    const auto x = test.value.images.narrow(0, 0, n).to(at::kFloat);
    const auto h = at::relu(at::addmm(tensor("encoder.0.bias"), x, tensor("encoder.0.weight").t()));
    const auto out = at::addmm(tensor("encoder.2.bias"), h, tensor("encoder.2.weight").t());
    const auto codes = page.scatterCodes();
    QCOMPARE(codes.count, n);
    QCOMPARE(codes.dim, int64_t(2));
    QCOMPARE(int64_t(codes.logvar.size()), 2 * n);
    const auto ours = at::from_blob(const_cast<float*>(codes.mean.data()), {n, 2}, at::kFloat);
    QVERIFY((ours - out.narrow(1, 0, 2)).abs().max().item<double>() < 1e-4);
    const auto logvar = at::from_blob(const_cast<float*>(codes.logvar.data()), {n, 2}, at::kFloat);
    QVERIFY((logvar - out.narrow(1, 2, 2)).abs().max().item<double>() < 1e-4);

    // On the pad: one dot per digit, at Φ-spaced fractions of its mean, coloured by its class.
    auto* pad = page.findChild<LatentPad*>(QStringLiteral("latentPad"));
    QCOMPARE(pad->points().size(), int(n));
    for (const int i : {0, 17, int(n) - 1}) {
      const PadPoint p = pad->points()[i];
      QVERIFY(std::abs(p.fraction.x() - LatentAxis::latentToFraction(codes.mean[size_t(2 * i)])) < 1e-9);
      QVERIFY(std::abs(p.fraction.y() - LatentAxis::latentToFraction(codes.mean[size_t(2 * i + 1)])) < 1e-9);
      QCOMPARE(p.label, items->labels[size_t(i)]);
    }
    // Resting on a dot shows that digit and the decoder's image of its mean.
    QSignalSpy hovered(pad, &LatentPad::pointHovered);
    const QRect square((pad->width() - (std::min(pad->width(), pad->height()) - 2)) / 2,
                       (pad->height() - (std::min(pad->width(), pad->height()) - 2)) / 2,
                       std::min(pad->width(), pad->height()) - 2, std::min(pad->width(), pad->height()) - 2);
    const QPointF at(square.left() + pad->points()[3].fraction.x() * square.width(),
                     square.bottom() - pad->points()[3].fraction.y() * square.height());
    const int found = pad->pointAt(at.toPoint());  // the pointer lands on whole pixels
    QVERIFY(found >= 0);
    QTest::mouseMove(pad, at.toPoint());
    QTRY_VERIFY(!hovered.isEmpty());
    QCOMPARE(hovered.last().first().toInt(), found);
    auto* item = page.findChild<DigitView*>(QStringLiteral("hoveredItem"));
    QVERIFY(item->isVisible());
    QCOMPARE(item->image(), imageFromPixels(items->itemValues(found), 28, 1));
    LAYOUT_OK(&page);  // a held-out digit under the pointer
    const float* mean = codes.mean.data() + 2 * size_t(found);
    QCOMPARE(page.findChild<DigitView*>(QStringLiteral("hoveredReconstruction"))->image(),
             page.decoder().decode({mean[0], mean[1]}));
    // The toggle hides the dots (and nothing can be hovered).
    auto* toggle = page.findChild<QCheckBox*>(QStringLiteral("showScatterCheck"));
    toggle->setChecked(false);
    QVERIFY(!pad->pointsVisible());
    QCOMPARE(pad->pointAt(at), -1);
  }

  // While a run trains, the map follows it: the held-out digits are re-encoded by newer encoders
  // (on a pool thread), from a run folder that has no weights yet when it starts.
  void scatterFollowsTraining() {
    TrainingController c;
    ExplorePage page;
    page.show();
    page.setFollowTraining(true);
    QString folder;
    connect(&c, &TrainingController::started, this, [&folder](const QString& f) { folder = f; });
    connect(&c, &TrainingController::decoderUpdated, &page, [&](const DecoderSnapshot& d) {
      page.showTrainingDecoder(d, folder, *Registry::find(QStringLiteral("vae-mlp")));
    });
    QSignalSpy finished(&c, &TrainingController::finished);
    TrainingSettings s;
    s.dataFolder = TestData::mnistFolder();
    s.runsFolder = m_dir.path();
    s.epochs = 6;
    s.threads = 2;
    QVERIFY(c.start(s).ok());
    QTRY_VERIFY_WITH_TIMEOUT(page.scatterStep() > 0, 30000);
    const qint64 first = page.scatterStep();
    QTRY_VERIFY_WITH_TIMEOUT(page.scatterStep() > first || !finished.isEmpty(), 60000);
    QVERIFY2(finished.isEmpty(), "the run ended before the map was re-encoded");
    QVERIFY(page.scatterStep() > first);
    QVERIFY(c.isRunning());
    c.stop();
    QVERIFY(finished.wait(30000));
  }

  // A drawing reaches the encoder as the data set's images are: 28 × 28 values in [0, 1], the ink
  // in a 20 × 20 box centred by its mass. A held-out digit drawn large comes back close to itself.
  void drawnImageReachesTheEncoderScaled() {
    const LayoutCheck::SystemLanguage language;  // Chinese in the suite's zh_CN pass
    ExplorePage page;
    page.show();
    QVERIFY(page.openRun(m_run).ok());
    const auto test = genlab::load_mnist_split(TestData::mnistFolder().toStdString(), "t10k");
    QVERIFY(test.ok());
    const auto digit = test.value.images[0].contiguous();
    std::vector<float> original(digit.data_ptr<float>(), digit.data_ptr<float>() + 784);
    const QImage large = imageFromPixels(original, 28, 1).scaled(280, 280, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QVERIFY(page.drawPanel()->canvas()->setDrawing(large));
    const auto item = page.drawnItem();
    QCOMPARE(int(item.size()), 784);
    double mass = 0, mx = 0, my = 0, diff = 0;
    int left = 28, right = -1, top = 28, bottom = -1;
    for (int y = 0; y < 28; ++y)
      for (int x = 0; x < 28; ++x) {
        const float v = item[size_t(y * 28 + x)];
        QVERIFY(v >= 0.f && v <= 1.f);
        mass += v;
        mx += v * (x + 0.5);
        my += v * (y + 0.5);
        diff += std::abs(v - original[size_t(y * 28 + x)]);
        if (v > 0.05f) {
          left = std::min(left, x), right = std::max(right, x), top = std::min(top, y), bottom = std::max(bottom, y);
        }
      }
    QVERIFY2(std::abs(mx / mass - 14) < 1.0 && std::abs(my / mass - 14) < 1.0,
             qPrintable(QStringLiteral("centre of mass %1, %2").arg(mx / mass).arg(my / mass)));
    QVERIFY(right - left <= 21 && bottom - top <= 21);
    // MNIST prepared its digits this way, so the digit comes back close to itself (thin strokes
    // resampled twice: 0.80 correlation measured).
    const auto a = at::tensor(item), b = at::tensor(original);
    const double correlation = ((a - a.mean()) * (b - b.mean())).sum().item<double>() /
                               std::sqrt(((a - a.mean()).pow(2).sum() * (b - b.mean()).pow(2).sum()).item<double>());
    QVERIFY2(correlation > 0.75 && diff / 784 < 0.1,
             qPrintable(QStringLiteral("correlation %1, mean difference %2").arg(correlation).arg(diff / 784)));
    // The code shown is the encoder's for exactly that item; the sliders moved to its mean.
    const auto code = page.drawnCode();
    const auto again = page.decoder().encode(item, 1);
    QCOMPARE(code.mean, again.mean);
    QVERIFY(std::abs(page.explorer()->latent().x() - code.mean[0]) < 0.01);
    QVERIFY(std::abs(page.explorer()->latent().y() - code.mean[1]) < 0.01);
    auto* pad = page.findChild<LatentPad*>(QStringLiteral("latentPad"));
    QCOMPARE(pad->contours().size(), 2);  // 1σ and 2σ
    LAYOUT_OK(&page);
    // A blank canvas (Clear) takes them away.
    page.drawPanel()->canvas()->clear();
    QVERIFY(pad->contours().isEmpty());
    QVERIFY(page.drawnItem().empty());
  }

  // A drawing whose code lies beyond the map's ±3σ is said to, its dot hollow on the edge; one
  // inside is not. Strange drawings (a block of ink, a checkerboard) land far out.
  void drawingBeyondTheMapIsSaid() {
    const LayoutCheck::SystemLanguage language;  // Chinese in the suite's zh_CN pass
    for (const QString& run : {m_run, m_autoencoder}) {
      ExplorePage page;
      page.show();
      QVERIFY(page.openRun(run).ok());
      QImage full(280, 280, QImage::Format_Grayscale8), checks(280, 280, QImage::Format_Grayscale8);
      full.fill(0);  // a block of ink, 180 px of 280 (more would read as dark ink on light paper)
      for (int y = 50; y < 230; ++y)
        for (int x = 50; x < 230; ++x)
          full.setPixel(x, y, 0xffffffu);
      for (int y = 0; y < 280; ++y)
        for (int x = 0; x < 280; ++x)
          checks.setPixel(x, y, ((x / 40 + y / 40) % 2) ? 0xffffffu : 0u);
      int beyond = 0, inside = 0;
      for (const QImage& drawing : {full, checks}) {
        QVERIFY(page.drawPanel()->canvas()->setDrawing(drawing));
        QVERIFY2(!page.drawnCode().empty(), qPrintable(page.drawPanel()->caption()));
        const std::vector<float> sigmas = page.decoder().sigmasOf(page.drawnCode().mean);
        QVERIFY(sigmas.size() >= 2);
        const auto [dx, dy] = page.explorer()->dimensions();
        const bool out = std::abs(sigmas[size_t(dx)]) > 3 || std::abs(sigmas[size_t(dy)]) > 3;
        const QString caption = page.drawPanel()->caption();
        QVERIFY2(caption.contains(QStringLiteral("±3σ")) == out, qPrintable(caption));
        if (out) {
          ++beyond;
          // The sliders stop at the edge, the caption names how far out it is.
          QVERIFY(std::abs(page.explorer()->latent().x()) <= 3.0 + 1e-9 && std::abs(page.explorer()->latent().y()) <= 3.0 + 1e-9);
          const size_t far = std::abs(sigmas[size_t(dx)]) > 3 ? size_t(dx) : size_t(dy);
          const QString how = QCoreApplication::translate("ExplorePage", "%1σ in z%2").arg(sigmas[far], 0, 'f', 1).arg(far + 1);
          QVERIFY2(caption.contains(how), qPrintable(caption));
          LAYOUT_OK(&page);  // the longer caption wraps
        } else {
          ++inside;
        }
      }
      QVERIFY2(beyond > 0, qPrintable(run));  // the case this test is about did occur
    }
  }

  // Straight and spherical paths by hand: a = (3, 4), b = (4, −3), both of length 5, 90° apart.
  void walksByHand() {
    const LatentWalk::Code a{3.f, 4.f}, b{4.f, -3.f};
    const auto line = LatentWalk::between(a, b, 3, false);
    QCOMPARE(int(line.size()), 3);
    QCOMPARE(line[0], a);
    QCOMPARE(line[2], b);
    QVERIFY(std::abs(line[1][0] - 3.5f) < 1e-6 && std::abs(line[1][1] - 0.5f) < 1e-6);
    const auto arc = LatentWalk::between(a, b, 5, true);
    QCOMPARE(arc.front(), a);
    QCOMPARE(arc.back(), b);
    for (const auto& z : arc)
      QVERIFY(std::abs(norm(z) - 5.0) < 1e-5);
    // Halfway along the arc: 5 · (a + b)/|a + b| = 5 · (7, 1)/√50.
    QVERIFY(std::abs(arc[2][0] - 5 * 7 / std::sqrt(50.0)) < 1e-5 && std::abs(arc[2][1] - 5 / std::sqrt(50.0)) < 1e-5);
    // Different lengths: the length goes evenly from |a| to |b|.
    const auto grow = LatentWalk::between({1.f, 0.f}, {0.f, 3.f}, 3, true);
    QVERIFY(std::abs(norm(grow[1]) - 2.0) < 1e-5);
    QVERIFY(LatentWalk::between(a, {1.f}, 4, false).empty());
  }

  // The page's walk: endpoints exactly the chosen codes, one decoded image per step; saved as a
  // strip, a GIF of N frames and a CSV that reads back every code.
  void walkIsSavedAsStripGifAndCsv() {
    const LayoutCheck::SystemLanguage language;  // Chinese in the suite's zh_CN pass
    ExplorePage page;
    page.show();
    QVERIFY(page.openRun(m_run).ok());
    page.walkPanel()->setSteps(7);
    page.walkPanel()->setSpherical(true);
    const LatentWalk::Code a{-1.5f, 0.5f}, b{1.0f, 1.25f};
    page.setWalkEnds(a, b);
    const auto codes = page.walkCodes();
    QCOMPARE(int(codes.size()), 7);
    QCOMPARE(codes.front(), a);
    QCOMPARE(codes.back(), b);
    QCOMPARE(page.walkFrames().size(), 7);
    QCOMPARE(page.walkFrames()[3], page.decoder().decode(codes[3]));
    QCOMPARE(page.walkPanel()->strip().size(), QSize(7 * 28, 28));
    auto* pad = page.findChild<LatentPad*>(QStringLiteral("latentPad"));
    QCOMPARE(pad->walk().size(), 7);
    page.findChild<QTabWidget*>(QStringLiteral("exploreTools"))->setCurrentWidget(page.walkPanel());
    LAYOUT_OK(&page);

    QTemporaryDir out;
    QCOMPARE(page.saveWalkStrip(out.filePath(QStringLiteral("walk.png"))).error, QString());
    QCOMPARE(QImage(out.filePath(QStringLiteral("walk.png"))).size(), QSize(7 * 84, 84));  // 28-px digits, 3× enlarged
    QCOMPARE(page.saveWalkAnimation(out.filePath(QStringLiteral("walk.gif"))).error, QString());
    const auto frames = gifFrameCount(out.filePath(QStringLiteral("walk.gif")));
    QVERIFY2(frames.ok(), qPrintable(frames.error));
    QCOMPARE(frames.value, 7);
    QCOMPARE(page.saveWalkCodes(out.filePath(QStringLiteral("walk.csv"))).error, QString());
    QFile csv(out.filePath(QStringLiteral("walk.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 8);
    QCOMPARE(lines[0], QStringLiteral("step,t,z1,z2"));
    for (int s = 0; s < 7; ++s) {
      const QStringList fields = lines[s + 1].split(QLatin1Char(','));
      QCOMPARE(fields.size(), 4);
      QCOMPARE(fields[0].toInt(), s);
      bool ok = false;
      QCOMPARE(fields[2].toFloat(&ok), codes[size_t(s)][0]);  // C-locale parsing: a dot in every locale
      QVERIFY(ok);
      QCOMPARE(fields[3].toFloat(&ok), codes[size_t(s)][1]);
    }
    // Nothing to save yet: a message, no file.
    ExplorePage empty;
    QVERIFY(!empty.saveWalkCodes(out.filePath(QStringLiteral("none.csv"))).ok());
    QVERIFY(!QFile::exists(out.filePath(QStringLiteral("none.csv"))));
  }

  // Two runs side by side (the auto-encoder beside the VAE): linked, moving the sliders moves the
  // other's point and image, and dragging on the other's map moves the sliders.
  void linkedSlidersMoveBothRuns() {
    const LayoutCheck::SystemLanguage language;  // Chinese in the suite's zh_CN pass
    ExplorePage page;
    page.resize(1280, 720);  // the page's part of a 1280×800 window
    page.show();
    QVERIFY(page.openRun(m_run).ok());
    QVERIFY(page.openComparison(m_autoencoder).ok());
    auto* panel = page.comparePanel();
    QVERIFY(panel->linked());
    const DecoderSnapshot other = page.comparisonDecoder();
    QVERIFY(!other.isNull());
    page.explorer()->setLatent({1.2, -0.7});
    const QPointF z = page.explorer()->latent();
    // The auto-encoder's codes spread like its data: the same σ, its own mean and spread.
    QCOMPARE(panel->decodedImage(), other.decode(other.codeAt({float(z.x()), float(z.y())})));
    QVERIFY(std::abs(panel->pad()->position().x() - LatentAxis::latentToFraction(z.x())) < 1e-9);
    page.explorer()->setLatent({-2.0, 0.4});
    QCOMPARE(panel->decodedImage(), other.decode(other.codeAt({float(page.explorer()->latent().x()),
                                                               float(page.explorer()->latent().y())})));
    // Its map arrives from a pool thread, with its own encoded held-out digits.
    QTRY_VERIFY_WITH_TIMEOUT(!panel->pad()->background().isNull() && !panel->pad()->points().isEmpty(), 30000);
    // Dragging on the other's map moves this run's sliders.
    page.findChild<QTabWidget*>(QStringLiteral("exploreTools"))->setCurrentWidget(panel);
    LatentPad* pad = panel->pad();
    QTRY_VERIFY(pad->width() > 100);
    const int side = std::min(pad->width(), pad->height()) - 2;
    const QRect r((pad->width() - side) / 2, (pad->height() - side) / 2, side, side);
    const QPoint click(r.left() + r.width() / 4, r.top() + r.height() / 4);
    QTest::mouseClick(pad, Qt::LeftButton, {}, click);
    const double fx = double(click.x() - r.left()) / r.width(), fy = double(r.bottom() - click.y()) / r.height();
    QVERIFY(std::abs(page.explorer()->latent().x() - LatentAxis::fractionToLatent(fx)) < 0.01);
    QVERIFY(std::abs(page.explorer()->latent().y() - LatentAxis::fractionToLatent(fy)) < 0.01);
    LAYOUT_OK(&page);  // two runs side by side
    // Unlinked, the other stays where it was.
    panel->setLinked(false);
    const QImage before = panel->decodedImage();
    page.explorer()->setLatent({0.0, 0.0});
    QCOMPARE(panel->decodedImage(), before);
    QVERIFY(!page.openComparison(m_dir.filePath(QStringLiteral("no-such-run"))).ok());
  }

  // A code of more than two dimensions: random draws, each with the sliders' two dimensions.
  // A CVAE (told the class): the class box lists the data's classes, the strip under it is the
  // code the sliders set decoded as every class, another class changes the digit and not the code,
  // and the held-out digits are encoded each with its own class.
  void cvaeDrawsOneStyleAsEveryClass() {
    const LayoutCheck::SystemLanguage language;  // Chinese in the suite's zh_CN pass
    const QString run = TestData::trainOneEpoch(m_dir.path(), 2, QStringLiteral("vae"), /*byClass=*/true);
    QVERIFY(!run.isEmpty());
    ExplorePage page;
    page.resize(1280, 720);
    page.show();
    QVERIFY(page.openRun(run).ok());
    QCOMPARE(page.decoder().classes(), 10);
    auto* classes = page.findChild<QComboBox*>(QStringLiteral("classCombo"));
    QVERIFY(classes && classes->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(classes->count(), 10, 10000);
    QCOMPARE(classes->itemText(7), QStringLiteral("7"));
    page.explorer()->setLatent({0.6, -0.9});
    const QPointF at = page.explorer()->latent();  // on the sliders' steps
    const auto z = page.decoder().codeAt({float(at.x()), float(at.y())});
    const QImage strip = page.explorer()->everyClassImage();
    QCOMPARE(strip.size(), QSize(10 * 29 + 1, 30));
    for (int c = 0; c < 10; ++c)  // cell c is the code decoded as class c
      QCOMPARE(strip.copy(1 + c * 29, 1, 28, 28).convertToFormat(QImage::Format_Grayscale8),
               page.decoder().decode(z, c).convertToFormat(QImage::Format_Grayscale8));
    const QImage zero = page.explorer()->decodedImage();
    classes->setCurrentIndex(3);
    QCOMPARE(page.decoder().drawnClass(), 3);
    QCOMPARE(page.explorer()->latent(), at);  // the style stays
    QVERIFY(page.explorer()->decodedImage() != zero);
    QCOMPARE(page.explorer()->decodedImage(), page.decoder().decode(z, 3));
    LAYOUT_OK(&page);  // the class row and the strip fit
    // The map: held-out digit i at the code its encoder gives it with its own label.
    QTRY_VERIFY_WITH_TIMEOUT(page.scatterCodes().count > 0, 30000);
    const auto items = page.heldOut();
    const auto own = page.decoder().encode(items->itemValues(0), 1, {items->labels[0]});
    const auto other = page.decoder().encode(items->itemValues(0), 1, {(items->labels[0] + 1) % 10});
    QVERIFY(std::abs(page.scatterCodes().mean[0] - own.mean[0]) < 1e-5f);
    QVERIFY(std::abs(page.scatterCodes().mean[0] - other.mean[0]) > 1e-6f);
    // A model not told the class has no class box.
    QVERIFY(page.openRun(m_run).ok());
    QVERIFY(!classes->isVisible());
  }

  void randomDrawsKeepTheSlidersDimensions() {
    const LayoutCheck::SystemLanguage language;  // Chinese in the suite's zh_CN pass
    const QString run = TestData::trainOneEpoch(m_dir.path(), 6);
    QVERIFY(!run.isEmpty());
    ExplorePage page;
    page.show();
    QVERIFY(page.openRun(run).ok());
    QSignalSpy drawn(&page, &ExplorePage::randomDrawsUpdated);
    page.explorer()->setLatent({0.8, -1.1});
    QTRY_VERIFY_WITH_TIMEOUT(!page.randomDraws().isNull() && drawn.count() > 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(page.randomDraws(),
                              randomDrawsAt(page.decoder(), 8, page.explorer()->dimensions(), page.explorer()->latent(), 1),
                              10000);
    QCOMPARE(page.randomDraws().size(), QSize(8 * 28, 8 * 28));
    LAYOUT_OK(&page);  // six dimensions: the dimension pickers shown
    // Cells differ (the other four dimensions are random)…
    QVERIFY(page.randomDraws().copy(0, 0, 28, 28) != page.randomDraws().copy(28, 0, 28, 28));
    // …and each is the decoder's image of a code whose z1, z2 are the sliders'.
    std::mt19937_64 rng(1);
    std::normal_distribution<float> normal;
    std::vector<float> s(6);
    for (float& v : s)
      v = normal(rng);
    s[0] = float(page.explorer()->latent().x());
    s[1] = float(page.explorer()->latent().y());
    QCOMPARE(page.randomDraws().copy(0, 0, 28, 28), page.decoder().decode(page.decoder().codeAt(s)));
  }
};

QTEST_MAIN(tst_ExplorePage)
#include "tst_explorepage.moc"
