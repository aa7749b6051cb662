// collections.namedtuple: the class it makes and the methods of the class
// and its instances (namedtuple_object.h), with Lib/collections' checks and
// errors.
//
// CPython builds the class in Python code (exec of a generated __new__,
// _tuplegetter descriptors, type()), and __new__, _make, _replace,
// _asdict and __repr__ run as Python code too: the objects all of that
// allocates and frees are not modelled one by one. So from the first
// namedtuple() call on, id() and tracemalloc's figures are refused
// (RefuseAfterTracemallocObjects), and each such call opens or widens the
// GC timing window (NoteUnmodelledGcObjects). What the instances are is
// modelled exactly: their size, their references (to the items and the
// class), their GC tracking, their values, repr and errors.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/heap/budget.h"
#include "server/heap/dict_object.h"
#include "server/heap/gc_timing.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/namedtuple_object.h"
#include "server/heap/py_error.h"
#include "server/heap/repr_state.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/class_slots.h"
#include "server/script/parser.h"
#include "server/script/subset_check.h"

namespace heapsim::script {

namespace {

// At most how many GC objects CPython's Python code makes or frees for one
// namedtuple() call (the generated source compiled and run, the functions,
// descriptors and strs of the class, type() itself), beyond a share per
// field, and for one call of an instance method or of __new__ (argument
// tuples, before 3.11 a frame, the dict and zip of _asdict, the map of
// _replace). Measured: a 2-field class nets 67 to 72 new objects, a
// temporary instance 5 or 6 right after a full collection (the free lists
// empty).
constexpr uint64_t kClassGcObjects = 400;
constexpr uint64_t kClassGcObjectsPerField = 16;
constexpr uint64_t kMethodGcObjects = 8;
// A __repr__ call: before 3.11 its code object's frame, made by the first
// call (shared by every namedtuple class).
constexpr uint64_t kReprGcObjects = 1;

// Records that collections' Python code ran: its memory is not modelled
// from now on, and its GC objects widen the timing window.
void NoteNamedTupleCode(Interpreter& interp, std::string_view what, uint64_t gc_objects) {
  std::string& first = interp.session().namedtuple_made;
  if (first.empty()) first = std::string(what);
  NoteUnmodelledGcObjects(interp.heap(), what, gc_objects);
}

// The name the generated __new__'s errors give it.
std::string NewFunctionName(const Heap& heap, ObjectId cls) {
  const std::string_view name = heap.profile().namedtuple.new_function_name;
  if (!name.empty()) return std::string(name);
  return absl::StrCat(heap.cls(cls).name, ".__new__");
}

// ", " between names, "and" before the last: "'x'", "'x' and 'y'",
// "'x', 'y', and 'z'" (as the missing-argument error lists them).
std::string ListNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    absl::StrAppend(&out, "'", names[i], "'");
  }
  return out;
}

class NamedTupleCall : public BuiltinCall {
 public:
  NamedTupleCall(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args)
      : BuiltinCall(interp, builtin, self, args) {}

  Ref Run() {
    switch (builtin_) {
      case Builtin::kCollectionsNamedTuple:
        return MakeClass();
      case Builtin::kNamedTupleMake:
        return Make();
      case Builtin::kNamedTupleAsDict:
        return AsDict();
      case Builtin::kNamedTupleReplace:
        return Replace();
      default:
        return Fail(absl::InternalError("not a namedtuple builtin"));
    }
  }

