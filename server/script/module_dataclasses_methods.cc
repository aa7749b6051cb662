// The methods dataclass() generates, compiled from source as CPython's
// _create_fn compiles them, and asdict(), astuple(), replace() and the
// helpers the generated code calls (see module_dataclasses.h).
//
// The source is each version's (Lib/dataclasses.py), with two helpers in
// place of Python code heapsim does not run: the recursion guard of
// __repr__ (CPython's wrapper keys a set by id() and thread) is a pair of
// builtins around the body, and a frozen class's __init__ stores through a
// builtin standing for object.__setattr__; `x.__class__` is read as
// type(x) (the builtin, whatever the script binds to the name). Each function's free variables
// (the defaults' factories, the sentinels, the class) get cells of their
// own, as each _create_fn call's closure has them (3.8 to 3.12).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/heap/dict_object.h"
#include "server/heap/function_object.h"
#include "server/heap/gc_timing.h"
#include "server/heap/instance_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/compiler.h"
#include "server/script/module_dataclasses.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// How deep generated __repr__ calls may nest: CPython runs two frames per
// level (the guard's wrapper and the method), heapsim one.
constexpr size_t kMaxReprNesting = 50;

// One generated function: its name, parameters (with `defaults` for the
// last positional ones and `kw_defaults` for keyword-only ones) and body.
struct Method {
  std::string name;
  std::vector<std::string> positional;
  std::vector<std::string> keyword_only;
  std::vector<ObjectId> defaults;                            // borrowed
  std::vector<std::pair<std::string, ObjectId>> kw_defaults;  // borrowed
  std::vector<std::string> body;
};

// "(self.x,self.y,)", or "()" without fields.
std::string TupleOf(std::string_view object, const std::vector<const DataclassField*>& fields) {
  if (fields.empty()) return "()";
  std::vector<std::string> parts;
  for (const DataclassField* f : fields) parts.push_back(absl::StrCat(std::string(object), ".", f->name));
  return absl::StrCat("(", absl::StrJoin(parts, ","), ",)");
}

template <typename Pred>
std::vector<const DataclassField*> Select(const DataclassPlan& plan, Pred pred) {
  std::vector<const DataclassField*> out;
  for (const DataclassField& f : plan.fields) {
    if (pred(f)) out.push_back(&f);
  }
  return out;
}

