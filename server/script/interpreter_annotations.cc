// Annotated assignments and the __annotations__ dicts of module and class
// namespaces (README, "Heap scripts": annotations).

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server/heap/dict_object.h"
#include "server/heap/instance_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

Flow Interpreter::ExecAnnAssign(const Stmt& stmt) {
  for (const StmtPtr& assign : stmt.body) {
    if (Exec(*assign) == Flow::kError) return Flow::kError;
  }
  if (!stmt.targets.empty() && stmt.targets[0]->kind != ExprKind::kName) {
    for (const ExprPtr& operand : stmt.targets[0]->operands) {
      if (!Eval(*operand)) return Flow::kError;
      if (stmt.targets[0]->kind == ExprKind::kAttribute) break;
    }
  }
  if (!stmt.annotation_evaluated) return Flow::kNormal;
  Ref annotation = Eval(*stmt.annotation);
  if (!annotation) return Flow::kError;
  if (!stmt.annotation_store) return Flow::kNormal;
  return Assign(*stmt.annotation_store, std::move(annotation)) ? Flow::kNormal : Flow::kError;
}

bool Interpreter::SetupAnnotations(ObjectId namespace_dict) {
  Ref key = IdentifierStr(heap_, "__annotations__");
  absl::StatusOr<ObjectId> found = DictLookup(heap_, namespace_dict, key.get());
  if (!found.ok()) {
    Raise(found.status());
    return false;
  }
  if (*found != kNoObject) return true;
  Ref annotations = NewDict(heap_);
  if (absl::Status s = DictSetItem(heap_, namespace_dict, key.get(), annotations.get()); !s.ok()) {
    Raise(s);
    return false;
  }
  return true;
}

Ref Interpreter::ClassAnnotations(ObjectId cls) {
  Ref key = IdentifierStr(heap_, "__annotations__");
  if (!heap_.profile().class_annotations_getset) {
    const ObjectId found = ClassLookup(heap_, cls, key.get());
    if (found != kNoObject) return heap_.NewRef(found);
    Raise(PyError(PyExc::kAttributeError, absl::StrCat("type object '", heap_.cls(cls).name,
                                                       "' has no attribute '__annotations__'")));
    return Ref();
  }
  const ObjectId dict = heap_.cls(cls).namespace_dict;
  const ObjectId own = DictLookup(heap_, dict, key.get()).value_or(kNoObject);
  if (own != kNoObject) return heap_.NewRef(own);
  Ref made = NewDict(heap_);
  DictSetItem(heap_, dict, key.get(), made.get()).IgnoreError();
  return made;
}

}  // namespace heapsim::script
