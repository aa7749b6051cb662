#include "server/heap/gc.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "server/heap/dealloc.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/deque_object.h"
#include "server/heap/lru_cache_object.h"
#include "server/heap/memoryview_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/partial_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/gc_timing.h"
#include "server/heap/heap.h"
#include "server/heap/list_object.h"
#include "server/heap/referents.h"
#include "server/heap/slotted_object.h"
#include "server/heap/traceback_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/weakref_object.h"

namespace heapsim {

namespace {

// Takes every object of generations 0..`generation` off its list, in the
// order CPython's merge leaves them: the collected generation's own objects
// first, then the younger generations' from youngest to oldest.
std::vector<ObjectId> DetachGenerations(Heap& heap, int generation) {
  std::vector<ObjectId> young;
  auto take = [&heap, &young](int g) {
    GcGeneration& list = heap.gc().generations[g];
    for (ObjectId id = list.head; id != kNoObject;) {
      const ObjectId next = heap.object(id).gc_next;
      young.push_back(id);
      id = next;
    }
  };
  take(generation);
  for (int g = 0; g < generation; ++g) take(g);
  for (ObjectId id : young) heap.Untrack(id);
  return young;
}

// Breaks the references an unreachable object holds (its type's tp_clear).
// Tuples, iterators, methods and slices have no tp_clear in CPython: cycles
// through them are broken at their other members.
void ClearReferences(Heap& heap, ObjectId id) {
  switch (heap.type_of(id)) {
    case TypeTag::kList: {
      ListBody& body = heap.list(id);
      std::vector<ObjectId> items = std::move(body.items);
      body.items.clear();
      const uint64_t block = std::exchange(body.items_block, 0);
      body.allocated = 0;
      for (size_t i = items.size(); i-- > 0;) heap.DecRef(items[i]);
      heap.FreeBuffer(block);
      return;
    }
    case TypeTag::kDeque:
      ClearDequeReferences(heap, id);
      return;
    case TypeTag::kMemoryView: {
      ReleaseMemoryView(heap, id);  // memory_clear
      const ObjectId mbuf = std::exchange(heap.memoryview(id).mbuf, kNoObject);
      if (mbuf != kNoObject) heap.DecRef(mbuf);
      return;
    }
    case TypeTag::kManagedBuffer:
      ReleaseManagedBuffer(heap, id);  // mbuf_clear
      return;
    case TypeTag::kPartial:
      ClearPartialReferences(heap, id);
      return;
    case TypeTag::kWeakContainer:
      ClearWeakContainer(heap, id);
      return;
    case TypeTag::kLruCache:
      ClearLruCacheReferences(heap, id);
      return;
    case TypeTag::kLruCacheDecorator:
      ClearLruCacheClosure(heap, id);
      return;
    case TypeTag::kDict:
      if (IsOrderedDict(heap, id)) {
        OrderedDictClear(heap, id);  // odict_tp_clear: the dict, then the nodes
      } else {
        DictClear(heap, id);  // dict_tp_clear is PyDict_Clear
      }
      return;
    case TypeTag::kSet:
    case TypeTag::kFrozenSet: {
      SetBody old = std::move(heap.set(id));
      SetBody& body = heap.set(id);
      body = SetBody();
      body.table.resize(8);
      for (const SetEntry& entry : old.table) {
        if (entry.key != kNoObject && entry.key != SetBody::kDummyKey) heap.DecRef(entry.key);
      }
      heap.FreeBuffer(old.table_block);
      return;
    }
    case TypeTag::kInstance: {
      // subtype_clear: the slots (most derived class first), then the dict.
      ForEachSlotIndex(heap, heap.instance(id).cls, [&](uint32_t i) {
        const ObjectId value = std::exchange(heap.instance(id).slots[i], kNoObject);
        if (value != kNoObject) heap.DecRef(value);
      });
      InstanceBody& body = heap.instance(id);
      const ObjectId dict = std::exchange(body.dict, kNoObject);
      std::vector<ObjectId> values = body.values;
      for (ObjectId& value : body.values) value = kNoObject;
      for (ObjectId value : values) {
        if (value != kNoObject) heap.DecRef(value);
      }
      if (dict != kNoObject) heap.DecRef(dict);
      const ObjectId args = std::exchange(heap.instance(id).args, kNoObject);
      if (args != kNoObject) heap.DecRef(args);
      ReleaseHeldTraceback(heap, id);
      return;
    }
    case TypeTag::kFunction: {
      FunctionBody old = std::exchange(heap.function(id), FunctionBody());
      for (ObjectId ref : {old.code, old.globals, old.name, old.defaults, old.kw_defaults,
                           old.closure, old.annotations}) {
        if (ref != kNoObject) heap.DecRef(ref);
      }
      return;
    }
    case TypeTag::kCell: {
      const ObjectId contents = std::exchange(heap.cell(id).contents, kNoObject);
      if (contents != kNoObject) heap.DecRef(contents);
      return;
    }
    case TypeTag::kNamedTupleType:
    case TypeTag::kClass: {
      // type_clear: empties the class dict (keeping the dict) and drops the
      // MRO, which holds the class.
      if (heap.cls(id).namespace_dict != kNoObject) DictClear(heap, heap.cls(id).namespace_dict);
      const ObjectId mro = std::exchange(heap.cls(id).mro, kNoObject);
      if (mro != kNoObject) heap.DecRef(mro);
      return;
    }
    case TypeTag::kModule: {
      const ObjectId dict = std::exchange(heap.module(id).dict, kNoObject);
      if (dict != kNoObject) heap.DecRef(dict);
      const ObjectId args = std::exchange(heap.instance(id).args, kNoObject);
      if (args != kNoObject) heap.DecRef(args);
      return;
    }
    case TypeTag::kException: {
      const ObjectId args = std::exchange(heap.exception(id).args, kNoObject);
      if (args != kNoObject) heap.DecRef(args);
      ReleaseHeldTraceback(heap, id);
      return;
    }
    default:
      return;
  }
}

// Appends `id` to the end of generation `g`'s list.
void AppendToGeneration(Heap& heap, ObjectId id, int g) {
  // Track() always appends to generation 0; move it by relinking.
  heap.Track(id);
  if (g == 0) return;
  heap.MoveToGeneration(id, g);
}

// A dict's contents can no longer make a cycle: untrack it (CPython's
// _PyDict_MaybeUntrack, run in full collections only).
bool DictCanBeUntracked(const Heap& heap, ObjectId id) {
  const DictBody& body = heap.dict(id);
  for (const DictEntry& entry : body.entries) {
    if (entry.key == kNoObject) continue;
    if (MayBeTracked(heap, entry.value)) return false;
    if (!body.from_split_keys && MayBeTracked(heap, entry.key)) return false;
  }
  return true;
}

bool TupleCanBeUntracked(const Heap& heap, ObjectId id) {
  for (ObjectId item : heap.tuple(id).items) {
    if (MayBeTracked(heap, item)) return false;
  }
  return true;
}

}  // namespace

bool MayBeTracked(const Heap& heap, ObjectId id) {
  const TypeTag type = heap.type_of(id);
  if (!heap.IsGcType(type)) return false;
  return !IsExactTuple(heap, id) || heap.IsTracked(id);
}

bool IsTracked(const Heap& heap, ObjectId id) {
  // 3.9's start-up empty frozenset is tracked in CPython, outside the
  // generations the model keeps.
  return heap.IsTracked(id) || (id == heap.empty_frozenset() && heap.object(id).has(kStatic));
}

namespace {

// The two parts deduce_unreachable splits a list of objects into, each in
// the order CPython's lists leave them.
struct Reachability {
  std::vector<ObjectId> reachable;
  std::vector<ObjectId> unreachable;
};

// update_refs, subtract_refs and move_unreachable over `list`: what is left
// of each count after removing the references from inside the list, then a
// scan in list order where an object with references from outside is
// reachable and makes what it refers to reachable, pulling back objects
// tentatively moved to the unreachable list.
// References in `discounted` are left out of the counts.
Reachability DeduceUnreachable(const Heap& heap, std::vector<ObjectId> list,
                               const absl::flat_hash_map<ObjectId, uint64_t>& discounted = {}) {
  constexpr int64_t kTentativelyUnreachable = -1;
  absl::flat_hash_map<ObjectId, int64_t> refs;
  refs.reserve(list.size());
  for (ObjectId id : list) refs[id] = static_cast<int64_t>(heap.object(id).refcount);
  for (const auto& [id, count] : discounted) {
    auto it = refs.find(id);
    if (it != refs.end()) it->second -= static_cast<int64_t>(count);
  }
  for (ObjectId id : list) {
    ForEachReferent(heap, id, [&refs](ObjectId referent) {
      auto it = refs.find(referent);
      if (it != refs.end()) --it->second;
    });
  }
  Reachability result;
  std::vector<ObjectId> tentative;
  for (size_t i = 0; i < list.size(); ++i) {
    const ObjectId id = list[i];
    int64_t& own = refs[id];
    if (own > 0) {
      result.reachable.push_back(id);
      ForEachTraversed(heap, id, [&refs, &list](ObjectId referent) {
        auto it = refs.find(referent);
        if (it == refs.end()) return;
        if (it->second == 0) {
          it->second = 1;
        } else if (it->second == kTentativelyUnreachable) {
          it->second = 1;
          list.push_back(referent);
        }
      });
    } else if (own == 0) {
      own = kTentativelyUnreachable;
      tentative.push_back(id);
    }
  }
  // Objects pulled back are still in `tentative`; keep only the others.
  for (ObjectId id : tentative) {
    if (refs[id] == kTentativelyUnreachable) result.unreachable.push_back(id);
  }
  return result;
}

// finalize_garbage, then the check for resurrected objects: runs the due
// finalizers of `garbage` in order and returns what is still garbage
// afterwards; resurrected objects join generation `older`.
std::vector<ObjectId> FinalizeGarbage(Heap& heap, std::vector<ObjectId> garbage, int older,
                                      const FinalizerRunner& run_finalizer) {
  for (ObjectId id : garbage) heap.set_flag(id, kGcUnreachable, true);
  for (ObjectId id : garbage) {
    // A finalizer may have freed this object (and its record been reused).
    if (!heap.IsLive(id) || !heap.object(id).has(kGcUnreachable)) continue;
    if (!heap.NeedsFinalizer(id)) continue;
    heap.MarkFinalized(id);
    heap.IncRef(id);
    run_finalizer.run(id);
    heap.DecRef(id);
  }
  std::vector<ObjectId> left;
  for (ObjectId id : garbage) {
    if (heap.IsLive(id) && heap.object(id).has(kGcUnreachable)) left.push_back(id);
  }
  for (ObjectId id : left) heap.set_flag(id, kGcUnreachable, false);
  Reachability after = DeduceUnreachable(heap, left);
  if (after.reachable.empty()) return after.unreachable;
  if (heap.profile().gc_resurrection_revives_all) {
    for (ObjectId id : left) AppendToGeneration(heap, id, older);
    return {};
  }
  for (ObjectId id : after.reachable) AppendToGeneration(heap, id, older);
  return after.unreachable;
}

// handle_weakrefs: clears every weak reference to the garbage (and those
// the garbage holds) before any finalizer or callback can look at them,
// then calls the callbacks of the weak references outside the garbage in
// order; each one that survives its callback joins the end of `older`. Returns how many of them their callback's end freed.
uint64_t HandleWeakRefs(Heap& heap, const std::vector<ObjectId>& garbage, int older,
                        const FinalizerRunner& runner) {
  const absl::flat_hash_set<ObjectId> in_garbage(garbage.begin(), garbage.end());
  std::vector<ObjectId> to_call;
  for (ObjectId id : garbage) {
    if (heap.type_of(id) == TypeTag::kWeakRef && heap.weakref(id).referent != kNoObject) {
      ClearWeakRefKeepingCallback(heap, id);
    }
    const auto listed = WeakRefsTo(heap, id);
    const std::vector<ObjectId> weakrefs(listed.begin(), listed.end());
    for (ObjectId weakref : weakrefs) {
      ClearWeakRefKeepingCallback(heap, weakref);
      if (heap.weakref(weakref).callback == kNoObject || in_garbage.contains(weakref)) continue;
      // Out of its generation until its callback ran; still tracked.
      heap.IncRef(weakref);
      heap.MoveToGeneration(weakref, older);
      to_call.push_back(weakref);
    }
  }
  if (!to_call.empty() && !runner) heap.NoteUnrunFinalizers();
  uint64_t freed = 0;
  for (ObjectId weakref : to_call) {
    if (runner) runner.run_weakref_callback(weakref, heap.weakref(weakref).callback);
    if (heap.object(weakref).refcount == 1) {
      ++freed;
      heap.DecRef(weakref);
    } else {
      heap.DecRef(weakref);
      if (heap.IsTracked(weakref)) heap.MoveToGeneration(weakref, older);
    }
    if (runner && heap.has_pending_finalizers()) runner.run_queued();
  }
  return freed;
}

}  // namespace

CollectResult Collect(Heap& heap, int generation, const FinalizerRunner& run_finalizer) {
  GcState& gc = heap.gc();
  gc.collecting = true;
  gc.scheduled = false;
  if (generation + 1 < GcState::kGenerations) ++gc.generations[generation + 1].count;
  for (int g = 0; g <= generation; ++g) gc.generations[g].count = 0;

  Reachability young = DeduceUnreachable(heap, DetachGenerations(heap, generation));
  std::vector<ObjectId> garbage = std::move(young.unreachable);
  bool frees_dataclass = false;
  for (ObjectId id : garbage) {
    if (heap.type_of(id) == TypeTag::kNamedTupleType && gc.timing.refusal.empty()) {
      gc.timing.refusal =
          "a collection that frees a collections.namedtuple class (the objects namedtuple() "
          "made for it are not modelled)";
    }
    if (heap.held_traceback(id) != nullptr && gc.timing.refusal.empty()) {
      gc.timing.refusal =
          "a collection that frees an exception holding its traceback (the traceback and "
          "frame objects it would free are not modelled one by one)";
    }
    if (heap.type_of(id) == TypeTag::kClass && heap.cls(id).dataclass) {
      frees_dataclass = true;
    }
    if (heap.type_of(id) == TypeTag::kWeakContainer && gc.timing.refusal.empty()) {
      gc.timing.refusal = absl::StrCat(
          "a collection that frees a weakref.",
          std::string(WeakContainerTypeName(WeakContainerKindOf(heap, id))),
          " (the objects weakref.py's Python code made for it are not modelled)");
    }
  }

  // Survivors: tuples of atomic items leave the GC in any collection, dicts
  // only in full ones; the rest moves up a generation.
  const int older = generation + 1 < GcState::kGenerations ? generation + 1 : generation;
  uint64_t survivors = 0;
  for (ObjectId id : young.reachable) {
    const TypeTag type = heap.type_of(id);
    // Only exact tuples (a namedtuple's instances stay tracked).
    if (IsExactTuple(heap, id) && TupleCanBeUntracked(heap, id)) continue;
    if (generation == GcState::kGenerations - 1 && type == TypeTag::kDict &&
        IsExactDict(heap, id) && DictCanBeUntracked(heap, id)) {
      continue;
    }
    AppendToGeneration(heap, id, older);
    ++survivors;
  }
  if (generation == GcState::kGenerations - 2) {
    gc.long_lived_pending += survivors;
  } else if (generation == GcState::kGenerations - 1) {
    gc.long_lived_pending = 0;
    gc.long_lived_total = survivors;
    gc.counts_known = true;
    CloseTimingWindow(heap);
  }
  // An explicit collection inside a timing window leaves CPython's count0 at
  // 0 as well.
  if (gc.timing.open) gc.timing.count0_slack = 0;

  const uint64_t freed_weakrefs = HandleWeakRefs(heap, garbage, older, run_finalizer);
  bool finalizers_due = false;
  for (ObjectId id : garbage) finalizers_due = finalizers_due || heap.NeedsFinalizer(id);
  if (finalizers_due && !run_finalizer) heap.NoteUnrunFinalizers();
  if (finalizers_due && run_finalizer) {
    garbage = FinalizeGarbage(heap, std::move(garbage), older, run_finalizer);
  }

  // delete_garbage: break each unreachable object's references in order;
  // one that survives its clearing (something else still refers to it)
  // joins the older generation.
  const bool save_all = (gc.debug & kGcDebugSaveAll) != 0 && gc.garbage != kNoObject;
  for (ObjectId id : garbage) {
    if (!heap.IsLive(id)) continue;
    heap.IncRef(id);
    if (save_all) {
      if (heap.type_of(id) == TypeTag::kGenerator) heap.NoteGeneratorFinalizedByCollector();
      ListAppend(heap, gc.garbage, id);
    } else {
      ClearReferences(heap, id);
    }
    if (heap.object(id).refcount > 1 && !heap.IsTracked(id)) {
      AppendToGeneration(heap, id, older);
    }
    heap.DecRef(id);
  }

  // Finalizers of what the clearing freed run inside the collection, before
  // the free lists are emptied.
  if (run_finalizer && heap.has_pending_finalizers()) run_finalizer.run_queued();

  CollectResult result;
  result.unreachable = garbage.size() + freed_weakrefs;
  result.frees_dataclass = frees_dataclass;
  GcGenerationStats& stats = gc.stats[generation];
  ++stats.collections;
  stats.collected += result.unreachable;
  if (generation == GcState::kGenerations - 1) heap.ClearFreeLists();
  gc.collecting = false;
  if (heap.observed()) {
    heap.Notify(CollectEvent{generation, result.unreachable, result.uncollectable});
  }
  return result;
}

void Freeze(Heap& heap) {
  GcState& gc = heap.gc();
  for (int g = 0; g < GcState::kGenerations; ++g) {
    heap.MergeGeneration(g, GcState::kPermanent);
    gc.generations[g].count = 0;
  }
  gc.counts_known = true;  // CPython's are 0 too
  CloseTimingWindow(heap);
}

void Unfreeze(Heap& heap) { heap.MergeGeneration(GcState::kPermanent, GcState::kGenerations - 1); }

std::vector<ObjectId> FinalizersDueWithout(
    const Heap& heap, const absl::flat_hash_map<ObjectId, uint64_t>& discounted) {
  // A full collection's list: generation 2's objects, then 0's, then 1's.
  std::vector<ObjectId> all;
  for (int g : {GcState::kGenerations - 1, 0, 1}) {
    for (ObjectId id = heap.gc().generations[g].head; id != kNoObject;
         id = heap.object(id).gc_next) {
      all.push_back(id);
    }
  }
  std::vector<ObjectId> due;
  for (ObjectId id : DeduceUnreachable(heap, std::move(all), discounted).unreachable) {
    if (heap.NeedsFinalizer(id)) due.push_back(id);
  }
  return due;
}

bool FullCollectionCallsWeakRefCallbacks(const Heap& heap) {
  if (heap.weak_lists().empty()) return false;
  std::vector<ObjectId> all;
  for (int g = 0; g < GcState::kGenerations; ++g) {
    for (ObjectId id = heap.gc().generations[g].head; id != kNoObject;
         id = heap.object(id).gc_next) {
      all.push_back(id);
    }
  }
  const std::vector<ObjectId> garbage = DeduceUnreachable(heap, std::move(all)).unreachable;
  const absl::flat_hash_set<ObjectId> in_garbage(garbage.begin(), garbage.end());
  for (ObjectId id : garbage) {
    for (ObjectId weakref : WeakRefsTo(heap, id)) {
      if (heap.weakref(weakref).callback != kNoObject && !in_garbage.contains(weakref)) return true;
    }
  }
  return false;
}

std::vector<ObjectId> UnreachableAmong(const Heap& heap, std::vector<ObjectId> list) {
  return DeduceUnreachable(heap, std::move(list)).unreachable;
}

namespace {

// The model's automatic collection of `generation` inside a timing window:
// CPython collects at points of its own, so this one frees and untracks
// nothing. Cyclic garbage in the younger generations is refused (the full
// collection's scan is left to the window's end: gc.collect() or exit);
// otherwise the objects move up a generation as survivors would.
void CollectInTimingWindow(Heap& heap, int generation) {
  GcState& gc = heap.gc();
  std::vector<ObjectId> young;
  for (int g = 0; g <= generation && generation < GcState::kGenerations - 1; ++g) {
    for (ObjectId id = gc.generations[g].head; id != kNoObject; id = heap.object(id).gc_next) {
      young.push_back(id);
    }
  }
  if (gc.timing.refusal.empty() && !UnreachableAmong(heap, std::move(young)).empty()) {
    gc.timing.refusal = TimingRefusal(
        heap, "an automatic collection with cyclic garbage present before a full gc.collect()");
  }
  // The model's count0 starts again from 0, CPython's from where its own
  // last collection left it: anything up to threshold0.
  gc.timing.count0_slack = std::max<uint64_t>(gc.timing.count0_slack, gc.generations[0].threshold);
  if (generation + 1 < GcState::kGenerations) ++gc.generations[generation + 1].count;
  const int older = std::min(generation + 1, GcState::kGenerations - 1);
  const uint64_t before = gc.generations[older].size;
  for (int g = 0; g <= generation; ++g) {
    gc.generations[g].count = 0;
    if (g != older) heap.MergeGeneration(g, older);
  }
  // As after a collection that freed nothing: full collections stay rare.
  if (generation == GcState::kGenerations - 2) {
    gc.long_lived_pending += gc.generations[older].size - before;
  } else if (generation == GcState::kGenerations - 1) {
    gc.long_lived_pending = 0;
    gc.long_lived_total = gc.generations[older].size;
  }
}

}  // namespace

void CollectGenerations(Heap& heap, const FinalizerRunner& run_finalizer) {
  GcState& gc = heap.gc();
  for (int g = GcState::kGenerations - 1; g >= 0; --g) {
    if (gc.generations[g].count > gc.generations[g].threshold) {
      if (g == GcState::kGenerations - 1 && gc.long_lived_pending < gc.long_lived_total / 4) {
        continue;
      }
      if (gc.timing.open) {
        CollectInTimingWindow(heap, g);
      } else {
        Collect(heap, g, run_finalizer);
      }
      return;
    }
  }
}

void RunScheduledCollection(Heap& heap, const FinalizerRunner& run_finalizer) {
  GcState& gc = heap.gc();
  if (!gc.scheduled) return;
  gc.scheduled = false;
  if (gc.enabled && !gc.collecting) CollectGenerations(heap, run_finalizer);
}

}  // namespace heapsim