// The methods of `plan`, in the order dataclass() adds them.
std::vector<Method> PlanMethods(const Heap& heap, const DataclassPlan& plan,
                                ObjectId has_default_factory) {
  std::vector<Method> methods;
  if (plan.init) {
    Method init;
    init.name = "__init__";
    bool self_is_field = false;
    for (const DataclassField& f : plan.fields) self_is_field |= f.name == "self";
    const std::string self = self_is_field ? "__dataclass_self__" : "self";
    init.positional.push_back(self);
    for (const DataclassField& f : plan.fields) {
      if (!f.init) continue;
      const ObjectId dflt = f.default_factory != kNoObject ? has_default_factory : f.default_value;
      if (f.kw_only) {
        init.keyword_only.push_back(f.name);
        if (dflt != kNoObject) init.kw_defaults.emplace_back(f.name, dflt);
      } else {
        init.positional.push_back(f.name);
        if (dflt != kNoObject) init.defaults.push_back(dflt);
      }
    }
    for (const DataclassField& f : plan.fields) {
      std::string value;
      if (f.default_factory != kNoObject) {
        value = f.init ? absl::StrCat("_dflt_", f.name, "() if ", f.name,
                                      " is _HAS_DEFAULT_FACTORY else ", f.name)
                       : absl::StrCat("_dflt_", f.name, "()");
      } else if (f.init) {
        value = f.name;
      } else {
        continue;  // the class attribute holds the default
      }
      init.body.push_back(plan.frozen ? absl::StrCat("__dataclass_setattr__(", self, ",'",
                                                     f.name, "',", value, ")")
                                      : absl::StrCat(self, ".", f.name, "=", value));
    }
    if (plan.has_post_init) init.body.push_back(absl::StrCat(self, ".__post_init__()"));
    if (init.body.empty()) init.body.push_back("pass");
    methods.push_back(std::move(init));
  }
  if (plan.repr) {
    std::vector<std::string> parts;
    for (const DataclassField* f : Select(plan, [](const DataclassField& f) { return f.repr; })) {
      parts.push_back(absl::StrCat(f->name, "={self.", f->name, "!r}"));
    }
    methods.push_back(
        {"__repr__", {"self"}, {}, {}, {}, {"if __dataclass_repr_enter__(self):",
                                           " return '...'",
                                           "try:",
                                           absl::StrCat(" return self.__class__.__qualname__ + f\"(",
                                                        absl::StrJoin(parts, ", "), ")\""),
                                           "finally:",
                                           " __dataclass_repr_leave__(self)"}});
  }
  const auto compared = Select(plan, [](const DataclassField& f) { return f.compare; });
  if (plan.eq) {
    Method eq{"__eq__", {"self", "other"}, {}, {}, {}, {}};
    if (heap.profile().dataclass.eq_by_field) {
      std::vector<std::string> terms;
      for (const DataclassField* f : compared) {
        terms.push_back(absl::StrCat("self.", f->name, "==other.", f->name));
      }
      eq.body = {"if self is other:", " return True", "if __dataclass_type__(other) is __dataclass_type__(self):",
                 absl::StrCat(" return ", terms.empty() ? "True" : absl::StrJoin(terms, " and "))};
    } else {
      eq.body = {"if __dataclass_type__(other) is __dataclass_type__(self):",
                 absl::StrCat(" return ", TupleOf("self", compared), "==",
                              TupleOf("other", compared))};
    }
    eq.body.push_back("return NotImplemented");
    methods.push_back(std::move(eq));
  }
  if (plan.order) {
    for (const auto& [name, op] : {std::pair<std::string, std::string>{"__lt__", "<"},
                                   {"__le__", "<="}, {"__gt__", ">"}, {"__ge__", ">="}}) {
      methods.push_back({name, {"self", "other"}, {}, {}, {},
                         {"if __dataclass_type__(other) is __dataclass_type__(self):",
                          absl::StrCat(" return ", TupleOf("self", compared), op,
                                       TupleOf("other", compared)),
                          "return NotImplemented"}});
    }
  }
  if (plan.frozen) {
    std::vector<std::string> names;
    for (const DataclassField& f : plan.fields) names.push_back(absl::StrCat("'", f.name, "'"));
    const std::string condition =
        names.empty() ? "type(self) is cls"
                      : absl::StrCat("type(self) is cls or name in (", absl::StrJoin(names, ","),
                                     ",)");
    methods.push_back({"__setattr__", {"self", "name", "value"}, {}, {}, {},
                       {absl::StrCat("if ", condition, ":"),
                        " raise FrozenInstanceError(f\"cannot assign to field {name!r}\")",
                        "super(cls, self).__setattr__(name, value)"}});
    methods.push_back({"__delattr__", {"self", "name"}, {}, {}, {},
                       {absl::StrCat("if ", condition, ":"),
                        " raise FrozenInstanceError(f\"cannot delete field {name!r}\")",
                        "super(cls, self).__delattr__(name)"}});
  }
  if (plan.add_hash) {
    const auto hashed = Select(plan, [&](const DataclassField& f) {
      return f.hash == kNoObject || f.hash == heap.none() ? f.compare : Truth(heap, f.hash);
    });
    methods.push_back({"__hash__", {"self"}, {}, {}, {},
                       {absl::StrCat("return hash(", TupleOf("self", hashed), ")")}});
  }
  return methods;
}

// The outer function's parameters: every name a generated body may use
// from the closure.
std::vector<std::string> ClosureNames(const DataclassPlan& plan) {
  std::vector<std::string> names = {"__dataclass_setattr__", "__dataclass_repr_enter__",
                                    "__dataclass_repr_leave__", "_HAS_DEFAULT_FACTORY", "cls",
                                    "FrozenInstanceError", "__dataclass_type__"};
  for (const DataclassField& f : plan.fields) {
    if (f.default_factory != kNoObject) names.push_back(absl::StrCat("_dflt_", f.name));
  }
  return names;
}

