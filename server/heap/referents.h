// The references an object holds, as its type's tp_traverse reports them to
// the cyclic GC and to gc.get_referents().

#ifndef HEAPSIM_SERVER_HEAP_REFERENTS_H_
#define HEAPSIM_SERVER_HEAP_REFERENTS_H_

#include "server/heap/heap.h"
#include "server/heap/traceback_object.h"

namespace heapsim {

// Calls `visit(referent)` for every object `id` refers to, in CPython's
// traversal order. Non-GC types visit nothing (CPython does not traverse
// them), except where noted in the implementation.
template <typename Visitor>
void ForEachReferent(const Heap& heap, ObjectId id, Visitor&& visit) {
  auto visit_if_set = [&visit](ObjectId referent) {
    if (referent != kNoObject) visit(referent);
  };
  switch (heap.type_of(id)) {
    case TypeTag::kList:
      for (ObjectId item : heap.list(id).items) visit(item);
      return;
    case TypeTag::kTuple:
      // A namedtuple's instance: subtype_traverse visits its class first.
      visit_if_set(heap.tuple(id).type);
      for (ObjectId item : heap.tuple(id).items) visit(item);
      return;
    case TypeTag::kDeque:
      for (ObjectId item : heap.deque(id).items) visit(item);
      return;
    case TypeTag::kTraceObject:
      // A snapshot keeps its traces' list alive.
      visit_if_set(heap.trace_object(id).owned);
      return;
    case TypeTag::kDict: {
      // Like dict_traverse: tables of str keys show only their values. A
      // defaultdict's traverse visits its factory first, an OrderedDict's
      // its nodes' keys.
      const DictBody& body = heap.dict(id);
      visit_if_set(body.default_factory);
      if (body.ordered) {
        for (const OrderedDictNode& node : body.ordered->nodes) visit(node.key);
      }
      const bool keys_too = !body.from_split_keys && !body.str_keys_only;
      for (const DictEntry& entry : body.entries) {
        if (entry.key == kNoObject) continue;
        visit(entry.value);
        if (keys_too) visit(entry.key);
      }
      return;
    }
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
      for (const SetEntry& entry : heap.set(id).table) {
        if (entry.key != kNoObject && entry.key != SetBody::kDummyKey) visit(entry.key);
      }
      return;
    case TypeTag::kInstance: {
      const InstanceBody& body = heap.instance(id);
      // subtype_traverse: the slots (most derived class first), the
      // values or dict, then the class.
      for (ObjectId c = body.cls; c != kNoObject; c = heap.cls(c).base) {
        const ClassBody& layer = heap.cls(c);
        const uint32_t first = layer.base == kNoObject ? 0 : heap.cls(layer.base).slot_count;
        for (uint32_t i = first; i < layer.slot_count; ++i) visit_if_set(body.slots[i]);
      }
      if (body.args != kNoObject) {
        // An exception: subtype_traverse visits the class, then
        // BaseException_traverse the dict and args.
        visit(body.cls);
        visit_if_set(body.dict);
        visit(body.args);
        ForEachTracebackReference(heap, id, visit);
        return;
      }
      for (ObjectId value : body.values) visit_if_set(value);
      visit_if_set(body.dict);
      visit(body.cls);
      return;
    }
    case TypeTag::kClass: {
      const ClassBody& body = heap.cls(id);
      visit_if_set(body.namespace_dict);
      visit_if_set(body.base);
      visit_if_set(body.bases);
      visit_if_set(body.mro);
      return;
    }
    case TypeTag::kNamedTupleType: {
      // What the objects namedtuple() made for the class (not modelled
      // one by one) hold: _replace's closure cell the _fields tuple, and
      // __new__ its defaults.
      const ClassBody& body = heap.cls(id);
      visit_if_set(body.namespace_dict);
      visit_if_set(body.base);
      visit_if_set(body.bases);
      visit_if_set(body.mro);
      visit_if_set(body.namedtuple_fields);
      visit_if_set(body.namedtuple_defaults);
      return;
    }
    case TypeTag::kFunction: {
      const FunctionBody& body = heap.function(id);
      visit_if_set(body.code);
      visit_if_set(body.globals);
      visit_if_set(body.defaults);
      visit_if_set(body.kw_defaults);
      visit_if_set(body.name);
      visit_if_set(body.closure);
      visit_if_set(body.annotations);
      return;
    }
    case TypeTag::kCell:
    case TypeTag::kDescriptor:
    case TypeTag::kMappingProxy:
      visit_if_set(heap.cell(id).contents);
      return;
    case TypeTag::kMemberDescriptor:
      visit(heap.member(id).cls);  // descr_traverse visits d_type only
      return;
    case TypeTag::kStaticMethod:
    case TypeTag::kClassMethod:
    case TypeTag::kProperty: {
      const WrapperBody& body = heap.wrapper(id);  // property_traverse's order
      visit_if_set(body.callable);
      visit_if_set(body.dict);  // sm_traverse, cm_traverse
      visit_if_set(body.setter);
      visit_if_set(body.deleter);
      visit_if_set(body.doc);
      visit_if_set(body.name);
      return;
    }
    case TypeTag::kLruCache: {
      // lru_cache_tp_traverse's order: each link's key and result, least
      // recently used first, then the cache, the function and the __dict__
      // (the module state's objects and the types it also visits are
      // refused by gc.get_referents).
      const LruCacheBody& body = heap.lru_cache(id);
      for (ObjectId link = body.oldest; link != kNoObject; link = heap.lru_link(link).newer) {
        visit(heap.lru_link(link).key);
        visit(heap.lru_link(link).result);
      }
      visit_if_set(body.cache);
      visit_if_set(body.function);
      visit_if_set(body.dict);
      return;
    }
    case TypeTag::kLruCacheDecorator:
      visit_if_set(heap.lru_cache(id).closure);
      return;
    case TypeTag::kLruLink:
      // Not a GC object: its references, for the consistency check.
      visit_if_set(heap.lru_link(id).key);
      visit_if_set(heap.lru_link(id).result);
      return;
    case TypeTag::kMemoryView:
      visit_if_set(heap.memoryview(id).mbuf);  // memory_traverse
      return;
    case TypeTag::kManagedBuffer:
      visit_if_set(heap.managed_buffer(id).exporter);  // mbuf_traverse: master.obj
      return;
    case TypeTag::kPartial: {
      // partial_traverse's order (3.10+ visit the heap type first, which
      // gc.get_referents adds: the static type object is not traversed).
      const PartialBody& body = heap.partial(id);
      visit_if_set(body.function);
      visit_if_set(body.args);
      visit_if_set(body.keywords);
      return;
    }
    case TypeTag::kSuper: {
      const SuperBody& body = heap.super_body(id);  // super_traverse's order
      visit(body.obj);
      visit(body.type);
      visit(body.obj_type);
      return;
    }
    case TypeTag::kMethod:
    case TypeTag::kBuiltinFunction:
    case TypeTag::kMethodWrapper: {
      const BoundBody& body = heap.bound(id);
      visit_if_set(body.callable);
      visit_if_set(body.self);
      return;
    }
    case TypeTag::kIterator:
    case TypeTag::kRangeIterator:
    case TypeTag::kGenerator:
    case TypeTag::kDictView: {
      const IteratorBody& body = heap.iterator(id);
      if (heap.type_of(id) == TypeTag::kIterator &&
          static_cast<IterKind>(heap.object(id).subtype) == IterKind::kOrderedDictKeys) {
        // odictiter_traverse: di_odict, di_current, di_result.
        visit_if_set(body.source);
        visit_if_set(body.held[0]);
        visit_if_set(body.extra);
        return;
      }
      for (ObjectId held : body.held) visit_if_set(held);
      for (ObjectId held : body.stack) visit_if_set(held);
      visit_if_set(body.source);
      visit_if_set(body.extra);
      return;
    }
    case TypeTag::kSlice: {
      const SliceBody& body = heap.slice(id);
      visit_if_set(body.start);
      visit_if_set(body.stop);
      visit_if_set(body.step);
      return;
    }
    case TypeTag::kException:
      visit_if_set(heap.exception(id).args);
      ForEachTracebackReference(heap, id, visit);
      visit_if_set(heap.exception(id).cause);
      return;
    case TypeTag::kModule:
      visit_if_set(heap.module(id).dict);
      return;
    case TypeTag::kWeakRef:
      // A KeyedRef's subtype_traverse visits its key slot; gc_traverse
      // visits the callback, never the referent.
      visit_if_set(heap.weakref(id).key);
      visit_if_set(heap.weakref(id).callback);
      return;
    case TypeTag::kWeakContainer: {
      // The references the Python objects hold; a finalize's reference to
      // itself (its registry's) is no traversed one.
      const WeakContainerBody& body = heap.weak_container(id);
      visit_if_set(body.data);
      for (const WeakEntry& entry : body.entries) {
        visit_if_set(entry.weakref);
        visit_if_set(entry.value);
      }
      visit_if_set(body.remover);
      visit_if_set(body.weakref);
      visit_if_set(body.func);
      visit_if_set(body.args);
      visit_if_set(body.kwargs);
      return;
    }
    default:
      return;
  }
}

// ForEachReferent in the order tp_traverse visits them, which the
// collector's reachability pass and gc.get_referents() follow: list_traverse
// and tupletraverse go from the last item to the first (a namedtuple's
// subtype_traverse visits its class before).
template <typename Visitor>
void ForEachTraversed(const Heap& heap, ObjectId id, Visitor&& visit) {
  const TypeTag type = heap.type_of(id);
  if (type != TypeTag::kList && type != TypeTag::kTuple) {
    ForEachReferent(heap, id, visit);
    return;
  }
  if (type == TypeTag::kTuple && heap.tuple(id).type != kNoObject) visit(heap.tuple(id).type);
  const std::vector<ObjectId>& items =
      type == TypeTag::kList ? heap.list(id).items : heap.tuple(id).items;
  for (size_t i = items.size(); i-- > 0;) visit(items[i]);
}

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_REFERENTS_H_
