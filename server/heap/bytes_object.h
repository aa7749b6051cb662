// bytes and bytearray objects.
//
// bytes: one block, header (33 bytes with the trailing NUL) plus the data;
// b'' and one-byte values are shared singletons. bytearray: a fixed 56-byte
// object and a separate buffer of `alloc` bytes that over-allocates as the
// array grows and shrinks back when it falls under half, as CPython's
// bytearray_resize does.

#ifndef HEAPSIM_SERVER_HEAP_BYTES_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_BYTES_OBJECT_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim {

inline constexpr uint64_t kByteArrayObjectSize = 56;

// A bytes object holding `data`: the empty or one-byte singleton where
// CPython returns one (PyBytes_FromStringAndSize with data), else new.
Ref NewBytes(Heap& heap, std::string_view data);

// A new bytes object even for one byte (only the empty bytes is shared):
// what CPython makes when it fills a buffer it allocated first (a slice
// with a step, ...).
Ref NewBytesObject(Heap& heap, std::string_view data);

// A bytearray holding `data` with a buffer of exactly len + 1 bytes (none
// when empty), as bytearray(x) makes it.
Ref NewByteArray(Heap& heap, std::string_view data);

inline const std::string& BytesData(const Heap& heap, ObjectId id) { return heap.bytes(id).data; }

// Resizes a bytearray's contents to `size` bytes (new bytes are zero),
// reallocating its buffer by CPython's rules (PyByteArray_Resize): nothing
// happens at the same size; a buffer whose live bytes start past its
// beginning is replaced by a new one instead of reallocated.
void ByteArrayResize(Heap& heap, ObjectId id, uint64_t size);

// OK when bytearray `id` may change size (_canresize): BufferError while a
// memoryview's managed buffer holds its buffer. Callers check before any
// change to a size other than the current one (and before deleting an
// extended slice, even an empty one).
absl::Status ByteArrayCanResize(const Heap& heap, ObjectId id);

// b[lo:hi] = data, and del b[lo:hi] with empty data (bytearray_setslice_linear):
// shrinking from the front advances the logical start, then the buffer is
// resized. REQUIRES: lo <= hi <= len(b).
void ByteArraySetSlice(Heap& heap, ObjectId id, uint64_t lo, uint64_t hi, std::string_view data);

// del b[start::step] for `count` items with step != 1 (any sign): the bytes
// are removed, then the buffer is resized. REQUIRES: the indices are in range.
void ByteArrayDeleteExtendedSlice(Heap& heap, ObjectId id, int64_t start, int64_t step,
                                  int64_t count);

// bytearray.append(value) / .extend(data) / .pop(index); pop returns the
// removed byte. Errors are CPython's (IndexError: pop from empty bytearray).
void ByteArrayAppend(Heap& heap, ObjectId id, uint8_t value);
void ByteArrayExtend(Heap& heap, ObjectId id, std::string_view data);
absl::StatusOr<uint8_t> ByteArrayPop(Heap& heap, ObjectId id, int64_t index);

uint64_t BytesSizeOf(const Heap& heap, ObjectId id);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_BYTES_OBJECT_H_
