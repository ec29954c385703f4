// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/mnist_dataset.h"
#include "vae/vae_trainer.h"
#include "io/checkpoint.h"
#include "io/safetensors.h"
#include "nn/image_decoder.h"
#include "testdata.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <QTemporaryDir>
#include <QTest>
#include <torch/optim/adam.h>

using namespace genlab;

namespace {

// A VAE trainer one step in, saved in `dir`: the weights and state paths ("" when saving failed).
std::pair<std::string, std::string> savedAfterOneStep(const QTemporaryDir& dir, const at::Tensor& images) {
  const auto w = dir.filePath(QStringLiteral("weights.safetensors")).toStdString();
  const auto st = dir.filePath(QStringLiteral("optimizer.safetensors")).toStdString();
  VaeTrainer t(VAEOptions(), VaeTrainerOptions().batch_size(32), images);
  t.step();
  if (!t.save_checkpoint(w, st).ok())
    return {};
  return {w, st};
}

}  // namespace

class tst_VaeTrainer : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // The hand-written step must be exactly what autograd + torch::optim::Adam do.
  void matchesAutogradAndAdam_data() {
    QTest::addColumn<bool>("autoencoder");
    QTest::addColumn<int>("classes");
    QTest::newRow("VAE") << false << 0;
    QTest::newRow("auto-encoder") << true << 0;
    // Told the class (a CVAE): the encoder reads image + one-hot class, the decoder code + class.
    QTest::newRow("CVAE") << false << 10;
    QTest::newRow("auto-encoder told the class") << true << 3;
  }
  void matchesAutogradAndAdam() {
    QFETCH(bool, autoencoder);
    QFETCH(int, classes);
    const auto modelOptions = VAEOptions().deterministic(autoencoder).classes(classes);
    const uint64_t seed = 5;
    const int64_t n = 200, batch = 64;
    torch::manual_seed(99);
    const auto images = at::rand({n, 784});
    const auto labels = classes > 0 ? at::randint(classes, {n}, at::kLong) : at::Tensor();
    VaeTrainer trainer(modelOptions, VaeTrainerOptions().seed(seed).batch_size(batch).lr(2e-3), images, labels);

    torch::manual_seed(seed);  // same initial weights as the trainer
    VAE ref(modelOptions);
    torch::optim::Adam adam(ref->parameters(), torch::optim::AdamOptions(2e-3));
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    at::Tensor order;
    const int64_t steps = 2 * trainer.steps_per_epoch() + 1;  // crosses two epoch boundaries
    QCOMPARE(trainer.steps_per_epoch(), int64_t(4));          // 200 / 64 → 4 batches, the last of 8
    for (int64_t s = 0; s < steps; ++s) {
      const int64_t b = s % 4;
      if (b == 0)
        order = at::randperm(n, gen, at::TensorOptions(at::kLong));
      const int64_t from = b * batch, count = std::min(batch, n - from);
      const auto picked = order.narrow(0, from, count);
      const auto x = images.index_select(0, picked);
      adam.zero_grad();
      const auto l = vae_loss(ref->forward(x, gen, classes > 0 ? labels.index_select(0, picked) : at::Tensor()), x);
      l.total.backward();
      adam.step();
      const auto mine = trainer.step();
      QVERIFY2(std::abs(mine.total - l.total.item<double>()) < 1e-3, qPrintable(QString::number(s)));
      QVERIFY(std::abs(mine.recon - l.recon.item<double>()) < 1e-3);
      QVERIFY(std::abs(mine.kl - l.kl.item<double>()) < 1e-4);
    }
    QCOMPARE(trainer.epoch(), int64_t(2));
    const auto a = trainer.model()->named_parameters();
    const auto r = ref->named_parameters();
    for (const auto& p : r) {
      const auto d = (a[p.key()] - p.value()).abs();
      const double diff = d.max().item<double>();
      // Told the class (794 inputs): a few weights of one hidden unit drift up to ~1.4e-4 from
      // autograd's after nine steps, float summation order amplified by Adam where a gradient sits
      // near zero; a wrong gradient would move whole rows or the class columns by ~lr per step (2e-3).
      // Every other weight, the class columns among them, agrees within 2e-5.
      const int64_t off = d.gt(2e-5).sum().item<int64_t>();
      const bool close = classes == 0 ? diff < 2e-5 : off <= 8 && diff < 5e-4;
      QVERIFY2(close, qPrintable(QStringLiteral("%1 differs by %2 (%3 values over 2e-5)")
                                     .arg(QString::fromStdString(p.key())).arg(diff).arg(off)));
      if (classes > 0 && p.key() == "encoder.0.weight")
        QVERIFY(d.narrow(1, 784, classes).max().item<double>() < 2e-5);
      if (classes > 0 && p.key() == "decoder.0.weight")
        QVERIFY(d.narrow(1, 2, classes).max().item<double>() < 2e-5);
    }
  }

  // Stop at step 100 (mid-epoch), save, load into a fresh trainer, continue: the next 30 losses
  // are those of a run that never stopped.
  void resumeContinuesExactly() {
    QTemporaryDir dir;
    const auto w = dir.filePath(QStringLiteral("weights.safetensors")).toStdString();
    const auto st = dir.filePath(QStringLiteral("optimizer.safetensors")).toStdString();
    torch::manual_seed(11);
    const auto images = at::rand({500, 784});
    const auto opts = VaeTrainerOptions().seed(7).batch_size(64);  // 8 steps an epoch
    VaeTrainer straight(VAEOptions(), opts, images);
    std::vector<VaeLosses> expected;
    for (int i = 0; i < 130; ++i)
      expected.push_back(straight.step());

    VaeTrainer first(VAEOptions(), opts, images);
    for (int i = 0; i < 100; ++i)
      first.step();
    QCOMPARE(first.batch_in_epoch(), int64_t(4));
    QCOMPARE(QString::fromStdString(first.save_checkpoint(w, st).error), QString());

    VaeTrainer resumed(VAEOptions(), VaeTrainerOptions().seed(999).batch_size(64), images);  // other seed: all state comes from the files
    QCOMPARE(QString::fromStdString(resumed.load_checkpoint(w, st).error), QString());
    QCOMPARE(resumed.steps_done(), int64_t(100));
    QCOMPARE(resumed.epoch(), int64_t(12));
    for (int i = 100; i < 130; ++i) {
      const auto l = resumed.step();
      QVERIFY2(std::abs(l.total - expected[size_t(i)].total) <= 1e-5 * std::abs(expected[size_t(i)].total),
               qPrintable(QStringLiteral("step %1: %2 vs %3").arg(i + 1).arg(l.total).arg(expected[size_t(i)].total)));
      QVERIFY(std::abs(l.kl - expected[size_t(i)].kl) <= 1e-5 * std::abs(expected[size_t(i)].kl) + 1e-9);
    }
  }

  void mismatchedCheckpointsAreRefused() {
    QTemporaryDir dir;
    const auto w = dir.filePath(QStringLiteral("weights.safetensors")).toStdString();
    const auto st = dir.filePath(QStringLiteral("optimizer.safetensors")).toStdString();
    const auto st2 = dir.filePath(QStringLiteral("later.safetensors")).toStdString();
    const auto images = at::rand({100, 784});
    VaeTrainer t(VAEOptions(), VaeTrainerOptions().batch_size(32), images);
    t.step();
    QCOMPARE(QString::fromStdString(t.save_checkpoint(w, st).error), QString());
    t.step();
    QCOMPARE(QString::fromStdString(t.save_checkpoint(dir.filePath(QStringLiteral("w2")).toStdString(), st2).error), QString());
    VaeTrainer u(VAEOptions(), VaeTrainerOptions().batch_size(32), images);
    // Weights of step 1 with the state of step 2: a save interrupted between the two files.
    QString err = QString::fromStdString(u.load_checkpoint(w, st2).error);
    QVERIFY2(err.contains(QStringLiteral("are from different moments")), qPrintable(err));
    // A save killed after the new state was written but before the new weights: the previous
    // state, kept beside it, still matches the weights on disk.
    QCOMPARE(QString::fromStdString(t.save_checkpoint(dir.filePath(QStringLiteral("w3")).toStdString(), st).error), QString());
    QCOMPARE(QString::fromStdString(u.load_checkpoint(w, st).error), QString());
    QCOMPARE(u.steps_done(), int64_t(1));
    // Another model shape.
    VaeTrainer other(VAEOptions().latent_dim(3), VaeTrainerOptions().batch_size(32), images);
    err = QString::fromStdString(other.load_checkpoint(w, st).error);
    QVERIFY2(err.contains(QStringLiteral("'encoder.2.weight' has shape [4, 256], the model needs [6, 256]")), qPrintable(err));
    // Other data.
    VaeTrainer small(VAEOptions(), VaeTrainerOptions().batch_size(32), at::rand({50, 784}));
    err = QString::fromStdString(small.load_checkpoint(w, st).error);
    QVERIFY2(err.contains(QStringLiteral("data order is for 100 examples, the data has 50")), qPrintable(err));
  }

  void weightsLoadFromTheOpenedFileAndFromThePath() {
    VaeTrainer trainer(VAEOptions().latent_dim(3), VaeTrainerOptions().seed(3).batch_size(16), at::rand({32, 784}));
    trainer.step();
    QTemporaryDir dir;
    const auto w = dir.filePath(QStringLiteral("weights.safetensors")).toStdString();
    const auto st = dir.filePath(QStringLiteral("optimizer.safetensors")).toStdString();
    QCOMPARE(QString::fromStdString(trainer.save_checkpoint(w, st).error), QString());
    const auto file = load_safetensors(w);
    QVERIFY2(file.ok(), file.error.c_str());
    torch::manual_seed(9);
    VAE a(VAEOptions().latent_dim(3)), b(VAEOptions().latent_dim(3));
    const Status fromFile = load_weights(a, file.value, "weights.safetensors");
    QVERIFY2(fromFile.ok(), fromFile.error.c_str());
    const Status fromPath = load_weights(b, w);
    QVERIFY2(fromPath.ok(), fromPath.error.c_str());
    for (const auto& p : trainer.model()->named_parameters()) {
      QVERIFY2(at::equal(a->named_parameters()[p.key()], p.value()), p.key().c_str());
      QVERIFY2(at::equal(b->named_parameters()[p.key()], p.value()), p.key().c_str());
    }
    // The trainer's own model (parameters are views into one buffer) loads in place.
    VaeTrainer other(VAEOptions().latent_dim(3), VaeTrainerOptions().seed(4).batch_size(16), at::rand({32, 784}));
    QVERIFY(load_weights(other.model(), file.value, "weights.safetensors").ok());
    QCOMPARE(other.decoder_weights().w1, trainer.decoder_weights().w1);

    SafetensorsFile f64 = file.value;
    for (auto& [name, tensor] : f64.tensors)
      if (name == "decoder.2.bias")
        tensor = tensor.to(at::kDouble);
    VAE c(VAEOptions().latent_dim(3));
    const auto before = c->named_parameters()["encoder.0.weight"].clone();
    QCOMPARE(QString::fromStdString(load_weights(c, f64, "weights.safetensors").error),
             QStringLiteral("weights.safetensors: 'decoder.2.bias' is float64, the model needs float32"));
    QVERIFY(at::equal(c->named_parameters()["encoder.0.weight"], before));  // nothing copied
    VAE wide(VAEOptions().latent_dim(4));
    QCOMPARE(QString::fromStdString(load_weights(wide, w).error),
             QStringLiteral("weights.safetensors: 'encoder.2.weight' has shape [6, 256], the model needs [8, 256]"));
  }

  void decoderCopyDecodesLikeTheModel() {
    VaeTrainer trainer(VAEOptions().latent_dim(3), VaeTrainerOptions().seed(3), at::rand({32, 784}));
    trainer.step();
    const auto w = trainer.decoder_weights();
    QCOMPARE(w.latent_dim, int64_t(3));
    const std::vector<float> z{0.5f, -1.25f, 2.0f};
    const auto mine = w.decode(z);
    torch::NoGradGuard ng;
    const auto ref = at::sigmoid(trainer.model()->decode(at::tensor(z).reshape({1, 3}))).reshape({784});
    for (int i = 0; i < 784; ++i)
      QVERIFY(std::abs(mine[size_t(i)] - ref[i].item<float>()) < 1e-5f);
  }

  // A CVAE's decoder copy: the code then the one-hot class, as the model decodes it; only the
  // class changes the image.
  void cvaeDecoderCopyTakesTheClass() {
    const auto labels = at::arange(32, at::kLong).remainder(10);
    VaeTrainer trainer(VAEOptions().latent_dim(2).classes(10), VaeTrainerOptions().seed(3), at::rand({32, 784}), labels);
    trainer.step();
    const auto w = trainer.decoder_weights();
    QCOMPARE(w.latent_dim, int64_t(12));
    QCOMPARE(w.classes, int64_t(10));
    const auto decoder = make_mlp_decoder(w);
    QCOMPARE(decoder->latent_dim(), int64_t(2));
    QCOMPARE(decoder->classes(), int64_t(10));
    const std::vector<float> z{0.5f, -1.25f};
    const auto seven = decoder->decode(z, 7);
    torch::NoGradGuard ng;
    const auto ref = at::sigmoid(trainer.model()->decode(at::tensor(z).reshape({1, 2}), at::tensor({7}, at::kLong))).reshape({784});
    for (int i = 0; i < 784; ++i)
      QVERIFY(std::abs(seven[size_t(i)] - ref[i].item<float>()) < 1e-5f);
    QVERIFY(decoder->decode(z, 3) != seven);
    QVERIFY(decoder->decode(z, 10).empty());
    // The encoder needs the labels: without them, or out of range, no codes.
    const auto encoder = trainer.encoder();
    QCOMPARE(encoder->classes(), int64_t(10));
    const auto items = at::rand({2, 784}).contiguous();
    const int64_t good[2] = {1, 9}, bad[2] = {1, 10};
    QCOMPARE(encoder->encode(items.data_ptr<float>(), 2, good).count, int64_t(2));
    QVERIFY(encoder->encode(items.data_ptr<float>(), 2).empty());
    QVERIFY(encoder->encode(items.data_ptr<float>(), 2, bad).empty());
    const auto mine = encoder->encode(items.data_ptr<float>(), 2, good);
    const auto refMu = trainer.model()->encode(items, at::tensor({1, 9}, at::kLong)).first.contiguous();
    for (int i = 0; i < 4; ++i)
      QVERIFY(std::abs(mine.mean[size_t(i)] - refMu.data_ptr<float>()[i]) < 1e-5f);
    // Labels are required exactly when told the class.
    QVERIFY_THROWS_EXCEPTION(c10::Error, VaeTrainer(VAEOptions().classes(10), VaeTrainerOptions(), at::rand({32, 784})));
    QVERIFY_THROWS_EXCEPTION(c10::Error, VaeTrainer(VAEOptions(), VaeTrainerOptions(), at::rand({32, 784}), labels));
  }

  void absurdSettingsAreRefused() {
    const auto x = at::rand({8, 784});
    QVERIFY_THROWS_EXCEPTION(c10::Error, VaeTrainer(VAEOptions(), VaeTrainerOptions().lr(-1), x));
    QVERIFY_THROWS_EXCEPTION(c10::Error, VaeTrainer(VAEOptions(), VaeTrainerOptions().batch_size(0), x));
    QVERIFY_THROWS_EXCEPTION(c10::Error, VaeTrainer(VAEOptions(), VaeTrainerOptions(), at::rand({8, 100})));
    QVERIFY_THROWS_EXCEPTION(c10::Error, VaeTrainer(VAEOptions(), VaeTrainerOptions(), at::rand({0, 784})));
  }

  void nanLossStopsWithAMessage() {
    auto x = at::rand({8, 784});
    x[0][0] = std::nanf("");
    VaeTrainer trainer(VAEOptions(), VaeTrainerOptions(), x);
    try {
      trainer.step();
      QFAIL("a NaN loss went unnoticed");
    } catch (const c10::Error& e) {
      QVERIFY2(QString::fromUtf8(e.what_without_backtrace()).contains(QStringLiteral("the loss became NaN at step 1")),
               e.what_without_backtrace());
    }
  }

  void evaluationLossFallsOnRealDigits() {
    REQUIRE_MNIST();
    auto train = load_mnist_split(TestData::mnistFolder().toStdString(), "train");
    auto eval = load_mnist_split(TestData::mnistFolder().toStdString(), "t10k");
    QVERIFY2(train.ok() && eval.ok(), (train.error + eval.error).c_str());
    at::set_num_threads(2);
    VaeTrainer trainer(VAEOptions(), VaeTrainerOptions().seed(1), train.value.images);
    const auto before = trainer.evaluate(eval.value.images);
    QCOMPARE(trainer.evaluate(eval.value.images).total, before.total);  // fixed noise: deterministic
    // An untrained decoder outputs ~0.5 everywhere: ≈ 784·ln 2 = 543 nats.
    QVERIFY2(before.total > 450, qPrintable(QString::number(before.total)));
    while (trainer.epoch() < 3)
      trainer.step();
    const auto after = trainer.evaluate(eval.value.images);
    qInfo("held-out negative ELBO: %.2f before, %.2f after 3 epochs (recon %.2f, KL %.2f)", before.total, after.total,
          after.recon, after.kl);
    QVERIFY2(after.total < 200, qPrintable(QString::number(after.total)));
    QVERIFY(after.kl > 1);  // the code is used
  }

  // A state file altered in each way a crafted or damaged file can be: every one refused with a
  // message naming the problem, and the trainer left exactly as it was (the checks run before
  // anything is copied).
  void corruptTrainerStatesAreRefusedAndChangeNothing_data() {
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected");
    // LibTorch's own set_state accepts the first (position 624 with 624 words left), and the
    // generator would then read past its 624-word state.
    QTest::newRow("generator position past the state") << "rng-next" << "random-generator state is inconsistent";
    QTest::newRow("generator not seeded") << "rng-unseeded" << "not seeded";
    QTest::newRow("generator state truncated") << "rng-short" << "wrong size";
    QTest::newRow("order repeats an index") << "order-dup" << "twice (not a permutation)";
    QTest::newRow("order out of range") << "order-range" << "outside 0..99";
    QTest::newRow("order as int32") << "order-int32" << "not a list of int64";
    QTest::newRow("negative second moment") << "v-negative" << "'adam.exp_avg_sq' holds negative values";
    QTest::newRow("NaN first moment") << "m-nan" << "'adam.exp_avg' holds NaN";
    QTest::newRow("counter with text") << "step-text" << "not whole numbers";
  }
  void corruptTrainerStatesAreRefusedAndChangeNothing() {
    QFETCH(QString, change);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const auto images = at::rand({100, 784});
    const auto [w, st] = savedAfterOneStep(dir, images);
    QVERIFY(!w.empty());
    auto state = load_safetensors(st);
    QVERIFY(state.ok());
    NamedTensors tensors = state.value.tensors;
    auto metadata = state.value.metadata;
    for (auto& [name, tensor] : tensors) {
      auto bytes = tensor.clone();
      if (name == "rng.state") {
        auto* b = bytes.data_ptr<uint8_t>();
        if (change == QLatin1String("rng-next")) {
          const int32_t left = 624;
          const uint64_t next = 624;
          std::memcpy(b + 8, &left, 4);
          std::memcpy(b + 16, &next, 8);
        } else if (change == QLatin1String("rng-unseeded")) {
          std::memset(b + 12, 0, 4);
        } else if (change == QLatin1String("rng-short")) {
          bytes = bytes.narrow(0, 0, 100).clone();
        }
      } else if (name == "data.order") {
        if (change == QLatin1String("order-dup"))
          bytes[1] = bytes[0].item<int64_t>();
        else if (change == QLatin1String("order-range"))
          bytes[5] = 100;
        else if (change == QLatin1String("order-int32"))
          bytes = bytes.to(at::kInt);
      } else if (name == "adam.exp_avg_sq" && change == QLatin1String("v-negative")) {
        bytes[7] = -1e-3f;
      } else if (name == "adam.exp_avg" && change == QLatin1String("m-nan")) {
        bytes[3] = std::nanf("");
      }
      tensor = bytes;
    }
    if (change == QLatin1String("step-text"))
      metadata["epoch"] = "0x";
    QCOMPARE(QString::fromStdString(save_safetensors(st, tensors, metadata).error), QString());

    VaeTrainer u(VAEOptions(), VaeTrainerOptions().batch_size(32), images);
    std::vector<at::Tensor> before;
    for (const auto& p : u.model()->parameters())
      before.push_back(p.detach().clone());
    const QString err = QString::fromStdString(u.load_checkpoint(w, st).error);
    QVERIFY2(err.contains(expected), qPrintable(err));
    QVERIFY2(err.startsWith(QStringLiteral("optimizer.safetensors: ")), qPrintable(err));
    QCOMPARE(u.steps_done(), int64_t(0));
    size_t i = 0;
    for (const auto& p : u.model()->parameters())
      QVERIFY(p.equal(before[i++]));
  }

  // A save that fails after the state was written (a full disk, a killed process) leaves a newer
  // state beside older weights. Twice in a row must still leave the run resumable: the second save
  // must not push the only state matching the weights out of optimizer.safetensors.prev.
  void twoFailedSavesStillResume() {
    QTemporaryDir dir;
    const auto images = at::rand({100, 784});
    const auto [w, st] = savedAfterOneStep(dir, images);
    QVERIFY(!w.empty());
    // The weights write fails (a dtype the format cannot hold stands in for ENOSPC: same place).
    const NamedTensors unwritable{{"x", at::zeros({2}, at::kComplexFloat)}};
    for (int64_t step : {2, 3}) {
      const std::string err = save_checkpoint_files(w, unwritable, {}, st, {{"rng.state", at::zeros({4}, at::kByte)}},
                                                    {}, step).error;
      QVERIFY2(err.find("cannot hold") != std::string::npos, err.c_str());
    }
    VaeTrainer u(VAEOptions(), VaeTrainerOptions().batch_size(32), images);
    QCOMPARE(QString::fromStdString(u.load_checkpoint(w, st).error), QString());
    QCOMPARE(u.steps_done(), int64_t(1));
    // …and says so: the newer state (step 3) was not the weights' (step 1).
    const QString note = QString::fromStdString(u.load_note());
    QVERIFY2(note.contains(QStringLiteral("step 3, the weights are of step 1")) && note.contains(QStringLiteral(".prev")),
             qPrintable(note));
    u.step();  // and it trains on
    QCOMPARE(u.steps_done(), int64_t(2));
  }
};

QTEST_APPLESS_MAIN(tst_VaeTrainer)
#include "tst_vaetrainer.moc"
