// How each type's deallocator releases an object whose count reached zero:
// which referents it drops and in what order, which buffers it frees, and
// whether the object's block goes to a free list. The orders are CPython's
// (list items last to first, dict entries first to last, ...), because they
// decide which freed block the allocator hands out next.

#ifndef HEAPSIM_SERVER_HEAP_DEALLOC_H_
#define HEAPSIM_SERVER_HEAP_DEALLOC_H_

#include "server/heap/object.h"

namespace heapsim {

class Heap;
struct DictBody;

// True for the types whose deallocator goes through CPython's trashcan.
bool UsesTrashcan(TypeTag type);

// Runs the deallocator of `id`, whose count is zero and which is untracked.
void DeallocateObject(Heap& heap, ObjectId id);

// Fills the free lists as the profile's interpreter has them when a script
// starts (Profile::startup_free_lists). For a new heap.
void SeedStartupFreeLists(Heap& heap);

// Drops what a dict's table holds, in PyDict_Clear's order: the entries'
// keys and values first to last, the values array, the keys block, the
// shared keys. For a dict being cleared or deallocated.
void ReleaseDictContents(Heap& heap, DictBody body);

// Frees a dict's keys block, through the keys free list where CPython would
// keep it. Used by dicts' deallocation, clear() and resizing.
void ReleaseDictKeysBlock(Heap& heap, const DictBody& body);

// free_keys_object for a keys block of 2**log2 slots: an 8-slot one goes
// onto the dict-keys free list while that has room (str-keyed ones only,
// where the profile says so), any other is freed.
void ReleaseKeysBlock(Heap& heap, uint64_t block, uint8_t log2, bool str_keys);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_DEALLOC_H_
