// SPDX-License-Identifier: GPL-3.0-or-later
#include "pixelwriter.h"

#include "datasetsplits.h"
#include "pixelmodel.h"
#include "run.h"

#include "pixelcnn/pixelcnn.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/arange.h>
#include <ATen/ops/full.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/zeros.h>
#include <c10/util/Exception.h>
#include <torch/utils.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>
#include <deque>

namespace {

QVector<float> toVector(const at::Tensor& t) {
  const auto c = t.to(at::kFloat).contiguous();
  return QVector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

QImage toImage(const at::Tensor& image) {  // (H, W) in [0, 1]
  const auto bytes = image.mul(255).round().clamp(0, 255).to(at::kByte).contiguous();
  const int h = int(bytes.size(0)), w = int(bytes.size(1));
  QImage out(w, h, QImage::Format_Grayscale8);
  for (int y = 0; y < h; ++y)
    std::memcpy(out.scanLine(y), bytes.data_ptr<uint8_t>() + y * w, size_t(w));
  return out;
}

}  // namespace

class PixelWriter::Worker final : public QObject {
 public:
  explicit Worker(PixelWriter* owner) : m_owner(owner) {}

  void start(const PixelWriteRequest& r) {
    m_timer.stop();
    m_sampler.reset();
    m_request = r.id;
    try {
      if (r.runFolder != m_openRun || !m_model) {
        auto model = PixelModel::load(r.runFolder);
        if (!model.ok())
          return fail(model.error);
        m_model = model.value;
        m_openRun = r.runFolder;
      }
      const int64_t classes = m_model->classes();
      if (r.label >= 0 && r.label >= classes)
        return fail(classes > 0 ? QCoreApplication::translate("PixelWriter", "This model knows classes 0 to %1, not %2.")
                                      .arg(classes - 1).arg(r.label)
                                : QCoreApplication::translate("PixelWriter", "This model was not told the images' "
                                                                             "classes when it trained."));
      genlab::PixelSampler::Options o;
      o.count = std::clamp(r.count, 1, 64);
      o.temperature = r.temperature;
      o.seed = r.seed;
      o.naive = r.naive;
      const int64_t size = m_model->imageSize();
      m_known.clear();
      if (r.start != PixelWriteRequest::Start::Blank) {
        const auto run = Run::open(r.runFolder);
        if (!run.ok())
          return fail(run.error);
        const auto data = DatasetSplits::heldOutOf(run.value, {});
        if (!data.ok())
          return fail(data.error);
        const auto images = imagesOf(data.value.eval, 1);
        const int64_t last = std::max<int64_t>(0, images.size(0) - (r.sameImage ? 1 : o.count));
        const int64_t from = r.digit >= 0 ? std::min<int64_t>(r.digit, last)
                                          : int64_t(r.seed * 37 % quint64(std::max<int64_t>(1, last)));
        auto given = r.sameImage ? images.narrow(0, from, 1).expand({o.count, 1, size, size}).contiguous()
                                 : images.narrow(0, from, std::min<int64_t>(o.count, images.size(0) - from));
        if (classes > 0 && r.label < 0) {  // each completed image is told its own class
          const auto own = data.value.eval.labels.narrow(0, from, r.sameImage ? 1 : given.size(0));
          o.labels = r.sameImage ? own.expand({o.count}).contiguous() : own.clone();
        }
        if (given.size(0) < o.count)
          return fail(QCoreApplication::translate("PixelWriter", "Too few held-out images to complete %1.").arg(o.count));
        given = m_model->levels() == 2 ? given.gt(0.5).to(at::kFloat) : given.mul(255).round().div(255);
        auto known = at::zeros({size, size}, at::kBool);
        if (r.start == PixelWriteRequest::Start::BottomHalfHidden) {
          known.narrow(0, 0, size / 2).fill_(true);
        } else if (r.start == PixelWriteRequest::Start::RightHalfHidden) {
          known.narrow(1, 0, size / 2).fill_(true);
        } else {
          if (r.given.size() != size * size)
            return fail(QCoreApplication::translate("PixelWriter", "The painted mask has %1 pixels; this model's "
                                                                   "images have %2.").arg(r.given.size()).arg(size * size));
          auto flags = known.reshape({-1});
          for (int64_t i = 0; i < size * size; ++i)
            flags[i] = bool(r.given[int(i)]);
        }
        o.given = given;
        o.known = known;
        const auto flat = known.reshape({-1});
        for (int64_t i = 0; i < flat.numel(); ++i)
          m_known.push_back(flat[i].item<bool>());
      }
      if (classes > 0 && !o.labels.defined())
        o.labels = r.label >= 0 ? at::full({o.count}, int64_t(r.label), at::kLong)
                                : at::arange(o.count, at::kLong).remainder(classes);
      m_labels = o.labels;
      m_sampler = std::make_unique<genlab::PixelSampler>(m_model->net(), o);
    } catch (const c10::Error& e) {
      return fail(QString::fromStdString(e.what_without_backtrace()));
    }
    m_focus = std::min(m_focus, int(m_sampler->images().size(0)) - 1);
    m_distribution.clear();
    m_drawn = -1;
    m_times.clear();
    m_clock.start();
    sendFrame();
    if (!m_paused)
      m_timer.start(m_delay);
  }

