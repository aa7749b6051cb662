// Objects of the simulated heap: the handle clients hold, the type tags, and
// the fixed-size record the engine keeps per object.
//
// An ObjectId names one live simulated object for as long as it lives; ids
// of dead objects are recycled, so holders must own a reference (see Ref in
// heap.h). The record is deliberately small (32 bytes): a million live ints
// must fit in a few tens of megabytes of host memory. Everything of variable
// size (digits of big ints, characters, container items) lives in per-type
// side tables addressed by Object::payload.

#ifndef HEAPSIM_SERVER_HEAP_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_OBJECT_H_

#include <cstdint>
#include <string_view>

namespace heapsim {

// A handle to a live simulated object. 0 is never a live object.
using ObjectId = uint32_t;
inline constexpr ObjectId kNoObject = 0;

// The simulated types. Per-type facts (name, GC participation, layout) are in
// type_info.h.
enum class TypeTag : uint8_t {
  kNone,
  kBool,
  kInt,
  kFloat,
  kComplex,
  kStr,
  kBytes,
  kByteArray,
  kList,
  kTuple,
  kDict,
  kSet,
  kFrozenSet,
  kRange,
  kSlice,
  kObject,         // a plain object()
  kInstance,       // an instance of a class defined by the program
  kClass,          // a class defined by the program
  kBuiltinType,    // int, list, ... as objects (static in CPython)
  kFunction,
  kCode,
  kCell,
  kFrame,          // a heap frame (3.8 to 3.10)
  kModule,
  kBuiltinFunction,  // len, print, ... and builtin methods bound to self
  kMethod,         // a function bound to an instance
  kIterator,       // list/tuple/str/dict/set iterators, enumerate, zip
  kRangeIterator,  // range iterators (not GC objects)
  kGenerator,      // generator expressions
  kDictView,       // dict_keys, dict_values, dict_items
  kException,      // a raised exception instance
  kDescriptor,     // a class's __dict__ / __weakref__ attribute (getset_descriptor)
  kNotImplemented, // the NotImplemented singleton
  kMemberDescriptor,  // a __slots__ name in its class (member_descriptor)
  kWeakRef,        // weakref.ref (weakref_object.h)
  kSuper,          // a super() object
  kStaticMethod,   // staticmethod(f)
  kClassMethod,    // classmethod(f)
  kProperty,       // property(fget, fset, fdel, doc)
  kMethodWrapper,  // object.__init__ bound to an instance (method-wrapper)
  kArray,          // array.array (array_object.h)
  kTraceObject,    // an object of Lib/tracemalloc.py (trace_object.h)
  kDeque,          // collections.deque (deque_object.h)
  kPartial,        // functools.partial (partial_object.h)
  kLruCache,       // functools.lru_cache's wrapper (lru_cache_object.h)
  kLruCacheDecorator,  // the decorator lru_cache(maxsize, typed) returns
  kLruLink,        // a bounded lru_cache's list element (not a GC object)
  kEllipsis,       // the Ellipsis singleton (`...`)
  kNamedTupleType,  // a class collections.namedtuple() made (namedtuple_object.h)
  kMemoryView,     // memoryview (memoryview_object.h)
  kManagedBuffer,  // a memoryview's managed buffer
  kWeakContainer,  // weakref's WeakValueDictionary, ..., finalize (weak_container_object.h)
  kMappingProxy,   // a class's __dict__ as a read-only view (mappingproxy_object.h)
  kCount,
};

// Bits of Object::flags.
enum ObjectFlag : uint8_t {
  kGcTracked = 1 << 0,   // in a GC generation list
  kImmortal = 1 << 1,    // refcount never changes (3.12+ immortal objects)
  kStatic = 1 << 2,      // statically allocated: never freed, no heap block
  kInterned = 1 << 3,    // a str in the interned table
  kInFreeList = 1 << 4,  // dead, parked on a type's free list
  kGcUnreachable = 1 << 5,  // in a running collection's unreachable set
  kFinalized = 1 << 6,   // its finalizer (__del__) ran or is running: never again
  kHasWeakRefs = 1 << 7, // some weakref refers to it (Heap::weak_lists)
};

struct Object {
  uint64_t address = 0;    // the simulated id(): where the object starts
  uint32_t refcount = 0;   // references the simulation holds
  TypeTag type = TypeTag::kNone;
  uint8_t flags = 0;
  uint8_t generation = 0;  // GC generation while tracked
  uint8_t subtype = 0;     // per-type detail (iterator kind, str kind, instance pre-header)
  // Small ints and floats are stored inline; everything else indexes the
  // type's side table.
  union {
    int64_t small_int;
    double real;
    uint32_t payload;
  };
  uint32_t gc_prev = 0;    // GC generation list links, while tracked
  uint32_t gc_next = 0;

  Object() : small_int(0) {}
  bool has(ObjectFlag flag) const { return (flags & flag) != 0; }
};
static_assert(sizeof(Object) == 32, "keep the object record compact");

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_OBJECT_H_
