#include "server/script/special_methods.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/budget.h"
#include "server/heap/bodies.h"
#include "server/heap/counter_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/instance_object.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/mappingproxy_object.h"
#include "server/heap/memoryview_object.h"
#include "server/heap/namedtuple_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/repr_state.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"
#include "server/heap/weakref_object.h"
#include "server/script/builtins.h"
#include "server/script/class_namespace.h"

namespace heapsim::script {

namespace {

struct SpecialName {
  std::string_view name;
  uint32_t bit;
};

constexpr SpecialName kSpecialNames[] = {
    {"__repr__", kSpecialRepr},     {"__str__", kSpecialStr},
    {"__eq__", kSpecialCompare},    {"__ne__", kSpecialCompare},
    {"__lt__", kSpecialCompare},    {"__le__", kSpecialCompare},
    {"__gt__", kSpecialCompare},    {"__ge__", kSpecialCompare},
    {"__hash__", kSpecialHash},     {"__len__", kSpecialLen},
    {"__bool__", kSpecialBool},     {"__contains__", kSpecialContains},
    {"__getitem__", kSpecialGetItem}, {"__setitem__", kSpecialSetItem},
    {"__delitem__", kSpecialDelItem}, {"__iter__", kSpecialIter},
    {"__next__", kSpecialNext},     {"__call__", kSpecialCall},
    // The with statement looks these up itself (interpreter_with.cc).
    {"__enter__", 0},               {"__exit__", 0},
    // copy.copy and copy.deepcopy look these up (module_copy.cc).
    {"__copy__", 0},                {"__deepcopy__", 0},
    {"__del__", kSpecialDel},
    {"__neg__", kSpecialNumber},    {"__pos__", kSpecialNumber},
    {"__abs__", kSpecialNumber},    {"__invert__", kSpecialNumber},
};

}  // namespace

ObjectId LookupSpecial(Heap& heap, ObjectId instance, std::string_view name) {
  if (heap.type_of(instance) != TypeTag::kInstance) return kNoObject;
  Ref key = InternStr(heap, name);
  return ClassLookup(heap, heap.instance(instance).cls, key.get());
}

// Calls `method` (a class attribute) with `self` and `more` as a slot does:
// the arguments are the C caller's, so the frame takes references of its
// own and nothing else holds them; no bound method is made.
Ref CallSpecial(Interpreter& interp, ObjectId method, ObjectId self,
             std::initializer_list<ObjectId> more) {
  Heap& heap = interp.heap();
  if (heap.type_of(method) != TypeTag::kFunction) {
    interp.Refuse(absl::StrCat("a special method bound to a '", TypeName(heap, method),
                               "' object rather than a function"));
    return Ref();
  }
  Ref keep = heap.NewRef(method);
  CallArgs args;
  args.from_sequence = true;  // the frame takes these references
  args.positional.push_back(heap.NewRef(self));
  for (ObjectId arg : more) args.positional.push_back(heap.NewRef(arg));
  Ref result = interp.Call(method, std::move(args));
  if (!result && PyErrorType(interp.error()) == PyExc::kRecursionError) {
    // Which of CPython's C-level recursion checks trips first (and so the
    // message) depends on counts heapsim does not keep.
    interp.TakeError().IgnoreError();
    interp.Refuse("a RecursionError raised through a special method");
  }
  return result;
}

Ref CallSpecialNamed(Interpreter& interp, ObjectId self, std::string_view name,
              std::initializer_list<ObjectId> more) {
  return CallSpecial(interp, LookupSpecial(interp.heap(), self, name), self, more);
}

namespace {

std::string_view CompareName(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "__eq__";
    case CompareOp::kNotEq:
      return "__ne__";
    case CompareOp::kLt:
      return "__lt__";
    case CompareOp::kLtE:
      return "__le__";
    case CompareOp::kGt:
      return "__gt__";
    default:
      return "__ge__";
  }
}

}  // namespace

CompareOp Reflected(CompareOp op) {
  switch (op) {
    case CompareOp::kLt:
      return CompareOp::kGt;
    case CompareOp::kLtE:
      return CompareOp::kGtE;
    case CompareOp::kGt:
      return CompareOp::kLt;
    case CompareOp::kGtE:
      return CompareOp::kLtE;
    default:
      return op;
  }
}

bool IsSubclassOf(const Heap& heap, ObjectId cls, ObjectId of) {
  for (ObjectId c = cls; c != kNoObject; c = heap.cls(c).base) {
    if (c == of) return true;
  }
  return false;
}

