// SPDX-License-Identifier: GPL-3.0-or-later
#include "gifwriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <gif_lib.h>

#include <vector>

namespace {


int writeToSaveFile(GifFileType* gif, const GifByteType* data, int length) {
  auto* file = static_cast<QSaveFile*>(gif->UserData);
  return int(file->write(reinterpret_cast<const char*>(data), length));
}

int readFromFile(GifFileType* gif, GifByteType* data, int length) {
  auto* file = static_cast<QFile*>(gif->UserData);
  return int(file->read(reinterpret_cast<char*>(data), length));
}

// One frame's palette and indices: greys map onto a 256-grey palette; colour goes through giflib's
// median-cut quantiser.
bool quantise(const QImage& frame, std::vector<GifColorType>& palette, std::vector<GifByteType>& indices) {
  const int w = frame.width(), h = frame.height();
  indices.resize(size_t(w) * size_t(h));
  if (frame.isGrayscale()) {
    const QImage g = frame.convertToFormat(QImage::Format_Grayscale8);
    palette.resize(256);
    for (int i = 0; i < 256; ++i)
      palette[size_t(i)] = {GifByteType(i), GifByteType(i), GifByteType(i)};
    for (int y = 0; y < h; ++y)
      std::copy(g.constScanLine(y), g.constScanLine(y) + w, indices.begin() + size_t(y) * size_t(w));
    return true;
  }
  const QImage rgb = frame.convertToFormat(QImage::Format_RGB888);
  std::vector<GifByteType> r(indices.size()), g(indices.size()), b(indices.size());
  for (int y = 0; y < h; ++y) {
    const uchar* row = rgb.constScanLine(y);
    for (int x = 0; x < w; ++x) {
      const size_t i = size_t(y) * size_t(w) + size_t(x);
      r[i] = row[3 * x];
      g[i] = row[3 * x + 1];
      b[i] = row[3 * x + 2];
    }
  }
  int size = 256;
  palette.resize(256);
  if (GifQuantizeBuffer(unsigned(w), unsigned(h), &size, r.data(), g.data(), b.data(), indices.data(),
                        palette.data()) == GIF_ERROR)
    return false;
  palette.resize(256);  // GIF palettes are powers of two; the unused entries stay black
  return true;
}

}  // namespace

Status writeAnimatedGif(const QString& path, const QVector<QImage>& frames, int delayMs) {
  if (frames.isEmpty())
    return {QCoreApplication::translate("GifWriter", "No frames to write.")};
  const QSize size = frames.first().size();
  for (const QImage& f : frames)
    if (f.size() != size || f.isNull())
      return {QCoreApplication::translate("GifWriter", "All frames of a GIF must have the same size (%1×%2).").arg(size.width()).arg(size.height())};
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    return {QCoreApplication::translate("GifWriter", "%1: cannot write (%2)").arg(path, file.errorString())};
  int error = 0;
  GifFileType* gif = EGifOpen(&file, writeToSaveFile, &error);
  if (!gif)
    return {QCoreApplication::translate("GifWriter", "giflib could not start the file: %1").arg(QString::fromUtf8(GifErrorString(error)))};
  auto fail = [&](const QString& what) {
    const int code = gif->Error;
    EGifCloseFile(gif, &error);  // frees gif
    file.cancelWriting();
    return Status{QCoreApplication::translate("GifWriter", "%1: %2 (giflib: %3)").arg(path, what, QString::fromUtf8(GifErrorString(code)))};
  };
  EGifSetGifVersion(gif, true);
  if (EGifPutScreenDesc(gif, size.width(), size.height(), 8, 0, nullptr) == GIF_ERROR)
    return fail(QCoreApplication::translate("GifWriter", "screen descriptor"));
  // NETSCAPE2.0 application extension: loop forever.
  const GifByteType netscape[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
  const GifByteType loop[] = {1, 0, 0};
  if (EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
      EGifPutExtensionBlock(gif, sizeof(netscape), netscape) == GIF_ERROR ||
      EGifPutExtensionBlock(gif, sizeof(loop), loop) == GIF_ERROR || EGifPutExtensionTrailer(gif) == GIF_ERROR)
    return fail(QCoreApplication::translate("GifWriter", "loop extension"));
  std::vector<GifColorType> palette;
  std::vector<GifByteType> indices;
  for (const QImage& frame : frames) {
    if (!quantise(frame, palette, indices))
      return fail(QCoreApplication::translate("GifWriter", "colour quantisation"));
    GraphicsControlBlock gcb{};
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.DelayTime = std::max(1, delayMs / 10);  // hundredths of a second
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType ext[4];
    const size_t n = EGifGCBToExtension(&gcb, ext);
    ColorMapObject* map = GifMakeMapObject(int(palette.size()), palette.data());
    const bool ok = map && EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, int(n), ext) != GIF_ERROR &&
                    EGifPutImageDesc(gif, 0, 0, size.width(), size.height(), false, map) != GIF_ERROR;
    GifFreeMapObject(map);
    if (!ok)
      return fail(QCoreApplication::translate("GifWriter", "frame header"));
    for (int y = 0; y < size.height(); ++y)
      if (EGifPutLine(gif, indices.data() + size_t(y) * size_t(size.width()), size.width()) == GIF_ERROR)
        return fail(QCoreApplication::translate("GifWriter", "frame pixels"));
  }
  if (EGifCloseFile(gif, &error) == GIF_ERROR) {
    file.cancelWriting();
    return {QCoreApplication::translate("GifWriter", "%1: giflib could not finish the file: %2").arg(path, QString::fromUtf8(GifErrorString(error)))};
  }
  if (!file.commit())
    return {QCoreApplication::translate("GifWriter", "%1: cannot write (%2)").arg(path, file.errorString())};
  return {};
}

Result<int> gifFrameCount(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return {-1, QCoreApplication::translate("GifWriter", "%1: cannot read (%2)").arg(path, file.errorString())};
  int code = 0;
  GifFileType* gif = DGifOpen(&file, readFromFile, &code);
  if (!gif)
    return {-1, QCoreApplication::translate("GifWriter", "%1 is not a GIF: %2").arg(path, QString::fromUtf8(GifErrorString(code)))};
  if (DGifSlurp(gif) == GIF_ERROR) {
    const QString error = QCoreApplication::translate("GifWriter", "%1: damaged GIF: %2").arg(path, QString::fromUtf8(GifErrorString(gif->Error)));
    DGifCloseFile(gif, &code);
    return {-1, error};
  }
  const int frames = gif->ImageCount;
  DGifCloseFile(gif, &code);
  return {frames, {}};
}
