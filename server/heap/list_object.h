// list objects: a fixed 56-byte object (GC header included) and a separate
// item array of `allocated` pointers, resized by the profile's growth rules.
// List objects come from their free list (80 in CPython) before pymalloc;
// item arrays never do.
//
// Mutators take borrowed item references and add their own; they return
// CPython's error for bad indexes and values and then change nothing.

#ifndef HEAPSIM_SERVER_HEAP_LIST_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_LIST_OBJECT_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim {

// What a list is being extended by: decides how the item array is sized.
enum class ExtendSource : uint8_t {
  kListOrTuple,  // a list or tuple (fast path)
  kMapping,      // a dict, set, frozenset or dict view
  kSized,        // another iterable with a length hint
  kUnsized,      // an iterable without one (hint defaults to 8)
};

// A new empty list whose item array has `allocated` slots (PyList_New(n)
// when `length` == `allocated`, else list_new_prealloc).
// A list object's own block: PyListObject and its GC header.
inline constexpr uint64_t kListObjectRequest = 56;

Ref NewList(Heap& heap, uint64_t allocated);

// An empty list made by calling the type, list(...): its object comes from
// the allocator, never from the free list (tp_alloc).
Ref NewListForConstructor(Heap& heap);

// A new list holding new references to `items`, with exactly as many slots
// (BUILD_LIST, slicing, concatenation, repetition).
Ref NewListOf(Heap& heap, const std::vector<ObjectId>& items);

// The slots a list created from an iterable of `length` items gets before
// extending (list(x)); 0 when the profile does not preallocate.
uint64_t ListInitPreallocation(const Profile& profile, ExtendSource source, uint64_t length);

// Resizes the list's item array for `new_size` items (list_resize): keeps
// it when `allocated/2 <= new_size <= allocated`, else reallocates by the
// growth formula. New slots are filled with None; callers overwrite them.
void ListResize(Heap& heap, ObjectId list, uint64_t new_size);

// Gives an empty list an exact item array of `slots` (rounded up to even
// where the profile does), as list_preallocate_exact.
void ListPreallocate(Heap& heap, ObjectId list, uint64_t slots);

// list.append(item).
void ListAppend(Heap& heap, ObjectId list, ObjectId item);

// list.extend(items): `items` are the iterable's items, `source` what the
// iterable was, `hint` its length hint (ignored for kUnsized).
void ListExtend(Heap& heap, ObjectId list, const std::vector<ObjectId>& items,
                ExtendSource source, uint64_t hint);

// Like ListExtend, for a lazy iterable: `next` produces each item as a new
// reference (kNoObject at the end) or an error, which stops the extension
// with the items so far kept, as CPython does.
absl::Status ListExtendLazy(Heap& heap, ObjectId list, ExtendSource source, uint64_t hint,
                            const std::function<absl::StatusOr<ObjectId>()>& next);

// Removes the last `count` items (at most the list's size) and returns
// their references in order, leaving the item array as it is (CPython's
// Py_SET_SIZE, as starred unpacking does to the list it builds).
std::vector<Ref> ListTakeTail(Heap& heap, ObjectId list, uint64_t count);

// list.insert(index, item), with CPython's clamping of `index`.
void ListInsert(Heap& heap, ObjectId list, int64_t index, ObjectId item);

// list.pop(index): the removed item, as a new reference.
absl::StatusOr<Ref> ListPop(Heap& heap, ObjectId list, int64_t index);

// list[index] = item / del list[index].
absl::Status ListSetItem(Heap& heap, ObjectId list, int64_t index, ObjectId item);
absl::Status ListDelItem(Heap& heap, ObjectId list, int64_t index);

// list.remove(value): ValueError when no item equals it.
absl::Status ListRemove(Heap& heap, ObjectId list, ObjectId value);

// del list[start:stop:step] for step != 1, the bounds normalised as
// slice.indices() gives them (`count` items).
void ListDeleteExtendedSlice(Heap& heap, ObjectId list, int64_t start, int64_t step,
                             uint64_t count);

// list[low:high] = items (step 1; `items` borrowed), and del list[low:high].
// Bounds are already clipped to 0 <= low <= high <= len.
void ListAssignSlice(Heap& heap, ObjectId list, uint64_t low, uint64_t high,
                     const std::vector<ObjectId>& items);

// list.clear(): drops the items and frees the item array.
void ListClear(Heap& heap, ObjectId list);

// Replaces the order of the items (sort, reverse): `order` is a
// permutation of the current items.
void ListReorder(Heap& heap, ObjectId list, std::vector<ObjectId> order);

inline const std::vector<ObjectId>& ListItems(const Heap& heap, ObjectId id) {
  return heap.list(id).items;
}

uint64_t ListSizeOf(const Heap& heap, ObjectId id);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_LIST_OBJECT_H_
