// SPDX-License-Identifier: GPL-3.0-or-later
#include "tradeoffpanel.h"

#include "tradeoffchart.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

TradeoffPanel::TradeoffPanel(QWidget* parent) : QWidget(parent) {
  auto* explain = new QLabel(
      tr("<b>Classifier-free guidance</b> mixes the model's prediction without the class and with it: "
         "w = 0 ignores the class, w = 1 follows it, more pushes further from the unclassed guess. Measured "
         "here: each w's samples (every class in turn) scored by the judge that knows the data set — how many "
         "it is sure of (fidelity), how often it sees the class asked for, and the Fréchet distance to real "
         "images, which grows again when the digits become too alike."),
      this);
  explain->setWordWrap(true);
  m_why = new QLabel(this);
  m_why->setWordWrap(true);
  m_why->setObjectName(QStringLiteral("tradeoffWhyLabel"));

  m_controls = new QWidget(this);
  auto* c = new QHBoxLayout(m_controls);
  c->setContentsMargins(0, 0, 0, 0);
  m_scales = new QLineEdit(QStringLiteral("0, 1, 2, 4"), m_controls);
  m_scales->setObjectName(QStringLiteral("tradeoffScalesEdit"));
  m_scales->setToolTip(tr("The guidance scales to measure, from 0 to 100, separated by commas"));
  m_count = new QSpinBox(m_controls);
  m_count->setObjectName(QStringLiteral("tradeoffCountSpin"));
  m_count->setRange(20, 2000);
  m_count->setSingleStep(100);
  m_count->setValue(200);
  m_count->setToolTip(tr("Samples per scale: more give steadier numbers (the Fréchet distance especially) and take longer"));
  m_steps = new QSpinBox(m_controls);
  m_steps->setObjectName(QStringLiteral("tradeoffStepsSpin"));
  m_steps->setRange(1, 1000);
  m_steps->setValue(25);
  m_measure = new QPushButton(tr("&Measure"), m_controls);
  m_measure->setObjectName(QStringLiteral("measureTradeoffButton"));
  m_stop = new QPushButton(tr("Stop"), m_controls);
  m_stop->setObjectName(QStringLiteral("stopTradeoffButton"));
  m_stop->setEnabled(false);
  auto* scalesLabel = new QLabel(tr("Scales &w:"), m_controls);
  scalesLabel->setBuddy(m_scales);
  auto* countLabel = new QLabel(tr("Sample&s per w:"), m_controls);
  countLabel->setBuddy(m_count);
  auto* stepsLabel = new QLabel(tr("DDIM ste&ps:"), m_controls);
  stepsLabel->setBuddy(m_steps);
  c->addWidget(scalesLabel);
  c->addWidget(m_scales);
  c->addWidget(countLabel);
  c->addWidget(m_count);
  c->addWidget(stepsLabel);
  c->addWidget(m_steps);
  c->addWidget(m_measure);
  c->addWidget(m_stop);
  c->addStretch(1);
  connect(m_measure, &QPushButton::clicked, this, [this] {
    const QList<double> w = scales();
    if (w.isEmpty()) {
      setMessage(tr("Type the scales as numbers from 0 to 100 separated by commas, for example 0, 1, 2, 4."));
      return;
    }
    Q_EMIT measureRequested(w, m_count->value(), m_steps->value());
  });
  connect(m_stop, &QPushButton::clicked, this, &TradeoffPanel::stopRequested);

  m_progress = new QProgressBar(this);
  m_progress->setObjectName(QStringLiteral("tradeoffProgress"));
  m_progress->setRange(0, 1000);
  m_progress->hide();
  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("tradeoffStatus"));
  m_status->setWordWrap(true);
  m_message = new QLabel(this);
  m_message->setWordWrap(true);
  m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
  m_message->hide();
  m_chart = new TradeoffChart(this);
  m_chart->setObjectName(QStringLiteral("tradeoffChart"));
  m_table = new QLabel(this);
  m_table->setObjectName(QStringLiteral("tradeoffTable"));
  m_table->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_table->setAlignment(Qt::AlignTop | Qt::AlignLeft);

  auto* results = new QHBoxLayout;
  results->addWidget(m_chart, 3);
  results->addWidget(m_table, 2);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(explain);
  layout->addWidget(m_why);
  layout->addWidget(m_controls);
  layout->addWidget(m_progress);
  layout->addWidget(m_status);
  layout->addWidget(m_message);
  layout->addLayout(results, 1);
  clear();
  setAvailable(false, tr("No diffusion run is open."));
}

void TradeoffPanel::setAvailable(bool available, const QString& why) {
  m_controls->setEnabled(available);
  m_why->setText(available ? QString() : tr("%1 The trade-off is measured on a DDPM told the class (the default on "
                                            "MNIST): open one, or train one on the Train page.").arg(why));
  m_why->setVisible(!available);
}

void TradeoffPanel::setRunning(bool running) {
  m_measure->setEnabled(!running);
  m_stop->setEnabled(running);
  m_scales->setEnabled(!running);
  m_count->setEnabled(!running);
  m_steps->setEnabled(!running);
  m_progress->setVisible(running);
  if (running)
    setMessage({});
}

void TradeoffPanel::setProgress(double done, const QString& what) {
  m_progress->setValue(int(std::lround(1000 * done)));
  if (!what.isEmpty())
    m_status->setText(what);
}

void TradeoffPanel::addResult(double w, double confident, double entropyBits, double frechet, double accuracy, int count) {
  m_chart->addPoint(w, confident, frechet, accuracy);
  const QLocale here;
  m_rows << QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td><td align=right>%4</td><td align=right>%5</td></tr>")
                .arg(here.toString(w))
                .arg(here.toString(confident, 'f', 3))
                .arg(accuracy >= 0 ? here.toString(accuracy, 'f', 3) : QStringLiteral("–"))
                .arg(here.toString(entropyBits, 'f', 3))
                .arg(here.toString(frechet, 'f', 1));
  m_table->setText(tr("<table cellspacing=6><tr><th align=left>w</th><th>sure of</th><th>as asked</th>"
                      "<th>class entropy (bits)</th><th>Fréchet ↓</th></tr>%1</table><p>%2 samples per w.</p>")
                       .arg(m_rows.join(QString()))
                       .arg(count));
}

void TradeoffPanel::setMessage(const QString& text) {
  m_message->setText(text);
  m_message->setVisible(!text.isEmpty());
}

void TradeoffPanel::clear() {
  m_rows.clear();
  m_chart->clear();
  m_table->setText(tr("Measure to see each w's numbers here: the share the judge is sure of, the share drawn "
                      "as the class asked for, the class entropy (3.32 bits: all ten classes equally often) and "
                      "the Fréchet distance (held-out MNIST digits against the training digits: about 14)."));
  m_table->setWordWrap(true);
  m_status->clear();
}

QList<double> TradeoffPanel::scales() const {
  QList<double> out;
  for (const QString& part : m_scales->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    bool ok = false;
    const double w = QLocale::c().toDouble(part.trimmed(), &ok);
    if (!ok || !(w >= 0 && w <= 100))
      return {};
    out << w;
  }
  return out;
}

int TradeoffPanel::count() const { return m_count->value(); }
int TradeoffPanel::steps() const { return m_steps->value(); }
