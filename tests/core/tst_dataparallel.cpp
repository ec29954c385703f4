// SPDX-License-Identifier: GPL-3.0-or-later
// Data-parallel training on c10d/Gloo through genlab-cli: two processes with batch B each end with
// the weights one process reaches with batch 2B; a run resumes with another number of processes;
// a process that dies stops the other with a message naming it, and the run resumes.
#include "io/safetensors.h"
#include "dist/data_parallel.h"
#include "nn/adam.h"

#include <ATen/ATen.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>

#include <ATen/ops/full.h>
#include <ATen/ops/ones.h>
#include <ATen/TensorOperators.h>
#include <ATen/ops/abs.h>
#include <ATen/ops/max.h>

#include "testdata.h"

#include <QDir>
#include <mutex>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>
#include <csignal>
#include <thread>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

struct Ran {
  int code = -1;
  QString err;
};

// This environment without a group's variables (a test run inside torchrun or srun trains alone).
QProcessEnvironment alone() {
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  for (const QString& key : env.keys())
    if (key.startsWith(QLatin1String("SLURM_")) || key == QLatin1String("RANK") || key == QLatin1String("WORLD_SIZE") ||
        key == QLatin1String("LOCAL_RANK") || key == QLatin1String("MASTER_ADDR") || key == QLatin1String("MASTER_PORT"))
      env.remove(key);
  return env;
}

// A TCP port free now, for a test's own group.
int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  int port = 29400;
  if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  if (fd >= 0)
    ::close(fd);
  return port;
}

Ran cli(const QStringList& args, int timeoutMs = 120000) {
  QProcess p;
  p.setProcessEnvironment(alone());
  p.start(QStringLiteral(GENLAB_CLI_PATH), args);
  if (!p.waitForFinished(timeoutMs))
    p.kill();
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardError())};
}

// The largest difference between two runs' weights, tensor by tensor (NaN if they differ in names).
double largestDifference(const QString& a, const QString& b) {
  const auto wa = genlab::load_safetensors(QString(a + QStringLiteral("/weights.safetensors")).toStdString());
  const auto wb = genlab::load_safetensors(QString(b + QStringLiteral("/weights.safetensors")).toStdString());
  if (!wa.ok() || !wb.ok() || wa.value.tensors.size() != wb.value.tensors.size())
    return NAN;
  double most = 0;
  for (const auto& [name, t] : wa.value.tensors) {
    const auto other = wb.value.find(name);
    if (!other.defined() || other.sizes() != t.sizes())
      return NAN;
    most = std::max(most, (t - other).abs().max().template item<double>());
  }
  return most;
}

QStringList common(const QString& out, const QStringList& more) {
  return QStringList{QStringLiteral("--max-steps"), QStringLiteral("20"), QStringLiteral("--quality"), QStringLiteral("off"),
                     QStringLiteral("--data"), TestData::mnistFolder(), QStringLiteral("--out"), out} +
         more;
}

}  // namespace

