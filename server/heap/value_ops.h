// Python's value semantics on simulated objects: equality, ordering, hashing,
// truth, repr() and str(). Used by the containers (dict and set lookups,
// list.remove, sort) and by the interpreter; none of them allocates.

#ifndef HEAPSIM_SERVER_HEAP_VALUE_OPS_H_
#define HEAPSIM_SERVER_HEAP_VALUE_OPS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim {

// The type's name as CPython's messages show it (tp_name): type(x).__name__,
// but for weak references from 3.10 "weakref.ReferenceType".
std::string TypeName(const Heap& heap, ObjectId id);

// hash(x), or TypeError: unhashable type: 'list', or Unimplemented for a
// tuple nested more than 100,000 levels deep (CPython crashes there).
absl::StatusOr<int64_t> Hash(const Heap& heap, ObjectId id);

// Nested containers: every comparison and repr() of a nested object takes
// one level of CPython's C recursion guard (Py_EnterRecursiveCall), within
// the profile's c_recursion limit less the levels already in use (the
// Python frames, 3.8 to 3.11). Past it, CPython raises RecursionError.

// x == y (identity first, as CPython's containers compare). Past the
// recursion limit the answer is false: callers that can raise use
// EqualChecked.
bool Equal(const Heap& heap, ObjectId a, ObjectId b);

// x == y, or "RecursionError: maximum recursion depth exceeded in
// comparison".
absl::StatusOr<bool> EqualChecked(const Heap& heap, ObjectId a, ObjectId b);

// x < y; TypeError when the types do not order; RecursionError (as
// EqualChecked) past the recursion limit.
absl::StatusOr<bool> Less(const Heap& heap, ObjectId a, ObjectId b);

// bool(x).
bool Truth(const Heap& heap, ObjectId id);

// repr(x) and str(x), as CPython prints them (ids as 0x... addresses).
// Past the recursion limit the text is cut short: callers that can raise
// use ReprChecked and StrChecked.
// The args tuple of an exception object (a raised builtin exception or an
// instance of an exception class of the program), or kNoObject for other
// objects.
ObjectId ExceptionArgs(const Heap& heap, ObjectId id);

// True if exception object `id` is a KeyError (or of a class derived from
// it), whose str() is the repr of its one argument.
bool IsKeyErrorObject(const Heap& heap, ObjectId id);

std::string Repr(const Heap& heap, ObjectId id);
std::string Str(const Heap& heap, ObjectId id);

// KeyError(key): CPython's message shows the key's repr, and the exception's
// argument is the key object itself.
absl::Status KeyErrorFor(const Heap& heap, ObjectId key);

// repr(x), or "RecursionError: maximum recursion depth exceeded while
// getting the repr of an object"; `held` levels of the guard are already
// in use by the caller (the call of a builtin such as repr()). Does what
// the reprs CPython makes do to Py_ReprEnter's state (repr_state.h), unless
// refused.
absl::StatusOr<std::string> ReprChecked(Heap& heap, ObjectId id, int held);

// ReprChecked's text and errors without its effects, for an object whose
// repr the caller has already made (and entered).
absl::StatusOr<std::string> ReprTextChecked(const Heap& heap, ObjectId id, int held);

// str(x), with ReprChecked's errors and effects; `held` as there.
absl::StatusOr<std::string> StrChecked(Heap& heap, ObjectId id, int held);

// repr() of a float, CPython's shortest round-trip form ("0.1", "1e+16").
std::string FloatRepr(double value);

// The bytes of the buffer PyOS_double_to_string allocates (and float_repr
// frees after making its str) for a float whose repr is `repr`: the sign,
// point and NUL, the digit positions from the first digit or the point to
// the last digit or the ".0", and five more with an exponent.
uint64_t FloatReprBufferRequest(std::string_view repr);

// float_repr's result: a str holding `repr` (FloatRepr's text), made while
// that buffer is alive.
Ref NewFloatReprStr(Heap& heap, std::string_view repr);

// repr() of a str value.
std::string StrRepr(const std::string& utf8);

// repr() of a bytes value (b'...'), also the form CPython's messages give
// a bytearray's contents.
std::string BytesLiteralRepr(const std::string& data);

// The number of items of a sized container, or -1 when it has no len().
int64_t Length(const Heap& heap, ObjectId id);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_VALUE_OPS_H_
