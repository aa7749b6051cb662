#include "server/heap/defaultdict_object.h"

#include <utility>

namespace heapsim {

Ref NewDefaultDict(Heap& heap) {
  return NewDictOfSubtype(heap, kDefaultDictObjectRequest, kDefaultDictSubtype);
}

Ref ExchangeDefaultFactory(Heap& heap, ObjectId dd, ObjectId factory) {
  if (factory != kNoObject) heap.IncRef(factory);
  const ObjectId old = std::exchange(heap.dict(dd).default_factory, factory);
  return old == kNoObject ? Ref() : heap.Adopt(old);
}

}  // namespace heapsim
