#include "server/script/builtins.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/budget.h"
#include "server/heap/bytes_object.h"
#include "server/heap/counter_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/float_object.h"
#include "server/heap/gc.h"
#include "server/heap/gc_timing.h"
#include "server/heap/instance_object.h"
#include "server/heap/int_digits.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/namedtuple_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/referents.h"
#include "server/heap/weakref_object.h"
#include "server/heap/set_object.h"
#include "server/heap/sizeof.h"
#include "server/heap/stdout_stream.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/type_info.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtin_function_call.h"
#include "server/script/class_namespace.h"
#include "server/script/module_copy.h"
#include "server/script/module_random.h"
#include "server/script/tracemalloc_objects.h"
#include "server/script/format.h"
#include "server/script/list_sort.h"
#include "server/script/operators.h"
#include "server/script/parser_keywords.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// hash() of an object of `type` is derived from its address (the default
// object.__hash__), not from its value.
bool HashedByAddress(TypeTag type) {
  switch (type) {
    case TypeTag::kNone:
    case TypeTag::kBool:
    case TypeTag::kInt:
    case TypeTag::kFloat:
    case TypeTag::kComplex:
    case TypeTag::kStr:
    case TypeTag::kBytes:
    case TypeTag::kTuple:
    case TypeTag::kFrozenSet:
    case TypeTag::kRange:
    case TypeTag::kWeakContainer:  // unhashable, or refused by Hash (finalize)
    case TypeTag::kDict:           // unhashable (a Counter too)
    case TypeTag::kMappingProxy:   // unhashable
      return false;
    default:
      return true;
  }
}


// The builtin type object a TypeTag's instances report.
Builtin TypeBuiltin(TypeTag type) {
  switch (type) {
    case TypeTag::kInt:
      return Builtin::kTypeInt;
    case TypeTag::kBool:
      return Builtin::kTypeBool;
    case TypeTag::kFloat:
      return Builtin::kTypeFloat;
    case TypeTag::kComplex:
      return Builtin::kTypeComplex;
    case TypeTag::kStr:
      return Builtin::kTypeStr;
    case TypeTag::kBytes:
      return Builtin::kTypeBytes;
    case TypeTag::kByteArray:
      return Builtin::kTypeByteArray;
    case TypeTag::kList:
      return Builtin::kTypeList;
    case TypeTag::kTuple:
      return Builtin::kTypeTuple;
    case TypeTag::kDict:
      return Builtin::kTypeDict;
    case TypeTag::kSet:
      return Builtin::kTypeSet;
    case TypeTag::kFrozenSet:
      return Builtin::kTypeFrozenSet;
    case TypeTag::kRange:
      return Builtin::kTypeRange;
    case TypeTag::kObject:
      return Builtin::kTypeObject;
    case TypeTag::kSlice:
      return Builtin::kTypeSlice;
    case TypeTag::kWeakRef:
      return Builtin::kTypeWeakRef;
    case TypeTag::kArray:
      return Builtin::kTypeArray;
    case TypeTag::kDeque:
      return Builtin::kTypeDeque;
    case TypeTag::kPartial:
      return Builtin::kTypePartial;
    case TypeTag::kSuper:
      return Builtin::kTypeSuper;
    case TypeTag::kMemoryView:
      return Builtin::kTypeMemoryView;
    case TypeTag::kStaticMethod:
      return Builtin::kTypeStaticMethod;
    case TypeTag::kClassMethod:
      return Builtin::kTypeClassMethod;
    case TypeTag::kProperty:
      return Builtin::kTypeProperty;
    default:
      return Builtin::kTypeType;
  }
}

// The builtin type of the iterators that have a global name (map, filter).
std::optional<Builtin> IteratorTypeBuiltin(const Heap& heap, ObjectId object) {
  if (heap.type_of(object) != TypeTag::kIterator) return std::nullopt;
  switch (static_cast<IterKind>(heap.object(object).subtype)) {
    case IterKind::kMap:
      return Builtin::kTypeMap;
    case IterKind::kFilter:
      return Builtin::kTypeFilter;
    default:
      return ItertoolsTypeBuiltin(static_cast<IterKind>(heap.object(object).subtype));
  }
}

}  // namespace

