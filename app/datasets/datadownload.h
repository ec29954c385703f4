// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mnistsource.h"

#include <QFile>
#include <QLockFile>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

/// Downloads a data set's files into a folder, trying each mirror in turn. Each file goes to
/// "<folder>.partial/<name>.part" first; a file cut off (truncated, stalled, cancelled) is kept
/// there and the next download resumes it with an HTTP Range request. A finished file must have
/// its size and SHA-256, else it is deleted and the next mirror is tried. Only when every file
/// is there (and `setCheck`'s test passes) do they move into the folder, so the folder never holds
/// half a data set. Errors name the file, the address and what went wrong (HTTP 404, wrong
/// checksum, cut off after N bytes, no connection, no data for N s).
class DataDownload : public QObject {
  Q_OBJECT
 public:
  DataDownload(QList<DataFile> files, QStringList mirrors, QString folder, QObject* parent = nullptr);
  ~DataDownload() override;

  /// A download that receives nothing for this long gives up on that mirror (default 30 s).
  void setStallTimeout(int milliseconds) { m_stallMs = milliseconds; }
  /// Run on the downloaded folder before it is installed: ok, or what is wrong with the files.
  void setCheck(std::function<Status(const QString& folder)> check) { m_check = std::move(check); }

  void start();
  /// Stops; what was downloaded so far is kept for the next start.
  void cancel();
  bool running() const { return m_running; }
  QString partialFolder() const { return m_folder + QStringLiteral(".partial"); }

 Q_SIGNALS:
  /// Bytes received of all files (`total` 0 when some sizes are unknown), the file now coming.
  void progress(qint64 done, qint64 total, const QString& file);
  /// One line for the user: a mirror failed and the next is tried, a partial file is resumed.
  void note(const QString& line);
  /// Once, at the end: ok, or (the folder unchanged) what went wrong.
  void finished(const Status& outcome);

 private:
  void nextFile();
  void request();
  void onReadyRead();
  void onReplyFinished();
  void failMirror(const QString& reason);
  void completeFile(qint64 bytes);
  void install();
  void finish(const Status& outcome);
  QString partPath() const;
  QString currentUrl() const;

  QList<DataFile> m_files;
  QStringList m_mirrors;
  QString m_folder;
  int m_stallMs = 30000;
  std::function<Status(const QString&)> m_check;

  QNetworkAccessManager* m_network = nullptr;
  QPointer<QNetworkReply> m_reply;
  QFile m_part;
  bool m_running = false;
  bool m_cancelled = false;
  bool m_headerSeen = false;
  bool m_tooLong = false;
  bool m_rangeRetried = false;
  bool m_badRange = false;
  QString m_fatal;  ///< an error that is not a mirror's (a full disk): it ends the download
  std::unique_ptr<QLockFile> m_lock;
  int m_fileIndex = 0;
  int m_mirrorIndex = 0;
  int m_preferredMirror = 0;
  int m_mirrorsTried = 0;
  qint64 m_doneBytes = 0;
  qint64 m_totalBytes = 0;
  QStringList m_failures;
};
