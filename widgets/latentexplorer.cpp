// SPDX-License-Identifier: GPL-3.0-or-later
#include "latentexplorer.h"

#include "digitview.h"
#include "latentaxis.h"
#include "latentpad.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

LatentExplorer::LatentExplorer(QWidget* parent) : QWidget(parent) {
  m_stack = new QStackedWidget(this);
  m_stack->addWidget(buildNoModelPage());
  m_stack->addWidget(buildExplorerPage());

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_stack);
  showLatent();
}

QWidget* LatentExplorer::buildNoModelPage() {
  auto* empty = new QWidget(m_stack);
  auto* title = new QLabel(tr("<h2>No trained model yet</h2>"
                              "<p>A variational auto-encoder (VAE) learns to squeeze every MNIST digit into a "
                              "code of two numbers and to draw a digit back from any such code. Once it is "
                              "trained, two sliders here move through that code and you watch the digits "
                              "morph into one another.</p>"
                              "<p>Training the default model (2-D code, 9,000 digits) takes about a minute; "
                              "you can explore while it learns.</p>"),
                           empty);
  title->setWordWrap(true);
  m_trainDefault = new QPushButton(tr("Train the default VAE"), empty);
  m_trainDefault->setObjectName(QStringLiteral("trainDefaultButton"));
  m_trainDefault->setMinimumHeight(40);
  connect(m_trainDefault, &QPushButton::clicked, this, &LatentExplorer::trainDefaultRequested);
  m_digitsMissing = new QLabel(tr("<p><b>The MNIST digits are not on this computer yet.</b> GenLab downloads them "
                                   "(11 MB) or imports them from a file you have.</p>"),
                                empty);
  m_digitsMissing->setObjectName(QStringLiteral("digitsMissing"));
  m_digitsMissing->setWordWrap(true);
  m_digitsMissing->hide();
  m_getDigits = new QPushButton(tr("Get the MNIST digits…"), empty);
  m_getDigits->setObjectName(QStringLiteral("getDigitsButton"));
  m_getDigits->setMinimumHeight(40);
  m_getDigits->hide();
  connect(m_getDigits, &QPushButton::clicked, this, &LatentExplorer::getDigitsRequested);
  m_emptyStatus = new QLabel(empty);
  m_emptyStatus->setWordWrap(true);
  // A fixed-width column: word-wrapped labels get their full height only inside a plain layout.
  auto* column = new QWidget(empty);
  column->setFixedWidth(640);
  auto* cv = new QVBoxLayout(column);
  title->setMinimumHeight(title->heightForWidth(620));
  m_digitsMissing->setMinimumHeight(m_digitsMissing->heightForWidth(620));
  cv->addWidget(title);
  cv->addWidget(m_digitsMissing);
  cv->addWidget(m_getDigits);
  cv->addWidget(m_trainDefault);
  cv->addWidget(m_emptyStatus);
  auto* ev = new QVBoxLayout(empty);
  ev->addStretch(1);
  ev->addWidget(column, 0, Qt::AlignHCenter);
  ev->addStretch(2);
  return empty;
}

QWidget* LatentExplorer::buildExplorerPage() {
  auto* page = new QWidget(m_stack);
  m_description = new QLabel(page);
  m_description->setObjectName(QStringLiteral("modelDescription"));
  m_description->setWordWrap(true);
  m_status = new QLabel(page);
  m_status->setObjectName(QStringLiteral("trainingStatus"));
  m_status->setStyleSheet(QStringLiteral("color: #1f6feb; font-weight: bold;"));
  m_status->hide();
  m_follow = new QCheckBox(tr("Follo&w the training run (show its model as it learns)"), page);
  m_follow->setObjectName(QStringLiteral("followTrainingCheck"));
  m_follow->setToolTip(tr("Off: this page keeps the run you opened while another one trains."));
  m_follow->hide();
  connect(m_follow, &QCheckBox::toggled, this, &LatentExplorer::followTrainingChanged);

  QGroupBox* decodedBox = buildDecodedDigitBox(page);
  QGroupBox* padBox = buildLatentPadBox(page);

  m_tools = new QTabWidget(page);
  m_tools->setObjectName(QStringLiteral("exploreTools"));
  m_tools->hide();

  auto* row = new QHBoxLayout;
  row->addWidget(decodedBox, 3);
  row->addWidget(padBox, 4);
  row->addWidget(m_tools, 3);
  auto* pl = new QVBoxLayout(page);
  pl->addWidget(m_description);
  pl->addWidget(m_status);
  pl->addWidget(m_follow);
  pl->addLayout(row, 1);
  return page;
}