  void setPaused(bool paused) {
    m_paused = paused;
    if (!m_sampler || m_sampler->done())
      return;
    if (paused)
      m_timer.stop();
    else
      m_timer.start(m_delay);
  }
  void stepOnce() {
    if (m_sampler && !m_sampler->done()) {
      drawOne();
      sendFrame();
    }
  }
  void cancel() {
    m_timer.stop();
    m_sampler.reset();
  }
  void setDelay(int ms) {
    m_delay = std::max(0, ms);
    if (m_timer.isActive())
      m_timer.start(m_delay);
  }
  void setFocus(int image) {
    m_focus = std::max(0, image);
    if (m_sampler)
      m_focus = std::min(m_focus, int(m_sampler->images().size(0)) - 1);
  }

  void receptiveField(int image, int row, int col) {
    if (!m_model)
      return;
    try {
      const int64_t size = m_model->imageSize();
      at::Tensor x = m_sampler ? m_sampler->images() : at::zeros({1, 1, size, size});
      const int64_t index = std::clamp<int64_t>(image, 0, x.size(0) - 1);
      x = x.narrow(0, index, 1).clone();
      at::Tensor label;  // a model told the class: the class this image was written as
      if (m_model->classes() > 0)
        label = m_sampler && m_labels.defined() ? m_labels.narrow(0, index, 1) : at::zeros({1}, at::kLong);
      const auto trained = genlab::receptive_field(m_model->net(), x, label, row, col);
      if (!m_plain || m_plain->shape().levels != m_model->levels() || m_plain->shape().image_size != size) {
        m_plain = std::make_shared<genlab::PixelCNNImpl>(
            genlab::PixelCNNOptions().gated(false).width(16).head_width(16).layers(6).levels(m_model->levels())
                .image_size(size));
        // The same weights every time, from a generator of its own (the global one belongs to training).
        auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
        torch::NoGradGuard no_grad;
        for (auto& p : m_plain->parameters())
          p.copy_(at::randn(p.sizes(), gen).mul_(0.2));
      }
      const auto plain = genlab::receptive_field(m_plain, x, {}, row, col);
      Q_EMIT m_owner->receptiveField(image, row, col, toVector(trained), toVector(plain));
    } catch (const c10::Error&) {
      // A click outside this model's image (a grid of another run still shown): no map, and the
      // writing goes on.
      Q_EMIT m_owner->receptiveField(image, row, col, {}, {});
    }
  }

  void tick() {
    if (!m_sampler || m_paused)
      return;
    QElapsedTimer t;
    t.start();
    do {
      drawOne();  // resets the sampler when it fails
    } while (m_sampler && m_delay == 0 && !m_sampler->done() && t.elapsed() < 30);
    sendFrame();
    if (!m_sampler || m_sampler->done())
      m_timer.stop();
  }

  QTimer m_timer;

