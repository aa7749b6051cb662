// The frames CPython's tracebacks keep alive: a Python error leaving a call
// keeps the call's locals (and, 3.8 to 3.10, its frame object) until the
// exception is freed, which frees its own traceback first (innermost frame
// first), then its __context__'s. One that outlives its handler keeps
// them with it (traceback_object.h).

#include <utility>

#include "absl/strings/str_cat.h"
#include "server/heap/frames.h"
#include "server/heap/py_error.h"
#include "server/heap/traceback_object.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

void Interpreter::PopFrameOnError() {
  if (!PyErrorType(error_).has_value()) {
    PopCallFrame(heap_);
    return;
  }
  unwound_.own.push_back(heap_.frames().Pop());
}

void Interpreter::CountCatchingFrameObject() {
  if (context_.generator != nullptr) {
    // A generator's frame outlives the Frame records of its runs.
    heap_.gc().counts_known = false;
    return;
  }
  Frame& frame = heap_.frames().at(context_.frame);
  if (frame.counted_frame_object) return;
  frame.counted_frame_object = true;
  heap_.CountUnmodelledGcObject();
}

void Interpreter::ReleaseUnwoundFrames(UnwoundFrames frames) {
  for (std::vector<Frame>* group : {&frames.own, &frames.context}) {
    for (Frame& frame : *group) ReleaseTracebackFrame(heap_, frame);
  }
}

bool Interpreter::KeepHandledTraceback(ObjectId exception, UnwoundFrames& handled,
                                       ObjectId outer) {
  std::string_view why;
  if (context_.generator != nullptr) {
    why = "caught in a generator (its frame outlives the runs heapsim keeps)";
  } else if (context_.class_namespace != kNoObject) {
    why = "caught in a class body";
  } else if (handled.untracked || !handled.context.empty() ||
             (outer != kNoObject && outer != exception)) {
    why = "with a __context__, raised again by `raise e` or raised through a generator's, a "
          "class body's or a module's Python frame (its traceback and context are not "
          "modelled)";
  }
  if (!why.empty()) {
    RefuseOverPendingError(
        absl::StrCat("an exception object that outlives its handler, ", std::string(why)));
    return false;
  }
  if (heap_.held_traceback_frames() + handled.own.size() > kMaxHeldTracebackFrames) {
    Raise(absl::ResourceExhaustedError(absl::StrCat(
        "traceback limit reached: exceptions kept past their handlers would hold more than ",
        kMaxHeldTracebackFrames, " frames")));
    return false;
  }
  if (session_.traceback_kept.empty()) {
    session_.traceback_kept = absl::StrCat("an exception object kept past its handler (line ",
                                           context_.position.line, ")");
  }
  HeldTraceback traceback;
  traceback.frames = std::move(handled.own);
  traceback.catching_frame = context_.frame;
  handled = UnwoundFrames();
  HoldTraceback(heap_, exception, std::move(traceback));
  return true;
}

bool Interpreter::CheckFrameEndsFreeOfTracebacks() {
  if (heap_.frames().top().held_tracebacks == 0) return true;
  RefuseOverPendingError(
      "a call that ends while an exception it caught outlives it (the exception's traceback "
      "keeps the call's frame object, its locals and its callers' frames alive, which "
      "heapsim does not model)");
  return false;
}

Ref Interpreter::ExceptionTraceback(ObjectId exception) {
  if (heap_.held_traceback(exception) != nullptr || TracebacksAlive()) {
    Refuse("e.__traceback__ of an exception that may have a traceback (traceback objects are "
           "not modelled as objects)");
    return Ref();
  }
  return heap_.NewRef(heap_.none());
}

bool Interpreter::SetExceptionTraceback(ObjectId exception, ObjectId value) {
  if (value == kNoObject) {
    Raise(PyError(PyExc::kTypeError, "__traceback__ may not be deleted"));
    return false;
  }
  if (value != heap_.none()) {
    Raise(PyError(PyExc::kTypeError, "__traceback__ must be a traceback or None"));
    return false;
  }
  if (TracebacksAlive()) {
    // exc_info's own reference to the traceback (before 3.11) decides
    // when the frames go.
    Refuse("setting e.__traceback__ while an exception is handled");
    return false;
  }
  // BaseException_set_tb: the old traceback goes at once.
  ReleaseHeldTraceback(heap_, exception);
  return true;
}

void Interpreter::NoteFrameLeftUnkept() {
  if (PyErrorType(error_).has_value()) unwound_.untracked = true;
}

void Interpreter::RefuseOverPendingError(std::string_view what) {
  if (!error_.ok() && !PyErrorType(error_).has_value()) return;  // a refusal, a limit
  TakeError().IgnoreError();
  error_argument_.Reset();
  error_exception_.Reset();
  Refuse(what);
}

void Interpreter::ChainUnwoundFrames(UnwoundFrames handled, bool same_exception) {
  std::vector<Frame>& into = same_exception ? unwound_.own : unwound_.context;
  // A different exception raised meanwhile has the handled one as its
  // __context__.
  unwound_.untracked = unwound_.untracked || handled.untracked || !same_exception;
  if (same_exception) {
    // The re-raised exception's traceback: the handled one's entries, then
    // those added since.
    std::vector<Frame> own = std::move(handled.own);
    for (Frame& frame : unwound_.own) own.push_back(std::move(frame));
    unwound_.own = std::move(own);
  } else {
    for (Frame& frame : handled.own) into.push_back(std::move(frame));
  }
  for (Frame& frame : handled.context) unwound_.context.push_back(std::move(frame));
}

}  // namespace heapsim::script
