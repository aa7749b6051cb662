// dataclasses' objects, field(), dataclass() and its processing of a class
// (see module_dataclasses.h); the generated methods are made in
// module_dataclasses_methods.cc.

#include "server/script/module_dataclasses.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/dict_object.h"
#include "server/heap/function_object.h"
#include "server/heap/gc_timing.h"
#include "server/heap/instance_object.h"
#include "server/heap/py_error.h"
#include "server/heap/slotted_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/class_slots.h"
#include "server/script/parser.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// At most how many GC objects CPython's Python code makes or frees for the
// first `import dataclasses` (measured: up to 10 generation-0 collections
// on 3.9 and 3.12, the import loading inspect, ast, re and more) and for
// one dataclass() call (the Field objects, the generated source's
// compilation and exec, the functions, inspect.signature for __doc__),
// beyond a share per field: measured, 148 for two fields on 3.8 and 244
// for three with frozen and order (38 and 47 on 3.12).
constexpr uint64_t kDataclassesImportGcObjects = 12000;
constexpr uint64_t kDataclassGcObjects = 300;
constexpr uint64_t kDataclassGcObjectsPerField = 60;

// Field's slots in the order Field.__init__ stores them; kw_only from 3.10.
constexpr std::string_view kFieldSlots[] = {"name",    "type",     "default", "default_factory",
                                            "init",    "repr",     "hash",    "compare",
                                            "metadata", "kw_only", "_field_type"};

std::string Key(std::string_view name) { return absl::StrCat("dataclasses.", std::string(name)); }

// A class of module dataclasses: `slots` its __slots__ (none when empty).
Ref NewModuleClass(Interpreter& interp, const std::string& name,
                   const std::vector<std::string_view>& slots) {
  Heap& heap = interp.heap();
  Ref ns = NewDict(heap);
  const auto set = [&](std::string_view key, ObjectId value) {
    Ref k = InternStr(heap, key);
    DictSetItem(heap, ns.get(), k.get(), value).IgnoreError();
  };
  Ref module = InternStr(heap, "dataclasses");
  set("__module__", module.get());
  Ref qualname = InternStr(heap, name);
  set("__qualname__", qualname.get());
  if (!slots.empty()) {
    std::vector<ObjectId> names;
    for (std::string_view slot : slots) names.push_back(InternStr(heap, slot).release());
    Ref tuple = NewTuple(heap, std::move(names));
    set("__slots__", tuple.get());
  }
  absl::StatusOr<SlotsSpec> spec = ClassSlots(heap, ns.get(), kNoObject, name);
  const ObjectId object_type =
      interp.session().builtin_objects[static_cast<size_t>(Builtin::kTypeObject)];
  Ref cls = NewClass(heap, name, std::move(ns), kNoObject, object_type,
                     spec.ok() ? *spec : SlotsSpec());
  heap.cls(cls.get()).module = "dataclasses";
  SetUpSpecialMethods(heap, cls.get());
  return cls;
}