 private:
  void fail(const QString& message) {
    m_timer.stop();
    Q_EMIT m_owner->failed(message);
  }

  void drawOne() {
    try {
      if (!m_sampler->skip_known())
        return;
      const int64_t at = m_sampler->position();
      const auto p = m_sampler->step();
      const auto& images = m_sampler->images();
      m_focus = std::clamp(m_focus, 0, int(images.size(0)) - 1);
      const int64_t size = m_model->imageSize();
      m_distribution = toVector(p[m_focus]);
      m_drawn = int(std::lround(images[m_focus][0][at / size][at % size].item<float>() * (m_model->levels() - 1)));
      const qint64 now = m_clock.elapsed();
      m_times.push_back(now);
      while (!m_times.empty() && m_times.front() < now - 1000)
        m_times.pop_front();
    } catch (const c10::Error& e) {
      m_sampler.reset();
      fail(QString::fromStdString(e.what_without_backtrace()));
    }
  }

  void sendFrame() {
    if (!m_sampler)
      return;
    PixelWriteFrame f;
    const auto& images = m_sampler->images();
    for (int64_t i = 0; i < images.size(0); ++i)
      f.images.push_back(toImage(images[i][0]));
    f.known = m_known;
    f.request = m_request;
    f.position = int(m_sampler->position());
    f.size = m_model->imageSize();
    f.focus = m_focus;
    f.distribution = m_distribution;
    f.drawnLevel = m_drawn;
    if (m_times.size() >= 2)
      f.pixelsPerSecond = double(m_times.size() - 1) * 1000.0 / double(std::max<qint64>(1, m_times.back() - m_times.front()));
    f.done = m_sampler->done();
    Q_EMIT m_owner->frame(f);
  }

  PixelWriter* m_owner;
  std::shared_ptr<const PixelModel> m_model;
  genlab::PixelNet m_plain;
  QString m_openRun;
  std::unique_ptr<genlab::PixelSampler> m_sampler;
  at::Tensor m_labels;  // the classes being written (models told the class)
  quint64 m_request = 0;
  QVector<bool> m_known;
  QVector<float> m_distribution;
  int m_drawn = -1, m_focus = 0, m_delay = 0;
  bool m_paused = false;
  QElapsedTimer m_clock;
  std::deque<qint64> m_times;
};

PixelWriter::PixelWriter(QObject* parent) : QObject(parent) {
  qRegisterMetaType<PixelWriteFrame>();
  qRegisterMetaType<PixelWriteRequest>();
  m_thread = new QThread(this);
  m_thread->setObjectName(QStringLiteral("pixel writer"));
  m_worker = new Worker(this);
  m_worker->moveToThread(m_thread);
  m_worker->m_timer.moveToThread(m_thread);
  connect(&m_worker->m_timer, &QTimer::timeout, m_worker, [w = m_worker] { w->tick(); });
  connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
  m_thread->start();
}

PixelWriter::~PixelWriter() {
  QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->cancel(); }, Qt::BlockingQueuedConnection);
  m_thread->quit();
  m_thread->wait();
}

void PixelWriter::start(const PixelWriteRequest& request) {
  QMetaObject::invokeMethod(m_worker, [w = m_worker, request] { w->start(request); });
}
void PixelWriter::setPaused(bool paused) {
  QMetaObject::invokeMethod(m_worker, [w = m_worker, paused] { w->setPaused(paused); });
}
void PixelWriter::stepOnce() { QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->stepOnce(); }); }
void PixelWriter::cancel() { QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->cancel(); }); }
void PixelWriter::setDelay(int ms) { QMetaObject::invokeMethod(m_worker, [w = m_worker, ms] { w->setDelay(ms); }); }
void PixelWriter::setFocus(int image) {
  QMetaObject::invokeMethod(m_worker, [w = m_worker, image] { w->setFocus(image); });
}
void PixelWriter::requestReceptiveField(int image, int row, int col) {
  QMetaObject::invokeMethod(m_worker, [w = m_worker, image, row, col] { w->receptiveField(image, row, col); });
}
