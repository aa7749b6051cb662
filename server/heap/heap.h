// Heap is one simulated CPython heap: every object a program has made, the
// references between them, the allocator state beneath them, the free
// lists, the cyclic GC's generations and the frames whose names hold
// objects. It is the engine's single entry point; type-specific behaviour
// (list growth, dict resizing, int arithmetic results, ...) lives in the
// *_object.h modules, which build on the primitives here.
//
// Ownership. Every reference the simulation holds is counted: a name bound
// in a frame, an item of a container, a temporary of the interpreter (a
// Ref). When a count reaches zero the object is deallocated at once, in
// CPython's order (items last to first, then buffers, then the object), and
// its memory goes to its type's free list or back to the allocator. Deep
// chains are unwound through a trashcan exactly like CPython's.
//
// Determinism. Nothing depends on host addresses, hashing seeds or time:
// the same calls on the same profile give the same ids and figures.
//
// Copies. A Heap can be copied; the copy is an independent simulation in
// the same state (observers are not copied). Callers use this to make a
// batch of operations all-or-nothing.
//
// Thread safety: none. Callers serialise access to one Heap.

#ifndef HEAPSIM_SERVER_HEAP_HEAP_H_
#define HEAPSIM_SERVER_HEAP_HEAP_H_

#include <array>
#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "server/heap/allocator.h"
#include "server/heap/bodies.h"
#include "server/heap/frame_stack.h"
#include "server/heap/gc_state.h"
#include "server/heap/object.h"
#include "server/heap/observer.h"
#include "server/heap/profile.h"
#include "server/heap/slab.h"
#include "server/heap/trace_object.h"
#include "server/heap/type_info.h"

namespace heapsim {

class Heap;

// The free lists that keep blocks of one size (Heap::FreeLists).
enum class FreeListKind : uint8_t {
  kFloats, kLists, kDicts, kDictKeys, kSlices, kBuiltinMethods, kMethods, kTuples
};

// Ref owns one reference to a simulated object and drops it when destroyed.
// Move-only. A null Ref owns nothing.
class Ref {
 public:
  Ref() = default;
  // Adopts a reference the caller already owns.
  Ref(Heap* heap, ObjectId id) : heap_(heap), id_(id) {}
  Ref(Ref&& other) noexcept : heap_(other.heap_), id_(std::exchange(other.id_, kNoObject)) {}
  Ref& operator=(Ref&& other) noexcept;
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
  ~Ref() { Reset(); }

  ObjectId get() const { return id_; }
  explicit operator bool() const { return id_ != kNoObject; }

  // Gives up ownership without dropping the reference.
  ObjectId release() { return std::exchange(id_, kNoObject); }
  // Drops the reference now.
  inline void Reset();

 private:
  Heap* heap_ = nullptr;
  ObjectId id_ = kNoObject;
};

class Heap {
 public:
  explicit Heap(const Profile& profile);
  Heap(const Heap& other) = default;
  Heap& operator=(const Heap& other) = default;

  const Profile& profile() const { return *profile_; }

  // ---------------------------------------------------------------------
  // Objects
  // ---------------------------------------------------------------------

  // True if `id` names a live object.
  bool IsLive(ObjectId id) const {
    return id != kNoObject && id < objects_.size() && objects_[id].refcount != 0;
  }
  // The record of a live object. REQUIRES: IsLive(id).
  const Object& object(ObjectId id) const { return objects_[id]; }
  TypeTag type_of(ObjectId id) const { return objects_[id].type; }
  // True if `id` names a live object (for checks of ids from elsewhere).
  bool is_live(ObjectId id) const {
    return id != kNoObject && id < objects_.size() && objects_[id].refcount != 0;
  }
  // The simulated id() of a live object.
  uint64_t address_of(ObjectId id) const { return objects_[id].address; }
  // The live object at simulated address `address`, or kNoObject. O(objects).
  ObjectId FindByAddress(uint64_t address) const;
  // Blocks the simulated interpreter itself holds for good (one in every
  // pymalloc size class), as a real interpreter's startup objects do.
  const std::vector<uint64_t>& interpreter_blocks() const { return interpreter_blocks_; }
  // Live objects, immortal and static ones included.
  size_t live_objects() const { return live_objects_; }
  // Calls `visit(id, object)` for every live object, in id order.
  template <typename Visitor>
  void ForEachObject(Visitor&& visit) const;

  // ---------------------------------------------------------------------
  // References
  // ---------------------------------------------------------------------

  void IncRef(ObjectId id) {
    Object& o = objects_[id];
    if (!(o.flags & kImmortal)) ++o.refcount;
  }
  // Drops a reference; at zero the object is deallocated (cascading).
  void DecRef(ObjectId id) {
    Object& o = objects_[id];
    if (o.flags & kImmortal) return;
    if (--o.refcount == 0) {
      Deallocate(id);
    } else if (gc_.timing.collection_possible && o.has(kGcTracked)) [[unlikely]] {
      NoteRelease(id);
    }
  }
  // A new owned reference to `id`.
  Ref NewRef(ObjectId id) {
    IncRef(id);
    return Ref(this, id);
  }
  // Wraps a reference the caller owns.
  Ref Adopt(ObjectId id) { return Ref(this, id); }
  // What sys.getrefcount would report for the object, without the argument's
  // own reference (callers holding the argument have counted it already).
  uint64_t refcount(ObjectId id) const;

  // ---------------------------------------------------------------------
  // Singletons and caches
  // ---------------------------------------------------------------------

