// Classes defined by programs, and their instances' attributes.
//
// A class keeps CPython's "cached keys": the attribute names its instances
// share, in slot order. How instances store values depends on the profile:
//  * 3.8-3.10: a split __dict__ made at the first attribute, whose values
//    array has one slot per usable shared key (5 for an 8-slot table);
//  * 3.11-3.12: a values array sized from the shared keys (entries plus
//    usable slots; every new instance lowers usable by one down to 1), and
//    a dict object only when __dict__ is asked for;
//  * 3.13: the same values, inside the instance's own block.
// An instance that outgrows the shared keys falls back to its own dict.

#ifndef HEAPSIM_SERVER_HEAP_INSTANCE_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_INSTANCE_OBJECT_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim {

// A new class named `name` with the given namespace dict (owned reference
// taken) and optional base class (a class of the program). `root` is the
// `object` type (may be kNoObject). As type() does, it makes the bases and
// MRO tuples and, for a class whose base is `object`, the `__dict__` and
// `__weakref__` descriptors in its dict: all of them refer back to the
// class, so a class is freed by the GC, not by reference counting.
Ref NewClass(Heap& heap, std::string name, Ref namespace_dict, ObjectId base, ObjectId root);

// A getset descriptor's block (PyGetSetDescrObject and its GC header), in
// every version.
inline constexpr uint64_t kDescriptorRequest = 64;

// A new instance of `cls` with no attributes, tracked by the GC.
Ref NewInstance(Heap& heap, ObjectId cls);

// obj.name (borrowed), or kNoObject when the instance has no such attribute.
ObjectId InstanceGetAttr(const Heap& heap, ObjectId instance, ObjectId name);

// obj.name = value. `name` must be an interned str.
void InstanceSetAttr(Heap& heap, ObjectId instance, ObjectId name, ObjectId value);

// del obj.name; AttributeError when missing.
absl::Status InstanceDelAttr(Heap& heap, ObjectId instance, ObjectId name);

// obj.__dict__ (a new reference), made on demand.
Ref InstanceDict(Heap& heap, ObjectId instance);

// The (name, value) attribute pairs in order, borrowed.
std::vector<std::pair<ObjectId, ObjectId>> InstanceAttrs(const Heap& heap, ObjectId instance);

// Looks `name` up in the class and its bases (borrowed; kNoObject if none).
ObjectId ClassLookup(const Heap& heap, ObjectId cls, ObjectId name);

// sys.getsizeof of an instance.
uint64_t InstanceSizeOf(const Heap& heap, ObjectId instance);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_INSTANCE_OBJECT_H_