// The object a closure name stands for (borrowed).
ObjectId ClosureValue(Interpreter& interp, const DataclassPlan& plan, const std::string& name,
                      const std::vector<ObjectId>& helpers) {
  if (name == "__dataclass_setattr__") return helpers[0];
  if (name == "__dataclass_repr_enter__") return helpers[1];
  if (name == "__dataclass_repr_leave__") return helpers[2];
  if (name == "_HAS_DEFAULT_FACTORY") return DataclassesObject(interp, "_HAS_DEFAULT_FACTORY");
  if (name == "cls") return plan.cls;
  if (name == "FrozenInstanceError") return DataclassesObject(interp, "FrozenInstanceError");
  // type(x), standing for x.__class__ (the same for every object heapsim
  // models; it reads __class__ of instances only).
  if (name == "__dataclass_type__") {
    return interp.session().builtin_objects[static_cast<size_t>(Builtin::kTypeType)];
  }
  for (const DataclassField& f : plan.fields) {
    if (name == absl::StrCat("_dflt_", f.name)) return f.default_factory;
  }
  return kNoObject;
}

std::string MethodSource(const Method& m) {
  std::vector<std::string> params = m.positional;
  if (!m.keyword_only.empty()) {
    params.push_back("*");
    params.insert(params.end(), m.keyword_only.begin(), m.keyword_only.end());
  }
  // Defaults come from the function object; the source names a
  // placeholder for each so that the parameters take them.
  const size_t first_default = m.positional.size() - m.defaults.size();
  for (size_t i = first_default; i < m.positional.size(); ++i) params[i] += "=None";
  for (const auto& [name, value] : m.kw_defaults) {
    for (std::string& p : params) {
      if (p == name) p += "=None";
    }
  }
  std::string text = absl::StrCat(" def ", m.name, "(", absl::StrJoin(params, ","), "):\n");
  for (const std::string& line : m.body) absl::StrAppend(&text, "  ", line, "\n");
  return text;
}

}  // namespace