  ObjectId none() const { return none_; }
  ObjectId not_implemented() const { return not_implemented_; }
  ObjectId ellipsis() const { return ellipsis_; }
  ObjectId true_object() const { return true_; }
  ObjectId false_object() const { return false_; }
  ObjectId bool_object(bool value) const { return value ? true_ : false_; }
  ObjectId empty_tuple() const { return empty_tuple_; }
  ObjectId empty_str() const { return empty_str_; }
  ObjectId empty_bytes() const { return empty_bytes_; }
  static constexpr int64_t kSmallIntMin = -5;
  static constexpr int64_t kSmallIntMax = 256;
  static bool IsSmallInt(int64_t v) { return v >= kSmallIntMin && v <= kSmallIntMax; }
  // REQUIRES: IsSmallInt(v).
  ObjectId small_int(int64_t v) const { return small_ints_[v - kSmallIntMin]; }
  // The cached one-character str for a code point below 256 (made on first
  // use, as CPython does), and the cached one-byte bytes object.
  ObjectId LatinOneChar(uint32_t code_point);
  ObjectId SingleByte(uint8_t byte);
  // Makes the cached one-byte bytes object for `byte` if there is none, as
  // one the interpreter made before the script ran (static, as start-up's):
  // 3.9 and 3.10's parser keeps a bytes object of every token's text.
  void MakeParsedOneByte(uint8_t byte);
  // The interned str equal to `utf8`, or kNoObject.
  ObjectId FindInterned(std::string_view utf8) const;
  // Makes `id` (a str) the interned copy of its value.
  void Intern(ObjectId id);
  // Removes a dying interned str from the table.
  void ForgetInterned(ObjectId id) { interned_.erase(strs_[objects_[id].payload].utf8); }

  // ---------------------------------------------------------------------
  // Creation and destruction primitives (for the type modules)
  // ---------------------------------------------------------------------

  // Bytes in front of an object of `type` inside its block: the GC header,
  // and the pre-header of managed-dict instances from 3.11.
  uint32_t HeaderBytes(TypeTag type) const;
  // True when `type`'s objects have a GC header and may be tracked on this
  // profile: the types of IsGcType, and arrays where the profile says.
  bool IsGcType(TypeTag type) const {
    return heapsim::IsGcType(type) || (type == TypeTag::kArray && profile_->array.gc_tracked);
  }
  // The same for one live object: an instance's pre-header depends on its
  // class (slotted instances may have none).
  uint32_t HeaderBytesOf(ObjectId id) const;

  // Makes an object of `type` in a new block of `request` bytes (header
  // included) and returns it with one reference, untracked. A GC type's
  // allocation counts toward automatic collection and may run one first.
  ObjectId NewObject(TypeTag type, uint64_t request);
  // NewObject for an instance whose pre-header (in front of its GC header)
  // is `preheader` bytes rather than the profile's.
  ObjectId NewInstanceObject(uint64_t request, uint8_t preheader);
  // Makes a statically allocated object of `type` (the interpreter's own
  // builtins and type objects): no heap block, never freed, and immortal
  // where the profile makes singletons immortal. Its references are those
  // start-up left on singletons, or `refcount` when given (an object made
  // before the script ran for one owner of the model's).
  ObjectId NewStaticObject(TypeTag type, uint64_t size,
                           std::optional<uint32_t> refcount = std::nullopt);

  // Makes an object of `type` at `address`, a block kept on a free list:
  // nothing is allocated and the GC count is unchanged; a traced block takes
  // the current traceback (Tracemalloc::OnReuse).
  ObjectId NewObjectAt(TypeTag type, uint64_t address);
  // Ends a dead object's record. Unless `keep_block`, its block goes back to
  // the allocator (and a GC object leaves the GC count).
  // REQUIRES: the object's referents were released and it is untracked.
  void ReleaseObject(ObjectId id, bool keep_block);

  // Separately allocated buffers (list items, dict keys, set tables, ...).
  uint64_t AllocateBuffer(uint64_t nbytes) { return allocator_.Malloc(nbytes); }
  // A bound builtin method CPython makes and drops unseen inside a call
  // (Profile::builtin_method_freelist): with a free list, the first one
  // after the list was emptied is a new GC object (counted in gen 0) whose
  // block then stays on the list; otherwise it leaves no trace.
  void BindTransientMethod();
  // A special method's lookup (_PyObject_LookupSpecial, such as
  // __length_hint__'s), which binds a builtin method in every version: as
  // BindTransientMethod with a free list; without one the method is
  // allocated and freed at once (which may start a collection and counts
  // towards tracemalloc's peak).
  void BindSpecialMethod();
  // A block C code makes and frees at once (an interned str made again):
  // `bytes` count towards tracemalloc's peak.
  void MakeTransientBlock(uint64_t bytes);
  // A bound builtin method C code makes for one call and drops after it
  // (PyFile_WriteObject's file.write): with a free list, as
  // BindTransientMethod, and 0 is returned; otherwise a new GC object
  // (which may start a collection) whose block is returned, to pass to
  // DropTransientMethod when the call is done.
  uint64_t MakeTransientMethod();
  void DropTransientMethod(uint64_t block);
  // A GC object CPython makes and heapsim does not model (3.11+: the frame
  // object a traceback needs for a running frame): counted in generation 0,
  // which may start a collection, as its allocation does.
  void CountUnmodelledGcObject();
  // That object is freed: generation 0's count drops (never below 0).
  void UncountUnmodelledGcObject();
  // PyObject_Realloc of an object's own block (PyUnicode_Append growing a
  // str nobody else holds): the object may move, and its id() with it.
  void ReallocateObject(ObjectId id, uint64_t request);
  uint64_t ReallocateBuffer(uint64_t block, uint64_t nbytes) {
    return allocator_.Realloc(block, nbytes);
  }
  void FreeBuffer(uint64_t block) {
    if (block == 0) return;
    if (!finalizer_queue_.empty()) {
      finalizer_queue_.push_back(
          {.kind = QueuedStep::Kind::kFreeBlock, .block = block, .depth = dealloc_depth_});
      return;
    }
    allocator_.Free(block);
  }
  // Ends a dead object's record and keeps its block on free list `kind`
  // (the tuples' list for `tuple_length`) when that holds fewer than
  // `capacity` blocks, else frees it. REQUIRES: as ReleaseObject.
  void ReleaseToFreeList(ObjectId id, FreeListKind kind, uint32_t capacity,
                         uint32_t tuple_length = 0);
  // Keeps `block` (not an object's) on free list `kind` when that holds
  // fewer than `capacity` blocks, else frees it.
  void KeepOrFreeBuffer(uint64_t block, FreeListKind kind, uint32_t capacity);

