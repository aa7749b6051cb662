#include "server/heap/list_object.h"

#include <algorithm>
#include <utility>

#include "server/heap/py_error.h"
#include "server/heap/value_ops.h"

namespace heapsim {

namespace {

constexpr uint64_t kPointer = 8;
constexpr uint64_t kRecycleOnStack = 8;  // list_ass_slice's stack buffer

// The slot count list_resize picks for `new_size` items when it must
// reallocate, given the current item count.
uint64_t GrowthFor(const Profile& profile, uint64_t new_size, uint64_t size) {
  if (new_size == 0) return 0;
  if (!profile.list_growth_rounds_to_4) {
    return new_size + (new_size >> 3) + (new_size < 9 ? 3 : 6);
  }
  uint64_t allocated = (new_size + (new_size >> 3) + 6) & ~uint64_t{3};
  if (new_size > size && new_size - size > allocated - new_size) {
    allocated = (new_size + 3) & ~uint64_t{3};
  }
  return allocated;
}

uint64_t PreallocationFor(const Profile& profile, uint64_t slots) {
  return profile.list_prealloc_rounds_even ? (slots + 1) & ~uint64_t{1} : slots;
}

void SetAllocated(Heap& heap, ObjectId list, uint64_t allocated) {
  ListBody& body = heap.list(list);
  if (allocated == body.allocated && body.items_block != 0) return;
  body.items_block = heap.ReallocateBuffer(body.items_block, allocated * kPointer);
  body.allocated = allocated;
  // The host's items grow as CPython's do (by about an eighth), not by the
  // vector's doubling: a list near the session's byte limit then holds about
  // half its simulated size on the host, not up to three halves in a copy.
  if (allocated > body.items.capacity()) body.items.reserve(allocated);
}

// Drops references last to first.
void DropReversed(Heap& heap, const std::vector<ObjectId>& items) {
  for (size_t i = items.size(); i-- > 0;) heap.DecRef(items[i]);
}

}  // namespace

namespace {

Ref MakeList(Heap& heap, uint64_t allocated, bool from_free_list) {
  auto& free_list = heap.free_lists().lists;
  ObjectId id;
  if (from_free_list && !free_list.empty()) {
    id = heap.NewObjectAt(TypeTag::kList, free_list.back() + heap.HeaderBytes(TypeTag::kList));
    free_list.pop_back();
  } else {
    id = heap.NewObject(TypeTag::kList, kListObjectRequest);
  }
  ListBody body;
  if (allocated > 0) {
    body.allocated = allocated;
    body.items_block = heap.AllocateBuffer(allocated * kPointer);
  }
  heap.AttachBody(id, std::move(body));
  heap.Track(id);
  return heap.Adopt(id);
}

}  // namespace

Ref NewList(Heap& heap, uint64_t allocated) { return MakeList(heap, allocated, true); }

Ref NewListForConstructor(Heap& heap) { return MakeList(heap, 0, false); }

Ref NewListOf(Heap& heap, const std::vector<ObjectId>& items) {
  // `items` may live in the heap's own tables, which NewList can move.
  std::vector<ObjectId> copy = items;
  Ref list = NewList(heap, copy.size());
  for (ObjectId item : copy) heap.IncRef(item);
  heap.list(list.get()).items = std::move(copy);
  return list;
}

uint64_t ListInitPreallocation(const Profile& profile, ExtendSource source, uint64_t length) {
  if (!profile.list_init_preallocates || source == ExtendSource::kUnsized || length == 0) return 0;
  return PreallocationFor(profile, length);
}

void ListResize(Heap& heap, ObjectId list, uint64_t new_size) {
  const ListBody& body = heap.list(list);
  if (body.allocated >= new_size && new_size >= (body.allocated >> 1)) return;
  SetAllocated(heap, list, GrowthFor(heap.profile(), new_size, body.items.size()));
}

void ListPreallocate(Heap& heap, ObjectId list, uint64_t slots) {
  ListBody& body = heap.list(list);
  body.allocated = PreallocationFor(heap.profile(), slots);
  body.items_block = heap.AllocateBuffer(body.allocated * kPointer);
}

void ListAppend(Heap& heap, ObjectId list, ObjectId item) {
  ListBody& body = heap.list(list);
  if (body.items.size() >= body.allocated) ListResize(heap, list, body.items.size() + 1);
  heap.IncRef(item);
  heap.list(list).items.push_back(item);
}

namespace {

// Makes room for `extra` more items, as list_extend does before filling.
void ReserveForExtend(Heap& heap, ObjectId list, ExtendSource source, uint64_t extra) {
  const Profile& profile = heap.profile();
  const ListBody& body = heap.list(list);
  const bool empty_array = body.items_block == 0;
  const bool grows = source == ExtendSource::kMapping && profile.list_extend_mapping_grows;
  if (empty_array && extra > 0 && profile.list_extend_empty_preallocates && !grows) {
    ListPreallocate(heap, list, extra);
    return;
  }
  ListResize(heap, list, body.items.size() + extra);
}

}  // namespace

void ListExtend(Heap& heap, ObjectId list, const std::vector<ObjectId>& items,
                ExtendSource source, uint64_t hint) {
  if (source == ExtendSource::kListOrTuple || source == ExtendSource::kMapping) {
    if (items.empty()) return;
    ReserveForExtend(heap, list, source, items.size());
    for (ObjectId item : items) heap.IncRef(item);
    ListBody& body = heap.list(list);
    body.items.insert(body.items.end(), items.begin(), items.end());
    return;
  }
  size_t next = 0;
  ListExtendLazy(heap, list, source, hint, [&]() -> absl::StatusOr<ObjectId> {
    if (next == items.size()) return kNoObject;
    heap.IncRef(items[next]);
    return items[next++];
  }).IgnoreError();
}

absl::Status ListExtendLazy(Heap& heap, ObjectId list, ExtendSource source, uint64_t hint,
                            const std::function<absl::StatusOr<ObjectId>()>& next) {
  if (source == ExtendSource::kUnsized) hint = 8;  // PyObject_LengthHint's default
  if (hint > 0) ReserveForExtend(heap, list, source, hint);
  absl::Status status;
  while (true) {
    absl::StatusOr<ObjectId> item = next();
    if (!item.ok()) {
      status = item.status();
      break;
    }
    if (*item == kNoObject) break;
    ListBody& body = heap.list(list);
    if (body.items.size() >= body.allocated) ListResize(heap, list, body.items.size() + 1);
    heap.list(list).items.push_back(*item);
  }
  // Give back an over-generous guess.
  const ListBody& body = heap.list(list);
  if (body.items.size() < body.allocated) ListResize(heap, list, body.items.size());
  return status;
}

void ListInsert(Heap& heap, ObjectId list, int64_t index, ObjectId item) {
  const auto size = static_cast<int64_t>(heap.list(list).items.size());
  ListResize(heap, list, static_cast<uint64_t>(size + 1));
  if (index < 0) {
    index += size;
    if (index < 0) index = 0;
  }
  if (index > size) index = size;
  heap.IncRef(item);
  std::vector<ObjectId>& items = heap.list(list).items;
  items.insert(items.begin() + index, item);
}

std::vector<Ref> ListTakeTail(Heap& heap, ObjectId list, uint64_t count) {
  std::vector<ObjectId>& items = heap.list(list).items;
  const uint64_t taken_count = std::min<uint64_t>(count, items.size());
  const auto first = items.end() - static_cast<std::ptrdiff_t>(taken_count);
  std::vector<Ref> taken;
  for (auto it = first; it != items.end(); ++it) taken.push_back(heap.Adopt(*it));
  items.erase(first, items.end());
  return taken;
}

absl::StatusOr<Ref> ListPop(Heap& heap, ObjectId list, int64_t index) {
  const auto size = static_cast<int64_t>(heap.list(list).items.size());
  if (size == 0) return PyError(PyExc::kIndexError, "pop from empty list");
  if (index < 0) index += size;
  if (index < 0 || index >= size) return PyError(PyExc::kIndexError, "pop index out of range");
  const ObjectId item = heap.list(list).items[index];
  if (index == size - 1) {
    ListResize(heap, list, static_cast<uint64_t>(size - 1));
    heap.list(list).items.pop_back();
    return heap.Adopt(item);  // the list's reference passes to the caller
  }
  heap.IncRef(item);
  ListAssignSlice(heap, list, static_cast<uint64_t>(index), static_cast<uint64_t>(index + 1), {});
  return heap.Adopt(item);
}

absl::Status ListSetItem(Heap& heap, ObjectId list, int64_t index, ObjectId item) {
  std::vector<ObjectId>& items = heap.list(list).items;
  const auto size = static_cast<int64_t>(items.size());
  if (index < 0) index += size;
  if (index < 0 || index >= size) {
    return PyError(PyExc::kIndexError, "list assignment index out of range");
  }
  heap.IncRef(item);
  const ObjectId old = std::exchange(items[index], item);
  heap.DecRef(old);
  return absl::OkStatus();
}

absl::Status ListDelItem(Heap& heap, ObjectId list, int64_t index) {
  const auto size = static_cast<int64_t>(heap.list(list).items.size());
  if (index < 0) index += size;
  if (index < 0 || index >= size) {
    return PyError(PyExc::kIndexError, "list assignment index out of range");
  }
  if (heap.profile().list_del_item_keeps_allocation) {
    std::vector<ObjectId>& items = heap.list(list).items;
    const ObjectId removed = items[index];
    items.erase(items.begin() + index);
    heap.DecRef(removed);
    return absl::OkStatus();
  }
  ListAssignSlice(heap, list, static_cast<uint64_t>(index), static_cast<uint64_t>(index + 1), {});
  return absl::OkStatus();
}

absl::Status ListRemove(Heap& heap, ObjectId list, ObjectId value) {
  const std::vector<ObjectId>& items = heap.list(list).items;
  for (size_t i = 0; i < items.size(); ++i) {
    absl::StatusOr<bool> equal = EqualChecked(heap, items[i], value);
    if (!equal.ok()) return equal.status();
    if (*equal) {
      ListAssignSlice(heap, list, i, i + 1, {});
      return absl::OkStatus();
    }
  }
  return PyError(PyExc::kValueError, "list.remove(x): x not in list");
}

void ListDeleteExtendedSlice(Heap& heap, ObjectId list, int64_t start, int64_t step,
                             uint64_t count) {
  if (count == 0) return;
  if (step < 0) {
    // Walk it forwards: same items.
    start = start + step * static_cast<int64_t>(count - 1);
    step = -step;
  }
  const uint64_t garbage_block = heap.AllocateBuffer(count * kPointer);
  std::vector<ObjectId>& items = heap.list(list).items;
  std::vector<ObjectId> garbage;
  std::vector<ObjectId> kept;
  kept.reserve(items.size() - count);
  for (size_t i = 0; i < items.size(); ++i) {
    const auto offset = static_cast<int64_t>(i) - start;
    if (offset >= 0 && offset % step == 0 && static_cast<uint64_t>(offset / step) < count) {
      garbage.push_back(items[i]);
    } else {
      kept.push_back(items[i]);
    }
  }
  items = std::move(kept);
  ListResize(heap, list, heap.list(list).items.size());
  for (ObjectId item : garbage) heap.DecRef(item);
  heap.FreeBuffer(garbage_block);
}

void ListAssignSlice(Heap& heap, ObjectId list, uint64_t low, uint64_t high,
                     const std::vector<ObjectId>& replacement) {
  const uint64_t size = heap.list(list).items.size();
  const uint64_t removed_count = high - low;
  if (size - removed_count + replacement.size() == 0) {
    ListClear(heap, list);
    return;
  }
  // CPython copies the removed items aside, in a heap buffer when there are
  // more than fit its stack buffer.
  std::vector<ObjectId>& items = heap.list(list).items;
  std::vector<ObjectId> removed(items.begin() + low, items.begin() + high);
  const uint64_t recycle_block =
      removed_count > kRecycleOnStack ? heap.AllocateBuffer(removed_count * kPointer) : 0;
  for (ObjectId item : replacement) heap.IncRef(item);
  if (replacement.size() < removed_count) {
    items.erase(items.begin() + low + replacement.size(), items.begin() + high);
    std::copy(replacement.begin(), replacement.end(), items.begin() + low);
    ListResize(heap, list, size - removed_count + replacement.size());
  } else {
    const uint64_t growth = replacement.size() - removed_count;
    if (growth > 0) {
      ListResize(heap, list, size + growth);
    }
    std::vector<ObjectId>& grown = heap.list(list).items;
    grown.insert(grown.begin() + high, growth, kNoObject);
    std::copy(replacement.begin(), replacement.end(), grown.begin() + low);
  }
  DropReversed(heap, removed);
  heap.FreeBuffer(recycle_block);
}

void ListClear(Heap& heap, ObjectId list) {
  ListBody& body = heap.list(list);
  std::vector<ObjectId> items = std::move(body.items);
  body.items.clear();
  const uint64_t block = std::exchange(body.items_block, 0);
  body.allocated = 0;
  DropReversed(heap, items);
  heap.FreeBuffer(block);
}

void ListReorder(Heap& heap, ObjectId list, std::vector<ObjectId> order) {
  heap.list(list).items = std::move(order);
}

uint64_t ListSizeOf(const Heap& heap, ObjectId id) {
  return kListObjectRequest + kPointer * heap.list(id).allocated;
}

}  // namespace heapsim
