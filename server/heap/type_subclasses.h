// tp_subclasses: how a class is entered in its base's table of subclasses
// as it is made, and taken out as it is freed (PyType_Ready's add_subclass
// and type_dealloc's remove_all_subclasses). The table maps an int of the
// subclass's address to a weak reference to it; its dict, the int and the
// weak reference are real allocations, and the dict comes from the dict
// free list, so a class statement changes what later dicts cost.

#ifndef HEAPSIM_SERVER_HEAP_TYPE_SUBCLASSES_H_
#define HEAPSIM_SERVER_HEAP_TYPE_SUBCLASSES_H_

#include "server/heap/heap.h"

namespace heapsim {

// Enters `cls`, just made, in the tp_subclasses of `base` (its only base):
// the dict first if `base` is a script class without subclasses yet
// (PyDict_New's, from the free list), then the int of cls's address, then
// the weak reference, stored in that dict. A static base's dict (object's,
// a builtin exception's) is not modelled: cls itself holds the entry.
// REQUIRES: cls is a class (TypeTag::kClass) with no entry yet.
void AddSubclass(Heap& heap, ObjectId base, ObjectId cls);

// Takes `cls`, being freed, out of its base's tp_subclasses: a new int of
// its address to look the entry up, the entry's key and weak reference
// freed, then that int; then, from profile.subclasses_freed_when_empty,
// the base's dict if that left it empty. Does nothing for a class never
// entered. Call before cls's block is released.
void RemoveSubclass(Heap& heap, ObjectId cls);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_TYPE_SUBCLASSES_H_
