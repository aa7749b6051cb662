#include "server/heap/type_subclasses.h"

#include <utility>

#include "server/heap/dict_object.h"
#include "server/heap/int_object.h"
#include "server/heap/profile.h"
#include "server/heap/weakref_object.h"

namespace heapsim {

namespace {

// PyLong_FromVoidPtr(cls): the int id(cls) gives.
Ref AddressInt(Heap& heap, ObjectId cls) {
  return NewInt(heap, static_cast<int64_t>(heap.address_of(cls)));
}

}  // namespace

void AddSubclass(Heap& heap, ObjectId base, ObjectId cls) {
  const bool script_base = heap.type_of(base) == TypeTag::kClass;
  if (script_base && heap.cls(base).subclasses == kNoObject) {
    heap.cls(base).subclasses = NewDict(heap).release();
  }
  Ref key = AddressInt(heap, cls);
  Ref ref = NewWeakRef(heap, cls);
  if (script_base) {
    DictSetItem(heap, heap.cls(base).subclasses, key.get(), ref.get()).IgnoreError();
    return;  // the weak reference, then the key, are the dict's alone
  }
  heap.cls(cls).static_base_key = key.release();
  heap.cls(cls).static_base_ref = ref.release();
}

void RemoveSubclass(Heap& heap, ObjectId cls) {
  const ObjectId base = heap.cls(cls).base;
  const ObjectId table = base != kNoObject ? heap.cls(base).subclasses : kNoObject;
  const ObjectId static_key = std::exchange(heap.cls(cls).static_base_key, kNoObject);
  const ObjectId static_ref = std::exchange(heap.cls(cls).static_base_ref, kNoObject);
  if (static_key == kNoObject && table == kNoObject) return;
  Ref key = AddressInt(heap, cls);  // the look-up key, freed last
  if (table != kNoObject) {
    DictDelItem(heap, table, key.get()).IgnoreError();
    key.Reset();
    if (heap.profile().subclasses_freed_when_empty && heap.dict(table).used == 0) {
      heap.DecRef(std::exchange(heap.cls(base).subclasses, kNoObject));
    }
    return;
  }
  // The static base's dict drops the entry's key, then its value.
  heap.DecRef(static_key);
  heap.DecRef(static_ref);
}

}  // namespace heapsim
