// The state CPython's Py_ReprEnter keeps for the thread that makes reprs:
// the thread state's dict (PyThreadState_GetDict), made on first use, and
// in it under the key 'Py_Repr' a list of the objects whose repr is being
// made. The repr of a non-empty list or tuple, of any dict, set, frozenset,
// deque, dict view or functools.partial, and of a defaultdict's factory,
// enters its object (appended to the list) and leaves it (removed) when
// done, so the list's item array is allocated for the first object entered,
// grows and shrinks as reprs nest (list_resize) and is freed when the
// outermost repr leaves. The dict and the list are made by the first repr
// that enters an object, held by the interpreter for the rest of the run
// (Heap::thread_dict) and reachable from no user code.

#ifndef HEAPSIM_SERVER_HEAP_REPR_STATE_H_
#define HEAPSIM_SERVER_HEAP_REPR_STATE_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"

#include "server/heap/heap.h"

namespace heapsim {

// Makes the state if it does not exist yet, in Py_ReprEnter's order: the
// thread state's dict, the key (a str made and interned on first use where
// Profile::repr_state says so, else a static one), the empty list and the
// dict's entry for it.
void EnsureReprState(Heap& heap);

// Py_ReprEnter once it found `object` not being shown already: appends it to
// the list (making the state first).
void ReprStatePush(Heap& heap, ObjectId object);

// Py_ReprLeave of the object pushed last: removes it (a list that becomes
// empty frees its item array). REQUIRES: the list is not empty.
void ReprStatePop(Heap& heap);

// What a repr walk over a const heap did to the heap, in order: an object
// entered, the last one left, or the list of a set's keys or a dict view's
// items made (ReprListOf) and dropped once shown; and the blocks the text
// takes on its way. A list, tuple or dict repr writes into a
// _PyUnicodeWriter (UnicodeWriterModel) whose finished buffer becomes the
// repr's str; each item's repr is a str made before it is written and
// dropped after. The str a walk ends with (the outermost repr's) is dropped
// by the replay: the caller makes the result.
struct ReprEvent {
  enum class Kind : uint8_t {
    kEnter,
    kLeave,
    kMakeKeysList,
    kDropKeysList,
    kOpenWriter,   // a writer with min_length `length`
    kWrite,        // `length` characters of literal text into the innermost writer
    kStopOverallocating,  // the innermost writer's last write is exact
    kCloseWriter,  // the innermost writer finishes: its str is the newest one
    kLeafRepr,     // the repr of `object`, `length` characters, made as the newest str
    kWriteStr,     // the newest str is written into the innermost writer and dropped
    kUnmodelled,   // a repr whose blocks are not modelled (`object`'s, or kNoObject:
                   // the walk's log grew too long): peak unknown
  };
  Kind kind;
  ObjectId object = kNoObject;  // kEnter: the object; kMakeKeysList: the container
  uint64_t length = 0;
  // kLeafRepr: the bytes of a block made before the str and freed after it
  // (an int's decimal conversion scratch, a float's digits buffer), or 0.
  uint64_t scratch = 0;
};
using ReprEvents = std::vector<ReprEvent>;

// Does `events` to the heap. Fails (a MemoryError) only where making a keys
// list does: then the lists made are dropped and the objects entered left,
// as CPython's reprs unwind. A kLeafRepr of a bool makes nothing (its str
// is the interpreter's). While tracemalloc traces, a kUnmodelled event
// makes its peak unknown (Tracemalloc::NoteUnknownPeak).
absl::Status ReplayReprEvents(Heap& heap, const ReprEvents& events);

// Enters `object` for the lifetime of the scope (push now, pop at the end):
// for reprs the interpreter makes step by step, running Python code inside.
class ScopedReprEnter {
 public:
  ScopedReprEnter(Heap& heap, ObjectId object) : heap_(heap) { ReprStatePush(heap, object); }
  ~ScopedReprEnter() { ReprStatePop(heap_); }
  ScopedReprEnter(const ScopedReprEnter&) = delete;
  ScopedReprEnter& operator=(const ScopedReprEnter&) = delete;

 private:
  Heap& heap_;
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_REPR_STATE_H_