QGroupBox* LatentExplorer::buildDecodedDigitBox(QWidget* page) {
  auto* decodedBox = new QGroupBox(tr("Decoded digit"), page);
  m_decodedBox = decodedBox;
  decodedBox->setObjectName(QStringLiteral("decodedBox"));
  m_digit = new DigitView(decodedBox);
  m_digit->setObjectName(QStringLiteral("decodedDigit"));
  auto* sliders = new QGridLayout;
  for (int i = 0; i < 2; ++i) {
    auto* name = new QLabel(tr("z<sub>%1</sub>").arg(i + 1), decodedBox);
    m_sliders[i] = new QSlider(Qt::Horizontal, decodedBox);
    m_sliders[i]->setObjectName(QStringLiteral("latentSlider%1").arg(i));
    m_sliders[i]->setRange(0, kSliderSteps);
    m_sliders[i]->setValue(kSliderSteps / 2);
    m_sliders[i]->setPageStep(kSliderSteps / 20);
    m_sliders[i]->setToolTip(tr("Latent dimension %1, from −3σ to +3σ. Equal travel covers equal "
                                "probability under the prior N(0, 1).").arg(i + 1));
    name->setBuddy(m_sliders[i]);
    m_values[i] = new QLabel(decodedBox);
    m_values[i]->setObjectName(QStringLiteral("latentValue%1").arg(i));
    m_values[i]->setMinimumWidth(QFontMetrics(font()).horizontalAdvance(QStringLiteral("−0.000")) + 8);
    m_values[i]->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    sliders->addWidget(name, i, 0);
    sliders->addWidget(m_sliders[i], i, 1);
    sliders->addWidget(m_values[i], i, 2);
    connect(m_sliders[i], &QSlider::valueChanged, this, &LatentExplorer::onSliderMoved);
  }
  buildDimensionsRow(decodedBox);
  buildClassRow(decodedBox);

  auto* dv = new QVBoxLayout(decodedBox);
  dv->addWidget(m_digit, 1);
  dv->addLayout(sliders);
  dv->addWidget(m_dimsRow);
  dv->addWidget(m_classRow);
  return decodedBox;
}

// Told the class: which class the sliders draw, and the current style drawn as every class.
void LatentExplorer::buildClassRow(QWidget* decodedBox) {
  m_classRow = new QWidget(decodedBox);
  m_classRow->setObjectName(QStringLiteral("classRow"));
  auto* rows = new QVBoxLayout(m_classRow);
  rows->setContentsMargins(0, 0, 0, 0);
  auto* pick = new QHBoxLayout;
  m_classCombo = new QComboBox(m_classRow);
  m_classCombo->setObjectName(QStringLiteral("classCombo"));
  m_classCombo->setToolTip(tr("The model was told each image's class: pick the one it draws. The sliders then "
                              "move what the class does not say, the style."));
  auto* label = new QLabel(tr("C&lass:"), m_classRow);
  label->setBuddy(m_classCombo);
  pick->addWidget(label);
  pick->addWidget(m_classCombo, 1);
  rows->addLayout(pick);
  m_everyClassCaption = new QLabel(tr("The same style, every class:"), m_classRow);
  rows->addWidget(m_everyClassCaption);
  m_everyClass = new DigitView(m_classRow);
  m_everyClass->setObjectName(QStringLiteral("everyClassStrip"));
  m_everyClass->setAspectRatio(10.0);
  m_everyClass->setToolTip(tr("The code the sliders set, decoded as each class in turn: one handwriting, every digit."));
  rows->addWidget(m_everyClass);
  connect(m_classCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
    if (index >= 0)
      Q_EMIT classChanged(index);
  });
  m_classRow->hide();
}

