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
#include "server/heap/slotted_object.h"

namespace heapsim {

// A new class named `name` with the given namespace dict (owned reference
// taken) and optional base class (a class of the program). `root` is the
// `object` type (may be kNoObject). As type() does, it makes the bases and
// MRO tuples, for `slots` (validated by the caller) the sorted slot names
// and a member descriptor per slot, and the `__dict__` and `__weakref__`
// descriptors where the class adds them to its instances: all of them
// refer back to the class, so a class is freed by the GC, not by reference
// counting. A class whose instances both have slots and a __dict__ must not
// be made (the caller refuses it). `bases` is the tuple of the bases a
// class statement named, which __build_class__ made before the body ran
// (reference taken); when empty, the bases tuple is made here, as type()
// makes (object,) for a class statement without bases.
Ref NewClass(Heap& heap, std::string name, Ref namespace_dict, ObjectId base, ObjectId root,
             const SlotsSpec& slots = SlotsSpec(), Ref bases = Ref());

// A new exception class named `name` (namespace dict owned, as NewClass)
// deriving from `base`: an exception class of the program, or, when `base`
// is kNoObject, the builtin exception type `builtin_mro[0]`, where
// `builtin_mro` is that type's MRO (ending with object). Its instances keep
// BaseException's own __dict__ pointer, so the class adds only a
// __weakref__ descriptor; its cached keys exist only where such a dict
// uses them (3.8 to 3.10: 3.11+ caches keys for managed dicts alone).
// `bases` as for NewClass.
Ref NewExceptionClass(Heap& heap, std::string name, Ref namespace_dict, ObjectId base,
                      const std::vector<ObjectId>& builtin_mro, Ref bases = Ref());

// True if `cls` (a class of the program) is an exception class.
bool IsExceptionClass(const Heap& heap, ObjectId cls);

// A new instance of exception class `cls` whose args are the tuple `args`
// (a reference taken), as BaseException.__new__ makes it: no __dict__ yet,
// tracked by the GC.
Ref NewExceptionInstance(Heap& heap, ObjectId cls, ObjectId args);

// A getset descriptor's block (PyGetSetDescrObject and its GC header), in
// every version.
inline constexpr uint64_t kDescriptorRequest = 64;

// A new instance of `cls` with no attributes, tracked by the GC.
Ref NewInstance(Heap& heap, ObjectId cls);

// obj.name (borrowed), or kNoObject when the instance has no such attribute
// in its dict or values (slots are read through their member descriptors).
ObjectId InstanceGetAttr(const Heap& heap, ObjectId instance, ObjectId name);

// obj.name = value. `name` must be an interned str.
void InstanceSetAttr(Heap& heap, ObjectId instance, ObjectId name, ObjectId value);

// del obj.name; AttributeError when missing.
absl::Status InstanceDelAttr(Heap& heap, ObjectId instance, ObjectId name);

// obj.name = value, or del obj.name when `value` is kNoObject, as
// PyObject_GenericSetAttr runs them: a member descriptor of the class
// stores in (or clears) its slot; an instance with a __dict__ stores in its
// attributes (InstanceSetAttr / InstanceDelAttr); a slotted instance
// raises AttributeError: "'C' object attribute 'm' is read-only" when the
// class has the name, else "'C' object has no attribute 'z'" (3.13+ adds
// that there is no __dict__). `name` must be an interned str.
absl::Status InstanceStoreAttr(Heap& heap, ObjectId instance, ObjectId name, ObjectId value);

// obj.__dict__ (a new reference), made on demand.
Ref InstanceDict(Heap& heap, ObjectId instance);

// The (name, value) attribute pairs in order, borrowed: the set slots in
// layout order, or the dict's or values' attributes.
std::vector<std::pair<ObjectId, ObjectId>> InstanceAttrs(const Heap& heap, ObjectId instance);

// Looks `name` up in the class and its bases (borrowed; kNoObject if none).
ObjectId ClassLookup(const Heap& heap, ObjectId cls, ObjectId name);

// sys.getsizeof of an instance.
uint64_t InstanceSizeOf(const Heap& heap, ObjectId instance);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_INSTANCE_OBJECT_H_
