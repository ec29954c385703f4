// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An HTTP server on 127.0.0.1 for the download tests, in the test's own thread: it serves the
// bytes it is given, honours Range requests, and misbehaves on purpose where told.

#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

class TestServer : public QTcpServer {
 public:
  enum class Mode {
    Good,         ///< 200 or, for "Range: bytes=N-", 206 with the rest
    NotFound,     ///< 404
    Truncate,     ///< claims the whole length, sends `cut` bytes, closes
    Stall,        ///< sends `cut` bytes, then nothing, connection left open
    IgnoreRange,  ///< always 200 with the whole file
    Slow,         ///< the whole file in 512-byte pieces, one every `cut` ms
    WrongRange,   ///< for "Range: bytes=N-", a 206 with another part (from byte 10)
  };

  TestServer() { listen(QHostAddress::LocalHost); }
  void serve(const QString& path, const QByteArray& body, Mode mode = Mode::Good, qint64 cut = 0) {
    m_files[path] = {body, mode, cut};
  }
  void setMode(const QString& path, Mode mode, qint64 cut = 0) {
    m_files[path].mode = mode;
    m_files[path].cut = cut;
  }
  /// The folder URL of `folder` on this server ("http://127.0.0.1:port/folder/").
  QString url(const QString& folder) const { return QStringLiteral("http://127.0.0.1:%1/%2/").arg(serverPort()).arg(folder); }
  /// "GET /path" or "GET /path bytes=N-" per request received.
  QStringList requests;

 protected:
  void incomingConnection(qintptr descriptor) override {
    auto* socket = new QTcpSocket(this);
    socket->setSocketDescriptor(descriptor);
    auto* buffer = new QByteArray;
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
      buffer->append(socket->readAll());
      const qsizetype end = buffer->indexOf("\r\n\r\n");
      if (end < 0)
        return;
      const QList<QByteArray> lines = buffer->left(end).split('\n');
      const QString path = QString::fromLatin1(lines.value(0).split(' ').value(1));
      qint64 from = -1;
      for (const QByteArray& l : lines)
        if (l.toLower().startsWith("range: bytes="))
          from = l.trimmed().mid(13).split('-').value(0).toLongLong();
      requests << (from >= 0 ? QStringLiteral("GET %1 bytes=%2-").arg(path).arg(from) : QStringLiteral("GET %1").arg(path));
      buffer->clear();
      respond(socket, path, from);
    });
    connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
      delete buffer;
      socket->deleteLater();
    });
  }

 private:
  struct File {
    QByteArray body;
    Mode mode = Mode::Good;
    qint64 cut = 0;
  };

  static void send(QTcpSocket* socket, const QByteArray& status, const QByteArray& headers, const QByteArray& body,
                   qint64 length) {
    socket->write("HTTP/1.1 " + status + "\r\nContent-Length: " + QByteArray::number(length) + "\r\n" + headers +
                  "Connection: close\r\n\r\n" + body);
  }

  void respond(QTcpSocket* socket, const QString& path, qint64 from) {
    if (!m_files.contains(path) || m_files[path].mode == Mode::NotFound) {
      send(socket, "404 Not Found", {}, "not found", 9);
      socket->disconnectFromHost();
      return;
    }
    const File& f = m_files[path];
    switch (f.mode) {
      case Mode::Good:
        if (from > 0 && from < f.body.size()) {
          const QByteArray range = "Content-Range: bytes " + QByteArray::number(from) + '-' +
                                   QByteArray::number(f.body.size() - 1) + '/' + QByteArray::number(f.body.size()) + "\r\n";
          send(socket, "206 Partial Content", range, f.body.mid(from), f.body.size() - from);
        } else {
          send(socket, "200 OK", {}, f.body, f.body.size());
        }
        socket->disconnectFromHost();
        return;
      case Mode::WrongRange:
        if (from > 0) {
          const QByteArray range = "Content-Range: bytes 10-" + QByteArray::number(f.body.size() - 1) + '/' +
                                   QByteArray::number(f.body.size()) + "\r\n";
          send(socket, "206 Partial Content", range, f.body.mid(10), f.body.size() - 10);
        } else {
          send(socket, "200 OK", {}, f.body, f.body.size());
        }
        socket->disconnectFromHost();
        return;
      case Mode::IgnoreRange:
        send(socket, "200 OK", {}, f.body, f.body.size());
        socket->disconnectFromHost();
        return;
      case Mode::Truncate:
        send(socket, "200 OK", {}, f.body.left(f.cut), f.body.size());
        socket->disconnectFromHost();
        return;
      case Mode::Stall:
        send(socket, "200 OK", {}, f.body.left(f.cut), f.body.size());
        socket->flush();
        return;  // and nothing more
      case Mode::Slow: {
        send(socket, "200 OK", {}, {}, f.body.size());
        auto* timer = new QTimer(socket);
        auto sent = std::make_shared<qint64>(0);
        const QByteArray body = f.body;
        QPointer<QTcpSocket> guard(socket);
        connect(timer, &QTimer::timeout, socket, [guard, timer, sent, body] {
          if (!guard)
            return;
          guard->write(body.mid(*sent, 512));
          *sent += 512;
          if (*sent >= body.size()) {
            timer->stop();
            guard->disconnectFromHost();
          }
        });
        timer->start(int(f.cut > 0 ? f.cut : 5));
        return;
      }
      case Mode::NotFound:
        return;
    }
  }

  QHash<QString, File> m_files;
};