void LatentExplorer::setClasses(const QStringList& names) {
  QStringList now;
  for (int i = 0; i < m_classCombo->count(); ++i)
    now << m_classCombo->itemText(i);
  if (now != names) {
    const QSignalBlocker block(m_classCombo);
    const int keep = m_classCombo->currentIndex();
    m_classCombo->clear();
    m_classCombo->addItems(names);
    m_classCombo->setCurrentIndex(keep >= 0 && keep < names.size() ? keep : 0);
  }
  m_everyClass->setAspectRatio(std::max(1, int(names.size())));
  m_classRow->setVisible(!names.isEmpty());
}

int LatentExplorer::currentClass() const { return std::max(0, m_classCombo->currentIndex()); }

void LatentExplorer::setCurrentClass(int label) {
  if (label >= 0 && label < m_classCombo->count())
    m_classCombo->setCurrentIndex(label);
}

void LatentExplorer::setEveryClassImage(const QImage& strip) { m_everyClass->setImage(strip); }

QImage LatentExplorer::everyClassImage() const { return m_everyClass->image(); }

// Which two of d > 2 dimensions the sliders move, and what the others hold.
void LatentExplorer::buildDimensionsRow(QWidget* decodedBox) {
  // Two rows: the axes, then what the other dimensions hold (one row does not fit beside the map
  // on a 1280-px screen).
  m_dimsRow = new QWidget(decodedBox);
  auto* rows = new QVBoxLayout(m_dimsRow);
  rows->setContentsMargins(0, 0, 0, 0);
  auto* dims = new QHBoxLayout;
  auto* othersRow = new QHBoxLayout;
  rows->addLayout(dims);
  rows->addLayout(othersRow);
  const QString axisNames[2] = {tr("Hori&zontal:"), tr("Vert&ical:")};
  for (int i = 0; i < 2; ++i) {
    m_dimCombos[i] = new QComboBox(m_dimsRow);
    m_dimCombos[i]->setObjectName(QStringLiteral("dimensionCombo%1").arg(i));
    auto* label = new QLabel(axisNames[i], m_dimsRow);
    label->setBuddy(m_dimCombos[i]);
    dims->addWidget(label);
    dims->addWidget(m_dimCombos[i]);
    connect(m_dimCombos[i], &QComboBox::activated, this, [this] { Q_EMIT latentChanged(latent()); });
  }
  m_others = new QComboBox(m_dimsRow);
  m_others->setObjectName(QStringLiteral("othersCombo"));
  m_others->addItem(tr("others at 0"));
  m_others->addItem(tr("others at a random draw"));
  m_reroll = new QPushButton(tr("&Reroll"), m_dimsRow);
  m_reroll->setObjectName(QStringLiteral("rerollButton"));
  m_reroll->setToolTip(tr("A new random draw for the dimensions the sliders do not move."));
  m_reroll->setEnabled(false);
  connect(m_others, &QComboBox::currentIndexChanged, this, [this] {
    m_reroll->setEnabled(othersAtRandom());
    Q_EMIT latentChanged(latent());
  });
  connect(m_reroll, &QPushButton::clicked, this, &LatentExplorer::rerollRequested);
  dims->addStretch(1);
  othersRow->addWidget(m_others);
  othersRow->addWidget(m_reroll);
  othersRow->addStretch(1);
  m_dimsRow->hide();
}

QGroupBox* LatentExplorer::buildLatentPadBox(QWidget* page) {
  auto* padBox = new QGroupBox(tr("Latent space (decoded on a grid; drag to move)"), page);
  m_pad = new LatentPad(padBox);
  m_pad->setObjectName(QStringLiteral("latentPad"));
  connect(m_pad, &LatentPad::moved, this, &LatentExplorer::onPadMoved);
  m_padCaption = new QLabel(padBox);
  m_padCaption->setWordWrap(true);
  setDrawsPoints(false);
  buildScatterRow(padBox);
  buildHoverPreview(padBox);
  auto* pv = new QVBoxLayout(padBox);
  pv->addWidget(m_pad, 1);
  pv->addWidget(m_padCaption);
  pv->addWidget(m_scatterRow);
  pv->addWidget(m_preview);
  return padBox;
}

