// Weak references (weakref.ref): objects that name a referent without
// keeping it alive. Each referent that has some lists them (Heap::
// weak_lists, flag kHasWeakRefs) in the order of CPython's per-object list;
// when the referent is deallocated its weak references are cleared and
// then answer None.

#ifndef HEAPSIM_SERVER_HEAP_WEAKREF_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_WEAKREF_OBJECT_H_

#include <span>

#include "server/heap/heap.h"

namespace heapsim {

// Whether CPython lets an object be weakly referenced, and whether heapsim
// models it.
enum class WeakReferenceable : uint8_t {
  kYes,          // instances with a __weakref__, functions
  kUnmodelled,   // CPython allows it (classes, sets, generators, ...); refused
  kNo,           // TypeError: cannot create weak reference to 'T' object
};
WeakReferenceable WeakReferenceableKind(const Heap& heap, ObjectId object);

// weakref.ref(referent) without a callback: the referent's existing
// callback-less reference (a new reference to it) if it has one, as CPython
// reuses it; else a new weakref object (GC-tracked, aux.weakref bytes) put
// first in the referent's list.
// REQUIRES: WeakReferenceableKind(referent) == kYes.
Ref NewWeakRef(Heap& heap, ObjectId referent);

// The referent of a weakref, or kNoObject once it died.
inline ObjectId WeakRefReferent(const Heap& heap, ObjectId weakref) {
  return heap.weakref(weakref).referent;
}

// The weak references to `object`, in CPython's list order (empty for
// none).
std::span<const ObjectId> WeakRefsTo(const Heap& heap, ObjectId object);

// For the referent's deallocator: clears every weak reference to `object`
// (they answer None from then on) and forgets its list.
// REQUIRES: no weak reference to it has a callback.
void ClearWeakRefsTo(Heap& heap, ObjectId object);

// For a weakref's deallocator: takes it out of its referent's list and
// drops its callback.
void UnlinkWeakRef(Heap& heap, ObjectId weakref);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_WEAKREF_OBJECT_H_