  // Per-type bodies. REQUIRES: the object has that type.
  BigInt& big_int(ObjectId id) { return big_ints_[objects_[id].payload]; }
  ComplexBody& complex(ObjectId id) { return complexes_[objects_[id].payload]; }
  StrBody& str(ObjectId id) { return strs_[objects_[id].payload]; }
  BytesBody& bytes(ObjectId id) { return bytes_[objects_[id].payload]; }
  ListBody& list(ObjectId id) { return lists_[objects_[id].payload]; }
  TupleBody& tuple(ObjectId id) { return tuples_[objects_[id].payload]; }
  DictBody& dict(ObjectId id) { return dicts_[objects_[id].payload]; }
  SetBody& set(ObjectId id) { return sets_[objects_[id].payload]; }
  RangeBody& range(ObjectId id) { return ranges_[objects_[id].payload]; }
  SliceBody& slice(ObjectId id) { return slices_[objects_[id].payload]; }
  InstanceBody& instance(ObjectId id) { return instances_[objects_[id].payload]; }
  ClassBody& cls(ObjectId id) { return classes_[objects_[id].payload]; }
  SharedKeysBody& shared_keys(uint32_t handle) { return shared_keys_[handle - 1]; }
  const SharedKeysBody& shared_keys(uint32_t handle) const { return shared_keys_[handle - 1]; }
  // A new shared keys table, with one reference for the caller.
  uint32_t NewSharedKeys(SharedKeysBody body) {
    body.refcount = 1;
    return shared_keys_.Add(std::move(body)) + 1;
  }
  void IncRefSharedKeys(uint32_t handle) { ++shared_keys_[handle - 1].refcount; }
  // Drops a reference; the last one releases the names and the keys block.
  void DecRefSharedKeys(uint32_t handle);
  template <typename Visitor>
  void ForEachSharedKeys(Visitor&& visit) const {
    shared_keys_.ForEach(visit);
  }
  // Calls `visit(id)` for each heap-allocated singleton the caches own a
  // reference to (one-character strs and one-byte bytes before 3.11, 3.8's
  // empty frozenset), and for the thread state's dict and the parsers'
  // keyword tuples, which the interpreter holds.
  template <typename Visitor>
  void ForEachCachedSingleton(Visitor&& visit) const {
    for (const auto* cache : {&latin_one_chars_, &single_bytes_}) {
      for (ObjectId id : *cache) {
        if (id != kNoObject && !objects_[id].has(kStatic)) visit(id);
      }
    }
    if (thread_dict_ != kNoObject) visit(thread_dict_);
    for (ObjectId id : parser_keywords_) visit(id);
    if (empty_frozenset_ != kNoObject && !objects_[empty_frozenset_].has(kStatic)) {
      visit(empty_frozenset_);
    }
  }
  FunctionBody& function(ObjectId id) { return functions_[objects_[id].payload]; }
  CodeBody& code(ObjectId id) { return codes_[objects_[id].payload]; }
  CellBody& cell(ObjectId id) { return cells_[objects_[id].payload]; }
  MemberBody& member(ObjectId id) { return members_[objects_[id].payload]; }
  const MemberBody& member(ObjectId id) const { return members_[objects_[id].payload]; }
  const SuperBody& super_body(ObjectId id) const { return supers_[objects_[id].payload]; }
  PartialBody& partial(ObjectId id) { return partials_[objects_[id].payload]; }
  const PartialBody& partial(ObjectId id) const { return partials_[objects_[id].payload]; }
  ManagedBufferBody& managed_buffer(ObjectId id) { return managed_buffers_[objects_[id].payload]; }
  const ManagedBufferBody& managed_buffer(ObjectId id) const {
    return managed_buffers_[objects_[id].payload];
  }
  MemoryViewBody& memoryview(ObjectId id) { return memoryviews_[objects_[id].payload]; }
  const MemoryViewBody& memoryview(ObjectId id) const {
    return memoryviews_[objects_[id].payload];
  }
  LruCacheBody& lru_cache(ObjectId id) { return lru_caches_[objects_[id].payload]; }
  const LruCacheBody& lru_cache(ObjectId id) const { return lru_caches_[objects_[id].payload]; }
  LruLinkBody& lru_link(ObjectId id) { return lru_links_[objects_[id].payload]; }
  const LruLinkBody& lru_link(ObjectId id) const { return lru_links_[objects_[id].payload]; }
  const TraceObjectBody& trace_object(ObjectId id) const {
    return trace_objects_[objects_[id].payload];
  }
  WrapperBody& wrapper(ObjectId id) { return wrappers_[objects_[id].payload]; }
  const WrapperBody& wrapper(ObjectId id) const { return wrappers_[objects_[id].payload]; }
  BoundBody& bound(ObjectId id) { return bounds_[objects_[id].payload]; }
  WeakRefBody& weakref(ObjectId id) { return weakrefs_[objects_[id].payload]; }
  DequeBody& deque(ObjectId id) { return deques_[objects_[id].payload]; }
  IteratorBody& iterator(ObjectId id) { return iterators_[objects_[id].payload]; }
  ExceptionBody& exception(ObjectId id) { return exceptions_[objects_[id].payload]; }
  ModuleBody& module(ObjectId id) { return modules_[objects_[id].payload]; }
  FrameBody& frame_body(ObjectId id) { return frame_bodies_[objects_[id].payload]; }
  const FrameBody& frame_body(ObjectId id) const { return frame_bodies_[objects_[id].payload]; }
  const ComplexBody& complex(ObjectId id) const { return complexes_[objects_[id].payload]; }
  const StrBody& str(ObjectId id) const { return strs_[objects_[id].payload]; }
  const BigInt& big_int(ObjectId id) const { return big_ints_[objects_[id].payload]; }
  const BytesBody& bytes(ObjectId id) const { return bytes_[objects_[id].payload]; }
  const ListBody& list(ObjectId id) const { return lists_[objects_[id].payload]; }
  const TupleBody& tuple(ObjectId id) const { return tuples_[objects_[id].payload]; }
  const DictBody& dict(ObjectId id) const { return dicts_[objects_[id].payload]; }
  const SetBody& set(ObjectId id) const { return sets_[objects_[id].payload]; }
  const RangeBody& range(ObjectId id) const { return ranges_[objects_[id].payload]; }
  const SliceBody& slice(ObjectId id) const { return slices_[objects_[id].payload]; }
  const InstanceBody& instance(ObjectId id) const { return instances_[objects_[id].payload]; }
  const ClassBody& cls(ObjectId id) const { return classes_[objects_[id].payload]; }
  const FunctionBody& function(ObjectId id) const { return functions_[objects_[id].payload]; }
  const CodeBody& code(ObjectId id) const { return codes_[objects_[id].payload]; }
  const CellBody& cell(ObjectId id) const { return cells_[objects_[id].payload]; }
  const BoundBody& bound(ObjectId id) const { return bounds_[objects_[id].payload]; }
  const WeakRefBody& weakref(ObjectId id) const { return weakrefs_[objects_[id].payload]; }
  WeakContainerBody& weak_container(ObjectId id) { return weak_containers_[objects_[id].payload]; }
  const WeakContainerBody& weak_container(ObjectId id) const {
    return weak_containers_[objects_[id].payload];
  }
  const DequeBody& deque(ObjectId id) const { return deques_[objects_[id].payload]; }
  const IteratorBody& iterator(ObjectId id) const { return iterators_[objects_[id].payload]; }
  const ExceptionBody& exception(ObjectId id) const {
    return exceptions_[objects_[id].payload];
  }
  const ModuleBody& module(ObjectId id) const { return modules_[objects_[id].payload]; }

