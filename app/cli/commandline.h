// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

/// genlab-cli: the same code as the GUI, for servers and scripts.
/// Returns the process exit code: 0 on success, 1 on an error (one line on stderr), 2 on usage.
int runCommandLine(const QStringList& arguments);
