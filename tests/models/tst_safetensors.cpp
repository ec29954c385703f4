// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/safetensors.h"
#include "nn/module_decoder.h"

#include <ATen/ATen.h>
#include <clocale>
#include <cstdio>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <torch/nn/modules/linear.h>

using namespace genlab;

class tst_Safetensors : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  QString path(const char* n) const { return m_dir.filePath(QLatin1String(n)); }

  // A safetensors file by hand: 8-byte little-endian header length, JSON, data.
  void writeFile(const char* name, const QByteArray& header, const QByteArray& data) {
    QByteArray bytes(8, 0);
    const quint64 n = quint64(header.size());
    for (int i = 0; i < 8; ++i)
      bytes[i] = char(n >> (8 * i));
    QFile f(path(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes + header + data);
  }

 private Q_SLOTS:
  void roundTrip() {
    const auto a = at::arange(6, at::kFloat).reshape({2, 3});
    const auto b = at::tensor({int64_t(-1), int64_t(7)});
    QCOMPARE(QString::fromStdString(save_safetensors(path("w.safetensors").toStdString(), {{"a", a}, {"b.c", b}},
                                                     {{"step", "42"}}).error),
             QString());
    auto r = load_safetensors(path("w.safetensors").toStdString());
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(int(r.value.tensors.size()), 2);
    QVERIFY(r.value.find("a").equal(a));
    QVERIFY(r.value.find("b.c").equal(b));
    QCOMPARE(r.value.metadata.at("step"), std::string("42"));
    // The header is what the format says: 8-byte length, JSON with dtype/shape/offsets.
    QFile f(path("w.safetensors"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    const quint64 n = quint64(quint8(bytes[0])) | quint64(quint8(bytes[1])) << 8;
    QCOMPARE((8 + n) % 8, quint64(0));
    const QByteArray header = bytes.mid(8, int(n));
    QVERIFY(header.contains("\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}"));
    QVERIFY(header.contains("\"b.c\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[24,40]}"));
    QCOMPARE(quint64(bytes.size()), 8 + n + 40);
  }

  // A German desktop: LC_NUMERIC says "," is the decimal point. strtod("0,784") would read 0.784
  // and turn the offsets [0,784] into one number; the reader must not care.
  void readsTheSameUnderAGermanLocale() {
    const std::string old = std::setlocale(LC_ALL, nullptr);
    if (!std::setlocale(LC_ALL, "de_DE.UTF-8") && !std::setlocale(LC_ALL, "de_DE.utf8"))
      QSKIP("de_DE.UTF-8 is not generated on this machine (scripts/setup.sh generates it)");
    char check[16];
    std::snprintf(check, sizeof check, "%.1f", 0.5);
    const bool german = QByteArray(check) == "0,5";
    const auto w = at::arange(3 * 784, at::kFloat).reshape({3, 784}).div(7);
    const std::string file = path("de.safetensors").toStdString();
    const std::string saved = save_safetensors(file, {{"encoder.0.weight", w}, {"b", at::ones({196})}}, {{"step", "12"}}).error;
    auto r = load_safetensors(file);
    std::setlocale(LC_ALL, old.c_str());
    QVERIFY(german);  // the locale really was in force
    QCOMPARE(QString::fromStdString(saved), QString());
    QVERIFY2(r.ok(), r.error.c_str());
    QVERIFY(r.value.find("encoder.0.weight").equal(w));
    QCOMPARE(r.value.find("b").numel(), 196);
  }

  void badFiles_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("dataBytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("{\"a\":") << 0 << "not valid JSON";
    QTest::newRow("not object") << QByteArray("[1,2]") << 0 << "not a JSON object";
    QTest::newRow("unknown dtype") << QByteArray(R"({"a":{"dtype":"F7","shape":[1],"data_offsets":[0,4]}})") << 4
                                   << "unsupported dtype 'F7'";
    QTest::newRow("shape vs bytes") << QByteArray(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})") << 8
                                    << "shape needing 12 bytes but its range holds 8";
    QTest::newRow("outside data") << QByteArray(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})") << 4
                                  << "outside the 4 data bytes";
    QTest::newRow("overlap") << QByteArray(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                                           R"("b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})")
                             << 8 << "overlaps";
    QTest::newRow("hole") << QByteArray(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})") << 8
                          << "unused bytes before tensor 'a'";
    QTest::newRow("negative shape") << QByteArray(R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})") << 4
                                    << "not a list of non-negative integers";
    QTest::newRow("missing offsets") << QByteArray(R"({"a":{"dtype":"F32","shape":[1]}})") << 4
                                     << "needs dtype, shape and two data_offsets";
    QTest::newRow("duplicate") << QByteArray(R"({"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},)"
                                             R"("a":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}})")
                               << 2 << "appears twice";
  }
  void badFiles() {
    QFETCH(QByteArray, header);
    QFETCH(int, dataBytes);
    QFETCH(QString, expected);
    writeFile("bad.safetensors", header, QByteArray(dataBytes, 0));
    auto r = load_safetensors(path("bad.safetensors").toStdString());
    QVERIFY(!r.ok());
    QVERIFY2(QString::fromStdString(r.error).startsWith(QStringLiteral("bad.safetensors: ")), r.error.c_str());
    QVERIFY2(QString::fromStdString(r.error).contains(expected), r.error.c_str());
  }

  void lyingHeaderLength() {
    QByteArray bytes(8, 0);
    bytes[7] = 0x7f;  // claims ~9e18 header bytes
    QFile f(path("huge.safetensors"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes + "{}");
    f.close();
    auto r = load_safetensors(path("huge.safetensors").toStdString());
    QVERIFY(!r.ok());
    QVERIFY2(QString::fromStdString(r.error).contains(QStringLiteral("exceeds the file")), r.error.c_str());
    QFile e(path("empty.safetensors"));
    QVERIFY(e.open(QIODevice::WriteOnly));
    e.close();
    r = load_safetensors(path("empty.safetensors").toStdString());
    QVERIFY(QString::fromStdString(r.error).contains(QStringLiteral("empty file")));
  }

  // The loader every model family uses: a tensor of another dtype or shape, or a missing one, is
  // refused with a message naming the file and the tensor, and leaves the module as it was.
  void moduleLoaderRefusesWrongDtypeShapeAndMissingTensors() {
    torch::manual_seed(1);
    torch::nn::Linear lin(3, 2);
    const auto ok = path("ok.safetensors").toStdString();
    QCOMPARE(QString::fromStdString(
                 save_safetensors(ok, {{"lin.weight", at::ones({2, 3})}, {"lin.bias", at::full({2}, 2.f)}}).error),
             QString());
    const Status loaded = load_module_weights(*lin, ok, "lin.");
    QVERIFY2(loaded.ok(), loaded.error.c_str());
    QVERIFY(at::equal(lin->weight, at::ones({2, 3})));
    QVERIFY(at::equal(lin->bias, at::full({2}, 2.f)));

    struct Case {
      const char* file;
      NamedTensors tensors;
      const char* expected;
    };
    const std::vector<Case> cases{
        {"f64.safetensors", {{"lin.weight", at::zeros({2, 3}, at::kDouble)}, {"lin.bias", at::zeros({2})}},
         "f64.safetensors: 'lin.weight' is float64, the model needs float32"},
        {"f16.safetensors", {{"lin.weight", at::zeros({2, 3})}, {"lin.bias", at::zeros({2}, at::kHalf)}},
         "f16.safetensors: 'lin.bias' is float16, the model needs float32"},
        {"shape.safetensors", {{"lin.weight", at::zeros({3, 2})}, {"lin.bias", at::zeros({2})}},
         "shape.safetensors: 'lin.weight' has shape [3, 2], the model needs [2, 3]"},
        {"missing.safetensors", {{"lin.weight", at::zeros({2, 3})}}, "missing.safetensors: no tensor 'lin.bias'"},
    };
    for (const auto& c : cases) {
      const auto p = path(c.file).toStdString();
      QCOMPARE(QString::fromStdString(save_safetensors(p, c.tensors).error), QString());
      const Status s = load_module_weights(*lin, p, "lin.");
      QVERIFY2(!s.ok(), c.file);
      QCOMPARE(QString::fromStdString(s.error), QString::fromLatin1(c.expected));
      // The same from the opened file.
      const auto file = load_safetensors(p);
      QVERIFY2(file.ok(), file.error.c_str());
      QCOMPARE(QString::fromStdString(load_module_weights(*lin, file.value, c.file, "lin.").error),
               QString::fromLatin1(c.expected));
      // Nothing was copied, not even the tensors that fit (the weight in "missing", "f16").
      QVERIFY(at::equal(lin->weight, at::ones({2, 3})));
      QVERIFY(at::equal(lin->bias, at::full({2}, 2.f)));
    }
    const Status absent = load_module_weights(*lin, path("absent.safetensors").toStdString(), "lin.");
    QVERIFY2(QString::fromStdString(absent.error).endsWith(QStringLiteral("absent.safetensors: no such file")), absent.error.c_str());
  }

  void resultCarriesAValueOrAMessage() {
    const Result<int> good{42, {}};
    QVERIFY(good.ok());
    const Result<int> bad{0, "x.idx: truncated"};
    QVERIFY(!bad.ok());
    const Status done{};
    QVERIFY(done.ok());
    const Status failed{"w.safetensors: no tensor 'a'"};
    QVERIFY(!failed.ok());
    QCOMPARE(QString::fromStdString(failed.error), QStringLiteral("w.safetensors: no tensor 'a'"));
  }
};

QTEST_APPLESS_MAIN(tst_Safetensors)
#include "tst_safetensors.moc"
