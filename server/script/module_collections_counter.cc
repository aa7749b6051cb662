// collections.Counter, over the engine's Counters (counter_object.h): the
// constructor, update, subtract, copy, most_common, elements, total and
// fromkeys, and what dict_subscript and `del` run for the class
// (__missing__, __delitem__), as Lib/collections/__init__.py behaves.
// The operators, comparisons and repr are module_collections_counter_ops.cc's.
//
// Counter is a Python class: each of its methods runs as Python code (a
// frame, super() and bound-method objects, isinstance()'s ABC caches),
// whose objects are not modelled one by one. So the first of them makes
// id() and tracemalloc's figures refused (NoteCounterCode), and each widens
// the GC timing window. What a Counter is stays exact: its size, its items
// and their references, its GC tracking, values, repr and errors.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/counter_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/gc_timing.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/operators.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// At most how many GC objects one Counter method's Python code makes or
// frees beyond those heapsim models (before 3.11 its frame, super() and
// bound-method objects, argument tuples and keyword dicts, views and their
// iterators, isinstance()'s negative-cache entries). Measured right after a
// full collection: Counter(a=1, b=2) moves CPython's count0 by 26 on 3.8
// and 16 on 3.12, update("xyz") by 2 to 4.
constexpr uint64_t kCounterMethodGcObjects = 32;

struct CounterMethod {
  std::string_view name;
  Builtin builtin;
};

// Counter's own methods, then dict's that it inherits unchanged.
constexpr CounterMethod kCounterMethods[] = {
    {"most_common", Builtin::kCounterMostCommon},
    {"elements", Builtin::kCounterElements},
    {"update", Builtin::kCounterUpdate},
    {"subtract", Builtin::kCounterSubtract},
    {"copy", Builtin::kCounterCopy},
    {"total", Builtin::kCounterTotal},
    {"fromkeys", Builtin::kCounterFromKeys},
    {"get", Builtin::kDictGet},
    {"keys", Builtin::kDictKeys},
    {"values", Builtin::kDictValues},
    {"items", Builtin::kDictItems},
    {"pop", Builtin::kDictPop},
    {"popitem", Builtin::kDictPopItem},
    {"setdefault", Builtin::kDictSetDefault},
    {"clear", Builtin::kDictClear},
};

bool IsOwnMethod(Builtin builtin) {
  return builtin >= Builtin::kCounterMostCommon && builtin <= Builtin::kCounterFromKeys;
}

// The mappings Counter's isinstance(x, Mapping) test admits among the
// objects heapsim models: every dict (exact or a subclass).
bool IsMapping(const Heap& heap, ObjectId object) { return heap.type_of(object) == TypeTag::kDict; }

// The (key, value) pairs a Python loop over `mapping.items()` sees, or
// nullopt with the refusal made (an OrderedDict's items view is not
// modelled).
std::optional<std::vector<std::pair<ObjectId, ObjectId>>> MappingItems(Interpreter& interp,
                                                                      ObjectId mapping) {
  Heap& heap = interp.heap();
  if (IsOrderedDict(heap, mapping)) {
    interp.Refuse("a collections.OrderedDict given to a Counter method (its items() view)");
    return std::nullopt;
  }
  return DictItems(heap, mapping);
}

// `value` + `other` or `value` - `other` for the Counter methods' counts,
// as the builtin types compute it (a count whose class defines arithmetic
// methods is refused). Null with the error pending or the refusal made.
Ref CountArithmetic(Interpreter& interp, BinaryOp op, ObjectId value, ObjectId other) {
  Heap& heap = interp.heap();
  for (ObjectId side : {value, other}) {
    if ((SpecialMethods(heap, side) & kSpecialNumber) != 0) {
      interp.Refuse(absl::StrCat("a Counter count of class '", TypeName(heap, side),
                                 "' (its arithmetic methods run inside Counter's code)"));
      return Ref();
    }
  }
  absl::StatusOr<Ref> result = Binary(heap, op, value, other, /*in_place=*/false);
  if (!result.ok()) {
    interp.Raise(result.status());
    return Ref();
  }
  return *std::move(result);
}