Ref BuiltinFunctionCall::TypeOf(ObjectId object) {
  const TypeTag type = heap_.type_of(object);
  if (IsCopyFunction(heap_, object)) {
    interp_.Refuse("the type of copy.copy or copy.deepcopy (a Python function in CPython)");
    return Ref();
  }
  if (IsFunctoolsPythonFunction(heap_, object)) {
    interp_.Refuse("the type of functools.lru_cache or functools.cache (a Python function in "
                   "CPython)");
    return Ref();
  }
  if (IsNamedTupleFunction(heap_, object)) {
    interp_.Refuse("the type of collections.namedtuple (a Python function in CPython)");
    return Ref();
  }
  if (IsRandomFunction(heap_, object)) {
    interp_.Refuse("the type of a function of random (a method of its hidden instance)");
    return Ref();
  }
  if (type == TypeTag::kInstance) return heap_.NewRef(heap_.instance(object).cls);
  if (const std::optional<Builtin> proxy_type = WeakProxyTypeBuiltin(heap_, object)) {
    return heap_.NewRef(interp_.session().builtin_objects[static_cast<size_t>(*proxy_type)]);
  }
  if (IsDefaultDict(heap_, object)) {
    return heap_.NewRef(interp_.session().builtin_objects[static_cast<size_t>(Builtin::kTypeDefaultDict)]);
  }
  if (IsOrderedDict(heap_, object)) {
    return heap_.NewRef(interp_.session().builtin_objects[static_cast<size_t>(Builtin::kTypeOrderedDict)]);
  }
  if (IsCounter(heap_, object)) {
    return heap_.NewRef(
        interp_.session().builtin_objects[static_cast<size_t>(Builtin::kTypeCounter)]);
  }
  if (IsNamedTuple(heap_, object)) return heap_.NewRef(NamedTupleClass(heap_, object));
  if (type == TypeTag::kWeakContainer) {
    const std::optional<Builtin> cls = WeakContainerTypeBuiltin(heap_, object);
    if (!cls) {
      interp_.Refuse("the type of a weak container's remove function");
      return Ref();
    }
    return heap_.NewRef(interp_.session().builtin_objects[static_cast<size_t>(*cls)]);
  }
  if (type == TypeTag::kTuple && !IsExactTuple(heap_, object)) {
    interp_.Refuse("type() of sys.version_info or a CacheInfo (their tuple subclasses are not "
                   "modelled)");
    return Ref();
  }
  if (type == TypeTag::kIterator &&
      static_cast<IterKind>(heap_.object(object).subtype) == IterKind::kDeque) {
    // Named "_deque_iterator", shown with its module: not a type heapsim makes.
    interp_.Refuse("the type of a deque iterator");
    return Ref();
  }
  if (const std::optional<Builtin> iterator_type = IteratorTypeBuiltin(heap_, object)) {
    return heap_.NewRef(interp_.session().builtin_objects[static_cast<size_t>(*iterator_type)]);
  }
  const Builtin builtin = TypeBuiltin(type);
  if (builtin != Builtin::kTypeType || type == TypeTag::kClass || type == TypeTag::kBuiltinType ||
      type == TypeTag::kNamedTupleType) {
    return heap_.NewRef(interp_.session().builtin_objects[static_cast<size_t>(builtin)]);
  }
  // Other types (functions, iterators, ...) are named after their objects.
  const std::string name = TypeName(heap_, object);
  if (name.find('.') != std::string::npos) {
    // array.arrayiterator (3.10+): a type whose __name__ is not its tp_name.
    interp_.Refuse(absl::StrCat("type() of a '", name, "' object"));
    return Ref();
  }
  return heap_.NewRef(interp_.TypeObject(name));
}

// print(*objects, sep=' ', end='\n', file=None, flush=False): each object's
// str() (a str is written itself), the separators and the end go to
// sys.stdout's write() (stdout_stream.h).
Ref BuiltinFunctionCall::Print() {
  MakeParserKeywords(interp_, "print", {"sep", "end", "file", "flush"},
                     heap_.profile().print_keywords, !args_.keywords.empty());
  ObjectId sep = kNoObject;  // the default: a one-character str
  ObjectId end = kNoObject;
  for (const auto& [name, value] : args_.keywords) {
    if (name != "sep" && name != "end" && name != "file" && name != "flush") {
      return TypeError(absl::StrCat("'", name, "' is an invalid keyword argument for print()"));
    }
    const TypeTag type = heap_.type_of(value.get());
    if (name == "file") {
      if (type != TypeTag::kNone) {
        interp_.Refuse("print() to a file other than sys.stdout");
        return Ref();
      }
    } else if (name == "flush") {
      if (type != TypeTag::kBool && type != TypeTag::kNone && type != TypeTag::kInt) {
        interp_.Refuse(absl::StrCat("print() with a flush argument of type '",
                                    TypeName(heap_, value.get()), "'"));
        return Ref();
      }
    } else if (type != TypeTag::kNone) {
      if (type != TypeTag::kStr) {
        return TypeError(absl::StrCat(name, " must be None or a string, not ",
                                      TypeName(heap_, value.get())));
      }
      (name == "sep" ? sep : end) = value.get();
    }
  }
  Ref packed_args;
  if (heap_.profile().print_packs_args && !args_.positional.empty()) {
    std::vector<ObjectId> items;
    for (const Ref& arg : args_.positional) items.push_back(arg.get());
    packed_args = NewTupleOf(heap_, items);
  }
  // The text written so far, shown as one piece of output when print()
  // ends (also when it fails part way, as what CPython wrote stays written).
  std::string shown;
  struct ShowOnExit {
    Interpreter& interp;
    const std::string& text;
    ~ShowOnExit() {
      if (!text.empty()) interp.Write(text);
    }
  } show_on_exit{interp_, shown};
  // Writes a str object through sys.stdout.
  auto write = [&](ObjectId text) {
    shown += StrText(heap_, text);
    StdoutWrite(heap_, text);
    return Check(BudgetStatus());
  };
  // The file's write is bound for each piece (PyFile_WriteObject) and
  // dropped after the piece.
  auto write_piece = [&](ObjectId text) {
    const ScopedTransientMethod writer(heap_);
    return write(text);
  };
  for (size_t i = 0; i < args_.positional.size(); ++i) {
    if (i > 0) {
      Ref space = sep == kNoObject ? NewStr(heap_, " ") : heap_.NewRef(sep);
      if (!write_piece(space.get())) return Ref();
    }
    const ObjectId arg = Arg(i);
    const ScopedTransientMethod writer(heap_);
    Ref text;
    if (heap_.type_of(arg) == TypeTag::kStr) {
      text = heap_.NewRef(arg);
    } else if (HasSpecialRepr(heap_, arg, true)) {
      text = SpecialRepr(interp_, arg, true);
      if (!text) return Ref();
    } else {
      absl::StatusOr<std::string> shown =
          StrChecked(heap_, arg, static_cast<int>(heap_.profile().c_recursion.print_levels));
      if (!shown.ok()) return Fail(shown.status());
      text = NewTextOf(arg, *shown);
      if (!Check(BudgetStatus())) return Ref();  // the text may be cut short
    }
    if (!write(text.get())) return Ref();
  }
  Ref newline = end == kNoObject ? NewStr(heap_, "\n") : heap_.NewRef(end);
  if (!write_piece(newline.get())) return Ref();
  const bool written = interp_.Write(shown);
  shown.clear();
  if (!written) return Ref();
  return None();  // flush=True flushes nothing: no text is pending
}

