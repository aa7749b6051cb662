#include "server/heap/int_object.h"

namespace heapsim {

namespace {

constexpr uint64_t kIntHeader = 24;  // PyLongObject up to ob_digit
constexpr uint64_t kDigitBytes = 4;

uint64_t RequestBytes(const Profile& profile, uint32_t value_digits, IntRequest request) {
  if (request.kind == IntRequest::Kind::kFromLong) {
    if (value_digits <= 1) return profile.int_medium_request;
    request.digits = value_digits;
  }
  const uint32_t digits = request.digits < profile.int_min_digits ? profile.int_min_digits
                                                                  : request.digits;
  return kIntHeader + kDigitBytes * digits;
}

}  // namespace

uint32_t DigitCount(int64_t value) {
  uint64_t magnitude = value < 0 ? uint64_t{0} - static_cast<uint64_t>(value)
                                 : static_cast<uint64_t>(value);
  uint32_t digits = 0;
  while (magnitude != 0) {
    ++digits;
    magnitude >>= BigInt::kDigitBits;
  }
  return digits;
}

Ref NewInt(Heap& heap, int64_t value, IntRequest request) {
  if (Heap::IsSmallInt(value)) return heap.NewRef(heap.small_int(value));
  const ObjectId id =
      heap.NewObject(TypeTag::kInt, RequestBytes(heap.profile(), DigitCount(value), request));
  heap.set_small_int(id, value);
  return heap.Adopt(id);
}

Ref NewInt(Heap& heap, const BigInt& value, IntRequest request) {
  if (const std::optional<int64_t> small = value.ToInt64()) {
    return NewInt(heap, *small, request);
  }
  const ObjectId id = heap.NewObject(
      TypeTag::kInt,
      RequestBytes(heap.profile(), static_cast<uint32_t>(value.digit_count()), request));
  heap.set_subtype(id, 1);
  heap.AttachBody(id, value);
  return heap.Adopt(id);
}

Ref NewIntObject(Heap& heap, const BigInt& value, uint32_t digits) {
  if (!value.ToInt64() || !Heap::IsSmallInt(*value.ToInt64())) {
    return NewInt(heap, value, IntRequest::Digits(digits));
  }
  const ObjectId id = heap.NewObject(
      TypeTag::kInt, RequestBytes(heap.profile(), 0, IntRequest::Digits(digits)));
  heap.set_small_int(id, *value.ToInt64());
  return heap.Adopt(id);
}

std::optional<int64_t> IntAsInt64(const Heap& heap, ObjectId id) {
  const Object& o = heap.object(id);
  if (o.type == TypeTag::kInt && o.subtype != 0) return heap.big_int(id).ToInt64();
  return o.small_int;
}

BigInt IntAsBig(const Heap& heap, ObjectId id) {
  const Object& o = heap.object(id);
  if (o.type == TypeTag::kInt && o.subtype != 0) return heap.big_int(id);
  return BigInt(o.small_int);
}

uint64_t DecimalScratchRequest(const Heap& heap, ObjectId value) {
  const Object& o = heap.object(value);
  const uint64_t digits = o.subtype != 0 ? heap.big_int(value).digit_count() : DigitCount(o.small_int);
  // long_to_decimal_string_internal's bound on the base-10**9 digits.
  constexpr uint64_t kDigitsPerExtra = (33 * 9) / (10 * 30 - 33 * 9);
  const uint64_t scratch_digits = 1 + digits + digits / kDigitsPerExtra;
  return kIntHeader + kDigitBytes * scratch_digits;
}

uint64_t AllocateDecimalScratch(Heap& heap, ObjectId value) {
  return heap.AllocateBuffer(DecimalScratchRequest(heap, value));
}

uint64_t IntSizeOf(const Heap& heap, ObjectId id) {
  const Object& o = heap.object(id);
  uint32_t digits = (o.type == TypeTag::kInt && o.subtype != 0)
                        ? static_cast<uint32_t>(heap.big_int(id).digit_count())
                        : DigitCount(o.small_int);
  if (digits < heap.profile().int_min_digits) digits = heap.profile().int_min_digits;
  return kIntHeader + kDigitBytes * digits;
}

}  // namespace heapsim
