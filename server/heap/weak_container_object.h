// weakref's classes written in Python (Lib/weakref.py, Lib/_weakrefset.py):
// WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize, as one
// object type (TypeTag::kWeakContainer) told apart by subtype.
//
// What they hold is modelled reference by reference: a WeakValueDictionary
// holds a dict of key -> KeyedRef (a weak reference with a key, whose
// callback is the container's remover); a WeakKeyDictionary and a WeakSet
// hold, in insertion order, a weak reference to each key (callback: the
// remover) and a WeakKeyDictionary its value. The remover is the object
// those callbacks call: it takes the dead entry out of its container (if
// that still lives). A finalize object, while alive, holds the weak
// reference whose callback it is, the function, its arguments and a
// reference to itself (CPython's finalize._registry keeps it alive).
// The other objects CPython's Python code makes (instance dicts, closures,
// frames, _IterationGuard, _Info) are not modelled: callers refuse what
// would show them (addresses, tracemalloc, collections that free them).

#ifndef HEAPSIM_SERVER_HEAP_WEAK_CONTAINER_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_WEAK_CONTAINER_OBJECT_H_

#include <cstdint>
#include <string_view>

#include "server/heap/heap.h"

namespace heapsim {

enum class WeakContainerKind : uint8_t {
  kValueDictionary,  // weakref.WeakValueDictionary
  kKeyDictionary,    // weakref.WeakKeyDictionary
  kSet,              // _weakrefset.WeakSet
  kFinalize,         // weakref.finalize
  kRemover,          // a container's callback (CPython: the `remove` closure)
};

inline WeakContainerKind WeakContainerKindOf(const Heap& heap, ObjectId id) {
  return static_cast<WeakContainerKind>(heap.object(id).subtype);
}

inline bool IsWeakContainerOf(const Heap& heap, ObjectId id, WeakContainerKind kind) {
  return heap.type_of(id) == TypeTag::kWeakContainer && WeakContainerKindOf(heap, id) == kind;
}

// The class's name ("WeakValueDictionary", "WeakSet", ...; a remover is a
// "function") and its module ("weakref", "_weakrefset" for WeakSet).
std::string_view WeakContainerTypeName(WeakContainerKind kind);
inline std::string_view WeakContainerModule(WeakContainerKind kind) {
  return kind == WeakContainerKind::kSet ? "_weakrefset" : "weakref";
}

// sys.getsizeof: a container is an instance of a Python class with
// __dict__ and __weakref__ (a plain instance's size per version); finalize
// has __slots__ = () (32 bytes).
uint64_t WeakContainerSizeOf(const Heap& heap, ObjectId id);

// A new empty WeakValueDictionary, WeakKeyDictionary or WeakSet (GC-tracked)
// with its remover (and, for a WeakValueDictionary, its empty dict).
Ref NewWeakContainer(Heap& heap, WeakContainerKind kind);

// A new keyed weak reference to `referent` (WeakValueDictionary's KeyedRef)
// holding `key`, whose callback is `remover`.
// REQUIRES: WeakReferenceableKind(referent) == kYes.
Ref NewKeyedRef(Heap& heap, ObjectId referent, ObjectId remover, ObjectId key);

// WeakKeyDictionary, WeakSet: the entry whose key is `key` (compared by
// identity), or -1.
int64_t FindWeakEntry(const Heap& heap, ObjectId container, ObjectId key);

// WeakKeyDictionary, WeakSet: sets key's value (kNoObject in a set),
// adding an entry at the end with a new weak reference to `key` if it has
// none.
// REQUIRES: WeakReferenceableKind(key) == kYes.
void SetWeakEntry(Heap& heap, ObjectId container, ObjectId key, ObjectId value);

// WeakKeyDictionary, WeakSet: takes entry `entry` out (its weak reference,
// then its value, dropped), leaving a hole.
void RemoveWeakEntry(Heap& heap, ObjectId container, uint32_t entry);

// The remover's work: takes the entry of `weakref` out of the remover's
// container, if both still exist. A WeakValueDictionary deletes the key
// only while its value is still that dead reference
// (_remove_dead_weakref).
void RemoveDeadEntry(Heap& heap, ObjectId remover, ObjectId weakref);

// The number of entries: len() of the container.
uint64_t WeakContainerLength(const Heap& heap, ObjectId container);

// weakref.finalize(referent, func, *args, **kwargs): alive, holding a
// weak reference to `referent` whose callback is itself, and what it
// calls. `kwargs` may be empty (no dict).
// REQUIRES: WeakReferenceableKind(referent) == kYes.
Ref NewFinalize(Heap& heap, ObjectId referent, Ref func, Ref args, Ref kwargs, uint64_t index);

// What a finalize object held while alive, taken out of it (it is dead
// from then on and no longer refers to itself; the caller must hold a
// reference to it).
struct TakenFinalize {
  Ref weakref;
  Ref func;
  Ref args;
  Ref kwargs;  // empty for none
};
TakenFinalize TakeFinalize(Heap& heap, ObjectId finalize);

// The collector's tp_clear and the deallocator: drop every reference held
// (a container first lets its remover forget it).
void ClearWeakContainer(Heap& heap, ObjectId id);
void DeallocWeakContainer(Heap& heap, ObjectId id);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_WEAK_CONTAINER_OBJECT_H_
