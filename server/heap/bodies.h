// The variable-size parts of simulated objects: plain data, owned by the
// Heap's per-type slabs and interpreted by the type modules (*_object.h).
//
// Every ObjectId stored in a body owns one reference, except where a field
// says it is borrowed. Every `*_block` field is the simulated address of a
// separately allocated buffer (0 when there is none).

#ifndef HEAPSIM_SERVER_HEAP_BODIES_H_
#define HEAPSIM_SERVER_HEAP_BODIES_H_

#include <cstdint>
#include <deque>
#include <list>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "server/heap/bigint.h"
#include "server/heap/object.h"
#include "server/heap/str_kind.h"

namespace heapsim {

// complex: both parts.
struct ComplexBody {
  double real = 0;
  double imag = 0;
};

// str: the text as UTF-8, plus what CPython's compact layout depends on.
struct StrBody {
  std::string utf8;
  uint32_t length = 0;  // in code points
  StrKind kind = StrKind::kAscii;
  bool utf8_cached = false;  // a non-ASCII str carrying its UTF-8 copy
  // hash(s), computed on first use and kept, as CPython keeps it.
  mutable bool hashed = false;
  mutable int64_t hash = 0;
};

// bytes, bytearray and array.array (array_object.h). For bytearray, `alloc` is ob_alloc and the buffer is
// a block of exactly `alloc` bytes.
struct BytesBody {
  std::string data;
  uint64_t alloc = 0;
  uint64_t buffer_block = 0;
  // bytearray: where the live bytes start inside the buffer (ob_start -
  // ob_bytes); deleting from the front advances it instead of moving bytes.
  uint64_t start_offset = 0;
  // bytearray: the managed buffers of memoryviews holding its buffer
  // (ob_exports); it cannot be resized while there are any.
  uint32_t exports = 0;
};

// list: `items.size()` is ob_size; `allocated` is CPython's capacity.
struct ListBody {
  std::vector<ObjectId> items;
  uint64_t allocated = 0;
  uint64_t items_block = 0;
};

// tuple, and the fixed item arrays of slices and ranges' bounds.
struct TupleBody {
  std::vector<ObjectId> items;
  // The instance of a collections.namedtuple class: that class (owned);
  // kNoObject for every other tuple.
  ObjectId type = kNoObject;
};

// dict: CPython's compact layout. `indices` maps hash slots to entry
// positions (kEmptySlot, kDummySlot, or an index into `entries`); deleted
// entries keep their position with key == kNoObject.
struct DictEntry {
  int64_t hash = 0;
  ObjectId key = kNoObject;
  ObjectId value = kNoObject;
};
// A collections.OrderedDict's own state (ordereddict_object.h): the linked
// nodes in order, each a 32-byte PyMem block holding a reference to its key,
// and od_fast_nodes, the array mirroring the keys table.
struct OrderedDictNode {
  ObjectId key = kNoObject;
  uint64_t block = 0;
};
struct OrderedDictLinks {
  OrderedDictLinks() = default;
  // A copy (the heap's, for a copied session) has its own nodes, and its
  // map points into them.
  OrderedDictLinks(const OrderedDictLinks& other)
      : nodes(other.nodes),
        fast_nodes_block(other.fast_nodes_block),
        fast_nodes_size(other.fast_nodes_size),
        resize_sentinel(other.resize_sentinel),
        sentinel_set(other.sentinel_set),
        state(other.state) {
    for (auto it = nodes.begin(); it != nodes.end(); ++it) node_of_key[it->key] = it;
  }
  OrderedDictLinks& operator=(const OrderedDictLinks&) = delete;