class tst_DataParallel : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // The group itself, two ranks on two threads: means, sums and broadcasts, over several buckets.
  void allReduceAndBroadcast() {
    std::function<void(genlab::ParallelPlace)> run;
    genlab::ParallelPlace zero, one;
    zero.world_size = one.world_size = 2;
    one.rank = 1;
    zero.master_port = one.master_port = freePort();
    std::vector<double> sums(2);
    std::vector<std::vector<at::Tensor>> seen(2);
    std::string failure;
    const auto rank = [&](genlab::ParallelPlace place) {
      try {
        run(place);
      } catch (const std::exception& e) {
        failure = e.what();
      }
    };
    run = [&](genlab::ParallelPlace place) {
      genlab::DataParallel group(place, std::chrono::seconds(30));
      const float r = float(place.rank);
      std::vector<at::Tensor> t{at::full({3}, r), at::full({1000}, 2 * r), at::full({2, 2}, 10 + r)};
      group.all_reduce_mean(t, /*bucket_bytes=*/64);  // 16 floats a bucket: every tensor alone
      sums[size_t(place.rank)] = group.all_reduce_sum(r + 1);
      std::vector<at::Tensor> b{at::full({4}, 7 * r + 1)};
      group.broadcast(b);
      t.push_back(b[0]);
      seen[size_t(place.rank)] = t;
    };
    std::thread other(rank, one);
    rank(zero);
    other.join();
    QVERIFY2(failure.empty(), failure.c_str());
    for (int r = 0; r < 2; ++r) {
      QCOMPARE(seen[r][0][0].item<float>(), 0.5f);   // (0 + 1) / 2
      QCOMPARE(seen[r][1][999].item<float>(), 1.0f);  // (0 + 2) / 2
      QCOMPARE(seen[r][2][1][1].item<float>(), 10.5f);
      QCOMPARE(seen[r][3][3].item<float>(), 1.0f);  // rank 0's
      QCOMPARE(sums[r], 3.0);
    }
  }

  void environmentVariables() {
    // Whatever happens below, the variables go (the runs after this one train alone).
    struct Restore {
      ~Restore() {
        for (const char* v : {"WORLD_SIZE", "RANK", "MASTER_PORT", "SLURM_STEP_ID", "SLURM_NTASKS", "SLURM_PROCID"})
          qunsetenv(v);
      }
    } restore;
    qputenv("WORLD_SIZE", "2");
    QVERIFY(QString::fromStdString(genlab::parallel_place_from_environment().error).contains(QStringLiteral("RANK is not set")));
    qputenv("WORLD_SIZE", "4");
    qputenv("RANK", "3");
    qputenv("MASTER_PORT", "123456");
    auto p = genlab::parallel_place_from_environment();
    QVERIFY(QString::fromStdString(p.error).contains(QStringLiteral("MASTER_PORT")));
    qputenv("MASTER_PORT", "29555");
    p = genlab::parallel_place_from_environment();
    QVERIFY(p.ok());
    QCOMPARE(p.value.rank, 3);
    QCOMPARE(p.value.world_size, 4);
    QCOMPARE(p.value.master_port, 29555);
    qputenv("RANK", "4");
    QVERIFY(QString::fromStdString(genlab::parallel_place_from_environment().error).contains(QStringLiteral("RANK")));
    qunsetenv("WORLD_SIZE");
    qunsetenv("RANK");
    qunsetenv("MASTER_PORT");
    QCOMPARE(genlab::parallel_place_from_environment().value.world_size, 1);
    // SLURM: a batch script's own shell trains alone; a step srun started is one of several.
    qputenv("SLURM_NTASKS", "4");
    qputenv("SLURM_PROCID", "2");
    QCOMPARE(genlab::parallel_place_from_environment().value.world_size, 1);
    qputenv("SLURM_STEP_ID", "0");
    p = genlab::parallel_place_from_environment();
    QVERIFY(p.ok());
    QCOMPARE(p.value.world_size, 4);
    QCOMPARE(p.value.rank, 2);
  }

  // Adam's overlapped all-reduce, two ranks on two threads, two steps: the buckets start during
  // backward (hooks), and the gradients end as the mean of both ranks', as one all-reduce after
  // backward gives them; a parameter that gets no gradient keeps none, and holds its bucket back
  // until the step (that bucket starts there).
  void overlappedBucketsAverageTheGradients() {
    struct Net : torch::nn::Module {
      // 384² floats = 576 KB: buckets of 1 MB hold a weight and the next layer's bias, or the
      // unused layer with c and b's bias.
      torch::nn::Linear a{nullptr}, b{nullptr}, c{nullptr}, unused{nullptr};
      Net() {
        torch::manual_seed(4);
        a = register_module("a", torch::nn::Linear(384, 384));
        b = register_module("b", torch::nn::Linear(384, 384));
        c = register_module("c", torch::nn::Linear(384, 384));
        unused = register_module("unused", torch::nn::Linear(4, 4));
      }
      at::Tensor loss(const at::Tensor& x) { return c(at::tanh(b(at::tanh(a(x))))).pow(2).mean(); }
    };
    // Each rank's data for each step; the nets made here, before the threads (the global RNG is
    // not theirs to share).
    const std::vector<std::vector<at::Tensor>> inputs{{at::randn({8, 384}), at::randn({8, 384})},
                                                      {at::randn({8, 384}), at::randn({8, 384})}};
    const auto named = [](Net& n) {
      std::vector<std::pair<std::string, at::Tensor>> out;
      for (const auto& p : n.named_parameters())
        out.emplace_back(p.key(), p.value());
      return out;
    };
    // The reference: one Adam, each step given the mean of both ranks' gradients at its weights.
    std::vector<std::vector<at::Tensor>> expected(2);
    {
      Net ref, other;
      genlab::Adam adam(named(ref), 1e-3);
      for (size_t step = 0; step < 2; ++step) {
        {
          torch::NoGradGuard no_grad;
          for (size_t i = 0; i < ref.parameters().size(); ++i)
            other.parameters()[i].copy_(ref.parameters()[i]);
        }
        adam.zero_grad();
        other.zero_grad();
        ref.loss(inputs[0][step]).backward();
        other.loss(inputs[1][step]).backward();
        for (size_t i = 0; i < ref.parameters().size(); ++i) {
          auto g = ref.parameters()[i].grad();
          if (!g.defined()) {
            expected[step].push_back({});
            continue;
          }
          g.add_(other.parameters()[i].grad()).div_(2);
          expected[step].push_back(g.clone());
        }
        adam.step();
      }
    }
    std::vector<std::shared_ptr<Net>> nets{std::make_shared<Net>(), std::make_shared<Net>()};
    std::vector<std::vector<std::vector<at::Tensor>>> got(2, std::vector<std::vector<at::Tensor>>(2));
    std::vector<std::vector<int64_t>> early(2);
    std::mutex failed;
    std::string failure;
    const int port = freePort();
    const auto rank = [&](int r) {
      try {
        genlab::ParallelPlace place;
        place.rank = r;
        place.world_size = 2;
        place.master_port = port;
        genlab::DataParallel group(place, std::chrono::seconds(30));
        Net& m = *nets[size_t(r)];
        genlab::Adam adam(named(m), 1e-3);
        adam.set_data_parallel(&group, /*overlap=*/true);
        for (size_t step = 0; step < 2; ++step) {
          adam.zero_grad();
          m.loss(inputs[size_t(r)][step]).backward();
          early[size_t(r)].push_back(adam.buckets_started_in_backward());
          adam.synchronize_gradients();
          for (const auto& p : m.parameters())
            got[size_t(r)][step].push_back(p.grad().defined() ? p.grad().clone() : at::Tensor());
          adam.step();
        }
      } catch (const std::exception& e) {
        std::lock_guard<std::mutex> lock(failed);
        failure = e.what();
      }
    };
    std::thread other(rank, 1);
    rank(0);
    other.join();
    QVERIFY2(failure.empty(), failure.c_str());
    for (size_t r = 0; r < 2; ++r) {
      // Buckets {b.weight, a.bias} and {a.weight} start in backward; the one with the unused layer waits.
      QCOMPARE(early[r], (std::vector<int64_t>{2, 4}));
      for (size_t step = 0; step < 2; ++step) {
        QCOMPARE(got[r][step].size(), expected[step].size());
        for (size_t i = 0; i < expected[step].size(); ++i) {
          QCOMPARE(got[r][step][i].defined(), expected[step][i].defined());
          if (expected[step][i].defined())
            QVERIFY2((got[r][step][i] - expected[step][i]).abs().max().item<double>() < 1e-6,
                     qPrintable(QStringLiteral("rank %1, step %2, parameter %3").arg(r).arg(step).arg(i)));
        }
      }
    }
  }

  // Two processes with batch B each = one with batch 2B, after 20 steps, to 1e-5: the VAE (its
  // hand-written step all-reduces one flat gradient) and the DDPM (autograd, clipping the mean
  // gradient, EMA). Then the VAE run goes on with one process instead of two.
  void twoProcessesEqualOne() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString one = dir.filePath(QStringLiteral("vae1")), two = dir.filePath(QStringLiteral("vae2"));
    Ran r = cli(QStringList{QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("vae"), QStringLiteral("--batch"),
                            QStringLiteral("64"), QStringLiteral("--threads"), QStringLiteral("1")} + common(one, {}));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli(QStringList{QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("vae"), QStringLiteral("--batch"),
                        QStringLiteral("32"), QStringLiteral("--nproc"), QStringLiteral("2"), QStringLiteral("--threads"),
                        QStringLiteral("1")} + common(two, {}));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    double d = largestDifference(one, two);
    QVERIFY2(d <= 1e-5, qPrintable(QStringLiteral("VAE: %1").arg(d)));
    QVERIFY(!QDir(two).entryList({QStringLiteral("*.tmp-*")}).size());

    // Resumed with one process where two trained (the batch stays the run's 64), and the first run
    // with two where one trained: both reach step 30 alike.
    r = cli({QStringLiteral("resume"), two, QStringLiteral("--max-steps"), QStringLiteral("30"), QStringLiteral("--threads"), QStringLiteral("1")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli({QStringLiteral("resume"), one, QStringLiteral("--max-steps"), QStringLiteral("30"), QStringLiteral("--nproc"), QStringLiteral("2"),
             QStringLiteral("--threads"), QStringLiteral("1")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    d = largestDifference(one, two);
    QVERIFY2(d <= 1e-5, qPrintable(QStringLiteral("VAE resumed: %1").arg(d)));

    // The DDPM in float32, at a rate where Adam's normalised steps do not magnify the last bits
    // the two summation orders differ in (at 1e-3 they reach 2e-5 in 20 steps).
    const QStringList ddpm{QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("ddpm"), QStringLiteral("--precision"),
                           QStringLiteral("fp32"), QStringLiteral("--lr"), QStringLiteral("1e-4")};
    const QString d1 = dir.filePath(QStringLiteral("ddpm1")), d2 = dir.filePath(QStringLiteral("ddpm2"));
    r = cli(ddpm + common(d1, {QStringLiteral("--batch"), QStringLiteral("16"), QStringLiteral("--threads"), QStringLiteral("1")}));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli(ddpm + common(d2, {QStringLiteral("--batch"), QStringLiteral("8"), QStringLiteral("--nproc"), QStringLiteral("2"),
                               QStringLiteral("--threads"), QStringLiteral("1")}));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    d = largestDifference(d1, d2);
    QVERIFY2(d <= 1e-5, qPrintable(QStringLiteral("DDPM: %1").arg(d)));
  }

  // A process that dies (SIGKILL) makes the other stop with a message naming it; the run folder
  // keeps its last checkpoint and resumes on one process.
  void aDeadProcessStopsTheOther() {
    REQUIRE_MNIST();
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("run"));
    const int port = freePort();
    QProcess ranks[2];
    for (int r = 0; r < 2; ++r) {
      QProcessEnvironment env = alone();
      env.insert(QStringLiteral("RANK"), QString::number(r));
      env.insert(QStringLiteral("WORLD_SIZE"), QStringLiteral("2"));
      env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
      env.insert(QStringLiteral("GENLAB_DIST_TIMEOUT_S"), QStringLiteral("20"));
      ranks[r].setProcessEnvironment(env);
      ranks[r].start(QStringLiteral(GENLAB_CLI_PATH),
                     {QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("vae"), QStringLiteral("--batch"),
                      QStringLiteral("32"), QStringLiteral("--epochs"), QStringLiteral("1000"), QStringLiteral("--save-every"),
                      QStringLiteral("5"), QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--quality"),
                      QStringLiteral("off"), QStringLiteral("--data"), TestData::mnistFolder(), QStringLiteral("--out"), run});
      QVERIFY(ranks[r].waitForStarted());
    }
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(run + QStringLiteral("/weights.safetensors")), 60000);
    QTest::qWait(300);
    ::kill(pid_t(ranks[1].processId()), SIGKILL);
    QElapsedTimer t;
    t.start();
    QVERIFY(ranks[0].waitForFinished(60000));
    QVERIFY2(t.elapsed() < 30000, qPrintable(QStringLiteral("%1 ms").arg(t.elapsed())));
    QCOMPARE(ranks[0].exitCode(), 1);
    const QString said = QString::fromUtf8(ranks[0].readAllStandardError());
    QVERIFY2(said.contains(QStringLiteral("process 1")) && said.contains(QStringLiteral("has exited")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("checkpoint")), qPrintable(said));
    ranks[1].waitForFinished(5000);
    const Ran r = cli({QStringLiteral("resume"), run, QStringLiteral("--max-steps"), QStringLiteral("1000"), QStringLiteral("--threads"),
                       QStringLiteral("1")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
  }
};

QTEST_MAIN(tst_DataParallel)
#include "tst_dataparallel.moc"
