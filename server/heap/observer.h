// HeapObserver receives every change to a Heap as it happens: allocations
// and frees of objects, names bound and unbound, mutations of objects and
// collections. The service streams these to clients; tests use them to
// check ordering.
//
// Callbacks run synchronously inside the heap operation. They must not call
// back into the Heap to change it.

#ifndef HEAPSIM_SERVER_HEAP_OBSERVER_H_
#define HEAPSIM_SERVER_HEAP_OBSERVER_H_

#include <cstdint>
#include <string_view>

#include "server/heap/object.h"

namespace heapsim {

// A new object (also one revived from a free list).
struct AllocEvent {
  ObjectId id;
  TypeTag type;
  uint64_t address;
};

// An object whose last reference went away, just before its record ends.
struct FreeEvent {
  ObjectId id;
  TypeTag type;
  uint64_t address;
};

// A name in frame `frame` (0 = the module frame) now refers to `id`, or to
// nothing when `id` is kNoObject.
struct BindEvent {
  uint32_t frame;
  std::string_view name;
  ObjectId id;
};

// An object changed in place; `what` is the operation ("append", "setitem").
struct MutateEvent {
  ObjectId id;
  std::string_view what;
};

// A collection of `generation` finished.
struct CollectEvent {
  int generation;
  uint64_t unreachable;
  uint64_t uncollectable;
};

class HeapObserver {
 public:
  virtual ~HeapObserver() = default;
  virtual void On(const AllocEvent& event) {}
  virtual void On(const FreeEvent& event) {}
  virtual void On(const BindEvent& event) {}
  virtual void On(const MutateEvent& event) {}
  virtual void On(const CollectEvent& event) {}
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_OBSERVER_H_
