// The builtins of the object protocol by name: callable, getattr, setattr,
// hasattr and delattr, vars (and globals, refused), and issubclass. The
// attribute builtins reach attributes through the interpreter's own
// attribute access, so they read, bind, write and refuse exactly as `o.x`,
// `o.x = v` and `del o.x` do.

#include <string>

#include "absl/strings/str_cat.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/counter_object.h"
#include "server/heap/instance_object.h"
#include "server/heap/py_error.h"
#include "server/heap/slotted_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/heap/weakref_object.h"
#include "server/script/attribute_miss.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/class_namespace.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

bool IsCallable(const Heap& heap, ObjectId object) {
  switch (heap.type_of(object)) {
    case TypeTag::kFunction:
    case TypeTag::kMethod:
    case TypeTag::kBuiltinFunction:
    case TypeTag::kMethodWrapper:
    case TypeTag::kClass:
    case TypeTag::kBuiltinType:
    case TypeTag::kNamedTupleType:
    case TypeTag::kPartial:
    case TypeTag::kLruCache:
    case TypeTag::kLruCacheDecorator:
      return true;
    case TypeTag::kInstance: {
      // A class can only bind __call__ if the name's str exists.
      const ObjectId name = heap.FindInterned("__call__");
      return name != kNoObject && ClassLookup(heap, heap.instance(object).cls, name) != kNoObject;
    }
    case TypeTag::kWeakRef:  // a reference, or a CallableProxyType
      return heap.weakref(object).kind != WeakRefKind::kProxy;
    case TypeTag::kWeakContainer:  // finalize (and a remover) define __call__
      return WeakContainerKindOf(heap, object) >= WeakContainerKind::kFinalize;
    default:
      return false;
  }
}

namespace {

class AttributeCall : public BuiltinCall {
 public:
  AttributeCall(Interpreter& interp, Builtin builtin, CallArgs& args)
      : BuiltinCall(interp, builtin, kNoObject, args) {}

  Ref Run() {
    switch (builtin_) {
      case Builtin::kCallable:
        if (!Arity(1, 1)) return Ref();
        return Bool(IsCallable(heap_, Arg(0)));
      case Builtin::kGetAttr:
        return GetAttr();
      case Builtin::kHasAttr:
        return HasAttr();
      case Builtin::kSetAttr:
        return SetAttr();
      case Builtin::kDelAttr:
        return DelAttr();
      case Builtin::kGlobals:
        // The module's namespace holds the start-up's __file__ and
        // __loader__, whose values heapsim does not model.
        if (!Arity(0, 0)) return Ref();
        interp_.Refuse(
            "globals() (the namespace holds __file__ and __loader__, whose values are not "
            "modelled)");
        return Ref();
      case Builtin::kVars:
        return Vars();
      case Builtin::kIsSubclass: {
        if (!Arity(2, 2)) return Ref();
        const int result = IsSubclass(Arg(0), Arg(1));
        if (result < 0) return Ref();
        return Bool(result == 1);
      }
      default:
        return TypeError("unknown builtin");
    }
  }

 private:
  bool Callable(ObjectId object) { return IsCallable(heap_, object); }

  // The attribute name argument of getattr/hasattr as text, or nullopt
  // with the exception or refusal pending. CPython looks the name up
  // without interning it; heapsim's attribute access keys by interned str,
  // so a name no interned str matches is refused rather than interned.
  std::optional<std::string> ReadName(ObjectId name) {
    if (heap_.type_of(name) != TypeTag::kStr) {
      TypeError(heap_.profile().messages.attr_name_names_type
                    ? absl::StrCat("attribute name must be string, not '", TypeName(heap_, name),
                                   "'")
                    : absl::StrCat(std::string(BuiltinName(builtin_)), "(): attribute name must be string"));
      return std::nullopt;
    }
    const std::string& text = StrText(heap_, name);
    if (heap_.FindInterned(text) == kNoObject) {
      interp_.Refuse(absl::StrCat(std::string(BuiltinName(builtin_)),
                                  "() of an attribute name no interned str matches"));
      return std::nullopt;
    }
    return text;
  }

