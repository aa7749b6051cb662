#include "server/heap/partial_object.h"

#include <utility>

#include "server/heap/bodies.h"

namespace heapsim {

Ref NewPartial(Heap& heap, Ref function, Ref args, Ref keywords) {
  const ObjectId id = heap.NewObject(TypeTag::kPartial, kPartialRequest);
  heap.AttachBody(id, PartialBody{function.release(), args.release(), keywords.release()});
  heap.Track(id);
  return heap.Adopt(id);
}

void ClearPartialReferences(Heap& heap, ObjectId partial) {
  for (ObjectId PartialBody::*field :
       {&PartialBody::function, &PartialBody::args, &PartialBody::keywords}) {
    const ObjectId held = std::exchange(heap.partial(partial).*field, kNoObject);
    if (held != kNoObject) heap.DecRef(held);
  }
}

void DeallocPartial(Heap& heap, ObjectId partial) {
  ClearPartialReferences(heap, partial);
  heap.ReleaseObject(partial, /*keep_block=*/false);
}

}  // namespace heapsim
