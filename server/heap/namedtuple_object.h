// collections.namedtuple classes and their instances.
//
// A class namedtuple() makes is a heap type below tuple
// (TypeTag::kNamedTupleType, a ClassBody): its dict holds what scripts
// read (_fields, _field_defaults, __doc__, __module__, __slots__ and, per
// profile, __match_args__ and _fields_defaults), and the body holds the
// references of the objects heapsim does not model one by one (the
// generated __new__ and its defaults, _replace's closure over _fields).
// tp_mro holds the class, so only the GC frees it.
//
// Its instances are tuples (TypeTag::kTuple, so every tuple operation
// applies) of a subtype, holding a reference to their class: a block from
// PyType_GenericAlloc (one item more than they hold, the sentinel it
// adds), never from or to the tuples' free lists, GC-tracked from the
// start and never untracked by a collection (only exact tuples are).
//
// Functions take borrowed references and add their own.

#ifndef HEAPSIM_SERVER_HEAP_NAMEDTUPLE_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_NAMEDTUPLE_OBJECT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/heap.h"

namespace heapsim {

// Object::subtype of a tuple that is a namedtuple's instance.
inline constexpr uint8_t kNamedTupleSubtype = 3;

// True when `id` is an instance of a namedtuple class.
inline bool IsNamedTuple(const Heap& heap, ObjectId id) {
  return heap.type_of(id) == TypeTag::kTuple && heap.tuple(id).type != kNoObject;
}

// The class of namedtuple instance `id`, borrowed.
inline ObjectId NamedTupleClass(const Heap& heap, ObjectId id) { return heap.tuple(id).type; }

// The _fields tuple of namedtuple class `cls`, borrowed.
inline ObjectId NamedTupleFields(const Heap& heap, ObjectId cls) {
  return heap.cls(cls).namedtuple_fields;
}

// The field names of namedtuple class `cls`, in order.
std::vector<std::string> NamedTupleFieldNames(const Heap& heap, ObjectId cls);

// What namedtuple(typename, field_names, defaults=..., module=...) makes:
// a tracked class named `name` in `module` with `fields` (valid, distinct
// names) and `defaults` (the values of the last fields), below `tuple_type`
// (whose MRO ends in `object_type`).
Ref NewNamedTupleType(Heap& heap, std::string_view name, std::string_view module,
                      const std::vector<std::string>& fields, const std::vector<ObjectId>& defaults,
                      ObjectId tuple_type, ObjectId object_type);

// tuple_subtype_new: a new tracked instance of namedtuple class `cls`
// holding new references to `items`.
Ref NewNamedTupleInstance(Heap& heap, ObjectId cls, const std::vector<ObjectId>& items);

// repr of namedtuple instance `id`, "Point(x=1, y=2)", each item shown by
// `repr_item(item)`.
template <typename ReprItem>
std::string NamedTupleRepr(const Heap& heap, ObjectId id, ReprItem&& repr_item) {
  const ObjectId cls = NamedTupleClass(heap, id);
  const std::vector<std::string> names = NamedTupleFieldNames(heap, cls);
  const std::vector<ObjectId>& items = heap.tuple(id).items;
  std::string out = absl::StrCat(heap.cls(cls).name, "(");
  for (size_t i = 0; i < items.size() && i < names.size(); ++i) {
    absl::StrAppend(&out, i == 0 ? "" : ", ", names[i], "=", repr_item(items[i]));
  }
  return out + ")";
}

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_NAMEDTUPLE_OBJECT_H_
