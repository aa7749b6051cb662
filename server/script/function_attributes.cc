#include "server/script/function_attributes.h"

#include <string_view>

#include "server/heap/bodies.h"
#include "server/heap/dict_object.h"
#include "server/heap/function_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/script/program.h"

namespace heapsim::script {

const CodeUnit& FunctionUnit(Interpreter& interp, ObjectId function) {
  const CodeBody& code = interp.heap().code(interp.heap().function(function).code);
  return interp.session().programs[code.program]->units[code.unit];
}

Ref FunctionQualname(Interpreter& interp, ObjectId function) {
  const ObjectId qualname = FunctionUnit(interp, function).qualname_object;
  Heap& heap = interp.heap();
  return heap.NewRef(qualname != kNoObject ? qualname : heap.function(function).name);
}

Ref FunctionDoc(Interpreter& interp, ObjectId function) {
  const CodeUnit& unit = FunctionUnit(interp, function);
  Heap& heap = interp.heap();
  return heap.NewRef(unit.docstring ? unit.docstring->constant : heap.none());
}

Ref FunctionModule(Heap& heap, ObjectId function) {
  Ref key = IdentifierStr(heap, "__name__");
  absl::StatusOr<ObjectId> name = DictLookup(heap, heap.function(function).globals, key.get());
  return heap.NewRef(name.ok() && *name != kNoObject ? *name : heap.none());
}

void CopyWrapperAssignments(Interpreter& interp, ObjectId function, ObjectId dict) {
  Heap& heap = interp.heap();
  const auto set = [&](std::string_view name, Ref value) {
    Ref key = IdentifierStr(heap, name);
    DictSetItem(heap, dict, key.get(), value.get()).IgnoreError();
  };
  set("__module__", FunctionModule(heap, function));
  set("__name__", heap.NewRef(heap.function(function).name));
  set("__qualname__", FunctionQualname(interp, function));
  set("__doc__", FunctionDoc(interp, function));
  set("__annotations__", FunctionAnnotations(heap, function));
}

}  // namespace heapsim::script
