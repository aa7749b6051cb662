// Iterators, dict views, generators, ranges, slices and exceptions: the
// short-lived objects loops and expressions make.

#ifndef HEAPSIM_SERVER_HEAP_ITERATOR_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_ITERATOR_OBJECT_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "server/heap/heap.h"

namespace heapsim {

// The request (GC header included) of an iterator of `kind`.
uint32_t IteratorSize(const AuxSizes& aux, IterKind kind);

// True for the dict iterators, forward and reverse, of all three kinds.
bool IsDictIteratorKind(IterKind kind);

// iter(source) for the built-in iterable kinds; `end` bounds ranges. A dict
// or set iterator notes its container's size (in `end`, CPython's di_used or
// si_used) and the items it has left to give (in `position`, `len`), so that
// iterating detects the container changing.
Ref NewIterator(Heap& heap, IterKind kind, ObjectId source, int64_t start = 0, int64_t end = 0,
                int64_t step = 1);

// A 2-tuple (None, None): the result tuple an iterator recycles (dict items,
// enumerate, zip), made with the iterator and kept in its `extra`.
Ref NewResultPair(Heap& heap);

// Fills `iterator`'s cached result tuple with `items` (new references),
// reusing it when nobody else holds it, else making a new tuple: CPython's
// result recycling.
Ref FillIteratorResult(Heap& heap, ObjectId iterator, std::vector<Ref> items);

// d.keys(), d.values(), d.items().
Ref NewDictView(Heap& heap, ViewKind kind, ObjectId dict);

// A generator object running `code`; `state` identifies the interpreter's
// suspended evaluation. `frame_slots` (co_nlocalsplus + co_stacksize)
// sizes the frame it embeds where the profile says so.
Ref NewGenerator(Heap& heap, uint32_t state, uint32_t frame_slots, ObjectId code);

// sys.getsizeof / the allocation of a generator whose frame has
// `frame_slots` slots.
uint64_t GeneratorSize(const Profile& profile, uint32_t frame_slots);

// True for a keys or items view (the views with set operations and
// set-like comparisons; a values view compares by identity).
inline bool IsSetLikeView(const Heap& heap, ObjectId id) {
  return heap.type_of(id) == TypeTag::kDictView &&
         static_cast<ViewKind>(heap.object(id).subtype) != ViewKind::kValues;
}

// The refusal of `what` on a keys or items view ("a comparison"): CPython
// builds sets and iterators for them that heapsim does not model yet.
absl::Status SetLikeViewRefusal(std::string_view what);

// True for a range a bound of which was held saturated (RangeBody).
inline bool IsSaturatedRange(const Heap& heap, ObjectId id) {
  return heap.type_of(id) == TypeTag::kRange && heap.range(id).saturated;
}

// The refusal of `what` (say "len()") of a saturated range.
absl::Status SaturatedRangeRefusal(std::string_view what);

// slice(start, stop, step), taking new references (None for missing parts);
// reuses the one-slice cache where CPython has it.
Ref NewSlice(Heap& heap, ObjectId start, ObjectId stop, ObjectId step);

// An exception instance of `type_name` with `args` (reference taken).
Ref NewException(Heap& heap, std::string type_name, Ref args);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_ITERATOR_OBJECT_H_