// self.get(elem, 0): the count of `key` in `counter` (borrowed, a static 0
// when missing), or nullopt with the error pending (an unhashable key).
std::optional<ObjectId> CountOf(Interpreter& interp, ObjectId counter, ObjectId key,
                                ObjectId zero) {
  absl::StatusOr<ObjectId> found = DictLookup(interp.heap(), counter, key);
  if (!found.ok()) {
    interp.Raise(found.status());
    return std::nullopt;
  }
  return *found == kNoObject ? zero : *found;
}

// Stores `value` under `key` (self[elem] = value). False with the error
// pending.
bool Store(Interpreter& interp, ObjectId counter, ObjectId key, ObjectId value) {
  if (absl::Status stored = DictSetItem(interp.heap(), counter, key, value); !stored.ok()) {
    interp.Raise(stored);
    return false;
  }
  return true;
}

// _count_elements(mapping, iterable), its fast path for a dict subclass
// that keeps dict's get and __setitem__: each item looked up by its hash
// and stored as 1 or as the old count + 1. False with the error pending.
bool CountElements(Interpreter& interp, ObjectId counter, ObjectId iterable) {
  Heap& heap = interp.heap();
  if (heap.type_of(iterable) == TypeTag::kWeakContainer) {
    interp.Refuse("a weakref container counted by a Counter (a Mapping in CPython's ABCs)");
    return false;
  }
  Ref iterator = interp.GetIter(iterable);
  if (!iterator) return false;
  Ref one = NewInt(heap, 1);
  for (;;) {
    Ref key = interp.Next(iterator.get());
    if (!key) return !interp.has_error();
    absl::StatusOr<ObjectId> old = DictLookup(heap, counter, key.get());
    if (!old.ok()) {
      interp.Raise(old.status());
      return false;
    }
    if (*old == kNoObject) {
      if (!Store(interp, counter, key.get(), one.get())) return false;
      continue;
    }
    Ref counted = CountArithmetic(interp, BinaryOp::kAdd, *old, one.get());
    if (!counted || !Store(interp, counter, key.get(), counted.get())) return false;
  }
}

// The keyword dict a Python function's **kwds receives: a new dict, the
// keywords inserted in order.
Ref KeywordDict(Heap& heap, const std::vector<std::pair<std::string, Ref>>& keywords) {
  Ref kwargs = NewDict(heap);
  for (const auto& [name, value] : keywords) {
    Ref key = InternStr(heap, name);
    DictSetItem(heap, kwargs.get(), key.get(), value.get()).IgnoreError();
  }
  return kwargs;
}

bool Update(Interpreter& interp, ObjectId counter, ObjectId iterable, ObjectId kwargs);

// Counter.update(iterable) for a mapping: dict.update's merge when the
// Counter is empty, else each (elem, count) pair added to the count there.
bool UpdateFromMapping(Interpreter& interp, ObjectId counter, ObjectId mapping) {
  Heap& heap = interp.heap();
  if (heap.dict(counter).used == 0) return UpdateDictFrom(interp, counter, mapping);
  std::optional<std::vector<std::pair<ObjectId, ObjectId>>> items =
      MappingItems(interp, mapping);
  if (!items) return false;
  Ref zero = NewInt(heap, 0);
  for (const auto& [key, count] : *items) {
    Ref held_key = heap.NewRef(key);
    Ref held_count = heap.NewRef(count);
    const std::optional<ObjectId> old = CountOf(interp, counter, key, zero.get());
    if (!old) return false;
    Ref sum = CountArithmetic(interp, BinaryOp::kAdd, count, *old);
    if (!sum || !Store(interp, counter, key, sum.get())) return false;
  }
  return true;
}

// Counter.update(iterable, **kwds): `iterable` kNoObject or None for none,
// `kwargs` kNoObject for none. False with the error pending.
bool Update(Interpreter& interp, ObjectId counter, ObjectId iterable, ObjectId kwargs) {
  Heap& heap = interp.heap();
  if (iterable != kNoObject && iterable != heap.none()) {
    const bool ok = IsMapping(heap, iterable) ? UpdateFromMapping(interp, counter, iterable)
                                              : CountElements(interp, counter, iterable);
    if (!ok) return false;
  }
  if (kwargs != kNoObject && heap.dict(kwargs).used > 0) {
    return Update(interp, counter, kwargs, kNoObject);
  }
  return true;
}

