// FrameStack is the simulated call stack: the module frame at the bottom,
// then one frame per active call. A frame's names own references to the
// objects they are bound to.
//
// The module frame keeps its names in a dict object (the module's
// globals), as CPython does; function frames keep them in slots (fast
// locals) named by `slot_names`. Binding and unbinding go through the
// functions in frames.h, which keep the counts right.

#ifndef HEAPSIM_SERVER_HEAP_FRAME_STACK_H_
#define HEAPSIM_SERVER_HEAP_FRAME_STACK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "server/heap/object.h"

namespace heapsim {

struct Frame {
  std::string function;                 // "<module>", or the function's name
  ObjectId globals = kNoObject;         // the module's dict (owned by frame 0)
  std::vector<std::string> slot_names;  // fast locals' names
  std::vector<ObjectId> slots;          // owned; kNoObject when unbound
  ObjectId heap_frame = kNoObject;      // the frame object, 3.8 to 3.10
  ObjectId function_object = kNoObject; // the running function (borrowed)
  // 3.11+: CPython materialised the frame's object for a traceback of an
  // exception caught in it; heapsim only counts it (Heap::
  // CountUnmodelledGcObject) until the frame ends.
  bool counted_frame_object = false;
  // Exceptions caught in this frame whose traceback they kept past their
  // handler (HeldTraceback) refers to the frame: it must not end first.
  uint32_t held_tracebacks = 0;
  // Objects the frame's running statements hold, CPython's value stack
  // (for-loop iterators): borrowed, the statements own the references.
  std::vector<ObjectId> stack;
};

// The traceback of an exception that outlived the handler that caught it
// (traceback_object.h): the frames it left, innermost first, which it frees
// in that order before the exception's cause, and the GC objects CPython
// made for it that heapsim only counts.
struct HeldTraceback {
  std::vector<Frame> frames;
  // Its traceback objects, one per frame it passed (the catching frame's
  // included), counted in generation 0 (as from 3.11 the frames' objects
  // are, Frame::counted_frame_object).
  uint32_t traceback_objects = 0;
  // The frame (its FrameStack index) whose except clause caught it, which
  // the traceback's outermost entry refers to; still running.
  size_t catching_frame = 0;
};

class FrameStack {
 public:
  size_t depth() const { return frames_.size(); }
  Frame& at(size_t index) { return frames_[index]; }
  const Frame& at(size_t index) const { return frames_[index]; }
  Frame& top() { return frames_.back(); }
  const Frame& top() const { return frames_.back(); }
  Frame& module_frame() { return frames_.front(); }
  const Frame& module_frame() const { return frames_.front(); }

  // Raw stack operations; see frames.h for the reference-counted API.
  void Push(Frame frame) { frames_.push_back(std::move(frame)); }
  Frame Pop() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    return frame;
  }

 private:
  std::vector<Frame> frames_;
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_FRAME_STACK_H_
