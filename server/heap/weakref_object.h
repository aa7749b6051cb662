// Weak references (weakref.ref, weakref.proxy): objects that name a referent without
// keeping it alive. Each referent that has some lists them (Heap::
// weak_lists, flag kHasWeakRefs) in the order of CPython's per-object list;
// when the referent is deallocated its weak references are cleared and
// then answer None.

#ifndef HEAPSIM_SERVER_HEAP_WEAKREF_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_WEAKREF_OBJECT_H_

#include <span>
#include <vector>

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

// weakref.ref(referent, callback): always a new weakref object (GC-tracked,
// aux.weakref bytes) holding a new reference to `callback`, put in the
// referent's list after its callback-less reference, ahead of the older
// ones with callbacks (CPython calls them newest first).
// REQUIRES: WeakReferenceableKind(referent) == kYes; callback is not None.
Ref NewWeakRefWithCallback(Heap& heap, ObjectId referent, ObjectId callback);

// weakref.proxy(referent[, callback]) (`callable` for a callable
// referent: a CallableProxyType): without a callback the referent's
// callback-less proxy (a new reference to it) if it has one, else a new
// one put after its callback-less reference (first without one); with a
// callback always a new one, put after those two, ahead of the older ones
// with callbacks. GC-tracked, aux.weakref bytes, as references are.
// REQUIRES: WeakReferenceableKind(referent) == kYes.
Ref NewWeakProxy(Heap& heap, ObjectId referent, bool callable, ObjectId callback);

// True for the objects weakref.proxy makes.
bool IsWeakProxy(const Heap& heap, ObjectId object);

// True if some weak reference to `object` has a callback: its deallocation
// has Python code to run first (Heap parks it).
bool HasWeakRefCallbacks(const Heap& heap, ObjectId object);

// True if some live object is named by a weak reference with a callback.
bool AnyWeakRefCallbackPending(const Heap& heap);

// A weak reference whose callback is due, and the callback (one reference,
// which the caller owns; the weakref is not referenced).
struct DueWeakRefCallback {
  ObjectId weakref = kNoObject;
  ObjectId callback = kNoObject;
};

// PyObject_ClearWeakRefs' clearing for `object`, whose deallocation is
// under way: every weak reference to it is cleared (answers None) and the
// callbacks are taken out of theirs, returned in list order.
std::vector<DueWeakRefCallback> ClearWeakRefsTakingCallbacks(Heap& heap, ObjectId object);

// _PyWeakref_ClearRef, for the collector: takes `weakref` out of its
// referent's list (it answers None from then on) and leaves its callback.
void ClearWeakRefKeepingCallback(Heap& heap, ObjectId weakref);

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
