// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "forwardprocess.h"
#include "modelfamily.h"
#include "reversesampler.h"

#include <QElapsedTimer>
#include <QWidget>

class ForwardView;
class GuidanceSweep;
class QTabWidget;
class TradeoffPanel;
class ReverseView;
struct ReverseSettings;

/// The Diffusion page: the forward process (ForwardView over a ForwardProcess) and the reverse
/// process of an open diffusion run (ReverseView fed by a ReverseSampler), wired together.
class DiffusionPage final : public QWidget {
  Q_OBJECT
 public:
  explicit DiffusionPage(QWidget* parent = nullptr);
  /// Opens a ddpm-unet or toy-diffusion run for sampling; otherwise the error says why.
  Status openRun(const QString& folder);
  QString runFolder() const { return m_run; }
  ForwardView* forward() const { return m_forwardView; }
  ReverseView* reverse() const { return m_reverseView; }
  ReverseSampler* sampler() const { return m_sampler; }
  TradeoffPanel* tradeoff() const { return m_tradeoff; }
  GuidanceSweep* sweep() const { return m_sweep; }
  const ForwardProcess& forwardProcess() const { return m_forward; }
  /// Shows the forward or the reverse tab.
  void showReverse(bool reverse);
  /// Shows the guidance trade-off tab.
  void showTradeoff();
  /// Milliseconds from the last Run click to its first frame on screen (−1 before any).
  qint64 firstFrameMs() const { return m_firstFrameMs; }

 Q_SIGNALS:
  void openRunRequested();
  void trainToyRequested();

 private:
  void loadForwardSource(const QString& key, int index);
  void loadForwardFile(const QString& path);
  /// onlyT: just the slider moved (x0, ε and the chart's curves are as they were).
  void redrawForward(bool onlyT = false);
  void run(const ReverseSettings& s);
  /// Starts the sampler and shows it running, or says on the page why it cannot; true when it runs.
  bool startSampling(const ReverseRequest& r);
  /// Asks where and saves `image` as PNG (or says there is nothing yet), confirming on the status bar.
  void savePng(const QImage& image, const QString& title, const QString& name);
  void exportFrame();
  void exportFilmstrip();
  void exportGif();
  ReverseRequest request(const ReverseSettings& s) const;
  void connectSampler();
  /// The trade-off tab and its sweep, wired (diffusiontradeoff.cpp).
  void buildTradeoff();
  /// The trade-off tab for the run just opened: measurable when it was told the class.
  void resetTradeoff();

  QTabWidget* m_tabs = nullptr;
  ForwardView* m_forwardView = nullptr;
  ReverseView* m_reverseView = nullptr;
  ForwardProcess m_forward;
  ReverseSampler* m_sampler = nullptr;
  TradeoffPanel* m_tradeoff = nullptr;
  GuidanceSweep* m_sweep = nullptr;
  QString m_run;
  bool m_runMakesPoints = false;
  int m_timesteps = 1000;
  int m_classes = 0;  ///< the classes the open model is told (0: unconditional)
  QElapsedTimer m_runClock;
  qint64 m_firstFrameMs = -1;
  bool m_waitingFirstFrame = false;
  QVector<ReverseRequest> m_queue;  ///< comparison runs still to start
  QString m_trajectoryCaption;
};
