// SPDX-License-Identifier: GPL-3.0-or-later
// ThreadSanitizer build only: the tsan preset links this into every executable (fuzz/tsan_qt.cmake).
// Debian's Qt is not built with TSan. It hands data between threads with its own futex-based
// QMutex/QSemaphore, which TSan cannot see, so every hand-off through Qt looks like a race. This
// file tells TSan about the hand-offs GenLab uses, with __tsan_release where data leaves a thread
// through Qt and __tsan_acquire where another thread picks it up (and, first, fixes clone()):
//
//   signals             released when a signal is emitted and again when the emit returns (Qt has
//                       then copied the arguments of a queued connection and posted the event),
//                       acquired when any event is delivered (QInternal::EventNotifyCallback);
//   invokeMethod()      released before the call is posted; its functor also releases after it
//                       runs and acquires before it is deleted, on whichever thread that happens;
//   postEvent()         released before the event is posted (calls from our code);
//   QThreadPool::start(std::function)   released before, acquired as the task starts, released
//                       when it is done; waitForDone() acquires;
//   QThread::wait()     acquires what the thread released (its `finished` signal, its last events).
//
// One address stands for all of them: any emit or post happens-before any later event delivery, in
// any thread. Qt itself orders only each sender with its receiver, so this can hide a race between
// a write made before some emit and a read in an unrelated event handler; it never hides one with a
// write made after the emit. No function of ours is suppressed. A queued call delivered before its
// emit has returned could still show the argument copies (a QMetaTypeForType<...>::getCopyCtr
// frame) as a race: a false positive of this model, not seen so far.
//
// QThreadPool::start/waitForDone, QThread::wait, QMetaObject::invokeMethodImpl and
// QCoreApplication::postEvent are defined again below: calls from our code (not Qt's own, bound
// inside libQt6Core) come here first, and each calls Qt's own through dlsym(RTLD_NEXT).
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMetaObject>
#include <QThread>
#include <QThreadPool>

#include <dlfcn.h>
#include <sanitizer/tsan_interface.h>
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <functional>

// ---------------------------------------------------------------------------------------------
// QProcess: Qt 6.4 starts a child with glibc's clone(CLONE_VM | CLONE_VFORK | CLONE_PIDFD) (forkfd's
// vforkfd, on kernels with pidfds). TSan's clone interceptor (clang 14 and 16 alike) treats every
// clone as a fork: the child runs ForkChildAfter() on memory it shares with the parent, the parent's
// ForkParentAfter() then finds its own state changed and TSan aborts:
//   ThreadSanitizer: CHECK failed: tsan_rtl.cpp:234 "((!thr->slot)) != (0)"
// Every test that started a QProcess died there. This strong clone() replaces the interceptor's weak
// alias: that one call shape becomes a real fork() (which TSan handles: in the child of a
// multi-threaded process it ignores everything until exec) plus the pidfd Qt asked for, which is what
// TSan's own vfork interceptor does for vfork() and what Qt does itself without pidfds
// (FFD_USE_FORK). The child runs Qt's function and exits with its result, as clone's child does.
// Any other clone goes to TSan's interceptor unchanged.
extern "C" int __interceptor_clone(int (*fn)(void*), void* stack, int flags, void* arg, int* parent_tid,
                                   void* tls, pid_t* child_tid);

extern "C" int clone(int (*fn)(void*), void* stack, int flags, void* arg, ...) {
  va_list ap;
  va_start(ap, arg);
  int* parent_tid = va_arg(ap, int*);
  void* tls = va_arg(ap, void*);
  pid_t* child_tid = va_arg(ap, pid_t*);
  va_end(ap);

  constexpr int kVfork = CLONE_VM | CLONE_VFORK;
  if ((flags & kVfork) == kVfork && (flags & ~(kVfork | CLONE_PIDFD | CSIGNAL)) == 0 && (flags & CSIGNAL) == SIGCHLD) {
    const pid_t pid = fork();
    if (pid == 0)
      _exit(fn(arg));
    if (pid > 0 && (flags & CLONE_PIDFD)) {
      const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));  // close-on-exec, as CLONE_PIDFD's
      if (pidfd < 0) {
        const int error = errno;
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
        errno = error;
        return -1;
      }
      *parent_tid = pidfd;
    }
    return pid;
  }
  return __interceptor_clone(fn, stack, flags, arg, parent_tid, tls, child_tid);
}

// ---------------------------------------------------------------------------------------------
// Qt hand-offs.

