#include "server/heap/range_object.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "server/heap/bigint.h"
#include "server/heap/int_object.h"
#include "server/heap/profile.h"

namespace heapsim {

namespace {

// Range arithmetic works on the int64 bounds a range holds (saturated past
// 64 bits), so every operand and result fits 128 bits.
using Wide = __int128;

constexpr Wide kLongMin = std::numeric_limits<int64_t>::min();
constexpr Wide kLongMax = std::numeric_limits<int64_t>::max();

// CPython's int arithmetic sizes a result as PyLong_FromLong does while
// both operands are single 30-bit digits; a result of a longer operand is
// made by value and the traced figures are noted inexact.
class RangeArithmetic {
 public:
  explicit RangeArithmetic(Heap& heap) : heap_(heap) {}

  // The int `value`, the result of an operation on `a` and `b`.
  Ref Result(Wide value, Wide a, Wide b) {
    if (!OneDigit(a) || !OneDigit(b)) {
      heap_.tracemalloc().NoteInexactBlocks("arithmetic of a range on ints past 30 bits");
    }
    return MakeInt(heap_, value);
  }

  // An int of `value` as PyLong_FromLong makes it (by value past 64 bits).
  static Ref MakeInt(Heap& heap, Wide value) {
    if (value >= kLongMin && value <= kLongMax) return NewInt(heap, static_cast<int64_t>(value));
    const bool negative = value < 0;
    auto magnitude = static_cast<unsigned __int128>(negative ? -value : value);
    std::vector<uint32_t> words;
    for (; magnitude != 0; magnitude >>= 32) words.push_back(static_cast<uint32_t>(magnitude));
    const BigInt big = BigInt::FromWords(words);
    return NewInt(heap, negative ? -big : big);
  }

 private:
  static bool OneDigit(Wide value) {
    constexpr Wide kBound = Wide{1} << 30;
    return value > -kBound && value < kBound;
  }

  Heap& heap_;
};

// The number of items of range(start, stop, step).
Wide LengthOf(Wide start, Wide stop, Wide step) {
  if (step > 0) return start < stop ? (stop - start - 1) / step + 1 : 0;
  return stop < start ? (start - stop - 1) / -step + 1 : 0;
}

// compute_range_length of the bounds: in C where the profile says so and
// the length fits a C long, else by int arithmetic with its temporaries
// (a negative step negated first; tmp1 = hi - lo, diff = tmp1 - 1,
// tmp2 = diff // step, length = tmp2 + 1).
Ref RangeLength(Heap& heap, Wide start, Wide stop, Wide step) {
  const bool ascending = step > 0;
  const Wide lo = ascending ? start : stop;
  const Wide hi = ascending ? stop : start;
  const Wide positive_step = ascending ? step : -step;
  const Wide length = LengthOf(start, stop, step);
  if (heap.profile().range_length_in_c && length <= kLongMax) {
    return NewInt(heap, static_cast<int64_t>(length));
  }
  RangeArithmetic math(heap);
  Ref negated;
  if (!ascending) negated = math.Result(positive_step, step, 0);
  if (length == 0) {
    negated.Reset();
    return NewInt(heap, 0);
  }
  Ref tmp1 = math.Result(hi - lo, hi, lo);
  Ref diff = math.Result(hi - lo - 1, hi - lo, 1);
  Ref tmp2 = math.Result(length - 1, hi - lo - 1, positive_step);
  Ref result = math.Result(length, length - 1, 1);
  // Freed as compute_range_length drops them.
  tmp2.Reset();
  diff.Reset();
  negated.Reset();
  tmp1.Reset();
  return result;
}

// The int64 a range holds for bound `bound`; past 64 bits, saturated.
int64_t HeldBound(const Heap& heap, ObjectId bound, bool* saturated) {
  if (const std::optional<int64_t> value = IntAsInt64(heap, bound)) return *value;
  *saturated = true;
  constexpr int64_t kSaturated = int64_t{1} << 62;
  return IntAsBig(heap, bound).is_negative() ? -kSaturated : kSaturated;
}

}  // namespace

Ref NewRangeOfInts(Heap& heap, Ref start, Ref stop, Ref step) {
  // make_range_object: the length, then the range holding all four. Bounds
  // past 64 bits (range(10**20)) are held saturated: such a range iterates
  // as CPython's does for any loop a step budget allows.
  RangeBody body;
  body.start = HeldBound(heap, start.get(), &body.saturated);
  body.stop = HeldBound(heap, stop.get(), &body.saturated);
  body.step = HeldBound(heap, step.get(), &body.saturated);
  if (body.saturated) {
    heap.tracemalloc().NoteInexactBlocks("a range with a bound past 64 bits");
  }
  Ref length = RangeLength(heap, body.start, body.stop, body.step);
  const ObjectId id = heap.NewObject(TypeTag::kRange, heap.profile().aux.range);
  body.start_object = start.release();
  body.stop_object = stop.release();
  body.step_object = step.release();
  body.length_object = length.release();
  heap.AttachBody(id, std::move(body));
  return heap.Adopt(id);
}

Ref NewRangeOfValues(Heap& heap, int64_t start, int64_t stop, int64_t step) {
  constexpr int64_t kSmallMin = -5;
  constexpr int64_t kSmallMax = 256;
  for (int64_t value : {start, stop, step}) {
    if (value < kSmallMin || value > kSmallMax) {
      heap.tracemalloc().NoteUnknownPeak("slicing a range");
      break;
    }
  }
  // compute_slice: the step, then the first item, then the stop.
  Ref new_step = NewInt(heap, step);
  Ref new_start = NewInt(heap, start);
  Ref new_stop = NewInt(heap, stop);
  return NewRangeOfInts(heap, std::move(new_start), std::move(new_stop), std::move(new_step));
}

Ref RangeItem(Heap& heap, ObjectId range, ObjectId index) {
  RangeArithmetic math(heap);
  const RangeBody& body = heap.range(range);
  const Wide start = body.start;
  const Wide step = body.step;
  Wide i = *IntAsInt64(heap, index);
  Ref adjusted;
  if (i < 0) {
    const Wide length = LengthOf(body.start, body.stop, body.step);
    adjusted = math.Result(length + i, length, i);
    i += length;
  }
  Ref increment;
  if (step != 1) increment = math.Result(i * step, i, step);
  Ref item = math.Result(start + i * step, start, i * step);
  increment.Reset();
  adjusted.Reset();
  return item;
}

bool RangeWithinBounds(const RangeBody& range, int64_t value) {
  return range.step > 0 ? range.start <= value && value < range.stop
                        : range.stop < value && value <= range.start;
}

bool RangeHolds(const RangeBody& range, int64_t value) {
  return RangeWithinBounds(range, value) && (Wide{value} - range.start) % range.step == 0;
}

void RangeContainsTemporaries(Heap& heap, ObjectId range, int64_t value) {
  RangeArithmetic math(heap);
  const RangeBody& body = heap.range(range);
  // Within the bounds the offset has the step's sign: C's remainder is
  // Python's.
  const Wide offset = Wide{value} - body.start;
  Ref tmp1 = math.Result(offset, value, body.start);
  Ref tmp2 = math.Result(offset % body.step, offset, body.step);
  tmp1.Reset();
  tmp2.Reset();
}

}  // namespace heapsim