Ref BuiltinFunctionCall::IsInstance() {
  if (!Arity(2, 2)) return Ref();
  const ObjectId object = Arg(0);
  std::vector<ObjectId> classes;
  if (heap_.type_of(Arg(1)) == TypeTag::kTuple) {
    classes = TupleItems(heap_, Arg(1));
  } else {
    classes.push_back(Arg(1));
  }
  if (!IsWeakProxy(heap_, object)) return IsInstanceOf(object, classes);
  // object_isinstance of a proxy, class by class: its own type, then its
  // __class__, which it forwards to the referent.
  for (ObjectId cls : classes) {
    Ref own = IsInstanceOf(object, {cls});
    if (!own || own.get() == heap_.true_object()) return own;
    const ObjectId referent = WeakProxyReferent(interp_, object);
    if (referent == kNoObject) return Ref();
    Ref forwarded = IsInstanceOf(referent, {cls});
    if (!forwarded || forwarded.get() == heap_.true_object()) return forwarded;
  }
  return Bool(false);
}

Ref BuiltinFunctionCall::IsInstanceOf(ObjectId object, const std::vector<ObjectId>& classes) {
  for (ObjectId cls : classes) {
    const TypeTag ct = heap_.type_of(cls);
    if (ct == TypeTag::kNamedTupleType) {
      if (IsNamedTuple(heap_, object) && NamedTupleClass(heap_, object) == cls) return Bool(true);
      continue;
    }
    if (ct == TypeTag::kClass) {
      if (heap_.type_of(object) == TypeTag::kInstance &&
          IsSubclassOf(heap_, heap_.instance(object).cls, cls)) {
        return Bool(true);
      }
      continue;
    }
    if (ct != TypeTag::kBuiltinType) {
      return TypeError(heap_.profile().messages.class_check_mentions_union
                           ? "isinstance() arg 2 must be a type, a tuple of types, or a union"
                           : "isinstance() arg 2 must be a type or tuple of types");
    }
    const auto builtin = static_cast<Builtin>(heap_.object(cls).subtype);
    const TypeTag type = heap_.type_of(object);
    if (builtin == Builtin::kTypeObject) return Bool(true);
    if (IsWeakProxy(heap_, object)) {
      if (WeakProxyTypeBuiltin(heap_, object) == builtin) return Bool(true);
      continue;
    }
    if (builtin == Builtin::kTypeDefaultDict && IsDefaultDict(heap_, object)) return Bool(true);
    if (builtin == Builtin::kTypeOrderedDict && IsOrderedDict(heap_, object)) return Bool(true);
    if (builtin == Builtin::kTypeCounter && IsCounter(heap_, object)) return Bool(true);
    if (heap_.type_of(object) == TypeTag::kWeakContainer &&
        WeakContainerTypeBuiltin(heap_, object) == builtin) {
      return Bool(true);
    }
    // Type objects without a builtin name (function, NoneType, ...).
    if (builtin == Builtin::kTypeType && heap_.cls(cls).name != "type" &&
        heap_.cls(cls).name == TypeName(heap_, object)) {
      return Bool(true);
    }
    if (builtin == TypeBuiltin(type) && builtin != Builtin::kTypeType) return Bool(true);
    if (IteratorTypeBuiltin(heap_, object) == builtin) return Bool(true);
    if (builtin == Builtin::kTypeInt && type == TypeTag::kBool) return Bool(true);
    if (builtin == Builtin::kTypeType && (type == TypeTag::kClass || type == TypeTag::kBuiltinType ||
                                          type == TypeTag::kNamedTupleType)) {
      return Bool(true);
    }
    if (builtin == Builtin::kExceptionClass && type == TypeTag::kException) {
      const std::optional<PyExc> exc = PyExcFromName(heap_.exception(object).type_name);
      if (exc && PyExcMatches(*exc, heap_.cls(cls).name)) return Bool(true);
    }
    if (builtin == Builtin::kExceptionClass && type == TypeTag::kInstance &&
        IsExceptionClass(heap_, heap_.instance(object).cls)) {
      // An instance of an exception class of the script: through the
      // builtin exception its class derives from.
      const ObjectId base = heap_.cls(heap_.instance(object).cls).exception_base;
      const std::optional<PyExc> exc = PyExcFromName(heap_.cls(base).name);
      if (exc && PyExcMatches(*exc, heap_.cls(cls).name)) return Bool(true);
    }
  }
  return Bool(false);
}

