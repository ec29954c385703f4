// SPDX-License-Identifier: GPL-3.0-or-later
#include "parametercount.h"
#include "vae/conv_vae.h"
#include "io/safetensors.h"
#include "nn/image_decoder.h"
#include "nn/image_encoder.h"
#include "data/mnist_dataset.h"

#include <ATen/ATen.h>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace genlab;

namespace {
// Debian's dataset-fashion-mnist, which scripts/setup.sh installs.
const char* kFashionFolder = "/usr/share/datasets/fashion-mnist";
}  // namespace

class tst_ConvVAE : public QObject {
  Q_OBJECT

  static int64_t count(torch::nn::Module& m) { return parameterCount(m); }

 private Q_SLOTS:
  void shapes_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("latent");
    QTest::newRow("28 px grey, d = 2") << 28 << 1 << 2;
    QTest::newRow("32 px RGB, d = 16") << 32 << 3 << 16;
    QTest::newRow("64 px RGB, d = 128") << 64 << 3 << 128;
  }
  void shapes() {
    QFETCH(int, size);
    QFETCH(int, channels);
    QFETCH(int, latent);
    torch::manual_seed(0);
    ConvVAE vae(ConvVAEOptions().image_size(size).channels(channels).latent_dim(latent).width(8));
    const auto x = at::rand({3, channels, size, size});
    const auto out = vae->forward(x);
    QCOMPARE(out.logits.sizes().vec(), x.sizes().vec());
    QCOMPARE(out.mu.sizes().vec(), (std::vector<int64_t>{3, latent}));
    QCOMPARE(out.logvar.sizes().vec(), (std::vector<int64_t>{3, latent}));
    const auto loss = vae_loss(out, x);
    loss.total.backward();
    for (const auto& p : vae->named_parameters())
      QVERIFY2(p.value().grad().defined() && p.value().grad().abs().sum().item<double>() > 0, p.key().c_str());
  }

  void parameterCountByHand() {
    // 28 px grey, width 32, d = 16.
    // Encoder: Conv 1 → 32, 4×4 + bias: 16·32 + 32 = 544; Conv 32 → 64: 32·64·16 + 64 = 32,832;
    //          head 64·7·7 = 3136 → 2·16: 3136·32 + 32 = 100,384.  Sum 133,760.
    // Decoder: Linear 16 → 3136: 16·3136 + 3136 = 53,312; ConvT 64 → 32: 64·32·16 + 32 = 32,800;
    //          ConvT 32 → 1: 32·16 + 1 = 513.  Sum 86,625.
    ConvVAE vae(ConvVAEOptions().latent_dim(16).width(32));
    QCOMPARE(count(*vae->encoder), int64_t(133760));
    QCOMPARE(count(*vae->decoder), int64_t(86625));
  }

  void betaWeightsTheKlTerm() {
    torch::manual_seed(1);
    ConvVAE vae(ConvVAEOptions().latent_dim(4).width(8));
    const auto x = at::rand({5, 1, 28, 28});
    auto g1 = at::make_generator<at::CPUGeneratorImpl>(3), g2 = at::make_generator<at::CPUGeneratorImpl>(3);
    const auto one = vae_loss(vae->forward(x, g1), x, 1.0), four = vae_loss(vae->forward(x, g2), x, 4.0);
    QCOMPARE(one.recon.item<double>(), four.recon.item<double>());  // same noise, same reconstruction
    QVERIFY(one.kl.item<double>() > 0);
    QVERIFY(std::abs(four.total.item<double>() - (one.recon.item<double>() + 4 * one.kl.item<double>())) < 1e-3);
  }

  void trainsOnFashionMnistAndResumesExactly() {
    if (!QFile::exists(QString::fromLatin1(kFashionFolder)))
      QFAIL("Fashion-MNIST is missing in /usr/share/datasets/fashion-mnist: run scripts/setup.sh first");
    auto train = load_mnist_split(kFashionFolder, "train");
    auto eval = load_mnist_split(kFashionFolder, "t10k");
    QVERIFY2(train.ok(), train.error.c_str());
    QVERIFY2(eval.ok(), eval.error.c_str());
    at::set_num_threads(2);
    const auto images = train.value.images.narrow(0, 0, 4096).view({-1, 1, 28, 28});
    const auto held = eval.value.images.narrow(0, 0, 1000).view({-1, 1, 28, 28});
    const auto model = ConvVAEOptions().latent_dim(8).width(16);
    const auto opts = ConvVaeTrainerOptions().batch_size(64);

    ConvVaeTrainer straight(model, opts, images);
    const double before = straight.evaluate(held).total.item<double>();
    std::vector<double> expected;
    for (int i = 0; i < 128; ++i)  // two epochs
      expected.push_back(straight.step().total.item<double>());
    const double after = straight.evaluate(held).total.item<double>();
    qInfo("held-out -ELBO on 1,000 Fashion-MNIST images: %.1f nats before, %.1f after 2 epochs", before, after);
    QVERIFY(before > 500);  // an untrained decoder says ~0.5 for every pixel: ≥ 784·ln 2 − the dataset's mean ink
    QVERIFY(after < 0.6 * before);
    QCOMPARE(straight.epoch(), int64_t(2));

    // The snapshot for the GUI decodes as the model does.
    const auto decoder = straight.decoder();
    std::vector<float> z{0.5f, -1.f, 0.f, 0.2f, 1.f, 0.f, -0.3f, 0.7f};
    const auto pixels = decoder->decode(z);
    QCOMPARE(int64_t(pixels.size()), int64_t(784));
    const auto direct = straight.model()->decoder->forward(at::tensor(z).view({1, 8})).sigmoid().flatten();
    QVERIFY(std::abs(direct[100].item<float>() - pixels[100]) < 1e-6f);

    QTemporaryDir dir;
    const auto w = dir.filePath(QStringLiteral("weights.safetensors")).toStdString();
    const auto st = dir.filePath(QStringLiteral("optimizer.safetensors")).toStdString();
    ConvVaeTrainer first(model, opts, images);
    for (int i = 0; i < 100; ++i)
      first.step();
    QCOMPARE(QString::fromStdString(first.save_checkpoint(w, st).error), QString());
    ConvVaeTrainer resumed(model, ConvVaeTrainerOptions().batch_size(64).seed(99), images);
    QCOMPARE(QString::fromStdString(resumed.load_checkpoint(w, st).error), QString());
    QCOMPARE(resumed.steps_done(), int64_t(100));
    QCOMPARE(resumed.batch_in_epoch(), int64_t(100 - 64));
    for (int i = 100; i < 120; ++i) {
      const double l = resumed.step().total.item<double>();
      QVERIFY2(std::abs(l - expected[size_t(i)]) <= 1e-5 * std::abs(expected[size_t(i)]),
               qPrintable(QStringLiteral("step %1: %2 vs %3").arg(i + 1).arg(l).arg(expected[size_t(i)])));
    }

    // The run's weights load back into a decoder for the Explore page; a wrong shape is named.
    const auto loaded = load_conv_vae_decoder(w, model);
    QVERIFY2(loaded.ok() && loaded.value, loaded.error.c_str());
    QCOMPARE(loaded.value->decode(z).size(), size_t(784));
    const auto wide = load_conv_vae_decoder(w, ConvVAEOptions().latent_dim(8).width(32));
    QVERIFY(!wide.ok() && !wide.value);
    QVERIFY2(QString::fromStdString(wide.error).contains(QStringLiteral("decoder.project.weight")), wide.error.c_str());
  }

  void loadersFromTheOpenedFileAndFromThePathAgree() {
    torch::manual_seed(4);
    const auto o = ConvVAEOptions().latent_dim(4).width(8);
    ConvVAE source(o);
    NamedTensors tensors;
    for (const auto& p : source->named_parameters())
      tensors.emplace_back(p.key(), p.value());
    QTemporaryDir dir;
    const auto w = dir.filePath(QStringLiteral("weights.safetensors")).toStdString();
    QCOMPARE(QString::fromStdString(save_safetensors(w, tensors).error), QString());
    const auto file = load_safetensors(w);
    QVERIFY2(file.ok(), file.error.c_str());

    ConvVAE a(o), b(o);
    const Status fromFile = load_conv_vae_weights(a, file.value, "weights.safetensors");
    QVERIFY2(fromFile.ok(), fromFile.error.c_str());
    const Status fromPath = load_conv_vae_weights(b, w);
    QVERIFY2(fromPath.ok(), fromPath.error.c_str());
    for (const auto& p : source->named_parameters()) {
      QVERIFY2(at::equal(a->named_parameters()[p.key()], p.value()), p.key().c_str());
      QVERIFY2(at::equal(b->named_parameters()[p.key()], p.value()), p.key().c_str());
    }
    const auto da = load_conv_vae_decoder(file.value, "weights.safetensors", o), db = load_conv_vae_decoder(w, o);
    QVERIFY2(da.ok() && db.ok(), (da.error + db.error).c_str());
    const std::vector<float> z{0.2f, -0.4f, 1.1f, 0.f};
    const auto pixels = da.value->decode(z);
    QCOMPARE(pixels, db.value->decode(z));
    torch::NoGradGuard no_grad;
    const auto direct = source->decoder->forward(at::tensor(z).view({1, 4})).sigmoid().flatten();
    QVERIFY(std::abs(direct[300].item<float>() - pixels[300]) < 1e-6f);

    // A float64 decoder tensor: refused, named, and the encoder (listed first) left as it was.
    SafetensorsFile f64 = file.value;
    for (auto& [name, tensor] : f64.tensors)
      if (name == "decoder.project.bias")
        tensor = tensor.to(at::kDouble);
    ConvVAE c(o);
    const auto before = c->encoder->head->weight.clone();
    QCOMPARE(QString::fromStdString(load_conv_vae_weights(c, f64, "weights.safetensors").error),
             QStringLiteral("weights.safetensors: 'decoder.project.bias' is float64, the model needs float32"));
    QVERIFY(at::equal(c->encoder->head->weight, before));
    QVERIFY(!load_conv_vae_decoder(f64, "weights.safetensors", o).ok());
    const auto latent = load_conv_vae_decoder(file.value, "weights.safetensors", ConvVAEOptions().latent_dim(5).width(8));
    QVERIFY2(QString::fromStdString(latent.error)
                 .startsWith(QStringLiteral("weights.safetensors: 'decoder.project.weight' has shape")),
             latent.error.c_str());
    QVERIFY(!load_conv_vae_decoder(file.value, "weights.safetensors", ConvVAEOptions().image_size(30)).ok());
  }

  // Mixed precision: bf16 steps keep float32 weights and give losses close to float32's.
  void bfloat16TrainingKeepsFloat32Weights() {
    at::set_num_threads(2);
    const auto images = at::rand({64, 1, 28, 28});
    auto make = [&](Precision p) {
      return std::make_unique<ConvVaeTrainer>(ConvVAEOptions().width(16),
                                              ConvVaeTrainerOptions().batch_size(16).seed(3).precision(p), images);
    };
    auto full = make(Precision::Float32), half = make(Precision::BFloat16);
    double a = 0, b = 0;
    for (int i = 0; i < 3; ++i) {
      a = full->step().total.item<double>();
      b = half->step().total.item<double>();
    }
    QVERIFY(std::isfinite(b));
    QVERIFY2(std::abs(a - b) < 0.02 * a && a != b, qPrintable(QStringLiteral("fp32 %1, bf16 %2").arg(a).arg(b)));
    for (const auto& p : half->model()->named_parameters())
      QVERIFY2(p.value().scalar_type() == at::kFloat, p.key().c_str());
  }

  // A conditional conv VAE: the encoder's head reads the conv features then the one-hot class, the
  // decoder the code then the class; the weights' layout follows from the options alone.
  void toldTheClass() {
    torch::manual_seed(3);
    const auto o = ConvVAEOptions().width(8).latent_dim(4).classes(10);
    const auto labels = at::arange(40, at::kLong).remainder(10);
    ConvVaeTrainer t(o, ConvVaeTrainerOptions().batch_size(8), at::rand({40, 1, 28, 28}), labels);
    const auto first = t.step();
    QVERIFY(std::isfinite(first.total.item<double>()));
    QCOMPARE(t.model()->encoder->head->weight.sizes().vec(), (std::vector<int64_t>{8, 16 * 7 * 7 + 10}));
    QCOMPARE(t.model()->decoder->project->weight.sizes().vec(), (std::vector<int64_t>{16 * 7 * 7, 4 + 10}));
    const auto specs = conv_vae_tensors(o);
    QVERIFY(specs.ok());
    QCOMPARE(int64_t(specs.value.size()), int64_t(t.model()->named_parameters().size()));
    // Held-out numbers need the labels; with them they are finite.
    QVERIFY(std::isfinite(t.evaluate(at::rand({10, 1, 28, 28}), labels.narrow(0, 0, 10)).total.item<double>()));
    QVERIFY_THROWS_EXCEPTION(c10::Error, t.evaluate(at::rand({10, 1, 28, 28})));
    // Only the class changes: the same code, two classes, two images.
    const auto decoder = t.decoder();
    QCOMPARE(decoder->classes(), int64_t(10));
    const std::vector<float> z{0.1f, -0.4f, 1.2f, 0.f};
    QVERIFY(decoder->decode(z, 2) != decoder->decode(z, 5));
    QVERIFY(decoder->decode(z, 2) == decoder->decode(z, 2));
    const auto encoder = t.encoder();
    QCOMPARE(encoder->classes(), int64_t(10));
    const auto item = at::rand({1, 1, 28, 28}).contiguous();
    const int64_t two = 2, five = 5;
    const auto a = encoder->encode(item.data_ptr<float>(), 1, &two), b = encoder->encode(item.data_ptr<float>(), 1, &five);
    QCOMPARE(a.count, int64_t(1));
    QVERIFY(a.mean != b.mean);  // the encoder reads the class too
    QVERIFY(encoder->encode(item.data_ptr<float>(), 1).empty());
    QVERIFY_THROWS_EXCEPTION(c10::Error, ConvVaeTrainer(o, ConvVaeTrainerOptions(), at::rand({40, 1, 28, 28})));
  }

  void badOptionsAreRefused() {
    QVERIFY_THROWS_EXCEPTION(c10::Error, ConvVAE(ConvVAEOptions().image_size(30)));
    QVERIFY_THROWS_EXCEPTION(c10::Error, ConvVAE(ConvVAEOptions().channels(2)));
    QVERIFY_THROWS_EXCEPTION(c10::Error, ConvVAE(ConvVAEOptions().latent_dim(1)));
    QVERIFY_THROWS_EXCEPTION(c10::Error, ConvVAE(ConvVAEOptions().latent_dim(129)));
    QVERIFY_THROWS_EXCEPTION(c10::Error,
                             ConvVaeTrainer(ConvVAEOptions(), ConvVaeTrainerOptions(), at::rand({200, 3, 28, 28})));
    QVERIFY_THROWS_EXCEPTION(
        c10::Error, ConvVaeTrainer(ConvVAEOptions(), ConvVaeTrainerOptions().lr(5), at::rand({200, 1, 28, 28})));
    QVERIFY_THROWS_EXCEPTION(c10::Error,
                             ConvVaeTrainer(ConvVAEOptions(), ConvVaeTrainerOptions(), at::rand({10, 1, 28, 28})));
  }
};

QTEST_APPLESS_MAIN(tst_ConvVAE)
#include "tst_convvae.moc"
