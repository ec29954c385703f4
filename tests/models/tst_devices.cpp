// SPDX-License-Identifier: GPL-3.0-or-later
// Where the models run. Every CPU fast path (the hand-written VAE step's latent loop, the fused
// gated unit and channel LayerNorm, the transposed convolution as a convolution's adjoint, 1×1
// convolutions as batched products, batch slices on threads) has a generic ATen path that every
// other device takes; on the CPU both must give the same numbers, for the blocks and for every
// family's training.
#include "autoregressive/pixel_trainer.h"
#include "data/mnist_dataset.h"
#include "data/toy2d.h"
#include "diffusion/image_diffusion.h"
#include "diffusion/toy_diffusion.h"
#include "gan/dcgan.h"
#include "nn/channel_norm.h"
#include "nn/conv_transpose.h"
#include "nn/device.h"
#include "nn/gated_activation.h"
#include "nn/pointwise_conv.h"
#include "pixelcnn/pixelcnn.h"
#include "pixelrnn/pixelrnn.h"
#include "toy/toy_models.h"
#include "vae/conv_vae.h"
#include "vae/vae_trainer.h"
#include "testdata.h"

#include <ATen/ATen.h>
#include <torch/nn/modules/conv.h>
#include <QTest>

using namespace genlab;

namespace {

double maxDiff(const at::Tensor& a, const at::Tensor& b) { return (a - b).abs().max().item<double>(); }

// The forward value and the gradients of `inputs` of a weighted sum of f's output (the weights fixed,
// so a wrong gradient anywhere shows).
std::vector<at::Tensor> valueAndGradients(const std::function<at::Tensor()>& f, const std::vector<at::Tensor>& inputs) {
  for (const auto& t : inputs)
    if (t.grad().defined())
      t.mutable_grad().zero_();
  const auto y = f();
  const auto w = at::linspace(-1, 1, y.numel()).view(y.sizes());
  (y * w).sum().backward();
  std::vector<at::Tensor> out{y.detach().clone()};
  for (const auto& t : inputs)
    out.push_back(t.grad().clone());
  return out;
}

// The same computation with the fast paths and with the generic ones: the largest difference.
double fastVersusGeneric(const std::function<at::Tensor()>& f, const std::vector<at::Tensor>& inputs) {
  const auto fast = valueAndGradients(f, inputs);
  std::vector<at::Tensor> generic;
  {
    GenericPathsScope scope;
    generic = valueAndGradients(f, inputs);
  }
  double worst = 0;
  for (size_t i = 0; i < fast.size(); ++i)
    worst = std::max(worst, maxDiff(fast[i], generic[i]));
  return worst;
}

enum Family { MlpVae, AutoEncoder, ConvVae, Dcgan, Ddpm, GatedPixelCnn, PixelRnn, ToyVae, ToyGan, ToyDiffusion };

at::Tensor digits(int64_t n) {
  static at::Tensor images;
  if (!images.defined()) {
    const auto train = load_mnist_split(TestData::mnistFolder().toStdString(), "train");
    TORCH_CHECK(train.ok(), train.error);
    images = train.value.images.narrow(0, 0, 512).to(at::kFloat).contiguous();
  }
  return images.narrow(0, 0, n);
}

std::vector<at::Tensor> parametersOf(torch::nn::Module& m) {
  std::vector<at::Tensor> out;
  for (const auto& p : m.parameters())
    out.push_back(p.detach().clone());
  return out;
}

// `steps` steps of a small model of `family` on real data; its parameters after them.
std::vector<at::Tensor> trained(Family family, int steps) {
  const auto images = digits(512).view({-1, 1, 28, 28});
  const auto points = make_toy2d("moons", 2048, 1);
  switch (family) {
    case MlpVae:
    case AutoEncoder: {
      VaeTrainer t(VAEOptions().deterministic(family == AutoEncoder), VaeTrainerOptions().batch_size(64), images.view({-1, 784}));
      for (int i = 0; i < steps; ++i)
        t.step();
      return parametersOf(*t.model());
    }
    case ConvVae: {
      ConvVaeTrainer t(ConvVAEOptions().latent_dim(4).width(8), ConvVaeTrainerOptions().batch_size(32), images);
      for (int i = 0; i < steps; ++i)
        t.step();
      return parametersOf(*t.model());
    }
    case Dcgan: {
      GanTrainer t(DCGANOptions().width(8).latent_dim(8), GanTrainerOptions().batch_size(32), images);
      for (int i = 0; i < steps; ++i)
        t.step();
      auto out = parametersOf(*t.generator());
      for (auto& p : parametersOf(*t.discriminator()))
        out.push_back(p);
      return out;
    }
    case Ddpm: {
      ImageDiffusionTrainer t(UnetOptions().dim(8).dim_mults({1, 2}).channels(1).resnet_block_groups(4).attn_heads(2).attn_dim_head(8),
                              GaussianDiffusionOptions().timesteps(100), ImageDiffusionTrainerOptions().batch_size(16), images);
      for (int i = 0; i < steps; ++i)
        t.step();
      return parametersOf(*t.model());
    }
    case GatedPixelCnn:
    case PixelRnn: {
      at::manual_seed(1);  // the net's initial weights
      PixelNet net = family == GatedPixelCnn
                         ? PixelNet(std::make_shared<PixelCNNImpl>(PixelCNNOptions().width(8).layers(3).head_width(8)))
                         : PixelNet(std::make_shared<PixelRNNImpl>(PixelRNNOptions().hidden(8).layers(1).head_width(8)));
      PixelTrainer t(net, PixelTrainerOptions().batch_size(16).lr(3e-3).slices(2), images);
      for (int i = 0; i < steps; ++i)
        t.step();
      return parametersOf(*t.net());
    }
    case ToyVae:
    case ToyGan: {
      ToyTrainer t(ToyModelOptions().kind(family == ToyVae ? ToyKind::Vae : ToyKind::Gan), ToyTrainerOptions().batch_size(128), points);
      for (int i = 0; i < steps; ++i)
        t.step();
      return parametersOf(*t.toy_decoder());
    }
    case ToyDiffusion: {
      ToyDiffusionTrainer t(MLPDiffusionOptions().timesteps(100), ToyDiffusionTrainerOptions().batch_size(128), points);
      for (int i = 0; i < steps; ++i)
        t.step();
      return parametersOf(*t.model());
    }
  }
  return {};
}

at::Tensor meta(at::IntArrayRef sizes) { return at::empty(sizes, at::TensorOptions(at::kFloat).device(c10::kMeta)); }

}  // namespace