Ref BuiltinFunctionCall::Sorted(ObjectId iterable) {
  Ref list = NewList(heap_, 0);
  // 3.13's list() and list.extend() read dicts and sets directly; sorted()
  // still iterates them.
  if (!interp_.ExtendList(list.get(), iterable, Interpreter::ListExtendRoute::kIterate)) {
    return Ref();
  }
  heap_.BindSpecialMethod();  // the new list's sort, bound for one call
  // sorted() passes its keywords on to list.sort, whose parser reads them.
  MakeParserKeywords(interp_, "list.sort", {"key", "reverse"}, heap_.profile().clinic_keywords,
                     !args_.keywords.empty());
  const ObjectId key = Keyword("key");
  const ObjectId reverse = Keyword("reverse");
  if (reverse != kNoObject && SpecialMethods(heap_, reverse) != 0) {
    interp_.Refuse("a 'reverse' argument whose class defines special methods");
    return Ref();
  }
  if (!SortListInPlace(interp_, list.get(), key, reverse != kNoObject && Truth(heap_, reverse))) {
    return Ref();
  }
  return list;
}

Ref BuiltinFunctionCall::MinMax(bool max) {
  MakeParserKeywords(interp_, max ? "max" : "min", {"key", "default"},
                     heap_.profile().min_max_keywords, !args_.keywords.empty());
  std::vector<Ref> items;
  if (args_.positional.size() == 1) {
    if (!interp_.Collect(Arg(0), &items)) return Ref();
  } else if (args_.positional.size() > 1) {
    for (const Ref& arg : args_.positional) items.push_back(heap_.NewRef(arg.get()));
  } else {
    return TypeError(
        absl::StrCat(std::string(BuiltinName(builtin_)), " expected at least 1 argument, got 0"));
  }
  if (items.empty()) {
    const ObjectId fallback = Keyword("default");
    if (fallback != kNoObject) return heap_.NewRef(fallback);
    std::string message(heap_.profile().messages.min_max_empty);
    message.replace(message.find("%s"), 2, BuiltinName(builtin_));
    return Fail(PyError(PyExc::kValueError, message));
  }
  // min_max (METH_VARARGS where the profile packs its arguments) iterates
  // the tuple they came in: a tuple iterator lives while it compares.
  Ref tuple_iterator;
  if (args_.positional.size() > 1 && args_.packed != kNoObject &&
      PacksArguments(heap_.profile(), builtin_)) {
    tuple_iterator = NewIterator(heap_, IterKind::kTuple, args_.packed);
  }
  // key=None is no key function.
  ObjectId key = Keyword("key");
  if (key == heap_.none()) key = kNoObject;
  size_t best = 0;
  Ref best_key;
  for (size_t i = 0; i < items.size(); ++i) {
    Ref k;
    if (key != kNoObject) {
      CallArgs call;
      call.positional.push_back(heap_.NewRef(items[i].get()));
      k = interp_.Call(key, std::move(call));
      if (!k) return Ref();
    } else {
      k = heap_.NewRef(items[i].get());
    }
    if (i == 0) {
      best_key = std::move(k);
      continue;
    }
    bool better_than_best;
    if (HasSpecialCompare(heap_, k.get()) || HasSpecialCompare(heap_, best_key.get())) {
      const int better = RichCompareBool(interp_, max ? CompareOp::kGt : CompareOp::kLt,
                                         k.get(), best_key.get());
      if (better < 0) return Ref();
      better_than_best = better == 1;
    } else {
      absl::StatusOr<bool> better =
          max ? Less(heap_, best_key.get(), k.get()) : Less(heap_, k.get(), best_key.get());
      if (!better.ok()) return Fail(better.status());
      better_than_best = *better;
    }
    if (better_than_best) {
      best = i;
      best_key = std::move(k);
    }
  }
  return std::move(items[best]);
}

Ref BuiltinFunctionCall::Sum() {
  MakeParserKeywords(interp_, "sum", {"start"}, heap_.profile().clinic_keywords,
                     !args_.keywords.empty());
  if (!Arity(1, 2)) return Ref();
  const ObjectId start_arg = ArgOrKeyword(1, "start");
  Ref total = start_arg != kNoObject ? heap_.NewRef(start_arg) : Int(0);
  if (heap_.type_of(total.get()) == TypeTag::kStr) {
    return TypeError("sum() can't sum strings [use ''.join(seq) instead]");
  }
  // Like CPython's sum: runs of ints (and then of floats) are added in
  // machine words without making intermediate objects.
  enum class Mode { kInt, kFloat, kGeneric };
  const TypeTag start = heap_.type_of(total.get());
  Mode mode = start == TypeTag::kInt ? Mode::kInt
              : start == TypeTag::kFloat ? Mode::kFloat : Mode::kGeneric;
  int64_t int_total = 0;
  double float_total = 0.0;
  double compensation = 0.0;
  const bool compensated = heap_.profile().sum_floats_compensated;
  if (mode == Mode::kInt) {
    const std::optional<int64_t> v = IntAsInt64(heap_, total.get());
    if (v) {
      int_total = *v;
    } else {
      mode = Mode::kGeneric;
    }
  } else if (mode == Mode::kFloat) {
    float_total = FloatValue(heap_, total.get());
  }
  auto add_float = [&](double x) {
    const double t = float_total + x;
    if (compensated) {
      compensation += std::fabs(float_total) >= std::fabs(x) ? (float_total - t) + x
                                                            : (x - t) + float_total;
    }
    float_total = t;
  };
  auto float_result = [&]() {
    return NewFloat(heap_, compensation != 0.0 && std::isfinite(compensation)
                               ? float_total + compensation
                               : float_total);
  };
  auto int_result = [&]() {
    return NewInt(heap_, int_total,
                  heap_.profile().sum_int_total_exact_digits
                      ? IntRequest::Digits(DigitCount(int_total))
                      : IntRequest::FromLong());
  };
  // total + item through the type's addition.
  auto add_generic = [&](ObjectId item) {
    Ref next = BinaryOf(interp_, BinaryOp::kAdd, total.get(), item, false);
    if (!next) return false;
    total = std::move(next);
    return true;
  };
  const bool ok = interp_.ForEach(Arg(0), [&](Ref item) {
    const TypeTag type = heap_.type_of(item.get());
    if (mode == Mode::kInt) {
      if (type == TypeTag::kInt || type == TypeTag::kBool) {
        const std::optional<int64_t> v = IntAsInt64(heap_, item.get());
        int64_t sum;
        if (v && !__builtin_add_overflow(int_total, *v, &sum)) {
          int_total = sum;
          return true;
        }
      }
      total = int_result();
      mode = Mode::kGeneric;
      if (!add_generic(item.get())) return false;
      if (heap_.type_of(total.get()) == TypeTag::kFloat) {
        mode = Mode::kFloat;
        float_total = FloatValue(heap_, total.get());
        compensation = 0.0;
      }
      return true;
    }
    if (mode == Mode::kFloat) {
      if (type == TypeTag::kFloat) {
        add_float(FloatValue(heap_, item.get()));
        return true;
      }
      if (type == TypeTag::kInt || type == TypeTag::kBool) {
        if (const std::optional<int64_t> v = IntAsInt64(heap_, item.get())) {
          add_float(static_cast<double>(*v));
          return true;
        }
      }
      total = float_result();
      mode = Mode::kGeneric;
    }
    return add_generic(item.get());
  });
  if (!ok) return Ref();
  if (mode == Mode::kInt) return int_result();
  if (mode == Mode::kFloat) return float_result();
  return total;
}