  // The attribute name argument of setattr/delattr as text, interned in
  // place as PyObject_SetAttr does (whether or not the write succeeds).
  std::optional<std::string> WrittenName(ObjectId name) {
    if (heap_.type_of(name) != TypeTag::kStr) {
      TypeError(absl::StrCat("attribute name must be string, not '", TypeName(heap_, name), "'"));
      return std::nullopt;
    }
    const std::string& text = StrText(heap_, name);
    if (heap_.FindInterned(text) == kNoObject) heap_.Intern(name);
    return text;
  }

  // True when the pending exception is an AttributeError (not a refusal).
  bool PendingAttributeError() {
    return interp_.has_error() && PyErrorType(interp_.error()) == PyExc::kAttributeError;
  }

  Ref GetAttr() {
    if (!Arity(2, 3)) return Ref();
    const std::optional<std::string> name = ReadName(Arg(1));
    if (!name) return Ref();
    Ref value = interp_.GetAttr(Arg(0), *name);
    if (value || args_.positional.size() == 2 || !PendingAttributeError()) return value;
    interp_.CatchError().IgnoreError();
    if (!NoteSuppressedAttributeMiss(interp_, Arg(0), *name)) return Ref();
    return heap_.NewRef(Arg(2));
  }

  Ref HasAttr() {
    if (!Arity(2, 2)) return Ref();
    const std::optional<std::string> name = ReadName(Arg(1));
    if (!name) return Ref();
    Ref value = interp_.GetAttr(Arg(0), *name);
    if (value) return Bool(true);
    if (!PendingAttributeError()) return Ref();
    interp_.CatchError().IgnoreError();
    if (!NoteSuppressedAttributeMiss(interp_, Arg(0), *name)) return Ref();
    return Bool(false);
  }

  Ref SetAttr() {
    if (!Arity(3, 3)) return Ref();
    const std::optional<std::string> name = WrittenName(Arg(1));
    if (!name || !interp_.SetAttr(Arg(0), *name, Arg(2))) return Ref();
    return None();
  }

  static bool IsClass(const Heap& heap, ObjectId object) {
    const TypeTag type = heap.type_of(object);
    return type == TypeTag::kClass || type == TypeTag::kBuiltinType ||
           type == TypeTag::kNamedTupleType;
  }

  // A builtin type's relation to another: itself, object, bool to int, and
  // the exception hierarchy.
  bool BuiltinSubclass(ObjectId derived, ObjectId cls) {
    const auto builtin = [&](ObjectId type) { return static_cast<Builtin>(heap_.object(type).subtype); };
    if (builtin(cls) == Builtin::kTypeObject) return true;
    if (builtin(derived) == Builtin::kTypeBool && builtin(cls) == Builtin::kTypeInt) return true;
    if ((builtin(derived) == Builtin::kTypeDefaultDict ||
         builtin(derived) == Builtin::kTypeOrderedDict ||
         builtin(derived) == Builtin::kTypeCounter) &&
        builtin(cls) == Builtin::kTypeDict) {
      return true;
    }
    if (builtin(derived) == Builtin::kExceptionClass && builtin(cls) == Builtin::kExceptionClass) {
      const std::optional<PyExc> exc = PyExcFromName(heap_.cls(derived).name);
      return exc && PyExcMatches(*exc, heap_.cls(cls).name);
    }
    return false;
  }

