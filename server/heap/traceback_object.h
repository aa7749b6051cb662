// The traceback a caught exception keeps once it outlives the handler that
// caught it (`saved = e`, `errors.append(e)`): CPython's chain of traceback
// objects, one per frame the exception passed, each referring to its
// frame's object, which keeps that frame's locals. heapsim keeps the frames
// the exception left (their locals, and 3.8 to 3.10 their heap frame
// objects) with the exception and counts the traceback objects (and the
// 3.11+ frame objects) in generation 0 without modelling them one by one.
// Freeing the exception (or clearing it in a collection) frees the frames
// innermost first, as tb_dealloc's recursion through tb_next does.

#ifndef HEAPSIM_SERVER_HEAP_TRACEBACK_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_TRACEBACK_OBJECT_H_

#include "server/heap/heap.h"

namespace heapsim {

// The frames the tracebacks of one session's kept exceptions may hold
// together: past it, keeping one more stops the run (a limit, exit 3), as
// CPython's frame objects would cost memory heapsim does not allocate.
inline constexpr uint64_t kMaxHeldTracebackFrames = uint64_t{1} << 20;

// Frees one frame a traceback kept: its locals in order, then its frame
// object (frame_dealloc), ending a 3.11+ frame object heapsim counted.
void ReleaseTracebackFrame(Heap& heap, Frame& frame);

// Exception `exception` (a builtin one or an instance of the script's
// exception classes) keeps the frames of `traceback` past its handler: its
// traceback objects (one per frame plus the catching frame's) and from 3.11
// its frames' objects are counted (which may start a collection), and the
// catching frame records it. REQUIRES: the exception holds no traceback.
void HoldTraceback(Heap& heap, ObjectId exception, HeldTraceback traceback);

// The traceback `exception` holds (an empty one if none), no longer its:
// the catching frame forgets it.
HeldTraceback TakeHeldTraceback(Heap& heap, ObjectId exception);

// Frees `traceback` (BaseException_clear's traceback step): its frames
// innermost first, each traceback object after its frame, the catching
// frame's last.
void ReleaseTraceback(Heap& heap, HeldTraceback traceback);

// Both: frees the traceback `exception` holds, if any.
inline void ReleaseHeldTraceback(Heap& heap, ObjectId exception) {
  if (heap.held_traceback(exception) != nullptr) {
    ReleaseTraceback(heap, TakeHeldTraceback(heap, exception));
  }
}

// Calls `visit(object)` for each reference the traceback `exception` holds
// keeps (its frames' locals and heap frame objects), as the collector sees
// through the traceback and frame objects to them.
template <typename Visitor>
void ForEachTracebackReference(const Heap& heap, ObjectId exception, Visitor&& visit) {
  const HeldTraceback* traceback = heap.held_traceback(exception);
  if (traceback == nullptr) return;
  for (const Frame& frame : traceback->frames) {
    for (ObjectId value : frame.slots) {
      if (value != kNoObject) visit(value);
    }
    if (frame.heap_frame != kNoObject) visit(frame.heap_frame);
  }
}

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_TRACEBACK_OBJECT_H_
