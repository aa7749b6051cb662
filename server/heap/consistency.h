// CheckConsistency recomputes what the Heap maintains incrementally and
// reports any disagreement: every reference count from the object graph,
// and every pymalloc size class's blocks in use from the blocks the heap's
// objects and buffers actually hold. For tests and for `heapd`'s debug
// checks; O(objects + references).

#ifndef HEAPSIM_SERVER_HEAP_CONSISTENCY_H_
#define HEAPSIM_SERVER_HEAP_CONSISTENCY_H_

#include <cstdint>
#include <functional>

#include "absl/status/status.h"
#include "server/heap/heap.h"

namespace heapsim {

// Calls `visit(referent)` for every reference `id` owns, GC-visible or not
// (code constants, shared keys, generator state, ...).
void ForEachOwnedReference(const Heap& heap, ObjectId id,
                           const std::function<void(ObjectId)>& visit);

// Calls `visit(block)` for every block the heap holds from the allocator:
// objects, their buffers, and blocks parked on free lists.
void ForEachHeldBlock(const Heap& heap, const std::function<void(uint64_t)>& visit);

// OK when every live object's count equals the references other objects,
// the frames and `external(id)` (references held outside the heap, such as
// a caller's Refs) hold on it, and pymalloc's per-class blocks in use match
// the held blocks. Otherwise Internal, naming the first mismatch.
absl::Status CheckConsistency(const Heap& heap, const std::function<uint64_t(ObjectId)>& external);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_CONSISTENCY_H_