  // Attaches a body to a new object (its payload), by type.
  void AttachBody(ObjectId id, BigInt body) { Attach(id, big_ints_, std::move(body)); }
  void AttachBody(ObjectId id, ComplexBody body) { Attach(id, complexes_, std::move(body)); }
  void AttachBody(ObjectId id, StrBody body) { Attach(id, strs_, std::move(body)); }
  void AttachBody(ObjectId id, BytesBody body) { Attach(id, bytes_, std::move(body)); }
  void AttachBody(ObjectId id, ListBody body) { Attach(id, lists_, std::move(body)); }
  void AttachBody(ObjectId id, TupleBody body) { Attach(id, tuples_, std::move(body)); }
  void AttachBody(ObjectId id, DictBody body) { Attach(id, dicts_, std::move(body)); }
  void AttachBody(ObjectId id, SetBody body) { Attach(id, sets_, std::move(body)); }
  void AttachBody(ObjectId id, RangeBody body) { Attach(id, ranges_, std::move(body)); }
  void AttachBody(ObjectId id, SliceBody body) { Attach(id, slices_, std::move(body)); }
  void AttachBody(ObjectId id, InstanceBody body) { Attach(id, instances_, std::move(body)); }
  void AttachBody(ObjectId id, ClassBody body) { Attach(id, classes_, std::move(body)); }
  void AttachBody(ObjectId id, FunctionBody body) { Attach(id, functions_, std::move(body)); }
  void AttachBody(ObjectId id, CodeBody body) { Attach(id, codes_, std::move(body)); }
  void AttachBody(ObjectId id, CellBody body) { Attach(id, cells_, std::move(body)); }
  void AttachBody(ObjectId id, MemberBody body) { Attach(id, members_, std::move(body)); }
  void AttachBody(ObjectId id, SuperBody body) { Attach(id, supers_, std::move(body)); }
  void AttachBody(ObjectId id, PartialBody body) { Attach(id, partials_, std::move(body)); }
  void AttachBody(ObjectId id, ManagedBufferBody body) {
    Attach(id, managed_buffers_, std::move(body));
  }
  void AttachBody(ObjectId id, MemoryViewBody body) { Attach(id, memoryviews_, std::move(body)); }
  void AttachBody(ObjectId id, LruCacheBody body) { Attach(id, lru_caches_, std::move(body)); }
  void AttachBody(ObjectId id, LruLinkBody body) { Attach(id, lru_links_, std::move(body)); }
  void AttachBody(ObjectId id, TraceObjectBody body) {
    Attach(id, trace_objects_, std::move(body));
  }
  void AttachBody(ObjectId id, WrapperBody body) { Attach(id, wrappers_, std::move(body)); }
  void AttachBody(ObjectId id, BoundBody body) { Attach(id, bounds_, std::move(body)); }
  void AttachBody(ObjectId id, WeakRefBody body) { Attach(id, weakrefs_, std::move(body)); }
  void AttachBody(ObjectId id, WeakContainerBody body) {
    Attach(id, weak_containers_, std::move(body));
  }
  void AttachBody(ObjectId id, DequeBody body) { Attach(id, deques_, std::move(body)); }
  void AttachBody(ObjectId id, IteratorBody body) { Attach(id, iterators_, std::move(body)); }
  void AttachBody(ObjectId id, ExceptionBody body) { Attach(id, exceptions_, std::move(body)); }
  void AttachBody(ObjectId id, ModuleBody body) { Attach(id, modules_, std::move(body)); }
  void AttachBody(ObjectId id, FrameBody body) { Attach(id, frame_bodies_, std::move(body)); }

