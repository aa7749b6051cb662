#include "server/heap/weak_container_object.h"

#include <utility>

#include "server/heap/dict_object.h"
#include "server/heap/sizeof.h"
#include "server/heap/weakref_object.h"

namespace heapsim {

namespace {

// finalize: PyBaseObject plus its GC header (__slots__ = ()).
constexpr uint64_t kFinalizeRequest = 32;
// A remover stands for a function object; its size is never shown.
constexpr uint64_t kRemoverRequest = 16;

void DropIfSet(Heap& heap, ObjectId id) {
  if (id != kNoObject) heap.DecRef(id);
}

// Compacts the entries once most are holes, keeping their order.
void CompactEntries(WeakContainerBody& body) {
  if (body.entries.size() < 16 || body.live * 2 > body.entries.size()) return;
  std::vector<WeakEntry> kept;
  kept.reserve(body.live);
  body.entry_of.clear();
  for (const WeakEntry& entry : body.entries) {
    if (entry.weakref == kNoObject) continue;
    body.entry_of[entry.weakref] = static_cast<uint32_t>(kept.size());
    kept.push_back(entry);
  }
  body.entries = std::move(kept);
}

}  // namespace

std::string_view WeakContainerTypeName(WeakContainerKind kind) {
  switch (kind) {
    case WeakContainerKind::kValueDictionary:
      return "WeakValueDictionary";
    case WeakContainerKind::kKeyDictionary:
      return "WeakKeyDictionary";
    case WeakContainerKind::kSet:
      return "WeakSet";
    case WeakContainerKind::kFinalize:
      return "finalize";
    case WeakContainerKind::kRemover:
      return "function";
  }
  return "";
}

uint64_t WeakContainerSizeOf(const Heap& heap, ObjectId id) {
  switch (WeakContainerKindOf(heap, id)) {
    case WeakContainerKind::kFinalize:
      return kFinalizeRequest;
    case WeakContainerKind::kRemover:
      return heap.profile().aux.function;
    default: {
      const Profile& profile = heap.profile();
      return kGcHeaderSize + profile.instance_preheader + profile.instance_basic_size;
    }
  }
}

Ref NewWeakContainer(Heap& heap, WeakContainerKind kind) {
  const Profile& profile = heap.profile();
  const ObjectId id = heap.NewObject(
      TypeTag::kWeakContainer,
      kGcHeaderSize + profile.instance_preheader + profile.instance_basic_size);
  heap.set_subtype(id, static_cast<uint8_t>(kind));
  WeakContainerBody body;
  if (kind == WeakContainerKind::kValueDictionary) body.data = NewDict(heap).release();
  const ObjectId remover = heap.NewObject(TypeTag::kWeakContainer, kRemoverRequest);
  heap.set_subtype(remover, static_cast<uint8_t>(WeakContainerKind::kRemover));
  WeakContainerBody remover_body;
  remover_body.owner = id;
  heap.AttachBody(remover, std::move(remover_body));
  heap.Track(remover);
  body.remover = remover;
  heap.AttachBody(id, std::move(body));
  heap.Track(id);
  return heap.Adopt(id);
}

Ref NewKeyedRef(Heap& heap, ObjectId referent, ObjectId remover, ObjectId key) {
  Ref ref = NewWeakRefWithCallback(heap, referent, remover);
  heap.IncRef(key);
  heap.weakref(ref.get()).key = key;
  return ref;
}

int64_t FindWeakEntry(const Heap& heap, ObjectId container, ObjectId key) {
  const WeakContainerBody& body = heap.weak_container(container);
  for (ObjectId weakref : WeakRefsTo(heap, key)) {
    if (auto it = body.entry_of.find(weakref); it != body.entry_of.end()) return it->second;
  }
  return -1;
}

void SetWeakEntry(Heap& heap, ObjectId container, ObjectId key, ObjectId value) {
  if (value != kNoObject) heap.IncRef(value);
  if (const int64_t found = FindWeakEntry(heap, container, key); found >= 0) {
    const ObjectId old = std::exchange(heap.weak_container(container).entries[found].value, value);
    DropIfSet(heap, old);
    return;
  }
  const ObjectId remover = heap.weak_container(container).remover;
  const ObjectId weakref = NewWeakRefWithCallback(heap, key, remover).release();
  WeakContainerBody& body = heap.weak_container(container);
  body.entry_of[weakref] = static_cast<uint32_t>(body.entries.size());
  body.entries.push_back(WeakEntry{weakref, value});
  ++body.live;
}

void RemoveWeakEntry(Heap& heap, ObjectId container, uint32_t entry) {
  WeakContainerBody& body = heap.weak_container(container);
  const WeakEntry taken = std::exchange(body.entries[entry], WeakEntry{});
  body.entry_of.erase(taken.weakref);
  --body.live;
  CompactEntries(body);
  heap.DecRef(taken.weakref);
  DropIfSet(heap, taken.value);
}

void RemoveDeadEntry(Heap& heap, ObjectId remover, ObjectId weakref) {
  const ObjectId container = heap.weak_container(remover).owner;
  if (container == kNoObject) return;
  if (WeakContainerKindOf(heap, container) != WeakContainerKind::kValueDictionary) {
    const WeakContainerBody& body = heap.weak_container(container);
    if (auto it = body.entry_of.find(weakref); it != body.entry_of.end()) {
      RemoveWeakEntry(heap, container, it->second);
    }
    return;
  }
  const ObjectId data = heap.weak_container(container).data;
  const ObjectId key = heap.weakref(weakref).key;
  if (data == kNoObject || key == kNoObject) return;
  absl::StatusOr<ObjectId> value = DictLookup(heap, data, key);
  if (!value.ok() || *value == kNoObject || heap.type_of(*value) != TypeTag::kWeakRef ||
      WeakRefReferent(heap, *value) != kNoObject) {
    return;
  }
  DictDelItem(heap, data, key).IgnoreError();
}

uint64_t WeakContainerLength(const Heap& heap, ObjectId container) {
  const WeakContainerBody& body = heap.weak_container(container);
  if (WeakContainerKindOf(heap, container) == WeakContainerKind::kValueDictionary) {
    return heap.dict(body.data).used;
  }
  return body.live;
}

Ref NewFinalize(Heap& heap, ObjectId referent, Ref func, Ref args, Ref kwargs, uint64_t index) {
  const ObjectId id = heap.NewObject(TypeTag::kWeakContainer, kFinalizeRequest);
  heap.set_subtype(id, static_cast<uint8_t>(WeakContainerKind::kFinalize));
  WeakContainerBody body;
  body.func = func.release();
  body.args = args.release();
  body.kwargs = kwargs.release();
  body.index = index;
  heap.AttachBody(id, std::move(body));
  heap.Track(id);
  Ref self = heap.Adopt(id);
  const ObjectId weakref = NewWeakRefWithCallback(heap, referent, id).release();
  heap.weak_container(id).weakref = weakref;
  heap.IncRef(id);  // the registry's reference
  return self;
}

TakenFinalize TakeFinalize(Heap& heap, ObjectId finalize) {
  WeakContainerBody& body = heap.weak_container(finalize);
  TakenFinalize taken;
  if (body.weakref == kNoObject) return taken;
  taken.weakref = heap.Adopt(std::exchange(body.weakref, kNoObject));
  taken.func = heap.Adopt(std::exchange(body.func, kNoObject));
  taken.args = heap.Adopt(std::exchange(body.args, kNoObject));
  const ObjectId kwargs = std::exchange(body.kwargs, kNoObject);
  if (kwargs != kNoObject) taken.kwargs = heap.Adopt(kwargs);
  heap.DecRef(finalize);  // out of the registry
  return taken;
}

void ClearWeakContainer(Heap& heap, ObjectId id) {
  WeakContainerBody& body = heap.weak_container(id);
  if (WeakContainerKindOf(heap, id) == WeakContainerKind::kFinalize) {
    // Alive, it is never garbage (it refers to itself); dead, it holds
    // nothing.
    return;
  }
  if (body.remover != kNoObject) heap.weak_container(body.remover).owner = kNoObject;
  const ObjectId data = std::exchange(body.data, kNoObject);
  const ObjectId remover = std::exchange(body.remover, kNoObject);
  std::vector<WeakEntry> entries = std::move(body.entries);
  body.entries.clear();
  body.entry_of.clear();
  body.live = 0;
  for (const WeakEntry& entry : entries) {
    DropIfSet(heap, entry.weakref);
    DropIfSet(heap, entry.value);
  }
  DropIfSet(heap, data);
  DropIfSet(heap, remover);
}

void DeallocWeakContainer(Heap& heap, ObjectId id) {
  ClearWeakContainer(heap, id);
  heap.ReleaseObject(id, /*keep_block=*/false);
}

}  // namespace heapsim
