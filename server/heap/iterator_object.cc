#include "server/heap/iterator_object.h"

#include "absl/strings/str_cat.h"
#include "server/heap/tuple_object.h"

namespace heapsim {

namespace {

// A deque iterator (dequeiterobject and its GC header), in every version.
constexpr uint32_t kDequeIteratorRequest = 72;

// A reversed object (index, seq and its GC header), in every version.
constexpr uint32_t kReversedRequest = 48;


}  // namespace

uint32_t IteratorSize(const AuxSizes& aux, IterKind kind) {
  switch (kind) {
    case IterKind::kRange:
      return aux.range_iterator;
    case IterKind::kArray:
      return 56;  // arrayiterobject (index, array, getitem function) and its GC header
    case IterKind::kDictKeys:
    case IterKind::kDictValues:
    case IterKind::kDictItems:
    case IterKind::kDictReverseKeys:
    case IterKind::kDictReverseValues:
    case IterKind::kDictReverseItems:
      return aux.dict_iterator;
    case IterKind::kReversed:
      return kReversedRequest;
    case IterKind::kSet:
      return aux.set_iterator;
    case IterKind::kEnumerate:
      return aux.enumerate;
    case IterKind::kZip:
      return aux.zip;
    case IterKind::kMap:
    case IterKind::kFilter:
      return aux.map_filter;
    case IterKind::kDeque:
      return kDequeIteratorRequest;
    case IterKind::kOrderedDictKeys:
      return 80;  // odictiterobject and its GC header, in every version
    default:
      return aux.seq_iterator;
  }
}

bool IsDictIteratorKind(IterKind kind) {
  return kind == IterKind::kDictKeys || kind == IterKind::kDictValues ||
         kind == IterKind::kDictItems || kind == IterKind::kDictReverseKeys ||
         kind == IterKind::kDictReverseValues || kind == IterKind::kDictReverseItems;
}

Ref NewIterator(Heap& heap, IterKind kind, ObjectId source, int64_t start, int64_t end,
                int64_t step) {
  // range iterators are not GC objects; everything else is.
  const ObjectId id =
      heap.NewObject(kind == IterKind::kRange ? TypeTag::kRangeIterator : TypeTag::kIterator,
                     IteratorSize(heap.profile().aux, kind));
  IteratorBody body;
  body.source = source;
  if (source != kNoObject) heap.IncRef(source);
  body.index = start;
  body.end = end;
  body.step = step;
  if (IsDictIteratorKind(kind)) {
    body.end = body.position = heap.dict(source).used;
  } else if (kind == IterKind::kSet) {
    body.end = body.position = heap.set(source).used;
  }
  heap.AttachBody(id, std::move(body));
  heap.set_subtype(id, static_cast<uint8_t>(kind));
  if (kind != IterKind::kRange) heap.Track(id);
  return heap.Adopt(id);
}

Ref NewResultPair(Heap& heap) {
  heap.IncRef(heap.none());
  heap.IncRef(heap.none());
  return NewTuple(heap, {heap.none(), heap.none()});
}

Ref FillIteratorResult(Heap& heap, ObjectId iterator, std::vector<Ref> items) {
  IteratorBody& body = heap.iterator(iterator);
  const ObjectId cached = body.extra;
  if (cached != kNoObject && heap.object(cached).refcount == 1) {
    std::vector<ObjectId>& slots = heap.tuple(cached).items;
    std::vector<ObjectId> old = slots;
    for (size_t i = 0; i < slots.size(); ++i) slots[i] = items[i].release();
    for (ObjectId value : old) heap.DecRef(value);
    // A recycled result may have been untracked by a collection.
    if (!heap.IsTracked(cached)) heap.Track(cached);
    return heap.NewRef(cached);
  }
  std::vector<ObjectId> owned;
  for (Ref& item : items) owned.push_back(item.release());
  return NewTuple(heap, std::move(owned));
}

Ref NewDictView(Heap& heap, ViewKind kind, ObjectId dict) {
  const ObjectId id = heap.NewObject(TypeTag::kDictView, heap.profile().aux.dict_view);
  heap.IncRef(dict);
  IteratorBody body;
  body.source = dict;
  heap.AttachBody(id, std::move(body));
  heap.set_subtype(id, static_cast<uint8_t>(kind));
  heap.Track(id);
  return heap.Adopt(id);
}

uint64_t GeneratorSize(const Profile& profile, uint32_t frame_slots) {
  if (!profile.generator_embeds_frame) return profile.aux.generator;
  return profile.aux.generator + uint64_t{8} * frame_slots;
}

Ref NewGenerator(Heap& heap, uint32_t state, uint32_t frame_slots, ObjectId code) {
  const ObjectId id =
      heap.NewObject(TypeTag::kGenerator, GeneratorSize(heap.profile(), frame_slots));
  IteratorBody body;
  body.generator = state;
  body.code = code;
  body.frame_slots = frame_slots;
  heap.AttachBody(id, std::move(body));
  heap.Track(id);
  return heap.Adopt(id);
}

absl::Status SetLikeViewRefusal(std::string_view what) {
  return absl::UnimplementedError(
      absl::StrCat(std::string(what), " of a dict keys or items view (the sets and iterators "
                                      "CPython makes for it)"));
}

absl::Status SaturatedRangeRefusal(std::string_view what) {
  return absl::UnimplementedError(
      absl::StrCat(std::string(what), " of a range with a bound past 64 bits (heapsim holds such a range "
                         "only to iterate it)"));
}

Ref NewSlice(Heap& heap, ObjectId start, ObjectId stop, ObjectId step) {
  auto& cache = heap.free_lists().slices;
  ObjectId id;
  if (!cache.empty()) {
    id = heap.NewObjectAt(TypeTag::kSlice, cache.back() + heap.HeaderBytes(TypeTag::kSlice));
    cache.pop_back();
  } else {
    id = heap.NewObject(TypeTag::kSlice, heap.profile().aux.slice);
  }
  heap.IncRef(start);
  heap.IncRef(stop);
  heap.IncRef(step);
  heap.AttachBody(id, SliceBody{start, stop, step});
  heap.Track(id);
  return heap.Adopt(id);
}

Ref NewException(Heap& heap, std::string type_name, Ref args) {
  const ObjectId id = heap.NewObject(TypeTag::kException, heap.profile().aux.exception);
  heap.AttachBody(id, ExceptionBody{std::move(type_name), args.release()});
  heap.Track(id);
  return heap.Adopt(id);
}

}  // namespace heapsim
