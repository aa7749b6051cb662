// The int objects of range objects. CPython's range holds its start, stop
// and step as int objects (the arguments themselves, or the small ints 0
// and 1 it defaults to) and a length int that compute_range_length makes;
// indexing a range computes the item with int arithmetic. The
// temporaries of that arithmetic are what tracemalloc's peak sees.
//
// Made exactly while every operand is a single 30-bit digit (CPython's
// arithmetic then sizes each result as PyLong_FromLong does); past that,
// the results are made by value and the figures noted inexact. The
// arithmetic runs on the int64 bounds the range holds, not on int objects.

#ifndef HEAPSIM_SERVER_HEAP_RANGE_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_RANGE_OBJECT_H_

#include "server/heap/heap.h"

namespace heapsim {

// range(start, stop, step) of int objects (references taken), made as
// make_range_object does: the length first (compute_range_length: before
// 3.12 always by int arithmetic, tmp1 = hi - lo, diff = tmp1 - 1,
// tmp2 = diff // step, length = tmp2 + 1, a negative step negated first;
// from 3.12 computed in C where every bound fits a C long), then the range.
// A bound past 64 bits is held saturated (RangeBody::saturated).
// REQUIRES: each is an int object; step != 0.
Ref NewRangeOfInts(Heap& heap, Ref start, Ref stop, Ref step);

// range(start, stop, step) of values: the ints made as a range's slice
// makes them (compute_slice's temporaries are not made: the peak is
// noted unknown where one would be a new object).
// REQUIRES: step != 0.
Ref NewRangeOfValues(Heap& heap, int64_t start, int64_t stop, int64_t step);

// range[index] for the int object `index` (compute_range_item: a negative
// index added to the length, then start + index * step, the product made
// only when step is not 1). REQUIRES: the index is in range.
Ref RangeItem(Heap& heap, ObjectId range, ObjectId index);

// Whether `value` lies between the range's bounds (start included, stop
// not), and whether the range holds it (its stride too).
bool RangeWithinBounds(const RangeBody& range, int64_t value);
bool RangeHolds(const RangeBody& range, int64_t value);

// `value in range` for an int `value` within the range's bounds: the
// temporaries range_contains_long makes to test the stride, value - start
// and its remainder by the step, made and freed.
void RangeContainsTemporaries(Heap& heap, ObjectId range, int64_t value);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_RANGE_OBJECT_H_