  // Sets the per-type detail byte of a live object.
  void set_subtype(ObjectId id, uint8_t subtype) { objects_[id].subtype = subtype; }
  // Stores an inline value (small int or float) in a live object.
  void set_small_int(ObjectId id, int64_t value) { objects_[id].small_int = value; }
  void set_real(ObjectId id, double value) { objects_[id].real = value; }

  // The weak references to each object that has some (flag kHasWeakRefs),
  // in the order of CPython's per-object list. Kept by weakref_object.cc.
  using WeakLists = absl::flat_hash_map<ObjectId, std::vector<ObjectId>>;
  WeakLists& weak_lists() { return weak_lists_; }
  const WeakLists& weak_lists() const { return weak_lists_; }
  // Sets or clears a flag bit of a live object (kHasWeakRefs, and
  // kGcUnreachable while a collection's finalizers may free it).
  void set_flag(ObjectId id, ObjectFlag flag, bool on) {
    objects_[id].flags = static_cast<uint8_t>(on ? (objects_[id].flags | flag) : (objects_[id].flags & ~flag));
  }

  // The thread state's dict (PyThreadState_GetDict) and the list Py_ReprEnter
  // keeps in it (repr_state.h): kNoObject until the first repr that enters
  // an object makes them. The heap owns one reference to the dict, which
  // holds the list.
  ObjectId thread_dict() const { return thread_dict_; }
  ObjectId repr_list() const { return repr_list_; }
  // Takes over a reference to `dict`, which holds `list`.
  void set_thread_dict(ObjectId dict, ObjectId list) {
    thread_dict_ = dict;
    repr_list_ = list;
  }

  // Takes over a reference to `tuple`, the keyword names an argument
  // parser of CPython's (_PyArg_Parser's kwtuple) made on its first use and
  // keeps for the rest of the run.
  void HoldParserKeywords(ObjectId tuple) { parser_keywords_.push_back(tuple); }

  // The shared empty frozenset (Profile::empty_frozenset): kNoObject while
  // there is none yet (3.8, until a frozenset() call makes it) or ever
  // (3.10+).
  ObjectId empty_frozenset() const { return empty_frozenset_; }
  // Takes over a reference to `set`, the empty frozenset made on first use,
  // shared for the rest of the run. REQUIRES: none is held yet.
  void HoldEmptyFrozenSet(ObjectId set) {
    assert(empty_frozenset_ == kNoObject);
    empty_frozenset_ = set;
  }

  // ---------------------------------------------------------------------
  // Free lists (block addresses, newest last)
  // ---------------------------------------------------------------------

  struct FreeLists {
    std::vector<uint64_t> floats;
    std::vector<uint64_t> lists;
    std::vector<uint64_t> dicts;
    std::vector<uint64_t> dict_keys;
    // The dict-keys free list holds what CPython's first imports left,
    // which was not measured before 3.13: taking an 8-slot keys table from
    // it or giving one back makes tracemalloc's figures inexact until a
    // full collection empties it.
    bool dict_keys_unknown = false;
    std::vector<uint64_t> slices;  // the one-slice cache
    std::vector<uint64_t> builtin_methods;
    std::vector<uint64_t> methods;  // bound methods of Python functions (3.8)
    std::vector<std::vector<uint64_t>> tuples;  // by length
    // Heap frames (3.8 to 3.10): block and slot capacity.
    std::vector<std::pair<uint64_t, uint32_t>> frames;
    // Blocks freed by deques, for any deque (before 3.11; deque_object.h).
    std::vector<uint64_t> deque_blocks;
  };
  FreeLists& free_lists() { return free_lists_; }
  // The free list of `kind` (for tuples, of `tuple_length`).
  std::vector<uint64_t>& free_list(FreeListKind kind, uint32_t tuple_length);
  const FreeLists& free_lists() const { return free_lists_; }
  // Empties every free list, returning the blocks to the allocator (what a
  // full collection does).
  void ClearFreeLists();

  // ---------------------------------------------------------------------
  // Cyclic GC
  // ---------------------------------------------------------------------

  GcState& gc() { return gc_; }
  const GcState& gc() const { return gc_; }

  // sys.getrecursionlimit(): CPython's limit on nested Python calls (the
  // module's frame included), and before 3.12 on C-level recursion too.
  static constexpr uint32_t kDefaultRecursionLimit = 1000;
  // The deepest nesting heapsim answers for under a limit raised by
  // sys.setrecursionlimit; past it work is refused rather than recursing
  // further on the host's stack. Calls: CPython 3.8 to 3.11 overflow their
  // C stack from about 9,500 nested calls made through C code (8 MiB
  // stacks), so the depth where every version still answers; C-level
  // recursion (repr and comparison of nested containers): the deepest any
  // profile's own C recursion limit reaches (3.13's).
  static constexpr uint32_t kMaxModelledCallDepth = 5000;
  static constexpr uint32_t kMaxModelledCDepth = 10000;
  uint32_t recursion_limit() const { return recursion_limit_; }
  // sys.setrecursionlimit(limit). REQUIRES: limit >= 1.
  void set_recursion_limit(uint32_t limit) { recursion_limit_ = limit; }
  // Puts a GC object in the youngest generation / takes it out.
  void Track(ObjectId id);
  void Untrack(ObjectId id);
  bool IsTracked(ObjectId id) const { return objects_[id].has(kGcTracked); }
  // Moves a tracked object to the end of generation `generation`'s list.
  void MoveToGeneration(ObjectId id, int generation);
  // Appends generation `from`'s list to the end of generation `to`'s, as
  // CPython's gc_list_merge (GcState::kPermanent names the permanent
  // generation). REQUIRES: from != to.
  void MergeGeneration(int from, int to);

