// staticmethod(), classmethod() and property() as the class body's
// decorators call them, and property.getter/setter/deleter, which copy a
// property with one part replaced (property_copy: the type called again
// with the four parts packed in a tuple).

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server/heap/bodies.h"
#include "server/heap/dict_object.h"
#include "server/heap/function_object.h"
#include "server/heap/py_error.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/heap/wrapper_object.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/function_attributes.h"
#include "server/script/program.h"

namespace heapsim::script {

namespace {

class DescriptorCall : public BuiltinCall {
 public:
  DescriptorCall(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args)
      : BuiltinCall(interp, builtin, self, args) {}

  Ref Run() {
    switch (builtin_) {
      case Builtin::kTypeStaticMethod:
      case Builtin::kTypeClassMethod:
        return MethodWrapper();
      case Builtin::kTypeProperty:
        return Property();
      case Builtin::kPropertySetName:
        return SetName();
      default:
        return Copy();
    }
  }

 private:
  // kNoObject for None (a property keeps None parts as NULL).
  ObjectId Part(ObjectId value) const { return value == heap_.none() ? kNoObject : value; }

  Ref MethodWrapper() {
    const bool static_method = builtin_ == Builtin::kTypeStaticMethod;
    const std::string name = static_method ? "staticmethod" : "classmethod";
    if (!args_.keywords.empty()) return TypeError(absl::StrCat(name, "() takes no keyword arguments"));
    if (args_.positional.size() != 1) {
      return TypeError(
          absl::StrCat(name, " expected 1 argument, got ", args_.positional.size()));
    }
    const bool copies = heap_.profile().method_wrappers_copy_attributes;
    if (copies && heap_.type_of(Arg(0)) != TypeTag::kFunction) {
      interp_.Refuse(absl::StrCat(name, "() of a '", TypeName(heap_, Arg(0)),
                                  "' object on 3.10+ (only of the script's functions: the "
                                  "attributes it copies from others are not modelled)"));
      return Ref();
    }
    Ref wrapper = NewMethodWrapper(
        heap_, static_method ? TypeTag::kStaticMethod : TypeTag::kClassMethod, Arg(0));
    if (copies) {
      // functools_wraps: each attribute read, then set through the
      // generic setattr, whose first store makes the plain __dict__.
      Ref dict = NewDict(heap_);
      heap_.wrapper(wrapper.get()).dict = dict.get();
      CopyWrapperAssignments(interp_, Arg(0), dict.release());
    }
    return wrapper;
  }

  // The getter's __doc__ (property_init takes it when no doc is given), or
  // false with a refusal for getters whose __doc__ heapsim does not know.
  bool GetterDoc(ObjectId fget, ObjectId* doc) {
    if (heap_.type_of(fget) != TypeTag::kFunction) {
      interp_.Refuse("property() of a getter that is not a function of the script");
      return false;
    }
    const CodeUnit& unit = FunctionUnit(interp_, fget);
    *doc = unit.docstring ? unit.docstring->constant : heap_.none();
    return true;
  }

  // property_init on the parts given; `name` is kept where the profile
  // names properties (3.13 also names it after the getter).
  Ref Make(ObjectId fget, ObjectId fset, ObjectId fdel, ObjectId doc, ObjectId name) {
    bool doc_from_getter = false;
    if (doc == kNoObject && fget != kNoObject) {
      if (!GetterDoc(fget, &doc)) return Ref();
      doc_from_getter = true;
    }
    if (name == kNoObject && heap_.profile().property_named_by_getter && fget != kNoObject) {
      name = heap_.function(fget).name;
    }
    Ref property = NewProperty(heap_, fget, fset, fdel, doc,
                               heap_.profile().property_has_name ? name : kNoObject);
    heap_.wrapper(property.get()).doc_from_getter = doc_from_getter;
    return property;
  }

  Ref Property() {
    if (!Arity(0, 4, ArgCheck::kParseTuple)) return Ref();
    static constexpr std::string_view kNames[] = {"fget", "fset", "fdel", "doc"};
    ObjectId parts[4] = {kNoObject, kNoObject, kNoObject, kNoObject};
    for (const auto& [key, value] : args_.keywords) {
      bool known = false;
      for (std::string_view name : kNames) known |= key == name;
      if (!known) {
        return TypeError(absl::StrCat("'", key, "' is an invalid keyword argument for property()"));
      }
    }
    for (size_t i = 0; i < 4; ++i) {
      const ObjectId value = ArgOrKeyword(i, kNames[i]);
      parts[i] = value == kNoObject ? kNoObject : Part(value);
    }
    return Make(parts[0], parts[1], parts[2], parts[3], kNoObject);
  }

  Ref Copy() {
    if (!Arity(1, 1)) return Ref();
    const WrapperBody old = heap_.wrapper(self_);
    ObjectId parts[3] = {old.callable, old.setter, old.deleter};
    const size_t replaced = builtin_ == Builtin::kPropertyGetter   ? 0
                            : builtin_ == Builtin::kPropertySetter ? 1
                                                                   : 2;
    parts[replaced] = Part(Arg(0));
    // A doc taken from the old getter is taken again from the new one.
    const ObjectId doc = old.doc_from_getter && parts[0] != kNoObject ? kNoObject : old.doc;
    auto or_none = [&](ObjectId id) { return id == kNoObject ? heap_.none() : id; };
    Ref packed = NewTupleOf(heap_, {or_none(parts[0]), or_none(parts[1]), or_none(parts[2]),
                                    or_none(doc)});
    Ref copy = Make(parts[0], parts[1], parts[2], doc, kNoObject);
    if (copy && heap_.profile().property_has_name) {
      // property_copy gives the copy the old one's name.
      WrapperBody& body = heap_.wrapper(copy.get());
      if (old.name != kNoObject) heap_.IncRef(old.name);
      const ObjectId replaced_name = std::exchange(body.name, old.name);
      if (replaced_name != kNoObject) heap_.DecRef(replaced_name);
    }
    packed.Reset();
    return copy;
  }

  Ref SetName() {
    WrapperBody& body = heap_.wrapper(self_);
    heap_.IncRef(Arg(1));
    const ObjectId old = std::exchange(body.name, Arg(1));
    if (old != kNoObject) heap_.DecRef(old);
    return None();
  }
};

}  // namespace

Ref CallDescriptorBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return DescriptorCall(interp, builtin, self, args).Run();
}

}  // namespace heapsim::script
