// SPDX-License-Identifier: GPL-3.0-or-later
#include <ATen/ATen.h>

#include "diffusion/diffusion_schedule.h"

#include <QProcess>
#include <QTest>

// Every buffer of every schedule against tests/python/schedule_reference.py, which computes them
// from the papers' formulas in plain Python floats; and `genlab-cli schedule` prints the same.
class tst_DiffusionSchedule : public QObject {
  Q_OBJECT

  static QList<QByteArray> run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
      return {};
    return p.readAllStandardOutput().trimmed().split('\n');
  }

 private Q_SLOTS:
  void matchesThePythonReference_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("timesteps");
    for (const char* kind : {"linear", "cosine", "sigmoid", "toy"})
      for (int T : {10, 100, 1000})
        if (T > 20 || QLatin1String(kind) != QLatin1String("linear"))  // linear at T = 10: see knownValuesByHand
          QTest::newRow(qPrintable(QStringLiteral("%1 T=%2").arg(QLatin1String(kind)).arg(T))) << QString::fromLatin1(kind) << T;
  }
  void matchesThePythonReference() {
    QFETCH(QString, kind);
    QFETCH(int, timesteps);
    const auto ref = run(QStringLiteral("/usr/bin/python3"),
                         {QStringLiteral(GENLAB_SOURCE_DIR "/tests/python/schedule_reference.py"), kind,
                          QString::number(timesteps)});
    QVERIFY2(ref.size() == timesteps + 1, "the Python reference did not run (python3 is installed by setup)");
    const auto d = genlab::make_diffusion_schedule(kind.toStdString(), timesteps);
    const auto header = ref[0].split(',');
    QCOMPARE(header.size(), 1 + int(genlab::DiffusionSchedule::buffer_names().size()));
    QString report;
    for (int c = 1; c < header.size(); ++c) {
      const auto& ours = d.buffer(header[c].toStdString());
      double worst = 0;
      for (int t = 0; t < timesteps; ++t) {
        const double theirs = ref[t + 1].split(',')[c].toDouble();
        worst = std::max(worst, std::abs(ours[size_t(t)] - theirs) / std::max(1.0, std::abs(theirs)));
      }
      report += QStringLiteral(" %1 %2").arg(QString::fromLatin1(header[c])).arg(worst, 0, 'g', 2);
      QVERIFY2(worst <= 1e-6, qPrintable(QStringLiteral("%1 differs by %2").arg(QString::fromLatin1(header[c])).arg(worst)));
    }
    qInfo("%s T=%d, largest relative difference per buffer:%s", qPrintable(kind), timesteps, qPrintable(report));
  }

  void knownValuesByHand() {
    // Linear, T = 1000: β_0 = 1e-4 and β_999 = 0.02 (seed 000); ᾱ_0 = 1 − 1e-4;
    // ᾱ_1 = (1 − 1e-4)(1 − β_1) with β_1 = 1e-4 + 0.0199/999.
    const auto d = genlab::make_diffusion_schedule("linear", 1000);
    QCOMPARE(d.betas.front(), 1e-4);
    QVERIFY(std::abs(d.betas.back() - 0.02) < 1e-15);
    QVERIFY(std::abs(d.alphas_cumprod[1] - (1 - 1e-4) * (1 - (1e-4 + 0.0199 / 999))) < 1e-15);
    QCOMPARE(d.alphas_cumprod_prev[0], 1.0);
    QCOMPARE(d.posterior_variance[0], 0.0);  // x_{-1} = x_0 is known exactly
    QCOMPARE(d.posterior_mean_coef1[0], 1.0);
    // T = 10 scales β by 100, from 0.01 to 2: ᾱ turns negative. Python's formula fails on the square
    // root of a negative number; GenLab refuses with a message.
    QVERIFY(run(QStringLiteral("/usr/bin/python3"), {QStringLiteral(GENLAB_SOURCE_DIR "/tests/python/schedule_reference.py"),
                                                     QStringLiteral("linear"), QStringLiteral("10")}).isEmpty());
    QVERIFY_THROWS_EXCEPTION(c10::Error, genlab::make_diffusion_schedule("linear", 10));
    QCOMPARE(genlab::make_diffusion_schedule("linear", 21).betas.size(), size_t(21));
  }

  void cliPrintsTheSameAndRefusesNonsense() {
    const auto csv = run(QStringLiteral(GENLAB_CLI_PATH),
                         {QStringLiteral("schedule"), QStringLiteral("--kind"), QStringLiteral("cosine"),
                          QStringLiteral("--timesteps"), QStringLiteral("100")});
    QCOMPARE(csv.size(), 101);
    QVERIFY(csv[0].startsWith("t,betas,alphas_cumprod,alphas_cumprod_prev,sqrt_alphas_cumprod"));
    const auto d = genlab::make_diffusion_schedule("cosine", 100);
    QCOMPARE(csv[51].split(',')[2].toDouble(), d.alphas_cumprod[50]);  // %.17g round-trips exactly
    QProcess p;
    p.start(QStringLiteral(GENLAB_CLI_PATH), {QStringLiteral("schedule"), QStringLiteral("--kind"), QStringLiteral("quadratic")});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardError().contains("unknown beta schedule 'quadratic'"));
    QVERIFY_THROWS_EXCEPTION(c10::Error, genlab::make_diffusion_schedule("linear", 0));
  }
};

QTEST_APPLESS_MAIN(tst_DiffusionSchedule)
#include "tst_diffusionschedule.moc"