Ref BuiltinFunctionCall::Round() {
  MakeParserKeywords(interp_, "round", {"number", "ndigits"}, heap_.profile().clinic_keywords,
                     !args_.keywords.empty());
  if (!Arity(1, 2)) return Ref();
  const ObjectId value = Arg(0);
  heap_.BindTransientMethod();  // the value's __round__
  const ObjectId digits_arg = ArgOrKeyword(1, "ndigits");
  const bool has_digits = digits_arg != kNoObject && heap_.type_of(digits_arg) != TypeTag::kNone;
  if (IsIntLike(heap_, value)) return NewInt(heap_, IntAsBig(heap_, value));
  if (heap_.type_of(value) != TypeTag::kFloat) {
    return TypeError(absl::StrCat("type ", TypeName(heap_, value),
                                  " doesn't define __round__ method"));
  }
  const double x = FloatValue(heap_, value);
  if (!has_digits) {
    if (std::isnan(x)) return Fail(PyError(PyExc::kValueError, "cannot convert float NaN to integer"));
    if (std::isinf(x)) {
      return Fail(PyError(PyExc::kOverflowError, "cannot convert float infinity to integer"));
    }
    return NewInt(heap_, BigInt::FromDouble(std::nearbyint(x)));
  }
  const std::optional<int64_t> digits = IndexArg(digits_arg);
  if (!digits) return Ref();
  if (*digits > 300 || std::isnan(x) || std::isinf(x)) return NewFloat(heap_, x);
  char buffer[512];
  std::snprintf(buffer, sizeof(buffer), "%.*f", static_cast<int>(std::max<int64_t>(*digits, 0)), x);
  double rounded = std::strtod(buffer, nullptr);
  if (*digits < 0) {
    const double scale = std::pow(10.0, static_cast<double>(-*digits));
    rounded = std::nearbyint(x / scale) * scale;
  }
  return NewFloat(heap_, rounded);
}

