// SPDX-License-Identifier: GPL-3.0-or-later
// The start-up decision: which OpenBLAS kernel GenLab asks for, given the CPU's features and the
// kernel OpenBLAS chose by itself. The table is the cases seen on real machines plus the edges.
#include "blaskernel.h"

#include <QTest>

using BlasKernel::CpuFeatures;

namespace {
// Flags as /proc/cpuinfo prints them (abridged to what matters, plus neighbours that must not).
const char* kXeonAmx =  // Intel Xeon (Sapphire Rapids class): OpenBLAS 0.3.21 says "Prescott"
    "fpu sse sse2 ssse3 sse4_1 sse4_2 avx f16c fma avx2 avx512f avx512dq avx512cd avx512bw avx512vl "
    "avx512_bf16 avx512_vnni amx_bf16 amx_tile amx_int8";
const char* kZen5 =
    "fpu sse sse2 ssse3 sse4_1 sse4_2 avx fma avx2 avx512f avx512dq avx512ifma avx512cd avx512bw "
    "avx512vl avx512_bf16 avx512vbmi avx512_vnni";
const char* kSkylakeServer = "sse sse2 avx fma avx2 avx512f avx512dq avx512cd avx512bw avx512vl";
const char* kXeonPhi = "sse sse2 avx fma avx2 avx512f avx512cd avx512er avx512pf";  // no BW/DQ/VL
const char* kHaswell = "sse sse2 sse4_2 avx fma avx2 bmi2";
const char* kSandyBridge = "sse sse2 sse4_2 avx";
const char* kCore2 = "sse sse2 ssse3";
}  // namespace

class TestBlasKernel : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void flagsAreReadAsWholeWords() {
    const CpuFeatures amx = BlasKernel::parseFlags(kXeonAmx);
    QVERIFY(amx.avx && amx.avx2 && amx.fma && amx.avx512 && amx.avx512bf16 && amx.amx);
    const CpuFeatures phi = BlasKernel::parseFlags(kXeonPhi);
    QVERIFY(phi.avx2 && !phi.avx512);  // SkylakeX's kernel needs BW, DQ and VL
    // "avx512f" is not "avx"; "avx2" alone is not "avx2 + fma".
    const CpuFeatures odd = BlasKernel::parseFlags("  avx512f\tavx2\n");
    QVERIFY(!odd.avx && odd.avx2 && !odd.fma && !odd.avx512);
    QVERIFY(!BlasKernel::parseFlags("").avx);
  }

  void kernelLevels() {
    QCOMPARE(BlasKernel::kernelLevel("Prescott"), 1);
    QCOMPARE(BlasKernel::kernelLevel("Nehalem"), 1);
    QCOMPARE(BlasKernel::kernelLevel("Sandybridge"), 2);
    QCOMPARE(BlasKernel::kernelLevel("Haswell"), 3);
    QCOMPARE(BlasKernel::kernelLevel("Zen"), 3);
    QCOMPARE(BlasKernel::kernelLevel("SkylakeX"), 4);
    QCOMPARE(BlasKernel::kernelLevel("COOPERLAKE"), 4);  // OPENBLAS_CORETYPE is case-blind
    QCOMPARE(BlasKernel::kernelLevel("armv8"), 0);
    QCOMPARE(BlasKernel::kernelLevel(""), 0);
  }

  void decision_data() {
    QTest::addColumn<QString>("flags");
    QTest::addColumn<QString>("detected");
    QTest::addColumn<bool>("userSetIt");
    QTest::addColumn<QString>("expected");  // "" = leave it
    QTest::newRow("Xeon AMX, Prescott fallback") << kXeonAmx << "Prescott" << false << "Cooperlake";
    QTest::newRow("Xeon AMX, user chose Prescott") << kXeonAmx << "Prescott" << true << "";
    QTest::newRow("Xeon AMX, user chose Haswell") << kXeonAmx << "Haswell" << true << "";
    QTest::newRow("Xeon AMX, SkylakeX detected") << kXeonAmx << "SkylakeX" << false << "";
    QTest::newRow("Zen 5, Cooperlake detected") << kZen5 << "Cooperlake" << false << "";
    QTest::newRow("Zen 5, an AVX2 kernel detected") << kZen5 << "Zen" << false << "Cooperlake";
    QTest::newRow("Skylake server, Prescott") << kSkylakeServer << "Prescott" << false << "SkylakeX";
    QTest::newRow("Skylake server, Haswell") << kSkylakeServer << "Haswell" << false << "SkylakeX";
    QTest::newRow("Xeon Phi, Prescott") << kXeonPhi << "Prescott" << false << "Haswell";
    QTest::newRow("Xeon Phi, Haswell") << kXeonPhi << "Haswell" << false << "";
    QTest::newRow("Haswell, Prescott") << kHaswell << "Prescott" << false << "Haswell";
    QTest::newRow("Haswell, Zen") << kHaswell << "Zen" << false << "";
    QTest::newRow("Sandy Bridge, Nehalem") << kSandyBridge << "Nehalem" << false << "Sandybridge";
    QTest::newRow("Core 2, Core2") << kCore2 << "Core2" << false << "";
    QTest::newRow("Core 2, Prescott") << kCore2 << "Prescott" << false << "";
    QTest::newRow("not OpenBLAS") << kXeonAmx << "" << false << "";
    QTest::newRow("unknown kernel name") << kXeonAmx << "NeoverseN1" << false << "";
    QTest::newRow("no flags (no /proc)") << "" << "Prescott" << false << "";
  }
  void decision() {
    QFETCH(QString, flags);
    QFETCH(QString, detected);
    QFETCH(bool, userSetIt);
    QFETCH(QString, expected);
    const auto better = BlasKernel::betterKernel(BlasKernel::parseFlags(flags.toStdString()), detected.toStdString(), userSetIt);
    QCOMPARE(better ? QString::fromStdString(*better) : QString(), expected);
  }
};

QTEST_APPLESS_MAIN(TestBlasKernel)
#include "tst_blaskernel.moc"
