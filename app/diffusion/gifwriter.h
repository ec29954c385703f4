// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelfamily.h"

#include <QImage>
#include <QString>
#include <QVector>

/// Writes an animated GIF with giflib (Debian's libgif): each frame quantised to its own
/// 256-colour palette (GifQuantizeBuffer; grey images keep their 256 greys exactly), looping
/// forever. Written to a temporary file and renamed: a failure leaves nothing behind.
/// Returns ok or what went wrong. Frames must all have the first one's size.
Status writeAnimatedGif(const QString& path, const QVector<QImage>& frames, int delayMs);

/// Reads a GIF back with giflib: its frame count, or −1 with the error set.
Result<int> gifFrameCount(const QString& path);
