// SPDX-License-Identifier: GPL-3.0-or-later
// The Explore page's second run (side by side, sliders linked) and its random draws.
#include "explorepage.h"

#include "comparepanel.h"
#include "digitview.h"
#include "latentaxis.h"
#include "latentexplorer.h"
#include "latentgrids.h"
#include "latentpad.h"
#include "runfolder.h"
#include "runinspection.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QThreadPool>
#include <QVBoxLayout>

namespace {
constexpr int kCompareCells = 15, kDrawCells = 8;
}  // namespace

void ExplorePage::buildComparePanels() {
  m_compare = new ComparePanel(this);
  m_compare->setObjectName(QStringLiteral("comparePanel"));
  connect(m_compare, &ComparePanel::openRequested, this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a run to compare"),
                                                           m_run.isEmpty() ? RunFolder::defaultRunsFolder() : QFileInfo(m_run).absolutePath());
    if (folder.isEmpty())
      return;
    if (const Status opened = openComparison(folder); !opened.ok())
      QMessageBox::warning(this, tr("Compare runs"), opened.error);
  });
  connect(m_compare, &ComparePanel::moved, m_explore,
          [this](QPointF f) { m_explore->setLatent({LatentAxis::fractionToLatent(f.x()), LatentAxis::fractionToLatent(f.y())}); });
  connect(m_compare, &ComparePanel::linkedChanged, this, &ExplorePage::showComparison);
  m_explore->addToolPanel(m_compare, tr("Compare"));

  m_drawsPanel = new QWidget(this);
  m_drawsPanel->setObjectName(QStringLiteral("randomDrawsPanel"));
  m_draws = new DigitView(m_drawsPanel);
  m_draws->setObjectName(QStringLiteral("randomDraws"));
  m_drawsCaption = new QLabel(m_drawsPanel);
  m_drawsCaption->setWordWrap(true);
  auto* reroll = new QPushButton(tr("&New draws"), m_drawsPanel);
  reroll->setObjectName(QStringLiteral("newDrawsButton"));
  connect(reroll, &QPushButton::clicked, this, [this] {
    ++m_drawsSeed;
    redrawRandomDraws();
  });
  auto* layout = new QVBoxLayout(m_drawsPanel);
  layout->addWidget(m_draws, 1);
  layout->addWidget(m_drawsCaption);
  layout->addWidget(reroll, 0, Qt::AlignLeft);
  m_explore->addToolPanel(m_drawsPanel, tr("Random draws"));
  m_explore->setToolPanelVisible(m_drawsPanel, false);
}

Status ExplorePage::openComparison(const QString& folder) {
  const auto loaded = RunInspection::loadDecoder(folder);
  if (!loaded.ok())
    return {loaded.error};
  m_other = loaded.value.first;
  m_otherRun = folder;
  const ModelFamily& family = *loaded.value.second;
  m_compare->setDescription(tr("%1 with a %2-D code, after %3 steps. Run: %4")
                                .arg(family.displayName())
                                .arg(m_other.latentDim())
                                .arg(m_other.step())
                                .arg(folder));
  m_compare->pad()->setPoints({});
  m_compare->pad()->setBackground({});
  redrawComparison();
  showComparison();
  return {};
}

void ExplorePage::redrawComparison() {
  if (m_other.isNull())
    return;
  m_otherDims = m_explore->dimensions();
  // Its grid and its encoded held-out data, on a pool thread like this run's.
  QThreadPool::globalInstance()->start([decoder = m_other, folder = m_otherRun, dims = m_otherDims,
                                        guard = QPointer<ExplorePage>(this)] {
    const int d = decoder.latentDim();
    const QPair<int, int> own{std::min(dims.first, d - 1), std::min(dims.second, d - 1)};
    const QImage grid = latentGrid(decoder, kCompareCells, own, std::vector<float>(size_t(d), 0.f));
    QVector<PadPoint> points;
    if (decoder.hasEncoder()) {
      const auto items = RunInspection::loadHeldOut(folder, kScatterItems);
      if (items.ok()) {
        const auto codes = decoder.encode(items.value.values, items.value.count);
        for (int64_t i = 0; i < codes.count; ++i) {
          const float* m = codes.mean.data() + size_t(i) * size_t(codes.dim);
          const auto s = decoder.sigmasOf(std::vector<float>(m, m + codes.dim));
          const double y = d > 1 ? LatentAxis::latentToFraction(s[size_t(own.second)]) : 0.5;
          points.push_back({{LatentAxis::latentToFraction(s[size_t(own.first)]), y},
                            size_t(i) < items.value.labels.size() ? items.value.labels[size_t(i)] : -1});
        }
      }
    }
    QMetaObject::invokeMethod(qApp, [guard, folder, dims, grid, points] {
      if (!guard || guard->m_otherRun != folder || guard->m_otherDims != dims)
        return;
      guard->m_compare->pad()->setBackground(grid);
      guard->m_compare->pad()->setPoints(points);
    });
  });
}

void ExplorePage::showComparison() {
  if (m_other.isNull() || !m_compare->linked())
    return;
  const int d = m_other.latentDim();
  const auto [dx, dy] = m_explore->dimensions();
  const QPointF p = m_explore->latent();
  std::vector<float> sigmas(size_t(d), 0.f);
  sigmas[size_t(std::min(dx, d - 1))] = float(p.x());
  if (d > 1)
    sigmas[size_t(std::min(dy, d - 1))] = float(p.y());
  m_compare->pad()->setPosition({LatentAxis::latentToFraction(p.x()), LatentAxis::latentToFraction(p.y())});
  m_compare->setDecodedImage(m_other.decode(m_other.codeAt(sigmas)));
}

void ExplorePage::redrawRandomDraws() {
  const bool many = m_decoder.latentDim() > 2 && !m_decoder.drawsPoints();
  m_explore->setToolPanelVisible(m_drawsPanel, many);
  if (!many)
    return;
  if (m_drawsBusy) {
    m_drawsAgain = true;
    return;
  }
  m_drawsBusy = true;
  const auto dims = m_explore->dimensions();
  const QPointF at = m_explore->latent();
  m_drawsCaption->setText(tr("%1 codes drawn at random, each with z%2 = %3σ and z%4 = %5σ as the sliders set them: "
                             "what the other %6 dimensions add at this point of the map.")
                              .arg(kDrawCells * kDrawCells)
                              .arg(dims.first + 1)
                              .arg(at.x(), 0, 'f', 2)
                              .arg(dims.second + 1)
                              .arg(at.y(), 0, 'f', 2)
                              .arg(m_decoder.latentDim() - 2));
  QThreadPool::globalInstance()->start([decoder = m_decoder, dims, at, seed = m_drawsSeed, guard = QPointer<ExplorePage>(this)] {
    const QImage grid = randomDrawsAt(decoder, kDrawCells, dims, at, seed);
    QMetaObject::invokeMethod(qApp, [guard, grid] {
      if (!guard)
        return;
      guard->m_drawsImage = grid;
      guard->m_draws->setImage(grid);
      guard->m_drawsBusy = false;
      Q_EMIT guard->randomDrawsUpdated();
      if (std::exchange(guard->m_drawsAgain, false))
        guard->redrawRandomDraws();
    });
  });
}
