#include "server/heap/gc.h"

#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "server/heap/dealloc.h"
#include "server/heap/dict_object.h"
#include "server/heap/heap.h"
#include "server/heap/list_object.h"
#include "server/heap/referents.h"
#include "server/heap/slotted_object.h"

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
    case TypeTag::kDict:
      DictClear(heap, id);  // dict_tp_clear is PyDict_Clear
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
      return;
    }
    case TypeTag::kFunction: {
      FunctionBody old = std::exchange(heap.function(id), FunctionBody());
      for (ObjectId ref : {old.code, old.globals, old.name, old.defaults, old.kw_defaults,
                           old.closure}) {
        if (ref != kNoObject) heap.DecRef(ref);
      }
      return;
    }
    case TypeTag::kCell: {
      const ObjectId contents = std::exchange(heap.cell(id).contents, kNoObject);
      if (contents != kNoObject) heap.DecRef(contents);
      return;
    }
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
      return;
    }
    case TypeTag::kException: {
      const ObjectId args = std::exchange(heap.exception(id).args, kNoObject);
      if (args != kNoObject) heap.DecRef(args);
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
  if (!IsGcType(type)) return false;
  return type != TypeTag::kTuple || heap.IsTracked(id);
}

bool IsTracked(const Heap& heap, ObjectId id) { return heap.IsTracked(id); }

CollectResult Collect(Heap& heap, int generation) {
  GcState& gc = heap.gc();
  gc.collecting = true;
  gc.scheduled = false;
  if (generation + 1 < GcState::kGenerations) ++gc.generations[generation + 1].count;
  for (int g = 0; g <= generation; ++g) gc.generations[g].count = 0;

  // update_refs / subtract_refs: what is left of each count after removing
  // the references from inside the collected generations.
  std::vector<ObjectId> young = DetachGenerations(heap, generation);
  constexpr int64_t kTentativelyUnreachable = -1;
  absl::flat_hash_map<ObjectId, int64_t> refs;
  refs.reserve(young.size());
  for (ObjectId id : young) refs[id] = static_cast<int64_t>(heap.object(id).refcount);
  for (ObjectId id : young) {
    ForEachReferent(heap, id, [&refs](ObjectId referent) {
      auto it = refs.find(referent);
      if (it != refs.end()) --it->second;
    });
  }

  // move_unreachable: scan in list order; an object with references from
  // outside is reachable and makes what it refers to reachable, pulling
  // back objects tentatively moved to the unreachable list.
  std::vector<ObjectId> reachable;
  std::vector<ObjectId> unreachable;
  for (size_t i = 0; i < young.size(); ++i) {
    const ObjectId id = young[i];
    int64_t& own = refs[id];
    if (own > 0) {
      reachable.push_back(id);
      ForEachReferent(heap, id, [&refs, &young](ObjectId referent) {
        auto it = refs.find(referent);
        if (it == refs.end()) return;
        if (it->second == 0) {
          it->second = 1;
        } else if (it->second == kTentativelyUnreachable) {
          it->second = 1;
          young.push_back(referent);
        }
      });
    } else if (own == 0) {
      own = kTentativelyUnreachable;
      unreachable.push_back(id);
    }
  }
  // Objects pulled back are still in `unreachable`; keep only the others.
  std::vector<ObjectId> garbage;
  for (ObjectId id : unreachable) {
    if (refs[id] == kTentativelyUnreachable) garbage.push_back(id);
  }

  // Survivors: tuples of atomic items leave the GC in any collection, dicts
  // only in full ones; the rest moves up a generation.
  const int older = generation + 1 < GcState::kGenerations ? generation + 1 : generation;
  uint64_t survivors = 0;
  for (ObjectId id : reachable) {
    const TypeTag type = heap.type_of(id);
    if (type == TypeTag::kTuple && TupleCanBeUntracked(heap, id)) continue;
    if (generation == GcState::kGenerations - 1 && type == TypeTag::kDict &&
        DictCanBeUntracked(heap, id)) {
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

  CollectResult result;
  result.unreachable = garbage.size();
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
}

void Unfreeze(Heap& heap) { heap.MergeGeneration(GcState::kPermanent, GcState::kGenerations - 1); }

void CollectGenerations(Heap& heap) {
  GcState& gc = heap.gc();
  for (int g = GcState::kGenerations - 1; g >= 0; --g) {
    if (gc.generations[g].count > gc.generations[g].threshold) {
      if (g == GcState::kGenerations - 1 && gc.long_lived_pending < gc.long_lived_total / 4) {
        continue;
      }
      Collect(heap, g);
      return;
    }
  }
}

void RunScheduledCollection(Heap& heap) {
  GcState& gc = heap.gc();
  if (!gc.scheduled) return;
  gc.scheduled = false;
  if (gc.enabled && !gc.collecting) CollectGenerations(heap);
}

}  // namespace heapsim