namespace {

// One side's tp_richcompare: the class's method for `op` (slot_tp_richcompare),
// else object's (identity for ==; != inverting __eq__; NotImplemented
// otherwise). Objects of builtin types answer NotImplemented to instances.
Ref TryCompare(Interpreter& interp, CompareOp op, ObjectId self, ObjectId other) {
  Heap& heap = interp.heap();
  if (heap.type_of(self) != TypeTag::kInstance) return heap.NewRef(heap.not_implemented());
  const ObjectId method = LookupSpecial(heap, self, CompareName(op));
  if (method != kNoObject) return CallSpecial(interp, method, self, {other});
  if (op == CompareOp::kEq) {
    return heap.NewRef(self == other ? heap.true_object() : heap.not_implemented());
  }
  if (op == CompareOp::kNotEq) {
    Ref equal = TryCompare(interp, CompareOp::kEq, self, other);
    if (!equal || equal.get() == heap.not_implemented()) return equal;
    const int truth = TruthOf(interp, equal.get());
    if (truth < 0) return Ref();
    return heap.NewRef(heap.bool_object(truth == 0));
  }
  return heap.NewRef(heap.not_implemented());
}

}  // namespace

bool HonouredSpecialMethod(std::string_view name) {
  if (name == "__init__") return true;
  for (const SpecialName& special : kSpecialNames) {
    if (special.name == name) return true;
  }
  return IsNumberMethodName(name);
}

void SetUpSpecialMethods(Heap& heap, ObjectId cls) {
  ClassBody& body = heap.cls(cls);
  uint32_t special = body.base != kNoObject ? heap.cls(body.base).special : 0;
  const ObjectId dict = body.namespace_dict;
  bool defines_eq = false;
  bool defines_hash = false;
  for (const SpecialName& entry : kSpecialNames) {
    Ref key = InternStr(heap, entry.name);
    absl::StatusOr<ObjectId> value = DictLookup(heap, dict, key.get());
    if (!value.ok() || *value == kNoObject) continue;
    if (entry.bit == kSpecialHash) {
      defines_hash = true;
      special &= ~(kSpecialHash | kSpecialHashNone);
      special |= heap.type_of(*value) == TypeTag::kNone ? kSpecialHashNone : kSpecialHash;
      continue;
    }
    if (entry.name == "__eq__") defines_eq = true;
    special |= entry.bit;
  }
  for (const auto& [key, value] : DictItems(heap, dict)) {
    if (heap.type_of(key) == TypeTag::kStr && IsNumberMethodName(StrText(heap, key))) {
      special |= kSpecialNumber;
    }
  }
  if (defines_eq && !defines_hash) {
    Ref key = IdentifierStr(heap, "__hash__");
    DictSetItem(heap, dict, key.get(), heap.none()).IgnoreError();
    special &= ~kSpecialHash;
    special |= kSpecialHashNone;
  }
  heap.cls(cls).special = special;
  if ((special & kSpecialDel) != 0) heap.NoteFinalizerClass();
}

uint32_t SpecialMethods(const Heap& heap, ObjectId object) {
  if (heap.type_of(object) != TypeTag::kInstance) return 0;
  return heap.cls(heap.instance(object).cls).special;
}