bool AddDataclassMethods(Interpreter& interp, const DataclassPlan& plan) {
  Heap& heap = interp.heap();
  SessionState& session = interp.session();
  const std::vector<Method> methods =
      PlanMethods(heap, plan, DataclassesObject(interp, "_HAS_DEFAULT_FACTORY"));
  if (methods.empty()) return true;
  const std::vector<std::string> closure_names = ClosureNames(plan);
  std::string source =
      absl::StrCat("def __create_fn__(", absl::StrJoin(closure_names, ","), "):\n");
  for (const Method& m : methods) absl::StrAppend(&source, MethodSource(m));
  absl::StrAppend(&source, " return None\n");
  if (!SpendWork(source.size() / 16 + 1)) {
    interp.Raise(BudgetStatus());
    return false;
  }
  const auto index = static_cast<uint32_t>(session.programs.size());
  absl::StatusOr<std::shared_ptr<Program>> compiled =
      Compile(heap, source, "<string>", CompileMode::kModule, index);
  if (!compiled.ok()) {
    if (PyErrorType(compiled.status()).has_value()) {
      interp.Raise(compiled.status());
    } else {
      interp.Refuse(absl::StrCat("the methods dataclass() generates for class '",
                                 heap.cls(plan.cls).name, "' (",
                                 compiled.status().message(), ")"));
    }
    return false;
  }
  std::shared_ptr<Program> program = *std::move(compiled);
  // CPython's generated source is not heapsim's to the instruction: the
  // opcache's size (3.8 to 3.10) is not known for these codes.
  for (const CodeUnit& unit : program->units) {
    if (unit.code_object != kNoObject) heap.code(unit.code_object).size_known = false;
  }
  session.programs.push_back(program);
  session.dataclass_programs.insert(index);
  // exec() drops the module's and __create_fn__'s code once the functions
  // exist; they hold their own code objects.
  ReleaseParseTree(heap, *program);
  const std::vector<ObjectId> helpers = {DataclassesObject(interp, "<setattr>"),
                                         DataclassesObject(interp, "<repr enter>"),
                                         DataclassesObject(interp, "<repr leave>")};
  std::vector<Ref> functions;
  for (const Method& m : methods) {
    CodeUnit* unit = nullptr;
    for (CodeUnit& u : program->units) {
      if (u.kind == UnitKind::kFunction && u.name == m.name) unit = &u;
    }
    if (unit == nullptr) {
      interp.Raise(absl::InternalError("a generated dataclass method was not compiled"));
      return false;
    }
    Ref defaults;
    if (!m.defaults.empty()) defaults = NewTupleOf(heap, m.defaults);
    Ref kw_defaults;
    if (!m.kw_defaults.empty()) {
      kw_defaults = NewDict(heap);
      for (const auto& [name, value] : m.kw_defaults) {
        Ref key = InternStr(heap, name);
        DictSetItem(heap, kw_defaults.get(), key.get(), value).IgnoreError();
      }
    }
    Ref closure;
    if (!unit->free_slots.empty()) {
      std::vector<ObjectId> cells;
      for (uint32_t slot : unit->free_slots) {
        cells.push_back(
            NewCell(heap, ClosureValue(interp, plan, unit->slot_names[slot], helpers)).release());
      }
      closure = NewTuple(heap, std::move(cells));
    }
    // _set_qualname: the name the function's argument errors show.
    unit->qualname = absl::StrCat(heap.cls(plan.cls).name, ".", m.name);
    functions.push_back(NewFunction(heap, unit->code_object,
                                    heap.frames().module_frame().globals, std::move(defaults),
                                    std::move(kw_defaults), std::move(closure),
                                    absl::StrCat(heap.cls(plan.cls).name, ".", m.name)));
  }
  ReleaseProgram(heap, *program);
  // Bound in the class's dict: _set_new_attribute keeps what the class
  // defines itself, except for the order methods, __setattr__ and
  // __delattr__ (TypeError) and __hash__ (always set).
  const ObjectId ns = heap.cls(plan.cls).namespace_dict;
  for (size_t i = 0; i < methods.size(); ++i) {
    const std::string& name = methods[i].name;
    Ref key = InternStr(heap, name);
    const bool exists = DictLookup(heap, ns, key.get()).value_or(kNoObject) != kNoObject;
    if (exists && name != "__hash__") {
      if (name == "__init__" || name == "__repr__" || name == "__eq__") continue;
      const bool order = name[2] == 'l' || name[2] == 'g';
      interp.Raise(PyError(
          PyExc::kTypeError,
          absl::StrCat("Cannot overwrite attribute ", name, " in class ", heap.cls(plan.cls).name,
                       !order ? ""
                       : heap.profile().dataclass.overwrite_advice_after_space
                           ? " Consider using functools.total_ordering"
                           : ". Consider using functools.total_ordering")));
      return false;
    }
    DictSetItem(heap, ns, key.get(), functions[i].get()).IgnoreError();
  }
  return true;
}

bool IsDataclassFunction(Interpreter& interp, ObjectId function) {
  const Heap& heap = interp.heap();
  if (heap.type_of(function) != TypeTag::kFunction) return false;
  const ObjectId code = heap.function(function).code;
  return interp.session().dataclass_programs.contains(heap.code(code).program);
}

namespace {

class HelperCall : public BuiltinCall {
 public:
  HelperCall(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args)
      : BuiltinCall(interp, builtin, self, args) {}

