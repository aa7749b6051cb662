#include "server/heap/tuple_object.h"

#include <cstddef>
#include <optional>

namespace heapsim {

namespace {

// `count` new references to None.
std::vector<ObjectId> Nones(Heap& heap, size_t count) {
  for (size_t i = 0; i < count; ++i) heap.IncRef(heap.none());
  return std::vector<ObjectId>(count, heap.none());
}

}  // namespace

namespace {

// A static tuple of new references to `items`; `refcount` as
// Heap::NewStaticObject takes it.
ObjectId MakeStaticTuple(Heap& heap, std::vector<ObjectId> items,
                         std::optional<uint32_t> refcount) {
  for (ObjectId item : items) heap.IncRef(item);
  const ObjectId id = heap.NewStaticObject(TypeTag::kTuple, TupleRequest(items.size()), refcount);
  heap.AttachBody(id, TupleBody{std::move(items)});
  return id;
}

}  // namespace

ObjectId NewStaticTupleOf(Heap& heap, std::vector<ObjectId> items) {
  return MakeStaticTuple(heap, std::move(items), std::nullopt);
}

ObjectId NewCompiledTupleOf(Heap& heap, std::vector<ObjectId> items) {
  return MakeStaticTuple(heap, std::move(items), /*refcount=*/1);
}

Ref NewTuple(Heap& heap, std::vector<ObjectId> items) {
  if (items.empty()) return heap.NewRef(heap.empty_tuple());
  const size_t length = items.size();
  ObjectId id;
  auto& free_lists = heap.free_lists();
  if (length < free_lists.tuples.size() && !free_lists.tuples[length].empty()) {
    id = heap.NewObjectAt(TypeTag::kTuple, free_lists.tuples[length].back() + kTupleGcHeader);
    free_lists.tuples[length].pop_back();
  } else {
    id = heap.NewObject(TypeTag::kTuple, TupleRequest(length));
  }
  heap.AttachBody(id, TupleBody{std::move(items)});
  heap.Track(id);
  return heap.Adopt(id);
}

Ref NewTupleOf(Heap& heap, const std::vector<ObjectId>& items) {
  for (ObjectId item : items) heap.IncRef(item);
  return NewTuple(heap, items);
}

void TupleResize(Heap& heap, Ref* tuple, size_t length) {
  const ObjectId id = tuple->get();
  const size_t old_length = heap.tuple(id).items.size();
  if (old_length == length) return;
  if (length == 0 && heap.profile().tuple_resize_to_empty_is_singleton) {
    *tuple = heap.NewRef(heap.empty_tuple());
    return;
  }
  if (old_length == 0) {
    *tuple = NewTuple(heap, Nones(heap, length));
    return;
  }
  heap.Untrack(id);
  std::vector<ObjectId> dropped;
  std::vector<ObjectId>& items = heap.tuple(id).items;
  if (length < old_length) {
    dropped.assign(items.begin() + static_cast<std::ptrdiff_t>(length), items.end());
    items.resize(length);
  } else {
    // Exactly `length` slots on the host too (a vector's doubling would hold
    // up to three times a big tuple's items while it grows).
    for (size_t i = old_length; i < length; ++i) heap.IncRef(heap.none());
    items.reserve(length);
    items.resize(length, heap.none());
  }
  // As CPython: the dropped items go before the block is reallocated.
  for (ObjectId item : dropped) heap.DecRef(item);
  heap.ReallocateObject(id, TupleRequest(length));
  heap.Track(id);
}

uint64_t TupleSizeOf(const Heap& heap, ObjectId id) {
  return TupleRequest(heap.tuple(id).items.size());
}

}  // namespace heapsim
