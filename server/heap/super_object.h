// super objects: a class, an object and the object's type, through which
// attributes are looked up along the object's MRO after the class.

#ifndef HEAPSIM_SERVER_HEAP_SUPER_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_SUPER_OBJECT_H_

#include "server/heap/heap.h"

namespace heapsim {

// A super object's block (PySuperObject and its GC header), in every version.
inline constexpr uint64_t kSuperRequest = 56;

// super(type, obj) for an instance `obj` of the program's class `type` (or
// of a subclass), or for `obj` that class or a subclass of it: a new
// GC-tracked super object holding new references to `type`, `obj` and
// type(obj) (for a class, obj itself, as super's check gives).
Ref NewSuper(Heap& heap, ObjectId type, ObjectId obj);

// What super(type, obj).name finds before binding (borrowed; kNoObject if
// none), for any instance obj of `type` or a subclass: `name` (an interned
// str) looked up in the classes of the MRO that come after `type` (with
// single inheritance, its bases). Only the program's classes are searched:
// `object`'s own attributes are not among them.
ObjectId SuperLookup(const Heap& heap, ObjectId type, ObjectId name);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_SUPER_OBJECT_H_
