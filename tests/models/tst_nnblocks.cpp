// SPDX-License-Identifier: GPL-3.0-or-later
// Shared building blocks of the training code: the fused gated unit, the 1×1 convolution as a
// matrix product and the batch in slices.
#include "autoregressive/pixel_model.h"
#include "nn/batch_slices.h"
#include "nn/gated_activation.h"
#include "nn/pointwise_conv.h"
#include "pixelcnn/pixelcnn.h"

#include <ATen/ATen.h>
#include <QTest>
#include <torch/autograd.h>
#include <torch/utils.h>

#include <cmath>
#include <stdexcept>

using namespace genlab;

namespace {

at::Tensor reference_gate(const at::Tensor& x) {
  const auto parts = x.chunk(2, 1);
  return parts[0].tanh() * parts[1].sigmoid();
}

double relative_difference(const at::Tensor& a, const at::Tensor& b) {
  return (a - b).abs().max().item<double>() / std::max(1e-12, b.abs().max().item<double>());
}

}  // namespace

class tst_NnBlocks : public QObject {
  Q_OBJECT

 private slots:
  void gatedUnitByHand() {
    // a = 0.5, b = −1: tanh(0.5) = 0.4621171573, σ(−1) = 1 / (1 + e) = 0.2689414214.
    const auto x = at::tensor({0.5f, -1.0f}).view({1, 2});
    QVERIFY(std::abs(gated_activation(x).item<double>() - 0.4621171573 * 0.2689414214) < 1e-7);
  }

  void gatedUnitEqualsTanhTimesSigmoid() {
    torch::manual_seed(4);
    auto x = at::randn({3, 8, 5, 7}) * 6;
    x[0][0][0][0] = 200;  // beyond where e^x is clamped
    x[0][1][0][0] = -200;
    x[0][4][0][0] = 1e-5f;
    x[1][5][2][3] = -90;
    x.requires_grad_(true);
    const auto w = at::randn({3, 4, 5, 7});
    const auto ours = gated_activation(x);
    const auto ref = reference_gate(x);
    QVERIFY2((ours - ref).abs().max().item<double>() < 1e-6, qPrintable(QString::number((ours - ref).abs().max().item<double>())));
    const auto g_ours = torch::autograd::grad({(ours * w).sum()}, {x})[0];
    const auto g_ref = torch::autograd::grad({(ref * w).sum()}, {x})[0];
    const double d = (g_ours - g_ref).abs().max().item<double>();
    QVERIFY2(d < 1e-5, qPrintable(QString::number(d)));
    QVERIFY(at::isfinite(g_ours).all().item<bool>());
  }

  void gatedUnitWithoutGradientsAndNonContiguous() {
    torch::manual_seed(5);
    const auto x = at::randn({6, 2, 4}).transpose(0, 1);  // (2, 6, 4), not contiguous
    QVERIFY(relative_difference(gated_activation(x), reference_gate(x)) < 1e-6);
  }

  void gatedUnitRejectsOddChannels() {
    QVERIFY_THROWS_EXCEPTION(c10::Error, gated_activation(at::zeros({2, 3, 4})));
    // Other dtypes take the generic path (as other devices do) instead of being refused.
    const auto d = at::randn({2, 4}, at::kDouble);
    QCOMPARE(gated_activation(d).scalar_type(), at::kDouble);
    QVERIFY(relative_difference(gated_activation(d), reference_gate(d)) < 1e-12);
  }

  // The slices' summed gradients are the whole batch's, whatever the number of slices (also
  // more slices than examples, and uneven ones).
  void pointwiseConvolutionByHand() {
    // One pixel, two channels in, one out: 2·3 + (−1)·4 + 0.5 = 2.5, plus a residual of 10.
    const auto x = torch::tensor({3.0f, 4.0f}).view({1, 2, 1, 1});
    const auto w = torch::tensor({2.0f, -1.0f}).view({1, 2, 1, 1});
    const auto bias = torch::tensor({0.5f});
    QCOMPARE(pointwise_conv(x, w, bias).item<float>(), 2.5f);
    QCOMPARE(pointwise_conv(x, w, bias, torch::full({1, 1, 1, 1}, 10.0f)).item<float>(), 12.5f);
  }

