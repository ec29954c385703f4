// SPDX-License-Identifier: GPL-3.0-or-later
#include "reversesampler.h"
#include "samplernames.h"

#include "decodersnapshot.h"
#include "diffusionmodel.h"
#include "diffusionsampling.h"

#include "data/toy2d.h"
#include "nn/device.h"
#include "scatterplot.h"

#include "nn/precision.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/ops/full.h>
#include <ATen/ops/randn.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <cmath>
#include <mutex>

struct ReverseSampler::Kept {
  std::mutex mutex;
  QString runFolder;
  bool ema = true;
  std::shared_ptr<const DiffusionModel> model;
  std::vector<at::Tensor> states;  ///< x_t of every step of the last trajectory, float16
  std::vector<int64_t> times;
};

namespace {

QImage grid(const at::Tensor& x, double low, double high) {
  const int cols = int(std::ceil(std::sqrt(double(x.size(0)))));
  return DiffusionSampling::imageGrid(x.sub(low).div(high - low).clamp(0, 1), cols);
}

QVector<QPointF> points(const at::Tensor& x) {
  const auto p = x.to(at::kFloat).contiguous();
  QVector<QPointF> out(int(p.size(0)));
  const float* d = p.data_ptr<float>();
  for (int i = 0; i < out.size(); ++i)
    out[i] = QPointF(d[2 * i], d[2 * i + 1]);
  return out;
}

// x̂0 of a kept network output `out` for the state x_t at step t.
at::Tensor x0Of(const genlab::GaussianDiffusion& process, const at::Tensor& out, const at::Tensor& xt, int64_t t) {
  const auto tt = at::full({xt.size(0)}, t, at::TensorOptions(at::kLong));
  return process.model_predictions([&out](const at::Tensor&, const at::Tensor&) { return out; }, xt, tt, process.options().clip_x0())
      .pred_x_start;
}

// One step ready to show: images or points, and with `parts` (a model told the class) x̂0 told the
// class alone and told none.
ReverseFrame frameOf(const genlab::DiffusionStep& s, const DiffusionModel& model, const genlab::GuidanceParts* parts) {
  ReverseFrame f;
  f.index = int(s.index);
  f.t = int(s.t);
  const bool parted = parts && parts->told.defined();
  const auto told = parted ? x0Of(model.process(), parts->told, s.x_t, s.t) : at::Tensor();
  const auto untold = parted ? x0Of(model.process(), parts->untold, s.x_t, s.t) : at::Tensor();
  if (model.makesPoints()) {
    f.xtPoints = points(s.x_t);
    f.x0Points = points(s.x0);
    if (parted) {
      f.x0ToldPoints = points(told);
      f.x0UntoldPoints = points(untold);
    }
  } else {
    f.xt = grid(s.x_t, -1, 1);
    f.x0 = grid(s.x0, -1, 1);
    f.eps = grid(s.eps, -2, 2);
    if (parted) {
      f.x0Told = grid(told, -1, 1);
      f.x0Untold = grid(untold, -1, 1);
    }
  }
  return f;
}

}  // namespace

ReverseSampler::ReverseSampler(QObject* parent)
    : QObject(parent),
      m_kept(std::make_shared<Kept>()),
      m_cancel(std::make_shared<std::atomic<bool>>(false)),
      m_busy(std::make_shared<std::atomic<bool>>(false)) {
  qRegisterMetaType<ReverseRequest>();
  qRegisterMetaType<ReverseFrame>();
  qRegisterMetaType<ReverseResult>();
}

ReverseSampler::~ReverseSampler() {
  cancel();
  wait();
  delete m_thread;  // made by QThread::create, without a parent (LeakSanitizer found it)
}

bool ReverseSampler::isRunning() const { return m_busy->load(); }

void ReverseSampler::wait() {
  if (m_thread)
    m_thread->wait();
}

qint64 ReverseSampler::keptStateBytes() const {
  std::lock_guard<std::mutex> lock(m_kept->mutex);
  qint64 bytes = 0;
  for (const auto& s : m_kept->states)
    bytes += qint64(s.nbytes());
  return bytes;
}

