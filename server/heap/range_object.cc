#include "server/heap/range_object.h"

#include <initializer_list>
#include <limits>
#include <optional>
#include <utility>

#include "server/heap/bigint.h"
#include "server/heap/int_object.h"
#include "server/heap/profile.h"

namespace heapsim {

namespace {

bool Less(const BigInt& a, const BigInt& b) { return BigInt::Compare(a, b) < 0; }

// CPython's int arithmetic sizes a result as PyLong_FromLong does while
// both operands are single digits; a result of a longer operand is made
// by value and the traced figures are noted inexact.
class RangeArithmetic {
 public:
  explicit RangeArithmetic(Heap& heap) : heap_(heap) {}

  // The int `value`, the result of an operation on `operands`.
  Ref Result(const BigInt& value, std::initializer_list<const BigInt*> operands) {
    for (const BigInt* operand : operands) {
      if (!OneDigit(*operand)) exact_ = false;
    }
    if (!exact_) heap_.tracemalloc().NoteInexactBlocks("arithmetic of a range on ints past 30 bits");
    return NewInt(heap_, value);
  }

  // The value of an int object.
  static BigInt Value(const Heap& heap, ObjectId id) {
    const std::optional<int64_t> small = IntAsInt64(heap, id);
    return small.has_value() ? BigInt(*small) : IntAsBig(heap, id);
  }

 private:
  static bool OneDigit(const BigInt& value) {
    static const BigInt kBound(int64_t{1} << BigInt::kDigitBits);
    return Less(value, kBound) && Less(-kBound, value);
  }

  Heap& heap_;
  bool exact_ = true;
};

// A C long (64 bits here).
bool FitsCLong(const BigInt& value) {
  static const BigInt kMin(std::numeric_limits<int64_t>::min());
  static const BigInt kMax(std::numeric_limits<int64_t>::max());
  return !Less(value, kMin) && !Less(kMax, value);
}

// compute_range_length (range_length_in_c: in C where the bounds fit a C
// long).
Ref RangeLength(Heap& heap, const BigInt& start, const BigInt& stop, const BigInt& step) {
  RangeArithmetic math(heap);
  const BigInt zero(0);
  const BigInt one(1);
  const bool ascending = Less(zero, step);
  const BigInt& lo = ascending ? start : stop;
  const BigInt& hi = ascending ? stop : start;
  if (heap.profile().range_length_in_c && FitsCLong(start) && FitsCLong(stop) &&
      FitsCLong(step)) {
    if (!Less(lo, hi)) return NewInt(heap, 0);
    BigInt quotient(0), remainder(0);
    BigInt::DivMod(hi - lo - one, ascending ? step : -step, &quotient, &remainder);
    // A length past LONG_MAX is left to the int arithmetic below.
    if (FitsCLong(quotient + one)) return NewInt(heap, quotient + one);
  }
  const BigInt positive_step = ascending ? step : -step;
  Ref negated;
  if (!ascending) negated = math.Result(positive_step, {&step});
  if (!Less(lo, hi)) {
    negated.Reset();
    return NewInt(heap, 0);
  }
  const BigInt span = hi - lo;
  Ref tmp1 = math.Result(span, {&hi, &lo});
  const BigInt last = span - one;
  Ref diff = math.Result(last, {&span, &one});
  BigInt quotient(0), remainder(0);
  BigInt::DivMod(last, positive_step, &quotient, &remainder);
  Ref tmp2 = math.Result(quotient, {&last, &positive_step});
  Ref length = math.Result(quotient + one, {&quotient, &one});
  // Freed as compute_range_length drops them.
  tmp2.Reset();
  diff.Reset();
  negated.Reset();
  tmp1.Reset();
  return length;
}

// make_range_object: the length, then the range holding all four.
Ref MakeRange(Heap& heap, Ref start, Ref stop, Ref step) {
  const BigInt start_value = RangeArithmetic::Value(heap, start.get());
  const BigInt stop_value = RangeArithmetic::Value(heap, stop.get());
  const BigInt step_value = RangeArithmetic::Value(heap, step.get());
  Ref length = RangeLength(heap, start_value, stop_value, step_value);
  const ObjectId id = heap.NewObject(TypeTag::kRange, heap.profile().aux.range);
  RangeBody body;
  // Bounds past 64 bits (range(10**20)) are held saturated: such a range
  // iterates as CPython's does for any loop a step budget allows.
  auto held = [&heap, &body](ObjectId bound) {
    if (const std::optional<int64_t> value = IntAsInt64(heap, bound)) return *value;
    body.saturated = true;
    constexpr int64_t kBound = int64_t{1} << 62;
    return IntAsBig(heap, bound).is_negative() ? -kBound : kBound;
  };
  body.start = held(start.get());
  body.stop = held(stop.get());
  body.step = held(step.get());
  body.start_object = start.release();
  body.stop_object = stop.release();
  body.step_object = step.release();
  body.length_object = length.release();
  heap.AttachBody(id, std::move(body));
  return heap.Adopt(id);
}

}  // namespace

Ref NewRangeOfInts(Heap& heap, Ref start, Ref stop, Ref step) {
  return MakeRange(heap, std::move(start), std::move(stop), std::move(step));
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
  return MakeRange(heap, std::move(new_start), std::move(new_stop), std::move(new_step));
}

Ref RangeItem(Heap& heap, ObjectId range, ObjectId index) {
  RangeArithmetic math(heap);
  const RangeBody& body = heap.range(range);
  const BigInt start = RangeArithmetic::Value(heap, body.start_object);
  const BigInt step = RangeArithmetic::Value(heap, body.step_object);
  const BigInt length = RangeArithmetic::Value(heap, body.length_object);
  const bool step_one = step == BigInt(1);
  BigInt i = RangeArithmetic::Value(heap, index);
  Ref adjusted;
  if (Less(i, BigInt(0))) {
    const BigInt from_end = length + i;
    adjusted = math.Result(from_end, {&length, &i});
    i = from_end;
  }
  Ref increment;
  BigInt offset = i;
  if (!step_one) {
    offset = i * step;
    increment = math.Result(offset, {&i, &step});
  }
  Ref item = math.Result(start + offset, {&start, &offset});
  increment.Reset();
  adjusted.Reset();
  return item;
}

void RangeContainsTemporaries(Heap& heap, ObjectId range, ObjectId value) {
  RangeArithmetic math(heap);
  const RangeBody& body = heap.range(range);
  const BigInt start = RangeArithmetic::Value(heap, body.start_object);
  const BigInt step = RangeArithmetic::Value(heap, body.step_object);
  const BigInt v = RangeArithmetic::Value(heap, value);
  const BigInt offset = v - start;
  Ref tmp1 = math.Result(offset, {&v, &start});
  BigInt quotient(0), remainder(0);
  BigInt::DivMod(offset, step, &quotient, &remainder);
  Ref tmp2 = math.Result(remainder, {&offset, &step});
  tmp1.Reset();
  tmp2.Reset();
}

}  // namespace heapsim