namespace {

// How deep in lists, tuples and dicts the interpreter looks for instances
// whose repr runs Python code; deeper ones are left to the engine, which
// refuses them.
constexpr int kSpecialReprNesting = 50;

// `seen` holds the containers already looked through.
bool ItemsHaveSpecialRepr(const Heap& heap, ObjectId object, int depth,
                          absl::flat_hash_set<ObjectId>& seen) {
  if (depth > kSpecialReprNesting) return false;
  const TypeTag type = heap.type_of(object);
  if (type != TypeTag::kList && type != TypeTag::kTuple && type != TypeTag::kDict) return false;
  if (!seen.insert(object).second) return false;
  auto any = [&](const std::vector<ObjectId>& items) {
    for (ObjectId item : items) {
      // An OrderedDict's repr makes objects: AppendRepr makes them too.
      if ((SpecialMethods(heap, item) & kSpecialRepr) != 0 || IsOrderedDict(heap, item) ||
          IsNamedTuple(heap, item) || IsCounter(heap, item) ||
          ItemsHaveSpecialRepr(heap, item, depth + 1, seen)) {
        return true;
      }
    }
    return false;
  };
  switch (heap.type_of(object)) {
    case TypeTag::kList:
      return any(heap.list(object).items);
    case TypeTag::kTuple:
      return any(heap.tuple(object).items);
    case TypeTag::kDict:
      for (const auto& [key, value] : DictItems(heap, object)) {
        if (any({key, value})) return true;
      }
      return IsDefaultDict(heap, object) && DefaultFactory(heap, object) != kNoObject &&
             any({DefaultFactory(heap, object)});
    default:
      return false;
  }
}

bool AppendRepr(Interpreter& interp, ObjectId object, int depth,
                std::vector<ObjectId>& active, std::string* out);

// Appends repr(dd) for a defaultdict `dd` as defdict_repr makes it: the
// dict's repr ("{...}" inside itself), then the factory's. False with the
// exception pending.
bool AppendDefaultDictRepr(Interpreter& interp, ObjectId dd, int depth,
                           std::vector<ObjectId>& active, std::string* out) {
  Heap& heap = interp.heap();
  std::string dict_text = "{...}";
  bool ok = true;
  if (std::find(active.begin(), active.end(), dd) == active.end()) {
    active.push_back(dd);
    ScopedReprEnter entered(heap, dd);
    dict_text = "{";
    for (size_t i = 0; ok && i < heap.dict(dd).entries.size(); ++i) {
      const DictEntry entry = heap.dict(dd).entries[i];
      if (entry.key == kNoObject) continue;
      if (dict_text.size() > 1) dict_text += ", ";
      Ref key = heap.NewRef(entry.key);
      Ref value = heap.NewRef(entry.value);
      ok = AppendRepr(interp, key.get(), depth + 1, active, &dict_text);
      dict_text += ": ";
      ok = ok && AppendRepr(interp, value.get(), depth + 1, active, &dict_text);
    }
    dict_text += "}";
    active.pop_back();
  }
  std::string factory_text = "None";
  const ObjectId factory = DefaultFactory(heap, dd);
  if (ok && factory != kNoObject) {
    Ref held = heap.NewRef(factory);
    ScopedReprEnter entered(heap, factory);
    factory_text.clear();
    ok = AppendRepr(interp, factory, depth + 1, active, &factory_text);
  }
  absl::StrAppend(out, "defaultdict(", factory_text, ", ", dict_text, ")");
  return ok;
}

// Appends repr(od) for an OrderedDict `od` as odict_repr makes it, with
// the objects it holds meanwhile (MakeOrderedDictReprTemporaries) added to
// `made`: "OrderedDict()", "..." inside itself, else its pairs as a list of
// tuples or (3.12+) a dict. False with the exception pending.
bool AppendOrderedDictRepr(Interpreter& interp, ObjectId od, int depth,
                           std::vector<ObjectId>& active, std::string* out,
                           std::vector<Ref>* made) {
  Heap& heap = interp.heap();
  if (heap.dict(od).used == 0) {
    *out += "OrderedDict()";
    return true;
  }
  if (std::find(active.begin(), active.end(), od) != active.end()) {
    *out += "...";
    return true;
  }
  active.push_back(od);
  ScopedReprEnter entered(heap, od);
  MakeOrderedDictReprTemporaries(interp, od, made);
  // The list of pairs or the dict copy is shown next, entered in turn.
  const ObjectId shown = made->back().get();
  ScopedReprEnter entered_shown(heap, shown);
  const bool as_dict = heap.profile().ordereddict_repr_shows_dict;
  *out += as_dict ? "OrderedDict({" : "OrderedDict([";
  bool ok = true;
  const std::vector<ObjectId> keys = OrderedDictKeys(heap, od);
  for (size_t i = 0; ok && i < keys.size(); ++i) {
    if (i > 0) *out += ", ";
    absl::StatusOr<ObjectId> value = DictLookup(heap, od, keys[i]);
    Ref key = heap.NewRef(keys[i]);
    Ref held = heap.NewRef(value.ok() && *value != kNoObject ? *value : heap.none());
    std::optional<ScopedReprEnter> entered_pair;
    if (!as_dict) entered_pair.emplace(heap, ListItems(heap, shown)[i]);
    if (!as_dict) *out += "(";
    ok = AppendRepr(interp, key.get(), depth + 1, active, out);
    *out += as_dict ? ": " : ", ";
    ok = ok && AppendRepr(interp, held.get(), depth + 1, active, out);
    if (!as_dict) *out += ")";
  }
  *out += as_dict ? "})" : "])";
  active.pop_back();
  return ok;
}

// Appends repr(object) to `out`; `active` holds the containers being shown
// (a list inside itself shows as [...]). False with the exception pending.
bool AppendRepr(Interpreter& interp, ObjectId object, int depth,
                std::vector<ObjectId>& active, std::string* out) {
  Heap& heap = interp.heap();
  if (!SpendWork(1)) {
    interp.Raise(BudgetStatus());
    return false;
  }
  // The text becomes a str: past the session's memory it is a MemoryError.
  if (absl::Status room = CheckGrowth(heap, out->size(), out->size()); !room.ok()) {
    interp.Raise(std::move(room));
    return false;
  }
  if (IsOrderedDict(heap, object)) {
    // Each level makes its own objects, which the engine's walk cannot.
    if (depth > kSpecialReprNesting) {
      interp.Refuse(absl::StrCat("the repr of OrderedDicts nested more than ",
                                 kSpecialReprNesting, " deep"));
      return false;
    }
    std::vector<Ref> made;  // dropped once its text is made
    return AppendOrderedDictRepr(interp, object, depth, active, out, &made);
  }
  if (IsCounter(heap, object)) {
    // Counter.__repr__: Python code, without a Py_ReprEnter of its own.
    if (depth > kSpecialReprNesting) {
      interp.Refuse(absl::StrCat("the repr of a Counter more than ", kSpecialReprNesting,
                                 " levels inside other objects"));
      return false;
    }
    return AppendCounterRepr(
        interp, object,
        [&](ObjectId item, std::string* text) {
          return AppendRepr(interp, item, depth + 1, active, text);
        },
        out);
  }
  if (IsNamedTuple(heap, object)) {
    // The class's __repr__: Python code, without a Py_ReprEnter of its own,
    // whose recursion limit heapsim does not count.
    if (depth > kSpecialReprNesting) {
      interp.Refuse(absl::StrCat("the repr of namedtuples nested more than ", kSpecialReprNesting,
                                 " deep"));
      return false;
    }
    NoteNamedTupleRepr(interp);
    bool ok = true;
    std::string text = NamedTupleRepr(heap, object, [&](ObjectId item) {
      std::string item_text;
      ok = ok && AppendRepr(interp, item, depth + 1, active, &item_text);
      return item_text;
    });
    if (ok) *out += text;
    return ok;
  }
  const TypeTag type = heap.type_of(object);
  const bool container =
      type == TypeTag::kList || type == TypeTag::kTuple || type == TypeTag::kDict;
  if (!container || depth > kSpecialReprNesting) {
    std::string text;
    if (!ReprText(interp, object, false, 0, &text)) return false;
    *out += text;
    return true;
  }
  if (IsDefaultDict(heap, object)) return AppendDefaultDictRepr(interp, object, depth, active, out);
  if (std::find(active.begin(), active.end(), object) != active.end()) {
    *out += type == TypeTag::kList ? "[...]" : type == TypeTag::kTuple ? "(...)" : "{...}";
    return true;
  }
  active.push_back(object);
  // dict_repr enters a dict even when empty; list and tuple reprs only a
  // non-empty one.
  std::optional<ScopedReprEnter> entered;
  if (type == TypeTag::kDict || (type == TypeTag::kList ? !heap.list(object).items.empty()
                                                         : !heap.tuple(object).items.empty())) {
    entered.emplace(heap, object);
  }
  bool ok = true;
  if (type == TypeTag::kDict) {
    *out += "{";
    bool first = true;
    // The entries are read afresh at each step: a method may change the dict.
    for (size_t i = 0; ok && i < heap.dict(object).entries.size(); ++i) {
      const DictEntry entry = heap.dict(object).entries[i];
      if (entry.key == kNoObject) continue;
      if (!first) *out += ", ";
      first = false;
      Ref key = heap.NewRef(entry.key);
      Ref value = heap.NewRef(entry.value);
      ok = AppendRepr(interp, key.get(), depth + 1, active, out);
      *out += ": ";
      ok = ok && AppendRepr(interp, value.get(), depth + 1, active, out);
    }
    *out += "}";
  } else {
    const bool list = type == TypeTag::kList;
    auto size = [&]() {
      return list ? heap.list(object).items.size() : heap.tuple(object).items.size();
    };
    *out += list ? "[" : "(";
    for (size_t i = 0; ok && i < size(); ++i) {
      if (i > 0) *out += ", ";
      const ObjectId item = list ? heap.list(object).items[i] : heap.tuple(object).items[i];
      ok = AppendRepr(interp, item, depth + 1, active, out);
    }
    *out += list ? "]" : (size() == 1 ? ",)" : ")");
  }
  active.pop_back();
  return ok;
}

}  // namespace