// The held-out data on the pad: a toggle and the legend.
void LatentExplorer::buildScatterRow(QWidget* padBox) {
  m_scatterRow = new QWidget(padBox);
  auto* sr = new QVBoxLayout(m_scatterRow);
  sr->setContentsMargins(0, 0, 0, 0);
  m_showScatter = new QCheckBox(tr("Show the held-o&ut data"), m_scatterRow);
  m_showScatter->setObjectName(QStringLiteral("showScatterCheck"));
  m_showScatter->setChecked(true);
  m_showScatter->setToolTip(tr("Each dot is a held-out image at the mean of its code, coloured by its class. "
                               "Rest the pointer on a dot to see the image and what the model makes of it; "
                               "right-click it to start or end a walk there."));
  connect(m_showScatter, &QCheckBox::toggled, this, [this](bool on) {
    m_pad->setPointsVisible(on);
    m_legend->setVisible(on && !m_legend->text().isEmpty());
    Q_EMIT scatterShownChanged(on);
  });
  m_legend = new QLabel(m_scatterRow);
  m_legend->setObjectName(QStringLiteral("scatterLegend"));
  m_legend->setWordWrap(true);
  m_legend->setTextFormat(Qt::RichText);
  sr->addWidget(m_showScatter);
  sr->addWidget(m_legend);
  m_scatterRow->hide();
}

// The held-out item under the pointer and what the model makes of it.
void LatentExplorer::buildHoverPreview(QWidget* padBox) {
  m_preview = new QWidget(padBox);
  auto* prev = new QHBoxLayout(m_preview);
  prev->setContentsMargins(0, 0, 0, 0);
  m_previewItem = new DigitView(m_preview);
  m_previewItem->setObjectName(QStringLiteral("hoveredItem"));
  m_previewRecon = new DigitView(m_preview);
  m_previewRecon->setObjectName(QStringLiteral("hoveredReconstruction"));
  for (DigitView* v : {m_previewItem, m_previewRecon})
    v->setFixedSize(72, 72);
  m_previewCaption = new QLabel(m_preview);
  m_previewCaption->setWordWrap(true);
  prev->addWidget(m_previewItem);
  prev->addWidget(m_previewRecon);
  prev->addWidget(m_previewCaption, 1);
  m_preview->setFixedHeight(76);
  // Hidden, it keeps its room: the pad must not grow and shrink under the pointer.
  QSizePolicy keep = m_preview->sizePolicy();
  keep.setRetainSizeWhenHidden(true);
  m_preview->setSizePolicy(keep);
  m_preview->hide();
  connect(m_pad, &LatentPad::pointHovered, this, [this](int index) {
    if (index < 0)
      m_preview->hide();
  });
}

void LatentExplorer::setHasModel(bool hasModel) { m_stack->setCurrentIndex(hasModel ? 1 : 0); }

bool LatentExplorer::hasModel() const { return m_stack->currentIndex() == 1; }

void LatentExplorer::setDecodedImage(const QImage& image) { m_digit->setImage(image); }

QImage LatentExplorer::decodedImage() const { return m_digit->image(); }

void LatentExplorer::setManifold(const QImage& grid) { m_pad->setBackground(grid); }

void LatentExplorer::setModelDescription(const QString& text) { m_description->setText(text); }

bool LatentExplorer::followsTraining() const { return m_follow->isChecked(); }

void LatentExplorer::setFollowTraining(bool follow) { m_follow->setChecked(follow); }

void LatentExplorer::setTrainingRunning(bool running) { m_follow->setVisible(running); }

void LatentExplorer::setTrainingStatus(const QString& text) {
  m_status->setText(text);
  m_status->setVisible(!text.isEmpty());
  m_emptyStatus->setText(text);
  m_trainDefault->setEnabled(text.isEmpty() && !m_missing);
}

void LatentExplorer::setDigitsMissing(bool missing) {
  m_missing = missing;
  m_digitsMissing->setVisible(missing);
  m_getDigits->setVisible(missing);
  m_trainDefault->setEnabled(!missing && m_emptyStatus->text().isEmpty());
}