  // issubclass(derived, cls) as PyObject_IsSubclass: 1, 0, or -1 with the
  // TypeError raised. A tuple is searched in order and stops at a match.
  int IsSubclass(ObjectId derived, ObjectId cls) {
    if (heap_.type_of(cls) == TypeTag::kTuple) {
      const std::vector<ObjectId> items = TupleItems(heap_, cls);
      for (ObjectId item : items) {
        const int result = IsSubclass(derived, item);
        if (result != 0) return result;
      }
      return 0;
    }
    if (!IsClass(heap_, derived)) {
      TypeError("issubclass() arg 1 must be a class");
      return -1;
    }
    if (!IsClass(heap_, cls)) {
      TypeError(heap_.profile().messages.class_check_mentions_union
                    ? "issubclass() arg 2 must be a class, a tuple of classes, or a union"
                    : "issubclass() arg 2 must be a class or tuple of classes");
      return -1;
    }
    if (derived == cls) return 1;
    if (heap_.type_of(derived) == TypeTag::kNamedTupleType) {
      // Below tuple, and through it object.
      const ObjectId base = heap_.cls(derived).base;
      return base == cls || (heap_.type_of(cls) == TypeTag::kBuiltinType &&
                             static_cast<Builtin>(heap_.object(cls).subtype) == Builtin::kTypeObject)
                 ? 1
                 : 0;
    }
    if (heap_.type_of(cls) == TypeTag::kNamedTupleType) return 0;
    const bool derived_builtin = heap_.type_of(derived) == TypeTag::kBuiltinType;
    const bool cls_builtin = heap_.type_of(cls) == TypeTag::kBuiltinType;
    if (!derived_builtin && !cls_builtin) return IsSubclassOf(heap_, derived, cls) ? 1 : 0;
    if (derived_builtin && cls_builtin) return BuiltinSubclass(derived, cls) ? 1 : 0;
    if (!derived_builtin && IsExceptionClass(heap_, derived) &&
        static_cast<Builtin>(heap_.object(cls).subtype) == Builtin::kExceptionClass) {
      const std::optional<PyExc> exc =
          PyExcFromName(heap_.cls(heap_.cls(derived).exception_base).name);
      return exc && PyExcMatches(*exc, heap_.cls(cls).name) ? 1 : 0;
    }
    // A program's class derives from object alone among the builtin types.
    return !derived_builtin &&
                   static_cast<Builtin>(heap_.object(cls).subtype) == Builtin::kTypeObject
               ? 1
               : 0;
  }

  // vars(object): the instance's __dict__ (made if the instance has none
  // yet, as o.__dict__ makes it), or a class's namespace (a new
  // mappingproxy).
  Ref Vars() {
    if (!Arity(0, 1)) return Ref();
    if (args_.positional.empty()) {
      interp_.Refuse("vars() without an argument (the frame's locals as a dict)");
      return Ref();
    }
    const ObjectId object = Arg(0);
    switch (heap_.type_of(object)) {
      case TypeTag::kInstance:
        // Instances of slotted classes have no __dict__ (heapsim refuses
        // those that would have both).
        if (IsSlotted(heap_, heap_.instance(object).cls)) {
          return TypeError("vars() argument must have __dict__ attribute");
        }
        return InstanceDict(heap_, object);
      case TypeTag::kClass:
        return ClassNamespace(interp_, object);
      case TypeTag::kBuiltinType:
      case TypeTag::kNamedTupleType:
      case TypeTag::kModule:
      case TypeTag::kFunction:
      case TypeTag::kException:
      case TypeTag::kPartial:
      case TypeTag::kLruCache:
      case TypeTag::kLruCacheDecorator:
        interp_.Refuse(absl::StrCat("vars() of a '", TypeName(heap_, object),
                                    "' object (its __dict__ is not modelled)"));
        return Ref();
      case TypeTag::kWeakContainer:
        // finalize has __slots__ = (); the containers' __dict__ holds
        // weakref.py's unmodelled objects.
        if (WeakContainerKindOf(heap_, object) == WeakContainerKind::kFinalize) {
          return TypeError("vars() argument must have __dict__ attribute");
        }
        interp_.Refuse(absl::StrCat("vars() of a '", TypeName(heap_, object),
                                    "' object (its __dict__ is not modelled)"));
        return Ref();
      case TypeTag::kDict:
        // A Counter's class gives its instances a __dict__ (made on demand).
        if (IsCounter(heap_, object)) {
          interp_.Refuse("vars() of a 'Counter' object (its __dict__ is not modelled)");
          return Ref();
        }
        return TypeError("vars() argument must have __dict__ attribute");
      default:
        return TypeError("vars() argument must have __dict__ attribute");
    }
  }

  Ref DelAttr() {
    if (!Arity(2, 2)) return Ref();
    const std::optional<std::string> name = WrittenName(Arg(1));
    if (!name || !interp_.DelAttr(Arg(0), *name)) return Ref();
    return None();
  }
};

}  // namespace

Ref CallAttributeBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args) {
  return AttributeCall(interp, builtin, args).Run();
}

}  // namespace heapsim::script