// Makes the module's objects into the session's module_values.
void MakeModuleObjects(Interpreter& interp) {
  Heap& heap = interp.heap();
  auto& values = interp.session().module_values;
  std::vector<std::string_view> slots(std::begin(kFieldSlots), std::end(kFieldSlots));
  if (!heap.profile().dataclass.has_slots) {
    slots.erase(std::find(slots.begin(), slots.end(), std::string_view("kw_only")));
  }
  values.emplace(Key("Field"), NewModuleClass(interp, "Field", slots).release());
  Ref missing_type = NewModuleClass(interp, "_MISSING_TYPE", {});
  values.emplace(Key("MISSING"), NewInstance(heap, missing_type.get()).release());
  values.emplace(Key("_MISSING_TYPE"), missing_type.release());
  Ref factory_type = NewModuleClass(interp, "_HAS_DEFAULT_FACTORY_CLASS", {});
  values.emplace(Key("_HAS_DEFAULT_FACTORY"), NewInstance(heap, factory_type.get()).release());
  values.emplace(Key("_HAS_DEFAULT_FACTORY_CLASS"), factory_type.release());
  // class FrozenInstanceError(AttributeError): pass
  Ref ns = NewDict(heap);
  for (const auto& [key, value] : {std::pair<std::string_view, std::string_view>{"__module__", "dataclasses"},
                                   {"__qualname__", "FrozenInstanceError"}}) {
    Ref k = InternStr(heap, key);
    Ref v = InternStr(heap, value);
    DictSetItem(heap, ns.get(), k.get(), v.get()).IgnoreError();
  }
  std::vector<ObjectId> mro;
  for (const char* base : {"AttributeError", "Exception", "BaseException"}) {
    mro.push_back(interp.TypeObject(base));
  }
  mro.push_back(interp.session().builtin_objects[static_cast<size_t>(Builtin::kTypeObject)]);
  Ref error = NewExceptionClass(heap, "FrozenInstanceError", std::move(ns), kNoObject, mro);
  heap.cls(error.get()).module = "dataclasses";
  SetUpSpecialMethods(heap, error.get());
  values.emplace(Key("FrozenInstanceError"), error.release());
  // The builtins the generated methods call (static, as the module's
  // functions are).
  for (const auto& [name, builtin] :
       {std::pair<std::string_view, Builtin>{"<setattr>", Builtin::kDataclassesObjectSetAttr},
        {"<repr enter>", Builtin::kDataclassesReprEnter},
        {"<repr leave>", Builtin::kDataclassesReprLeave}}) {
    const ObjectId object =
        heap.NewStaticObject(TypeTag::kBuiltinFunction, heap.profile().aux.builtin_method);
    heap.AttachBody(object, BoundBody{kNoObject, kNoObject, static_cast<uint32_t>(builtin)});
    heap.Track(object);
    values.emplace(Key(name), object);
  }
}

bool IsFieldObject(Interpreter& interp, ObjectId object) {
  Heap& heap = interp.heap();
  return heap.type_of(object) == TypeTag::kInstance &&
         heap.instance(object).cls == DataclassesObject(interp, "Field");
}

void SetFieldSlot(Heap& heap, ObjectId field, std::string_view name, ObjectId value) {
  Ref key = InternStr(heap, name);
  InstanceStoreAttr(heap, field, key.get(), value).IgnoreError();
}

// The parameters of field() and of dataclass(), by name, with their values
// (kNoObject: not given).
struct Parameters {
  std::vector<std::pair<std::string_view, ObjectId>> values;
  ObjectId Get(std::string_view name) const {
    for (const auto& [key, value] : values) {
      if (key == name) return value;
    }
    return kNoObject;
  }
};

// The parameters a dataclass() of this profile takes, in order.
std::vector<std::string_view> DataclassParameterNames(const Profile& profile) {
  std::vector<std::string_view> names = {"init",        "repr",  "eq",
                                         "order",       "unsafe_hash", "frozen"};
  if (profile.dataclass.has_slots) {
    for (std::string_view name : {"match_args", "kw_only", "slots"}) names.push_back(name);
  }
  if (profile.dataclass.has_weakref_slot) names.push_back("weakref_slot");
  return names;
}

class DataclassesCall : public BuiltinCall {
 public:
  DataclassesCall(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args)
      : BuiltinCall(interp, builtin, self, args) {}

  Ref Run() {
    switch (builtin_) {
      case Builtin::kDataclassesDataclass:
        return Dataclass();
      case Builtin::kDataclassesDecorator:
        return Decorate();
      case Builtin::kDataclassesField:
        return Field();
      case Builtin::kDataclassesFields:
        return Fields();
      case Builtin::kDataclassesIsDataclass:
        return IsDataclass();
      default:
        return CallDataclassesHelper(interp_, builtin_, self_, args_);
    }
  }

 private:
  // Binds the keywords to `names` (CPython's errors for others), the values
  // each taken as a truth value: bools, ints and None only.
  std::optional<Parameters> Keywords(std::string_view function,
                                     const std::vector<std::string_view>& names) {
    Parameters params;
    for (const auto& [key, value] : args_.keywords) {
      if (std::find(names.begin(), names.end(), key) == names.end()) {
        TypeError(absl::StrCat(std::string(function), "() got an unexpected keyword argument '", key, "'"));
        return std::nullopt;
      }
      params.values.emplace_back(*std::find(names.begin(), names.end(), key), value.get());
    }
    return params;
  }