void LatentExplorer::setLatentDim(int d) {
  d = std::max(1, d);
  if (d == m_latentDim && m_dimCombos[0]->count() == d)
    return;
  m_latentDim = d;
  for (int i = 0; i < 2; ++i) {
    const QSignalBlocker block(m_dimCombos[i]);
    m_dimCombos[i]->clear();
    for (int k = 0; k < d; ++k)
      m_dimCombos[i]->addItem(QStringLiteral("z%1").arg(k + 1));
    m_dimCombos[i]->setCurrentIndex(std::min(i, d - 1));
  }
  m_dimsRow->setVisible(d > 2);
}

void LatentExplorer::setDrawsPoints(bool points) {
  m_decodedBox->setTitle(points ? tr("Decoded point") : tr("Decoded digit"));
  m_padCaption->setText(points ? tr("Each cell plots the point the decoder makes at that code (red) over the data "
                                    "(grey); the axes are z<sub>1</sub> (right) and z<sub>2</sub> (up), spaced by "
                                    "prior probability.")
                               : tr("Each cell is the digit the decoder draws at that point; the axes are "
                                    "z<sub>1</sub> (right) and z<sub>2</sub> (up), spaced by prior probability."));
}

QPair<int, int> LatentExplorer::dimensions() const {
  return {std::max(0, m_dimCombos[0]->currentIndex()), std::max(0, m_dimCombos[1]->currentIndex())};
}

bool LatentExplorer::othersAtRandom() const { return m_others->currentIndex() == 1; }

QPointF LatentExplorer::latent() const {
  auto z = [this](int i) { return LatentAxis::fractionToLatent(double(m_sliders[i]->value()) / kSliderSteps, kSigmas); };
  return {z(0), z(1)};
}

void LatentExplorer::setLatent(QPointF z) {
  onPadMoved({LatentAxis::latentToFraction(z.x(), kSigmas), LatentAxis::latentToFraction(z.y(), kSigmas)});
}

void LatentExplorer::onSliderMoved() {
  m_pad->setPosition({double(m_sliders[0]->value()) / kSliderSteps, double(m_sliders[1]->value()) / kSliderSteps});
  showLatent();
  Q_EMIT latentChanged(latent());
}

void LatentExplorer::onPadMoved(QPointF fraction) {
  for (int i = 0; i < 2; ++i) {
    const QSignalBlocker block(m_sliders[i]);
    m_sliders[i]->setValue(int(std::lround((i ? fraction.y() : fraction.x()) * kSliderSteps)));
  }
  m_pad->setPosition(fraction);
  showLatent();
  Q_EMIT latentChanged(latent());
}

void LatentExplorer::setScatter(const QVector<PadPoint>& points, const QStringList& classNames, const QString& caption) {
  m_pad->setPoints(points);
  QString legend;
  for (int i = 0; i < classNames.size(); ++i)
    legend += QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2 &nbsp; ")
                  .arg(LatentPad::classColor(i).name(), classNames[i].toHtmlEscaped());
  m_legend->setText(legend);
  m_legend->setVisible(scatterShown() && !legend.isEmpty());
  m_showScatter->setText(caption.isEmpty() ? tr("Show the held-o&ut data") : caption);
  m_scatterRow->setVisible(!points.isEmpty() || !caption.isEmpty());
}

bool LatentExplorer::scatterShown() const { return m_showScatter->isChecked(); }

void LatentExplorer::setScatterShown(bool shown) { m_showScatter->setChecked(shown); }

void LatentExplorer::setHoverPreview(const QImage& item, const QImage& reconstruction, const QString& caption) {
  m_previewItem->setImage(item);
  m_previewRecon->setImage(reconstruction);
  m_previewRecon->setVisible(!reconstruction.isNull());
  m_previewCaption->setText(caption);
  m_preview->setVisible(!item.isNull());
}

void LatentExplorer::addToolPanel(QWidget* panel, const QString& title) {
  m_tools->addTab(panel, title);
  m_tools->show();
}

void LatentExplorer::setToolPanelVisible(QWidget* panel, bool visible) {
  const int index = m_tools->indexOf(panel);
  if (index >= 0)
    m_tools->setTabVisible(index, visible);
}

void LatentExplorer::showLatent() {
  const QPointF z = latent();
  m_values[0]->setText(QString::number(z.x(), 'f', 2));
  m_values[1]->setText(QString::number(z.y(), 'f', 2));
}