  // ---------------------------------------------------------------------
  // Frames, memory, observation
  // ---------------------------------------------------------------------

  FrameStack& frames() { return frames_; }
  const FrameStack& frames() const { return frames_; }
  // The tracebacks of exceptions that outlived their handlers, by exception
  // (traceback_object.h keeps them).
  using HeldTracebacks = absl::flat_hash_map<ObjectId, HeldTraceback>;
  HeldTracebacks& held_tracebacks() { return held_tracebacks_; }
  // The frames they hold together (traceback_object.cc keeps the count).
  uint64_t& held_traceback_frames() { return held_traceback_frames_; }
  // The traceback exception `id` holds, or null.
  const HeldTraceback* held_traceback(ObjectId id) const {
    if (held_tracebacks_.empty()) return nullptr;
    auto it = held_tracebacks_.find(id);
    return it == held_tracebacks_.end() ? nullptr : &it->second;
  }

  // Generators freed before they finished (IteratorBody::needs_close), by
  // their IteratorBody::generator, in order. Unclosed ones are those whose
  // closing CPython does in a way heapsim does not model, so the interpreter
  // refuses the run once there is one; closed ones were closed as CPython
  // does (their frame cleared) and only their fibers remain to unwind.
  // Taking them clears the list.
  void NoteUnclosedGenerator(uint32_t state) { unclosed_generators_.push_back(state); }
  void NoteClosedGenerator(uint32_t state) { closed_generators_.push_back(state); }
  // A collection under DEBUG_SAVEALL found a generator unreachable: CPython
  // finalizes it (closing it through its frame) before saving it, which
  // heapsim does not model, so the interpreter refuses the run.
  void NoteGeneratorFinalizedByCollector() { generator_finalized_by_collector_ = true; }
  bool TakeGeneratorFinalizedByCollector() {
    return std::exchange(generator_finalized_by_collector_, false);
  }
  bool has_freed_generators() const {
    return !unclosed_generators_.empty() || !closed_generators_.empty() ||
           generator_finalized_by_collector_;
  }
  std::vector<uint32_t> TakeUnclosedGenerators() { return std::exchange(unclosed_generators_, {}); }
  std::vector<uint32_t> TakeClosedGenerators() { return std::exchange(closed_generators_, {}); }

  // ---------------------------------------------------------------------
  // Finalizers (__del__)
  // ---------------------------------------------------------------------
  //
  // The engine never runs Python code, so an instance whose finalizer is
  // due (NeedsFinalizer) is not deallocated when its count reaches zero:
  // it is parked, keeping one reference owned by the finalizer queue, and
  // moved to the end of generation 0 as subtype_dealloc re-tracks it.
  // From then until the interpreter takes the queue, the memory the
  // operation goes on releasing (blocks freed, blocks kept on free lists)
  // is queued behind it, as CPython releases it only after the finalizer
  // returned. The interpreter takes the queue at its next safe point and
  // works through it in order: for a parked instance it runs the finalizer
  // (then MarkFinalized) and drops the reference (the object is then
  // deallocated, or survives if the finalizer resurrected it); a release it
  // hands back to CompleteRelease.

  // One entry of the finalizer queue.
  struct QueuedStep {
    // kFinalize: run the instance's __del__; kClearWeakRefs: clear the weak
    // references to the parked object and run their callbacks
    // (PyObject_ClearWeakRefs); kRelease: drop the reference that kept a
    // weak reference alive for the callback its parked referent owes it;
    // the others release memory.
    enum class Kind : uint8_t { kFinalize, kClearWeakRefs, kRelease, kFreeBlock, kKeepOrFree };
    Kind kind = Kind::kFinalize;
    // kFinalize, kClearWeakRefs, kRelease: the object (one reference).
    ObjectId instance = kNoObject;
    uint64_t block = 0;             // the block released
    bool gc_object = false;         // the block held a GC object (leaves gen 0's count)
    FreeListKind free_list = FreeListKind::kFloats;  // kKeepOrFree: kept here if room
    uint32_t tuple_length = 0;      // for FreeListKind::kTuples
    uint32_t capacity = 0;          // the free list's capacity
    // How many deallocations deep (the trashcan's count) CPython would be
    // doing this step: a parked instance's finalizer runs inside its own
    // deallocation, one level below where its count reached zero.
    uint32_t depth = 0;
  };