  // A parameter's truth, refusing objects whose truth runs Python code.
  std::optional<bool> Flag(const Parameters& params, std::string_view name, bool otherwise) {
    const ObjectId value = params.Get(name);
    if (value == kNoObject) return otherwise;
    const TypeTag type = heap_.type_of(value);
    if (type != TypeTag::kBool && type != TypeTag::kInt && type != TypeTag::kNone) {
      interp_.Refuse(absl::StrCat("dataclasses' ", std::string(name), "= given as a '",
                                  TypeName(heap_, value), "' object (only bools, ints and None)"));
      return std::nullopt;
    }
    return Truth(heap_, value);
  }

  // dataclass(cls=None, /, *, init=True, ...).
  Ref Dataclass() {
    if (args_.positional.size() > 1) {
      return TypeError(absl::StrCat("dataclass() takes from 0 to 1 positional arguments but ",
                                    args_.positional.size(), " were given"));
    }
    std::optional<Parameters> params =
        Keywords("dataclass", DataclassParameterNames(heap_.profile()));
    if (!params) return Ref();
    if (args_.positional.empty()) {
      // The decorator: wrap(cls), bound to the parameters.
      std::vector<ObjectId> flags;
      for (std::string_view name : DataclassParameterNames(heap_.profile())) {
        const ObjectId value = params->Get(name);
        flags.push_back(value == kNoObject ? heap_.none() : value);
      }
      Ref bound = NewTupleOf(heap_, flags);
      return NewBuiltin(heap_, static_cast<uint32_t>(Builtin::kDataclassesDecorator),
                        bound.get());
    }
    return Process(Arg(0), *params);
  }

  // The decorator dataclass(...) returned, called with the class.
  Ref Decorate() {
    if (!args_.keywords.empty() || args_.positional.size() != 1) {
      interp_.Refuse("the decorator dataclass(...) returned called with other than one class");
      return Ref();
    }
    Parameters params;
    const std::vector<std::string_view> names = DataclassParameterNames(heap_.profile());
    const std::vector<ObjectId> flags = TupleItems(heap_, self_);
    for (size_t i = 0; i < names.size() && i < flags.size(); ++i) {
      if (flags[i] != heap_.none()) params.values.emplace_back(names[i], flags[i]);
    }
    return Process(Arg(0), params);
  }

  // field(*, default=MISSING, default_factory=MISSING, init=True,
  // repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING).
  Ref Field() {
    if (!args_.positional.empty()) {
      return TypeError(absl::StrCat("field() takes 0 positional arguments but ",
                                    args_.positional.size(),
                                    args_.positional.size() == 1 ? " was" : " were", " given"));
    }
    std::vector<std::string_view> names = {"default", "default_factory", "init",    "repr",
                                           "hash",    "compare",         "metadata"};
    if (heap_.profile().dataclass.has_slots) names.push_back("kw_only");
    std::optional<Parameters> params = Keywords("field", names);
    if (!params) return Ref();
    const ObjectId metadata = params->Get("metadata");
    if (metadata != kNoObject && metadata != heap_.none()) {
      interp_.Refuse("field(metadata=...) (types.MappingProxyType is not modelled)");
      return Ref();
    }
    const ObjectId missing = DataclassesObject(interp_, "MISSING");
    const ObjectId given_default = params->Get("default");
    const ObjectId given_factory = params->Get("default_factory");
    if (given_default != kNoObject && given_default != missing && given_factory != kNoObject &&
        given_factory != missing) {
      return Fail(PyError(PyExc::kValueError, "cannot specify both default and default_factory"));
    }
    for (std::string_view flag : {"init", "repr", "compare"}) {
      if (!Flag(*params, flag, true)) return Ref();
    }
    const ObjectId hash = params->Get("hash");
    if (hash != kNoObject && !Flag(*params, "hash", false)) return Ref();
    Ref field = NewInstance(heap_, DataclassesObject(interp_, "Field"));
    const auto value = [&](std::string_view name, ObjectId otherwise) {
      const ObjectId given = params->Get(name);
      return given == kNoObject ? otherwise : given;
    };
    SetFieldSlot(heap_, field.get(), "name", heap_.none());
    SetFieldSlot(heap_, field.get(), "type", heap_.none());
    SetFieldSlot(heap_, field.get(), "default", value("default", missing));
    SetFieldSlot(heap_, field.get(), "default_factory", value("default_factory", missing));
    SetFieldSlot(heap_, field.get(), "init", value("init", heap_.bool_object(true)));
    SetFieldSlot(heap_, field.get(), "repr", value("repr", heap_.bool_object(true)));
    SetFieldSlot(heap_, field.get(), "hash", value("hash", heap_.none()));
    SetFieldSlot(heap_, field.get(), "compare", value("compare", heap_.bool_object(true)));
    // _EMPTY_METADATA and _field_type are refused when read.
    SetFieldSlot(heap_, field.get(), "metadata", heap_.none());
    if (heap_.profile().dataclass.has_slots) {
      SetFieldSlot(heap_, field.get(), "kw_only", value("kw_only", missing));
    }
    SetFieldSlot(heap_, field.get(), "_field_type", heap_.none());
    return field;
  }

