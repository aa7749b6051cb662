// collections.deque objects: a fixed object (GC header included, its size
// per version) and a doubly linked chain of blocks of 64 item slots
// (528-byte PyMem blocks, so from the system allocator). Items sit from
// `left_index` in the leftmost block to `right_index` in the rightmost; an
// empty deque keeps one block and re-centres its indexes. Freed blocks go
// to a cache of 16 blocks before the allocator: one cache for every deque
// before 3.11, each deque's own from 3.11 (freed with the deque).
//
// Mutators take borrowed item references and add their own, and follow
// CPython's order of block allocations and frees, which tracemalloc and
// sys.getsizeof show.

#ifndef HEAPSIM_SERVER_HEAP_DEQUE_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_DEQUE_OBJECT_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim {

// Item slots per block (BLOCKLEN), and a block's bytes: the slots and the
// two links.
inline constexpr int64_t kDequeBlockLength = 64;
inline constexpr uint64_t kDequeBlockBytes = 8 * (kDequeBlockLength + 2);
// Blocks a block cache keeps (MAXFREEBLOCKS).
inline constexpr size_t kDequeCachedBlocks = 16;

// deque(): an empty unbounded deque with one block (taken from the cache
// where there is one), GC-tracked.
Ref NewDeque(Heap& heap);

// The number of items.
inline int64_t DequeLength(const Heap& heap, ObjectId deque) {
  return static_cast<int64_t>(heap.deque(deque).items.size());
}

// True when an append at the left (`left`) or right end must allocate a
// block: that end's block is full and the cache is empty.
bool DequeAppendAllocates(Heap& heap, ObjectId deque, bool left);

// append / appendleft: adds `item` (a new reference) at one end, then, past
// maxlen, pops (and drops) an item at the other end.
void DequeAppend(Heap& heap, ObjectId deque, ObjectId item);
void DequeAppendLeft(Heap& heap, ObjectId deque, ObjectId item);

// pop / popleft: the item taken from one end (the deque's reference), or
// IndexError "pop from an empty deque".
absl::StatusOr<Ref> DequePop(Heap& heap, ObjectId deque);
absl::StatusOr<Ref> DequePopLeft(Heap& heap, ObjectId deque);

// What extend (`left` false) and extendleft do before their first item: an
// empty deque starts filling from its block's left (or right) end.
void DequeStartExtend(Heap& heap, ObjectId deque, bool left);

// clear(): empties the deque onto a new block (taken first), then drops the
// items left to right, freeing each old block once passed.
void DequeClear(Heap& heap, ObjectId deque);

// rotate(n): n steps to the right (left when negative), moving blocks as
// CPython does (at most one block taken and one freed).
void DequeRotate(Heap& heap, ObjectId deque, int64_t n);

// reverse(): reverses the items in place.
void DequeReverse(Heap& heap, ObjectId deque);

// d[index] = item for 0 <= index < len (item borrowed; the old one dropped).
void DequeSetItem(Heap& heap, ObjectId deque, int64_t index, ObjectId item);

// sys.getsizeof: the object and its blocks.
uint64_t DequeSizeOf(const Heap& heap, ObjectId deque);

// The deque's deallocator: clears it, caches or frees its last block, frees
// its own cached blocks (3.11+), then the object.
void DeallocDeque(Heap& heap, ObjectId deque);

// tp_clear for the collector (deque_clear).
inline void ClearDequeReferences(Heap& heap, ObjectId deque) { DequeClear(heap, deque); }

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_DEQUE_OBJECT_H_
