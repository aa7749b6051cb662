// sequence * count for str, bytes, bytearray, list and tuple: CPython's
// result and errors, with the result's size checked against the running
// call's budget before any of it is built.

#ifndef HEAPSIM_SERVER_SCRIPT_REPEAT_H_
#define HEAPSIM_SERVER_SCRIPT_REPEAT_H_

#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim::script {

// `sequence` * `count_object` (an int), or `sequence` *= it when
// `in_place` (bytearray and list grow in place). Errors as CPython's:
// OverflowError for a count or a str/bytes result past Py_ssize_t,
// MemoryError for a list/tuple/bytearray past it or for any result past the
// session's memory limit; ResourceExhausted/DeadlineExceeded/Cancelled
// when the budget runs out while it builds.
absl::StatusOr<Ref> RepeatSequence(Heap& heap, ObjectId sequence, ObjectId count_object,
                                   bool in_place);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_REPEAT_H_