bool HasSpecialRepr(const Heap& heap, ObjectId object, bool str) {
  if (str && IsWeakProxy(heap, object)) return true;  // str() of its referent
  if (heap.type_of(object) == TypeTag::kDeque) return true;  // its repr makes a list
  if (IsDefaultDict(heap, object)) return true;  // its repr makes two strs first
  if (IsOrderedDict(heap, object)) return true;  // its repr makes a list or a dict
  if (IsNamedTuple(heap, object)) return true;    // its __repr__ is Python code
  if (IsCounter(heap, object)) return true;       // its __repr__ is Python code
  uint32_t special = SpecialMethods(heap, object);
  // An exception's str() is BaseException's own unless __str__ is defined.
  if (str && ExceptionArgs(heap, object) != kNoObject) special &= ~kSpecialRepr;
  if ((special & (str ? kSpecialRepr | kSpecialStr : kSpecialRepr)) != 0) return true;
  absl::flat_hash_set<ObjectId> seen;
  return ItemsHaveSpecialRepr(heap, object, 0, seen);
}

bool HasSpecialCompare(const Heap& heap, ObjectId object) {
  return (SpecialMethods(heap, object) & kSpecialCompare) != 0;
}

Ref SpecialRepr(Interpreter& interp, ObjectId object, bool str) {
  Heap& heap = interp.heap();
  if (str && IsWeakProxy(heap, object)) return WeakProxyStr(interp, object);
  if (heap.type_of(object) == TypeTag::kDeque) return DequeRepr(interp, object);
  if (IsDefaultDict(heap, object)) {
    absl::flat_hash_set<ObjectId> seen;
    if (!ItemsHaveSpecialRepr(heap, object, 0, seen)) return DefaultDictRepr(interp, object);
  }
  if (IsOrderedDict(heap, object)) {
    // odict_repr makes its str before it drops the objects it made.
    std::vector<ObjectId> active;
    std::vector<Ref> made;
    std::string text;
    if (!AppendOrderedDictRepr(interp, object, 0, active, &text, &made)) return Ref();
    Ref result = NewStr(heap, text);
    for (Ref& temporary : made) temporary.Reset();
    return result;
  }
  if (heap.type_of(object) != TypeTag::kInstance) {
    std::vector<ObjectId> active;
    std::string text;
    if (!AppendRepr(interp, object, 0, active, &text)) return Ref();
    return NewStr(heap, text);
  }
  const bool use_str = str && (SpecialMethods(heap, object) & kSpecialStr) != 0;
  Ref result = CallSpecialNamed(interp, object, use_str ? "__str__" : "__repr__");
  if (!result) return Ref();
  if (heap.type_of(result.get()) != TypeTag::kStr) {
    // str() checks what object.__str__ gave, whichever method made it.
    interp.Raise(PyError(PyExc::kTypeError,
                         absl::StrCat(str ? "__str__" : "__repr__", " returned non-string (type ",
                                      TypeName(heap, result.get()), ")")));
    return Ref();
  }
  return result;
}

