// collections.OrderedDict, over the engine's OrderedDicts
// (ordereddict_object.h): the constructor as tp_call runs it (dict_new,
// then odict_init's update from pairs, an exact dict or keywords), the
// methods heapsim models (move_to_end, popitem, clear and dict's own get),
// and the repr's temporaries. Everything else an OrderedDict has (its
// iterator and views, update, pop, setdefault, copy, ...) is refused.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/dict_object.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"

namespace heapsim::script {

namespace {

struct OrderedDictMethod {
  std::string_view name;
  Builtin builtin;
};

constexpr OrderedDictMethod kOrderedDictMethods[] = {
    {"clear", Builtin::kOrderedDictClear},
    {"get", Builtin::kDictGet},  // dict's, inherited unchanged
    {"move_to_end", Builtin::kOrderedDictMoveToEnd},
    {"popitem", Builtin::kOrderedDictPopItem},
};

// PyDict_Items(dict): a list of new (key, value) tuples, the list made
// first (PyList_New(n)), then every tuple.
Ref DictItemsList(Heap& heap, ObjectId dict) {
  const std::vector<std::pair<ObjectId, ObjectId>> items = DictItems(heap, dict);
  Ref list = NewList(heap, items.size());
  for (const auto& [key, value] : items) {
    heap.list(list.get()).items.push_back(NewTupleOf(heap, {key, value}).release());
  }
  return list;
}

// mutablemapping_add_pairs: each pair of `pairs` unpacked through its own
// iterator (made and freed at each step) and stored. False with the
// exception pending.
bool AddPairs(Interpreter& interp, ObjectId od, ObjectId pairs) {
  Heap& heap = interp.heap();
  Ref iterator = interp.GetIter(pairs);
  if (!iterator) return false;
  for (;;) {
    Ref pair = interp.Next(iterator.get());
    if (!pair) return !interp.has_error();
    const TypeTag type = heap.type_of(pair.get());
    if (type != TypeTag::kTuple && type != TypeTag::kList) {
      interp.Refuse(absl::StrCat("an OrderedDict made from pairs that are ", TypeName(heap, pair.get()),
                                 " objects (only tuples and lists are modelled)"));
      return false;
    }
    Ref pair_iterator = interp.GetIter(pair.get());
    if (!pair_iterator) return false;
    Ref key = interp.Next(pair_iterator.get());
    Ref value = key ? interp.Next(pair_iterator.get()) : Ref();
    Ref unexpected = value ? interp.Next(pair_iterator.get()) : Ref();
    absl::Status status;
    if (!key) {
      status = PyError(PyExc::kValueError, "need more than 0 values to unpack");
    } else if (!value) {
      status = PyError(PyExc::kValueError, "need more than 1 value to unpack");
    } else if (unexpected) {
      unexpected.Reset();
      status = PyError(PyExc::kValueError, "too many values to unpack (expected 2)");
    } else {
      status = OrderedDictSetItem(heap, od, key.get(), value.get());
    }
    pair.Reset();
    pair_iterator.Reset();
    key.Reset();
    value.Reset();
    if (!status.ok()) {
      interp.Raise(status);
      return false;
    }
  }
}

// mutablemapping_update_arg for the arguments heapsim models: an exact
// dict (its items as a list of pairs), or a list or tuple of pairs. False
// with the exception pending or the refusal made.
bool UpdateFromArgument(Interpreter& interp, ObjectId od, ObjectId other) {
  Heap& heap = interp.heap();
  if (IsExactDict(heap, other)) {
    Ref items = DictItemsList(heap, other);
    const bool ok = AddPairs(interp, od, items.get());
    items.Reset();
    return ok;
  }
  const TypeTag type = heap.type_of(other);
  if (type != TypeTag::kList && type != TypeTag::kTuple) {
    // Anything else is asked for keys() and items() first (attribute
    // lookups and calls heapsim does not follow).
    interp.Refuse(absl::StrCat("collections.OrderedDict(x) for a ", TypeName(heap, other),
                               " (a dict, a list or a tuple of pairs are modelled)"));
    return false;
  }
  return AddPairs(interp, od, other);
}

// The `last` flag of move_to_end and popitem: a bool or an int (clinic's
// bool converter takes any object's truth; other types are refused).
std::optional<bool> LastFlag(Interpreter& interp, ObjectId flag, std::string_view method) {
  Heap& heap = interp.heap();
  if (flag == kNoObject) return true;
  if (IsIntLike(heap, flag)) {
    const std::optional<int64_t> value = IntAsInt64(heap, flag);
    if (value) return *value != 0;
  }
  interp.Refuse(absl::StrCat("OrderedDict.", std::string(method), "() with a last= of type ",
                             TypeName(heap, flag)));
  return std::nullopt;
}

class OrderedDictCall : public BuiltinCall {
 public:
  OrderedDictCall(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args)
      : BuiltinCall(interp, builtin, self, args) {}

