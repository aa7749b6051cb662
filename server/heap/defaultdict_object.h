// collections.defaultdict objects: dicts (TypeTag::kDict, so every dict
// operation applies, as PyDict_Check admits them) marked by their subtype,
// with one more pointer, default_factory. dict_new makes them for the
// subclass: a 72-byte block outside the dicts' free list, GC-tracked from
// the start and never untracked by a collection (only exact dicts are), with
// dict()'s 8-slot table where that version's dict() has one (3.8, 3.9).
// Freeing one drops the factory first, then the items, and frees the block.
//
// Functions take borrowed references and add their own.

#ifndef HEAPSIM_SERVER_HEAP_DEFAULTDICT_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_DEFAULTDICT_OBJECT_H_

#include <cstdint>

#include "server/heap/dict_object.h"
#include "server/heap/heap.h"

namespace heapsim {

// Object::subtype of a dict that is a defaultdict.
inline constexpr uint8_t kDefaultDictSubtype = 1;

// A defaultdict's own block: PyDictObject, default_factory, GC header.
inline constexpr uint64_t kDefaultDictObjectRequest = kDictObjectRequest + 8;

// True when `id` is a collections.defaultdict.
inline bool IsDefaultDict(const Heap& heap, ObjectId id) {
  return heap.type_of(id) == TypeTag::kDict && heap.object(id).subtype == kDefaultDictSubtype;
}

// dict_new for collections.defaultdict: an empty defaultdict whose factory
// is NULL (defdict_init sets it).
Ref NewDefaultDict(Heap& heap);

// The default_factory of `dd`, borrowed; kNoObject when it is NULL.
// REQUIRES: IsDefaultDict(heap, dd).
inline ObjectId DefaultFactory(const Heap& heap, ObjectId dd) {
  return heap.dict(dd).default_factory;
}

// Stores `factory` (kNoObject: NULL) as the default_factory of `dd`, taking
// a new reference to it, and returns the reference to the old one (null
// when it was NULL), which the caller drops where CPython does.
// REQUIRES: IsDefaultDict(heap, dd).
Ref ExchangeDefaultFactory(Heap& heap, ObjectId dd, ObjectId factory);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_DEFAULTDICT_OBJECT_H_
