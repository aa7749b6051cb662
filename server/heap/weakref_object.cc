#include "server/heap/weakref_object.h"

#include <algorithm>
#include <utility>
#include <cassert>
#include <vector>

#include "server/heap/counter_object.h"

namespace heapsim {

WeakReferenceable WeakReferenceableKind(const Heap& heap, ObjectId object) {
  switch (heap.type_of(object)) {
    case TypeTag::kInstance:
      return heap.cls(heap.instance(object).cls).instance_weakref ? WeakReferenceable::kYes
                                                                  : WeakReferenceable::kNo;
    case TypeTag::kFunction:
    case TypeTag::kPartial:
    case TypeTag::kLruCacheDecorator:
      return WeakReferenceable::kYes;
    case TypeTag::kLruCache:
      return heap.profile().lru_cache.weak_referenceable ? WeakReferenceable::kYes
                                                         : WeakReferenceable::kNo;
    case TypeTag::kNamedTupleType:
    case TypeTag::kClass:  // its base's __subclasses__ already holds a weakref to it
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
    case TypeTag::kGenerator:
    case TypeTag::kMethod:
    case TypeTag::kCode:
    case TypeTag::kModule:
    case TypeTag::kBuiltinFunction:
    case TypeTag::kBuiltinType:
    case TypeTag::kFrame:
    case TypeTag::kWeakRef:  // weakref.ref is subclassable and weakly referenceable
      return IsWeakProxy(heap, object) ? WeakReferenceable::kNo : WeakReferenceable::kUnmodelled;
    case TypeTag::kDeque:
    case TypeTag::kMemoryView:
    case TypeTag::kWeakContainer:
      return WeakReferenceable::kUnmodelled;
    case TypeTag::kDict:
      // A Counter's class adds __weakref__.
      return IsCounter(heap, object) ? WeakReferenceable::kUnmodelled : WeakReferenceable::kNo;
    default:
      return WeakReferenceable::kNo;
  }
}

Ref NewWeakRef(Heap& heap, ObjectId referent) {
  auto& lists = heap.weak_lists();
  if (auto it = lists.find(referent); it != lists.end()) {
    // A callback-less reference is always first in the list.
    const ObjectId first = it->second.front();
    const WeakRefBody& body = heap.weakref(first);
    if (body.callback == kNoObject && body.kind == WeakRefKind::kRef) return heap.NewRef(first);
  }
  const ObjectId id = heap.NewObject(TypeTag::kWeakRef, heap.profile().aux.weakref);
  heap.AttachBody(id, WeakRefBody{referent, kNoObject});
  heap.Track(id);
  std::vector<ObjectId>& list = lists[referent];
  list.insert(list.begin(), id);
  heap.set_flag(referent, kHasWeakRefs, true);
  return heap.Adopt(id);
}

Ref NewWeakRefWithCallback(Heap& heap, ObjectId referent, ObjectId callback) {
  const ObjectId id = heap.NewObject(TypeTag::kWeakRef, heap.profile().aux.weakref);
  heap.IncRef(callback);
  heap.AttachBody(id, WeakRefBody{referent, callback});
  heap.Track(id);
  std::vector<ObjectId>& list = heap.weak_lists()[referent];
  auto position = list.begin();
  while (position != list.end() && heap.weakref(*position).callback == kNoObject) ++position;
  list.insert(position, id);
  heap.set_flag(referent, kHasWeakRefs, true);
  return heap.Adopt(id);
}

namespace {

// get_basic_refs: how many callback-less weakref objects head `referent`'s
// list (its basic reference first, then its basic proxy), and whether the
// basic proxy is among them.
struct BasicRefs {
  size_t count = 0;
  bool proxy = false;
};
BasicRefs BasicRefsOf(const Heap& heap, ObjectId referent) {
  BasicRefs basic;
  const std::span<const ObjectId> list = WeakRefsTo(heap, referent);
  auto callback_less = [&](WeakRefKind kind) {
    if (basic.count >= list.size()) return false;
    const WeakRefBody& body = heap.weakref(list[basic.count]);
    return body.callback == kNoObject &&
           (body.kind == WeakRefKind::kRef) == (kind == WeakRefKind::kRef);
  };
  if (callback_less(WeakRefKind::kRef)) ++basic.count;
  if (callback_less(WeakRefKind::kProxy)) {
    ++basic.count;
    basic.proxy = true;
  }
  return basic;
}

}  // namespace

Ref NewWeakProxy(Heap& heap, ObjectId referent, bool callable, ObjectId callback) {
  if (callback == kNoObject) {
    const BasicRefs basic = BasicRefsOf(heap, referent);
    if (basic.proxy) return heap.NewRef(WeakRefsTo(heap, referent)[basic.count - 1]);
  }
  const ObjectId id = heap.NewObject(TypeTag::kWeakRef, heap.profile().aux.weakref);
  if (callback != kNoObject) heap.IncRef(callback);
  heap.AttachBody(id, WeakRefBody{referent, callback, kNoObject,
                                  callable ? WeakRefKind::kCallableProxy : WeakRefKind::kProxy});
  heap.Track(id);
  // After the basic references, looked up again after the allocation
  // (which may have collected), as CPython does.
  const size_t position = BasicRefsOf(heap, referent).count;
  std::vector<ObjectId>& list = heap.weak_lists()[referent];
  list.insert(list.begin() + static_cast<std::ptrdiff_t>(position), id);
  heap.set_flag(referent, kHasWeakRefs, true);
  return heap.Adopt(id);
}

bool IsWeakProxy(const Heap& heap, ObjectId object) {
  return heap.type_of(object) == TypeTag::kWeakRef &&
         heap.weakref(object).kind != WeakRefKind::kRef;
}

bool HasWeakRefCallbacks(const Heap& heap, ObjectId object) {
  for (ObjectId weakref : WeakRefsTo(heap, object)) {
    if (heap.weakref(weakref).callback != kNoObject) return true;
  }
  return false;
}

bool AnyWeakRefCallbackPending(const Heap& heap) {
  for (const auto& [referent, list] : heap.weak_lists()) {
    for (ObjectId weakref : list) {
      if (heap.weakref(weakref).callback != kNoObject) return true;
    }
  }
  return false;
}

std::vector<DueWeakRefCallback> ClearWeakRefsTakingCallbacks(Heap& heap, ObjectId object) {
  std::vector<DueWeakRefCallback> due;
  auto node = heap.weak_lists().extract(object);
  heap.set_flag(object, kHasWeakRefs, false);
  if (node.empty()) return due;
  for (ObjectId weakref : node.mapped()) {
    WeakRefBody& body = heap.weakref(weakref);
    body.referent = kNoObject;
    if (body.callback != kNoObject) {
      due.push_back({weakref, std::exchange(body.callback, kNoObject)});
    }
  }
  return due;
}

void ClearWeakRefKeepingCallback(Heap& heap, ObjectId weakref) {
  WeakRefBody& body = heap.weakref(weakref);
  const ObjectId callback = std::exchange(body.callback, kNoObject);
  UnlinkWeakRef(heap, weakref);
  heap.weakref(weakref).callback = callback;
}

std::span<const ObjectId> WeakRefsTo(const Heap& heap, ObjectId object) {
  if (!heap.object(object).has(kHasWeakRefs)) return {};
  return heap.weak_lists().at(object);
}

void ClearWeakRefsTo(Heap& heap, ObjectId object) {
  auto node = heap.weak_lists().extract(object);
  heap.set_flag(object, kHasWeakRefs, false);
  if (node.empty()) return;
  for (ObjectId weakref : node.mapped()) {
    assert(heap.weakref(weakref).callback == kNoObject);
    heap.weakref(weakref).referent = kNoObject;
  }
}

void UnlinkWeakRef(Heap& heap, ObjectId weakref) {
  WeakRefBody& body = heap.weakref(weakref);
  if (const ObjectId referent = std::exchange(body.referent, kNoObject); referent != kNoObject) {
    auto it = heap.weak_lists().find(referent);
    std::vector<ObjectId>& list = it->second;
    list.erase(std::find(list.begin(), list.end(), weakref));
    if (list.empty()) {
      heap.weak_lists().erase(it);
      heap.set_flag(referent, kHasWeakRefs, false);
    }
  }
  if (const ObjectId callback = std::exchange(body.callback, kNoObject); callback != kNoObject) {
    heap.DecRef(callback);
  }
}

}  // namespace heapsim