  Ref Run() {
    switch (builtin_) {
      case Builtin::kOrderedDictClear:
        if (!Simple(0, 0, false)) return Ref();
        OrderedDictClear(heap_, self_);
        return Mutated();
      case Builtin::kOrderedDictMoveToEnd: {
        if (!Simple(1, 2, true)) return Ref();
        const std::optional<bool> last = LastFlag(interp_, ArgOrKeyword(1, "last"), "move_to_end");
        if (!last) return Ref();
        if (!Check(OrderedDictMoveToEnd(heap_, self_, Arg(0), *last))) return Ref();
        return Mutated();
      }
      case Builtin::kOrderedDictPopItem: {
        if (!Simple(0, 1, true)) return Ref();
        const std::optional<bool> last = LastFlag(interp_, ArgOrKeyword(0, "last"), "popitem");
        if (!last) return Ref();
        absl::StatusOr<Ref> item = OrderedDictPopItem(heap_, self_, *last);
        if (!item.ok()) return Fail(item.status());
        Notify();
        return std::move(*item);
      }
      default:
        return Fail(absl::InternalError("not an OrderedDict method"));
    }
  }

 private:
  // True for `min` to `max` positional arguments and, where `last_keyword`,
  // a keyword last= in the place of the final one. Other forms (whose
  // TypeErrors heapsim does not word) are refused.
  bool Simple(size_t min, size_t max, bool last_keyword) {
    const size_t given = args_.positional.size();
    const bool keywords_ok =
        args_.keywords.empty() ||
        (last_keyword && args_.keywords.size() == 1 && args_.keywords[0].first == "last" &&
         given < max);
    if (keywords_ok && given >= min && given <= max) return true;
    interp_.Refuse(absl::StrCat("OrderedDict.", std::string(BuiltinName(builtin_)), "() with ", given,
                                " positional arguments and ", args_.keywords.size(),
                                " keywords"));
    return false;
  }

  void Notify() {
    if (heap_.observed()) heap_.Notify(MutateEvent{self_, std::string(BuiltinName(builtin_))});
  }

  Ref Mutated() {
    Notify();
    return None();
  }
};

}  // namespace

std::optional<Builtin> FindOrderedDictMethod(std::string_view name) {
  for (const OrderedDictMethod& method : kOrderedDictMethods) {
    if (method.name == name) return method.builtin;
  }
  return std::nullopt;
}

std::optional<std::string_view> OrderedDictMethodName(Builtin builtin) {
  if (builtin == Builtin::kDictGet) return std::nullopt;
  for (const OrderedDictMethod& method : kOrderedDictMethods) {
    if (method.builtin == builtin) return method.name;
  }
  return std::nullopt;
}

bool IsOrderedDictBuiltin(Builtin builtin) {
  return builtin == Builtin::kTypeOrderedDict || builtin == Builtin::kOrderedDictClear ||
         builtin == Builtin::kOrderedDictMoveToEnd || builtin == Builtin::kOrderedDictPopItem;
}

Ref ConstructOrderedDict(Interpreter& interp, CallArgs& args) {
  Heap& heap = interp.heap();
  // _PyObject_MakeTpCall packed the positional arguments (the caller made
  // that tuple); the keywords go in a dict.
  Ref kwargs;
  if (!args.keywords.empty()) {
    kwargs = NewDictPresized(heap, args.keywords.size());
    for (const auto& [name, value] : args.keywords) {
      Ref key = InternStr(heap, name);
      DictSetItem(heap, kwargs.get(), key.get(), value.get()).IgnoreError();
    }
  }
  Ref od = NewOrderedDict(heap);
  bool ok = true;
  if (args.positional.size() > 1) {
    interp.Raise(PyError(PyExc::kTypeError, absl::StrCat("expected at most 1 arguments, got ",
                                                         args.positional.size())));
    ok = false;
  } else if (args.positional.size() == 1) {
    Ref other = heap.NewRef(args.positional[0].get());
    ok = UpdateFromArgument(interp, od.get(), other.get());
  }
  if (ok && kwargs) {
    Ref items = DictItemsList(heap, kwargs.get());
    ok = AddPairs(interp, od.get(), items.get());
    items.Reset();
  }
  if (!ok) od.Reset();
  kwargs.Reset();
  return od;
}

Ref CallOrderedDictBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  if (builtin == Builtin::kTypeOrderedDict) return ConstructOrderedDict(interp, args);
  return OrderedDictCall(interp, builtin, self, args).Run();
}

void MakeOrderedDictReprTemporaries(Interpreter& interp, ObjectId od, std::vector<Ref>* made) {
  Heap& heap = interp.heap();
  const std::vector<ObjectId> keys = OrderedDictKeys(heap, od);
  if (keys.empty()) return;
  auto value_of = [&](ObjectId key) {
    absl::StatusOr<ObjectId> value = DictLookup(heap, od, key);
    return value.ok() ? *value : kNoObject;
  };
  if (heap.profile().ordereddict_repr_shows_dict) {
    // A dict of the items in the OrderedDict's order, shown as a dict.
    Ref dict = NewDict(heap);
    for (ObjectId key : keys) DictSetItem(heap, dict.get(), key, value_of(key)).IgnoreError();
    made->push_back(std::move(dict));
    return;
  }
  // PyList_New(len) filled with PyTuple_Pack(2, key, value) pairs.
  Ref pieces = NewList(heap, keys.size());
  for (ObjectId key : keys) {
    heap.list(pieces.get()).items.push_back(NewTupleOf(heap, {key, value_of(key)}).release());
  }
  made->push_back(std::move(pieces));
}

}  // namespace heapsim::script
