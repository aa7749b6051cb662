// functools.partial objects: a callable and the positional and keyword
// arguments placed before each call's own.

#ifndef HEAPSIM_SERVER_HEAP_PARTIAL_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_PARTIAL_OBJECT_H_

#include "server/heap/heap.h"

namespace heapsim {

// A partial object's block (partialobject and its GC header: fn, args, kw,
// dict, weakreflist and the vectorcall pointer), in every version.
inline constexpr uint64_t kPartialRequest = 80;

// A new GC-tracked partial object taking the references `function`, `args`
// (a tuple) and `keywords` (a dict).
Ref NewPartial(Heap& heap, Ref function, Ref args, Ref keywords);

// partial_clear, as the cyclic GC runs it: the callable, the arguments,
// then the keywords, each field emptied before its reference goes.
void ClearPartialReferences(Heap& heap, ObjectId partial);

// partial_dealloc after the weak references were cleared: the references,
// then the block.
void DeallocPartial(Heap& heap, ObjectId partial);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_PARTIAL_OBJECT_H_
