// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/idx.h"
#include "data/mnist_dataset.h"
#include "testdata.h"

#include <QTemporaryDir>
#include <QTest>

using namespace genlab;

class tst_Idx : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }
  void writeRaw(const QString& p, const QByteArray& bytes) {
    QFile f(p);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
  }
  static QByteArray be32(quint32 v) {
    QByteArray b(4, 0);
    for (int i = 0; i < 4; ++i)
      b[i] = char(v >> (24 - 8 * i));
    return b;
  }
  static IdxArray sample() {
    IdxArray a;
    a.dims = {3, 2, 2};
    for (int i = 0; i < 12; ++i)
      a.data.push_back(uint8_t(i * 20));
    return a;
  }

 private Q_SLOTS:
  void rawRoundTrip() {
    const auto bytes = encode_idx(sample());
    // Header by hand: magic 0x00000803, dims 3, 2, 2 big-endian, then 12 data bytes.
    QCOMPARE(bytes.size(), size_t(4 + 12 + 12));
    QCOMPARE(int(bytes[2]), 0x08);
    QCOMPARE(int(bytes[3]), 3);
    QCOMPARE(int(bytes[7]), 3);
    writeRaw(path("raw.idx"), QByteArray(reinterpret_cast<const char*>(bytes.data()), int(bytes.size())));
    auto r = read_idx(path("raw.idx").toStdString());
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.value.dims, (std::vector<int64_t>{3, 2, 2}));
    QCOMPARE(r.value.data, sample().data);
  }

  void gzipRoundTrip() {
    QCOMPARE(QString::fromStdString(write_gzip_atomic(path("a.idx.gz").toStdString(), encode_idx(sample())).error), QString());
    auto r = read_idx(path("a.idx.gz").toStdString());
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.value.data, sample().data);
    QVERIFY(!QFile::exists(path("a.idx.gz") + QStringLiteral(".tmp")));
  }

  void badFiles_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const QByteArray data12(12, 'x');
    QTest::newRow("empty") << QByteArray() << "empty file";
    QTest::newRow("short header") << QByteArray("\0\0", 2) << "too short";
    QTest::newRow("wrong magic") << QByteArray("hello world, not IDX") << "not an IDX file";
    QTest::newRow("float type") << (be32(0x00000D01) + be32(3) + QByteArray(12, 0)) << "unsupported IDX data type";
    QTest::newRow("rank 0") << be32(0x00000800) << "unsupported IDX rank 0";
    QTest::newRow("rank 5") << (be32(0x00000805) + QByteArray(20, 1)) << "unsupported IDX rank 5";
    QTest::newRow("truncated header") << (be32(0x00000803) + be32(3)) << "truncated header";
    QTest::newRow("zero dimension") << (be32(0x00000803) + be32(3) + be32(0) + be32(2)) << "dimension 1 is zero";
    QTest::newRow("truncated data") << (be32(0x00000803) + be32(3) + be32(2) + be32(2) + data12.left(7))
                                    << "header says 12 data bytes (3x2x2), file has 7 (truncated)";
    QTest::newRow("trailing bytes") << (be32(0x00000803) + be32(3) + be32(2) + be32(2) + data12 + "zz")
                                    << "trailing bytes";
    // 4 billion × 4 billion bytes claimed by a 20-byte file: refused before any allocation.
    QTest::newRow("huge claim") << (be32(0x00000803) + be32(0xFFFFFFFF) + be32(0xFFFFFFFF) + be32(0xFFFFFFFF))
                                << "header claims more than";
    QTest::newRow("lying count") << (be32(0x00000803) + be32(60000) + be32(28) + be32(28) + data12)
                                 << "header says 47040000 data bytes";
  }
  void badFiles() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    writeRaw(path("bad.idx"), bytes);
    auto r = read_idx(path("bad.idx").toStdString());
    QVERIFY(!r.ok());
    const QString error = QString::fromStdString(r.error);
    QVERIFY2(error.startsWith(QStringLiteral("bad.idx: ")), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
  }

  void corruptGzip() {
    QCOMPARE(QString::fromStdString(write_gzip_atomic(path("c.gz").toStdString(), encode_idx(sample())).error), QString());
    QFile f(path("c.gz"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    f.close();
    writeRaw(path("truncated.gz"), bytes.left(bytes.size() / 2));
    auto r = read_idx(path("truncated.gz").toStdString());
    QVERIFY(!r.ok());
    QVERIFY2(QString::fromStdString(r.error).contains(QStringLiteral("truncated gzip")), r.error.c_str());
    for (int i = 12; i < bytes.size() - 8; ++i)
      bytes[i] = char(bytes[i] ^ 0x5a);
    writeRaw(path("corrupt.gz"), bytes);
    r = read_idx(path("corrupt.gz").toStdString());
    QVERIFY(!r.ok());
    QVERIFY2(QString::fromStdString(r.error).startsWith(QStringLiteral("corrupt.gz: ")), r.error.c_str());
  }

  void missingFile() {
    auto r = read_idx(path("nope.idx").toStdString());
    QVERIFY(!r.ok());
    QVERIFY(QString::fromStdString(r.error).contains(QStringLiteral("no such file")));
  }

  void mismatchedPair() {
    IdxArray labels;
    labels.dims = {2};
    labels.data = {1, 2};
    QCOMPARE(QString::fromStdString(write_gzip_atomic(path("img.gz").toStdString(), encode_idx(sample())).error), QString());
    QCOMPARE(QString::fromStdString(write_gzip_atomic(path("lab.gz").toStdString(), encode_idx(labels)).error), QString());
    auto r = load_idx_images(path("img.gz").toStdString(), path("lab.gz").toStdString());
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error), QStringLiteral("img.gz holds 3 images but lab.gz holds 2 labels"));
    // Images passed as labels: rank check names the file.
    r = load_idx_images(path("img.gz").toStdString(), path("img.gz").toStdString());
    QVERIFY(QString::fromStdString(r.error).contains(QStringLiteral("expected labels of rank 1")));
  }

  void realMnist() {
    REQUIRE_MNIST();
    auto train = load_mnist_split(TestData::mnistFolder().toStdString(), "train");
    QVERIFY2(train.ok(), train.error.c_str());
    QCOMPARE(train.value.size(), int64_t(9000));
    QCOMPARE(train.value.height, int64_t(28));
    QCOMPARE(train.value.images.size(1), int64_t(784));
    QVERIFY(train.value.images.min().item<float>() >= 0.f);
    QCOMPARE(train.value.images.max().item<float>(), 1.f);
    QVERIFY(train.value.labels.max().item<int64_t>() == 9);
    // Fashion-MNIST from Debian goes through the same reader.
    const QString fashion = QStringLiteral("/usr/share/datasets/fashion-mnist");
    if (QDir(fashion).exists()) {
      auto f = load_mnist_split(fashion.toStdString(), "t10k");
      QVERIFY2(f.ok(), f.error.c_str());
      QCOMPARE(f.value.size(), int64_t(10000));
    }
  }
};

QTEST_APPLESS_MAIN(tst_Idx)
#include "tst_idx.moc"
