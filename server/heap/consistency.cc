#include "server/heap/consistency.h"

#include <array>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "server/heap/referents.h"
#include "server/heap/value_ops.h"

namespace heapsim {

void ForEachOwnedReference(const Heap& heap, ObjectId id,
                           const std::function<void(ObjectId)>& visit) {
  auto visit_if_set = [&visit](ObjectId ref) {
    if (ref != kNoObject) visit(ref);
  };
  switch (heap.type_of(id)) {
    case TypeTag::kDict:
      // Every table owns its keys, though the GC does not visit split or
      // str-keyed tables' keys; an OrderedDict's nodes own theirs too.
      for (const DictEntry& entry : heap.dict(id).entries) {
        if (entry.key == kNoObject) continue;
        visit(entry.key);
        visit(entry.value);
      }
      visit_if_set(heap.dict(id).default_factory);  // a defaultdict's factory
      if (const OrderedDictLinks* links = heap.dict(id).ordered.get()) {
        for (const OrderedDictNode& node : links->nodes) visit(node.key);
      }
      return;
    case TypeTag::kCode:
      visit_if_set(heap.code(id).consts);
      visit_if_set(heap.code(id).name);
      visit_if_set(heap.code(id).varnames);
      visit_if_set(heap.code(id).cellvars);
      visit_if_set(heap.code(id).freevars);
      return;
    case TypeTag::kFrame:
      visit_if_set(heap.frame_body(id).code);
      return;
    case TypeTag::kClass:
      ForEachReferent(heap, id, visit);
      // Owned, never traversed: ht_slots, tp_subclasses and the entry a
      // static base's table would hold.
      visit_if_set(heap.cls(id).slot_names);
      visit_if_set(heap.cls(id).subclasses);
      visit_if_set(heap.cls(id).static_base_key);
      visit_if_set(heap.cls(id).static_base_ref);
      return;
    case TypeTag::kLruCache: {
      // The wrapper owns one reference to each link (the GC sees through
      // them to their keys and results).
      const LruCacheBody& body = heap.lru_cache(id);
      for (ObjectId link = body.oldest; link != kNoObject; link = heap.lru_link(link).newer) {
        visit(link);
      }
      visit_if_set(body.cache);
      visit_if_set(body.function);
      visit_if_set(body.dict);
      return;
    }
    case TypeTag::kWeakContainer:
      ForEachReferent(heap, id, visit);
      // An alive finalize: finalize._registry's reference.
      if (heap.weak_container(id).weakref != kNoObject) visit(id);
      return;
    case TypeTag::kRange:
      visit_if_set(heap.range(id).start_object);
      visit_if_set(heap.range(id).stop_object);
      visit_if_set(heap.range(id).step_object);
      visit_if_set(heap.range(id).length_object);
      return;
    case TypeTag::kMemberDescriptor:
      visit(heap.member(id).cls);
      visit(heap.member(id).name);
      return;
    default:
      ForEachReferent(heap, id, visit);
      return;
  }
}

void ForEachHeldBlock(const Heap& heap, const std::function<void(uint64_t)>& visit) {
  for (uint64_t block : heap.interpreter_blocks()) visit(block);
  heap.ForEachObject([&](ObjectId id, const Object& o) {
    // A static object has no block of its own, but may own buffers (the
    // items of gc.garbage, the cached frame of copy.py's code objects).
    if (!o.has(kStatic)) visit(o.address - heap.HeaderBytesOf(id));
    switch (o.type) {
      case TypeTag::kByteArray:
      case TypeTag::kArray:
        if (heap.bytes(id).buffer_block != 0) visit(heap.bytes(id).buffer_block);
        break;
      case TypeTag::kList:
        if (heap.list(id).items_block != 0) visit(heap.list(id).items_block);
        break;
      case TypeTag::kDict:
        if (heap.dict(id).keys_block != 0) visit(heap.dict(id).keys_block);
        if (heap.dict(id).values_block != 0) visit(heap.dict(id).values_block);
        if (const OrderedDictLinks* links = heap.dict(id).ordered.get()) {
          if (links->fast_nodes_block != 0) visit(links->fast_nodes_block);
          for (const OrderedDictNode& node : links->nodes) visit(node.block);
        }
        break;
      case TypeTag::kSet:
      case TypeTag::kFrozenSet:
        if (heap.set(id).table_block != 0) visit(heap.set(id).table_block);
        break;
      case TypeTag::kInstance:
        if (heap.instance(id).values_block != 0) visit(heap.instance(id).values_block);
        break;
      case TypeTag::kCode:
        if (heap.code(id).zombie_block != 0) visit(heap.code(id).zombie_block);
        if (heap.code(id).cached_block != 0) visit(heap.code(id).cached_block);
        if (heap.code(id).opcache_map_block != 0) visit(heap.code(id).opcache_map_block);
        if (heap.code(id).opcache_block != 0) visit(heap.code(id).opcache_block);
        break;
      case TypeTag::kIterator:
        // The index arrays of itertools' combinatoric iterators.
        if (heap.iterator(id).indices_block != 0) visit(heap.iterator(id).indices_block);
        if (heap.iterator(id).cycles_block != 0) visit(heap.iterator(id).cycles_block);
        break;
      case TypeTag::kDeque:
        for (uint64_t block : heap.deque(id).blocks) visit(block);
        for (uint64_t block : heap.deque(id).cached_blocks) visit(block);
        break;
      case TypeTag::kTraceObject:
        // A snapshot's Snapshot and _Traces instances and their values.
        for (const auto& held : heap.trace_object(id).modelled_blocks) visit(held.block);
        break;
      default:
        break;
    }
  });
  heap.ForEachSharedKeys([&](const SharedKeysBody& keys) {
    if (keys.keys_block != 0) visit(keys.keys_block);
  });
  const Heap::FreeLists& free = heap.free_lists();
  for (const auto* list : {&free.floats, &free.lists, &free.dicts, &free.dict_keys, &free.slices,
                           &free.builtin_methods, &free.methods}) {
    for (uint64_t block : *list) visit(block);
  }
  for (const auto& by_length : free.tuples) {
    for (uint64_t block : by_length) visit(block);
  }
  for (const auto& [block, capacity] : free.frames) visit(block);
  for (uint64_t block : free.deque_blocks) visit(block);
  heap.ForEachQueuedBlock(visit);
}

namespace {

// Each listed referent is live and flagged, each weakref in a list is live
// and names that referent, and each live weakref naming a referent is in
// its list.
absl::Status CheckWeakLists(const Heap& heap) {
  size_t listed = 0;
  for (const auto& [referent, list] : heap.weak_lists()) {
    if (!heap.is_live(referent) || !heap.object(referent).has(kHasWeakRefs) || list.empty()) {
      return absl::InternalError(absl::StrCat("weak reference list of #", referent,
                                              " belongs to no flagged live object"));
    }
    for (ObjectId weakref : list) {
      if (!heap.is_live(weakref) || heap.type_of(weakref) != TypeTag::kWeakRef ||
          heap.weakref(weakref).referent != referent) {
        return absl::InternalError(absl::StrCat("weak reference #", weakref, " listed for #",
                                                referent, " does not refer to it"));
      }
    }
    listed += list.size();
  }
  size_t referring = 0;
  absl::Status status;
  heap.ForEachObject([&](ObjectId id, const Object& o) {
    if (o.has(kHasWeakRefs) && !heap.weak_lists().contains(id) && status.ok()) {
      status = absl::InternalError(absl::StrCat("#", id, " is flagged with no weak references"));
    }
    if (o.type == TypeTag::kWeakRef && heap.weakref(id).referent != kNoObject) ++referring;
  });
  if (status.ok() && referring != listed) {
    status = absl::InternalError(absl::StrCat(referring, " weak references refer to objects but ",
                                              listed, " are listed"));
  }
  return status;
}

}  // namespace

absl::Status CheckConsistency(const Heap& heap,
                              const std::function<uint64_t(ObjectId)>& external) {
  // Reference counts, indexed by ObjectId (ids are dense: the highest live
  // id bounds them). A reference to an id past it is to no live object and
  // is not counted, as no live object's refcount depends on it.
  ObjectId id_bound = 0;
  heap.ForEachObject([&](ObjectId id, const Object&) { id_bound = id + 1; });
  std::vector<uint64_t> counted(id_bound, 0);
  auto count = [&counted](ObjectId ref) {
    if (ref < counted.size()) ++counted[ref];
  };
  heap.ForEachObject([&](ObjectId id, const Object&) {
    ForEachOwnedReference(heap, id, count);
  });
  heap.ForEachSharedKeys([&](const SharedKeysBody& keys) {
    for (ObjectId name : keys.names) count(name);
  });
  heap.ForEachCachedSingleton([&](ObjectId id) { count(id); });
  heap.ForEachPendingFinalizer([&](ObjectId id) { count(id); });
  const FrameStack& frames = heap.frames();
  for (size_t f = 0; f < frames.depth(); ++f) {
    const Frame& frame = frames.at(f);
    if (f == 0 && frame.globals != kNoObject) count(frame.globals);
    for (ObjectId slot : frame.slots) {
      if (slot != kNoObject) count(slot);
    }
    if (frame.heap_frame != kNoObject) count(frame.heap_frame);
  }
  absl::Status status;
  heap.ForEachObject([&](ObjectId id, const Object& o) {
    if (!status.ok() || o.has(kStatic) || o.has(kImmortal)) return;
    const uint64_t expected = counted[id] + external(id);
    if (expected != o.refcount) {
      status = absl::InternalError(absl::StrCat(
          "refcount of ", TypeName(heap, id), " object #", id, " is ", o.refcount,
          " but ", expected, " references to it exist"));
    }
  });
  if (!status.ok()) return status;
  if (absl::Status weak = CheckWeakLists(heap); !weak.ok()) return weak;

  // Blocks in use, per pymalloc size class.
  const Pymalloc& pymalloc = heap.allocator().pymalloc();
  std::array<uint64_t, Pymalloc::kNumSizeClasses> held{};
  absl::flat_hash_set<uint64_t> seen;
  seen.reserve(2 * heap.live_objects());
  ForEachHeldBlock(heap, [&](uint64_t block) {
    if (!seen.insert(block).second && status.ok()) {
      status = absl::InternalError(absl::StrCat("block 0x", absl::Hex(block), " is held twice"));
    }
    if (pymalloc.Owns(block)) ++held[Pymalloc::SizeClassOf(pymalloc.BlockSizeAt(block))];
  });
  if (!status.ok()) return status;
  const Pymalloc::Stats stats = pymalloc.ComputeStats();
  for (uint32_t c = 0; c < Pymalloc::kNumSizeClasses; ++c) {
    if (held[c] != stats.classes[c].blocks_in_use) {
      return absl::InternalError(absl::StrCat("size class ", Pymalloc::BlockSizeOf(c), ": ",
                                              stats.classes[c].blocks_in_use,
                                              " blocks in use, but the heap holds ", held[c]));
    }
  }
  return absl::OkStatus();
}

}  // namespace heapsim
