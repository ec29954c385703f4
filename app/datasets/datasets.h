// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// No torch: the GUI includes it. Every data set GenLab trains on, registered once (datasets.cpp),
// like the model families: what it holds, where it comes from, its classes. Nothing outside this
// registry parses or compares data set names ("toy:…", "folder:…", "mnist").

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <string>

/// What a data set holds (a family says which it trains on: ModelFamily::data).
enum class DataKind { Images, Points };

/// Where a data set's examples come from.
enum class DataSource {
  IdxFolder,    ///< the four MNIST-layout IDX files of a folder DataLocations finds (train-*, t10k-*)
  ImageFolder,  ///< "folder:PATH": the JPG/PNG files under PATH, cropped and resized, a seeded tenth held out
  Generated,    ///< 2-D points drawn from fixed seeds (models/data/toy2d): the same on every machine
};

/// One data set.
struct DataSet {
  QString id;               ///< run.json's dataset.name and `--dataset` ("mnist", "toy:moons"); "folder" for image folders
  const char* label = "";   ///< in the user's words (context "DataSet"): "MNIST digits"
  DataKind kind = DataKind::Images;
  DataSource source = DataSource::IdxFolder;
  int imageSize = 28;       ///< IdxFolder: its images' size; ImageFolder: chosen per run (28, 32, 64)
  int channels = 1;         ///< IdxFolder: 1; ImageFolder: chosen (1 or 3); Generated: 0
  QStringList classes;      ///< the class names in label order; empty when it has none
  QString folderName;       ///< IdxFolder: its folder under each data root ("mnist")
  QStringList systemFolders;  ///< IdxFolder: folders a package installs it to, searched after the data roots
  std::string generator;    ///< Generated: the set models/data/toy2d draws ("moons")
  const char* howToGet = "";  ///< IdxFolder: where to get it when missing (context "DataSet")
  QString getCommand;         ///< IdxFolder: the command that gets it ("genlab-cli data get mnist")

  QString displayLabel() const { return QCoreApplication::translate("DataSet", label); }
  QString displayHowToGet() const { return QCoreApplication::translate("DataSet", howToGet); }
  bool hasClasses() const { return !classes.isEmpty(); }
};

namespace DataSets {

/// All data sets, in the order the Train page lists them.
const QList<const DataSet*>& all();
/// The data set `name` means ("mnist", "toy:moons", "folder:PATH" → the image-folder entry), or null.
const DataSet* find(const QString& name);
/// The first data set of `kind` (the default for a family that trains on it).
const DataSet& firstOf(DataKind kind);
/// "folder:PATH" → PATH; "" for every other name.
QString folderOf(const QString& name);
/// The name of the image folder `path` ("folder:PATH").
QString folderNamed(const QString& path);
/// A short name for file and folder names and lists: "mnist", "moons", an image folder's own name.
QString shortName(const QString& name);
/// The names `--dataset` takes, for --help and messages: "mnist, fashion-mnist, folder:PATH, toy:s-curve, …".
QString names();

}  // namespace DataSets