  std::list<OrderedDictNode> nodes;  // od_first .. od_last
  absl::flat_hash_map<ObjectId, std::list<OrderedDictNode>::iterator> node_of_key;
  uint64_t fast_nodes_block = 0;     // 0: NULL
  uint64_t fast_nodes_size = 0;      // od_fast_nodes_size
  uint64_t resize_sentinel = 0;      // the keys block the array mirrors
  bool sentinel_set = false;         // od_resize_sentinel != NULL
  uint64_t state = 0;                // od_state: changes as the list does
};

// Owns an OrderedDict's links; copying it copies them (a heap copied for
// another session must not share them with the original).
class OrderedDictLinksPtr {
 public:
  OrderedDictLinksPtr() = default;
  OrderedDictLinksPtr(const OrderedDictLinksPtr& other)
      : links_(other.links_ ? std::make_unique<OrderedDictLinks>(*other.links_) : nullptr) {}
  OrderedDictLinksPtr& operator=(const OrderedDictLinksPtr& other) {
    if (this != &other) {
      links_ = other.links_ ? std::make_unique<OrderedDictLinks>(*other.links_) : nullptr;
    }
    return *this;
  }
  OrderedDictLinksPtr(OrderedDictLinksPtr&&) = default;
  OrderedDictLinksPtr& operator=(OrderedDictLinksPtr&&) = default;

  // Gives the dict new, empty links.
  void MakeEmpty() { links_ = std::make_unique<OrderedDictLinks>(); }
  OrderedDictLinks* get() const { return links_.get(); }
  OrderedDictLinks& operator*() const { return *links_; }
  OrderedDictLinks* operator->() const { return links_.get(); }
  explicit operator bool() const { return links_ != nullptr; }

 private:
  std::unique_ptr<OrderedDictLinks> links_;
};

struct DictBody {
  static constexpr int32_t kEmptySlot = -1;
  static constexpr int32_t kDummySlot = -2;