Ref BuiltinFunctionCall::Run() {
  if (IsWeakContainerBuiltin(builtin_)) return CallWeakContainerBuiltin(interp_, builtin_, self_, args_);
  if (builtin_ == Builtin::kDictFromKeys) return CallDictFromKeys(interp_, self_, args_);
  if (IsItertoolsBuiltin(builtin_)) return CallItertoolsBuiltin(interp_, builtin_, self_, args_);
  if (builtin_ >= Builtin::kPropertyGetter && builtin_ <= Builtin::kPropertySetName) {
    return CallDescriptorBuiltin(interp_, builtin_, self_, args_);
  }
  if (builtin_ == Builtin::kStrEncode || builtin_ == Builtin::kBytesDecode) {
    return CallCodecMethod(interp_, builtin_, self_, args_);
  }
  if (IsTracemallocObjectBuiltin(builtin_)) {
    return CallTracemallocObjectBuiltin(interp_, builtin_, self_, args_);
  }
  if (builtin_ == Builtin::kTypeDefaultDict) return ConstructDefaultDict(interp_, args_);
  if (IsNamedTupleBuiltin(builtin_)) return CallNamedTupleBuiltin(interp_, builtin_, self_, args_);
  if (IsDataclassesBuiltin(builtin_)) return CallDataclassesBuiltin(interp_, builtin_, self_, args_);
  if (IsOrderedDictBuiltin(builtin_)) return CallOrderedDictBuiltin(interp_, builtin_, self_, args_);
  if (IsCounterBuiltin(builtin_)) return CallCounterBuiltin(interp_, builtin_, self_, args_);
  if (builtin_ == Builtin::kTypeDeque ||
      (builtin_ >= Builtin::kDequeAppend && builtin_ <= Builtin::kDequeRemove)) {
    return CallCollectionsBuiltin(interp_, builtin_, self_, args_);
  }
  if (builtin_ == Builtin::kTypePartial) return CallFunctoolsBuiltin(interp_, builtin_, args_);
  if (builtin_ == Builtin::kFunctoolsLruCache || builtin_ == Builtin::kFunctoolsCache ||
      builtin_ == Builtin::kLruCacheInfo || builtin_ == Builtin::kLruCacheClear) {
    return CallLruCacheBuiltin(interp_, builtin_, self_, args_);
  }
  if (IsIntBytesBuiltin(builtin_)) return CallIntBytesBuiltin(interp_, builtin_, self_, args_);
  if (IsBytesMethodBuiltin(builtin_)) return CallBytesMethod(interp_, builtin_, self_, args_);
  if (IsMethodBuiltin(builtin_)) return CallMethodBuiltin(interp_, builtin_, self_, args_);
  if (builtin_ >= Builtin::kSysGetSizeOf) return CallModuleBuiltin(interp_, builtin_, args_);
  if (!KeywordsAllowed()) return Ref();
  if (builtin_ >= Builtin::kTypeType) return Construct();
  switch (builtin_) {
    case Builtin::kPrint:
      return Print();
    case Builtin::kLen: {
      if (!Arity(1, 1)) return Ref();
      const int64_t length = LengthOf(interp_, Arg(0));
      if (length < 0) return Ref();
      // PyLong_FromSsize_t: exactly its digits (no medium-int request).
      return NewInt(heap_, length, IntRequest::Digits(DigitCount(length)));
    }
    case Builtin::kId:
      if (!Arity(1, 1)) return Ref();
      if (RefuseAddressAfterTracemallocObjects(interp_, "id()")) return Ref();
      if (heap_.gc().free_lists_unknown) {
        interp_.Refuse(TimingRefusal(heap_, "id() after CPython may have run an automatic full "
                                            "collection (which empties its free lists)"));
        return Ref();
      }
      return NewInt(heap_, static_cast<int64_t>(heap_.address_of(Arg(0))));
    case Builtin::kRepr:
      if (!Arity(1, 1)) return Ref();
      if (HasSpecialRepr(heap_, Arg(0), false)) return SpecialRepr(interp_, Arg(0), false);
      {
        // One level for the call of the builtin itself.
        absl::StatusOr<std::string> text = ReprChecked(heap_, Arg(0), 1);
        if (!text.ok()) return Fail(text.status());
        return NewTextOf(Arg(0), *text);
      }
    case Builtin::kAscii: {
      if (!Arity(1, 1)) return Ref();
      Ref repr;
      if (HasSpecialRepr(heap_, Arg(0), false)) {
        repr = SpecialRepr(interp_, Arg(0), false);
      } else {
        absl::StatusOr<std::string> text = ReprChecked(heap_, Arg(0), 1);
        if (!text.ok()) return Fail(text.status());
        repr = NewTextOf(Arg(0), *text);
      }
      if (!repr) return Ref();
      return AsciiOfRepr(interp_, std::move(repr));
    }
    case Builtin::kIsInstance:
      return IsInstance();
    case Builtin::kAny:
    case Builtin::kAll: {
      if (!Arity(1, 1)) return Ref();
      const bool want = builtin_ == Builtin::kAny;
      bool found = false;
      const bool ok = interp_.ForEach(Arg(0), [&](Ref item) {
        const int truth = TruthOf(interp_, item.get());
        if (truth < 0) return false;
        if ((truth == 1) == want) {
          found = true;
          return false;
        }
        return true;
      });
      if (!ok || interp_.has_error()) return Ref();
      return Bool(want ? found : !found);
    }
    case Builtin::kSorted:
      if (!Arity(1, 1)) return Ref();
      return Sorted(Arg(0));
    case Builtin::kReversed: {
      if (!Arity(1, 1)) return Ref();
      return interp_.Reversed(Arg(0));
    }
    case Builtin::kEnumerate: {
      MakeParserKeywords(interp_, "enumerate", {"iterable", "start"},
                         heap_.profile().enumerate_keywords, !args_.keywords.empty());
      if (!Arity(1, 2)) return Ref();
      Ref iterator = interp_.GetIter(Arg(0));
      if (!iterator) return Ref();
      int64_t start = 0;
      if (const ObjectId start_arg = ArgOrKeyword(1, "start"); start_arg != kNoObject) {
        const std::optional<int64_t> s = IndexArg(start_arg);
        if (!s) return Ref();
        start = *s;
      }
      Ref it = NewIterator(heap_, IterKind::kEnumerate, iterator.get(), start);
      heap_.IncRef(heap_.none());
      heap_.IncRef(heap_.none());
      heap_.iterator(it.get()).extra = NewTuple(heap_, {heap_.none(), heap_.none()}).release();
      return it;
    }
    case Builtin::kZip: {
      std::vector<ObjectId> iterators;
      std::vector<Ref> owned;
      for (const Ref& arg : args_.positional) {
        owned.push_back(interp_.GetIter(arg.get()));
        if (!owned.back()) return Ref();
        iterators.push_back(owned.back().get());
      }
      Ref sources = NewTupleOf(heap_, iterators);
      Ref it = NewIterator(heap_, IterKind::kZip, sources.get());
      std::vector<ObjectId> nones(iterators.size(), heap_.none());
      heap_.iterator(it.get()).extra = NewTupleOf(heap_, nones).release();
      return it;
    }
    case Builtin::kMin:
      return MinMax(false);
    case Builtin::kMax:
      return MinMax(true);
    case Builtin::kSum:
      return Sum();
    case Builtin::kAbs: {
      if (!Arity(1, 1)) return Ref();
      const ObjectId value = Arg(0);
      if (heap_.type_of(value) == TypeTag::kInstance) return UnaryOf(interp_, std::nullopt, value);
      if (heap_.type_of(value) == TypeTag::kComplex) {
        const ComplexBody& c = heap_.complex(value);
        return NewFloat(heap_, std::hypot(c.real, c.imag));
      }
      if (heap_.type_of(value) == TypeTag::kFloat) {
        return NewFloat(heap_, std::fabs(FloatValue(heap_, value)));
      }
      if (IsIntLike(heap_, value)) {
        if (heap_.type_of(value) == TypeTag::kInt && !IntAsBig(heap_, value).is_negative()) {
          return heap_.NewRef(value);
        }
        const uint32_t digits = static_cast<uint32_t>(IntAsBig(heap_, value).digit_count());
        return NewInt(heap_, IntAsBig(heap_, value).Abs(),
                      digits <= 1 ? IntRequest::FromLong() : IntRequest::Digits(digits));
      }
      return TypeError(absl::StrCat("bad operand type for abs(): '", TypeName(heap_, value), "'"));
    }
    case Builtin::kRound:
      return Round();
    case Builtin::kIter:
      if (!Arity(1, 1)) return Ref();
      return interp_.GetIter(Arg(0));
    case Builtin::kNext: {
      if (!Arity(1, 2)) return Ref();
      if (heap_.type_of(Arg(0)) == TypeTag::kInstance) {
        Ref item = SpecialNext(interp_, Arg(0), false);
        if (item || args_.positional.size() == 1 ||
            PyErrorType(interp_.error()) != PyExc::kStopIteration) {
          return item;
        }
        interp_.CatchError().IgnoreError();
        return heap_.NewRef(Arg(1));
      }
      if (!IsIterator(heap_, Arg(0))) {
        return TypeError(absl::StrCat("'", TypeName(heap_, Arg(0)), "' object is not an iterator"));
      }
      Ref item = interp_.Next(Arg(0));
      if (item || interp_.has_error()) return item;
      if (args_.positional.size() == 2) return heap_.NewRef(Arg(1));
      return Fail(PyError(PyExc::kStopIteration, ""));
    }
    case Builtin::kHash: {
      if (!Arity(1, 1)) return Ref();
      // An instance whose class binds __hash__ (a method, or None) is not
      // hashed by its address.
      const bool by_address = HashedByAddress(heap_.type_of(Arg(0))) &&
                              (SpecialMethods(heap_, Arg(0)) & (kSpecialHash | kSpecialHashNone)) == 0;
      if (heap_.gc().free_lists_unknown && by_address) {
        interp_.Refuse(TimingRefusal(heap_, "hash() of an object hashed by its address after "
                                            "CPython may have run an automatic full collection "
                                            "(which empties its free lists)"));
        return Ref();
      }
      if (by_address &&
          RefuseAddressAfterTracemallocObjects(interp_,
                                              "hash() of an object hashed by its address")) {
        return Ref();
      }
      const std::optional<int64_t> hash = HashOf(interp_, Arg(0));
      if (!hash.has_value()) return Ref();
      return Int(*hash);
    }
    case Builtin::kFormat: {
      if (!Arity(1, 2)) return Ref();
      const std::string spec = args_.positional.size() == 2 ? StrText(heap_, Arg(1)) : "";
      if (HasSpecialRepr(heap_, Arg(0), true)) return SpecialFormat(interp_, Arg(0), spec);
      const ScopedTransientMethod format_method(heap_, FormatBindsMethod(heap_, Arg(0), spec));
      absl::StatusOr<std::string> text = FormatValue(heap_, Arg(0), spec);
      if (!text.ok()) return Fail(text.status());
      return NewFormattedStr(heap_, Arg(0), spec, *text);
    }
    case Builtin::kOrd:
    case Builtin::kChr:
    case Builtin::kHex:
    case Builtin::kOct:
    case Builtin::kBin:
    case Builtin::kDivMod:
    case Builtin::kPow:
      return CallNumericBuiltin(interp_, builtin_, args_);
    case Builtin::kCallable:
    case Builtin::kGetAttr:
    case Builtin::kSetAttr:
    case Builtin::kHasAttr:
    case Builtin::kDelAttr:
    case Builtin::kGlobals:
    case Builtin::kVars:
    case Builtin::kIsSubclass:
      return CallAttributeBuiltin(interp_, builtin_, args_);
    default:
      return TypeError("unknown builtin");
  }
}