bool ReprText(Interpreter& interp, ObjectId object, bool str, int held, std::string* text) {
  Heap& heap = interp.heap();
  if (HasSpecialRepr(heap, object, str)) {
    Ref result = SpecialRepr(interp, object, str);
    if (!result) return false;
    *text = StrText(heap, result.get());
    return true;
  }
  absl::StatusOr<std::string> shown =
      str ? StrChecked(heap, object, held) : ReprChecked(heap, object, held);
  if (!shown.ok()) {
    interp.Raise(shown.status());
    return false;
  }
  *text = *std::move(shown);
  return true;
}

Ref SpecialFormat(Interpreter& interp, ObjectId object, std::string_view spec) {
  Heap& heap = interp.heap();
  // The bound __format__ method: its block, and its reference to `object`.
  heap.BindTransientMethod();
  Ref held_by_method = heap.NewRef(object);
  if (!spec.empty()) {
    interp.Raise(PyError(PyExc::kTypeError,
                         absl::StrCat("unsupported format string passed to ",
                                      TypeName(heap, object), ".__format__")));
    return Ref();
  }
  return SpecialRepr(interp, object, true);
}

Ref SpecialConversion(Interpreter& interp, ObjectId object, char conversion) {
  Ref text = SpecialRepr(interp, object, conversion == 's');
  if (!text || conversion != 'a') return text;
  for (char c : StrText(interp.heap(), text.get())) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      interp.Refuse("ascii() of a __repr__ result with non-ASCII characters");
      return Ref();
    }
  }
  return text;
}

Ref RichCompare(Interpreter& interp, CompareOp op, ObjectId a, ObjectId b) {
  Heap& heap = interp.heap();
  if (IsWeakProxy(heap, a) || IsWeakProxy(heap, b)) return WeakProxyRichCompare(interp, op, a, b);
  if (IsMappingProxy(heap, a) || IsMappingProxy(heap, b)) {
    return MappingProxyRichCompare(interp, op, a, b);
  }
  const bool ordering_or_equality = op == CompareOp::kEq || op == CompareOp::kNotEq ||
                                    op == CompareOp::kLt || op == CompareOp::kLtE ||
                                    op == CompareOp::kGt || op == CompareOp::kGtE;
  if (heap.profile().counter_rich_compare && ordering_or_equality && IsCounter(heap, a) &&
      IsCounter(heap, b)) {
    return CounterRichCompare(interp, op, a, b);
  }
  for (ObjectId side : {a, b}) {
    if (heap.type_of(side) == TypeTag::kWeakContainer &&
        WeakContainerKindOf(heap, side) < WeakContainerKind::kFinalize) {
      // Mapping.__eq__ compares dict(self.items()); WeakSet's operators
      // compare its set of references.
      interp.Refuse(absl::StrCat("comparing a ", TypeName(heap, side),
                                 " (weakref.py's comparison methods are not modelled)"));
      return Ref();
    }
  }
  if (!HasSpecialCompare(heap, a) && !HasSpecialCompare(heap, b)) {
    const bool deques = heap.type_of(a) == TypeTag::kDeque && heap.type_of(b) == TypeTag::kDeque;
    absl::StatusOr<bool> result = deques && (op == CompareOp::kEq || op == CompareOp::kNotEq)
                                      ? DequesEqual(interp, a, b)
                                      : Compare(heap, op, a, b);
    if (result.ok() && deques && op == CompareOp::kNotEq) result = !*result;
    if (!result.ok()) {
      interp.Raise(result.status());
      return Ref();
    }
    return heap.NewRef(heap.bool_object(*result));
  }
  const CompareOp reflected = Reflected(op);
  bool reflected_tried = false;
  if (heap.type_of(a) == TypeTag::kInstance && heap.type_of(b) == TypeTag::kInstance) {
    const ObjectId class_a = heap.instance(a).cls;
    const ObjectId class_b = heap.instance(b).cls;
    if (class_a != class_b && IsSubclassOf(heap, class_b, class_a)) {
      reflected_tried = true;
      Ref result = TryCompare(interp, reflected, b, a);
      if (!result || result.get() != heap.not_implemented()) return result;
    }
  }
  {
    Ref result = TryCompare(interp, op, a, b);
    if (!result || result.get() != heap.not_implemented()) return result;
  }
  if (!reflected_tried) {
    Ref result = TryCompare(interp, reflected, b, a);
    if (!result || result.get() != heap.not_implemented()) return result;
  }
  if (op == CompareOp::kEq || op == CompareOp::kNotEq) {
    return heap.NewRef(heap.bool_object((a == b) == (op == CompareOp::kEq)));
  }
  interp.Raise(PyError(PyExc::kTypeError,
                       absl::StrCat("'", std::string(CompareSymbol(op)), "' not supported between instances of '",
                                    TypeName(heap, a), "' and '", TypeName(heap, b), "'")));
  return Ref();
}

