// mappingproxy objects: the read-only view of a class's namespace that
// C.__dict__ and vars(C) make anew on every access.

#ifndef HEAPSIM_SERVER_HEAP_MAPPINGPROXY_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_MAPPINGPROXY_OBJECT_H_

#include "server/heap/heap.h"

namespace heapsim {

// A mappingproxy's block (mappingproxyobject, whose one field is the
// mapping, and its GC header), in every version.
inline constexpr uint64_t kMappingProxyRequest = 40;

// A new GC-tracked mappingproxy holding a reference to `mapping` (a dict).
Ref NewMappingProxy(Heap& heap, ObjectId mapping);

bool IsMappingProxy(const Heap& heap, ObjectId object);

// The dict a mappingproxy shows (borrowed).
ObjectId ProxiedMapping(const Heap& heap, ObjectId proxy);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_MAPPINGPROXY_OBJECT_H_