  // fields(class_or_instance): the tuple of its Field objects.
  Ref Fields() {
    if (!args_.keywords.empty() || args_.positional.size() != 1) {
      interp_.Refuse("fields() with other than one positional argument");
      return Ref();
    }
    std::optional<std::vector<ObjectId>> fields = DataclassFields(heap_, ClassOf(Arg(0)));
    if (!fields) {
      return TypeError("must be called with a dataclass type or instance");
    }
    return NewTupleOf(heap_, *fields);
  }

  Ref IsDataclass() {
    if (!args_.keywords.empty() || args_.positional.size() != 1) {
      interp_.Refuse("is_dataclass() with other than one positional argument");
      return Ref();
    }
    return Bool(DataclassFields(heap_, ClassOf(Arg(0))).has_value());
  }

  // The class of an instance of the script's classes, a class itself, else
  // kNoObject.
  ObjectId ClassOf(ObjectId object) const {
    if (heap_.type_of(object) == TypeTag::kClass) return object;
    if (heap_.type_of(object) == TypeTag::kInstance) return heap_.instance(object).cls;
    return kNoObject;
  }

  // "<class 'list'>", "<class '__main__.Point'>": type(value) as the
  // mutable-default error shows it.
  std::string TypeRepr(ObjectId value) const {
    if (heap_.type_of(value) == TypeTag::kInstance) {
      const ClassBody& cls = heap_.cls(heap_.instance(value).cls);
      return absl::StrCat("<class '", cls.module.empty() ? "__main__" : cls.module, ".", cls.name,
                          "'>");
    }
    return absl::StrCat("<class '", TypeName(heap_, value), "'>");
  }

  // True when dataclass() refuses `value` as a mutable default.
  bool MutableDefault(ObjectId value) const {
    const TypeTag type = heap_.type_of(value);
    if (type == TypeTag::kList || type == TypeTag::kDict || type == TypeTag::kSet) return true;
    if (!heap_.profile().dataclass.mutable_by_hash) return false;
    if (type == TypeTag::kByteArray) return true;
    return type == TypeTag::kInstance && (SpecialMethods(heap_, value) & kSpecialHashNone) != 0;
  }