int RichCompareBool(Interpreter& interp, CompareOp op, ObjectId a, ObjectId b) {
  if (a == b) {
    if (op == CompareOp::kEq) return 1;
    if (op == CompareOp::kNotEq) return 0;
  }
  Ref result = RichCompare(interp, op, a, b);
  if (!result) return -1;
  return TruthOf(interp, result.get());
}

int TruthOf(Interpreter& interp, ObjectId object) {
  Heap& heap = interp.heap();
  if (IsWeakProxy(heap, object)) {
    const ObjectId referent = WeakProxyReferent(interp, object);
    return referent == kNoObject ? -1 : TruthOf(interp, referent);
  }
  const uint32_t special = SpecialMethods(heap, object);
  if ((special & kSpecialBool) != 0) {
    Ref result = CallSpecialNamed(interp, object, "__bool__");
    if (!result) return -1;
    if (heap.type_of(result.get()) != TypeTag::kBool) {
      interp.Raise(PyError(PyExc::kTypeError,
                           absl::StrCat("__bool__ should return bool, returned ",
                                        TypeName(heap, result.get()))));
      return -1;
    }
    return result.get() == heap.true_object() ? 1 : 0;
  }
  if ((special & kSpecialLen) != 0 || heap.type_of(object) == TypeTag::kMemoryView ||
      (heap.type_of(object) == TypeTag::kWeakContainer &&
       WeakContainerKindOf(heap, object) < WeakContainerKind::kFinalize)) {
    const int64_t length = LengthOf(interp, object);
    return length < 0 ? -1 : (length != 0 ? 1 : 0);
  }
  return Truth(heap, object) ? 1 : 0;
}

int64_t LengthOf(Interpreter& interp, ObjectId object) {
  Heap& heap = interp.heap();
  if (IsWeakProxy(heap, object)) {
    const ObjectId referent = WeakProxyReferent(interp, object);
    return referent == kNoObject ? -1 : LengthOf(interp, referent);
  }
  if ((SpecialMethods(heap, object) & kSpecialLen) == 0) {
    if (IsSaturatedRange(heap, object)) {
      interp.Raise(SaturatedRangeRefusal("len()"));
      return -1;
    }
    if (heap.type_of(object) == TypeTag::kWeakContainer) return WeakContainerLen(interp, object);
    if (heap.type_of(object) == TypeTag::kMemoryView && MemoryViewReleased(heap, object)) {
      interp.Raise(ReleasedViewError());
      return -1;
    }
    const int64_t length = Length(heap, object);
    if (length < 0) {
      interp.Raise(PyError(PyExc::kTypeError, absl::StrCat("object of type '",
                                                           TypeName(heap, object),
                                                           "' has no len()")));
    }
    return length;
  }
  Ref result = CallSpecialNamed(interp, object, "__len__");
  if (!result) return -1;
  const TypeTag type = heap.type_of(result.get());
  if (type != TypeTag::kInt && type != TypeTag::kBool) {
    interp.Raise(PyError(PyExc::kTypeError,
                         absl::StrCat("'", TypeName(heap, result.get()),
                                      "' object cannot be interpreted as an integer")));
    return -1;
  }
  const std::optional<int64_t> length = IntAsInt64(heap, result.get());
  if (!length.has_value()) {
    interp.Raise(PyError(PyExc::kOverflowError, "cannot fit 'int' into an index-sized integer"));
    return -1;
  }
  if (*length < 0) {
    interp.Raise(PyError(PyExc::kValueError, "__len__() should return >= 0"));
    return -1;
  }
  return *length;
}

