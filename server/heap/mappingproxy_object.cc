#include "server/heap/mappingproxy_object.h"

namespace heapsim {

Ref NewMappingProxy(Heap& heap, ObjectId mapping) {
  const ObjectId id = heap.NewObject(TypeTag::kMappingProxy, kMappingProxyRequest);
  heap.IncRef(mapping);
  heap.AttachBody(id, CellBody{mapping});
  heap.Track(id);
  return heap.Adopt(id);
}

bool IsMappingProxy(const Heap& heap, ObjectId object) {
  return heap.type_of(object) == TypeTag::kMappingProxy;
}

ObjectId ProxiedMapping(const Heap& heap, ObjectId proxy) { return heap.cell(proxy).contents; }

}  // namespace heapsim
