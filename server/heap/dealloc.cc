#include "server/heap/dealloc.h"

#include <map>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "server/heap/counter_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/float_object.h"
#include "server/heap/function_object.h"
#include "server/heap/gc_timing.h"
#include "server/heap/heap.h"
#include "server/heap/itertools_object.h"
#include "server/heap/deque_object.h"
#include "server/heap/lru_cache_object.h"
#include "server/heap/memoryview_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/partial_object.h"
#include "server/heap/list_object.h"
#include "server/heap/slotted_object.h"
#include "server/heap/traceback_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/type_subclasses.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/weakref_object.h"

namespace heapsim {

namespace {

// Drops the references a vector of owned ids holds, last to first, after
// taking it out of the body (deallocation may re-enter the heap).
void DropLastToFirst(Heap& heap, std::vector<ObjectId> items) {
  for (size_t i = items.size(); i-- > 0;) heap.DecRef(items[i]);
}

void DropIfSet(Heap& heap, ObjectId id) {
  if (id != kNoObject) heap.DecRef(id);
}

// A modelled snapshot's list of trace tuples is about to die while
// tracing: its tuples (traces, tracebacks, frames) go back to the free
// lists in the order of CPython's hash table of traces, which heapsim does
// not know. That order is unobservable unless the tuples of one length mix
// traced blocks (taken from a free list and retraced) with untraced ones.
void NoteSnapshotTuplesFreed(Heap& heap, ObjectId list) {
  Tracemalloc& trace = heap.tracemalloc();
  if (!trace.tracing()) return;
  // Per length: bit 0 an untraced tuple, bit 1 a traced one.
  std::map<size_t, uint8_t> seen;
  const auto note = [&](ObjectId tuple) {
    const bool traced = trace.TracebackOf(heap.address_of(tuple) - kTupleGcHeader).has_value();
    seen[TupleItems(heap, tuple).size()] |= traced ? 2 : 1;
  };
  absl::flat_hash_set<ObjectId> tracebacks;
  for (const ObjectId item : ListItems(heap, list)) {
    note(item);
    const ObjectId traceback = TupleItems(heap, item)[2];
    if (!tracebacks.insert(traceback).second) continue;
    note(traceback);
    for (const ObjectId frame : TupleItems(heap, traceback)) note(frame);
  }
  for (const auto& [length, kinds] : seen) {
    if (kinds == 3) {
      trace.NoteFreeListTracesUnknown(absl::StrCat(
          "a tracemalloc snapshot died while tracing (its ", length,
          "-tuples, traced and untraced, went back to the free list in the order of CPython's "
          "hash table of traces)"));
      return;
    }
  }
}

void DeallocList(Heap& heap, ObjectId id) {
  ListBody& body = heap.list(id);
  std::vector<ObjectId> items = std::move(body.items);
  const uint64_t items_block = std::exchange(body.items_block, 0);
  DropLastToFirst(heap, std::move(items));
  heap.FreeBuffer(items_block);
  heap.ReleaseToFreeList(id, FreeListKind::kLists, heap.profile().list_freelist);
}

void DeallocTuple(Heap& heap, ObjectId id) {
  std::vector<ObjectId> items = std::move(heap.tuple(id).items);
  const size_t length = items.size();
  DropLastToFirst(heap, std::move(items));
  if (const ObjectId type = std::exchange(heap.tuple(id).type, kNoObject); type != kNoObject) {
    // subtype_dealloc: tupledealloc frees the block (tp_free, not the free
    // list), then the class loses the instance's reference.
    heap.ReleaseObject(id, /*keep_block=*/false);
    heap.DecRef(type);
    return;
  }
  if (length > 0 && length <= heap.profile().tuple_freelist_max_len) {
    heap.ReleaseToFreeList(id, FreeListKind::kTuples, heap.profile().tuple_freelist_per_len,
                           static_cast<uint32_t>(length));
  } else {
    heap.ReleaseObject(id, /*keep_block=*/false);
  }
}

void DeallocDict(Heap& heap, ObjectId id) {
  if (IsDefaultDict(heap, id)) {
    // defdict_dealloc clears the factory, then dict_dealloc frees the items
    // and (not an exact dict) the block itself.
    DropIfSet(heap, std::exchange(heap.dict(id).default_factory, kNoObject));
    ReleaseDictContents(heap, std::move(heap.dict(id)));
    heap.ReleaseObject(id, /*keep_block=*/false);
    return;
  }
  if (IsCounter(heap, id)) {
    // subtype_dealloc (no instance __dict__ was made), then dict_dealloc
    // frees the items and (not an exact dict) the block itself.
    ReleaseDictContents(heap, std::move(heap.dict(id)));
    heap.ReleaseObject(id, /*keep_block=*/false);
    return;
  }
  if (IsOrderedDict(heap, id)) {
    // odict_dealloc frees the nodes, then dict_dealloc the items and (not
    // an exact dict) the block itself.
    ReleaseOrderedDictNodes(heap, id);
    ReleaseDictContents(heap, std::move(heap.dict(id)));
    heap.ReleaseObject(id, /*keep_block=*/false);
    return;
  }
  ReleaseDictContents(heap, std::move(heap.dict(id)));
  heap.ReleaseToFreeList(id, FreeListKind::kDicts, heap.profile().dict_freelist);
}

void DeallocSet(Heap& heap, ObjectId id) {
  SetBody body = std::move(heap.set(id));
  for (const SetEntry& entry : body.table) {
    if (entry.key != kNoObject && entry.key != SetBody::kDummyKey) heap.DecRef(entry.key);
  }
  heap.FreeBuffer(body.table_block);
  heap.ReleaseObject(id, /*keep_block=*/false);
}

void DeallocInstance(Heap& heap, ObjectId id) {
  InstanceBody body = std::move(heap.instance(id));
  HeldTraceback traceback = TakeHeldTraceback(heap, id);
  // subtype_dealloc: clear_slots for each class, most derived first.
  ForEachSlotIndex(heap, body.cls, [&](uint32_t i) { DropIfSet(heap, body.slots[i]); });
  DropIfSet(heap, body.dict);
  for (ObjectId value : body.values) DropIfSet(heap, value);
  DropIfSet(heap, body.args);  // BaseException_clear: the dict, args, traceback
  ReleaseTraceback(heap, std::move(traceback));
  heap.FreeBuffer(body.values_block);
  heap.ReleaseObject(id, /*keep_block=*/false);
  heap.DecRef(body.cls);
}

void DeallocSlice(Heap& heap, ObjectId id) {
  const SliceBody body = heap.slice(id);
  DropIfSet(heap, body.step);
  DropIfSet(heap, body.stop);
  DropIfSet(heap, body.start);
  heap.ReleaseToFreeList(id, FreeListKind::kSlices, heap.profile().slice_cache);
}

// Whether freeing unfinished generator `body` closes it as heapsim models
// it: by clearing its frame, raising nothing. Not while the collector runs
// (CPython finalizes every unreachable object before it clears any).
bool ClosesByClearingFrame(const Heap& heap, const IteratorBody& body) {
  if (heap.gc().collecting) return false;
  const Profile& profile = heap.profile();
  if (!body.started) return profile.generator_close_unstarted_clears_frame;
  return profile.generator_close_paused_clears_frame && !body.delegating &&
         !body.holds_paused_stack;
}

}  // namespace

bool UsesTrashcan(TypeTag type) {
  switch (type) {
    case TypeTag::kList:
    case TypeTag::kTuple:
    case TypeTag::kDict:
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
    case TypeTag::kInstance:
    case TypeTag::kFrame:
      return true;
    default:
      return false;
  }
}

void ReleaseDictContents(Heap& heap, DictBody body) {
  for (const DictEntry& entry : body.entries) {
    if (entry.key == kNoObject) continue;
    heap.DecRef(entry.key);
    heap.DecRef(entry.value);
  }
  heap.FreeBuffer(body.values_block);
  ReleaseDictKeysBlock(heap, body);
  if (body.shared_keys != 0) heap.DecRefSharedKeys(body.shared_keys);
}

void ReleaseDictKeysBlock(Heap& heap, const DictBody& body) {
  if (body.keys_block == 0) return;
  if (body.from_split_keys) {
    heap.FreeBuffer(body.keys_block);
    return;
  }
  ReleaseKeysBlock(heap, body.keys_block, body.log2_size, body.str_keys_only);
}

void ReleaseKeysBlock(Heap& heap, uint64_t block, uint8_t log2, bool str_keys) {
  const Profile& profile = heap.profile();
  const bool cacheable = log2 == 3 && (!profile.dict_keys_freelist_str_only || str_keys);
  if (cacheable) NoteUnknownDictKeys(heap);
  heap.KeepOrFreeBuffer(block, FreeListKind::kDictKeys, cacheable ? profile.dict_keys_freelist : 0);
}

void DeallocateObject(Heap& heap, ObjectId id) {
  // Instances, classes and functions clear their weak references first.
  if (heap.object(id).has(kHasWeakRefs)) ClearWeakRefsTo(heap, id);
  switch (heap.type_of(id)) {
    case TypeTag::kFloat:
      heap.ReleaseToFreeList(id, FreeListKind::kFloats, heap.profile().float_freelist);
      return;
    case TypeTag::kStr:
      // The interned table does not own a reference; it forgets the str.
      if (heap.object(id).has(kInterned)) heap.ForgetInterned(id);
      heap.ReleaseObject(id, /*keep_block=*/false);
      return;
    case TypeTag::kByteArray:
    case TypeTag::kArray:
      heap.FreeBuffer(std::exchange(heap.bytes(id).buffer_block, 0));
      heap.ReleaseObject(id, /*keep_block=*/false);
      return;
    case TypeTag::kList:
      DeallocList(heap, id);
      return;
    case TypeTag::kTuple:
      DeallocTuple(heap, id);
      return;
    case TypeTag::kDict:
      DeallocDict(heap, id);
      return;
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
      DeallocSet(heap, id);
      return;
    case TypeTag::kInstance:
      DeallocInstance(heap, id);
      return;
    case TypeTag::kSlice:
      DeallocSlice(heap, id);
      return;
    case TypeTag::kRange: {
      // range_dealloc: start, stop, step, length, then the range.
      const RangeBody body = heap.range(id);
      for (ObjectId held : {body.start_object, body.stop_object, body.step_object,
                            body.length_object}) {
        DropIfSet(heap, held);
      }
      heap.ReleaseObject(id, /*keep_block=*/false);
      return;
    }
    case TypeTag::kClass:
    case TypeTag::kNamedTupleType: {
      // type_dealloc's order: out of the base's subclasses, then base,
      // dict, bases, mro, own subclasses, ht_slots, the cached keys; a
      // namedtuple class's references for the objects namedtuple() made
      // last.
      if (heap.type_of(id) == TypeTag::kClass) RemoveSubclass(heap, id);
      ClassBody body = std::move(heap.cls(id));
      heap.ReleaseObject(id, /*keep_block=*/false);
      DropIfSet(heap, body.base);
      DropIfSet(heap, body.namespace_dict);
      DropIfSet(heap, body.bases);
      DropIfSet(heap, body.mro);
      DropIfSet(heap, body.subclasses);
      DropIfSet(heap, body.slot_names);
      if (body.shared_keys != 0) heap.DecRefSharedKeys(body.shared_keys);
      DropIfSet(heap, body.namedtuple_fields);
      DropIfSet(heap, body.namedtuple_defaults);
      return;
    }
    case TypeTag::kFunction: {
      const FunctionBody body = heap.function(id);
      heap.ReleaseObject(id, /*keep_block=*/false);
      DropIfSet(heap, body.code);
      DropIfSet(heap, body.globals);
      DropIfSet(heap, body.name);
      DropIfSet(heap, body.defaults);
      DropIfSet(heap, body.kw_defaults);
      DropIfSet(heap, body.closure);
      DropIfSet(heap, body.annotations);
      return;
    }
    case TypeTag::kCode: {
      const CodeBody body = heap.code(id);
      // code_dealloc frees the opcache first.
      heap.FreeBuffer(body.opcache_block);
      heap.FreeBuffer(body.opcache_map_block);
      heap.ReleaseObject(id, /*keep_block=*/false);
      heap.FreeBuffer(body.zombie_block);
      heap.FreeBuffer(body.cached_block);
      DropIfSet(heap, body.consts);
      DropIfSet(heap, body.name);
      DropIfSet(heap, body.varnames);
      DropIfSet(heap, body.cellvars);
      DropIfSet(heap, body.freevars);
      return;
    }
    case TypeTag::kFrame: {
      // The frame's block is cached on its code object, or on the frame
      // free list, before it is ever freed.
      const FrameBody body = heap.frame_body(id);
      const uint64_t block = heap.address_of(id) - heap.HeaderBytes(TypeTag::kFrame);
      CodeBody& code = heap.code(body.code);
      auto& free_frames = heap.free_lists().frames;
      if (code.zombie_block == 0) {
        code.zombie_block = block;
        code.zombie_capacity = body.capacity;
        heap.ReleaseObject(id, /*keep_block=*/true);
      } else if (free_frames.size() < heap.profile().frame_freelist) {
        free_frames.emplace_back(block, body.capacity);
        heap.ReleaseObject(id, /*keep_block=*/true);
      } else {
        heap.ReleaseObject(id, /*keep_block=*/false);
      }
      heap.DecRef(body.code);
      return;
    }
    case TypeTag::kCell:
    case TypeTag::kDescriptor:
    case TypeTag::kMappingProxy: {
      const ObjectId contents = heap.cell(id).contents;
      heap.ReleaseObject(id, /*keep_block=*/false);
      DropIfSet(heap, contents);
      return;
    }
    case TypeTag::kDeque:
      DeallocDeque(heap, id);
      return;
    case TypeTag::kWeakRef:
      // A KeyedRef: subtype_dealloc clears its key slot first.
      if (const ObjectId key = std::exchange(heap.weakref(id).key, kNoObject); key != kNoObject) {
        heap.DecRef(key);
      }
      UnlinkWeakRef(heap, id);
      heap.ReleaseObject(id, /*keep_block=*/false);
      return;
    case TypeTag::kMemberDescriptor: {
      const MemberBody body = heap.member(id);
      heap.ReleaseObject(id, /*keep_block=*/false);
      heap.DecRef(body.cls);  // descr_dealloc: d_type, then d_name
      heap.DecRef(body.name);
      return;
    }
    case TypeTag::kStaticMethod:
    case TypeTag::kClassMethod:
    case TypeTag::kProperty: {
      const WrapperBody body = heap.wrapper(id);
      heap.ReleaseObject(id, /*keep_block=*/false);
      DropIfSet(heap, body.callable);  // property_dealloc: get, set, del, doc, name
      DropIfSet(heap, body.dict);      // sm_dealloc, cm_dealloc: callable, dict
      DropIfSet(heap, body.setter);
      DropIfSet(heap, body.deleter);
      DropIfSet(heap, body.doc);
      DropIfSet(heap, body.name);
      return;
    }
    case TypeTag::kTraceObject: {
      const ObjectId owned = heap.trace_object(id).owned;
      if (const uint64_t freed = heap.trace_object(id).unmodelled_gc_objects; freed != 0) {
        NoteUnmodelledGcObjects(heap, "freeing tracemalloc.py's objects", freed);
      }
      if (heap.trace_object(id).memory_modelled && owned != kNoObject) {
        NoteSnapshotTuplesFreed(heap, owned);
      }
      std::vector<TraceObjectBody::ModelledBlock> blocks =
          std::move(heap.trace_object(id).modelled_blocks);
      const ObjectId limit = heap.trace_object(id).owned_limit;
      heap.ReleaseObject(id, /*keep_block=*/false);
      // The _Traces instance drops the list, the Snapshot its limit, then
      // the values and instances go (subtype_dealloc).
      if (owned != kNoObject) heap.DecRef(owned);
      DropIfSet(heap, limit);
      for (const TraceObjectBody::ModelledBlock& block : blocks) {
        heap.FreeBuffer(block.block);
        if (block.gc) heap.UncountUnmodelledGcObject();
      }
      return;
    }
    case TypeTag::kPartial:
      DeallocPartial(heap, id);
      return;
    case TypeTag::kWeakContainer:
      DeallocWeakContainer(heap, id);
      return;
    case TypeTag::kMemoryView:
      // memory_dealloc: released (the managed buffer may let go of the
      // exporter), the managed buffer dropped, then the view's block.
      ReleaseMemoryView(heap, id);
      DropIfSet(heap, std::exchange(heap.memoryview(id).mbuf, kNoObject));
      heap.ReleaseObject(id, /*keep_block=*/false);
      return;
    case TypeTag::kManagedBuffer:
      ReleaseManagedBuffer(heap, id);  // mbuf_dealloc
      heap.ReleaseObject(id, /*keep_block=*/false);
      return;
    case TypeTag::kLruCache:
    case TypeTag::kLruCacheDecorator:
      DeallocLruCache(heap, id);
      return;
    case TypeTag::kLruLink:
      DeallocLruLink(heap, id);
      return;
    case TypeTag::kSuper: {
      const SuperBody body = heap.super_body(id);
      heap.ReleaseObject(id, /*keep_block=*/false);
      heap.DecRef(body.obj);  // super_dealloc: obj, type, obj_type
      heap.DecRef(body.type);
      heap.DecRef(body.obj_type);
      return;
    }
    case TypeTag::kMethodWrapper: {
      const ObjectId self = heap.bound(id).self;
      heap.ReleaseObject(id, /*keep_block=*/false);  // no free list of these
      heap.DecRef(self);
      return;
    }
    case TypeTag::kMethod:
    case TypeTag::kBuiltinFunction: {
      const BoundBody body = heap.bound(id);
      if (heap.type_of(id) == TypeTag::kMethod) {
        heap.ReleaseToFreeList(id, FreeListKind::kMethods, heap.profile().method_freelist);
      } else {
        heap.ReleaseToFreeList(id, FreeListKind::kBuiltinMethods,
                               heap.profile().builtin_method_freelist);
      }
      DropIfSet(heap, body.self);
      DropIfSet(heap, body.callable);
      return;
    }
    case TypeTag::kIterator:
    case TypeTag::kRangeIterator:
    case TypeTag::kGenerator:
    case TypeTag::kDictView: {
      if (heap.type_of(id) == TypeTag::kIterator &&
          IsItertoolsKind(static_cast<IterKind>(heap.object(id).subtype))) {
        DeallocItertoolsObject(heap, id);
        return;
      }
      IteratorBody body = std::move(heap.iterator(id));
      // Freeing an unfinished generator closes it, which evaluates its code
      // (counted here for those whose code heapsim does not run to close
      // them: generator expressions, and generators never started).
      if (heap.type_of(id) == TypeTag::kGenerator &&
          (body.needs_close ? !body.started : body.end == 0)) {
        CountCodeEvaluation(heap, body.code);
        if (!body.needs_close && body.started && heap.profile().genexpr_close_keeps_block) {
          heap.tracemalloc().NoteInexactBlocks(
              "freeing a paused generator expression (CPython 3.12 keeps a block of its close "
              "that heapsim does not model)");
        }
      }
      if (heap.type_of(id) == TypeTag::kIterator &&
          static_cast<IterKind>(heap.object(id).subtype) == IterKind::kOrderedDictKeys) {
        // odictiter_dealloc: di_odict, di_current, di_result, then the block.
        DropIfSet(heap, body.source);
        DropIfSet(heap, body.held[0]);
        DropIfSet(heap, body.extra);
        heap.ReleaseObject(id, /*keep_block=*/false);
        return;
      }
      if (body.needs_close) {
        if (ClosesByClearingFrame(heap, body)) {
          // CPython clears the frame (locals, value stack from the bottom,
          // then the function) before it frees the generator. The paused
          // statements' references to the stack's objects are dropped here
          // for them (their fiber, unwound later, lets go of them unused).
          heap.NoteClosedGenerator(body.generator);
          const size_t locals =
              body.held.size() - (heap.profile().generator_embeds_frame ? 1 : 0);
          for (size_t i = 0; i < locals; ++i) DropIfSet(heap, body.held[i]);
          for (ObjectId value : body.stack) DropIfSet(heap, value);
          if (locals < body.held.size()) DropIfSet(heap, body.held.back());
          heap.ReleaseObject(id, /*keep_block=*/false);
          return;
        }
        heap.NoteUnclosedGenerator(body.generator);
      }
      heap.ReleaseObject(id, /*keep_block=*/false);
      for (ObjectId held : body.held) DropIfSet(heap, held);
      DropIfSet(heap, body.source);
      DropIfSet(heap, body.extra);
      return;
    }
    case TypeTag::kException: {
      // BaseException_clear: args, the traceback, then the cause, before
      // the block.
      const ExceptionBody& body = heap.exception(id);
      const ObjectId args = body.args;
      const ObjectId cause = body.cause;
      HeldTraceback traceback = TakeHeldTraceback(heap, id);
      heap.ReleaseObject(id, /*keep_block=*/false);
      DropIfSet(heap, args);
      ReleaseTraceback(heap, std::move(traceback));
      DropIfSet(heap, cause);
      return;
    }
    case TypeTag::kModule: {
      const ObjectId dict = heap.module(id).dict;
      heap.ReleaseObject(id, /*keep_block=*/false);
      DropIfSet(heap, dict);
      return;
    }
    default:
      heap.ReleaseObject(id, /*keep_block=*/false);
      return;
  }
}

void SeedStartupFreeLists(Heap& heap) {
  const Profile& profile = heap.profile();
  const StartupFreeLists& startup = profile.startup_free_lists;
  Heap::FreeLists& free_lists = heap.free_lists();
  auto seed = [&heap](std::vector<uint64_t>& free_list, uint32_t count, uint32_t capacity,
                      uint64_t request) {
    for (uint32_t i = 0; i < count && i < capacity; ++i) {
      free_list.push_back(heap.AllocateBuffer(request));
    }
  };
  seed(free_lists.floats, startup.floats, profile.float_freelist, kFloatSize);
  seed(free_lists.lists, startup.lists, profile.list_freelist, kListObjectRequest);
  seed(free_lists.dicts, startup.dicts, profile.dict_freelist, kDictObjectRequest);
  seed(free_lists.slices, startup.slices, profile.slice_cache, profile.aux.slice);
  seed(free_lists.methods, startup.methods, profile.method_freelist, profile.aux.method);
  seed(free_lists.builtin_methods, startup.builtin_methods, profile.builtin_method_freelist,
       profile.aux.builtin_method);
  // The frame free list is a stack: the first frame calls take goes last.
  size_t frames = 0;
  while (frames < startup.frames.size() && startup.frames[frames] != 0) ++frames;
  for (size_t i = frames; i-- > 0;) {
    if (free_lists.frames.size() >= profile.frame_freelist) break;
    const uint32_t capacity = startup.frames[i];
    free_lists.frames.emplace_back(heap.AllocateBuffer(profile.aux.frame_base + 8 * uint64_t{capacity}),
                                   capacity);
  }
  for (size_t length = 1; length < free_lists.tuples.size() && length <= startup.tuples.size();
       ++length) {
    seed(free_lists.tuples[length], startup.tuples[length - 1], startup.tuples[length - 1],
         TupleRequest(length));
  }
}

}  // namespace heapsim
