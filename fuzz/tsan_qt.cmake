# SPDX-License-Identifier: GPL-3.0-or-later
# Included after project() by the tsan preset (CMAKE_PROJECT_INCLUDE in CMakePresets.json): links
# fuzz/tsan_qt.cpp into every executable, so that QProcess works under ThreadSanitizer and TSan sees
# Qt's thread hand-offs (the file says how and why). Other builds never read this file.
find_package(Qt6 REQUIRED COMPONENTS Core)
add_library(genlab_tsan_qt OBJECT ${CMAKE_CURRENT_LIST_DIR}/tsan_qt.cpp)
target_link_libraries(genlab_tsan_qt PUBLIC Qt6::Core ${CMAKE_DL_LIBS})
link_libraries("$<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:genlab_tsan_qt>")
