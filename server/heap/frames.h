// The reference-counted operations on the FrameStack: making the module
// frame, calling into and returning from functions, and binding names.
//
// In 3.8 to 3.10 a call also makes a heap frame object, reusing the code
// object's cached ("zombie") frame or one from the frame free list before
// allocating, exactly as CPython does; from 3.11 frames live on the
// interpreter's own stack and cost no heap memory.

#ifndef HEAPSIM_SERVER_HEAP_FRAMES_H_
#define HEAPSIM_SERVER_HEAP_FRAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "server/heap/heap.h"

namespace heapsim {

// Makes frame 0, the module frame, with `globals` (reference taken) as its
// namespace. REQUIRES: the stack is empty.
void PushModuleFrame(Heap& heap, Ref globals);

// Pushes a call frame running `code` (may be kNoObject for frames made by
// clients) of function `function_object` (borrowed, for inspection; may be
// kNoObject), with unbound slots named `slot_names`.
void PushCallFrame(Heap& heap, std::string function, ObjectId code, ObjectId function_object,
                   std::vector<std::string> slot_names);

// A heap frame object for running `code` (3.8 to 3.10), made as
// _PyFrame_New makes it: the code's cached frame, one from the free list,
// or a new allocation.
Ref NewFrameObject(Heap& heap, ObjectId code);

// Pops the top call frame: its slots are dropped first to last, then its
// frame object. REQUIRES: a call frame is on top.
void PopCallFrame(Heap& heap);

// Binds `name` in frame `frame` to `value` (a new reference is taken; the
// old value, if any, is dropped after). A function frame gains a slot for
// a name it did not have.
void BindName(Heap& heap, size_t frame, std::string_view name, ObjectId value);

// Unbinds `name`; NameError when it is not bound.
absl::Status UnbindName(Heap& heap, size_t frame, std::string_view name);

// The object `name` is bound to in `frame` (borrowed), or kNoObject.
ObjectId LookupName(const Heap& heap, size_t frame, std::string_view name);

// The (name, object) bindings of a frame, in order, borrowed.
std::vector<std::pair<std::string, ObjectId>> FrameBindings(const Heap& heap, size_t frame);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_FRAMES_H_
