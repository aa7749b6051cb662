#include "server/heap/heap.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "server/heap/dealloc.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/gc.h"
#include "server/heap/gc_timing.h"
#include "server/heap/weakref_object.h"

namespace heapsim {

namespace {

// Where statically allocated objects live: the interpreter binary's data
// segment, just below the brk heap.
constexpr uint64_t kStaticDataBase = 0x55d1e3c48a40;

}  // namespace

Heap::Heap(const Profile& profile)
    : profile_(&profile), allocator_(profile), next_static_address_(kStaticDataBase) {
  objects_.emplace_back();  // id 0 is never used
  free_lists_.tuples.resize(profile.tuple_freelist_max_len + 1);
  for (int g = 0; g < GcState::kGenerations; ++g) {
    gc_.generations[g].threshold = profile.gc_thresholds[g];
  }
  gc_.startup_frozen = profile.gc_startup_frozen;
  MakeSingletons();
  // The interpreter's own long-lived objects: a real CPython starts with
  // blocks in use in every size class, so the pool a program's objects go
  // to is never the only one of its class and does not fall empty (and
  // change class) when the program frees all of them.
  for (uint32_t size_class = 0; size_class < Pymalloc::kNumSizeClasses; ++size_class) {
    interpreter_blocks_.push_back(allocator_.Malloc(Pymalloc::BlockSizeOf(size_class)));
  }
  SeedStartupFreeLists(*this);
}

ObjectId Heap::NewRecord(TypeTag type, uint64_t address) {
  ObjectId id;
  if (!free_records_.empty()) {
    id = free_records_.back();
    free_records_.pop_back();
  } else {
    id = static_cast<ObjectId>(objects_.size());
    objects_.emplace_back();
  }
  Object& o = objects_[id];
  o = Object();
  o.address = address;
  o.refcount = 1;
  o.type = type;
  ++live_objects_;
  ++live_by_type_[static_cast<size_t>(type)];
  if (observed()) Notify(AllocEvent{id, type, address});
  return id;
}

void Heap::MakeSingletons() {
  const Profile& p = *profile_;
  auto make_static = [this, &p](TypeTag type, uint64_t size, uint32_t startup_refs) {
    const ObjectId id = NewRecord(type, next_static_address_);
    next_static_address_ += (size + 15) & ~uint64_t{15};
    Object& o = objects_[id];
    o.flags |= kStatic;
    if (p.immortal_singletons) {
      o.flags |= kImmortal;
      o.refcount = static_cast<uint32_t>(kImmortalRefcount);
    } else {
      o.refcount = p.static_refcount_base + startup_refs;
    }
    return id;
  };
  // None, True and False are static in every version but start counting
  // from 1 before 3.12.
  none_ = make_static(TypeTag::kNone, 16, 0);
  true_ = make_static(TypeTag::kBool, 32, 0);
  false_ = make_static(TypeTag::kBool, 32, 0);
  for (ObjectId id : {none_, true_, false_}) {
    if (!p.immortal_singletons) {
      objects_[id].refcount = id == none_ ? p.none_startup_refs : p.bool_startup_refs;
    }
  }
  // NotImplemented: four references at start-up before 3.12.
  not_implemented_ = make_static(TypeTag::kNotImplemented, 16, 0);
  if (!p.immortal_singletons) objects_[not_implemented_].refcount = 4;
  objects_[true_].small_int = 1;
  objects_[false_].small_int = 0;

  for (int64_t v = kSmallIntMin; v <= kSmallIntMax; ++v) {
    const ObjectId id = make_static(TypeTag::kInt, 32, p.singleton_startup_refs);
    objects_[id].small_int = v;
    small_ints_[v - kSmallIntMin] = id;
  }
  empty_tuple_ = make_static(TypeTag::kTuple, 48, p.singleton_startup_refs);
  AttachBody(empty_tuple_, TupleBody{});
  empty_str_ = make_static(TypeTag::kStr, 64, p.singleton_startup_refs);
  AttachBody(empty_str_, StrBody{});
  empty_bytes_ = make_static(TypeTag::kBytes, 48, p.singleton_startup_refs);
  AttachBody(empty_bytes_, BytesBody{});
  if (p.empty_frozenset == EmptyFrozenSet::kAtStartup) {
    // Made by start-up and held by one more object than frozenset_new.
    empty_frozenset_ = make_static(TypeTag::kFrozenSet, 200, 2);
    SetBody body;
    body.table.assign(8, SetEntry{});  // the object's own small table
    AttachBody(empty_frozenset_, std::move(body));
  }

  // A one-character string made at startup: static, outside the arenas a
  // script sees.
  const auto make_one_char = [&](uint32_t c) {
    StrBody body;
    AppendUtf8(&body.utf8, c);
    body.length = 1;
    body.kind = KindFor(c);
    // The latin-1 singletons carry their UTF-8 copy from 3.12 on; the
    // profile says whether getsizeof counts it.
    body.utf8_cached = c >= 0x80 && p.latin1_singletons_cache_utf8;
    latin_one_chars_[c] = make_static(TypeTag::kStr, 64, p.singleton_startup_refs);
    AttachBody(latin_one_chars_[c], std::move(body));
  };
  // A one-byte bytes object made at startup, static like the strings.
  const auto make_one_byte = [&](uint32_t c) {
    BytesBody byte;
    byte.data.assign(1, static_cast<char>(c));
    single_bytes_[c] = make_static(TypeTag::kBytes, 48, p.singleton_startup_refs);
    AttachBody(single_bytes_[c], std::move(byte));
  };
  for (uint32_t c = 0; c < 256; ++c) {
    if (p.static_char_singletons) {
      make_one_char(c);
      make_one_byte(c);
    } else {
      // Made by start-up, cached for good.
      if ((p.one_chars_at_startup[c / 64] >> (c % 64) & 1) != 0) make_one_char(c);
      if ((p.one_bytes_at_startup[c / 64] >> (c % 64) & 1) != 0) make_one_byte(c);
    }
  }
  // Interned one-character identifiers that are not the singletons.
  for (const char c : p.distinct_interned_one_chars) {
    StrBody body;
    body.utf8.assign(1, c);
    body.length = 1;
    body.kind = StrKind::kAscii;
    const ObjectId interned = make_static(TypeTag::kStr, 64, p.singleton_startup_refs);
    AttachBody(interned, std::move(body));
    Intern(interned);
  }
  // Ellipsis: static, made last so that the other singletons keep their
  // places. Before 3.12 its count also holds the references of code
  // objects' constants, which heapsim does not keep for singletons:
  // sys.getrefcount refuses it there.
  ellipsis_ = make_static(TypeTag::kEllipsis, 16, 0);
}

ObjectId Heap::LatinOneChar(uint32_t code_point) {
  ObjectId& cached = latin_one_chars_[code_point];
  if (cached == kNoObject) {
    // Made on first use and kept by the cache for good.
    StrBody body;
    AppendUtf8(&body.utf8, code_point);
    body.length = 1;
    body.kind = KindFor(code_point);
    const uint64_t request = (body.kind == StrKind::kAscii ? profile_->str_ascii_header
                                                            : profile_->str_compact_header) +
                             2;
    cached = NewObject(TypeTag::kStr, request);
    AttachBody(cached, std::move(body));
  }
  return cached;
}

ObjectId Heap::SingleByte(uint8_t byte) {
  ObjectId& cached = single_bytes_[byte];
  if (cached == kNoObject) {
    BytesBody body;
    body.data.assign(1, static_cast<char>(byte));
    cached = NewObject(TypeTag::kBytes, profile_->bytes_header + 1);
    AttachBody(cached, std::move(body));
  }
  return cached;
}

void Heap::MakeParsedOneByte(uint8_t byte) {
  ObjectId& cached = single_bytes_[byte];
  if (cached != kNoObject) return;
  BytesBody body;
  body.data.assign(1, static_cast<char>(byte));
  cached = NewStaticObject(TypeTag::kBytes, 48);
  AttachBody(cached, std::move(body));
}

ObjectId Heap::FindInterned(std::string_view utf8) const {
  auto it = interned_.find(std::string(utf8));
  return it == interned_.end() ? kNoObject : it->second;
}

void Heap::Intern(ObjectId id) {
  Object& o = objects_[id];
  if (o.has(kInterned)) return;
  o.flags |= kInterned;
  interned_.emplace(strs_[o.payload].utf8, id);
  if (profile_->interned_strings_immortal && !o.has(kStatic)) {
    o.flags |= kImmortal;
    o.refcount = static_cast<uint32_t>(kImmortalRefcount);
  }
}

uint64_t Heap::refcount(ObjectId id) const {
  const Object& o = objects_[id];
  return o.has(kImmortal) ? kImmortalRefcount : o.refcount;
}

void Heap::ReallocateObject(ObjectId id, uint64_t request) {
  const uint64_t header = HeaderBytesOf(id);
  const uint64_t block = allocator_.Realloc(objects_[id].address - header, request);
  objects_[id].address = block + header;
}

ObjectId Heap::FindByAddress(uint64_t address) const {
  for (ObjectId id = 1; id < objects_.size(); ++id) {
    if (objects_[id].refcount != 0 && objects_[id].address == address) return id;
  }
  return kNoObject;
}

uint32_t Heap::HeaderBytes(TypeTag type) const {
  if (!IsGcType(type)) return 0;
  return type == TypeTag::kInstance ? 16 + profile_->instance_preheader : 16;
}

uint32_t Heap::HeaderBytesOf(ObjectId id) const {
  const Object& o = objects_[id];
  return o.type == TypeTag::kInstance ? 16 + o.subtype : HeaderBytes(o.type);
}

ObjectId Heap::NewObject(TypeTag type, uint64_t request) {
  if (type == TypeTag::kInstance) {
    return NewInstanceObject(request, static_cast<uint8_t>(profile_->instance_preheader));
  }
  const uint64_t block = allocator_.Malloc(request);
  const ObjectId id = NewRecord(type, block + HeaderBytes(type));
  if (IsGcType(type)) CountGcAllocation();
  return id;
}

ObjectId Heap::NewInstanceObject(uint64_t request, uint8_t preheader) {
  const uint64_t block = allocator_.Malloc(request);
  const ObjectId id = NewRecord(TypeTag::kInstance, block + 16 + preheader);
  objects_[id].subtype = preheader;
  CountGcAllocation();
  return id;
}

void Heap::CountGcAllocation() {
  GcGeneration& young = gc_.generations[0];
  ++young.count;
  if (gc_.timing.open) NoteWindowAllocation(*this);
  if (young.count > young.threshold && young.threshold != 0 && gc_.enabled && !gc_.collecting) {
    if (profile_->gc_collects_inside_allocation) {
      CollectGenerations(*this);
    } else {
      gc_.scheduled = true;
    }
  }
}

void Heap::NoteRelease(ObjectId id) {
  GcTimingWindow& window = gc_.timing;
  if (!window.releases.empty() && window.releases.back() == id) return;
  if (window.releases.size() < GcTimingWindow::kMaxReleases) {
    window.releases.push_back(id);
  } else {
    window.releases_overflow = true;
  }
}

void Heap::BindSpecialMethod() {
  if (profile_->builtin_method_freelist != 0) {
    BindTransientMethod();
    return;
  }
  // Made and freed at once: it may still start a collection, and it counts
  // towards tracemalloc's peak.
  const uint64_t block = allocator_.Malloc(profile_->aux.builtin_method);
  CountGcAllocation();
  allocator_.Free(block);
  if (gc_.generations[0].count > 0) --gc_.generations[0].count;
}

void Heap::MakeTransientBlock(uint64_t bytes) { allocator_.Free(allocator_.Malloc(bytes)); }

uint64_t Heap::MakeTransientMethod() {
  if (profile_->builtin_method_freelist != 0) {
    BindTransientMethod();
    return 0;
  }
  const uint64_t block = allocator_.Malloc(profile_->aux.builtin_method);
  CountGcAllocation();
  return block;
}

ScopedTransientMethod::ScopedTransientMethod(Heap& heap, bool make)
    : heap_(heap), block_(make ? heap.MakeTransientMethod() : 0) {}

ScopedTransientMethod::~ScopedTransientMethod() { heap_.DropTransientMethod(block_); }

void Heap::DropTransientMethod(uint64_t block) {
  if (block == 0) return;
  allocator_.Free(block);
  if (gc_.generations[0].count > 0) --gc_.generations[0].count;
}

void Heap::CountUnmodelledGcObject() { CountGcAllocation(); }

void Heap::UncountUnmodelledGcObject() {
  if (gc_.generations[0].count > 0) --gc_.generations[0].count;
}

void Heap::BindTransientMethod() {
  if (profile_->builtin_method_freelist == 0 || !free_lists_.builtin_methods.empty()) return;
  free_lists_.builtin_methods.push_back(allocator_.Malloc(profile_->aux.builtin_method));
  CountGcAllocation();
}

ObjectId Heap::NewObjectAt(TypeTag type, uint64_t address) {
  tracemalloc().OnReuse(address - HeaderBytes(type));
  return NewRecord(type, address);
}

ObjectId Heap::NewStaticObject(TypeTag type, uint64_t size, std::optional<uint32_t> refcount) {
  const ObjectId id = NewRecord(type, next_static_address_);
  next_static_address_ += (size + 15) & ~uint64_t{15};
  Object& o = objects_[id];
  o.flags |= kStatic;
  if (profile_->immortal_singletons) {
    o.flags |= kImmortal;
    o.refcount = static_cast<uint32_t>(kImmortalRefcount);
  } else {
    o.refcount = refcount.value_or(profile_->static_refcount_base +
                                   profile_->singleton_startup_refs);
  }
  return id;
}

void Heap::ReleaseObject(ObjectId id, bool keep_block) {
  Object& o = objects_[id];
  if (observed()) Notify(FreeEvent{id, o.type, o.address});
  if (!keep_block) {
    const uint64_t block = o.address - HeaderBytesOf(id);
    if (!finalizer_queue_.empty()) {
      finalizer_queue_.push_back({.kind = QueuedStep::Kind::kFreeBlock,
                                  .block = block,
                                  .gc_object = IsGcType(o.type),
                                  .depth = dealloc_depth_});
    } else {
      allocator_.Free(block);
      if (IsGcType(o.type) && gc_.generations[0].count > 0) --gc_.generations[0].count;
    }
  }
  DestroyBody(id);
  --live_objects_;
  --live_by_type_[static_cast<size_t>(o.type)];
  o.refcount = 0;
  o.flags = 0;
  free_records_.push_back(id);
}

void Heap::DestroyBody(ObjectId id) {
  const Object& o = objects_[id];
  switch (o.type) {
    case TypeTag::kInt:
      if (o.subtype != 0) big_ints_.Remove(o.payload);
      break;
    case TypeTag::kComplex:
      complexes_.Remove(o.payload);
      break;
    case TypeTag::kStr:
      strs_.Remove(o.payload);
      break;
    case TypeTag::kBytes:
    case TypeTag::kByteArray:
    case TypeTag::kArray:
      bytes_.Remove(o.payload);
      break;
    case TypeTag::kList:
      lists_.Remove(o.payload);
      break;
    case TypeTag::kTuple:
      tuples_.Remove(o.payload);
      break;
    case TypeTag::kDict:
      dicts_.Remove(o.payload);
      break;
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
      sets_.Remove(o.payload);
      break;
    case TypeTag::kRange:
      ranges_.Remove(o.payload);
      break;
    case TypeTag::kSlice:
      slices_.Remove(o.payload);
      break;
    case TypeTag::kInstance:
      instances_.Remove(o.payload);
      break;
    case TypeTag::kClass:
    case TypeTag::kBuiltinType:
    case TypeTag::kNamedTupleType:
      classes_.Remove(o.payload);
      break;
    case TypeTag::kFunction:
      functions_.Remove(o.payload);
      break;
    case TypeTag::kCode:
      codes_.Remove(o.payload);
      break;
    case TypeTag::kCell:
    case TypeTag::kDescriptor:
    case TypeTag::kMappingProxy:
      cells_.Remove(o.payload);
      break;
    case TypeTag::kBuiltinFunction:
    case TypeTag::kMethod:
    case TypeTag::kMethodWrapper:
      bounds_.Remove(o.payload);
      break;
    case TypeTag::kWeakRef:
      weakrefs_.Remove(o.payload);
      break;
    case TypeTag::kWeakContainer:
      weak_containers_.Remove(o.payload);
      break;
    case TypeTag::kDeque:
      deques_.Remove(o.payload);
      break;
    case TypeTag::kIterator:
    case TypeTag::kRangeIterator:
    case TypeTag::kGenerator:
    case TypeTag::kDictView:
      iterators_.Remove(o.payload);
      break;
    case TypeTag::kException:
      exceptions_.Remove(o.payload);
      break;
    case TypeTag::kModule:
      modules_.Remove(o.payload);
      break;
    case TypeTag::kFrame:
      frame_bodies_.Remove(o.payload);
      break;
    case TypeTag::kMemberDescriptor:
      members_.Remove(o.payload);
      break;
    case TypeTag::kSuper:
      supers_.Remove(o.payload);
      break;
    case TypeTag::kPartial:
      partials_.Remove(o.payload);
      break;
    case TypeTag::kManagedBuffer:
      managed_buffers_.Remove(o.payload);
      break;
    case TypeTag::kMemoryView:
      memoryviews_.Remove(o.payload);
      break;
    case TypeTag::kLruCache:
    case TypeTag::kLruCacheDecorator:
      lru_caches_.Remove(o.payload);
      break;
    case TypeTag::kLruLink:
      lru_links_.Remove(o.payload);
      break;
    case TypeTag::kTraceObject:
      trace_objects_.Remove(o.payload);
      break;
    case TypeTag::kStaticMethod:
    case TypeTag::kClassMethod:
    case TypeTag::kProperty:
      wrappers_.Remove(o.payload);
      break;
    case TypeTag::kNone:
    case TypeTag::kNotImplemented:
    case TypeTag::kEllipsis:
    case TypeTag::kBool:
    case TypeTag::kFloat:
    case TypeTag::kObject:
    case TypeTag::kCount:
      break;
  }
}

void Heap::Deallocate(ObjectId id) {
  Object& o = objects_[id];
  if (o.has(kStatic)) {
    o.refcount = 1;  // statics are never freed; keep the record live
    return;
  }
  if (o.type == TypeTag::kWeakRef && KeepForParkedReferent(id)) return;
  if (o.has(kGcTracked)) Untrack(id);
  const bool defaultdict = o.type == TypeTag::kDict && o.subtype == kDefaultDictSubtype;
  if (o.type == TypeTag::kDeque || defaultdict) {
    const uint32_t levels = defaultdict ? 2 : 1;
    if (untrashed_dealloc_depth_ + levels > kMaxUntrashedDeallocDepth) {
      untrashed_chain_refusal_ = absl::StrCat(
          "freeing ", defaultdict ? "defaultdicts" : "deques", " nested more than ",
          kMaxUntrashedDeallocDepth / levels,
          " deep (CPython frees each level on its C stack and crashes past a depth that stack "
          "decides)");
      deferred_deallocs_.push_back(id);
      return;
    }
    untrashed_dealloc_depth_ += levels;
    DeallocateObject(*this, id);
    untrashed_dealloc_depth_ -= levels;
    if (untrashed_dealloc_depth_ == 0 && dealloc_depth_ == 0) EmptyTrashcan();
    return;
  }
  if (!UsesTrashcan(o.type)) {
    if (!ParkForWeakRefCallbacks(id)) DeallocateObject(*this, id);
    return;
  }
  if (dealloc_depth_ >= profile_->trashcan_depth) {
    if (FinalizerDue(id)) {
      finalizer_in_trashcan_ = true;
    } else if (HasWeakRefCallbacks(*this, id)) {
      weakref_callback_in_trashcan_ = true;
    }
    deferred_deallocs_.push_back(id);
    return;
  }
  ++dealloc_depth_;
  DeallocateOrPark(id);
  --dealloc_depth_;
  if (dealloc_depth_ == 0) EmptyTrashcan();
}

void Heap::EmptyTrashcan() {
  // Destroy the deferred chain, newest first, as CPython's trashcan does.
  while (!deferred_deallocs_.empty()) {
    const ObjectId next = deferred_deallocs_.back();
    deferred_deallocs_.pop_back();
    ++dealloc_depth_;
    DeallocateOrPark(next);
    --dealloc_depth_;
  }
}

void Heap::DeallocateOrPark(ObjectId id) {
  if (FinalizerDue(id)) {
    // Parked for the interpreter to finalize at this depth: subtype_dealloc
    // re-tracks the object (at the end of generation 0) before calling its
    // finalizer.
    objects_[id].refcount = 1;
    Track(id);
    finalizer_queue_.push_back(
        {.kind = QueuedStep::Kind::kFinalize, .instance = id, .depth = dealloc_depth_});
    return;
  }
  if (ParkForWeakRefCallbacks(id)) return;
  DeallocateObject(*this, id);
}

bool Heap::KeepForParkedReferent(ObjectId id) {
  const WeakRefBody& body = weakref(id);
  if (body.callback == kNoObject || body.referent == kNoObject) return false;
  // Parked by the deallocations still under way (the interpreter has not
  // taken the queue since): CPython would be done with the referent's
  // deallocation, callbacks included, before this reference died.
  const bool parked = std::any_of(
      finalizer_queue_.begin(), finalizer_queue_.end(), [&](const QueuedStep& step) {
        return step.instance == body.referent && (step.kind == QueuedStep::Kind::kFinalize ||
                                                  step.kind == QueuedStep::Kind::kClearWeakRefs);
      });
  if (!parked) return false;
  objects_[id].refcount = 1;
  finalizer_queue_.push_back(
      {.kind = QueuedStep::Kind::kRelease, .instance = id, .depth = dealloc_depth_});
  return true;
}

bool Heap::ParkForWeakRefCallbacks(ObjectId id) {
  if (!HasWeakRefCallbacks(*this, id)) return false;
  // Untracked, as the deallocator left it; kept alive until the callbacks
  // ran, so what it holds and the memory freed after it wait for them.
  objects_[id].refcount = 1;
  finalizer_queue_.push_back(
      {.kind = QueuedStep::Kind::kClearWeakRefs, .instance = id, .depth = dealloc_depth_});
  return true;
}

void Heap::ClearFreeLists() {
  free_lists_.dict_keys_unknown = false;
  auto drain = [this](std::vector<uint64_t>& blocks) {
    // CPython pops its free lists from the most recent entry.
    while (!blocks.empty()) {
      allocator_.Free(blocks.back());
      blocks.pop_back();
    }
  };
  drain(free_lists_.floats);
  for (auto& by_length : free_lists_.tuples) drain(by_length);
  drain(free_lists_.lists);
  drain(free_lists_.dicts);
  drain(free_lists_.dict_keys);
  drain(free_lists_.builtin_methods);
  drain(free_lists_.methods);
  while (!free_lists_.frames.empty()) {
    allocator_.Free(free_lists_.frames.back().first);
    free_lists_.frames.pop_back();
  }
}

std::vector<uint64_t>& Heap::free_list(FreeListKind kind, uint32_t tuple_length) {
  switch (kind) {
    case FreeListKind::kFloats:
      return free_lists_.floats;
    case FreeListKind::kLists:
      return free_lists_.lists;
    case FreeListKind::kDicts:
      return free_lists_.dicts;
    case FreeListKind::kDictKeys:
      return free_lists_.dict_keys;
    case FreeListKind::kSlices:
      return free_lists_.slices;
    case FreeListKind::kBuiltinMethods:
      return free_lists_.builtin_methods;
    case FreeListKind::kMethods:
      return free_lists_.methods;
    case FreeListKind::kTuples:
      break;
  }
  return free_lists_.tuples[tuple_length];
}

void Heap::ReleaseToFreeList(ObjectId id, FreeListKind kind, uint32_t capacity,
                             uint32_t tuple_length) {
  const QueuedStep step{.kind = QueuedStep::Kind::kKeepOrFree,
                        .block = address_of(id) - HeaderBytesOf(id),
                        .gc_object = IsGcType(type_of(id)),
                        .free_list = kind,
                        .tuple_length = tuple_length,
                        .capacity = capacity,
                        .depth = dealloc_depth_};
  ReleaseObject(id, /*keep_block=*/true);
  if (!finalizer_queue_.empty()) {
    finalizer_queue_.push_back(step);
  } else {
    CompleteRelease(step);
  }
}

void Heap::KeepOrFreeBuffer(uint64_t block, FreeListKind kind, uint32_t capacity) {
  const QueuedStep step{.kind = QueuedStep::Kind::kKeepOrFree,
                        .block = block,
                        .free_list = kind,
                        .capacity = capacity,
                        .depth = dealloc_depth_};
  if (!finalizer_queue_.empty()) {
    finalizer_queue_.push_back(step);
  } else {
    CompleteRelease(step);
  }
}

void Heap::CompleteRelease(const QueuedStep& step) {
  if (step.kind == QueuedStep::Kind::kKeepOrFree) {
    std::vector<uint64_t>& list = free_list(step.free_list, step.tuple_length);
    if (list.size() < step.capacity) {
      list.push_back(step.block);
      return;
    }
  }
  allocator_.Free(step.block);
  if (step.gc_object && gc_.generations[0].count > 0) --gc_.generations[0].count;
}

bool Heap::FinalizerDue(ObjectId id) const {
  const Object& o = objects_[id];
  return o.type == TypeTag::kInstance && !o.has(kFinalized) &&
         (cls(instance(id).cls).special & kSpecialDel) != 0;
}

bool Heap::NeedsFinalizer(ObjectId id) const { return IsLive(id) && FinalizerDue(id); }

void Heap::Track(ObjectId id) {
  Object& o = objects_[id];
  if (o.has(kGcTracked)) return;
  o.flags |= kGcTracked;
  o.generation = 0;
  GcGeneration& young = gc_.generations[0];
  o.gc_prev = young.tail;
  o.gc_next = kNoObject;
  if (young.tail != kNoObject) {
    objects_[young.tail].gc_next = id;
  } else {
    young.head = id;
  }
  young.tail = id;
  ++young.size;
}

void Heap::Untrack(ObjectId id) {
  Object& o = objects_[id];
  if (!o.has(kGcTracked)) return;
  GcGeneration& generation =
      o.generation == GcState::kPermanent ? gc_.permanent : gc_.generations[o.generation];
  if (o.gc_prev != kNoObject) {
    objects_[o.gc_prev].gc_next = o.gc_next;
  } else {
    generation.head = o.gc_next;
  }
  if (o.gc_next != kNoObject) {
    objects_[o.gc_next].gc_prev = o.gc_prev;
  } else {
    generation.tail = o.gc_prev;
  }
  o.gc_prev = o.gc_next = kNoObject;
  o.flags &= ~kGcTracked;
  --generation.size;
}

void Heap::MoveToGeneration(ObjectId id, int generation) {
  Untrack(id);
  Track(id);
  Object& o = objects_[id];
  if (generation == 0) return;
  // Track() appended it to generation 0; move it from that tail.
  GcGeneration& young = gc_.generations[0];
  young.tail = o.gc_prev;
  if (young.tail != kNoObject) {
    objects_[young.tail].gc_next = kNoObject;
  } else {
    young.head = kNoObject;
  }
  --young.size;
  GcGeneration& target = gc_.generations[generation];
  o.generation = static_cast<uint8_t>(generation);
  o.gc_prev = target.tail;
  o.gc_next = kNoObject;
  if (target.tail != kNoObject) {
    objects_[target.tail].gc_next = id;
  } else {
    target.head = id;
  }
  target.tail = id;
  ++target.size;
}

void Heap::MergeGeneration(int from, int to) {
  auto list = [this](int g) -> GcGeneration& {
    return g == GcState::kPermanent ? gc_.permanent : gc_.generations[g];
  };
  GcGeneration& source = list(from);
  GcGeneration& target = list(to);
  if (source.head == kNoObject) return;
  for (ObjectId id = source.head; id != kNoObject; id = objects_[id].gc_next) {
    objects_[id].generation = static_cast<uint8_t>(to);
  }
  objects_[source.head].gc_prev = target.tail;
  if (target.tail != kNoObject) {
    objects_[target.tail].gc_next = source.head;
  } else {
    target.head = source.head;
  }
  target.tail = source.tail;
  target.size += source.size;
  source.head = source.tail = kNoObject;
  source.size = 0;
}

void Heap::DecRefSharedKeys(uint32_t handle) {
  SharedKeysBody& keys = shared_keys_[handle - 1];
  if (--keys.refcount != 0) return;
  std::vector<ObjectId> names = std::move(keys.names);
  const uint64_t block = keys.keys_block;
  const uint8_t log2 = keys.log2_size;
  shared_keys_.Remove(handle - 1);
  for (ObjectId name : names) DecRef(name);
  ReleaseKeysBlock(*this, block, log2, /*str_keys=*/true);
}

void Heap::AddObserver(HeapObserver* observer) { observers_.list.push_back(observer); }

void Heap::RemoveObserver(HeapObserver* observer) {
  auto& list = observers_.list;
  list.erase(std::remove(list.begin(), list.end(), observer), list.end());
}

}  // namespace heapsim
