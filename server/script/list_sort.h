// list.sort()'s comparison order: CPython's timsort finds a run at the
// start of the list (count_run) and extends it by binary insertion, so
// lists of fewer than 64 items are sorted with exactly CPython's sequence of
// `<` comparisons. That sequence decides the result when the order is not
// total (NaN, sets as a partial order) and which TypeError a mix of types
// raises. Longer lists need timsort's merges, which heapsim does not
// reproduce: it sorts them only when any stable sort gives CPython's result.

#ifndef HEAPSIM_SERVER_SCRIPT_LIST_SORT_H_
#define HEAPSIM_SERVER_SCRIPT_LIST_SORT_H_

#include <cstddef>
#include <functional>
#include <vector>

#include "absl/status/status.h"
#include "server/heap/heap.h"

namespace heapsim::script {

// Sorts `order` (indices into `keys`, in list order) by the keys as CPython
// does. Returns OK; the first failing comparison's error (a TypeError, or a
// limit reached), leaving `order` partly sorted as CPython leaves the list; or
// Unimplemented for 64 or more keys that are not all numbers without NaN,
// all str or all bytes.
absl::Status SortAsCPython(const Heap& heap, const std::vector<ObjectId>& keys,
                           std::vector<size_t>* order);

// `a < b` for sorting: true, false, or the comparison's error.
using SortLess = std::function<absl::StatusOr<bool>(ObjectId a, ObjectId b)>;

// SortAsCPython comparing with `less` (which may run Python code, so it
// takes no heap).
absl::Status SortAsCPython(const Heap& heap, const std::vector<ObjectId>& keys,
                           std::vector<size_t>* order, const SortLess& less);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_LIST_SORT_H_
