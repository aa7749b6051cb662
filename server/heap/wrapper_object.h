// staticmethod, classmethod and property objects: the descriptors a class
// body's decorators make of its functions.

#ifndef HEAPSIM_SERVER_HEAP_WRAPPER_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_WRAPPER_OBJECT_H_

#include "server/heap/heap.h"

namespace heapsim {

// A staticmethod or classmethod object's block (the object, its __dict__
// pointer and its GC header), in every version; a method-wrapper's block
// (its descriptor, its self and the GC header) has the same size.
inline constexpr uint64_t kMethodWrapperRequest = 48;

// staticmethod(callable) (`kind` kStaticMethod) or classmethod(callable)
// (kClassMethod): a new GC-tracked object holding a new reference to
// `callable`.
Ref NewMethodWrapper(Heap& heap, TypeTag kind, ObjectId callable);

// property(fget, fset, fdel, doc): a new GC-tracked property holding new
// references to the parts given (kNoObject: None), sized for the profile;
// `name` (kNoObject: none) is its name where the profile keeps one.
Ref NewProperty(Heap& heap, ObjectId fget, ObjectId fset, ObjectId fdel, ObjectId doc,
                ObjectId name);

// object.__init__ bound to `self` (a method-wrapper holding a new
// reference to it; its slot wrapper, a start-up object, is not modelled).
Ref NewObjectInitWrapper(Heap& heap, ObjectId self);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_WRAPPER_OBJECT_H_
