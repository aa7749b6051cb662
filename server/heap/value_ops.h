// Python's value semantics on simulated objects: equality, ordering, hashing,
// truth, repr() and str(). Used by the containers (dict and set lookups,
// list.remove, sort) and by the interpreter; none of them allocates.

#ifndef HEAPSIM_SERVER_HEAP_VALUE_OPS_H_
#define HEAPSIM_SERVER_HEAP_VALUE_OPS_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim {

// type(x).__name__.
std::string TypeName(const Heap& heap, ObjectId id);

// hash(x), or TypeError: unhashable type: 'list'.
absl::StatusOr<int64_t> Hash(const Heap& heap, ObjectId id);

// x == y (identity first, as CPython's containers compare).
bool Equal(const Heap& heap, ObjectId a, ObjectId b);

// x < y; TypeError when the types do not order.
absl::StatusOr<bool> Less(const Heap& heap, ObjectId a, ObjectId b);

// bool(x).
bool Truth(const Heap& heap, ObjectId id);

// repr(x) and str(x), as CPython prints them (ids as 0x... addresses).
std::string Repr(const Heap& heap, ObjectId id);
std::string Str(const Heap& heap, ObjectId id);

// KeyError(key): CPython's message shows the key's repr, and the exception's
// argument is the key object itself.
absl::Status KeyErrorFor(const Heap& heap, ObjectId key);

// repr() of a float, CPython's shortest round-trip form ("0.1", "1e+16").
std::string FloatRepr(double value);

// repr() of a str value.
std::string StrRepr(const std::string& utf8);

// The number of items of a sized container, or -1 when it has no len().
int64_t Length(const Heap& heap, ObjectId id);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_VALUE_OPS_H_
