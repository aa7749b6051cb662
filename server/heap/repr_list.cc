#include "server/heap/repr_list.h"

#include <utility>
#include <vector>

#include "server/heap/budget.h"
#include "server/heap/dict_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/set_object.h"
#include "server/heap/tuple_object.h"

namespace heapsim {

absl::StatusOr<Ref> ReprListOf(Heap& heap, ObjectId container) {
  // The items in iteration order: a set's keys, or a dict's entries.
  std::vector<std::pair<ObjectId, ObjectId>> entries;
  ViewKind view = ViewKind::kKeys;
  if (heap.type_of(container) == TypeTag::kDictView) {
    view = static_cast<ViewKind>(heap.object(container).subtype);
    entries = DictItems(heap, heap.iterator(container).source);
  } else {
    for (ObjectId key : SetKeys(heap, container)) entries.emplace_back(key, kNoObject);
  }
  Ref list = NewList(heap, 0);
  // list_extend: the iterator first (none where the container is read
  // directly), then room for the length hint, held to the session's limits.
  Ref iterator;
  if (!heap.profile().list_extend_reads_containers) {
    if (heap.type_of(container) != TypeTag::kDictView) {
      iterator = NewIterator(heap, IterKind::kSet, container);
    } else {
      const ObjectId dict = heap.iterator(container).source;
      static constexpr IterKind kKinds[] = {IterKind::kDictKeys, IterKind::kDictValues,
                                            IterKind::kDictItems};
      iterator = NewIterator(heap, kKinds[static_cast<int>(view)], dict);
      if (view == ViewKind::kItems) {
        heap.iterator(iterator.get()).extra = NewResultPair(heap).release();
      }
    }
  }
  const uint64_t count = entries.size();
  if (absl::Status s = CheckGrowth(heap, SizeOf(count, 8), SizeOf(count, sizeof(ObjectId)));
      !s.ok()) {
    return s;
  }
  size_t next = 0;
  absl::Status extended = ListExtendLazy(
      heap, list.get(), ExtendSource::kMapping, count, [&]() -> absl::StatusOr<ObjectId> {
        if (next == entries.size()) return kNoObject;
        const auto [key, value] = entries[next++];
        if (view == ViewKind::kValues) return heap.NewRef(value).release();
        if (view != ViewKind::kItems) return heap.NewRef(key).release();
        std::vector<Ref> pair;
        pair.push_back(heap.NewRef(key));
        pair.push_back(heap.NewRef(value));
        if (iterator) return FillIteratorResult(heap, iterator.get(), std::move(pair)).release();
        return NewTuple(heap, {pair[0].release(), pair[1].release()}).release();
      });
  if (!extended.ok()) return extended;
  return list;
}

}  // namespace heapsim