  // The keys object. log2_size == 0 means the shared empty keys (no table).
  uint8_t log2_size = 0;
  bool str_keys_only = true;     // 3.11+ unicode keys layout, while it holds
  bool from_split_keys = false;  // an instance __dict__ sharing class keys
  uint32_t usable = 0;           // dk_usable: insertions left before a resize
  std::vector<int32_t> indices;
  std::vector<DictEntry> entries;  // size() is dk_nentries
  uint32_t used = 0;             // ma_used
  uint64_t keys_block = 0;
  uint64_t keys_request = 0;     // the keys block's requested size
  uint64_t values_block = 0;     // a split table's values array
  uint32_t shared_keys = 0;      // a split table's SharedKeysBody index + 1
  uint32_t values_capacity = 0;  // a split table's values slots
  // A collections.defaultdict's default_factory (kNoObject: NULL, shown as
  // None); see defaultdict_object.h.
  ObjectId default_factory = kNoObject;
  // A collections.OrderedDict's nodes; null for every other dict.
  OrderedDictLinksPtr ordered;
};

// set and frozenset: the open-addressing table, smalltable included.
struct SetEntry {
  int64_t hash = 0;
  ObjectId key = kNoObject;  // kNoObject: unused; kDummyKey: deleted
};
struct SetBody {
  static constexpr ObjectId kDummyKey = 0xffffffff;
  std::vector<SetEntry> table;  // mask + 1 entries
  uint32_t fill = 0;            // active + dummy
  uint32_t used = 0;            // active
  uint32_t finger = 0;          // where set.pop() resumes
  uint64_t table_block = 0;     // 0 while the smalltable is in use
  int64_t hash = -1;            // frozenset hash cache; -1 = not computed
};

// range(start, stop, step), small enough for int64.
struct RangeBody {
  int64_t start = 0;
  int64_t stop = 0;
  int64_t step = 1;
  // The int objects CPython's range holds (owned): start, stop and step as
  // given (or the small ints 0 and 1), and the length compute_range_length
  // made (range_object.h).
  ObjectId start_object = kNoObject;
  ObjectId stop_object = kNoObject;
  ObjectId step_object = kNoObject;
  ObjectId length_object = kNoObject;
  // A bound past 64 bits was held saturated (range(10**20)): the range
  // iterates as CPython's does for as long as any budget allows, but its
  // length, items, repr, hash and comparisons are not its own.
  bool saturated = false;
};

// slice(start, stop, step): borrowed-free, owns all three.
struct SliceBody {
  ObjectId start = kNoObject;
  ObjectId stop = kNoObject;
  ObjectId step = kNoObject;
};

// An instance of a program-defined class. Before 3.11 its attributes live in
// a __dict__ object; from 3.11 in `values`, slot i holding the value of the
// class's shared key i (kNoObject when unset), and a dict object exists only
// once __dict__ is asked for.
struct InstanceBody {
  ObjectId cls = kNoObject;
  ObjectId dict = kNoObject;
  std::vector<ObjectId> values;
  uint64_t values_block = 0;
  uint32_t values_capacity = 0;  // slots the values array was sized for
  // The values of the class's __slots__ names (kNoObject while unset), in
  // layout order: the bases' slots first (see ClassBody::slot_count).
  std::vector<ObjectId> slots;
  // An instance of an exception class (ClassBody::exception_base set): its
  // args tuple (BaseException's args).
  ObjectId args = kNoObject;
};

// A member descriptor: one __slots__ name of `cls` (both owned), reading and
// writing slot `slot` of its instances.
struct MemberBody {
  ObjectId cls = kNoObject;
  ObjectId name = kNoObject;
  uint32_t slot = 0;
};

// A super object: the class the lookup starts after, the object bound to
// and the object's type (the class whose MRO is searched); all owned.
struct SuperBody {
  ObjectId type = kNoObject;
  ObjectId obj = kNoObject;
  ObjectId obj_type = kNoObject;
};

// A memoryview's managed buffer: the exporter (owned; kNoObject once
// released) and the views registered on it that are not released.
struct ManagedBufferBody {
  ObjectId exporter = kNoObject;
  uint32_t views = 0;
};

// A memoryview: its managed buffer (owned; kNoObject once the collector
// cleared it) and its window on the exporter's bytes: `length` items of
// `itemsize` bytes (struct format `format`: 'B', or an array's typecode)
// from byte `start` on, `step` bytes apart.
struct MemoryViewBody {
  ObjectId mbuf = kNoObject;
  int64_t start = 0;
  int64_t step = 1;
  int64_t length = 0;
  uint8_t itemsize = 1;
  char format = 'B';
  bool readonly = true;
  bool released = false;
  mutable bool hashed = false;
  mutable int64_t hash = 0;
};

// functools.partial objects: the callable and the arguments it adds to each
// call, all owned.
struct PartialBody {
  ObjectId function = kNoObject;
  ObjectId args = kNoObject;      // a tuple
  ObjectId keywords = kNoObject;  // a dict
};

// functools.lru_cache's wrapper (_lru_cache_wrapper, lru_cache_object):
// the cached callable, the cache dict (key -> result when unbounded, key ->
// link when bounded), the __dict__ update_wrapper filled, all owned, and
// one reference to each link of a bounded cache, least recently used
// first. functools.py's closures over lru_cache()'s cells of maxsize and
// typed (the decorator lru_cache(maxsize, typed) returns, and the wrapper's
// cache_parameters lambda) share the body: no function, the closure tuple.
struct LruCacheBody {
  ObjectId function = kNoObject;
  ObjectId cache = kNoObject;    // dict
  ObjectId dict = kNoObject;     // __dict__
  ObjectId closure = kNoObject;  // a closure's tuple of the two cells
  bool parameters_lambda = false;  // the closure is cache_parameters
  int64_t maxsize = -1;        // -1: unbounded (None); 0: no caching
  bool typed = false;
  int64_t hits = 0;
  int64_t misses = 0;
  ObjectId oldest = kNoObject;  // lru_list_elem objects, a doubly linked list
  ObjectId newest = kNoObject;
};

// A bounded cache's lru_list_elem: its key and result (owned), the key's
// hash and its neighbours in the wrapper's list (not owned).
struct LruLinkBody {
  ObjectId key = kNoObject;
  ObjectId result = kNoObject;
  int64_t hash = 0;
  ObjectId older = kNoObject;
  ObjectId newer = kNoObject;
};

// staticmethod and classmethod objects (the callable they wrap) and
// property objects (getter, setter, deleter, doc and, 3.10+, the name
// __set_name__ gives); all owned, kNoObject when unset.
struct WrapperBody {
  ObjectId callable = kNoObject;  // the wrapped callable, or the getter
  ObjectId setter = kNoObject;
  ObjectId deleter = kNoObject;
  ObjectId doc = kNoObject;
  ObjectId name = kNoObject;
  ObjectId dict = kNoObject;  // staticmethod, classmethod: __dict__ (3.10+), or none
  bool doc_from_getter = false;  // property: `doc` is the getter's __doc__
};

// A keys table shared by a class's instances (CPython's cached keys): the
// attribute names in slot order. Counted: the class holds one reference,
// and so does every split __dict__ (3.8 to 3.10) that uses it.
struct SharedKeysBody {
  std::vector<ObjectId> names;  // owned interned strs
  uint8_t log2_size = 3;
  uint32_t usable = 0;          // insertions left
  uint64_t keys_block = 0;
  uint32_t refcount = 0;
};

// A program-defined class. `shared_keys` are the attribute names instances
// have used, in first-use order (CPython's cached keys); `namespace_dict`
// holds the class body's names.
// The special methods a program's class defines or inherits (ClassBody::
// special): which operations on its instances run Python code instead of
// object's defaults. The interpreter sets them when it makes the class.
enum SpecialMethodBit : uint32_t {
  kSpecialRepr = 1u << 0,      // __repr__
  kSpecialStr = 1u << 1,       // __str__
  kSpecialCompare = 1u << 2,   // any of __eq__ __ne__ __lt__ __le__ __gt__ __ge__
  kSpecialHash = 1u << 3,      // __hash__ other than None
  kSpecialHashNone = 1u << 4,  // __hash__ is None: unhashable
  kSpecialLen = 1u << 5,       // __len__
  kSpecialBool = 1u << 6,      // __bool__
  kSpecialContains = 1u << 7,  // __contains__
  kSpecialGetItem = 1u << 8,   // __getitem__
  kSpecialSetItem = 1u << 9,   // __setitem__
  kSpecialDelItem = 1u << 10,  // __delitem__
  kSpecialIter = 1u << 11,     // __iter__
  kSpecialNext = 1u << 12,     // __next__
  kSpecialCall = 1u << 13,     // __call__
  kSpecialNumber = 1u << 14,   // an arithmetic operator (__add__, __radd__, __iadd__, __neg__, ...)
  kSpecialDel = 1u << 15,      // __del__: a finalizer (tp_finalize), see Heap's finalizer queue
};

struct ClassBody {
  std::string name;
  // A module's static type whose repr names the module (itertools.count);
  // empty for the others.
  std::string module;
  uint32_t special = 0;  // SpecialMethodBit flags
  ObjectId base = kNoObject;
  ObjectId namespace_dict = kNoObject;
  // tp_bases and tp_mro: tuples holding the class's bases and, for the
  // MRO, the class itself (a cycle only the GC breaks).
  ObjectId bases = kNoObject;
  ObjectId mro = kNoObject;
  // tp_subclasses: the dict PyType_Ready makes on the class's first
  // subclass, mapping an int of each subclass's address to a weak reference
  // to it. Owned by the class but never traversed (it cannot be in a cycle).
  ObjectId subclasses = kNoObject;
  // The class's own entry in its base's tp_subclasses when the base is a
  // static type (object, a builtin exception), whose dict heapsim does not
  // model: the key and the weak reference that dict would own.
  ObjectId static_base_key = kNoObject;
  ObjectId static_base_ref = kNoObject;
  // Static type objects: called through vectorcall, without packing the
  // arguments in a tuple (see Profile::vectorcall_types).
  bool vectorcall = false;
  // The cached keys instances share; sharing stops for good once an
  // instance outgrows them while other instances still use them.
  uint32_t shared_keys = 0;  // SharedKeysBody index + 1; 0 once sharing stopped
  // Instance layout. A class without __slots__ (and every class above it)
  // gives its instances a __dict__ and a __weakref__; a class with
  // __slots__ gives them `slot_count` slots (its bases' first, then its
  // own in sorted name order) and a __weakref__ only when asked for.
  bool instance_dict = true;
  bool instance_weakref = true;
  uint32_t slot_count = 0;
  ObjectId slot_names = kNoObject;  // ht_slots: the own slot names, sorted (a tuple)
  // An exception class: the builtin exception type it derives from
  // (ValueError, Exception, ...; a static type, borrowed); kNoObject for
  // other classes. Its instances are BaseException objects with a __dict__
  // and a __weakref__ (see NewExceptionInstance).
  ObjectId exception_base = kNoObject;
  // A collections.namedtuple class (TypeTag::kNamedTupleType): the
  // references its unmodelled functions hold, to the _fields tuple (the
  // closure of _replace) and to the defaults tuple of __new__ (kNoObject
  // without defaults).
  ObjectId namedtuple_fields = kNoObject;
  ObjectId namedtuple_defaults = kNoObject;
  // dataclasses.dataclass() processed the class (or failed on it): the
  // objects CPython's Python code made for it are not modelled.
  bool dataclass = false;
};

// A function: its code and everything bound at definition time.
struct FunctionBody {
  ObjectId code = kNoObject;
  ObjectId globals = kNoObject;
  ObjectId defaults = kNoObject;     // tuple, or kNoObject
  ObjectId kw_defaults = kNoObject;  // dict, or kNoObject
  ObjectId closure = kNoObject;      // tuple of cells, or kNoObject
  // dict, 3.10+'s tuple of name, value pairs until first read, or kNoObject
  ObjectId annotations = kNoObject;
  ObjectId name = kNoObject;         // str
  std::string qualname;              // for repr()
};

// A code object. `program` and `unit` identify the compiled body for the
// interpreter that made it; the engine only owns the constants.
struct CodeBody {
  uint32_t program = 0;
  uint32_t unit = 0;
  ObjectId consts = kNoObject;  // tuple
  ObjectId name = kNoObject;    // str
  uint32_t stack_size = 0;      // for heap frames (3.8 to 3.10)
  uint32_t locals_plus = 0;
  uint64_t zombie_block = 0;   // the cached frame's block (3.8 to 3.10)
  uint32_t zombie_capacity = 0;
  // co_varnames, co_cellvars and co_freevars where the code keeps them
  // (CodeObjectRules::NameTuples), and 3.12+'s _PyCoCached block.
  ObjectId varnames = kNoObject;
  ObjectId cellvars = kNoObject;
  ObjectId freevars = kNoObject;
  uint64_t cached_block = 0;
  // 3.8 to 3.10's opcache (CountCodeEvaluation): the code's length in code
  // units and its cached instructions where the compiler counted them, its
  // evaluations so far, and the blocks its opcache-th evaluation made.
  bool size_known = false;
  uint32_t code_units = 0;
  uint32_t opcache_sites = 0;
  uint32_t evaluations = 0;
  uint64_t opcache_map_block = 0;
  uint64_t opcache_block = 0;
};

// A cell of a closure; `contents` may be kNoObject (empty cell). Also the
// body of a getset descriptor (its class) and of a mappingproxy (its dict).
struct CellBody {
  ObjectId contents = kNoObject;
};

// A collections.deque (deque_object.h): its items left to right, the
// addresses of its blocks left to right, the slot of the first item in the
// first block and of the last in the last block, maxlen (-1 for none), the
// count of index moves its iterators check, and from 3.11 its own cache of
// freed blocks.
struct DequeBody {
  std::deque<ObjectId> items;
  std::deque<uint64_t> blocks;
  int64_t left_index = 0;
  int64_t right_index = 0;
  int64_t maxlen = -1;
  uint64_t state = 0;
  std::vector<uint64_t> cached_blocks;
};

// What a weak reference object is: weakref.ref, or one of the proxies
// weakref.proxy makes (a callable one for a callable referent).
enum class WeakRefKind : uint8_t { kRef, kProxy, kCallableProxy };

// A weak reference: its referent (kNoObject once the referent died or the
// reference was cleared), not counted; and its callback (owned), kNoObject
// for none.
struct WeakRefBody {
  ObjectId referent = kNoObject;
  ObjectId callback = kNoObject;
  ObjectId key = kNoObject;  // a WeakValueDictionary's KeyedRef: its key
  WeakRefKind kind = WeakRefKind::kRef;
};

// One entry of a WeakKeyDictionary or WeakSet (weak_container_object.h).
struct WeakEntry {
  ObjectId weakref = kNoObject;  // its key's weak reference; kNoObject for a hole
  ObjectId value = kNoObject;    // a WeakKeyDictionary's value; kNoObject in a WeakSet
};

// weakref's Python-coded objects (weak_container_object.h), by subtype.
struct WeakContainerBody {
  // WeakValueDictionary: its dict of key -> keyed weak reference.
  ObjectId data = kNoObject;
  // WeakKeyDictionary, WeakSet: the entries in insertion order (holes where
  // some were removed), the entry of each weak reference, and how many are
  // not holes.
  std::vector<WeakEntry> entries;
  absl::flat_hash_map<ObjectId, uint32_t> entry_of;
  uint32_t live = 0;
  // The containers: the callback object their weak references carry. A
  // remover: its container (borrowed; kNoObject once the container died).
  ObjectId remover = kNoObject;
  ObjectId owner = kNoObject;
  // finalize, while alive (all kNoObject once called or detached): the weak
  // reference whose callback it is, and what it calls. While alive it
  // holds a reference to itself (finalize._registry's).
  ObjectId weakref = kNoObject;
  ObjectId func = kNoObject;
  ObjectId args = kNoObject;    // a tuple
  ObjectId kwargs = kNoObject;  // a dict, or kNoObject for none
  bool atexit = true;
  uint64_t index = 0;           // creation order, which atexit runs backwards
};

// A function bound to `self` (method), or a builtin with its `self`.
struct BoundBody {
  ObjectId callable = kNoObject;  // the function, for methods
  ObjectId self = kNoObject;      // kNoObject for module-level builtins
  uint32_t builtin = 0;           // which builtin, for builtin functions
};

// The kinds of iterator objects (Object::subtype of a kIterator).
enum class IterKind : uint8_t {
  kList,
  kTuple,
  kRange,
  kStr,
  kBytes,
  kArray,   // array.array's arrayiterator
  kDictKeys,
  kDictValues,
  kDictItems,
  kSet,
  kListReverse,
  kEnumerate,
  kZip,
  kMap,     // source: the tuple of iterators, extra: the function
  kFilter,  // source: the iterator, extra: the function (or None)
  kDeque,   // source: the deque, index: the next position, end: the deque's state when made
  kReversed,  // reversed() of a sequence without __reversed__: source, index counting down
  // reversed() of a dict or its views: index counting down, end and
  // position as for the forward dict iterators.
  kDictReverseKeys,
  kDictReverseValues,
  kDictReverseItems,
  // itertools' iterators (itertools_object.h): `held` keeps their object
  // fields in the order their traverse visits them.
  kItertoolsCount,        // held: long_cnt, long_step; index: cnt (fast mode)
  kItertoolsCycle,        // held: it, saved; index: the next saved item
  kItertoolsRepeat,       // held: element; index: times left (-1: endless)
  kItertoolsIslice,       // held: it; index: next, end: stop (-1: none), step, position: cnt
  kItertoolsChain,        // held: source, active
  kItertoolsStarmap,      // held: it, func
  kItertoolsTakewhile,    // held: it, func; index: 1 once stopped
  kItertoolsDropwhile,    // held: it, func; index: 1 once started
  kItertoolsFilterfalse,  // held: it, func
  kItertoolsCompress,     // held: data, selectors
  kItertoolsAccumulate,   // held: binop, it, total, initial
  // The combinatoric iterators: index arrays in `indices` (and `cycles`),
  // each a PyMem block of its own; `end` is 1 once stopped.
  kItertoolsProduct,      // held: pools, result
  kItertoolsCombinations,  // held: pool, result; index: r
  kItertoolsCombinationsWithReplacement,  // held: pool, result; index: r
  kItertoolsPermutations,  // held: pool, result; index: r
  kItertoolsPairwise,     // held: it, old, result (3.13+; kNoObject before)
  // held: ittuple (an exhausted iterator's slot holds None where CPython's
  // holds NULL), result, fillvalue; position: numactive.
  kItertoolsZipLongest,
  // collections.OrderedDict's odict_iterator over its keys
  // (ordereddict_object.h): source: di_odict (kNoObject once done), held:
  // {di_current} (kNoObject at the end), extra: di_result (3.8 only),
  // index: di_size, end: the od_state it was made at.
  kOrderedDictKeys,
  // A generator of weakref.py (a weak container's keys(), values(),
  // items() or iter()): stands for it as a list iterator over a list of
  // what was alive when it began (source), and shows as a generator.
  kWeakGenerator,
};

// The kinds of dict views (Object::subtype of a kDictView).
enum class ViewKind : uint8_t { kKeys, kValues, kItems };

// Iterators, generators and views. Which fields matter depends on the kind
// (Object::subtype, an IteratorKind): `source` is the iterated object,
// `index` the position, `end` a bound, `extra` a second owned object
// (enumerate's current count, zip's tuple of iterators).
struct IteratorBody {
  ObjectId source = kNoObject;
  int64_t index = 0;
  int64_t end = 0;
  int64_t step = 1;
  ObjectId extra = kNoObject;
  int64_t position = 0;        // itertools.islice: the items read
  // itertools' combinatoric iterators: their index arrays and the PyMem
  // blocks holding them (0 for none).
  std::vector<int64_t> indices;
  std::vector<int64_t> cycles;
  uint64_t indices_block = 0;
  uint64_t cycles_block = 0;
  uint32_t generator = 0;      // interpreter state, for generators
  // Generators: their code object (not a reference: the program's
  // constants keep it).
  ObjectId code = kNoObject;
  uint32_t frame_slots = 0;    // generators: their frame's locals plus stack slots
  std::vector<ObjectId> held;  // generators: frame slots and clause iterators
  // A generator function's generator: objects its suspended evaluation
  // holds (for-loop iterators, CPython's value stack), whose references
  // that evaluation owns and drops; visited, never dropped, through here.
  std::vector<ObjectId> stack;
  // A generator function's generator that has not finished: freeing it
  // closes it (see Profile::generator_close_*_clears_frame).
  bool needs_close = false;
  bool started = false;  // its body has run (a generator function has or had a fiber)
  bool delegating = false;  // paused in a `yield from`
  // An earlier run's paused statements' objects were moved into `held`.
  bool holds_paused_stack = false;
};

// A raised exception: its class name, args tuple and the __cause__ a
// `raise ... from` gave it (None for `from None`; kNoObject when unset).
struct ExceptionBody {
  std::string type_name;
  ObjectId args = kNoObject;
  ObjectId cause = kNoObject;
};

// A module (sys, gc, tracemalloc, __main__).
struct ModuleBody {
  std::string name;
  ObjectId dict = kNoObject;
};

// A heap frame object (3.8 to 3.10); its locals live in the FrameStack.
struct FrameBody {
  ObjectId code = kNoObject;  // owned
  uint32_t capacity = 0;      // slots the block was sized for
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_BODIES_H_