std::optional<int64_t> HashOf(Interpreter& interp, ObjectId object) {
  Heap& heap = interp.heap();
  if ((SpecialMethods(heap, object) & kSpecialHash) == 0) {
    absl::StatusOr<int64_t> hash = Hash(heap, object);
    if (!hash.ok()) {
      interp.Raise(hash.status());
      return std::nullopt;
    }
    return *hash;
  }
  Ref result = CallSpecialNamed(interp, object, "__hash__");
  if (!result) return std::nullopt;
  const TypeTag type = heap.type_of(result.get());
  if (type != TypeTag::kInt && type != TypeTag::kBool) {
    interp.Raise(PyError(PyExc::kTypeError, "__hash__ method should return an integer"));
    return std::nullopt;
  }
  // The value itself when it fits a Py_ssize_t (-1 becoming -2), else the
  // int's own hash.
  if (const std::optional<int64_t> value = IntAsInt64(heap, result.get())) {
    return *value == -1 ? -2 : *value;
  }
  absl::StatusOr<int64_t> hash = Hash(heap, result.get());
  if (!hash.ok()) {
    interp.Raise(hash.status());
    return std::nullopt;
  }
  return *hash;
}

SortLess SpecialSortLess(Interpreter& interp, const std::vector<ObjectId>& keys) {
  Heap& heap = interp.heap();
  bool special = false;
  bool one_class = !keys.empty();
  for (ObjectId key : keys) {
    special |= HasSpecialCompare(heap, key);
    one_class = one_class && heap.type_of(key) == TypeTag::kInstance &&
                heap.instance(key).cls == heap.instance(keys[0]).cls;
  }
  if (!special) return SortLess();
  auto failed = [&interp]() -> absl::StatusOr<bool> { return interp.TakeError(); };
  return [&interp, one_class, failed](ObjectId a, ObjectId b) -> absl::StatusOr<bool> {
    Heap& heap = interp.heap();
    if (one_class) {
      Ref result = TryCompare(interp, CompareOp::kLt, a, b);
      if (!result) return failed();
      if (result.get() != heap.not_implemented()) {
        const int truth = TruthOf(interp, result.get());
        if (truth < 0) return failed();
        return truth == 1;
      }
    }
    const int less = RichCompareBool(interp, CompareOp::kLt, a, b);
    if (less < 0) return failed();
    return less == 1;
  };
}

bool SearchRunsSpecialCompare(const Heap& heap, ObjectId sequence, ObjectId item) {
  if (HasSpecialCompare(heap, item)) return true;
  const std::vector<ObjectId>& items = heap.type_of(sequence) == TypeTag::kList
                                           ? heap.list(sequence).items
                                           : heap.tuple(sequence).items;
  for (ObjectId element : items) {
    if (HasSpecialCompare(heap, element)) return true;
  }
  return false;
}

bool SpecialSearch(Interpreter& interp, ObjectId sequence, ObjectId item, int64_t start,
                   int64_t stop, bool first, int64_t* result) {
  Heap& heap = interp.heap();
  const bool list = heap.type_of(sequence) == TypeTag::kList;
  auto size = [&]() -> int64_t {
    return static_cast<int64_t>(list ? heap.list(sequence).items.size()
                                     : heap.tuple(sequence).items.size());
  };
  *result = first ? -1 : 0;
  for (int64_t i = start; i < stop && i < size(); ++i) {
    const ObjectId element = list ? heap.list(sequence).items[i] : heap.tuple(sequence).items[i];
    Ref held = list ? heap.NewRef(element) : Ref();
    const int equal = RichCompareBool(interp, CompareOp::kEq, element, item);
    if (equal < 0) return false;
    if (equal == 1) {
      if (first) {
        *result = i;
        return true;
      }
      ++*result;
    }
  }
  return true;
}

int ContainsOf(Interpreter& interp, ObjectId container, ObjectId item) {
  Heap& heap = interp.heap();
  if (IsWeakProxy(heap, container)) {
    // proxy_contains: the referent's containment of the item.
    const ObjectId referent = WeakProxyReferent(interp, container);
    return referent == kNoObject ? -1 : ContainsOf(interp, referent, item);
  }
  // mappingproxy_contains: its dict's.
  if (IsMappingProxy(heap, container)) return ContainsOf(interp, ProxiedMapping(heap, container), item);
  if ((SpecialMethods(heap, container) & kSpecialContains) != 0) {
    Ref result = CallSpecialNamed(interp, container, "__contains__", {item});
    if (!result) return -1;
    return TruthOf(interp, result.get());
  }
  const TypeTag type = heap.type_of(container);
  if (type == TypeTag::kWeakContainer) return WeakContainerContains(interp, container, item);
  if (type == TypeTag::kInstance && interp.Iterable(container)) {
    // _PySequence_IterSearch: each item compared with item == x.
    Ref iterator = interp.GetIter(container);
    if (!iterator) return -1;
    while (true) {
      Ref element = interp.Next(iterator.get());
      if (!element) return interp.has_error() ? -1 : 0;
      const int equal = RichCompareBool(interp, CompareOp::kEq, element.get(), item);
      if (equal != 0) return equal;
    }
  }
  if (type == TypeTag::kList || type == TypeTag::kTuple) {
    // Items are read afresh at each step: a method may change the list.
    const bool list = type == TypeTag::kList;
    auto items = [&]() -> const std::vector<ObjectId>& {
      return list ? heap.list(container).items : heap.tuple(container).items;
    };
    bool special = HasSpecialCompare(heap, item);
    for (size_t i = 0; !special && i < items().size(); ++i) {
      special = HasSpecialCompare(heap, items()[i]);
    }
    if (special) {
      const bool item_first = heap.profile().contains_compares_item_first;
      for (size_t i = 0; i < items().size(); ++i) {
        // list_contains holds the item for the comparison; tuples do not.
        Ref held = list ? heap.NewRef(items()[i]) : Ref();
        const ObjectId element = items()[i];
        const int equal = item_first ? RichCompareBool(interp, CompareOp::kEq, element, item)
                                     : RichCompareBool(interp, CompareOp::kEq, item, element);
        if (equal != 0) return equal;
      }
      return 0;
    }
  }
  absl::StatusOr<bool> in = Contains(heap, container, item);
  if (!in.ok()) {
    interp.Raise(in.status());
    return -1;
  }
  return *in ? 1 : 0;
}

