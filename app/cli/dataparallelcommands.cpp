// SPDX-License-Identifier: GPL-3.0-or-later
// genlab-cli train/resume on several processes: `--nproc N` starts N local copies of the command
// with torchrun's variables; a copy started that way (or by torchrun, srun) joins the group.
#include "clitools.h"

#include "dist/data_parallel.h"
#include "nn/device.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QThread>

#include <c10/util/Exception.h>

#include <csignal>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Cli {

namespace {

// A TCP port nobody listens on now (the kernel's choice), for rank 0's store.
int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return 29500;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  int port = 29500;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 && ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  ::close(fd);
  return port;
}

}  // namespace

std::chrono::milliseconds groupTimeout() {
  bool ok = false;
  const int seconds = qEnvironmentVariableIntValue("GENLAB_DIST_TIMEOUT_S", &ok);
  return std::chrono::milliseconds(qint64(ok && seconds > 0 ? seconds : 600) * 1000);
}

std::optional<int> launchIfAsked(const QCommandLineParser& p, const QString& command, const QStringList& args) {
  if (!p.isSet(QStringLiteral("nproc")))
    return std::nullopt;
  bool ok = false;
  const int n = p.value(QStringLiteral("nproc")).toInt(&ok);
  if (!ok || n < 1 || n > 256) {
    err(QStringLiteral("--nproc: a number of processes from 1 to 256, got '%1'").arg(p.value(QStringLiteral("nproc"))));
    return 2;
  }
  if (n > 1 && qEnvironmentVariableIsEmpty("WORLD_SIZE"))
    return launchProcesses(command, n, args);
  return std::nullopt;
}

int launchProcesses(const QString& command, int n, QStringList args) {
  args.removeFirst();  // the parser's program name
  // Without --nproc, each copy joins as its variables say; every copy shares the cores.
  const int at = int(args.indexOf(QStringLiteral("--nproc")));
  if (at >= 0)
    args.remove(at, std::min<qsizetype>(2, args.size() - at));
  args.removeIf([](const QString& a) { return a.startsWith(QLatin1String("--nproc=")); });
  if (!args.contains(QStringLiteral("--threads")) && !std::any_of(args.begin(), args.end(), [](const QString& a) {
        return a.startsWith(QLatin1String("--threads="));
      }))
    args << QStringLiteral("--threads") << QString::number(std::max(1, QThread::idealThreadCount() / n));
  const int port = freePort();
  // Ctrl-C reaches every process of the terminal: they stop at the same step and save; the
  // launcher waits for them instead of leaving first.
  std::signal(SIGINT, SIG_IGN);
  std::vector<std::unique_ptr<QProcess>> ranks;
  // The last line a process wrote to stderr (rank 0's went to the terminal).
  const auto lastLine = [](int r) -> QString {
    if (r == 0)
      return {};
    QFile log(QDir::temp().filePath(QStringLiteral("genlab-%1-process-%2.log").arg(::getpid()).arg(r)));
    if (!log.open(QIODevice::ReadOnly))
      return {};
    const QStringList lines = QString::fromUtf8(log.readAll()).trimmed().split(QLatin1Char('\n'));
    return lines.value(lines.size() - 1);
  };
  for (int r = 0; r < n; ++r) {
    auto p = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RANK"), QString::number(r));
    env.insert(QStringLiteral("LOCAL_RANK"), QString::number(r));
    env.insert(QStringLiteral("WORLD_SIZE"), QString::number(n));
    env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
    p->setProcessEnvironment(env);
    // Rank 0 speaks for the run (progress, the folder); the others' errors are kept for a failure.
    if (r == 0) {
      p->setProcessChannelMode(QProcess::ForwardedChannels);
    } else {
      p->setStandardOutputFile(QProcess::nullDevice());
      p->setStandardErrorFile(QDir::temp().filePath(QStringLiteral("genlab-%1-process-%2.log").arg(::getpid()).arg(r)));
    }
    // A launcher that dies (killed, its terminal closed) takes its processes with it.
    p->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    p->start(QCoreApplication::applicationFilePath(), QStringList{command} + args);
    if (!p->waitForStarted()) {
      err(QStringLiteral("could not start process %1 of %2: %3").arg(r).arg(n).arg(p->errorString()));
      for (auto& q : ranks)
        q->kill();
      return 1;
    }
    ranks.push_back(std::move(p));
  }
  // The first to fail names the run's failure; the others stop by themselves (their group breaks)
  // or, after the group's timeout, are killed.
  int failed = -1, code = 0;
  QString why;
  QElapsedTimer sinceFailure;
  for (;;) {
    bool running = false;
    for (int r = 0; r < n; ++r) {
      QProcess& p = *ranks[size_t(r)];
      if (p.state() != QProcess::NotRunning) {
        p.waitForFinished(50);
        running = running || p.state() != QProcess::NotRunning;
        continue;
      }
      const int c = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
      if (c != 0 && failed < 0) {
        failed = r;
        code = c;
        why = p.exitStatus() == QProcess::NormalExit ? lastLine(r) : QStringLiteral("it crashed or was killed");
        sinceFailure.start();
      }
    }
    if (!running)
      break;
    if (failed >= 0 && sinceFailure.elapsed() > groupTimeout().count() + 5000)
      for (auto& p : ranks)
        p->kill();
  }
  for (int r = 1; r < n; ++r) {  // what the other ranks said, for the record
    if (const QString said = lastLine(r); !said.isEmpty() && failed >= 0)
      std::fprintf(stderr, "[process %d] %s\n", r, qPrintable(said));
    QFile::remove(QDir::temp().filePath(QStringLiteral("genlab-%1-process-%2.log").arg(::getpid()).arg(r)));
  }
  if (failed >= 0) {
    err(QStringLiteral("process %1 of %2 failed (exit code %3)%4; the run folder keeps the last checkpoint and resumes")
            .arg(failed).arg(n).arg(code).arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why));
    return 1;
  }
  return 0;
}