// Counter.subtract(iterable, **kwds). False with the error pending.
bool Subtract(Interpreter& interp, ObjectId counter, ObjectId iterable, ObjectId kwargs) {
  Heap& heap = interp.heap();
  Ref zero = NewInt(heap, 0);
  Ref one = NewInt(heap, 1);
  auto subtract = [&](ObjectId key, ObjectId amount) {
    const std::optional<ObjectId> old = CountOf(interp, counter, key, zero.get());
    if (!old) return false;
    Ref difference = CountArithmetic(interp, BinaryOp::kSub, *old, amount);
    return difference && Store(interp, counter, key, difference.get());
  };
  if (iterable != kNoObject && iterable != heap.none()) {
    if (IsMapping(heap, iterable)) {
      std::optional<std::vector<std::pair<ObjectId, ObjectId>>> items =
          MappingItems(interp, iterable);
      if (!items) return false;
      for (const auto& [key, count] : *items) {
        Ref held_key = heap.NewRef(key);
        Ref held_count = heap.NewRef(count);
        if (!subtract(key, count)) return false;
      }
    } else {
      if (heap.type_of(iterable) == TypeTag::kWeakContainer) {
        interp.Refuse(
            "a weakref container subtracted from a Counter (a Mapping in CPython's ABCs)");
        return false;
      }
      Ref iterator = interp.GetIter(iterable);
      if (!iterator) return false;
      for (;;) {
        Ref key = interp.Next(iterator.get());
        if (!key) {
          if (interp.has_error()) return false;
          break;
        }
        if (!subtract(key.get(), one.get())) return false;
      }
    }
  }
  if (kwargs != kNoObject && heap.dict(kwargs).used > 0) {
    return Subtract(interp, counter, kwargs, kNoObject);
  }
  return true;
}

class CounterCall : public BuiltinCall {
 public:
  CounterCall(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args)
      : BuiltinCall(interp, builtin, self, args) {}