  // cls(*args, **kwargs): the generated __new__'s argument binding, then
  // tuple.__new__(cls, args).
  Ref Instantiate() {
    const ObjectId cls = self_;
    NoteNamedTupleCode(interp_, "a namedtuple class's __new__", kMethodGcObjects);
    const std::vector<std::string> fields = NamedTupleFieldNames(heap_, cls);
    const std::string fname = NewFunctionName(heap_, cls);
    const ObjectId defaults_tuple = heap_.cls(cls).namedtuple_defaults;
    const std::vector<ObjectId> defaults =
        defaults_tuple == kNoObject ? std::vector<ObjectId>() : TupleItems(heap_, defaults_tuple);
    const size_t given = args_.positional.size();
    if (given > fields.size()) {
      const size_t most = fields.size() + 1;
      const size_t least = most - defaults.size();
      const std::string takes =
          least == most ? absl::StrCat(most) : absl::StrCat("from ", least, " to ", most);
      return TypeError(absl::StrCat(fname, "() takes ", takes, " positional argument",
                                    most == 1 ? "" : "s", " but ", given + 1, " were given"));
    }
    std::vector<ObjectId> values(fields.size(), kNoObject);
    for (size_t i = 0; i < given; ++i) values[i] = Arg(i);
    for (const auto& [name, value] : args_.keywords) {
      size_t slot = 0;
      while (slot < fields.size() && fields[slot] != name) ++slot;
      if (slot == fields.size()) {
        return TypeError(
            absl::StrCat(fname, "() got an unexpected keyword argument '", name, "'"));
      }
      if (values[slot] != kNoObject) {
        return TypeError(
            absl::StrCat(fname, "() got multiple values for argument '", name, "'"));
      }
      values[slot] = value.get();
    }
    std::vector<std::string> missing;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (values[i] != kNoObject) continue;
      const size_t from_end = fields.size() - i;
      if (from_end <= defaults.size()) {
        values[i] = defaults[defaults.size() - from_end];
      } else {
        missing.push_back(fields[i]);
      }
    }
    if (!missing.empty()) {
      return TypeError(absl::StrCat(fname, "() missing ", missing.size(),
                                    " required positional argument",
                                    missing.size() == 1 ? "" : "s", ": ", ListNames(missing)));
    }
    return NewNamedTupleInstance(heap_, cls, values);
  }

 private:
  // The text of a name argument as str() makes it (a str, or an int's
  // digits), or nullopt with the refusal made.
  std::optional<std::string> NameText(ObjectId name) {
    const TypeTag type = heap_.type_of(name);
    std::string text;
    if (type == TypeTag::kStr) {
      text = StrText(heap_, name);
    } else if (type == TypeTag::kInt || type == TypeTag::kBool) {
      text = Repr(heap_, name);
    } else {
      interp_.Refuse(absl::StrCat("a namedtuple type or field name of type '",
                                  TypeName(heap_, name), "'"));
      return std::nullopt;
    }
    for (char c : text) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        interp_.Refuse("a non-ASCII namedtuple type or field name (str.isidentifier's tables)");
        return std::nullopt;
      }
    }
    return text;
  }

  // The field names argument as namedtuple() reads it: a str split at
  // commas and whitespace, or the str() of each item of a list or tuple.
  std::optional<std::vector<std::string>> FieldNames(ObjectId names) {
    std::vector<std::string> fields;
    const TypeTag type = heap_.type_of(names);
    if (type == TypeTag::kStr) {
      const std::optional<std::string> text = NameText(names);
      if (!text) return std::nullopt;
      std::string spaced = *text;
      for (char& c : spaced) {
        if (c == ',') c = ' ';
      }
      for (absl::string_view part : absl::StrSplit(spaced, absl::ByAnyChar(" \t\n\r\v\f"),
                                                  absl::SkipEmpty())) {
        fields.emplace_back(std::string(part));
      }
      return fields;
    }
    if (type != TypeTag::kList && type != TypeTag::kTuple) {
      interp_.Refuse(absl::StrCat("namedtuple() field names given as a '", TypeName(heap_, names),
                                  "' object"));
      return std::nullopt;
    }
    const std::vector<ObjectId> items =
        type == TypeTag::kList ? heap_.list(names).items : TupleItems(heap_, names);
    for (ObjectId item : items) {
      const std::optional<std::string> text = NameText(item);
      if (!text) return std::nullopt;
      fields.push_back(*text);
    }
    return fields;
  }

  // namedtuple(typename, field_names, *, rename=False, defaults=None,
  // module=None).
  Ref MakeClass() {
    constexpr std::string_view kParameters[] = {"typename", "field_names"};
    if (args_.positional.size() > 2) {
      return TypeError(absl::StrCat("namedtuple() takes 2 positional arguments but ",
                                    args_.positional.size(), " were given"));
    }
    ObjectId given[2] = {kNoObject, kNoObject};
    for (size_t i = 0; i < args_.positional.size(); ++i) given[i] = Arg(i);
    for (const auto& [name, value] : args_.keywords) {
      if (name == kParameters[0] || name == kParameters[1]) {
        const size_t i = name == kParameters[0] ? 0 : 1;
        if (given[i] != kNoObject) {
          return TypeError(
              absl::StrCat("namedtuple() got multiple values for argument '", name, "'"));
        }
        given[i] = value.get();
      } else if (name != "rename" && name != "defaults" && name != "module") {
        return TypeError(
            absl::StrCat("namedtuple() got an unexpected keyword argument '", name, "'"));
      }
    }
    std::vector<std::string> missing;
    for (size_t i = 0; i < 2; ++i) {
      if (given[i] == kNoObject) missing.emplace_back(kParameters[i]);
    }
    if (!missing.empty()) {
      return TypeError(absl::StrCat("namedtuple() missing ", missing.size(),
                                    " required positional argument",
                                    missing.size() == 1 ? "" : "s", ": ", ListNames(missing)));
    }
    std::optional<std::vector<std::string>> fields = FieldNames(given[1]);
    if (!fields) return Ref();
    // The checks and the class below take time and host memory in
    // proportion to the fields.
    if (!SpendWork(fields->size() + 1)) return Fail(BudgetStatus());
    NoteNamedTupleCode(interp_, "collections.namedtuple()",
                       kClassGcObjects + kClassGcObjectsPerField * fields->size());
    const std::optional<std::string> type_name = NameText(given[0]);
    if (!type_name) return Ref();
    const ObjectId rename_arg = Keyword("rename");
    bool rename = false;
    if (rename_arg != kNoObject) {
      const TypeTag t = heap_.type_of(rename_arg);
      if (t != TypeTag::kBool && t != TypeTag::kInt && t != TypeTag::kNone) {
        interp_.Refuse("namedtuple()'s rename= other than a bool, an int or None");
        return Ref();
      }
      rename = Truth(heap_, rename_arg);
    }
    const ObjectId module_arg = Keyword("module");
    std::string module = "__main__";
    if (module_arg != kNoObject && heap_.type_of(module_arg) != TypeTag::kNone) {
      if (heap_.type_of(module_arg) != TypeTag::kStr) {
        interp_.Refuse("namedtuple()'s module= other than a str or None");
        return Ref();
      }
      module = StrText(heap_, module_arg);
    }
    std::vector<std::string>& names = *fields;
    if (rename) {
      absl::flat_hash_set<std::string> seen;
      for (size_t i = 0; i < names.size(); ++i) {
        const std::string name = names[i];
        if (!AsciiIdentifier(name) || IsPythonKeyword(name) || name.starts_with("_") ||
            seen.contains(name)) {
          names[i] = absl::StrCat("_", i);
        }
        seen.insert(name);
      }
    }
    std::vector<std::string> checked = {*type_name};
    checked.insert(checked.end(), names.begin(), names.end());
    for (const std::string& name : checked) {
      if (name == "__peg_parser__") {
        interp_.Refuse("the namedtuple name '__peg_parser__' (a keyword on 3.9 only)");
        return Ref();
      }
      if (!AsciiIdentifier(name)) {
        return Fail(PyError(PyExc::kValueError,
                            absl::StrCat("Type names and field names must be valid identifiers: ",
                                         Repr(heap_, NewStr(heap_, name).get()))));
      }
      if (IsPythonKeyword(name)) {
        return Fail(PyError(PyExc::kValueError,
                            absl::StrCat("Type names and field names cannot be a keyword: '",
                                         name, "'")));
      }
    }
    absl::flat_hash_set<std::string> seen;
    for (const std::string& name : names) {
      if (name.starts_with("_") && !rename) {
        return Fail(PyError(PyExc::kValueError,
                            absl::StrCat("Field names cannot start with an underscore: '", name,
                                         "'")));
      }
      if (!seen.insert(name).second) {
        return Fail(PyError(PyExc::kValueError,
                            absl::StrCat("Encountered duplicate field name: '", name, "'")));
      }
    }
    std::vector<ObjectId> defaults;
    const ObjectId defaults_arg = Keyword("defaults");
    if (defaults_arg != kNoObject && heap_.type_of(defaults_arg) != TypeTag::kNone) {
      const TypeTag t = heap_.type_of(defaults_arg);
      if (t != TypeTag::kList && t != TypeTag::kTuple) {
        interp_.Refuse(absl::StrCat("namedtuple()'s defaults= given as a '",
                                    TypeName(heap_, defaults_arg), "' object"));
        return Ref();
      }
      defaults = t == TypeTag::kList ? heap_.list(defaults_arg).items
                                     : TupleItems(heap_, defaults_arg);
      if (defaults.size() > names.size()) {
        return TypeError("Got more default values than field names");
      }
    }
    if (heap_.profile().repr_state.namedtuple_reprs_field_names && !names.empty()) {
      // repr(field_names), a tuple of them (None stands for it).
      ScopedReprEnter entered(heap_, heap_.none());
    }
    const auto type_object = [&](Builtin b) {
      return interp_.session().builtin_objects[static_cast<size_t>(b)];
    };
    return NewNamedTupleType(heap_, *type_name, module, names, defaults,
                             type_object(Builtin::kTypeTuple), type_object(Builtin::kTypeObject));
  }

  // The namedtuple class a method runs for: `self_` or its class.
  ObjectId ClassOfSelf() const {
    return heap_.type_of(self_) == TypeTag::kNamedTupleType ? self_ : NamedTupleClass(heap_, self_);
  }

  // _make(iterable): tuple.__new__(cls, iterable), then the length check.
  Ref Make() {
    if (!args_.keywords.empty() || args_.positional.size() != 1) {
      interp_.Refuse("_make() with other than one positional argument");
      return Ref();
    }
    NoteNamedTupleCode(interp_, "a namedtuple's _make()", kMethodGcObjects);
    return MakeFrom(ClassOfSelf(), Arg(0));
  }

  Ref MakeFrom(ObjectId cls, ObjectId iterable) {
    Ref items = SequenceTuple(interp_, iterable);
    if (!items) return Ref();
    Ref result = NewNamedTupleInstance(heap_, cls, TupleItems(heap_, items.get()));
    items.Reset();
    const size_t fields = TupleItems(heap_, NamedTupleFields(heap_, cls)).size();
    const size_t got = TupleItems(heap_, result.get()).size();
    if (got != fields) {
      result.Reset();
      return TypeError(absl::StrCat("Expected ", fields, " arguments, got ", got));
    }
    return result;
  }

  // _asdict(): dict(zip(self._fields, self)).
  Ref AsDict() {
    if (!args_.keywords.empty() || !args_.positional.empty()) {
      interp_.Refuse("_asdict() with arguments");
      return Ref();
    }
    NoteNamedTupleCode(interp_, "a namedtuple's _asdict()", kMethodGcObjects);
    const std::vector<ObjectId> names = TupleItems(heap_, NamedTupleFields(heap_, ClassOfSelf()));
    const std::vector<ObjectId> items = TupleItems(heap_, self_);
    Ref dict = NewDict(heap_);
    for (size_t i = 0; i < names.size() && i < items.size(); ++i) {
      if (!Check(DictSetItem(heap_, dict.get(), names[i], items[i]))) return Ref();
    }
    return dict;
  }

  // _replace(**kwds): self._make(map(kwds.pop, field_names, self)), then
  // an error naming the keywords left.
  Ref Replace() {
    if (!args_.positional.empty()) {
      interp_.Refuse("_replace() with positional arguments");
      return Ref();
    }
    NoteNamedTupleCode(interp_, "a namedtuple's _replace()", kMethodGcObjects);
    const ObjectId cls = ClassOfSelf();
    const std::vector<std::string> fields = NamedTupleFieldNames(heap_, cls);
    std::vector<ObjectId> values = TupleItems(heap_, self_);
    std::vector<bool> used(args_.keywords.size(), false);
    for (size_t f = 0; f < fields.size() && f < values.size(); ++f) {
      for (size_t k = 0; k < args_.keywords.size(); ++k) {
        if (args_.keywords[k].first == fields[f]) {
          values[f] = args_.keywords[k].second.get();
          used[k] = true;
        }
      }
    }
    Ref result = NewNamedTupleInstance(heap_, cls, values);
    std::string left;
    for (size_t k = 0; k < args_.keywords.size(); ++k) {
      if (used[k]) continue;
      absl::StrAppend(&left, left.empty() ? "" : ", ", "'", args_.keywords[k].first, "'");
    }
    if (left.empty()) return result;
    result.Reset();
    return Fail(PyError(heap_.profile().namedtuple.replace_raises_type_error ? PyExc::kTypeError
                                                                             : PyExc::kValueError,
                        absl::StrCat("Got unexpected field names: [", left, "]")));
  }
};