  Ref Run() {
    switch (builtin_) {
      case Builtin::kDataclassesReprEnter: {
        auto& running = interp_.session().dataclass_reprs_running;
        if (running.contains(Arg(0))) return Bool(true);
        if (running.size() >= kMaxReprNesting) {
          interp_.Refuse("dataclass reprs nested more than 50 deep");
          return Ref();
        }
        // The guard's key tuple and its set entry.
        NoteUnmodelledGcObjects(heap_, "a dataclass's __repr__", 2);
        running.insert(Arg(0));
        return Bool(false);
      }
      case Builtin::kDataclassesReprLeave:
        interp_.session().dataclass_reprs_running.erase(Arg(0));
        return None();
      case Builtin::kDataclassesObjectSetAttr: {
        // object.__setattr__(self, name, value): the call's argument tuple.
        if (!args_.keywords.empty() || args_.positional.size() != 3 ||
            heap_.type_of(Arg(0)) != TypeTag::kInstance ||
            heap_.type_of(Arg(1)) != TypeTag::kStr) {
          interp_.Refuse("object.__setattr__() other than of an instance, a str and a value");
          return Ref();
        }
        NoteUnmodelledGcObjects(heap_, "object.__setattr__()", 1);
        Ref key = InternStr(heap_, StrText(heap_, Arg(1)));
        const ObjectId found = ClassLookup(heap_, heap_.instance(Arg(0)).cls, key.get());
        if (found != kNoObject && heap_.type_of(found) == TypeTag::kProperty) {
          interp_.Refuse("object.__setattr__() of a property");
          return Ref();
        }
        if (!Check(InstanceStoreAttr(heap_, Arg(0), key.get(), Arg(2)))) return Ref();
        if (heap_.observed()) heap_.Notify(MutateEvent{Arg(0), "setattr"});
        return None();
      }
      case Builtin::kDataclassesAsDict:
      case Builtin::kDataclassesAsTuple:
        return AsContainer(builtin_ == Builtin::kDataclassesAsDict);
      case Builtin::kDataclassesReplace:
        return Replace();
      default:
        return Fail(absl::InternalError("not a dataclasses builtin"));
    }
  }

 private:
  // asdict(obj) / astuple(obj): fields holding values copy.deepcopy
  // returns as they are (None, bools, ints, floats, strs, bytes) and
  // nested dataclass instances.
  Ref AsContainer(bool as_dict) {
    const std::string_view function = as_dict ? "asdict" : "astuple";
    if (!args_.keywords.empty() || args_.positional.size() != 1) {
      interp_.Refuse(absl::StrCat(std::string(function), "() with other than one positional argument"));
      return Ref();
    }
    const ObjectId obj = Arg(0);
    if (heap_.type_of(obj) != TypeTag::kInstance ||
        !DataclassFields(heap_, heap_.instance(obj).cls)) {
      return TypeError(absl::StrCat(std::string(function), "() should be called on dataclass instances"));
    }
    return Inner(obj, as_dict, 0);
  }

  Ref Inner(ObjectId obj, bool as_dict, int depth) {
    if (depth > 50) {
      interp_.Refuse("asdict()/astuple() of dataclasses nested more than 50 deep");
      return Ref();
    }
    NoteUnmodelledGcObjects(heap_, "dataclasses.asdict()", 16);
    std::vector<std::pair<ObjectId, Ref>> items;
    const std::vector<ObjectId> fields = *DataclassFields(heap_, heap_.instance(obj).cls);
    for (ObjectId field : fields) {
      const ObjectId name = FieldSlot(heap_, field, "name");
      Ref value = interp_.GetAttr(obj, StrText(heap_, name));
      if (!value) return Ref();
      const TypeTag type = heap_.type_of(value.get());
      if (type == TypeTag::kInstance && DataclassFields(heap_, heap_.instance(value.get()).cls)) {
        value = Inner(value.get(), as_dict, depth + 1);
        if (!value) return Ref();
      } else if (type != TypeTag::kNone && type != TypeTag::kBool && type != TypeTag::kInt &&
                 type != TypeTag::kFloat && type != TypeTag::kStr && type != TypeTag::kBytes) {
        interp_.Refuse(absl::StrCat(
            as_dict ? "asdict()" : "astuple()", " of a field holding a '",
            TypeName(heap_, value.get()),
            "' object (the containers it rebuilds and copy.deepcopy's copies are not modelled)"));
        return Ref();
      }
      items.emplace_back(name, std::move(value));
    }
    if (as_dict) {
      Ref dict = NewDict(heap_);
      for (const auto& [name, value] : items) {
        if (!Check(DictSetItem(heap_, dict.get(), name, value.get()))) return Ref();
      }
      return dict;
    }
    std::vector<ObjectId> values;
    for (const auto& [name, value] : items) values.push_back(value.get());
    return NewTupleOf(heap_, values);
  }