  Ref Process(ObjectId cls, const Parameters& params) {
    if (heap_.type_of(cls) != TypeTag::kClass || IsExceptionClass(heap_, cls)) {
      interp_.Refuse(absl::StrCat("dataclass() of a '", TypeName(heap_, cls),
                                  "' object (only of the script's classes)"));
      return Ref();
    }
    heap_.cls(cls).dataclass = true;
    DataclassPlan plan;
    plan.cls = cls;
    const std::optional<bool> init = Flag(params, "init", true);
    const std::optional<bool> repr = Flag(params, "repr", true);
    const std::optional<bool> eq = Flag(params, "eq", true);
    const std::optional<bool> order = Flag(params, "order", false);
    const std::optional<bool> unsafe_hash = Flag(params, "unsafe_hash", false);
    const std::optional<bool> frozen = Flag(params, "frozen", false);
    const std::optional<bool> match_args = Flag(params, "match_args", true);
    const std::optional<bool> kw_only = Flag(params, "kw_only", false);
    const std::optional<bool> slots = Flag(params, "slots", false);
    const std::optional<bool> weakref_slot = Flag(params, "weakref_slot", false);
    if (!init || !repr || !eq || !order || !unsafe_hash || !frozen || !match_args || !kw_only ||
        !slots || !weakref_slot) {
      return Ref();
    }
    if (*weakref_slot) {
      interp_.Refuse("dataclass(weakref_slot=True)");
      return Ref();
    }
    if (*slots && *frozen) {
      interp_.Refuse(
          "dataclass(slots=True, frozen=True) (its __getstate__ and __setstate__ are not "
          "modelled)");
      return Ref();
    }
    plan.init = *init;
    plan.repr = *repr;
    plan.eq = *eq;
    plan.order = *order;
    plan.frozen = *frozen;
    const ObjectId ns = heap_.cls(cls).namespace_dict;
    Ref annotations_key = IdentifierStr(heap_, "__annotations__");
    const ObjectId annotations = DictLookup(heap_, ns, annotations_key.get()).value_or(kNoObject);
    const size_t own = annotations != kNoObject && heap_.type_of(annotations) == TypeTag::kDict
                           ? heap_.dict(annotations).used
                           : 0;
    if (!SpendWork(own + 1)) return Fail(BudgetStatus());
    NoteUnmodelledGcObjects(heap_, "a dataclass() call",
                            kDataclassGcObjects + kDataclassGcObjectsPerField * own);
    if (annotations != kNoObject && heap_.type_of(annotations) != TypeTag::kDict) {
      interp_.Refuse("a dataclass whose __annotations__ is not a dict");
      return Ref();
    }
    // The bases' fields, from the far end of the MRO (a base's dict holds
    // __dataclass_fields__ only if it is a dataclass).
    std::vector<std::pair<std::string, ObjectId>> fields;
    const auto put = [&](const std::string& name, ObjectId field) {
      for (auto& [key, value] : fields) {
        if (key == name) {
          value = field;
          return;
        }
      }
      fields.emplace_back(name, field);
    };
    bool any_frozen_base = false;
    bool has_dataclass_bases = false;
    const std::vector<ObjectId> mro = TupleItems(heap_, heap_.cls(cls).mro);
    for (size_t i = mro.size(); i-- > 1;) {
      if (heap_.type_of(mro[i]) != TypeTag::kClass) continue;
      std::optional<std::vector<ObjectId>> base_fields = DataclassFields(heap_, mro[i]);
      if (!base_fields) continue;
      has_dataclass_bases = true;
      for (ObjectId field : *base_fields) put(StrText(heap_, FieldSlot(heap_, field, "name")), field);
      Ref setattr_key = IdentifierStr(heap_, "__setattr__");
      const ObjectId setattr =
          DictLookup(heap_, heap_.cls(mro[i]).namespace_dict, setattr_key.get()).value_or(kNoObject);
      if (setattr != kNoObject && IsDataclassFunction(interp_, setattr)) any_frozen_base = true;
    }
    // The class's own fields, in annotation order.
    const ObjectId missing = DataclassesObject(interp_, "MISSING");
    std::vector<std::string> own_names;
    std::vector<Ref> made;  // the new Field objects, until the fields dict holds them
    if (annotations != kNoObject) {
      for (const auto& [key, type] : DictItems(heap_, annotations)) {
        if (heap_.type_of(key) != TypeTag::kStr) {
          interp_.Refuse("a dataclass annotation whose name is not a str");
          return Ref();
        }
        const std::string name = StrText(heap_, key);
        if (!AsciiIdentifier(name) || IsPythonKeyword(name)) {
          interp_.Refuse(absl::StrCat("the dataclass field name ", Repr(heap_, key),
                                      " (not an ASCII identifier)"));
          return Ref();
        }
        if (heap_.type_of(type) == TypeTag::kStr) {
          interp_.Refuse(absl::StrCat("the string annotation of dataclass field '", name,
                                      "' (typing.ClassVar and InitVar are not modelled)"));
          return Ref();
        }
        Ref name_key = InternStr(heap_, name);
        const ObjectId found = ClassLookup(heap_, cls, name_key.get());
        if (found != kNoObject && heap_.type_of(found) != TypeTag::kInstance &&
            IsDescriptorObject(heap_, found)) {
          interp_.Refuse(absl::StrCat("the default of dataclass field '", name,
                                      "' is a descriptor"));
          return Ref();
        }
        Ref field;
        if (found != kNoObject && IsFieldObject(interp_, found)) {
          field = heap_.NewRef(found);
        } else {
          CallArgs no_args;
          DataclassesCall make(interp_, Builtin::kDataclassesField, kNoObject, no_args);
          field = make.Field();
          if (found != kNoObject) SetFieldSlot(heap_, field.get(), "default", found);
        }
        SetFieldSlot(heap_, field.get(), "name", name_key.get());
        SetFieldSlot(heap_, field.get(), "type", type);
        if (heap_.profile().dataclass.has_slots &&
            FieldSlot(heap_, field.get(), "kw_only") == missing) {
          SetFieldSlot(heap_, field.get(), "kw_only", heap_.bool_object(*kw_only));
        }
        const ObjectId default_value = FieldSlot(heap_, field.get(), "default");
        if (default_value != missing && MutableDefault(default_value)) {
          return Fail(PyError(PyExc::kValueError,
                              absl::StrCat("mutable default ", TypeRepr(default_value),
                                           " for field ", name,
                                           " is not allowed: use default_factory")));
        }
        put(name, field.get());
        own_names.push_back(name);
        // The class attribute becomes the default, or goes.
        if (found != kNoObject && IsFieldObject(interp_, found)) {
          const bool in_own = DictLookup(heap_, ns, name_key.get()).value_or(kNoObject) == found;
          if (!in_own) {
            interp_.Refuse("a dataclass field whose field() a base class holds");
            return Ref();
          }
          if (default_value == missing) {
            DictDelItem(heap_, ns, name_key.get()).IgnoreError();
          } else {
            DictSetItem(heap_, ns, name_key.get(), default_value).IgnoreError();
          }
        }
        made.push_back(std::move(field));
      }
    }
    for (const auto& [key, value] : DictItems(heap_, ns)) {
      if (!IsFieldObject(interp_, value) || heap_.type_of(key) != TypeTag::kStr) continue;
      const std::string name = StrText(heap_, key);
      if (std::find(own_names.begin(), own_names.end(), name) == own_names.end()) {
        return TypeError(absl::StrCat("'", name, "' is a field but has no type annotation"));
      }
    }
    if (has_dataclass_bases && any_frozen_base != plan.frozen) {
      return TypeError(any_frozen_base ? "cannot inherit non-frozen dataclass from a frozen one"
                                       : "cannot inherit frozen dataclass from a non-frozen one");
    }
    Ref fields_dict = NewDict(heap_);
    for (const auto& [name, field] : fields) {
      Ref key = InternStr(heap_, name);
      if (!Check(DictSetItem(heap_, fields_dict.get(), key.get(), field))) return Ref();
    }
    Ref fields_key = IdentifierStr(heap_, "__dataclass_fields__");
    DictSetItem(heap_, ns, fields_key.get(), fields_dict.get()).IgnoreError();
    // The __hash__ rules (_hash_action).
    Ref hash_key = IdentifierStr(heap_, "__hash__");
    Ref eq_key = IdentifierStr(heap_, "__eq__");
    const ObjectId class_hash = DictLookup(heap_, ns, hash_key.get()).value_or(kNoObject);
    const bool has_explicit_hash =
        !(class_hash == kNoObject ||
          (class_hash == heap_.none() &&
           DictLookup(heap_, ns, eq_key.get()).value_or(kNoObject) != kNoObject));
    if (plan.order && !plan.eq) {
      return Fail(PyError(PyExc::kValueError, "eq must be true if order is true"));
    }
    for (const auto& [name, field] : fields) {
      DataclassField f;
      f.name = name;
      f.field = field;
      const ObjectId default_value = FieldSlot(heap_, field, "default");
      const ObjectId factory = FieldSlot(heap_, field, "default_factory");
      f.default_value = default_value == missing ? kNoObject : default_value;
      f.default_factory = factory == missing ? kNoObject : factory;
      f.init = Truth(heap_, FieldSlot(heap_, field, "init"));
      f.repr = Truth(heap_, FieldSlot(heap_, field, "repr"));
      f.compare = Truth(heap_, FieldSlot(heap_, field, "compare"));
      f.hash = FieldSlot(heap_, field, "hash");
      f.kw_only = heap_.profile().dataclass.has_slots &&
                  Truth(heap_, FieldSlot(heap_, field, "kw_only"));
      plan.fields.push_back(std::move(f));
    }
    if (plan.init) {
      // _init_fn: no field without a default after one with (keyword-only
      // fields aside).
      const DataclassField* seen_default = nullptr;
      for (const DataclassField& f : plan.fields) {
        if (!f.init || f.kw_only) continue;
        if (f.default_value != kNoObject || f.default_factory != kNoObject) {
          seen_default = &f;
        } else if (seen_default != nullptr) {
          return TypeError(absl::StrCat(
              "non-default argument '", f.name, "' follows default argument",
              heap_.profile().dataclass.names_seen_default
                  ? absl::StrCat(" '", seen_default->name, "'")
                  : std::string()));
        }
      }
    }
    Ref post_init_key = IdentifierStr(heap_, "__post_init__");
    plan.has_post_init = ClassLookup(heap_, cls, post_init_key.get()) != kNoObject;
    if (!AddDataclassMethods(interp_, plan)) return Ref();
    // _hash_action[unsafe_hash, eq, frozen, has_explicit_hash].
    if (*unsafe_hash && has_explicit_hash) {
      return TypeError(absl::StrCat("Cannot overwrite attribute __hash__ in class ",
                                    heap_.cls(cls).name));
    }
    if (*unsafe_hash || (plan.eq && plan.frozen && !has_explicit_hash)) {
      DataclassPlan hash_plan = plan;
      hash_plan.init = hash_plan.repr = hash_plan.eq = hash_plan.order = hash_plan.frozen = false;
      hash_plan.add_hash = true;
      if (!AddDataclassMethods(interp_, hash_plan)) return Ref();
    } else if (plan.eq && !plan.frozen && !has_explicit_hash) {
      DictSetItem(heap_, ns, hash_key.get(), heap_.none()).IgnoreError();
    }
    if (heap_.profile().dataclass.has_slots && *match_args) {
      Ref match_key = IdentifierStr(heap_, "__match_args__");
      if (DictLookup(heap_, ns, match_key.get()).value_or(kNoObject) == kNoObject) {
        std::vector<ObjectId> names;
        for (const DataclassField& f : plan.fields) {
          if (f.init && !f.kw_only) names.push_back(InternStr(heap_, f.name).release());
        }
        Ref tuple = NewTuple(heap_, std::move(names));
        DictSetItem(heap_, ns, match_key.get(), tuple.get()).IgnoreError();
      }
    }
    SetUpSpecialMethods(heap_, cls);
    if (*slots) return AddSlots(cls, plan);
    return heap_.NewRef(cls);
  }