Ref SequenceTuple(Interpreter& interp, ObjectId iterable) {
  Heap& heap = interp.heap();
  const TypeTag type = heap.type_of(iterable);
  if (IsExactTuple(heap, iterable)) return heap.NewRef(iterable);
  if (type == TypeTag::kTuple) return NewTupleOf(heap, TupleItems(heap, iterable));
  if (type == TypeTag::kList) return NewTupleOf(heap, ListItems(heap, iterable));
  // The iterator first, then a tuple sized by the length hint (10 without
  // one), grown by resizing while items come, and cut back to its length
  // at the end (a realloc that may move it).
  Ref iterator = interp.GetIter(iterable);
  if (!iterator) return Ref();
  uint64_t slots = interp.LengthHint(iterable).value_or(10);
  if (interp.has_error()) return Ref();
  auto room = [&](uint64_t n) {
    absl::Status status = CheckGrowth(heap, SizeOf(n, 8), SizeOf(n, 8));
    if (!status.ok()) interp.Raise(std::move(status));
    return status.ok();
  };
  if (!room(slots)) return Ref();
  for (uint64_t i = 0; i < slots; ++i) heap.IncRef(heap.none());
  Ref result = slots == 0 ? heap.NewRef(heap.empty_tuple())
                          : NewTuple(heap, std::vector<ObjectId>(slots, heap.none()));
  uint64_t filled = 0;
  while (true) {
    Ref item = interp.Next(iterator.get());
    if (!item) {
      if (interp.has_error()) return Ref();
      break;
    }
    if (filled >= slots) {
      slots += 10;
      slots += slots >> 2;
      if (!room(slots)) return Ref();
      TupleResize(heap, &result, slots);
    }
    heap.DecRef(std::exchange(heap.tuple(result.get()).items[filled], item.release()));
    ++filled;
  }
  if (filled < slots) TupleResize(heap, &result, filled);
  return result;
}