Result<JoinedGroup> joinGroup(const QString& device) {
  Result<JoinedGroup> out;
  out.value.device = device;
  const auto place = genlab::parallel_place_from_environment();
  if (!place.ok()) {
    out.error = QString::fromStdString(place.error);
    return out;
  }
  if (place.value.world_size <= 1)
    return out;  // one process: no group
  // The processes of a machine on GPUs of their own, from the one asked for on (LOCAL_RANK, as
  // torchrun assigns them): "cuda" and "cuda:0" give process k GPU k, a resumed run's recorded
  // GPU the same.
  const qsizetype gpus = SystemInfo::devices().size() - 1;
  if (device.startsWith(QLatin1String("cuda")) && gpus > 0 && SystemInfo::deviceCheck(device).ok()) {
    const int first = device.contains(QLatin1Char(':')) ? device.section(QLatin1Char(':'), 1).toInt() : 0;
    out.value.device = QStringLiteral("cuda:%1").arg((first + place.value.local_rank) % gpus);
  }
  const auto where = genlab::parse_device(out.value.device.toStdString());  // a bad name is refused later, by name
  try {
    out.value.group = std::make_shared<genlab::DataParallel>(place.value, groupTimeout(),
                                                             where.ok() ? where.value : c10::Device(c10::kCPU));
  } catch (const c10::Error& e) {
    out.error = QString::fromStdString(e.what_without_backtrace());
  }
  return out;
}

Result<QString> privateRunFolder(const QString& resumeFolder, QTemporaryDir& scratch) {
  if (!scratch.isValid())
    return {{}, QStringLiteral("no scratch folder for this process's copy of the run: %1").arg(scratch.errorString())};
  const QString copy = scratch.filePath(QStringLiteral("run"));
  QDir().mkpath(copy);
  if (resumeFolder.isEmpty())
    return {copy, {}};
  // A resumed run: this rank reads the checkpoint from its own copy (rank 0 writes the real folder).
  const QDir from(resumeFolder);
  for (const char* name : {"run.json", "weights.safetensors", "optimizer.safetensors", "metrics.csv"})
    if (const QString file = from.filePath(QLatin1String(name));
        QFile::exists(file) && !QFile::copy(file, QDir(copy).filePath(QLatin1String(name))))
      return {{}, QStringLiteral("cannot copy %1 into this process's scratch folder").arg(file)};
  return {copy, {}};
}

}  // namespace Cli
