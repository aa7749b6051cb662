#include "server/heap/tuple_object.h"

namespace heapsim {

namespace {


}  // namespace

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

uint64_t TupleSizeOf(const Heap& heap, ObjectId id) {
  return TupleRequest(heap.tuple(id).items.size());
}

}  // namespace heapsim