namespace {

// True if `status` is OK; else raises it and returns false.
bool Passed(Interpreter& interp, const absl::Status& status) {
  if (!status.ok()) interp.Raise(status);
  return status.ok();
}

}  // namespace

bool UpdateDictFrom(Interpreter& interp, ObjectId dict, ObjectId source) {
  Heap& heap = interp.heap();
  if (IsOrderedDict(heap, source)) {
    // dict_merge takes an OrderedDict through its keys() (its tp_iter is
    // not dict's), a view and an odict_iterator heapsim does not model.
    interp.Refuse("a collections.OrderedDict merged into a dict");
    return false;
  }
  if (IsDefaultDict(heap, source) || IsCounter(heap, source)) {
    // Not an exact dict: every version looks its keys method up (bound,
    // then dropped) before merging it as a dict.
    heap.BindSpecialMethod();
    return Passed(interp, DictMerge(heap, dict, source));
  }
  if (heap.type_of(source) == TypeTag::kDict) {
    heap.BindTransientMethod();  // 3.8 looks the mapping's keys up first
    return Passed(interp, DictMerge(heap, dict, source));
  }
  size_t index = 0;
  return interp.ForEach(source, [&](Ref item) {
    std::vector<Ref> pair;
    if (!interp.Collect(item.get(), &pair)) return false;
    if (pair.size() != 2) {
      interp.Raise(PyError(PyExc::kValueError,
                           absl::StrCat("dictionary update sequence element #", index,
                                        " has length ", pair.size(), "; 2 is required")));
      return false;
    }
    ++index;
    return Passed(interp, DictSetItem(heap, dict, pair[0].get(), pair[1].get()));
  });
}

bool UpdateSetFrom(Interpreter& interp, ObjectId set, ObjectId source) {
  Heap& heap = interp.heap();
  const TypeTag type = heap.type_of(source);
  if (type == TypeTag::kSet || type == TypeTag::kFrozenSet)
    return Passed(interp, SetMerge(heap, set, source));
  // An exact dict's keys are added directly (a defaultdict is iterated).
  if (IsExactDict(heap, source)) {
    return Passed(interp, SetUpdateFromDict(heap, set, source));
  }
  return interp.ForEach(source,
                        [&](Ref item) { return Passed(interp, SetAdd(heap, set, item.get())); });
}

bool SortListInPlace(Interpreter& interp, ObjectId list, ObjectId key, bool reverse) {
  Heap& heap = interp.heap();
  const std::vector<ObjectId> items = ListItems(heap, list);
  std::vector<Ref> keys;
  if (key != kNoObject && heap.type_of(key) != TypeTag::kNone) {
    for (ObjectId item : items) {
      CallArgs call;
      call.positional.push_back(heap.NewRef(item));
      Ref k = interp.Call(key, std::move(call));
      if (!k) return false;
      keys.push_back(std::move(k));
    }
  }
  // CPython reverses the list, sorts it and reverses it back, so that equal
  // items keep their order under reverse=True; after a failed comparison the
  // list keeps the partly sorted order.
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (reverse) std::reverse(order.begin(), order.end());
  std::vector<ObjectId> sort_keys;
  sort_keys.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    sort_keys.push_back(keys.empty() ? items[i] : keys[i].get());
  }
  const SortLess special_less = SpecialSortLess(interp, sort_keys);
  absl::Status status;
  if (special_less) {
    // The list is empty while Python code runs during the sort.
    heap.list(list).items.clear();
    status = SortAsCPython(heap, sort_keys, &order, special_less);
    if (!heap.list(list).items.empty()) {
      std::vector<ObjectId> added = std::move(heap.list(list).items);
      ListReorder(heap, list, items);
      for (ObjectId id : added) heap.DecRef(id);
      interp.Refuse("a list changed while it is being sorted");
      return false;
    }
  } else {
    status = SortAsCPython(heap, sort_keys, &order);
  }
  if (absl::IsUnimplemented(status)) {
    interp.Raise(status);  // a refusal
    return false;
  }
  if (reverse) std::reverse(order.begin(), order.end());
  std::vector<ObjectId> sorted;
  sorted.reserve(order.size());
  for (size_t i : order) sorted.push_back(items[i]);
  ListReorder(heap, list, std::move(sorted));
  if (!status.ok()) {
    interp.Raise(status);
    return false;
  }
  return true;
}

Ref CallBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  if (RefuseWeakProxyArguments(interp, builtin, self, args)) return Ref();
  if (RefuseMappingProxyArguments(interp, builtin, self, args)) return Ref();
  return BuiltinFunctionCall(interp, builtin, self, args).Run();
}

}  // namespace heapsim::script
