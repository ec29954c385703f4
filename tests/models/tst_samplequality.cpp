// SPDX-License-Identifier: GPL-3.0-or-later
// The sample-quality measure: the Fréchet distance and the entropy against hand-computed values,
// and the classifier trained on the real digits, judging real images, noise and one repeated digit.
#include "data/mnist_dataset.h"
#include "io/safetensors.h"
#include "quality/classifier.h"
#include "quality/sample_quality.h"

#include <ATen/ops/full.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/zeros.h>
#include <ATen/ops/tensor.h>
#include <torch/utils.h>

#include "testdata.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace genlab;

namespace {
FeatureStatistics stats(std::vector<double> mean, std::vector<double> cov) {
  FeatureStatistics s;
  s.mean = at::tensor(mean, at::kDouble);
  s.covariance = at::tensor(cov, at::kDouble).view({int64_t(mean.size()), int64_t(mean.size())});
  s.count = 100;
  return s;
}
}  // namespace

class TestSampleQuality : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void featureStatisticsByHand() {
    // Rows (1, 2) and (3, 6): mean (2, 4); deviations ±(1, 2); unbiased covariance [[2, 4], [4, 8]].
    const auto s = feature_statistics(at::tensor({1.0f, 2.0f, 3.0f, 6.0f}).view({2, 2}));
    QCOMPARE(s.count, int64_t(2));
    QCOMPARE(s.mean[0].item<double>(), 2.0);
    QCOMPARE(s.mean[1].item<double>(), 4.0);
    QCOMPARE(s.covariance[0][0].item<double>(), 2.0);
    QCOMPARE(s.covariance[0][1].item<double>(), 4.0);
    QCOMPARE(s.covariance[1][1].item<double>(), 8.0);
  }

  void frechetDistanceByHand() {
    // The same Gaussian: 0.
    const auto a = stats({1, 2}, {2, 1, 1, 2});
    QVERIFY(std::abs(frechet_distance(a, a)) < 1e-9);
    // Commuting (diagonal) covariances: ‖Δμ‖² + Σ (σ₁ − σ₂)² = (1 + 4) + ((1 − 2)² + (2 − 3)²) = 7.
    QVERIFY(std::abs(frechet_distance(stats({0, 0}, {1, 0, 0, 4}), stats({1, 2}, {4, 0, 0, 9})) - 7.0) < 1e-9);
    // Σ₁ = I, Σ₂ = [[2, 1], [1, 2]] (eigenvalues 3 and 1): 2 + 4 − 2 (√3 + 1) = 4 − 2√3.
    QVERIFY(std::abs(frechet_distance(stats({0, 0}, {1, 0, 0, 1}), stats({0, 0}, {2, 1, 1, 2})) - (4 - 2 * std::sqrt(3.0))) < 1e-9);
    // Σ₁ = diag(4, 1), Σ₂ as above: Σ₁^½ Σ₂ Σ₁^½ = [[8, 2], [2, 2]], eigenvalues 5 ± √13:
    // 5 + 4 − 2 (√(5 + √13) + √(5 − √13)). Not symmetric in the arguments' roles, yet equal both ways.
    const double expected = 9 - 2 * (std::sqrt(5 + std::sqrt(13.0)) + std::sqrt(5 - std::sqrt(13.0)));
    QVERIFY(std::abs(frechet_distance(stats({0, 0}, {4, 0, 0, 1}), stats({0, 0}, {2, 1, 1, 2})) - expected) < 1e-9);
    QVERIFY(std::abs(frechet_distance(stats({0, 0}, {2, 1, 1, 2}), stats({0, 0}, {4, 0, 0, 1})) - expected) < 1e-9);
  }

  // MMD with a Gaussian kernel by hand: one point at 0 and one at d (σ = 1) are
  // √(1 + 1 − 2·exp(−d²/2)) apart; a set and itself, 0; {0, 1, 3}'s distances 1, 2, 3 have median 2.
  void mmdByHand() {
    const auto a = at::zeros({1, 1}), b = at::full({1, 1}, 2.0f);
    QVERIFY(std::abs(mmd(a, b, 1.0) - std::sqrt(2 - 2 * std::exp(-2.0))) < 1e-12);
    QVERIFY(std::abs(mmd(a, b, 2.0) - std::sqrt(2 - 2 * std::exp(-0.5))) < 1e-12);
    const auto set = at::tensor({0.f, 1.f, 3.f, 0.5f, -2.f, 4.f}).view({3, 2});
    QCOMPARE(mmd(set, set, 0.7), 0.0);
    // {0, 1} against {0, 3} with σ = 1: (1 + e^{−½})/2 + (1 + e^{−9/2})/2 − 2·(1 + e^{−9/2} + e^{−½} + e^{−2})/4.
    const double kaa = (1 + std::exp(-0.5)) / 2, kbb = (1 + std::exp(-4.5)) / 2,
                 kab = (1 + std::exp(-4.5) + std::exp(-0.5) + std::exp(-2.0)) / 4;
    QVERIFY(std::abs(mmd(at::tensor({0.f, 1.f}).view({2, 1}), at::tensor({0.f, 3.f}).view({2, 1}), 1.0) -
                     std::sqrt(kaa + kbb - 2 * kab)) < 1e-12);
    QCOMPARE(median_distance(at::tensor({0.f, 1.f, 3.f}).view({3, 1})), 2.0);
    QVERIFY_THROWS_EXCEPTION(c10::Error, mmd(a, b, 0.0));
  }

  void entropyByHand() {
    QCOMPARE(histogram_entropy_bits({5, 5}), 1.0);
    QCOMPARE(histogram_entropy_bits({1, 1, 1, 1}), 2.0);
    QCOMPARE(histogram_entropy_bits({10, 0, 0}), 0.0);
    QCOMPARE(histogram_entropy_bits({2, 1, 1}), 1.5);  // ½·1 + 2·¼·2
  }

  // Trained briefly on the real digits, the classifier tells them apart, and the measure ranks
  // real held-out digits above noise and above one digit repeated; saved and loaded, it is the same.
  void classifierJudgesRealDigits() {
    REQUIRE_MNIST();
    const auto train = load_mnist_split(TestData::mnistFolder().toStdString(), "train");
    const auto held = load_mnist_split(TestData::mnistFolder().toStdString(), "t10k");
    QVERIFY2(train.ok() && held.ok(), (train.error + held.error).c_str());
    const auto images = train.value.images.view({-1, 1, 28, 28}), heldImages = held.value.images.view({-1, 1, 28, 28});
    ImageClassifier model(10);
    ClassifierTraining o;
    o.epochs = 1;
    train_classifier(model, images, train.value.labels, o);
    const double accuracy = classifier_accuracy(model, heldImages, held.value.labels);
    QVERIFY2(accuracy > 0.9, qPrintable(QString::number(accuracy)));

    // Reference: the first half of the held-out digits; scored: the other half, noise, one digit.
    const int64_t half = heldImages.size(0) / 2;
    const auto reference = feature_statistics(classifier_features(model, heldImages.narrow(0, 0, half)));
    const auto real = score_samples(model, heldImages.narrow(0, half, half), reference);
    const auto noise = score_samples(model, at::rand({half, 1, 28, 28}), reference);
    const auto one = score_samples(model, heldImages.narrow(0, half, 1).expand({half, 1, 28, 28}).contiguous(), reference);
    QCOMPARE(real.count, half);
    int64_t total = 0;
    for (int64_t c : real.histogram)
      total += c;
    QCOMPARE(total, half);
    QVERIFY2(real.class_entropy_bits > 3.2, qPrintable(QString::number(real.class_entropy_bits)));
    QCOMPARE(one.class_entropy_bits, 0.0);
    QVERIFY(real.confident > 0.5);
    QVERIFY2(noise.frechet > 5 * real.frechet && one.frechet > 5 * real.frechet,
             qPrintable(QStringLiteral("%1 %2 %3").arg(real.frechet).arg(noise.frechet).arg(one.frechet)));
    QVERIFY(std::isnan(real.asked_accuracy) && real.accuracy_by_class.empty());  // nothing asked

    // Samples "asked for" a class: real digits asked for their own label are judged right as often
    // as the judge is right; asked for the next class, almost never. Per class, each class's share.
    const auto labels = held.value.labels.narrow(0, half, half);
    const auto own = score_samples(model, heldImages.narrow(0, half, half), reference, labels);
    const auto next = score_samples(model, heldImages.narrow(0, half, half), reference, labels.add(1).remainder(10));
    at::Tensor predicted;
    {
      c10::InferenceMode guard;  // as score_samples judges
      predicted = model->out->forward(classifier_features(model, heldImages.narrow(0, half, half))).argmax(1);
    }
    const double right = predicted.eq(labels).to(at::kDouble).mean().item<double>();
    QCOMPARE(own.asked_accuracy, right);
    QVERIFY2(next.asked_accuracy < 0.05, qPrintable(QString::number(next.asked_accuracy)));
    QCOMPARE(int(own.accuracy_by_class.size()), 10);
    const auto sevens = labels.eq(7);
    QCOMPARE(own.accuracy_by_class[7], predicted.masked_select(sevens).eq(7).to(at::kDouble).mean().item<double>());
    QVERIFY_THROWS_EXCEPTION(c10::Error, score_samples(model, heldImages.narrow(0, half, 2), reference, labels));

    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("c.safetensors")).toStdString();
    QCOMPARE(QString::fromStdString(save_classifier(path, model, accuracy, "mnist|test").error), QString());
    const auto loaded = load_classifier(path);
    QVERIFY2(loaded.ok(), loaded.error.c_str());
    QCOMPARE(loaded.value.accuracy, accuracy);
    QCOMPARE(loaded.value.data, std::string("mnist|test"));
    ImageClassifier copy = loaded.value.model;
    QVERIFY(copy->forward(heldImages.narrow(0, 0, 10)).equal(model->forward(heldImages.narrow(0, 0, 10))));
    // Any other safetensors file is refused with its name.
    const std::string other = dir.filePath(QStringLiteral("other.safetensors")).toStdString();
    QCOMPARE(QString::fromStdString(save_safetensors(other, {{"w", at::rand({2})}}).error), QString());
    const auto refused = load_classifier(other);
    QVERIFY(!refused.ok() && refused.error.find("other.safetensors") != std::string::npos);
  }
};

QTEST_APPLESS_MAIN(TestSampleQuality)
#include "tst_samplequality.moc"