class TestDevices : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { REQUIRE_MNIST(); }

  void deviceNames() {
    QVERIFY(parse_device("cpu").ok());
    QVERIFY(parse_device("cpu").value.is_cpu());
    QVERIFY(parse_device("").ok());
    QCOMPARE(device_name(c10::Device(c10::kCPU)), std::string("cpu"));
    QCOMPARE(device_name(c10::Device(c10::kCUDA, 1)), std::string("cuda:1"));
    for (const char* bad : {"gpu", "cuda:", "cuda:x", "cuda:-1", "CPU", "cuda:1234"}) {
      QCOMPARE(device_issue(bad), DeviceIssue::Unknown);
      QVERIFY2(parse_device(bad).error.find("unknown device") != std::string::npos, bad);
    }
    QCOMPARE(available_devices().front().name, std::string("cpu"));
    if (!libtorch_has_cuda()) {  // Debian's LibTorch: the message says why, and what works instead
      QCOMPARE(device_issue("cuda"), DeviceIssue::NoCuda);
      QCOMPARE(available_devices().size(), size_t(1));
      const auto cuda = parse_device("cuda:0");
      QVERIFY(!cuda.ok());
      QVERIFY2(cuda.error.find("without CUDA") != std::string::npos && cuda.error.find("device cpu") != std::string::npos,
               cuda.error.c_str());
    } else {  // a CUDA build: one past the last GPU is refused
      const std::string past = "cuda:" + std::to_string(cuda_device_count());
      QVERIFY(!parse_device(past).ok());
      QCOMPARE(parse_device("cuda").ok(), cuda_device_count() > 0);
    }
  }

  void scopesNest() {
    QVERIFY(fast_paths_enabled());
    {
      GenericPathsScope a;
      {
        GenericPathsScope b;
        QVERIFY(!fast_paths_enabled());
      }
      QVERIFY(!fast_paths_enabled());
      QVERIFY(!takes_cpu_fast_path(at::zeros({1})));
    }
    QVERIFY(fast_paths_enabled());
    QVERIFY(takes_cpu_fast_path(at::zeros({1})));
    QVERIFY(!takes_cpu_fast_path(meta({1})));
  }

  void blocksGenericEqualFast() {
    at::manual_seed(3);
    const auto x = at::randn({4, 16, 7, 7}).requires_grad_(true);
    const double gated = fastVersusGeneric([&] { return gated_activation(x); }, {x});
    const auto g = at::randn({16}).requires_grad_(true);
    const double norm = fastVersusGeneric([&] { return channel_layer_norm(x, g, 1e-5); }, {x, g});
    torch::nn::Sequential up(torch::nn::ConvTranspose2d(torch::nn::ConvTranspose2dOptions(16, 4, 4).stride(2).padding(1)));
    auto* conv = up[0]->as<torch::nn::ConvTranspose2d>();
    const double transposed = fastVersusGeneric([&] { return forward_fast(up, x); }, {x, conv->weight, conv->bias});
    const auto w = at::randn({6, 16, 1, 1}).requires_grad_(true), b = at::randn({6}).requires_grad_(true);
    const auto r = at::randn({4, 6, 7, 7}).requires_grad_(true);
    const double pointwise = fastVersusGeneric([&] { return pointwise_conv(x, w, b, r); }, {x, w, b, r});
    const double pointwiseAlone = fastVersusGeneric([&] { return pointwise_conv(x, w, b); }, {x, w, b});
    qInfo("fast − generic, largest: gated %.2g, channel norm %.2g, transposed conv %.2g, 1×1 conv %.2g / %.2g", gated,
          norm, transposed, pointwise, pointwiseAlone);
    QVERIFY(gated < 1e-6);
    QVERIFY(norm < 1e-5);
    QVERIFY(transposed < 1e-5);
    QVERIFY(pointwise < 1e-5 && pointwiseAlone < 1e-5);
  }

  void trainingGenericEqualFast_data() {
    QTest::addColumn<int>("family");
    QTest::addColumn<double>("tolerance");
    // Adam divides each gradient by its running RMS, so last-bit differences of the first steps
    // (sums in another order) move a weight by up to ~lr·1e-3 over 20 steps.
    QTest::newRow("MLP VAE (hand-written step)") << int(MlpVae) << 1e-5;
    QTest::newRow("auto-encoder (hand-written step)") << int(AutoEncoder) << 1e-5;
    QTest::newRow("conv VAE (transposed conv)") << int(ConvVae) << 1e-4;
    QTest::newRow("DCGAN (transposed conv)") << int(Dcgan) << 1e-4;
    QTest::newRow("DDPM (channel LayerNorm)") << int(Ddpm) << 1e-4;
    QTest::newRow("Gated PixelCNN (gated unit, 1×1 conv, slices)") << int(GatedPixelCnn) << 1e-4;
    QTest::newRow("PixelRNN (slices)") << int(PixelRnn) << 1e-4;
    QTest::newRow("toy VAE") << int(ToyVae) << 1e-5;
    QTest::newRow("toy GAN") << int(ToyGan) << 1e-5;
    QTest::newRow("toy diffusion") << int(ToyDiffusion) << 1e-5;
  }

  void trainingGenericEqualFast() {
    QFETCH(int, family);
    QFETCH(double, tolerance);
    const int steps = 20;
    const auto fast = trained(Family(family), steps);
    std::vector<at::Tensor> generic;
    {
      GenericPathsScope scope;
      generic = trained(Family(family), steps);
    }
    QCOMPARE(fast.size(), generic.size());
    QVERIFY(!fast.empty());
    double worst = 0, moved = 0;
    for (size_t i = 0; i < fast.size(); ++i)
      worst = std::max(worst, maxDiff(fast[i], generic[i]));
    // And training did something: the weights are not where a fresh model starts.
    const auto start = trained(Family(family), 0);
    for (size_t i = 0; i < fast.size(); ++i)
      moved = std::max(moved, maxDiff(fast[i], start[i]));
    qInfo("%d steps: weights differ by %.2g at most (they moved by up to %.2g)", steps, worst, moved);
    QVERIFY2(worst <= tolerance, qPrintable(QStringLiteral("fast and generic differ by %1").arg(worst)));
    QVERIFY(moved > 10 * tolerance);
  }

  // Another device's tensors take the generic paths, shown on the meta device (shapes only; a
  // fast path would read memory that meta tensors do not have). LibTorch 1.13's C++ API has too
  // few meta kernels (no convolution, index_select or var) and cannot move a module there, so
  // whole networks are checked by the CPU comparison above, not here.
  void genericPathsServeOtherDevices() {
    const auto x = meta({2, 8, 5, 5});
    QVERIFY(!takes_cpu_fast_path(x));
    const auto gated = gated_activation(x);
    QVERIFY(gated.is_meta());
    QCOMPARE(gated.sizes().vec(), (std::vector<int64_t>{2, 4, 5, 5}));
  }
};

QTEST_GUILESS_MAIN(TestDevices)
#include "tst_devices.moc"
