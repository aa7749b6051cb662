// tuple objects: one block, GC header + 24-byte head + 8 bytes per item.
// Lengths 1..max come from per-length free lists first; () is a singleton.

#ifndef HEAPSIM_SERVER_HEAP_TUPLE_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_TUPLE_OBJECT_H_

#include <array>
#include <string_view>
#include <vector>

#include "server/heap/heap.h"

namespace heapsim {

inline constexpr uint64_t kTupleGcHeader = 16;

// Object::subtype of the tuple that is sys.version_info: a struct sequence,
// a tuple subclass whose items are also named fields. Operations that give
// back an exact tuple unchanged (tuple(t), t[:], t + (), t * 1) make a new
// one from it, its repr names the fields, and type(x) says
// "sys.version_info".
inline constexpr uint8_t kVersionInfoTuple = 1;
inline constexpr std::array<std::string_view, 5> kVersionInfoFields = {
    "major", "minor", "micro", "releaselevel", "serial"};

// Object::subtype of the tuple an lru_cache wrapper's cache_info() returns:
// functools' CacheInfo, a namedtuple class, whose repr names the fields.
inline constexpr uint8_t kCacheInfoTuple = 2;
inline constexpr std::array<std::string_view, 4> kCacheInfoFields = {"hits", "misses", "maxsize",
                                                                     "currsize"};

// True for a tuple exactly of type tuple (PyTuple_CheckExact).
inline bool IsExactTuple(const Heap& heap, ObjectId id) {
  return heap.type_of(id) == TypeTag::kTuple && heap.object(id).subtype == 0;
}

// The block a tuple of `length` items takes: GC header, head, items.
inline constexpr uint64_t TupleRequest(uint64_t length) { return kTupleGcHeader + 24 + 8 * length; }

// A new tracked tuple that takes over the references in `items`.
Ref NewTuple(Heap& heap, std::vector<ObjectId> items);

// A new tuple of new references to `items`.
Ref NewTupleOf(Heap& heap, const std::vector<ObjectId>& items);

// A tuple of the interpreter's own (statically allocated, never freed) of
// `items`, taking a new reference to each. Returns the object without a
// reference.
ObjectId NewStaticTupleOf(Heap& heap, std::vector<ObjectId> items);

// A tuple of `items` that CPython made before the script ran and one object
// of the model holds (a code object's names): placed as a static object (no
// heap block, no GC count, never freed), with that one reference, taking a
// new reference to each item.
ObjectId NewCompiledTupleOf(Heap& heap, std::vector<ObjectId> items);

inline const std::vector<ObjectId>& TupleItems(const Heap& heap, ObjectId id) {
  return heap.tuple(id).items;
}

uint64_t TupleSizeOf(const Heap& heap, ObjectId id);

// _PyTuple_Resize: gives `*tuple`, a tuple only the caller holds, `length`
// items. Items past `length` are released and new slots hold None. The block
// is reallocated (PyObject_Realloc: it may move, and its id() with it) and
// the tuple is tracked again. Length 0 drops the tuple (to its free list) for
// the empty tuple where the profile does so, else leaves a 0-length tuple of
// its own; resizing the empty tuple makes a new one.
void TupleResize(Heap& heap, Ref* tuple, size_t length);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_TUPLE_OBJECT_H_