  // _add_slots: a new class from a copy of the class's dict, with
  // __slots__ the field names and without the defaults, __dict__ and
  // __weakref__ (3.10 keeps the old __weakref__ descriptor, which only
  // reading that name shows; heapsim refuses it).
  Ref AddSlots(ObjectId cls, const DataclassPlan& plan) {
    const ObjectId ns = heap_.cls(cls).namespace_dict;
    Ref slots_key = IdentifierStr(heap_, "__slots__");
    if (DictLookup(heap_, ns, slots_key.get()).value_or(kNoObject) != kNoObject) {
      return TypeError(absl::StrCat(heap_.cls(cls).name, " already specifies __slots__"));
    }
    for (const DataclassField& f : plan.fields) {
      if (!f.init && f.default_value != kNoObject) {
        interp_.Refuse("dataclass(slots=True) with a field(init=False) that has a default");
        return Ref();
      }
    }
    if (heap_.cls(cls).base != kNoObject) {
      interp_.Refuse("dataclass(slots=True) of a derived class (its bases' slots)");
      return Ref();
    }
    Ref copy = DictCopy(heap_, ns);
    std::vector<ObjectId> names;
    for (const DataclassField& f : plan.fields) names.push_back(InternStr(heap_, f.name).release());
    Ref names_tuple = NewTuple(heap_, std::move(names));
    DictSetItem(heap_, copy.get(), slots_key.get(), names_tuple.get()).IgnoreError();
    std::vector<std::string> removed = {"__dict__", "__weakref__"};
    for (const DataclassField& f : plan.fields) removed.push_back(f.name);
    for (const std::string& name : removed) {
      Ref key = InternStr(heap_, name);
      if (DictLookup(heap_, copy.get(), key.get()).value_or(kNoObject) != kNoObject) {
        DictDelItem(heap_, copy.get(), key.get()).IgnoreError();
      }
    }
    absl::StatusOr<SlotsSpec> spec = ClassSlots(heap_, copy.get(), kNoObject, heap_.cls(cls).name);
    if (!spec.ok()) return Fail(spec.status());
    const ObjectId object_type =
        interp_.session().builtin_objects[static_cast<size_t>(Builtin::kTypeObject)];
    Ref remade = NewClass(heap_, heap_.cls(cls).name, std::move(copy), kNoObject, object_type, *spec);
    heap_.cls(remade.get()).dataclass = true;
    SetUpSpecialMethods(heap_, remade.get());
    return remade;
  }
};

}  // namespace