  // True if `id` is a live instance whose class defines __del__ and whose
  // finalizer has not run (CPython's tp_finalize without _PyGC_FINALIZED).
  bool NeedsFinalizer(ObjectId id) const;
  // The same test for a record whose count just reached zero (liveness
  // aside): an instance of a class defining __del__, not yet finalized.
  bool FinalizerDue(ObjectId id) const;
  // Sets the finalized flag of `id` (gc.is_finalized), before its
  // finalizer runs in a collection and after it when its count dropped to
  // zero: it never runs again for this object, whatever happens to it.
  void MarkFinalized(ObjectId id) { objects_[id].flags |= kFinalized; }
  // True when the interpreter has work at its next safe point: parked
  // finalizers, or a refusal due (TakeUntrashedChainRefusal).
  bool has_pending_finalizers() const {
    return !finalizer_queue_.empty() || !untrashed_chain_refusal_.empty();
  }
  // Takes the queue, in order; the caller owns each parked instance's
  // reference and each release's block.
  std::vector<QueuedStep> TakeFinalizerQueue() { return std::exchange(finalizer_queue_, {}); }
  // Puts back steps taken and not done (their references and blocks pass
  // back to the queue), ahead of any queued since.
  void ReturnFinalizerQueue(const std::vector<QueuedStep>& steps) {
    finalizer_queue_.insert(finalizer_queue_.begin(), steps.begin(), steps.end());
  }
  // Does a queued release now. REQUIRES: step.kind is a release.
  void CompleteRelease(const QueuedStep& step);
  // The trashcan's count of nested deallocations, which the interpreter
  // sets to a step's depth while it does that step (and restores).
  uint32_t dealloc_depth() const { return dealloc_depth_; }
  void set_dealloc_depth(uint32_t depth) { dealloc_depth_ = depth; }
  // Deallocations the trashcan deferred, done when the nesting is back to
  // zero: EmptyTrashcan does them now, newest first.
  bool has_deferred_deallocs() const { return !deferred_deallocs_.empty(); }
  void EmptyTrashcan();
  // Calls `visit(id)` for each parked object (the queue's reference).
  template <typename Visitor>
  void ForEachPendingFinalizer(Visitor&& visit) const {
    for (const QueuedStep& step : finalizer_queue_) {
      if (step.instance != kNoObject) visit(step.instance);
    }
  }
  // Calls `visit(block)` for each block a queued release holds.
  template <typename Visitor>
  void ForEachQueuedBlock(Visitor&& visit) const {
    for (const QueuedStep& step : finalizer_queue_) {
      if (step.instance == kNoObject) visit(step.block);
    }
  }
  // Whether a class defining __del__ was ever made on this heap (set by
  // whoever makes classes), so callers that cannot run finalizers know
  // when to guard against them.
  void NoteFinalizerClass() { finalizer_classes_ = true; }
  bool has_finalizer_classes() const { return finalizer_classes_; }
  // A collection met unreachable instances with finalizers, or weak
  // references with callbacks to unreachable objects, where nothing could
  // run them (inside an allocation, or a collection outside a
  // script). The interpreter refuses the run once this is set; taking it
  // clears it.
  void NoteUnrunFinalizers() { unrun_finalizers_ = true; }
  bool TakeUnrunFinalizers() { return std::exchange(unrun_finalizers_, false); }
  // The trashcan deferred the deallocation of an instance whose finalizer
  // is due (freed more than Profile::trashcan_depth deallocations deep),
  // which heapsim does not order exactly: the interpreter refuses the run
  // once this is set; taking it clears it.
  bool TakeFinalizerInTrashcan() { return std::exchange(finalizer_in_trashcan_, false); }
  // The same for an object weak references with callbacks name.
  bool TakeWeakRefCallbackInTrashcan() {
    return std::exchange(weakref_callback_in_trashcan_, false);
  }
  // Deques and defaultdicts nested deeper than this are freed through the
  // trashcan's list instead: their deallocs have none, so CPython recurses on
  // its C stack for each level (measured with 8 MiB: 100,000 deques freed,
  // 150,000 crash; 60,000 defaultdicts freed, 100,000 crash). A defaultdict
  // counts two levels.
  static constexpr uint32_t kMaxUntrashedDeallocDepth = 100000;
  // The refusal due when a chain of such containers deeper than
  // kMaxUntrashedDeallocDepth was freed, an outcome (a crash past a depth
  // CPython's stack decides) heapsim does not model: the interpreter refuses
  // the run when this is not empty; taking it clears it.
  std::string TakeUntrashedChainRefusal() { return std::exchange(untrashed_chain_refusal_, {}); }

  Allocator& allocator() { return allocator_; }
  const Allocator& allocator() const { return allocator_; }
  Tracemalloc& tracemalloc() { return allocator_.tracemalloc(); }
  const Tracemalloc& tracemalloc() const { return allocator_.tracemalloc(); }

  // Live objects per type (exact, maintained incrementally).
  uint64_t live_of_type(TypeTag type) const {
    return live_by_type_[static_cast<size_t>(type)];
  }

  // Builtin function objects carry the number their creator gave them
  // (BoundBody::builtin); their repr asks this function for the name it
  // stands for, or "" when it has none. Set once by whoever numbers the
  // builtins (the heap-script runtime); copied with the heap.
  using BuiltinNamer = std::string_view (*)(uint32_t builtin);
  void set_builtin_namer(BuiltinNamer namer) { builtin_namer_ = namer; }
  BuiltinNamer builtin_namer() const { return builtin_namer_; }

  // Observers are told of every change; they must outlive their
  // registration. Not copied with the heap.
  void AddObserver(HeapObserver* observer);
  void RemoveObserver(HeapObserver* observer);
  bool observed() const { return !observers_.list.empty(); }
  template <typename Event>
  void Notify(const Event& event) {
    for (HeapObserver* observer : observers_.list) observer->On(event);
  }

 private:
  friend class Ref;

  template <typename T>
  void Attach(ObjectId id, Slab<T>& slab, T body) {
    objects_[id].payload = slab.Add(std::move(body));
  }

  ObjectId NewRecord(TypeTag type, uint64_t address);
  // Counts a new GC object in gen 0, collecting when that crosses the
  // threshold as the profile's allocator does.
  void CountGcAllocation();
  // Logs a dropped reference to a tracked object that stays alive
  // (GcTimingWindow::releases).
  void NoteRelease(ObjectId id);
  void MakeSingletons();
  // Out of line: the type's deallocator, through the trashcan.
  void Deallocate(ObjectId id);
  void DeallocateNow(ObjectId id);
  // An instance whose finalizer is due is parked; anything else goes to
  // its type's deallocator. At the current depth, already counted.
  void DeallocateOrPark(ObjectId id);
  // Parks `id`, whose count reached zero, when weak references with
  // callbacks name it: its deallocation goes on once the interpreter ran
  // them (QueuedStep::Kind::kClearWeakRefs). True if it did.
  bool ParkForWeakRefCallbacks(ObjectId id);
  // Keeps weak reference `id`, whose count reached zero, alive when its
  // referent was parked (for __del__ or callbacks) by the deallocations
  // still under way, as CPython would have called its callback before it
  // died: a kRelease step drops it after them. True if it did.
  bool KeepForParkedReferent(ObjectId id);
  void DestroyBody(ObjectId id);

