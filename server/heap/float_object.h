// float and complex objects. Floats come from their free list (CPython keeps
// 100) before pymalloc; complex numbers have no free list.

#ifndef HEAPSIM_SERVER_HEAP_FLOAT_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_FLOAT_OBJECT_H_

#include "server/heap/heap.h"

namespace heapsim {

inline constexpr uint64_t kFloatSize = 24;    // sys.getsizeof(1.5)
inline constexpr uint64_t kComplexSize = 32;  // sys.getsizeof(1j)

// A new float object.
Ref NewFloat(Heap& heap, double value);

// A new complex object.
Ref NewComplex(Heap& heap, double real, double imag);

inline double FloatValue(const Heap& heap, ObjectId id) { return heap.object(id).real; }

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_FLOAT_OBJECT_H_