  // replace(obj, /, **changes): obj.__class__(**changes), the fields not
  // given taken from obj.
  Ref Replace() {
    if (args_.positional.size() != 1) {
      interp_.Refuse("replace() with other than one positional argument");
      return Ref();
    }
    const ObjectId obj = Arg(0);
    if (heap_.type_of(obj) != TypeTag::kInstance ||
        !DataclassFields(heap_, heap_.instance(obj).cls)) {
      return TypeError("replace() should be called on dataclass instances");
    }
    NoteUnmodelledGcObjects(heap_, "dataclasses.replace()", 16);
    CallArgs call;
    for (auto& [name, value] : args_.keywords) call.keywords.emplace_back(name, heap_.NewRef(value.get()));
    const std::vector<ObjectId> fields = *DataclassFields(heap_, heap_.instance(obj).cls);
    for (ObjectId field : fields) {
      const std::string name = StrText(heap_, FieldSlot(heap_, field, "name"));
      bool given = false;
      for (const auto& [key, value] : args_.keywords) given |= key == name;
      if (!Truth(heap_, FieldSlot(heap_, field, "init"))) {
        if (given) {
          return Fail(PyError(PyExc::kValueError,
                              absl::StrCat("field ", name,
                                           " is declared with init=False, it cannot be "
                                           "specified with replace()")));
        }
        continue;
      }
      if (given) continue;
      Ref value = interp_.GetAttr(obj, name);
      if (!value) return Ref();
      call.keywords.emplace_back(name, std::move(value));
    }
    return interp_.Call(heap_.instance(obj).cls, std::move(call));
  }
};

}  // namespace

Ref CallDataclassesHelper(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  HelperCall call(interp, builtin, self, args);
  return call.Run();
}

std::optional<bool> DataclassStoreAttr(Interpreter& interp, ObjectId instance,
                                       const std::string& name, ObjectId value) {
  Heap& heap = interp.heap();
  // Only a dataclass (or a class below one) has such methods: the name is
  // not looked up (nor made) for other classes.
  bool below_dataclass = false;
  for (ObjectId cls = heap.instance(instance).cls; cls != kNoObject && !below_dataclass;
       cls = heap.cls(cls).base) {
    below_dataclass = heap.cls(cls).dataclass;
  }
  if (!below_dataclass) return std::nullopt;
  Ref key = InternStr(heap, value == kNoObject ? "__delattr__" : "__setattr__");
  const ObjectId method = ClassLookup(heap, heap.instance(instance).cls, key.get());
  if (method == kNoObject || !IsDataclassFunction(interp, method)) return std::nullopt;
  Ref name_str = InternStr(heap, name);
  Ref result = value == kNoObject ? CallSpecial(interp, method, instance, {name_str.get()})
                                  : CallSpecial(interp, method, instance, {name_str.get(), value});
  return static_cast<bool>(result);
}

std::optional<Ref> DataclassObjectSetAttr(Interpreter& interp, ObjectId type,
                                          const std::string& name) {
  const ObjectId object_type =
      interp.session().builtin_objects[static_cast<size_t>(Builtin::kTypeObject)];
  if (type != object_type || name != "__setattr__" || interp.session().dataclasses_made.empty()) {
    return std::nullopt;
  }
  return interp.heap().NewRef(DataclassesObject(interp, "<setattr>"));
}

bool RefusedDataclassAttribute(Interpreter& interp, ObjectId cls, ObjectId found,
                               const std::string& name) {
  Heap& heap = interp.heap();
  if (found != kNoObject && IsDataclassFunction(interp, found)) {
    interp.Refuse(absl::StrCat("attribute '", name, "' of dataclass '", heap.cls(cls).name,
                               "' (the functions dataclass() generates are not modelled as "
                               "objects)"));
    return true;
  }
  if (name == "__doc__" && (heap.cls(cls).dataclass || heap.cls(cls).module == "dataclasses")) {
    // dataclass() writes the class's signature there; dataclasses.py's own
    // classes have their docstrings.
    interp.Refuse(absl::StrCat("the __doc__ of class '", heap.cls(cls).name, "'"));
    return true;
  }
  if (heap.cls(cls).module == "dataclasses" && (name == "metadata" || name == "_field_type")) {
    interp.Refuse(absl::StrCat("attribute '", name, "' of a dataclasses.Field"));
    return true;
  }
  return false;
}

}  // namespace heapsim::script
