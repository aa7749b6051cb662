// Reading, writing and deleting attributes that a class holds as
// staticmethod, classmethod or property objects, as their tp_descr_get and
// tp_descr_set run.

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "server/heap/bodies.h"
#include "server/heap/function_object.h"
#include "server/heap/instance_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"
#include "server/script/function_attributes.h"
#include "server/script/interpreter.h"
#include "server/script/program.h"

namespace heapsim::script {

namespace {

// The AttributeError text of a property lacking the part `message` names
// (Profile::messages.property_no_*).
std::string PropertyError(const Heap& heap, std::string_view message, ObjectId property,
                          ObjectId instance) {
  const ObjectId name = heap.wrapper(property).name;
  const std::string quoted_name =
      name == kNoObject ? "" : absl::StrCat(" '", StrText(heap, name), "'");
  return absl::StrReplaceAll(std::string(message),
                             {{"%N", quoted_name}, {"%T", TypeName(heap, instance)}});
}

}  // namespace

bool IsDescriptorObject(const Heap& heap, ObjectId object) {
  const TypeTag type = heap.type_of(object);
  return type == TypeTag::kStaticMethod || type == TypeTag::kClassMethod ||
         type == TypeTag::kProperty;
}

ObjectId Interpreter::SpecialisedPropertyGetter(const Expr& attribute, ObjectId object) {
  if (!heap_.profile().property_get_specialises) return kNoObject;
  const bool warm = std::exchange(attribute.site_warm, true);
  if (!warm || heap_.type_of(object) != TypeTag::kInstance) return kNoObject;
  Ref key = InternStr(heap_, attribute.name.text);
  const ObjectId found = ClassLookup(heap_, heap_.instance(object).cls, key.get());
  if (found == kNoObject || heap_.type_of(found) != TypeTag::kProperty) return kNoObject;
  const ObjectId getter = heap_.wrapper(found).callable;
  if (getter == kNoObject || heap_.type_of(getter) != TypeTag::kFunction) return kNoObject;
  const CodeUnit& unit = FunctionUnit(*this, getter);
  const bool one_argument = unit.positional_count == 1 && unit.varargs_slot < 0 &&
                            unit.kwargs_slot < 0 && unit.keyword_only_count == 0;
  return one_argument ? getter : kNoObject;
}

Ref Interpreter::DescriptorGet(ObjectId descriptor, ObjectId instance, ObjectId cls) {
  const WrapperBody& body = heap_.wrapper(descriptor);
  switch (heap_.type_of(descriptor)) {
    case TypeTag::kStaticMethod:
      return heap_.NewRef(body.callable);
    case TypeTag::kClassMethod:
      return NewMethod(heap_, body.callable, cls);
    default:
      break;
  }
  if (instance == kNoObject) return heap_.NewRef(descriptor);
  if (body.callable == kNoObject) {
    Raise(PyError(PyExc::kAttributeError,
                  PropertyError(heap_, heap_.profile().messages.property_no_getter, descriptor,
                                instance)));
    return Ref();
  }
  // property_descr_get calls the getter from C: the frame gets its own
  // reference to the instance.
  CallArgs args;
  args.positional.push_back(heap_.NewRef(instance));
  args.from_sequence = true;
  Ref getter = heap_.NewRef(body.callable);
  return Call(getter.get(), std::move(args));
}

bool Interpreter::PropertyStore(ObjectId property, ObjectId instance, ObjectId value) {
  const WrapperBody& body = heap_.wrapper(property);
  const ObjectId accessor = value == kNoObject ? body.deleter : body.setter;
  if (accessor == kNoObject) {
    const ErrorMessages& messages = heap_.profile().messages;
    Raise(PyError(PyExc::kAttributeError,
                  PropertyError(heap_,
                                value == kNoObject ? messages.property_no_deleter
                                                   : messages.property_no_setter,
                                property, instance)));
    return false;
  }
  // property_descr_set: the setter (or deleter) called from C, its result
  // dropped.
  CallArgs args;
  args.positional.push_back(heap_.NewRef(instance));
  if (value != kNoObject) args.positional.push_back(heap_.NewRef(value));
  args.from_sequence = true;
  Ref function = heap_.NewRef(accessor);
  Ref result = Call(function.get(), std::move(args));
  return static_cast<bool>(result);
}

}  // namespace heapsim::script