// qobject_p.h (private), Qt 6.4: the hooks QtTest's -vs signal dumper uses.
struct QSignalSpyCallbackSet {
  using BeginCallback = void (*)(QObject* caller, int signal_or_method_index, void** argv);
  using EndCallback = void (*)(QObject* caller, int signal_or_method_index);
  BeginCallback signal_begin_callback, slot_begin_callback;
  EndCallback signal_end_callback, slot_end_callback;
};
void qt_register_signal_spy_callbacks(QSignalSpyCallbackSet* callback_set);  // exported by libQt6Core

namespace {

char g_handoff;  // the one synchronisation address (see the top of the file)

void release() { __tsan_release(&g_handoff); }
void acquire() { __tsan_acquire(&g_handoff); }

template <typename F>
F real(const char* mangled) {
  void* f = dlsym(RTLD_NEXT, mangled);
  if (!f) {
    fprintf(stderr, "fuzz/tsan_qt.cpp: %s not found in Qt\n", mangled);
    abort();
  }
  return reinterpret_cast<F>(f);
}

void signalBegin(QObject*, int, void**) { release(); }
void signalEnd(QObject*, int) { release(); }
bool eventDelivered(void**) {
  acquire();
  return false;  // not handled: Qt delivers the event as usual
}

QSignalSpyCallbackSet g_callbacks{signalBegin, nullptr, signalEnd, nullptr};

}  // namespace

namespace {
// Installed as QCoreApplication is constructed, before any thread of ours starts.
void installQtHandoffs() {
  qt_register_signal_spy_callbacks(&g_callbacks);
  QInternal::registerCallback(QInternal::EventNotifyCallback, eventDelivered);
}
}  // namespace
Q_COREAPP_STARTUP_FUNCTION(installQtHandoffs)

void QThreadPool::start(std::function<void()> functionToRun, int priority) {
  static const auto qtStart =
      real<void (*)(QThreadPool*, std::function<void()>, int)>("_ZN11QThreadPool5startESt8functionIFvvEEi");
  std::function<void()> task = [f = std::move(functionToRun)]() mutable {
    acquire();
    {
      auto run = std::move(f);  // its captures end here, before the release
      run();
    }
    release();
  };
  release();
  qtStart(this, std::move(task), priority);
}

bool QThreadPool::waitForDone(int msecs) {
  static const auto qtWaitForDone = real<bool (*)(QThreadPool*, int)>("_ZN11QThreadPool11waitForDoneEi");
  const bool done = qtWaitForDone(this, msecs);
  acquire();
  return done;
}

bool QThread::wait(QDeadlineTimer deadline) {
  static const auto qtWait = real<bool (*)(QThread*, QDeadlineTimer)>("_ZN7QThread4waitE14QDeadlineTimer");
  const bool ended = qtWait(this, deadline);
  acquire();
  return ended;
}

namespace {
// The functor of QMetaObject::invokeMethod() is reference-counted inside Qt (the caller's reference
// and the posted event's): whichever thread lets go last deletes it, after the other has run or
// dropped it, which TSan cannot see. This wrapper releases after the call and acquires before the
// delete, wherever each happens.
class HandoffSlot final : public QtPrivate::QSlotObjectBase {
 public:
  explicit HandoffSlot(QtPrivate::QSlotObjectBase* inner) : QSlotObjectBase(&impl), m_inner(inner) {}

 private:
  QtPrivate::QSlotObjectBase* m_inner;

  static void impl(int which, QSlotObjectBase* base, QObject* receiver, void** args, bool* ret) {
    auto* self = static_cast<HandoffSlot*>(base);
    switch (which) {
      case Destroy:
        acquire();
        self->m_inner->destroyIfLastRef();
        delete self;
        break;
      case Call:
        acquire();
        self->m_inner->call(receiver, args);
        release();
        break;
      case Compare:  // only for disconnecting, which invokeMethod's functors never are
        *ret = false;
        break;
    }
  }
};
}  // namespace

bool QMetaObject::invokeMethodImpl(QObject* object, QtPrivate::QSlotObjectBase* slot, Qt::ConnectionType type,
                                   void* ret) {
  static const auto qtInvoke = real<bool (*)(QObject*, QtPrivate::QSlotObjectBase*, Qt::ConnectionType, void*)>(
      "_ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPv");
  release();
  return qtInvoke(object, new HandoffSlot(slot), type, ret);
}

void QCoreApplication::postEvent(QObject* receiver, QEvent* event, int priority) {
  static const auto qtPost =
      real<void (*)(QObject*, QEvent*, int)>("_ZN16QCoreApplication9postEventEP7QObjectP6QEventi");
  release();
  qtPost(receiver, event, priority);
}
