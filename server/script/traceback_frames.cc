// The frames CPython's tracebacks keep alive: a Python error leaving a call
// keeps the call's locals (and, 3.8 to 3.10, its frame object) until the
// exception is freed, which frees its own traceback first (innermost frame
// first), then its __context__'s.

#include <utility>

#include "server/heap/frames.h"
#include "server/heap/py_error.h"
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
    for (Frame& frame : *group) {
      // frame_dealloc: the locals in order, then the frame object itself.
      for (ObjectId value : frame.slots) {
        if (value != kNoObject) heap_.DecRef(value);
      }
      if (frame.heap_frame != kNoObject) heap_.DecRef(frame.heap_frame);
      if (frame.counted_frame_object) heap_.UncountUnmodelledGcObject();
    }
  }
}

void Interpreter::ChainUnwoundFrames(UnwoundFrames handled, bool same_exception) {
  std::vector<Frame>& into = same_exception ? unwound_.own : unwound_.context;
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
