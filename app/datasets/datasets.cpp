// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasets.h"

#include "data/mnist_dataset.h"
#include "data/toy2d.h"

#include <QDir>

namespace {

QStringList classesOf(const std::string& dataset) {
  QStringList out;
  for (const std::string& name : genlab::class_names(dataset))
    out << QString::fromStdString(name);
  return out;
}

DataSet idxSet(const char* id, const char* label, const char* howToGet, const char* command, QStringList systemFolders = {}) {
  DataSet d;
  d.id = QLatin1String(id);
  d.label = label;
  d.kind = DataKind::Images;
  d.source = DataSource::IdxFolder;
  d.classes = classesOf(id);
  d.folderName = QLatin1String(id);
  d.systemFolders = std::move(systemFolders);
  d.howToGet = howToGet;
  d.getCommand = QLatin1String(command);
  return d;
}

DataSet toySet(const char* generator, const char* label) {
  DataSet d;
  d.id = QStringLiteral("toy:") + QLatin1String(generator);
  d.label = label;
  d.kind = DataKind::Points;
  d.source = DataSource::Generated;
  d.imageSize = 0;
  d.channels = 0;
  d.generator = generator;
  for (const std::string& part : genlab::toy2d_classes(generator))
    d.classes << QString::fromStdString(part);
  return d;
}

const QString kFolderPrefix = QStringLiteral("folder:");

}  // namespace

namespace DataSets {

const QList<const DataSet*>& all() {
  // One entry per data set: a new one is one line here (and, for a new source, its reader).
  static const QList<DataSet> sets = [] {
    DataSet folder;
    folder.id = QStringLiteral("folder");
    folder.label = QT_TRANSLATE_NOOP("DataSet", "Image folder…");
    folder.source = DataSource::ImageFolder;
    return QList<DataSet>{
        idxSet("mnist", QT_TRANSLATE_NOOP("DataSet", "MNIST digits"),
               QT_TRANSLATE_NOOP("DataSet", "Get it with File → Get the MNIST digits…, or genlab-cli data get mnist."),
               "genlab-cli data get mnist"),
        idxSet("fashion-mnist", QT_TRANSLATE_NOOP("DataSet", "Fashion-MNIST (clothing)"),
               QT_TRANSLATE_NOOP("DataSet", "Debian's package dataset-fashion-mnist installs it."),
               "apt install dataset-fashion-mnist",
               {QStringLiteral("/usr/share/datasets/fashion-mnist")}),
        folder,
        toySet("s-curve", QT_TRANSLATE_NOOP("DataSet", "Toy 2-D points: S-curve")),
        toySet("swiss-roll", QT_TRANSLATE_NOOP("DataSet", "Toy 2-D points: swiss roll")),
        toySet("moons", QT_TRANSLATE_NOOP("DataSet", "Toy 2-D points: two moons")),
        toySet("8-gaussians", QT_TRANSLATE_NOOP("DataSet", "Toy 2-D points: 8 Gaussians")),
        toySet("rings", QT_TRANSLATE_NOOP("DataSet", "Toy 2-D points: rings")),
    };
  }();
  static const QList<const DataSet*> list = [] {
    QList<const DataSet*> out;
    for (const DataSet& d : sets)
      out << &d;
    return out;
  }();
  return list;
}

const DataSet* find(const QString& name) {
  const bool folder = name.startsWith(kFolderPrefix);
  for (const DataSet* d : all())
    if (folder ? d->source == DataSource::ImageFolder : d->id == name)
      return d;
  return nullptr;
}

const DataSet& firstOf(DataKind kind) {
  for (const DataSet* d : all())
    if (d->kind == kind)
      return *d;
  return *all().first();
}

QString folderOf(const QString& name) { return name.startsWith(kFolderPrefix) ? name.mid(kFolderPrefix.size()) : QString(); }

QString folderNamed(const QString& path) { return kFolderPrefix + path; }

QString shortName(const QString& name) {
  if (name.startsWith(kFolderPrefix))
    return QDir(folderOf(name)).dirName();
  const DataSet* d = find(name);
  return d && d->source == DataSource::Generated ? QString::fromStdString(d->generator) : name;
}

QString names() {
  QStringList out;
  for (const DataSet* d : all())
    out << (d->source == DataSource::ImageFolder ? kFolderPrefix + QStringLiteral("PATH") : d->id);
  return out.join(QStringLiteral(", "));
}

}  // namespace DataSets
