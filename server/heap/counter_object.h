// collections.Counter objects: instances of a Python class below dict
// (TypeTag::kDict, as PyDict_Check admits them) marked by their subtype.
// dict_new makes them for the subclass: the dict's fields, then the slots
// the class statement adds (its __dict__ and __weakref__ pointers, in the
// object before 3.11, in the pre-header from 3.11 for the dict and 3.12 for
// the weak reference list), outside the dicts' free list, GC-tracked from
// the start and never untracked by a collection (only exact dicts are),
// with dict()'s 8-slot table where that version's dict() has one (3.8,
// 3.9). The instance __dict__ stays NULL (heapsim refuses what would make
// it). Freeing one frees the items, then the block.
//
// Functions take borrowed references and add their own.

#ifndef HEAPSIM_SERVER_HEAP_COUNTER_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_COUNTER_OBJECT_H_

#include <cstdint>

#include "server/heap/dict_object.h"
#include "server/heap/heap.h"
#include "server/heap/profile.h"

namespace heapsim {

// Object::subtype of a dict that is a collections.Counter.
inline constexpr uint8_t kCounterSubtype = 3;

// True when `id` is a collections.Counter.
inline bool IsCounter(const Heap& heap, ObjectId id) {
  return heap.type_of(id) == TypeTag::kDict && heap.object(id).subtype == kCounterSubtype;
}

// A Counter's own block: the pre-header, GC header, PyDictObject and the
// __dict__ and __weakref__ slots that do not live in the pre-header.
uint64_t CounterObjectRequest(const Profile& profile);

// dict_new for collections.Counter: an empty Counter (Counter.__init__
// fills it).
Ref NewCounter(Heap& heap);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_COUNTER_OBJECT_H_
