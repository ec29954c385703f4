// SPDX-License-Identifier: GPL-3.0-or-later
#include "vae/vae.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <QTest>
#include <cmath>

using namespace genlab;

class tst_VAE : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void shapes_data() {
    QTest::addColumn<int>("latent");
    QTest::addColumn<int>("batch");
    QTest::newRow("d=2, B=5") << 2 << 5;
    QTest::newRow("d=16, B=1") << 16 << 1;
  }
  void shapes() {
    QFETCH(int, latent);
    QFETCH(int, batch);
    torch::manual_seed(0);
    VAE vae(VAEOptions().latent_dim(latent));
    const auto x = at::rand({batch, 784});
    const auto out = vae->forward(x);
    QCOMPARE(out.logits.sizes().vec(), (std::vector<int64_t>{batch, 784}));
    QCOMPARE(out.mu.sizes().vec(), (std::vector<int64_t>{batch, latent}));
    QCOMPARE(out.logvar.sizes().vec(), (std::vector<int64_t>{batch, latent}));
    QCOMPARE(out.z.sizes().vec(), (std::vector<int64_t>{batch, latent}));
    // Names as in seed 003 (nn.Sequential indices), so PyTorch loads them by name.
    const auto params = vae->named_parameters();
    QVERIFY(params.contains("encoder.0.weight"));
    QCOMPARE(params["encoder.2.weight"].sizes().vec(), (std::vector<int64_t>{2 * latent, 256}));
    QCOMPARE(params["decoder.0.weight"].sizes().vec(), (std::vector<int64_t>{256, latent}));
    QCOMPARE(params["decoder.2.bias"].sizes().vec(), (std::vector<int64_t>{784}));
    // Parameter count by hand: 784·256+256 + 256·2d+2d + d·256+256 + 256·784+784.
    int64_t n = 0;
    for (const auto& p : vae->parameters())
      n += p.numel();
    QCOMPARE(n, int64_t(784 * 256 + 256 + 256 * 2 * latent + 2 * latent + latent * 256 + 256 + 256 * 784 + 784));
  }

  void autoEncoderHasNoNoiseAndNoKL() {
    torch::manual_seed(3);
    VAE ae(VAEOptions().deterministic(true).latent_dim(3));
    QCOMPARE(ae->named_parameters()["encoder.2.weight"].sizes().vec(), (std::vector<int64_t>{3, 256}));
    const auto x = at::rand({4, 784});
    const auto a = ae->forward(x), b = ae->forward(x);
    QVERIFY(a.z.equal(b.z));  // deterministic code
    QVERIFY(a.z.equal(a.mu));
    QVERIFY(!a.logvar.defined());
    const auto l = vae_loss(a, x);
    QCOMPARE(l.kl.item<double>(), 0.0);
    QCOMPARE(l.total.item<double>(), l.recon.item<double>());
  }

  void lossByHand() {
    // One image of two pixels. logits (0, ln 3), target (1, 0):
    //   BCE = −ln σ(0) − ln(1 − σ(ln 3)) = ln 2 + ln 4 = 3 ln 2.
    // μ = (1, 0), log σ² = (0, ln 2):
    //   KL = −½ Σ(1 + log σ² − μ² − σ²) = −½[(1 + 0 − 1 − 1) + (1 + ln 2 − 0 − 2)] = 1 − ½ ln 2.
    VAEOutput out;
    out.logits = at::tensor({0.0f, float(std::log(3.0))}).reshape({1, 2});
    out.mu = at::tensor({1.0f, 0.0f}).reshape({1, 2});
    out.logvar = at::tensor({0.0f, float(std::log(2.0))}).reshape({1, 2});
    const auto x = at::tensor({1.0f, 0.0f}).reshape({1, 2});
    const double ln2 = std::log(2.0);
    auto l = vae_loss(out, x);
    QVERIFY(std::abs(l.recon.item<double>() - 3 * ln2) < 1e-6);
    QVERIFY(std::abs(l.kl.item<double>() - (1 - 0.5 * ln2)) < 1e-6);
    QVERIFY(std::abs(l.total.item<double>() - (3 * ln2 + 1 - 0.5 * ln2)) < 1e-6);
    // Per image: the same row twice gives the same numbers.
    VAEOutput two{out.logits.repeat({2, 1}), out.mu.repeat({2, 1}), out.logvar.repeat({2, 1}), {}};
    l = vae_loss(two, x.repeat({2, 1}), 0.5);
    QVERIFY(std::abs(l.recon.item<double>() - 3 * ln2) < 1e-6);
    QVERIFY(std::abs(l.total.item<double>() - (3 * ln2 + 0.5 * (1 - 0.5 * ln2))) < 1e-6);
  }

  void gradientsReachEveryParameter() {
    torch::manual_seed(1);
    VAE vae;
    const auto x = at::rand({8, 784});
    auto l = vae_loss(vae->forward(x), x);
    l.total.backward();
    for (const auto& p : vae->named_parameters()) {
      QVERIFY2(p.value().grad().defined(), p.key().c_str());
      QVERIFY2(p.value().grad().abs().sum().item<double>() > 0, p.key().c_str());
    }
  }

  void seededNoiseIsReproducible() {
    torch::manual_seed(2);
    VAE vae;
    const auto x = at::rand({4, 784});
    auto g1 = at::make_generator<at::CPUGeneratorImpl>(7), g2 = at::make_generator<at::CPUGeneratorImpl>(7);
    QVERIFY(vae->forward(x, g1).z.equal(vae->forward(x, g2).z));
  }

  void badShapesAreRefused() {
    VAE vae;
    QVERIFY_THROWS_EXCEPTION(c10::Error, vae->forward(at::rand({2, 100})));
    QVERIFY_THROWS_EXCEPTION(c10::Error, VAE(VAEOptions().latent_dim(0)));
    try {
      vae->decode(at::rand({2, 3}));
      QFAIL("no exception");
    } catch (const c10::Error& e) {
      QVERIFY2(QString::fromUtf8(e.what_without_backtrace()).contains(QStringLiteral("codes of shape (B, 2)")),
               e.what_without_backtrace());
    }
  }
};

QTEST_APPLESS_MAIN(tst_VAE)
#include "tst_vae.moc"