ObjectId DataclassesObject(Interpreter& interp, std::string_view name) {
  auto& values = interp.session().module_values;
  auto it = values.find(Key(name));
  if (it == values.end()) {
    MakeModuleObjects(interp);
    it = values.find(Key(name));
  }
  return it == values.end() ? kNoObject : it->second;
}

ObjectId FieldSlot(Heap& heap, ObjectId field, std::string_view name) {
  Ref key = InternStr(heap, name);
  const ObjectId member = ClassLookup(heap, heap.instance(field).cls, key.get());
  if (member == kNoObject || heap.type_of(member) != TypeTag::kMemberDescriptor) return kNoObject;
  return MemberGet(heap, member, field).value_or(kNoObject);
}

std::optional<std::vector<ObjectId>> DataclassFields(Heap& heap, ObjectId cls) {
  if (cls == kNoObject || heap.type_of(cls) != TypeTag::kClass) return std::nullopt;
  Ref key = IdentifierStr(heap, "__dataclass_fields__");
  const ObjectId fields = ClassLookup(heap, cls, key.get());
  if (fields == kNoObject || heap.type_of(fields) != TypeTag::kDict) return std::nullopt;
  std::vector<ObjectId> out;
  for (const auto& [name, field] : DictItems(heap, fields)) out.push_back(field);
  return out;
}

void NoteDataclassesImport(Interpreter& interp) {
  std::string& first = interp.session().dataclasses_made;
  if (first.empty()) first = "import dataclasses";
  NoteUnmodelledGcObjects(interp.heap(), "import dataclasses", kDataclassesImportGcObjects);
  DataclassesObject(interp, "Field");
}

bool IsDataclassesBuiltin(Builtin builtin) {
  return builtin >= Builtin::kDataclassesDataclass && builtin <= Builtin::kDataclassesObjectSetAttr;
}

Ref CallDataclassesBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  DataclassesCall call(interp, builtin, self, args);
  return call.Run();
}

}  // namespace heapsim::script
