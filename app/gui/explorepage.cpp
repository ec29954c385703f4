// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorepage.h"

#include "drawpanel.h"
#include "latentaxis.h"
#include "latentexplorer.h"
#include "latentgrids.h"
#include "latentpad.h"
#include "runinspection.h"
#include "walkpanel.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>
#include <random>

namespace {

constexpr int kManifoldCells = 15;

}  // namespace

ExplorePage::ExplorePage(QWidget* parent) : QWidget(parent) {
  m_explore = new LatentExplorer(this);
  m_explore->setObjectName(QStringLiteral("latentExplorer"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_explore);

  m_manifoldTimer = new QTimer(this);
  m_manifoldTimer->setSingleShot(true);
  m_manifoldTimer->setInterval(400);  // the grid is 225 decodes (~4 ms): refresh it 2.5× a second while training
  connect(m_manifoldTimer, &QTimer::timeout, this, &ExplorePage::redrawManifold);
  m_scatterTimer = new QTimer(this);
  m_scatterTimer->setSingleShot(true);
  m_scatterTimer->setInterval(500);  // while training, the held-out data is re-encoded at most twice a second
  connect(m_scatterTimer, &QTimer::timeout, this, &ExplorePage::encodeScatter);
  connect(m_explore, &LatentExplorer::latentChanged, this, [this] {
    redrawDigit();
    showComparison();
    redrawRandomDraws();
    // The grid depends on the chosen dimensions and held values, not on the slider position.
    if (m_explore->dimensions() != m_manifoldDims || heldCode() != m_manifoldHeld) {
      redrawManifold();
      projectScatter();
      projectWalk();
      placeDrawing();
      if (m_explore->dimensions() != m_otherDims)
        redrawComparison();
    }
  });
  connect(m_explore->pad(), &LatentPad::pointHovered, this, &ExplorePage::showHovered);
  connect(m_explore->pad(), &LatentPad::pointMenuRequested, this, [this](int index, QPoint at) {
    QMenu menu(this);
    menu.addAction(tr("Walk &from this image"), this, [this, index] { setWalkEnds(itemCode(index), m_walkEnd); });
    menu.addAction(tr("Walk &to this image"), this, [this, index] { setWalkEnds(m_walkStart, itemCode(index)); });
    if (m_decoder.classes() > 0)
      menu.addAction(tr("Its &style, every class"), this, [this, index] { useItemStyle(index); });
    menu.exec(at);
  });

  m_draw = new DrawPanel(this);
  m_draw->setObjectName(QStringLiteral("drawPanel"));
  connect(m_draw->canvas(), &DrawingCanvas::drawingChanged, this, &ExplorePage::encodeDrawing);
  m_explore->addToolPanel(m_draw, tr("Draw"));
  m_walk = new WalkPanel(this);
  m_walk->setObjectName(QStringLiteral("walkPanel"));
  connect(m_walk, &WalkPanel::startHereRequested, this, [this] { setWalkEnds(currentCode(), m_walkEnd); });
  connect(m_walk, &WalkPanel::endHereRequested, this, [this] { setWalkEnds(m_walkStart, currentCode()); });
  connect(m_walk, &WalkPanel::twoRandomRequested, this, [this] {
    std::mt19937 rng(m_walkSeed++);
    std::normal_distribution<float> normal;
    LatentWalk::Code a(size_t(m_decoder.latentDim())), b(a.size());
    for (float& v : a)
      v = normal(rng);
    for (float& v : b)
      v = normal(rng);
    setWalkEnds(m_decoder.codeAt(a), m_decoder.codeAt(b));
  });
  connect(m_walk, &WalkPanel::twoItemsRequested, this, [this] {
    if (m_codes.count < 2)
      return;
    std::mt19937 rng(m_walkSeed++);
    std::uniform_int_distribution<int> pick(0, int(m_codes.count) - 1);
    // Two of different classes where the data has them (a walk from a 3 to a 7 says more).
    const int i = pick(rng);
    int j = pick(rng);
    const auto& labels = m_heldOut ? m_heldOut->labels : std::vector<int>();
    for (int tries = 0; tries < 50 && (j == i || (size_t(j) < labels.size() && labels[size_t(j)] == labels[size_t(i)]));
         ++tries)
      j = pick(rng);
    if (j == i)
      j = (i + 1) % int(m_codes.count);
    setWalkEnds(itemCode(i), itemCode(j));
  });
  connect(m_walk, &WalkPanel::walkChanged, this, &ExplorePage::updateWalk);
  connect(m_walk, &WalkPanel::saveStripRequested, this, [this] { saveWalk(0); });
  connect(m_walk, &WalkPanel::saveAnimationRequested, this, [this] { saveWalk(1); });
  connect(m_walk, &WalkPanel::saveCodesRequested, this, [this] { saveWalk(2); });
  m_explore->addToolPanel(m_walk, tr("Walk"));
  buildComparePanels();
  connect(m_explore, &LatentExplorer::rerollRequested, this, [this] {
    ++m_rerollSeed;
    redrawDigit();
    redrawManifold();
  });
  connect(m_explore, &LatentExplorer::classChanged, this, [this](int label) {
    // The code stays: the same style, drawn as another class.
    m_decoder = m_decoder.withClass(label);
    redrawDigit();
    redrawManifold();
    redrawRandomDraws();
    refreshWalk();
  });
  connect(m_explore, &LatentExplorer::trainDefaultRequested, this, &ExplorePage::trainDefaultRequested);
  connect(m_explore, &LatentExplorer::getDigitsRequested, this, &ExplorePage::getDigitsRequested);
}

ExplorePage::~ExplorePage() {
  QThreadPool::globalInstance()->waitForDone();  // a manifold render may still hold `this`
}

Status ExplorePage::openRun(const QString& folder) {
  const auto loaded = RunInspection::loadDecoder(folder);
  if (!loaded.ok())
    return {loaded.error};
  m_explore->setFollowTraining(false);  // the user chose what to look at
  showModel(loaded.value.first, folder, *loaded.value.second);
  return {};
}

bool ExplorePage::followsTraining() const { return m_explore->followsTraining(); }

void ExplorePage::setFollowTraining(bool follow) { m_explore->setFollowTraining(follow); }

void ExplorePage::setTrainingRunning(bool running, const QString& status) {
  m_explore->setTrainingRunning(running);
  m_explore->setTrainingStatus(running && followsTraining() ? status : QString());
}

void ExplorePage::showTrainingDecoder(const DecoderSnapshot& decoder, const QString& folder, const ModelFamily& family) {
  if (decoder.isNull() || (!followsTraining() && !m_decoder.isNull()))
    return;
  showModel(decoder, folder, family);
}

void ExplorePage::showModel(const DecoderSnapshot& decoder, const QString& folder, const ModelFamily& family) {
  const bool newRun = folder != m_run || decoder.latentDim() != m_decoder.latentDim();
  showClasses(decoder.classes());
  m_decoder = decoder.withClass(m_explore->currentClass());
  m_run = folder;
  m_imageData = family.data == DataKind::Images;
  if (newRun)  // refined by the held-out data's classes once they are read
    m_digits = decoder.side() == 28 && decoder.channels() == 1;
  if (newRun) {
    m_codes = {};
    m_codesStep = -1;
    m_drawnCode = {};
    m_drawnItem.clear();
    m_explore->pad()->setContours({}, {});
    m_walkStart.clear();
    m_walkEnd.clear();
    updateWalk();
    m_explore->setScatter({}, {}, QString());
    m_explore->setHoverPreview({}, {}, QString());
  }
  m_explore->setToolPanelVisible(m_draw, decoder.hasEncoder() && m_imageData);
  loadHeldOut(folder);
  if (decoder.hasEncoder() && !m_scatterTimer->isActive())
    m_scatterTimer->start(m_codesStep < 0 ? 0 : 500);
  m_explore->setHasModel(true);
  m_explore->setLatentDim(decoder.latentDim());
  m_explore->setDrawsPoints(decoder.drawsPoints());
  QString notes;
  if (decoder.latentDim() > 2)
    notes += tr("; choose below which two dimensions the sliders move");
  if (family.codesSpreadLikeData)
    notes += tr("; its codes are not drawn towards N(0, 1), so the sliders span the codes' mean ± 3 standard deviations");
  if (family.data == DataKind::Points)
    notes += tr("; the red dot is the point it makes from the code, drawn over the held-out data (grey)");
  if (decoder.classes() > 0)
    notes += tr("; told each image's class: pick it under the sliders, which then move the style");
  m_explore->setModelDescription(tr("%1 with a %2-D latent code, after %3 training steps%4. Run: %5")
                                     .arg(family.displayName())
                                     .arg(decoder.latentDim()).arg(decoder.step()).arg(notes, folder));
  redrawDigit();
  redrawRandomDraws();
  if (!m_manifoldTimer->isActive())
    m_manifoldTimer->start();
  if (!newRun)
    refreshWalk();  // the same codes through the newer decoder
}

std::vector<float> ExplorePage::heldCode() const {
  // The dimensions the sliders do not move: 0, or a seeded draw from the prior (in σ units).
  std::vector<float> z(size_t(m_decoder.latentDim()), 0.f);
  if (m_explore->othersAtRandom()) {
    std::mt19937 rng(m_rerollSeed);
    std::normal_distribution<float> normal;
    for (float& v : z)
      v = normal(rng);
  }
  return z;
}

LatentWalk::Code ExplorePage::itemCode(int index) const {
  if (index < 0 || index >= m_codes.count)
    return {};
  const float* m = m_codes.mean.data() + size_t(index) * size_t(m_codes.dim);
  return LatentWalk::Code(m, m + m_codes.dim);
}

LatentWalk::Code ExplorePage::currentCode() const {
  std::vector<float> z = heldCode();
  const auto [dx, dy] = m_explore->dimensions();
  const QPointF p = m_explore->latent();
  if (z.empty())
    return z;
  z[size_t(dx)] = float(p.x());
  if (z.size() > 1)
    z[size_t(dy)] = float(p.y());
  return m_decoder.codeAt(z);
}

void ExplorePage::redrawDigit() {
  if (m_decoder.isNull())
    return;
  const auto code = currentCode();
  m_explore->setDecodedImage(m_decoder.decode(code));
  m_explore->setEveryClassImage(m_decoder.everyClass(code));
}

void ExplorePage::showClasses(int classes) {
  QStringList names;
  for (int i = 0; i < classes; ++i)
    names << (m_heldOut && m_heldOut->classNames.size() == classes ? m_heldOut->classNames[i] : QString::number(i));
  m_explore->setClasses(names);
}

void ExplorePage::useItemStyle(int index) {
  const auto code = itemCode(index);
  if (code.empty() || !m_heldOut || size_t(index) >= m_heldOut->labels.size())
    return;
  m_explore->setCurrentClass(m_heldOut->labels[size_t(index)]);
  const std::vector<float> sigmas = m_decoder.sigmasOf(code);
  const auto [dx, dy] = m_explore->dimensions();
  m_explore->setLatent({sigmas[size_t(dx)], sigmas.size() > 1 ? double(sigmas[size_t(dy)]) : 0.0});
}

void ExplorePage::redrawManifold() {
  if (m_decoder.isNull())
    return;
  if (m_manifoldBusy) {  // one render at a time; the newest decoder is drawn next
    m_manifoldAgain = true;
    return;
  }
  m_manifoldBusy = true;
  m_manifoldDims = m_explore->dimensions();
  m_manifoldHeld = heldCode();
  // 225 decodes take a few ms: done on a pool thread so that dragging never waits for them.
  // The snapshot is immutable and shared, so reading it there is safe.
  QThreadPool::globalInstance()->start([decoder = m_decoder, dims = m_manifoldDims, held = m_manifoldHeld,
                                        guard = QPointer<ExplorePage>(this)] {
    const QImage grid = latentGrid(decoder, kManifoldCells, dims, held);
    QMetaObject::invokeMethod(qApp, [guard, grid] {
      if (!guard)
        return;
      guard->m_explore->setManifold(grid);
      guard->m_manifoldBusy = false;
      if (std::exchange(guard->m_manifoldAgain, false))
        guard->redrawManifold();
    });
  });
}
