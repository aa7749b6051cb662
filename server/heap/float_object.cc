#include "server/heap/float_object.h"

namespace heapsim {

Ref NewFloat(Heap& heap, double value) {
  auto& free_list = heap.free_lists().floats;
  ObjectId id;
  if (!free_list.empty()) {
    id = heap.NewObjectAt(TypeTag::kFloat, free_list.back());
    free_list.pop_back();
  } else {
    id = heap.NewObject(TypeTag::kFloat, kFloatSize);
  }
  heap.set_real(id, value);
  return heap.Adopt(id);
}

Ref NewComplex(Heap& heap, double real, double imag) {
  const ObjectId id = heap.NewObject(TypeTag::kComplex, kComplexSize);
  heap.AttachBody(id, ComplexBody{real, imag});
  return heap.Adopt(id);
}

}  // namespace heapsim
