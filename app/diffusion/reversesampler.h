// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"
#include "samplernames.h"

#include <QImage>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QVector>
#include <atomic>
#include <memory>

/// What to sample from a diffusion run, and why.
struct ReverseRequest {
  enum class Purpose {
    Trajectory,  ///< the page's timeline: every step is kept and sent
    Fork,        ///< continue the kept trajectory from step `forkFrom`: only the ending is sent
    Ending,      ///< from pure noise, only the ending (sampler comparisons)
  };
  QString runFolder;
  bool ema = true;
  QString sampler = Sampler::implicit();  ///< Sampler::ancestral() (every timestep) or Sampler::implicit()
  int steps = 50;                            ///< DDIM steps
  double eta = Sampler::defaultEta;          ///< DDIM η
  quint64 seed = 1;
  int count = 16;  ///< images (1 … 64) or points (1 … 5000)
  QString precision;  ///< images: "bf16", "fp32", or "" for bf16 where the CPU computes it natively
  Purpose purpose = Purpose::Trajectory;
  int forkFrom = -1;  ///< Fork: index of the kept step whose x_t it continues from
  int label = -1;     ///< a model told the class: this class, or −1 each class in turn
  double guidance = Sampler::runsGuidance;  ///< its classifier-free guidance w, or the run's own
};

/// One step of the reverse process, ready to show: the state x_t the step started from, the
/// network's x̂0 and ε̂, as 8-bit image grids (x_t and x̂0: −1 → black, 1 → white; ε̂: −2 → black,
/// 2 → white), or as points for a toy model. (The state a step produces is the next frame's x_t.)
struct ReverseFrame {
  int index = 0;  ///< 0 … steps − 1
  int t = 0;      ///< the model's timestep (T − 1 … 0)
  QImage xt, x0, eps;
  QVector<QPointF> xtPoints, x0Points;
  /// A model told the class: x̂0 of the network told the class alone and told none (guidance mixes
  /// the two by w into x0); null otherwise.
  QImage x0Told, x0Untold;
  QVector<QPointF> x0ToldPoints, x0UntoldPoints;
};

/// How a sampling run ended.
struct ReverseResult {
  ReverseRequest request;
  bool completed = false;  ///< false: cancelled
  double seconds = 0;
  int stepsDone = 0;
  QImage ending;  ///< the last state as an image grid, or (points) a scatter over the data
  QVector<QPointF> endingPoints;
};

Q_DECLARE_METATYPE(ReverseRequest)
Q_DECLARE_METATYPE(ReverseFrame)
Q_DECLARE_METATYPE(ReverseResult)

/// Runs DDPM/DDIM samplers of a trained diffusion run on a worker thread, one run at a time. A
/// Trajectory run keeps every state (float16, for forks) and sends every step as it is computed;
/// Cancel stops between steps.
class ReverseSampler final : public QObject {
  Q_OBJECT
 public:
  explicit ReverseSampler(QObject* parent = nullptr);
  ~ReverseSampler() override;
  /// Checks the request and starts it, or says why it cannot run; failed() is for what goes wrong
  /// once it runs (a run folder that does not open, a sampler that throws).
  Status start(const ReverseRequest& request);
  void cancel() { m_cancel->store(true); }
  /// From start() until the run's finished() or failed() (the thread may still be winding down).
  bool isRunning() const;
  /// Waits for the worker to end (the window closing).
  void wait();
  /// Bytes held for forks by the kept trajectory.
  qint64 keptStateBytes() const;

 Q_SIGNALS:
  /// Before the first step: the exact timesteps the sampler will visit.
  void started(const ReverseRequest& request, const QVector<int>& timesteps);
  void frame(const ReverseFrame& frame);
  /// Steps done so far (Fork and Ending runs, which send no frames).
  void progress(int done, int total);
  void finished(const ReverseResult& result);
  void failed(const QString& message);

 private:
  struct Kept;
  std::shared_ptr<Kept> m_kept;
  std::shared_ptr<std::atomic<bool>> m_cancel;
  std::shared_ptr<std::atomic<bool>> m_busy;  ///< a run is between start() and its last signal
  class QThread* m_thread = nullptr;
};
