// array.array objects (Modules/arraymodule.c).
//
// An array is a fixed object (the profile's array.object_size, GC-tracked
// from 3.10, when the type became a heap type with GC) and a separate
// PyMem item buffer of `allocated` items, reallocated by CPython's
// array_resize: a size within the allocation and not 16 or more items
// below the current size keeps the buffer; size 0 frees it; otherwise the
// new allocation is newsize + newsize/16 + (3 if the current size is under
// 8, else 7). Arrays made at a known length (from a list, a tuple, another
// array, `+`, `*`, slices) allocate exactly that many items.
//
// The body is a BytesBody: `data` holds the raw items (little-endian, as
// the machine CPython runs on stores them), `alloc` the allocated item
// count and `buffer_block` the buffer; the object's subtype is the
// typecode character.

#ifndef HEAPSIM_SERVER_HEAP_ARRAY_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_ARRAY_OBJECT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim {

// One array typecode: how its items are stored and converted.
struct ArrayTypecode {
  char code;
  uint8_t itemsize;
  enum class Kind : uint8_t { kSigned, kUnsigned, kFloat, kUnicode } kind;
};

// The typecode `code` (b B u h H i I l L q Q f d), or nullopt.
std::optional<ArrayTypecode> FindArrayTypecode(char code);

// The typecode of array `id`.
ArrayTypecode ArrayTypecodeOf(const Heap& heap, ObjectId id);

// A new array of typecode `code` holding the raw items `raw` (a whole
// number of items), its buffer exactly that size (none when empty).
// Memory beyond the session's limit is the caller's to check first.
Ref NewArray(Heap& heap, char code, std::string_view raw);

// The number of items of array `id`.
int64_t ArrayLength(const Heap& heap, ObjectId id);

// The raw items of array `id`.
inline const std::string& ArrayRaw(const Heap& heap, ObjectId id) { return heap.bytes(id).data; }

// Resizes array `id` to `length` items by array_resize's rules (new items
// are zero bytes). MemoryError when the allocation cannot be made,
// BufferError when the size changes while a memoryview exports it.
absl::Status ArrayResize(Heap& heap, ObjectId id, uint64_t length);

// Replaces items [lo, hi) of array `id` by the raw items `raw`: the tail
// moves and the buffer is resized (array_del_slice / array_ass_subscr).
// REQUIRES: lo <= hi <= length.
absl::Status ArrayReplace(Heap& heap, ObjectId id, uint64_t lo, uint64_t hi, std::string_view raw);

// Overwrites item `index` of array `id` with the raw item `raw`.
void ArrayStore(Heap& heap, ObjectId id, int64_t index, std::string_view raw);

// Item `index` of array `id` as a new int, float or one-character str.
Ref ArrayItem(Heap& heap, ObjectId id, int64_t index);

// The raw item `value` converts to under typecode `type` (the setitem
// function of CPython's descriptor): CPython's OverflowError and TypeError
// texts. `value` must be an int or bool for the integer typecodes, an int,
// bool or float for f and d, and a str for u; other types are the caller's
// to handle, as their messages vary by version.
absl::StatusOr<std::string> ArrayPackItem(const Heap& heap, const ArrayTypecode& type,
                                          ObjectId value);

// The indices of the items of array `id` equal to `value`, first
// `limit` of them, each compared as array_richcompare does (the item made
// as an object, compared, and freed).
absl::StatusOr<std::vector<int64_t>> ArrayFind(Heap& heap, ObjectId id, ObjectId value,
                                               size_t limit);

// repr(array): array('i'), array('i', [1, 2]), array('u', 'ab').
std::string ArrayRepr(const Heap& heap, ObjectId id);

// a == b for two arrays: same length and items equal as Python values.
bool ArrayEqual(const Heap& heap, ObjectId a, ObjectId b);

// a + b, a += b (in place: extends `a`), a * n and a *= n (n an int) for
// an array `a` (or `b` for n * b): CPython's sequence slots of array, with
// their TypeErrors; nullopt when neither side is an array.
std::optional<absl::StatusOr<Ref>> ArrayBinary(Heap& heap, bool add, ObjectId a, ObjectId b,
                                               bool in_place);

// a < b for two arrays whose items are both str or both numbers (see
// ArraysOrderable): the first differing items decide, else the lengths.
bool ArraysOrderable(const Heap& heap, ObjectId a, ObjectId b);
bool ArrayLess(const Heap& heap, ObjectId a, ObjectId b);

// sys.getsizeof(array): the object and its allocated items.
uint64_t ArraySizeOf(const Heap& heap, ObjectId id);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_ARRAY_OBJECT_H_