  void pointwiseConvolutionEqualsConv2d() {
    torch::manual_seed(3);
    for (const bool with_residual : {false, true}) {
      const auto x = torch::randn({3, 5, 4, 6}, torch::requires_grad());
      const auto w = torch::randn({7, 5, 1, 1}, torch::requires_grad());
      const auto bias = torch::randn({7}, torch::requires_grad());
      const auto residual = torch::randn({3, 7, 4, 6}, torch::requires_grad());
      const auto g = torch::randn({3, 7, 4, 6});
      auto ours = pointwise_conv(x, w, bias, with_residual ? residual : at::Tensor());
      auto theirs = at::conv2d(x, w, bias);
      if (with_residual)
        theirs = theirs + residual;
      QVERIFY(relative_difference(ours, theirs) < 1e-6);
      const auto mine = torch::autograd::grad({ours}, {x, w, bias, residual}, {g}, true, false, true);
      const auto ref = torch::autograd::grad({theirs}, {x, w, bias, residual}, {g}, true, false, true);
      for (int i = 0; i < 3; ++i)
        QVERIFY2(relative_difference(mine[i], ref[i]) < 1e-5, qPrintable(QString::number(i)));
      QCOMPARE(mine[3].defined(), with_residual);
      if (with_residual)
        QVERIFY(relative_difference(mine[3], g) < 1e-7);
    }
  }

  void pointwiseConvolutionRejectsWrongShapes() {
    const auto x = torch::zeros({1, 2, 3, 3});
    QVERIFY_THROWS_EXCEPTION(c10::Error, pointwise_conv(x, torch::zeros({4, 3, 1, 1}), torch::zeros({4})));
    QVERIFY_THROWS_EXCEPTION(c10::Error, pointwise_conv(x, torch::zeros({4, 2, 3, 3}), torch::zeros({4})));
    QVERIFY_THROWS_EXCEPTION(c10::Error,
                             pointwise_conv(x, torch::zeros({4, 2, 1, 1}), torch::zeros({4}), torch::zeros({1, 2, 3, 3})));
  }

  void slicesGiveTheWholeBatchsGradient() {
    torch::manual_seed(6);
    auto net = std::make_shared<PixelCNNImpl>(PixelCNNOptions().width(8).layers(3).head_width(8).image_size(12));
    std::vector<at::Tensor> params;
    for (const auto& p : net->parameters())
      params.push_back(p);
    const auto x = at::rand({7, 1, 12, 12}).gt(0.5).to(at::kFloat);
    const auto whole = negative_log_likelihood(net->forward(x, {}), x, 2).mean();
    const auto expected = torch::autograd::grad({whole}, params);
    for (const int k : {1, 2, 3, 9}) {
      BatchSlices slices(k);
      const double loss = slices.backward(x.size(0), params, [&](int64_t first, int64_t count) {
        const auto part = x.narrow(0, first, count);
        return negative_log_likelihood(net->forward(part, {}), part, 2).sum() / 7.0;
      });
      const double w = whole.item<double>();
      QVERIFY2(std::abs(loss - w) < 1e-5 * w, qPrintable(QString::number(k)));
      for (size_t i = 0; i < params.size(); ++i)
        QVERIFY2(relative_difference(params[i].grad(), expected[i]) < 1e-5,
                 qPrintable(QStringLiteral("%1 slices, parameter %2").arg(k).arg(i)));
    }
  }

  void aFailingSliceIsReported() {
    BatchSlices slices(2);
    const auto w = at::ones({1}).requires_grad_(true);
    try {
      slices.backward(4, {w}, [&](int64_t first, int64_t) -> at::Tensor {
        if (first > 0)
          throw std::runtime_error("slice two broke");
        return (w * 2).sum();
      });
      QFAIL("no error");
    } catch (const std::runtime_error& e) {
      QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("slice two broke"));
    }
    // The threads survive it.
    QCOMPARE(slices.backward(4, {w}, [&](int64_t, int64_t count) { return (w * double(count)).sum(); }), 4.0);
    QCOMPARE(w.grad().item<double>(), 4.0);
  }
};

QTEST_GUILESS_MAIN(tst_NnBlocks)
#include "tst_nnblocks.moc"
