// int and bool objects.
//
// Ints of -5..256 are the interpreter's cached singletons. Others are made
// on the heap with the size CPython requests for them, which depends on how
// they were produced (see IntRequest); getsizeof depends only on the value.

#ifndef HEAPSIM_SERVER_HEAP_INT_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_INT_OBJECT_H_

#include <cstdint>
#include <optional>

#include "server/heap/bigint.h"
#include "server/heap/heap.h"

namespace heapsim {

// How CPython allocates a new int: through PyLong_FromLong (medium values
// get a fixed-size object) or with an explicit digit count, which can exceed
// the value's own (x_add reserves a carry digit that is never given back).
struct IntRequest {
  enum class Kind : uint8_t { kFromLong, kDigits };
  Kind kind = Kind::kFromLong;
  uint32_t digits = 0;

  static IntRequest FromLong() { return IntRequest{}; }
  static IntRequest Digits(uint32_t n) { return IntRequest{Kind::kDigits, n}; }
};

// The number of 30-bit digits in |value|.
uint32_t DigitCount(int64_t value);

// An int object for `value`: the cached singleton for -5..256, else a new
// object sized as `request` says.
Ref NewInt(Heap& heap, int64_t value, IntRequest request = IntRequest::FromLong());
Ref NewInt(Heap& heap, const BigInt& value, IntRequest request = IntRequest::FromLong());

// A new int object for `value` even where it is a cached one (-5..256),
// of `digits` digits (at least the profile's minimum): what CPython's
// _PyLong_New filled in place and returned without maybe_small_long
// gives (int.from_bytes before 3.11).
Ref NewIntObject(Heap& heap, const BigInt& value, uint32_t digits);

// The scratch int CPython's decimal conversion of int `value` (str(),
// repr()) allocates before the new str and frees after it: its block, to
// free with Heap::FreeBuffer once the str is made.
uint64_t AllocateDecimalScratch(Heap& heap, ObjectId value);
// The bytes of that scratch int.
uint64_t DecimalScratchRequest(const Heap& heap, ObjectId value);

// True if `id` is an int or bool object.
inline bool IsIntLike(const Heap& heap, ObjectId id) {
  const TypeTag type = heap.type_of(id);
  return type == TypeTag::kInt || type == TypeTag::kBool;
}

// The value of an int or bool object, when it fits in int64.
std::optional<int64_t> IntAsInt64(const Heap& heap, ObjectId id);
// The value of an int or bool object.
BigInt IntAsBig(const Heap& heap, ObjectId id);

// sys.getsizeof of an int or bool object.
uint64_t IntSizeOf(const Heap& heap, ObjectId id);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_INT_OBJECT_H_
