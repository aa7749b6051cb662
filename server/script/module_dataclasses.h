// Module dataclasses: dataclass(), field(), fields(), asdict(), astuple(),
// replace(), is_dataclass(), MISSING and FrozenInstanceError.
//
// CPython's dataclass() is Python code: it reads the class's annotations,
// makes a Field object per field and execs generated source for __init__,
// __repr__, __eq__, the order methods, a frozen class's __setattr__ and
// __delattr__ and __hash__. heapsim does the same with its own compiler:
// the generated methods are functions of the script's heap, so instances,
// their __dict__, sizes, reference counts and collections come out as a
// hand-written class's would. What dataclasses' own Python code allocates
// while it works (and the import's objects) is not modelled: from the
// import on, id(), tracemalloc's figures and sys.getrefcount of shared
// objects are refused, and each class creation and each generated __repr__
// widen the GC timing window.
// Internal to the script library.

#ifndef HEAPSIM_SERVER_SCRIPT_MODULE_DATACLASSES_H_
#define HEAPSIM_SERVER_SCRIPT_MODULE_DATACLASSES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/heap/heap.h"
#include "server/script/builtins.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

// The module's objects, made by the first import and kept in the session's
// module_values: "Field" and the sentinels' classes (classes of module
// dataclasses), "MISSING", "_HAS_DEFAULT_FACTORY", "FrozenInstanceError".
ObjectId DataclassesObject(Interpreter& interp, std::string_view name);

// One field of a dataclass, as dataclass() processes it.
struct DataclassField {
  std::string name;
  ObjectId field = kNoObject;            // the Field object (borrowed)
  ObjectId default_value = kNoObject;    // kNoObject: MISSING
  ObjectId default_factory = kNoObject;  // kNoObject: MISSING
  bool init = true;
  bool repr = true;
  bool compare = true;
  bool kw_only = false;
  ObjectId hash = kNoObject;             // field(hash=...): None, or a bool
};

// What dataclass() generates for one class.
struct DataclassPlan {
  ObjectId cls = kNoObject;
  std::vector<DataclassField> fields;  // every field, the bases' first
  bool init = true;
  bool repr = true;
  bool eq = true;
  bool order = false;
  bool frozen = false;
  bool has_post_init = false;
  bool add_hash = false;  // __hash__ from the fields
};

// Compiles the methods of `plan` and binds them in the class's dict as
// dataclass() does (an existing __init__, __repr__ or __eq__ is kept; the
// order methods and a frozen class's __setattr__/__delattr__ raise
// TypeError when the class has them). False with the exception pending
// or after a refusal.
bool AddDataclassMethods(Interpreter& interp, const DataclassPlan& plan);

// True when `function` is a function whose code dataclass() generated.
bool IsDataclassFunction(Interpreter& interp, ObjectId function);

// The slot `name` of Field object `field` (borrowed), kNoObject if unset.
ObjectId FieldSlot(Heap& heap, ObjectId field, std::string_view name);

// The Field objects of dataclass `cls` in order (borrowed), or nullopt when
// it is no dataclass.
std::optional<std::vector<ObjectId>> DataclassFields(Heap& heap, ObjectId cls);

// asdict(), astuple(), replace() and the generated methods' helpers
// (module_dataclasses_methods.cc).
Ref CallDataclassesHelper(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_MODULE_DATACLASSES_H_