Ref SpecialGetItem(Interpreter& interp, ObjectId instance, ObjectId key) {
  Heap& heap = interp.heap();
  if ((SpecialMethods(heap, instance) & kSpecialGetItem) == 0) {
    interp.Raise(PyError(PyExc::kTypeError, absl::StrCat("'", TypeName(heap, instance),
                                                         "' object is not subscriptable")));
    return Ref();
  }
  return CallSpecialNamed(interp, instance, "__getitem__", {key});
}

bool SpecialSetItem(Interpreter& interp, ObjectId instance, ObjectId key, ObjectId value) {
  Heap& heap = interp.heap();
  const uint32_t special = SpecialMethods(heap, instance);
  const bool del = value == kNoObject;
  if ((special & (kSpecialSetItem | kSpecialDelItem)) == 0) {
    interp.Raise(PyError(PyExc::kTypeError,
                         absl::StrCat("'", TypeName(heap, instance),
                                      del ? "' object doesn't support item deletion"
                                          : "' object does not support item assignment")));
    return false;
  }
  const std::string_view name = del ? "__delitem__" : "__setitem__";
  if ((special & (del ? kSpecialDelItem : kSpecialSetItem)) == 0) {
    interp.Raise(PyError(PyExc::kAttributeError, std::string(name)));
    return false;
  }
  Ref result = del ? CallSpecialNamed(interp, instance, name, {key})
                   : CallSpecialNamed(interp, instance, name, {key, value});
  return static_cast<bool>(result);
}

bool IsIterator(const Heap& heap, ObjectId object) {
  switch (heap.type_of(object)) {
    case TypeTag::kIterator:
    case TypeTag::kRangeIterator:
    case TypeTag::kGenerator:
      return true;
    case TypeTag::kInstance:
      return (SpecialMethods(heap, object) & kSpecialNext) != 0;
    default:
      return false;
  }
}

Ref SpecialIter(Interpreter& interp, ObjectId instance) {
  Heap& heap = interp.heap();
  const uint32_t special = SpecialMethods(heap, instance);
  if ((special & kSpecialIter) == 0) {
    if ((special & kSpecialGetItem) != 0) {
      interp.Refuse("iterating an instance through __getitem__ (the old sequence protocol)");
    } else {
      interp.Raise(PyError(PyExc::kTypeError, absl::StrCat("'", TypeName(heap, instance),
                                                           "' object is not iterable")));
    }
    return Ref();
  }
  Ref iterator = CallSpecialNamed(interp, instance, "__iter__");
  if (!iterator) return Ref();
  if (!IsIterator(heap, iterator.get())) {
    interp.Raise(PyError(PyExc::kTypeError,
                         absl::StrCat("iter() returned non-iterator of type '",
                                      TypeName(heap, iterator.get()), "'")));
    return Ref();
  }
  return iterator;
}

Ref SpecialNext(Interpreter& interp, ObjectId instance, bool clear_stop) {
  Heap& heap = interp.heap();
  if ((SpecialMethods(heap, instance) & kSpecialNext) == 0) {
    interp.Raise(PyError(PyExc::kTypeError, absl::StrCat("'", TypeName(heap, instance),
                                                         "' object is not an iterator")));
    return Ref();
  }
  Ref item = CallSpecialNamed(interp, instance, "__next__");
  if (!item && clear_stop && PyErrorType(interp.error()) == PyExc::kStopIteration) {
    interp.CatchError().IgnoreError();
  }
  return item;
}

std::optional<uint64_t> SpecialLengthHint(Interpreter& interp, ObjectId instance) {
  if ((SpecialMethods(interp.heap(), instance) & kSpecialLen) == 0) return std::nullopt;
  const int64_t length = LengthOf(interp, instance);
  if (length >= 0) return static_cast<uint64_t>(length);
  if (PyErrorType(interp.error()) == PyExc::kTypeError) interp.CatchError().IgnoreError();
  return std::nullopt;
}

ObjectId SpecialCallMethod(Heap& heap, ObjectId instance) {
  if ((SpecialMethods(heap, instance) & kSpecialCall) == 0) return kNoObject;
  return LookupSpecial(heap, instance, "__call__");
}

}  // namespace heapsim::script