  const Profile* profile_;
  Allocator allocator_;
  BuiltinNamer builtin_namer_ = nullptr;
  std::vector<uint32_t> unclosed_generators_;
  bool generator_finalized_by_collector_ = false;
  std::vector<uint32_t> closed_generators_;
  std::vector<QueuedStep> finalizer_queue_;  // see QueuedStep
  bool unrun_finalizers_ = false;
  bool finalizer_classes_ = false;
  bool finalizer_in_trashcan_ = false;
  bool weakref_callback_in_trashcan_ = false;
  std::string untrashed_chain_refusal_;
  // Levels of nested deque and defaultdict deallocations now running.
  uint32_t untrashed_dealloc_depth_ = 0;

  // Object records; index 0 is never used. Dead records are recycled LIFO.
  std::vector<Object> objects_;
  std::vector<ObjectId> free_records_;
  uint64_t live_objects_ = 0;
  std::vector<uint64_t> interpreter_blocks_;
  std::array<uint64_t, static_cast<size_t>(TypeTag::kCount)> live_by_type_{};

  // Bodies.
  Slab<BigInt> big_ints_;
  Slab<ComplexBody> complexes_;
  Slab<StrBody> strs_;
  Slab<BytesBody> bytes_;
  Slab<ListBody> lists_;
  Slab<TupleBody> tuples_;
  Slab<DictBody> dicts_;
  Slab<SetBody> sets_;
  Slab<RangeBody> ranges_;
  Slab<SliceBody> slices_;
  Slab<InstanceBody> instances_;
  Slab<ClassBody> classes_;
  Slab<SharedKeysBody> shared_keys_;
  Slab<FunctionBody> functions_;
  Slab<CodeBody> codes_;
  Slab<CellBody> cells_;
  Slab<MemberBody> members_;
  Slab<SuperBody> supers_;
  Slab<PartialBody> partials_;
  Slab<ManagedBufferBody> managed_buffers_;
  Slab<MemoryViewBody> memoryviews_;
  Slab<LruCacheBody> lru_caches_;
  Slab<LruLinkBody> lru_links_;
  Slab<TraceObjectBody> trace_objects_;
  Slab<WrapperBody> wrappers_;
  Slab<BoundBody> bounds_;
  Slab<WeakRefBody> weakrefs_;
  Slab<WeakContainerBody> weak_containers_;
  Slab<DequeBody> deques_;
  Slab<IteratorBody> iterators_;
  Slab<ExceptionBody> exceptions_;
  Slab<ModuleBody> modules_;
  Slab<FrameBody> frame_bodies_;

  // Singletons and caches.
  ObjectId none_ = kNoObject;
  ObjectId not_implemented_ = kNoObject;
  ObjectId ellipsis_ = kNoObject;
  ObjectId true_ = kNoObject;
  ObjectId false_ = kNoObject;
  ObjectId empty_tuple_ = kNoObject;
  ObjectId empty_str_ = kNoObject;
  ObjectId empty_bytes_ = kNoObject;
  std::array<ObjectId, kSmallIntMax - kSmallIntMin + 1> small_ints_{};
  std::array<ObjectId, 256> latin_one_chars_{};
  std::array<ObjectId, 256> single_bytes_{};
  absl::flat_hash_map<std::string, ObjectId> interned_;
  ObjectId thread_dict_ = kNoObject;
  std::vector<ObjectId> parser_keywords_;  // see HoldParserKeywords
  ObjectId empty_frozenset_ = kNoObject;
  ObjectId repr_list_ = kNoObject;
  uint64_t next_static_address_;

  FreeLists free_lists_;
  WeakLists weak_lists_;
  GcState gc_;
  uint32_t recursion_limit_ = kDefaultRecursionLimit;
  FrameStack frames_;
  HeldTracebacks held_tracebacks_;
  uint64_t held_traceback_frames_ = 0;

  // The trashcan: deallocations nested deeper than the profile's limit are
  // deferred, newest first, until the outermost one finishes.
  uint32_t dealloc_depth_ = 0;
  std::vector<ObjectId> deferred_deallocs_;

  // Observers; a copied heap starts with none.
  struct ObserverList {
    std::vector<HeapObserver*> list;
    ObserverList() = default;
    ObserverList(const ObserverList&) {}
    ObserverList& operator=(const ObserverList&) { return *this; }
  };
  ObserverList observers_;
};

// ---- Inline definitions ----

inline void Ref::Reset() {
  if (id_ != kNoObject) heap_->DecRef(std::exchange(id_, kNoObject));
}

inline Ref& Ref::operator=(Ref&& other) noexcept {
  if (this != &other) {
    Reset();
    heap_ = other.heap_;
    id_ = std::exchange(other.id_, kNoObject);
  }
  return *this;
}

template <typename Visitor>
void Heap::ForEachObject(Visitor&& visit) const {
  for (ObjectId id = 1; id < objects_.size(); ++id) {
    if (objects_[id].refcount != 0) visit(id, objects_[id]);
  }
}

// Holds, for as long as it lives, a bound builtin method C code or the
// interpreter makes for one call (Heap::MakeTransientMethod), when `make`.
class ScopedTransientMethod {
 public:
  explicit ScopedTransientMethod(Heap& heap, bool make = true);
  ~ScopedTransientMethod();
  ScopedTransientMethod(const ScopedTransientMethod&) = delete;
  ScopedTransientMethod& operator=(const ScopedTransientMethod&) = delete;

 private:
  Heap& heap_;
  const uint64_t block_;
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_HEAP_H_