  Ref Run() {
    // most_common()'s temporaries (nlargest's decorated tuples, the sorted
    // list heapsim makes whole) count one per item.
    const uint64_t temporaries =
        builtin_ == Builtin::kCounterMostCommon ? heap_.dict(self_).used : 0;
    NoteCounterCode(interp_, absl::StrCat("Counter.", std::string(BuiltinName(builtin_)), "()"),
                    kCounterMethodGcObjects + temporaries);
    switch (builtin_) {
      case Builtin::kCounterUpdate:
      case Builtin::kCounterSubtract: {
        if (args_.positional.size() > 1) return Refused("more than one positional argument");
        Ref kwargs = KeywordDict(heap_, args_.keywords);
        const ObjectId iterable = args_.positional.empty() ? kNoObject : Arg(0);
        const bool ok = builtin_ == Builtin::kCounterUpdate
                            ? Update(interp_, self_, iterable, kwargs.get())
                            : Subtract(interp_, self_, iterable, kwargs.get());
        if (!ok) return Ref();
        Notify();
        return None();
      }
      case Builtin::kCounterCopy:
        if (!NoArguments()) return Ref();
        return CopyCounter(interp_, self_);
      case Builtin::kCounterMostCommon:
        return MostCommon();
      case Builtin::kCounterElements:
        if (!NoArguments()) return Ref();
        return Elements();
      case Builtin::kCounterTotal:
        if (!NoArguments()) return Ref();
        return Total();
      case Builtin::kCounterFromKeys:
        return Fail(PyError(PyExc::kNotImplementedError,
                            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead."));
      default:
        return Fail(absl::InternalError("not a Counter method"));
    }
  }

 private:
  Ref Refused(std::string_view what) {
    interp_.Refuse(absl::StrCat("Counter.", std::string(BuiltinName(builtin_)), "() with ",
                                std::string(what), " (its TypeError is a Python function's)"));
    return Ref();
  }

  bool NoArguments() {
    if (args_.positional.empty() && args_.keywords.empty()) return true;
    Refused("arguments");
    return false;
  }

  void Notify() {
    if (heap_.observed()) heap_.Notify(MutateEvent{self_, std::string(BuiltinName(builtin_))});
  }

  // most_common(n=None): sorted(self.items(), key=itemgetter(1),
  // reverse=True), or heapq.nlargest(n, ...), whose result list is made by
  // a one-item display (n == 1), a slice of the whole sorted list (n at
  // least the length) or a list comprehension (otherwise).
  Ref MostCommon() {
    ObjectId n = args_.positional.empty() ? Keyword("n") : Arg(0);
    if (args_.positional.size() > 1 || args_.keywords.size() > (args_.positional.empty() ? 1 : 0) ||
        (!args_.keywords.empty() && n == kNoObject)) {
      return Refused("other arguments than n");
    }
    if (n == heap_.none()) n = kNoObject;
    std::optional<int64_t> wanted;
    if (n != kNoObject) {
      if (!IsIntLike(heap_, n)) {
        return Refused(absl::StrCat("n of type ", TypeName(heap_, n)));
      }
      wanted = IntAsInt64(heap_, n);
      // Past 64 bits only the sign matters (n >= len, or an empty result).
      if (!wanted) wanted = heap_.big_int(n).is_negative() ? INT64_MIN : INT64_MAX;
    }
    std::optional<std::vector<size_t>> order = CounterOrder(interp_, self_);
    if (!order) return Ref();
    // sorted() lists the items view (a new tuple per item, in the dict's
    // order), then sorts.
    Ref view = NewDictView(heap_, ViewKind::kItems, self_);
    Ref sorted = NewList(heap_, 0);
    if (!interp_.ExtendList(sorted.get(), view.get(), Interpreter::ListExtendRoute::kIterate)) {
      return Ref();
    }
    view.Reset();
    const std::vector<ObjectId> tuples = ListItems(heap_, sorted.get());
    std::vector<ObjectId> reordered;
    for (size_t position : *order) reordered.push_back(tuples[position]);
    ListReorder(heap_, sorted.get(), reordered);
    if (!wanted) return sorted;
    const int64_t size = static_cast<int64_t>(reordered.size());
    const int64_t count = std::max<int64_t>(0, std::min(*wanted, size));
    if (*wanted == 1) return count == 0 ? NewList(heap_, 0) : NewListOf(heap_, {reordered[0]});
    if (*wanted >= size) return NewListOf(heap_, reordered);
    Ref result = NewList(heap_, 0);
    for (int64_t i = 0; i < count; ++i) ListAppend(heap_, result.get(), reordered[i]);
    return result;
  }

  // elements(): chain.from_iterable(starmap(repeat, self.items())), lazy as
  // CPython's.
  Ref Elements() {
    const auto& types = interp_.session().builtin_objects;
    Ref view = NewDictView(heap_, ViewKind::kItems, self_);
    CallArgs starmap_args;
    starmap_args.positional.push_back(
        heap_.NewRef(types[static_cast<size_t>(Builtin::kTypeItertoolsRepeat)]));
    starmap_args.positional.push_back(std::move(view));
    Ref starmap = interp_.Call(types[static_cast<size_t>(Builtin::kTypeItertoolsStarmap)],
                               std::move(starmap_args));
    if (!starmap) return Ref();
    CallArgs chain_args;
    chain_args.positional.push_back(std::move(starmap));
    return CallItertoolsBuiltin(interp_, Builtin::kItertoolsChainFromIterable, kNoObject,
                                chain_args);
  }

  // total(): sum(self.values()).
  Ref Total() {
    CallArgs sum_args;
    sum_args.positional.push_back(NewDictView(heap_, ViewKind::kValues, self_));
    return interp_.Call(interp_.session().builtin_objects[static_cast<size_t>(Builtin::kSum)],
                        std::move(sum_args));
  }
};

}  // namespace

void NoteCounterCode(Interpreter& interp, std::string_view what, uint64_t gc_objects) {
  std::string& first = interp.session().counter_code_ran;
  if (first.empty()) first = std::string(what);
  NoteUnmodelledGcObjects(interp.heap(), what, gc_objects);
}

std::optional<std::vector<size_t>> CounterOrder(Interpreter& interp, ObjectId counter) {
  Heap& heap = interp.heap();
  if (!CountsAreInts(interp, counter, "most_common()")) return std::nullopt;
  std::vector<ObjectId> counts;
  for (const auto& [key, value] : DictItems(heap, counter)) counts.push_back(value);
  std::vector<size_t> order(counts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  absl::Status failed;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    if (!failed.ok()) return false;
    absl::StatusOr<bool> less = Compare(heap, CompareOp::kLt, counts[y], counts[x]);
    if (!less.ok()) failed = less.status();
    return less.ok() && *less;
  });
  if (!failed.ok()) {
    interp.Raise(failed);
    return std::nullopt;
  }
  return order;
}

