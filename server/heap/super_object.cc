#include "server/heap/super_object.h"

#include "server/heap/bodies.h"
#include "server/heap/instance_object.h"

namespace heapsim {

Ref NewSuper(Heap& heap, ObjectId type, ObjectId obj) {
  const ObjectId obj_type = heap.type_of(obj) == TypeTag::kClass ? obj : heap.instance(obj).cls;
  const ObjectId id = heap.NewObject(TypeTag::kSuper, kSuperRequest);
  heap.IncRef(type);
  heap.IncRef(obj);
  heap.IncRef(obj_type);
  heap.AttachBody(id, SuperBody{type, obj, obj_type});
  heap.Track(id);
  return heap.Adopt(id);
}

ObjectId SuperLookup(const Heap& heap, ObjectId type, ObjectId name) {
  // With single inheritance the MRO after `type` is its chain of bases.
  const ObjectId after = heap.cls(type).base;
  return after == kNoObject ? kNoObject : ClassLookup(heap, after, name);
}

}  // namespace heapsim
