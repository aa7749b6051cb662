// super(): the objects super(...) makes, the attribute lookups through them,
// and 3.12's LOAD_SUPER_ATTR, which after its first run looks names up
// without making a super object.

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server/heap/frames.h"
#include "server/heap/function_object.h"
#include "server/heap/instance_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/super_object.h"
#include "server/heap/value_ops.h"
#include "server/heap/wrapper_object.h"
#include "server/script/builtins.h"
#include "server/script/interpreter.h"
#include "server/script/subset_check.h"

namespace heapsim::script {

namespace {

constexpr std::string_view kClassCell = "__class__";

bool IsInstanceOf(const Heap& heap, ObjectId obj, ObjectId cls) {
  if (heap.type_of(obj) != TypeTag::kInstance) return false;
  for (ObjectId c = heap.instance(obj).cls; c != kNoObject; c = heap.cls(c).base) {
    if (c == cls) return true;
  }
  return false;
}

}  // namespace

const Expr* SuperAttrSite(const Heap& heap, const Expr& attribute, const Program& program,
                          const CodeUnit& unit) {
  if (!heap.profile().super_attr_specialises || attribute.kind != ExprKind::kAttribute ||
      program.module_names_super || attribute.name.text == kClassCell) {
    return nullptr;
  }
  const Expr& call = *attribute.operands[0];
  if (call.kind != ExprKind::kCall || !call.keywords.empty()) return nullptr;
  const Expr& callee = *call.operands[0];
  if (callee.kind != ExprKind::kName || callee.name.scope != Scope::kGlobal ||
      callee.name.text != "super") {
    return nullptr;
  }
  for (size_t i = 1; i < call.operands.size(); ++i) {
    if (call.operands[i]->kind == ExprKind::kStarred) return nullptr;
  }
  if (call.operands.size() == 3) return &call;
  if (call.operands.size() != 1 || unit.kind != UnitKind::kFunction ||
      unit.positional_count == 0) {
    return nullptr;
  }
  for (uint32_t slot : unit.free_slots) {
    if (unit.slot_names[slot] == kClassCell) return &call;
  }
  return nullptr;
}

bool Interpreter::SuperArguments(const CallArgs& args, ObjectId* type, ObjectId* obj) {
  if (args.positional.empty()) {
    // super_init_without_args: the frame's first argument and __class__.
    const CodeUnit& unit = *context_.unit;
    if (unit.kind == UnitKind::kComprehension) {
      // Its first argument is the iterator CPython passes as `.0`.
      Refuse("zero-argument super() in a comprehension or generator expression run as a function");
      return false;
    }
    if ((unit.kind != UnitKind::kFunction && unit.kind != UnitKind::kLambda) ||
        unit.positional_count == 0) {
      Raise(PyError(PyExc::kRuntimeError, "super(): no arguments"));
      return false;
    }
    const Frame& frame = heap_.frames().at(context_.frame);
    ObjectId first = frame.slots[0];
    if (first != kNoObject && !unit.cell_slots.empty() && unit.cell_slots.front() == 0) {
      first = heap_.cell(first).contents;  // an argument an inner function captured
    }
    if (first == kNoObject) {
      Raise(PyError(PyExc::kRuntimeError, "super(): arg[0] deleted"));
      return false;
    }
    ObjectId class_cell = kNoObject;
    for (uint32_t slot : unit.free_slots) {
      if (unit.slot_names[slot] == kClassCell) class_cell = frame.slots[slot];
    }
    if (class_cell == kNoObject) {
      Raise(PyError(PyExc::kRuntimeError, "super(): __class__ cell not found"));
      return false;
    }
    *type = heap_.cell(class_cell).contents;
    if (*type == kNoObject) {
      Raise(PyError(PyExc::kRuntimeError, "super(): empty __class__ cell"));
      return false;
    }
    *obj = first;
  } else {
    *type = args.positional[0].get();
    *obj = args.positional[1].get();
  }
  const TypeTag type_tag = heap_.type_of(*type);
  if (type_tag == TypeTag::kBuiltinType) {
    Refuse("super() of a builtin type (its attributes are not modelled)");
    return false;
  }
  if (type_tag != TypeTag::kClass) {
    Raise(PyError(PyExc::kTypeError, absl::StrCat(std::string(heap_.profile().messages.super_type_argument),
                                                  TypeName(heap_, *type))));
    return false;
  }
  const TypeTag obj_tag = heap_.type_of(*obj);
  if (obj_tag == TypeTag::kClass || obj_tag == TypeTag::kBuiltinType) {
    Refuse("super(type, obj) with a class as obj");
    return false;
  }
  if (!IsInstanceOf(heap_, *obj, *type)) {
    Raise(PyError(PyExc::kTypeError,
                  heap_.profile().messages.super_check_names_types
                      ? absl::StrCat("super(type, obj): obj (instance of ", TypeName(heap_, *obj),
                                     ") is not an instance or subtype of type (",
                                     heap_.cls(*type).name, ").")
                      : "super(type, obj): obj must be an instance or subtype of type"));
    return false;
  }
  return true;
}

Ref Interpreter::CallObjectInit(ObjectId self, const CallArgs& args) {
  if (args.positional.empty() && args.keywords.empty()) return heap_.NewRef(heap_.none());
  // object_init's excess arguments: named after object when the class
  // overrides __init__, else after the class (whose __new__ is object's).
  const ObjectId cls = heap_.instance(self).cls;
  Ref init_key = IdentifierStr(heap_, "__init__");
  const std::string owner =
      ClassLookup(heap_, cls, init_key.get()) != kNoObject ? "object" : heap_.cls(cls).name;
  Raise(PyError(PyExc::kTypeError,
                absl::StrCat(owner, ".__init__() takes exactly one argument (the instance to "
                                    "initialize)")));
  return Ref();
}

Ref Interpreter::CallSuper(CallArgs& args) {
  if (!args.keywords.empty()) {
    Refuse("super() with keyword arguments");
    return Ref();
  }
  if (args.positional.size() == 1 || args.positional.size() > 2) {
    Refuse("super() with one argument (an unbound super object) or more than two");
    return Ref();
  }
  ObjectId type = kNoObject;
  ObjectId obj = kNoObject;
  if (!SuperArguments(args, &type, &obj)) return Ref();
  return NewSuper(heap_, type, obj);
}

Ref Interpreter::SuperGetAttr(ObjectId type, ObjectId obj, const std::string& name,
                              ObjectId super_object) {
  Ref key = IdentifierStr(heap_, name);
  const ObjectId found = SuperLookup(heap_, type, key.get());
  if (found == kNoObject) {
    if (name == "__init__") return NewObjectInitWrapper(heap_, obj);  // object's slot wrapper, bound
    if (IsDunder(name)) {
      // Found in `object` (a slot wrapper bound as a method-wrapper), or
      // an attribute of the super object itself.
      Refuse(absl::StrCat("super() lookup of '", name,
                          "', which the script's classes do not define"));
      return Ref();
    }
    Raise(AttributeErrorFor(super_object, name,
                            PyError(PyExc::kAttributeError,
                                    absl::StrCat("'super' object has no attribute '", name, "'"))));
    return Ref();
  }
  switch (heap_.type_of(found)) {
    case TypeTag::kFunction:
      return NewMethod(heap_, found, obj);
    case TypeTag::kMemberDescriptor:
      Refuse(absl::StrCat("super() lookup of the slot '", name, "'"));
      return Ref();
    default:
      return heap_.NewRef(found);
  }
}

Ref Interpreter::EvalSuperAttribute(const Expr& attribute, const Expr& super_call,
                                    Ref* unbound_self, bool* object_init) {
  // LOAD_GLOBAL super, then the class and the object: the __class__ cell
  // and the first argument, or the call's two arguments.
  Ref super_type = Eval(*super_call.operands[0]);
  if (!super_type) return Ref();
  if (super_type.get() != session_.builtin_objects[static_cast<size_t>(Builtin::kTypeSuper)]) {
    Refuse("LOAD_SUPER_ATTR with a 'super' other than the builtin");
    return Ref();
  }
  CallArgs super_args;
  if (!EvalArguments(super_call, 1, &super_args)) return Ref();
  const std::string& name = attribute.name.text;
  const bool warm = std::exchange(attribute.site_warm, true);
  if (warm) {
    // LOAD_SUPER_ATTR_ATTR / _METHOD: no super object; a function found
    // for a method call is left unbound.
    ObjectId type = kNoObject;
    ObjectId obj = kNoObject;
    if (!SuperArguments(super_args, &type, &obj)) return Ref();
    Ref key = IdentifierStr(heap_, name);
    const ObjectId found = SuperLookup(heap_, type, key.get());
    if (found != kNoObject) {
      if (unbound_self != nullptr && heap_.type_of(found) == TypeTag::kFunction) {
        *unbound_self = heap_.NewRef(obj);
        return heap_.NewRef(found);
      }
      return SuperGetAttr(type, obj, name, kNoObject);
    }
    if (name == "__init__") {
      if (unbound_self == nullptr) return NewObjectInitWrapper(heap_, obj);
      // object's __init__ slot wrapper is a method descriptor: left unbound.
      *unbound_self = heap_.NewRef(obj);
      *object_init = true;
      return heap_.NewRef(heap_.none());
    }
  }
  // The generic LOAD_SUPER_ATTR: super(...) called, then getattr on it.
  Ref super_object = CallSuper(super_args);
  if (!super_object) return Ref();
  const SuperBody body = heap_.super_body(super_object.get());
  return SuperGetAttr(body.type, body.obj, name, super_object.get());
}

}  // namespace heapsim::script
