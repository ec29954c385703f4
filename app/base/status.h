// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// No torch, no Qt beyond QString and QMetaType: every folder of app/ includes it.

#include "io/result.h"

#include <QMetaType>
#include <QString>

/// A value or a message for the user: app/'s spelling of models/' genlab::Result, with a QString
/// message that names the file or value and what is wrong. The one error type from the model
/// boundary (where LibTorch's exceptions are caught) to the CLI and the pages.
template <typename T>
using Result = genlab::Result<T, QString>;
/// The outcome of an action without a value: ok(), or the message.
using Status = genlab::Result<void, QString>;

// A signal may carry one (DataDownload::finished), across threads and in a QSignalSpy.
Q_DECLARE_METATYPE(Status)