Status ReverseSampler::start(const ReverseRequest& r) {
  if (isRunning())
    return {tr("Sampling is already running; cancel it first.")};
  SampleRequest asked;
  asked.sampler = r.sampler;
  asked.steps = r.steps;
  asked.eta = r.eta;
  asked.count = r.count;
  if (Status valid = DiffusionSampling::validate(asked, 100000); !valid.ok())
    return valid;
  if (r.count < 1 || r.count > 5000)
    return {tr("The number of samples must be between 1 and 5000 (got %1).").arg(r.count)};
  if (r.purpose == ReverseRequest::Purpose::Fork) {
    std::lock_guard<std::mutex> lock(m_kept->mutex);
    if (r.forkFrom < 0 || size_t(r.forkFrom) >= m_kept->states.size())
      return {tr("There is no kept step %1 to fork from; run the sampler first.").arg(r.forkFrom)};
  }
  if (m_thread) {
    m_thread->wait();
    delete m_thread;
  }
  m_cancel->store(false);
  auto kept = m_kept;
  auto cancel = m_cancel;
  m_busy->store(true);
  auto busy = m_busy;
  m_thread = QThread::create([this, r, kept, cancel, busy] {
    // Not busy any more before the last signal: a receiver may start the next run at once.
    auto fail = [&](const QString& message) {
      busy->store(false);
      Q_EMIT failed(message);
    };
    try {
      std::shared_ptr<const DiffusionModel> model;
      {
        std::lock_guard<std::mutex> lock(kept->mutex);
        if (kept->model && kept->runFolder == r.runFolder && kept->ema == r.ema)
          model = kept->model;
      }
      if (!model) {
        auto loaded = DiffusionModel::load(r.runFolder, r.ema);
        if (!loaded.ok()) {
          fail(loaded.error);
          return;
        }
        model = std::move(loaded.value);
        std::lock_guard<std::mutex> lock(kept->mutex);
        kept->model = model;
        kept->runFolder = r.runFolder;
        kept->ema = r.ema;
        kept->states.clear();
        kept->times.clear();
      }
      if (!model->makesPoints() && r.count > 64) {
        fail(tr("Up to 64 images at a time (asked for %1).").arg(r.count));
        return;
      }
      const auto& process = model->process();
      const bool ddim = Sampler::isImplicit(r.sampler);
      auto gen = at::make_generator<at::CPUGeneratorImpl>(r.seed);
      at::Tensor x;
      std::vector<int64_t> times;
      int64_t first = 0;
      if (r.purpose == ReverseRequest::Purpose::Fork) {
        std::lock_guard<std::mutex> lock(kept->mutex);
        if (size_t(r.forkFrom) >= kept->states.size()) {
          fail(tr("The kept trajectory changed; run the sampler again."));
          return;
        }
        x = kept->states[size_t(r.forkFrom)].to(at::kFloat);
        const int64_t t = kept->times[size_t(r.forkFrom)];
        times = ddim ? process.ddim_timesteps(std::min<int64_t>(r.steps, t + 1), t) : process.ddpm_timesteps(t);
        first = r.forkFrom;
      } else {
        times = ddim ? process.ddim_timesteps(std::min<int64_t>(r.steps, model->timesteps())) : process.ddpm_timesteps();
        x = at::randn(model->shape(r.count), gen, at::TensorOptions(at::kFloat));
      }
      const bool trajectory = r.purpose == ReverseRequest::Purpose::Trajectory;
      if (trajectory) {
        std::lock_guard<std::mutex> lock(kept->mutex);
        kept->states.clear();
        kept->times = times;
        kept->states.reserve(times.size());
      }
      Q_EMIT started(r, QVector<int>(times.begin(), times.end()));
      QElapsedTimer clock;
      clock.start();
      int done = 0;
      const int total = int(times.size());
      genlab::PrecisionScope precision(model->makesPoints() ? genlab::Precision::Float32
                                                            : genlab::chosen_precision(r.precision.toStdString()));
      // A model told the class: the class asked for (or each in turn), guided by w.
      if (const Status label = checkClassLabel(r.label, model->classes()); !label.ok()) {
        fail(label.error);
        return;
      }
      // A trajectory of a model told the class keeps both predictions of every step, to show x̂0
      // told the class and told none beside the guided one.
      const auto labels = model->labelsFor(x.size(0), r.label);
      const auto parts = std::make_shared<genlab::GuidanceParts>();
      const bool keepParts = trajectory && labels.defined();
      const auto net = keepParts ? model->denoiserKeeping(labels, r.guidance, parts) : model->denoiserFor(labels, r.guidance);
      const auto end = process.denoise(net, x, times, ddim, r.eta, gen,
                                       [&](const genlab::DiffusionStep& s) {
                                         ++done;
                                         if (trajectory) {
                                           {
                                             std::lock_guard<std::mutex> lock(kept->mutex);
                                             kept->states.push_back(s.x_t.to(at::kHalf));
                                           }
                                           Q_EMIT frame(frameOf(s, *model, keepParts ? parts.get() : nullptr));
                                         } else {
                                           Q_EMIT progress(done, total);
                                         }
                                         return !cancel->load();
                                       },
                                       first);
      ReverseResult result;
      result.request = r;
      result.completed = done == total && !cancel->load();
      result.seconds = double(clock.nsecsElapsed()) / 1e9;
      result.stepsDone = done;
      if (model->makesPoints()) {
        result.endingPoints = points(end);
        const auto background = genlab::make_toy2d(model->toyDataset().toStdString(), 2000, 2);
        result.ending = imageFromPixels(plotPoints(genlab::floats_of(background), genlab::floats_of(end)), 160, 3);
      } else
        result.ending = grid(end, -1, 1);
      busy->store(false);
      Q_EMIT finished(result);
    } catch (const c10::Error& e) {
      fail(QString::fromStdString(e.what_without_backtrace()));
    } catch (const std::exception& e) {
      fail(QString::fromLocal8Bit(e.what()));
    }
  });
  m_thread->setObjectName(QStringLiteral("sampling"));
  m_thread->start();
  return {};
}
