// The list set_repr and dictview_repr show: PySequence_List of the set,
// frozenset or dict view, made before the items' reprs and dropped after
// them (onto the list free list, a dict items list's pairs onto the tuple
// free list), so that what it leaves behind is CPython's.

#ifndef HEAPSIM_SERVER_HEAP_REPR_LIST_H_
#define HEAPSIM_SERVER_HEAP_REPR_LIST_H_

#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim {

// PySequence_List(container) for a set, frozenset or dict view:
// an empty list (from the list free list where it has one) extended as
// list_extend does: through an iterator (a dict items iterator recycling its
// result pair) and the container's length hint, or, where
// Profile::list_extend_reads_containers, read from the container (a new
// pair per dict item). Fails with a MemoryError past the session's limits,
// the partial list dropped.
absl::StatusOr<Ref> ReprListOf(Heap& heap, ObjectId container);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_REPR_LIST_H_