bool CountsAreInts(Interpreter& interp, ObjectId counter, std::string_view what) {
  Heap& heap = interp.heap();
  for (const auto& [key, value] : DictItems(heap, counter)) {
    if (!IsIntLike(heap, value)) {
      interp.Refuse(absl::StrCat("Counter's ", std::string(what), " with a count of type '",
                                 TypeName(heap, value), "' (heapsim models int counts)"));
      return false;
    }
  }
  return true;
}

std::optional<Builtin> FindCounterMethod(const Heap& heap, std::string_view name) {
  for (const CounterMethod& method : kCounterMethods) {
    if (method.name != name) continue;
    if (method.builtin == Builtin::kCounterTotal && !heap.profile().counter_has_total) {
      return std::nullopt;
    }
    return method.builtin;
  }
  return std::nullopt;
}

std::optional<std::string_view> CounterMethodName(Builtin builtin) {
  if (!IsOwnMethod(builtin)) return std::nullopt;
  for (const CounterMethod& method : kCounterMethods) {
    if (method.builtin == builtin) return method.name;
  }
  return std::nullopt;
}

bool IsCounterBuiltin(Builtin builtin) {
  return builtin == Builtin::kTypeCounter || IsOwnMethod(builtin);
}

Ref ConstructCounter(Interpreter& interp, CallArgs& args) {
  Heap& heap = interp.heap();
  NoteCounterCode(interp, "collections.Counter()", kCounterMethodGcObjects);
  if (args.positional.size() > 1) {
    interp.Refuse("collections.Counter() with more than one positional argument (its TypeError "
                  "is a Python function's)");
    return Ref();
  }
  Ref counter = NewCounter(heap);
  // __init__(self, iterable=None, /, **kwds): super().__init__(), then
  // self.update(iterable, **kwds) with a keyword dict of its own.
  Ref kwargs = KeywordDict(heap, args.keywords);
  const ObjectId iterable = args.positional.empty() ? kNoObject : args.positional[0].get();
  if (!Update(interp, counter.get(), iterable, kwargs.get())) counter.Reset();
  kwargs.Reset();
  return counter;
}

Ref CopyCounter(Interpreter& interp, ObjectId counter) {
  // self.__class__(self).
  CallArgs args;
  args.positional.push_back(interp.heap().NewRef(counter));
  return ConstructCounter(interp, args);
}

Ref CallCounterBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  if (builtin == Builtin::kTypeCounter) return ConstructCounter(interp, args);
  return CounterCall(interp, builtin, self, args).Run();
}

Ref CounterMissing(Interpreter& interp) {
  NoteCounterCode(interp, "Counter.__missing__()", kCounterMethodGcObjects);
  return NewInt(interp.heap(), 0);
}

bool CounterDelItem(Interpreter& interp, ObjectId counter, ObjectId key) {
  Heap& heap = interp.heap();
  NoteCounterCode(interp, "Counter.__delitem__()", kCounterMethodGcObjects);
  // if elem in self: super().__delitem__(elem)
  absl::StatusOr<ObjectId> found = DictLookup(heap, counter, key);
  absl::Status status = found.status();
  if (status.ok() && *found != kNoObject) status = DictDelItem(heap, counter, key);
  if (!status.ok()) {
    interp.Raise(status);
    return false;
  }
  return true;
}

}  // namespace heapsim::script
