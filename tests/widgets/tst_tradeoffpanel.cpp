// SPDX-License-Identifier: GPL-3.0-or-later
// The Guidance trade-off tab without a model: the scales it reads, the Measure it asks for, the
// points and rows it shows, its CSV in any locale, Stop while running.
#include "tradeoffchart.h"
#include "tradeoffpanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

class tst_TradeoffPanel : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void readsTheScalesAndAsks() {
    TradeoffPanel panel;
    panel.setAvailable(true);
    panel.show();
    auto* scales = panel.findChild<QLineEdit*>(QStringLiteral("tradeoffScalesEdit"));
    QCOMPARE(panel.scales(), (QList<double>{0, 1, 2, 4}));  // the default
    scales->setText(QStringLiteral(" 0.5,3 , 10"));
    QCOMPARE(panel.scales(), (QList<double>{0.5, 3, 10}));
    for (const char* bad : {"1, x", "-1", "101", "1;2", ""}) {
      scales->setText(QLatin1String(bad));
      QVERIFY2(panel.scales().isEmpty(), bad);
    }
    QSignalSpy asked(&panel, &TradeoffPanel::measureRequested);
    auto* measure = panel.findChild<QPushButton*>(QStringLiteral("measureTradeoffButton"));
    QTest::mouseClick(measure, Qt::LeftButton);  // "" is no scale: a message, no request
    QCOMPARE(asked.count(), 0);
    scales->setText(QStringLiteral("0, 2"));
    panel.findChild<QSpinBox*>(QStringLiteral("tradeoffCountSpin"))->setValue(300);
    QTest::mouseClick(measure, Qt::LeftButton);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().at(0).value<QList<double>>(), (QList<double>{0, 2}));
    QCOMPARE(asked.first().at(1).toInt(), 300);
    QCOMPARE(asked.first().at(2).toInt(), 25);
    // Running: Measure off, Stop on and heard, the bar shown; then back.
    panel.setRunning(true);
    QVERIFY(!measure->isEnabled());
    QVERIFY(panel.findChild<QProgressBar*>(QStringLiteral("tradeoffProgress"))->isVisible());
    QSignalSpy stopped(&panel, &TradeoffPanel::stopRequested);
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("stopTradeoffButton")), Qt::LeftButton);
    QCOMPARE(stopped.count(), 1);
    panel.setProgress(0.5, QStringLiteral("w = 2"));
    QCOMPARE(panel.findChild<QProgressBar*>(QStringLiteral("tradeoffProgress"))->value(), 500);
    panel.setRunning(false);
    QVERIFY(measure->isEnabled());
  }

  void showsEachScaleAndExportsIt() {
    const QLocale was;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));  // a decimal comma on screen
    TradeoffPanel panel;
    panel.addResult(0, 0.594, 3.203, 187.6, 0.094, 500);
    panel.addResult(1.5, 0.918, 3.319, 36.5, 0.924, 500);
    QCOMPARE(panel.chart()->pointCount(), 2);
    const QString table = panel.findChild<QLabel*>(QStringLiteral("tradeoffTable"))->text();
    QVERIFY2(table.contains(QStringLiteral("0,918")) && table.contains(QStringLiteral("187,6")), qPrintable(table));
    // The file is the same in every locale: dots, 17 significant digits.
    QCOMPARE(panel.chart()->csv(), QStringLiteral("w,confident,frechet,class_accuracy\n"
                                                  "0,0.59399999999999997,187.59999999999999,0.094\n"
                                                  "1.5,0.91800000000000004,36.5,0.92400000000000004\n"));
    panel.clear();
    QCOMPARE(panel.chart()->pointCount(), 0);
    QLocale::setDefault(was);
    // Not measurable: the controls are off and the page says why.
    panel.setAvailable(false, QStringLiteral("No run."));
    QVERIFY(!panel.findChild<QPushButton*>(QStringLiteral("measureTradeoffButton"))->isEnabledTo(&panel));
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("tradeoffWhyLabel"))->text().startsWith(QStringLiteral("No run.")));
  }
};

QTEST_MAIN(tst_TradeoffPanel)
#include "tst_tradeoffpanel.moc"