// The methods of a namedtuple class and its instances heapsim runs.
std::optional<Builtin> FindNamedTupleMethod(std::string_view name) {
  if (name == "_make") return Builtin::kNamedTupleMake;
  if (name == "_asdict") return Builtin::kNamedTupleAsDict;
  if (name == "_replace") return Builtin::kNamedTupleReplace;
  return std::nullopt;
}

}  // namespace

bool IsNamedTupleFunction(const Heap& heap, ObjectId object) {
  return heap.type_of(object) == TypeTag::kBuiltinFunction &&
         static_cast<Builtin>(heap.bound(object).builtin) == Builtin::kCollectionsNamedTuple;
}

void NoteNamedTupleRepr(Interpreter& interp) {
  NoteNamedTupleCode(interp, "a namedtuple's __repr__", kReprGcObjects);
}

bool IsNamedTupleBuiltin(Builtin builtin) {
  return builtin >= Builtin::kCollectionsNamedTuple && builtin <= Builtin::kNamedTupleReplace;
}

Ref CallNamedTupleBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  NamedTupleCall call(interp, builtin, self, args);
  return call.Run();
}

Ref InstantiateNamedTuple(Interpreter& interp, ObjectId cls, CallArgs& args) {
  NamedTupleCall call(interp, Builtin::kCollectionsNamedTuple, cls, args);
  return call.Instantiate();
}

