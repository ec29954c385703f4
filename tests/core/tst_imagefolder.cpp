// SPDX-License-Identifier: GPL-3.0-or-later
// LibTorch before any Qt header: Qt's `slots` macro breaks ATen's ivalue headers.
#include <ATen/ATen.h>

#include "imagefolder.h"
#include "runfolder.h"
#include "trainedrun.h"

#include <QBuffer>
#include <QDir>
#include <QtEndian>
#include <QImage>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
// PNG's CRC-32 (ISO 3309), bit by bit.
quint32 crc32(const QByteArray& bytes) {
  quint32 c = 0xffffffffu;
  for (const char ch : bytes) {
    c ^= quint8(ch);
    for (int k = 0; k < 8; ++k)
      c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xffffffffu;
}
}  // namespace

class tst_ImageFolder : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

  // 36 images in nested folders (PNG and JPG, landscape), a corrupt PNG and a text file.
  void makeFolder() {
    QDir root(m_dir.path());
    root.mkpath(QStringLiteral("faces/a/b"));
    for (int i = 0; i < 36; ++i) {
      QImage img(48, 32, QImage::Format_RGB888);
      img.fill(QColor(20 + i, 40, 200 - i));
      QPainter p(&img);
      p.setBrush(QColor(250, 200 - 3 * i, 40));
      p.drawEllipse(QPoint(24, 16), 8 + i % 6, 8 + i % 6);
      p.end();
      const QString sub = i % 3 == 0 ? QStringLiteral("faces") : i % 3 == 1 ? QStringLiteral("faces/a") : QStringLiteral("faces/a/b");
      img.save(root.filePath(QStringLiteral("%1/img%2.%3").arg(sub).arg(i).arg(i % 4 == 0 ? QStringLiteral("jpg") : QStringLiteral("png"))));
    }
    QFile bad(root.filePath(QStringLiteral("faces/a/broken.png")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("\x89PNG but then nothing");
    bad.close();
    QFile txt(root.filePath(QStringLiteral("faces/notes.txt")));
    QVERIFY(txt.open(QIODevice::WriteOnly));
    txt.write("not an image");
  }

 private Q_SLOTS:
  void initTestCase() { makeFolder(); }

  void loadsGreyAndRgb() {
    const QString folder = m_dir.filePath(QStringLiteral("faces"));
    const auto greyRead = ImageFolder::load(folder, {28, false});
    QVERIFY2(greyRead.ok(), qPrintable(greyRead.error));
    const auto& grey = greyRead.value;
    QCOMPARE(grey.images.size(), int64_t(36));
    QCOMPARE(grey.skipped, 1);  // broken.png; notes.txt is not an image file
    QCOMPARE(grey.images.images.size(1), int64_t(784));
    QVERIFY(grey.images.images.min().item<float>() >= 0.f && grey.images.images.max().item<float>() <= 1.f);
    const auto rgbRead = ImageFolder::load(folder, {32, true});
    QVERIFY2(rgbRead.ok(), qPrintable(rgbRead.error));
    const auto& rgb = rgbRead.value;
    QCOMPARE(rgb.channels, 3);
    QCOMPARE(rgb.images.images.size(1), int64_t(3 * 32 * 32));
  }

  void centreCrop() {
    // 40×20: black, white centre square, black. The crop keeps only the white square.
    QTemporaryDir dir;
    QImage img(40, 20, QImage::Format_Grayscale8);
    img.fill(0);
    QPainter(&img).fillRect(10, 0, 20, 20, Qt::white);
    QVERIFY(img.save(dir.filePath(QStringLiteral("x.png"))));
    const auto loaded = ImageFolder::load(dir.path(), {28, false});
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QVERIFY(loaded.value.images.images.min().item<float>() > 0.99f);
  }

  void emptyAndUnreadableFolders() {
    QTemporaryDir empty;
    QString error = ImageFolder::load(empty.path(), {28, false}).error;
    QVERIFY2(error.contains(QStringLiteral("no JPG or PNG images found")), qPrintable(error));
    QTemporaryDir broken;
    QFile f(broken.filePath(QStringLiteral("a.jpg")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("nope");
    f.close();
    error = ImageFolder::load(broken.path(), {28, false}).error;
    QVERIFY2(error.contains(QStringLiteral("none of the 1 image files could be read")), qPrintable(error));
    error = ImageFolder::load(broken.path(), {30, false}).error;
    QVERIFY2(error.contains(QStringLiteral("28, 32 or 64")), qPrintable(error));
  }

  void badFilesAreSkippedAndNamed_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QByteArray png, jpg;
    {
      QImage img(64, 64, QImage::Format_RGB888);
      img.fill(QColor(10, 120, 240));
      QPainter(&img).drawLine(0, 0, 63, 63);
      QBuffer b(&png);
      b.open(QIODevice::WriteOnly);
      img.save(&b, "PNG");
      QBuffer j(&jpg);
      j.open(QIODevice::WriteOnly);
      img.save(&j, "JPG");
    }
    QTest::newRow("empty file") << QStringLiteral("empty.png") << QByteArray();
    QTest::newRow("wrong magic") << QStringLiteral("text.png") << QByteArray("GIF89a, not a PNG at all");
    QTest::newRow("PNG signature only") << QStringLiteral("sig.png") << png.left(8);
    QTest::newRow("PNG cut in its header") << QStringLiteral("cut-header.png") << png.left(20);
    QTest::newRow("JPEG cut after its markers") << QStringLiteral("cut.jpg") << jpg.left(20);
    // IHDR claims 1,000,000 × 1,000,000 pixels (a 4 TB image) in a 33-byte-header file.
    QByteArray huge = png;
    const quint32 side = qToBigEndian<quint32>(1000000);
    huge.replace(16, 4, reinterpret_cast<const char*>(&side), 4);
    huge.replace(20, 4, reinterpret_cast<const char*>(&side), 4);
    const quint32 crc = qToBigEndian<quint32>(crc32(huge.mid(12, 17)));  // a valid IHDR: the lie is believable
    huge.replace(29, 4, reinterpret_cast<const char*>(&crc), 4);
    QTest::newRow("PNG claiming 10^12 pixels") << QStringLiteral("huge.png") << huge;
    QTest::newRow("random bytes") << QStringLiteral("noise.jpeg") << QByteArray(3000, '\x5a');
  }
  void badFilesAreSkippedAndNamed() {
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    // One good image beside the bad file: the folder loads, the bad file is skipped, counted and named.
    QTemporaryDir dir;
    QImage good(30, 30, QImage::Format_Grayscale8);
    good.fill(200);
    QVERIFY(good.save(dir.filePath(QStringLiteral("good.png"))));
    QFile f(dir.filePath(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    const auto read = ImageFolder::load(dir.path(), {28, true});
    QVERIFY2(read.ok(), qPrintable(read.error));
    const auto& loaded = read.value;
    QCOMPARE(loaded.images.size(), int64_t(1));
    QCOMPARE(loaded.skipped, 1);
    QCOMPARE(loaded.skippedFiles.size(), 1);
    QVERIFY2(loaded.skippedFiles.first().startsWith(name + QStringLiteral(": ")), qPrintable(loaded.skippedFiles.first()));
    // Alone, it makes the folder unusable, with a message that says why.
    QVERIFY(QFile::remove(dir.filePath(QStringLiteral("good.png"))));
    const QString error = ImageFolder::load(dir.path(), {28, true}).error;
    QVERIFY2(error.contains(QStringLiteral("none of the 1 image files could be read")) && error.contains(name),
             qPrintable(error));
  }

  void trainsVaeAndGanFromTheCli() {
    const QString folder = m_dir.filePath(QStringLiteral("faces"));
    const QString vae = m_dir.filePath(QStringLiteral("vae-run")), gan = m_dir.filePath(QStringLiteral("gan-run"));
    auto run = [](const QStringList& args) {
      QProcess p;
      p.start(QStringLiteral(GENLAB_CLI_PATH), args);
      p.waitForFinished(120000);
      return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardError()));
    };
    auto [code, err] = run({QStringLiteral("train"), QStringLiteral("--dataset"), QStringLiteral("folder:") + folder,
                            QStringLiteral("--image-size"), QStringLiteral("32"), QStringLiteral("--color"), QStringLiteral("rgb"),
                            QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--batch"), QStringLiteral("8"),
                            QStringLiteral("--out"), vae});
    QVERIFY2(code == 0, qPrintable(err));
    QString error;
    const QJsonObject dataset = RunFolder(vae).readRunJson().value.value(QStringLiteral("dataset")).toObject();
    QCOMPARE(dataset.value(QStringLiteral("train_count")).toInt() + dataset.value(QStringLiteral("eval_count")).toInt(), 36);
    QCOMPARE(dataset.value(QStringLiteral("skipped_files")).toInt(), 1);
    QVERIFY2(err.contains(QStringLiteral("skipped 1 unreadable image file(s): a/broken.png: ")), qPrintable(err));
    QCOMPARE(dataset.value(QStringLiteral("channels")).toInt(), 3);
    const QImage digit = TestData::decoderOf(vae, &error).decode({0.f, 0.f});
    QCOMPARE(digit.size(), QSize(32, 32));
    QCOMPARE(digit.format(), QImage::Format_RGB888);

    std::tie(code, err) = run({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("gan"), QStringLiteral("--dataset"),
                               QStringLiteral("folder:") + folder, QStringLiteral("--image-size"), QStringLiteral("32"),
                               QStringLiteral("--color"), QStringLiteral("rgb"), QStringLiteral("--batch"), QStringLiteral("8"),
                               QStringLiteral("--max-steps"), QStringLiteral("3"), QStringLiteral("--out"), gan});
    QVERIFY2(code == 0, qPrintable(err));
    // The GAN is told the class by default, where the data has classes: a folder has none.
    QCOMPARE(TestData::decoderOf(gan, &error).classes(), 0);
    const QImage sample = TestData::decoderOf(gan, &error).decode(std::vector<float>(64, 0.f));
    QVERIFY2(!sample.isNull(), qPrintable(error));
    QCOMPARE(sample.size(), QSize(32, 32));
  }
};

QTEST_GUILESS_MAIN(tst_ImageFolder)
#include "tst_imagefolder.moc"
