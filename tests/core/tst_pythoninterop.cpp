// SPDX-License-Identifier: GPL-3.0-or-later
#include "decodersnapshot.h"
#include "runfolder.h"
#include "trainedrun.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// A run trained by GenLab, read by a few lines of PyTorch (Debian's python3-torch), decodes to
// the same digits: the weights file, the names and the layout are what PyTorch expects.
class tst_PythonInterop : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void pytorchDecodesTheSameDigits() {
    REQUIRE_MNIST();
    if (!QFile::exists(QStringLiteral("/usr/bin/python3")))
      QSKIP("no /usr/bin/python3 (setup installs python3-torch)");
    QTemporaryDir runs;
    const QString run = TestData::trainOneEpoch(runs.path());
    QVERIFY(!run.isEmpty());

    const std::vector<std::vector<float>> points{{0.f, 0.f}, {0.5f, -1.f}, {-2.5f, 2.f}, {3.f, 3.f}};
    QStringList args{QStringLiteral(GENLAB_SOURCE_DIR "/tests/python/decode_run.py"), run};
    for (const auto& z : points)
      args << QString::number(z[0]) << QString::number(z[1]);
    QProcess py;
    py.start(QStringLiteral("/usr/bin/python3"), args);
    QVERIFY(py.waitForFinished(60000));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    const QList<QByteArray> lines = py.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), int(points.size()));

    QString error;
    const DecoderSnapshot decoder = TestData::decoderOf(run, &error);
    QVERIFY2(!decoder.isNull(), qPrintable(error));
    double worst = 0;
    for (size_t i = 0; i < points.size(); ++i) {
      const QList<QByteArray> values = lines[int(i)].split(' ');
      QCOMPARE(values.size(), 784);
      const std::vector<float> mine = decoder.decodePixels(points[i]);
      for (int j = 0; j < 784; ++j)
        worst = std::max(worst, std::abs(double(mine[size_t(j)]) - values[j].toDouble()));
    }
    qInfo("largest difference between GenLab and PyTorch: %.2e", worst);
    QVERIFY2(worst <= 1e-5, qPrintable(QString::number(worst)));
  }
};

QTEST_GUILESS_MAIN(tst_PythonInterop)
#include "tst_pythoninterop.moc"
