// sys.getsizeof for every simulated type, as the profile's CPython reports
// it: the object's own size plus its separately allocated buffers (list
// items, dict keys, set table, bytearray buffer), GC header included.

#ifndef HEAPSIM_SERVER_HEAP_SIZEOF_H_
#define HEAPSIM_SERVER_HEAP_SIZEOF_H_

#include <cstdint>

#include "server/heap/heap.h"

namespace heapsim {

// The GC header (PyGC_Head) in front of every GC-tracked object, in every
// profile.
inline constexpr uint64_t kGcHeaderSize = 16;

uint64_t SizeOf(const Heap& heap, ObjectId id);

// x.__sizeof__(): SizeOf without what sys.getsizeof adds in front of the
// object (the GC header of GC types, and 3.11+'s dict/values pointers before
// an instance of a program class).
uint64_t SizeOfMethod(const Heap& heap, ObjectId id);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_SIZEOF_H_
