// Python's hash() for the simulated value types, as CPython computes it with
// hash randomisation off (PYTHONHASHSEED=0): set iteration order depends on
// these values, so they must be exact.

#ifndef HEAPSIM_SERVER_HEAP_HASHING_H_
#define HEAPSIM_SERVER_HEAP_HASHING_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "server/heap/str_kind.h"

namespace heapsim {

// _Py_HashBytes over raw bytes: SipHash-1-3 or SipHash-2-4 with a zero key;
// 0 for empty input; never -1.
int64_t HashBytes(std::string_view bytes, bool siphash13);

// hash(str): _Py_HashBytes over the string's storage units (1, 2 or 4 bytes
// per character, as its kind says).
int64_t HashStr(std::string_view utf8, StrKind kind, bool siphash13);

// hash(float) (also used for ints that are equal to floats). A NaN hashes
// to `nan_hash`: 0 before 3.10, the float object's identity hash after.
int64_t HashDouble(double value, int64_t nan_hash = 0);

// _Py_HashPointer: the identity hash of objects without __hash__.
int64_t HashPointer(uint64_t address);

// hash(tuple) from its items' hashes (the xxHash-based scheme of 3.8+).
int64_t HashTuple(const std::vector<int64_t>& item_hashes);

// hash(complex); a NaN part hashes to `nan_hash` as in HashDouble.
int64_t HashComplex(double real, double imag, int64_t nan_hash = 0);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_HASHING_H_