std::optional<Builtin> NamedTupleMethod(const Heap& heap, ObjectId object, std::string_view name) {
  if (name == "_make") {
    return heap.type_of(object) == TypeTag::kNamedTupleType || IsNamedTuple(heap, object)
               ? FindNamedTupleMethod(name)
               : std::nullopt;
  }
  return IsNamedTuple(heap, object) ? FindNamedTupleMethod(name) : std::nullopt;
}

std::optional<Ref> NamedTupleAttribute(Interpreter& interp, ObjectId object,
                                       const std::string& name) {
  Heap& heap = interp.heap();
  const bool is_class = heap.type_of(object) == TypeTag::kNamedTupleType;
  const ObjectId cls = is_class ? object : NamedTupleClass(heap, object);
  if (!is_class) {
    const std::vector<std::string> fields = NamedTupleFieldNames(heap, cls);
    for (size_t i = 0; i < fields.size(); ++i) {
      if (fields[i] == name) return heap.NewRef(TupleItems(heap, object)[i]);
    }
    if (name == "__class__") return heap.NewRef(cls);
  } else {
    if (name == "__name__" || name == "__qualname__") return NewStr(heap, heap.cls(cls).name);
    if (name == "__mro__") return heap.NewRef(heap.cls(cls).mro);
    if (name == "__bases__") return heap.NewRef(heap.cls(cls).bases);
  }
  Ref key = InternStr(heap, name);
  if (const ObjectId value =
          DictLookup(heap, heap.cls(cls).namespace_dict, key.get()).value_or(kNoObject);
      value != kNoObject) {
    return heap.NewRef(value);
  }
  // The Python functions (__new__, _make, _asdict, ...) and _tuplegetter
  // descriptors namedtuple() made, tuple's attributes on the class, and the
  // dunders: not modelled as objects.
  const std::vector<std::string> fields = NamedTupleFieldNames(heap, cls);
  const bool field = std::find(fields.begin(), fields.end(), name) != fields.end();
  if (FindNamedTupleMethod(name) || IsDunder(name) || field ||
      (is_class && FindMethod(TypeTag::kTuple, name))) {
    interp.Refuse(absl::StrCat("attribute '", name, "' of ",
                               is_class ? "a namedtuple class" : "a namedtuple",
                               " (the Python functions and descriptors namedtuple() makes are "
                               "not modelled)"));
    return Ref();
  }
  if (is_class) {
    interp.Raise(interp.AttributeErrorFor(
        object, name,
        PyError(PyExc::kAttributeError, absl::StrCat("type object '", heap.cls(cls).name,
                                                     "' has no attribute '", name, "'"))));
    return Ref();
  }
  return std::nullopt;  // tuple's methods, or the AttributeError of any object
}

