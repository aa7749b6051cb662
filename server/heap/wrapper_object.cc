#include "server/heap/wrapper_object.h"

#include "server/heap/bodies.h"

namespace heapsim {

namespace {

ObjectId Held(Heap& heap, ObjectId id) {
  if (id != kNoObject) heap.IncRef(id);
  return id;
}

}  // namespace

Ref NewMethodWrapper(Heap& heap, TypeTag kind, ObjectId callable) {
  const ObjectId id = heap.NewObject(kind, kMethodWrapperRequest);
  heap.AttachBody(id, WrapperBody{.callable = Held(heap, callable)});
  heap.Track(id);
  return heap.Adopt(id);
}

Ref NewProperty(Heap& heap, ObjectId fget, ObjectId fset, ObjectId fdel, ObjectId doc,
                ObjectId name) {
  const ObjectId id = heap.NewObject(TypeTag::kProperty, heap.profile().property_size);
  heap.AttachBody(id, WrapperBody{.callable = Held(heap, fget),
                                  .setter = Held(heap, fset),
                                  .deleter = Held(heap, fdel),
                                  .doc = Held(heap, doc),
                                  .name = Held(heap, name)});
  heap.Track(id);
  return heap.Adopt(id);
}

Ref NewObjectInitWrapper(Heap& heap, ObjectId self) {
  const ObjectId id = heap.NewObject(TypeTag::kMethodWrapper, kMethodWrapperRequest);
  heap.AttachBody(id, BoundBody{kNoObject, Held(heap, self), 0});
  heap.Track(id);
  return heap.Adopt(id);
}

}  // namespace heapsim