std::optional<absl::Status> NamedTupleAttributeWrite(Interpreter& interp, ObjectId object,
                                                     const std::string& name, bool del) {
  Heap& heap = interp.heap();
  if (heap.type_of(object) == TypeTag::kNamedTupleType) {
    interp.Refuse(absl::StrCat(del ? "deleting" : "setting", " an attribute of a namedtuple class"));
    return absl::CancelledError();
  }
  const ObjectId cls = NamedTupleClass(heap, object);
  const std::vector<std::string> fields = NamedTupleFieldNames(heap, cls);
  if (std::find(fields.begin(), fields.end(), name) != fields.end()) {
    return PyError(PyExc::kAttributeError, del ? "can't delete attribute" : "can't set attribute");
  }
  Ref key = InternStr(heap, name);
  if (DictLookup(heap, heap.cls(cls).namespace_dict, key.get()).value_or(kNoObject) != kNoObject ||
      FindNamedTupleMethod(name) ||
      FindMethod(TypeTag::kTuple, name) || name == "__doc__") {
    return PyError(PyExc::kAttributeError,
                   absl::StrCat("'", heap.cls(cls).name, "' object attribute '", name,
                                "' is read-only"));
  }
  if (IsDunder(name)) {
    interp.Refuse(absl::StrCat(del ? "deleting" : "setting", " attribute '", name,
                               "' of a namedtuple"));
    return absl::CancelledError();
  }
  return std::nullopt;  // the AttributeError of an object without a __dict__
}

}  // namespace heapsim::script
