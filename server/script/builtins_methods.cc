// The methods of the builtin types: list, dict, set and frozenset, str
// (join, replace and format; the others in builtins_str_*.cc), tuple and
// bytearray.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "server/heap/budget.h"
#include "server/heap/bytes_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/counter_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/set_object.h"
#include "server/heap/sizeof.h"
#include "server/heap/str_kind.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/parser_keywords.h"
#include "server/script/builtins.h"
#include "server/script/format.h"
#include "server/script/generator_function.h"
#include "server/script/special_methods.h"
#include "server/script/str_method_call.h"

namespace heapsim::script {

namespace {

class MethodCall : public BuiltinCall {
 public:
  using BuiltinCall::BuiltinCall;

  Ref Run();

 private:
  // pop([index]): the index, -1 when none is given; nullopt with the
  // exception pending on a bad argument.
  std::optional<int64_t> PopIndex() {
    if (!Arity(0, 1)) return std::nullopt;
    if (args_.positional.empty()) return -1;
    return SsizeArg(Arg(0));
  }
  Ref Mutated(std::string_view what) {
    if (heap_.observed()) heap_.Notify(MutateEvent{self_, what});
    return None();
  }
  // The text of `id`, a str. Otherwise raises "<expected>, not <type>"
  // and returns nullopt.
  std::optional<std::string> StrArg(ObjectId id, std::string_view expected) {
    if (heap_.type_of(id) != TypeTag::kStr) {
      TypeError(absl::StrCat(std::string(expected), ", not ", TypeName(heap_, id)));
      return std::nullopt;
    }
    return StrText(heap_, id);
  }

  Ref List();
  Ref Dict();
  Ref Set();
  Ref SetCombination(bool intersect);
  Ref SetMinus(ObjectId other, bool frozen);
  bool DiscardAll(ObjectId set, ObjectId other);
  Ref SetIsDisjoint();
  bool SetSymmetricDifferenceUpdate(ObjectId set, ObjectId other);
  Ref StrMethod();
  Ref Tuple();
  Ref ByteArray();
  Ref Sort();
  Ref Join();
  Ref FormatString();
  Ref IndexOf(const std::vector<ObjectId>& items, const char* type);
};

Ref MethodCall::IndexOf(const std::vector<ObjectId>& items, const char* type) {
  if (!Arity(1, 3)) return Ref();
  int64_t start = 0;
  auto stop = static_cast<int64_t>(items.size());
  if (args_.positional.size() > 1) {
    const std::optional<int64_t> s = SliceIndexArg(Arg(1));
    if (!s) return Ref();
    start = *s < 0 ? std::max<int64_t>(0, *s + stop) : *s;
  }
  if (args_.positional.size() > 2) {
    const std::optional<int64_t> e = SliceIndexArg(Arg(2));
    if (!e) return Ref();
    stop = *e < 0 ? std::max<int64_t>(0, *e + stop) : std::min(*e, stop);
  }
  if (SearchRunsSpecialCompare(heap_, self_, Arg(0))) {
    int64_t found = -1;
    if (!SpecialSearch(interp_, self_, Arg(0), start, stop, true, &found)) return Ref();
    if (found >= 0) return NewInt(heap_, found);
  } else {
    for (int64_t i = start; i < stop; ++i) {
      if (!SpendWork(1)) return Fail(BudgetStatus());
      absl::StatusOr<bool> equal = EqualChecked(heap_, items[i], Arg(0));
      if (!equal.ok()) return Fail(equal.status());
      if (*equal) return NewInt(heap_, i);
    }
  }
  if (std::string_view(type) == "list") {
    std::string shown;
    if (!ReprText(interp_, Arg(0), false, 0, &shown)) return Ref();
    return Fail(PyError(PyExc::kValueError, absl::StrCat(shown, " is not in list")));
  }
  return Fail(PyError(PyExc::kValueError, "tuple.index(x): x not in tuple"));
}

Ref MethodCall::Sort() {
  MakeParserKeywords(interp_, "list.sort", {"key", "reverse"}, heap_.profile().clinic_keywords,
                     !args_.keywords.empty());
  if (!Arity(0, 0)) return Ref();
  for (const auto& [name, value] : args_.keywords) {
    if (name != "key" && name != "reverse") {
      return Fail(PyError(PyExc::kTypeError,
                          absl::StrCat("'", name, "' is an invalid keyword argument for sort()")));
    }
  }
  const ObjectId reverse = Keyword("reverse");
  if (reverse != kNoObject && SpecialMethods(heap_, reverse) != 0) {
    interp_.Refuse("a 'reverse' argument whose class defines special methods");
    return Ref();
  }
  if (!SortListInPlace(interp_, self_, Keyword("key"),
                       reverse != kNoObject && Truth(heap_, reverse))) {
    return Ref();
  }
  return Mutated("sort");
}

Ref MethodCall::List() {
  switch (builtin_) {
    case Builtin::kListAppend:
      if (!Arity(1, 1)) return Ref();
      return ListAppendMethod(heap_, self_, Arg(0));
    case Builtin::kListExtend:
      if (!Arity(1, 1)) return Ref();
      if (!interp_.ExtendList(self_, Arg(0))) return Ref();
      return Mutated("extend");
    case Builtin::kListInsert: {
      if (!Arity(2, 2)) return Ref();
      const std::optional<int64_t> index = SsizeArg(Arg(0));
      if (!index) return Ref();
      ListInsert(heap_, self_, *index, Arg(1));
      return Mutated("insert");
    }
    case Builtin::kListRemove:
      if (!Arity(1, 1)) return Ref();
      if (SearchRunsSpecialCompare(heap_, self_, Arg(0))) {
        int64_t found = -1;
        const int64_t size = static_cast<int64_t>(ListItems(heap_, self_).size());
        if (!SpecialSearch(interp_, self_, Arg(0), 0, size, true, &found)) return Ref();
        if (found < 0) return Fail(PyError(PyExc::kValueError, "list.remove(x): x not in list"));
        ListAssignSlice(heap_, self_, static_cast<uint64_t>(found),
                        static_cast<uint64_t>(found) + 1, {});
        return Mutated("remove");
      }
      if (!Check(ListRemove(heap_, self_, Arg(0)))) return Ref();
      return Mutated("remove");
    case Builtin::kListPop: {
      const std::optional<int64_t> index = PopIndex();
      if (!index) return Ref();
      absl::StatusOr<Ref> item = ListPop(heap_, self_, *index);
      if (!item.ok()) return Fail(item.status());
      if (heap_.observed()) heap_.Notify(MutateEvent{self_, "pop"});
      return std::move(*item);
    }
    case Builtin::kListClear:
      if (!Arity(0, 0)) return Ref();
      ListClear(heap_, self_);
      return Mutated("clear");
    case Builtin::kListIndex:
      return IndexOf(ListItems(heap_, self_), "list");
    case Builtin::kListCount: {
      if (!Arity(1, 1)) return Ref();
      int64_t count = 0;
      if (SearchRunsSpecialCompare(heap_, self_, Arg(0))) {
        const int64_t size = static_cast<int64_t>(ListItems(heap_, self_).size());
        if (!SpecialSearch(interp_, self_, Arg(0), 0, size, false, &count)) return Ref();
        return NewInt(heap_, count);
      }
      for (ObjectId item : ListItems(heap_, self_)) {
        if (!SpendWork(1)) return Fail(BudgetStatus());
        absl::StatusOr<bool> equal = EqualChecked(heap_, item, Arg(0));
        if (!equal.ok()) return Fail(equal.status());
        count += *equal ? 1 : 0;
      }
      return NewInt(heap_, count);
    }
    case Builtin::kListSort:
      return Sort();
    case Builtin::kListReverse: {
      if (!Arity(0, 0)) return Ref();
      std::vector<ObjectId> items = ListItems(heap_, self_);
      std::reverse(items.begin(), items.end());
      ListReorder(heap_, self_, std::move(items));
      return Mutated("reverse");
    }
    case Builtin::kListCopy:
      if (!Arity(0, 0)) return Ref();
      return NewListOf(heap_, ListItems(heap_, self_));
    default:
      return Fail(absl::InternalError("not a list method"));
  }
}

Ref MethodCall::Dict() {
  switch (builtin_) {
    case Builtin::kDictGet: {
      if (!Arity(1, 2)) return Ref();
      absl::StatusOr<ObjectId> value = DictLookup(heap_, self_, Arg(0));
      if (!value.ok()) return Fail(value.status());
      if (*value != kNoObject) return heap_.NewRef(*value);
      return args_.positional.size() == 2 ? heap_.NewRef(Arg(1)) : None();
    }
    case Builtin::kDictSetDefault: {
      if (!Arity(1, 2)) return Ref();
      const ObjectId fallback = args_.positional.size() == 2 ? Arg(1) : heap_.none();
      absl::StatusOr<Ref> value = DictSetDefault(heap_, self_, Arg(0), fallback);
      if (!value.ok()) return Fail(value.status());
      if (heap_.observed()) heap_.Notify(MutateEvent{self_, "setdefault"});
      return std::move(*value);
    }
    case Builtin::kDictUpdate: {
      if (!Arity(0, 1)) return Ref();
      if (!args_.positional.empty() && !UpdateDictFrom(interp_, self_, Arg(0))) return Ref();
      for (const auto& [name, value] : args_.keywords) {
        Ref key = InternStr(heap_, name);
        if (!Check(DictSetItem(heap_, self_, key.get(), value.get()))) return Ref();
      }
      return Mutated("update");
    }
    case Builtin::kDictPop: {
      if (!Arity(1, 2)) return Ref();
      absl::StatusOr<Ref> value =
          DictPop(heap_, self_, Arg(0), args_.positional.size() == 2 ? Arg(1) : kNoObject);
      if (!value.ok()) return Fail(value.status());
      if (heap_.observed()) heap_.Notify(MutateEvent{self_, "pop"});
      return std::move(*value);
    }
    case Builtin::kDictPopItem: {
      if (!Arity(0, 0)) return Ref();
      absl::StatusOr<Ref> pair = DictPopItem(heap_, self_);
      if (!pair.ok()) return Fail(pair.status());
      if (heap_.observed()) heap_.Notify(MutateEvent{self_, "popitem"});
      return std::move(*pair);
    }
    case Builtin::kDictKeys:
      if (!Arity(0, 0)) return Ref();
      return NewDictView(heap_, ViewKind::kKeys, self_);
    case Builtin::kDictValues:
      if (!Arity(0, 0)) return Ref();
      return NewDictView(heap_, ViewKind::kValues, self_);
    case Builtin::kDictItems:
      if (!Arity(0, 0)) return Ref();
      return NewDictView(heap_, ViewKind::kItems, self_);
    case Builtin::kDictClear:
      if (!Arity(0, 0)) return Ref();
      DictClear(heap_, self_);
      return Mutated("clear");
    case Builtin::kDictCopy:
      if (!Arity(0, 0)) return Ref();
      if (IsDefaultDict(heap_, self_)) return CopyDefaultDict(interp_, self_);
      return DictCopy(heap_, self_);
    default:
      return Fail(absl::InternalError("not a dict method"));
  }
}

Ref MethodCall::Set() {
  const bool frozen = heap_.type_of(self_) == TypeTag::kFrozenSet;
  switch (builtin_) {
    case Builtin::kSetAdd:
      if (!Arity(1, 1)) return Ref();
      if (!Check(SetAdd(heap_, self_, Arg(0)))) return Ref();
      return Mutated("add");
    case Builtin::kSetUpdate:
      for (const Ref& arg : args_.positional) {
        if (!UpdateSetFrom(interp_, self_, arg.get())) return Ref();
      }
      return Mutated("update");
    case Builtin::kSetRemove:
      if (!Arity(1, 1)) return Ref();
      if (!Check(SetRemove(heap_, self_, Arg(0)))) return Ref();
      return Mutated("remove");
    case Builtin::kSetDiscard: {
      if (!Arity(1, 1)) return Ref();
      absl::StatusOr<bool> found = SetDiscard(heap_, self_, Arg(0));
      if (!found.ok()) return Fail(found.status());
      return Mutated("discard");
    }
    case Builtin::kSetPop: {
      if (!Arity(0, 0)) return Ref();
      absl::StatusOr<Ref> key = SetPop(heap_, self_);
      if (!key.ok()) return Fail(key.status());
      if (heap_.observed()) heap_.Notify(MutateEvent{self_, "pop"});
      return std::move(*key);
    }
    case Builtin::kSetClear:
      if (!Arity(0, 0)) return Ref();
      SetClear(heap_, self_);
      return Mutated("clear");
    case Builtin::kSetUnion: {
      Ref result = SetCopy(heap_, self_, frozen);
      for (const Ref& arg : args_.positional) {
        if (!UpdateSetFrom(interp_, result.get(), arg.get())) return Ref();
      }
      return result;
    }
    case Builtin::kSetIntersection:
    case Builtin::kSetDifference:
      return SetCombination(builtin_ == Builtin::kSetIntersection);
    case Builtin::kSetIntersectionUpdate: {
      Ref intersection = SetCombination(true);
      if (!intersection) return Ref();
      SetSwapBodies(heap_, self_, intersection.get());
      return Mutated("intersection_update");
    }
    case Builtin::kSetDifferenceUpdate:
      for (const Ref& arg : args_.positional) {
        if (!DiscardAll(self_, arg.get())) return Ref();
      }
      return Mutated("difference_update");
    case Builtin::kSetSymmetricDifferenceUpdate:
      if (!Arity(1, 1)) return Ref();
      if (!SetSymmetricDifferenceUpdate(self_, Arg(0))) return Ref();
      return Mutated("symmetric_difference_update");
    case Builtin::kSetSymmetricDifference: {
      if (!Arity(1, 1)) return Ref();
      // A new set of self's kind from the argument, updated with self.
      Ref result = NewSet(heap_, frozen);
      if (!UpdateSetFrom(interp_, result.get(), Arg(0))) return Ref();
      if (!Check(heapsim::SetSymmetricDifferenceUpdate(heap_, result.get(), self_))) return Ref();
      return result;
    }
    case Builtin::kSetIsDisjoint:
      if (!Arity(1, 1)) return Ref();
      return SetIsDisjoint();
    case Builtin::kSetIsSuperset: {
      if (!Arity(1, 1)) return Ref();
      Ref other = heap_.NewRef(Arg(0));
      const TypeTag type = heap_.type_of(other.get());
      if (type != TypeTag::kSet && type != TypeTag::kFrozenSet) {
        Ref converted = NewSet(heap_, false);
        if (!UpdateSetFrom(interp_, converted.get(), other.get())) return Ref();
        other = std::move(converted);
      }
      if (heap_.set(other.get()).used > heap_.set(self_).used) return Bool(false);
      for (ObjectId key : SetKeys(heap_, other.get())) {
        absl::StatusOr<bool> in = SetContains(heap_, self_, key);
        if (!in.ok()) return Fail(in.status());
        if (!*in) return Bool(false);
      }
      return Bool(true);
    }
    case Builtin::kSetCopy:
      if (!Arity(0, 0)) return Ref();
      if (frozen) return heap_.NewRef(self_);
      return SetCopy(heap_, self_, false);
    case Builtin::kSetIsSubset: {
      if (!Arity(1, 1)) return Ref();
      for (ObjectId key : SetKeys(heap_, self_)) {
        absl::StatusOr<bool> in = SetContains(heap_, Arg(0), key);
        if (!in.ok()) return Fail(in.status());
        if (!*in) return Bool(false);
      }
      return Bool(true);
    }
    default:
      return Fail(absl::InternalError("not a set method"));
  }
}

// s.intersection(*others) / s.difference(*others), as CPython computes them.
// No argument: a copy of s. Intersection combines s with each argument in
// turn: a set argument through the smaller of the two tables, any other
// iterable item by item into a new set (no temporary set of the argument).
// Difference starts from s minus the first argument, then discards the
// items of each further one.
Ref MethodCall::SetCombination(bool intersect) {
  const bool frozen = heap_.type_of(self_) == TypeTag::kFrozenSet;
  if (args_.positional.empty()) return SetCopy(heap_, self_, frozen);
  if (!intersect) {
    Ref result = SetMinus(Arg(0), frozen);
    for (size_t i = 1; result && i < args_.positional.size(); ++i) {
      if (!DiscardAll(result.get(), Arg(i))) return Ref();
    }
    return result;
  }
  Ref result = heap_.NewRef(self_);
  for (const Ref& arg : args_.positional) {
    const TypeTag type = heap_.type_of(arg.get());
    if (type == TypeTag::kSet || type == TypeTag::kFrozenSet) {
      absl::StatusOr<Ref> next = SetIntersection(heap_, result.get(), arg.get());
      if (!next.ok()) return Fail(next.status());
      result = std::move(*next);
      continue;
    }
    Ref next = NewSet(heap_, frozen);
    const bool iterated = interp_.ForEach(arg.get(), [&](Ref item) {
      absl::StatusOr<bool> in = SetContains(heap_, result.get(), item.get());
      if (!in.ok()) return Check(in.status());
      return !*in || Check(SetAdd(heap_, next.get(), item.get()));
    });
    if (!iterated) return Ref();
    result = std::move(next);
  }
  return result;
}

// set_difference: a new set of self's kind holding self's keys not in
// `other`. Built key by key when `other` is a set or dict at least a quarter
// of self's size; else self is copied and other's items discarded from it.
Ref MethodCall::SetMinus(ObjectId other, bool frozen) {
  const TypeTag type = heap_.type_of(other);
  const uint32_t used = heap_.set(self_).used;
  if ((type == TypeTag::kSet || type == TypeTag::kFrozenSet) &&
      (used >> 2) <= heap_.set(other).used) {
    absl::StatusOr<Ref> result = SetDifference(heap_, self_, other);
    if (!result.ok()) return Fail(result.status());
    return std::move(*result);
  }
  if (type == TypeTag::kDict && !IsDefaultDict(heap_, other) &&
      (used >> 2) <= heap_.dict(other).used) {
    Ref result = NewSet(heap_, frozen);
    for (ObjectId key : SetKeys(heap_, self_)) {
      absl::StatusOr<ObjectId> found = DictLookup(heap_, other, key);
      if (!found.ok()) return Fail(found.status());
      if (*found == kNoObject && !Check(SetAdd(heap_, result.get(), key))) return Ref();
    }
    return result;
  }
  Ref result = SetCopy(heap_, self_, frozen);
  if (!DiscardAll(result.get(), other)) return Ref();
  return result;
}

// set_difference_update_internal: discards other's items from `set` (a set
// argument through SetDifferenceUpdate), then resizes away a table more than
// a quarter dummies.
bool MethodCall::DiscardAll(ObjectId set, ObjectId other) {
  const TypeTag type = heap_.type_of(other);
  if (type == TypeTag::kSet || type == TypeTag::kFrozenSet) {
    return Check(SetDifferenceUpdate(heap_, set, other));
  }
  const bool iterated = interp_.ForEach(other, [&](Ref item) {
    absl::StatusOr<bool> found = SetDiscard(heap_, set, item.get());
    return Check(found.status());
  });
  if (!iterated) return false;
  SetPurgeDummies(heap_, set);
  return true;
}

// s.isdisjoint(other): for a set, the smaller one's keys are looked up in
// the larger; other iterables are iterated until a common item turns up.
Ref MethodCall::SetIsDisjoint() {
  const ObjectId other = Arg(0);
  if (other == self_) return Bool(heap_.set(self_).used == 0);
  const TypeTag type = heap_.type_of(other);
  if (type == TypeTag::kSet || type == TypeTag::kFrozenSet) {
    ObjectId big = self_;
    ObjectId small = other;
    if (heap_.set(other).used > heap_.set(self_).used) std::swap(big, small);
    for (ObjectId key : SetKeys(heap_, small)) {
      absl::StatusOr<bool> in = SetContains(heap_, big, key);
      if (!in.ok()) return Fail(in.status());
      if (*in) return Bool(false);
    }
    return Bool(true);
  }
  bool common = false;
  const bool iterated = interp_.ForEach(other, [&](Ref item) {
    absl::StatusOr<bool> in = SetContains(heap_, self_, item.get());
    if (!in.ok()) return Check(in.status());
    common = *in;
    return !common;
  });
  if (common) return Bool(false);
  if (!iterated) return Ref();
  return Bool(true);
}

// s.symmetric_difference_update(other); false with the exception pending.
// A dict's keys or a set's are toggled directly; other iterables become a
// set first.
bool MethodCall::SetSymmetricDifferenceUpdate(ObjectId set, ObjectId other) {
  if (set == other) {
    SetClear(heap_, set);
    return true;
  }
  const TypeTag type = heap_.type_of(other);
  if (type == TypeTag::kDict && !IsDefaultDict(heap_, other)) {
    return Check(SetSymmetricDifferenceUpdateFromDict(heap_, set, other));
  }
  Ref other_set = heap_.NewRef(other);
  if (type != TypeTag::kSet && type != TypeTag::kFrozenSet) {
    other_set = NewSet(heap_, false);
    if (!UpdateSetFrom(interp_, other_set.get(), other)) return false;
  }
  return Check(heapsim::SetSymmetricDifferenceUpdate(heap_, set, other_set.get()));
}

Ref MethodCall::Join() {
  if (!Arity(1, 1)) return Ref();
  std::vector<Ref> items;
  const TypeTag type = heap_.type_of(Arg(0));
  Ref sequence;
  if (type != TypeTag::kList && type != TypeTag::kTuple) {
    // PySequence_Fast makes a list of other iterables first, from their
    // iterator.
    Ref iterator = interp_.GetIter(Arg(0));
    if (!iterator) return Ref();
    sequence = NewList(heap_, 0);
    if (!interp_.ExtendList(sequence.get(), iterator.get())) return Ref();
  }
  if (!interp_.Collect(sequence ? sequence.get() : Arg(0), &items)) return Ref();
  const std::string& separator = StrText(heap_, self_);
  if (items.size() == 1 && heap_.type_of(items[0].get()) == TypeTag::kStr) {
    return heap_.NewRef(items[0].get());
  }
  uint64_t total = items.empty() ? 0 : separator.size() * (items.size() - 1);
  for (size_t i = 0; i < items.size(); ++i) {
    if (heap_.type_of(items[i].get()) != TypeTag::kStr) {
      return Fail(PyError(PyExc::kTypeError,
                          absl::StrCat("sequence item ", i, ": expected str instance, ",
                                       TypeName(heap_, items[i].get()), " found")));
    }
    total += StrText(heap_, items[i].get()).size();
  }
  if (!Check(CheckGrowth(heap_, total, total))) return Ref();
  std::string text;
  text.reserve(total);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += separator;
    text += StrText(heap_, items[i].get());
    if (!SpendWork(1)) return Fail(BudgetStatus());
  }
  return NewStrObject(heap_, text);  // a new str, even of one character
}

Ref MethodCall::FormatString() {
  const std::string& format = StrText(heap_, self_);
  std::string out;
  size_t auto_index = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    if (c == '{' && i + 1 < format.size() && format[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    if (c == '}' && i + 1 < format.size() && format[i + 1] == '}') {
      out += '}';
      ++i;
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    const size_t close = format.find('}', i);
    if (close == std::string::npos) {
      return Fail(PyError(PyExc::kValueError, "Single '{' encountered in format string"));
    }
    std::string field = format.substr(i + 1, close - i - 1);
    i = close;
    std::string spec;
    char conversion = 0;
    if (const size_t colon = field.find(':'); colon != std::string::npos) {
      spec = field.substr(colon + 1);
      field.resize(colon);
    }
    if (const size_t bang = field.find('!'); bang != std::string::npos) {
      conversion = bang + 1 < field.size() ? field[bang + 1] : 0;
      field.resize(bang);
    }
    ObjectId value = kNoObject;
    if (field.empty()) {
      if (auto_index >= args_.positional.size()) {
        return Fail(PyError(PyExc::kIndexError,
                            absl::StrCat("Replacement index ", auto_index,
                                         " out of range for positional args tuple")));
      }
      value = Arg(auto_index++);
    } else if (absl::ascii_isdigit(field[0])) {
      const size_t index = std::stoul(field);
      if (index >= args_.positional.size()) {
        return Fail(PyError(PyExc::kIndexError,
                            absl::StrCat("Replacement index ", index,
                                         " out of range for positional args tuple")));
      }
      value = Arg(index);
    } else {
      value = Keyword(field);
      if (value == kNoObject) return Fail(PyError(PyExc::kKeyError, StrRepr(field)));
    }
    if (IsCounter(heap_, value)) {
      // Counter.__repr__ is Python code, which the interpreter runs: format()
      // through object.__format__, or the conversion, then its spec.
      Ref text = conversion == 0 ? SpecialFormat(interp_, value, spec)
                                 : SpecialConversion(interp_, value, conversion);
      if (!text) return Ref();
      absl::StatusOr<std::string> formatted =
          conversion == 0 ? std::string(StrText(heap_, text.get()))
                          : FormatValue(heap_, text.get(), spec);
      if (!formatted.ok()) return Fail(formatted.status());
      out += *formatted;
      continue;
    }
    absl::StatusOr<Ref> converted = ApplyConversion(heap_, heap_.NewRef(value), conversion);
    if (!converted.ok()) return Fail(converted.status());
    Ref shown = *std::move(converted);
    // str.format formats a str, int, float or complex itself; anything else
    // through its __format__.
    const TypeTag shown_type = heap_.type_of(shown.get());
    if (shown_type != TypeTag::kStr && shown_type != TypeTag::kInt &&
        shown_type != TypeTag::kFloat && shown_type != TypeTag::kComplex) {
      heap_.BindTransientMethod();
    }
    absl::StatusOr<std::string> text = FormatValue(heap_, shown.get(), spec);
    if (!text.ok()) return Fail(text.status());
    out += *text;
  }
  // CPython builds the result in a _PyUnicodeWriter (at least the format's
  // length plus 100 characters) beside each field's blocks: not modelled.
  heap_.tracemalloc().NoteUnknownPeak("str.format() (its writer's buffer)");
  return NewStr(heap_, out);
}

Ref MethodCall::StrMethod() {
  const std::string& text = StrText(heap_, self_);
  switch (builtin_) {
    case Builtin::kStrJoin:
      return Join();
    case Builtin::kStrReplace: {
      if (!Arity(2, 3)) return Ref();
      const std::optional<std::string> from = StrArg(Arg(0), "replace() argument 1 must be str");
      if (!from) return Ref();
      const std::optional<std::string> to = StrArg(Arg(1), "replace() argument 2 must be str");
      if (!to) return Ref();
      int64_t count = -1;
      if (args_.positional.size() == 3) {
        const std::optional<int64_t> c = SsizeArg(Arg(2));
        if (!c) return Ref();
        count = *c;
      }
      uint64_t code_points = 0;
      if (from->empty()) {
        for (char c : text) code_points += (static_cast<uint8_t>(c) & 0xc0) != 0x80 ? 1 : 0;
      }
      const Replacement plan = PlanReplace(text, *from, *to, count, code_points);
      if (plan.matches > 0 && !Check(CheckGrowth(heap_, plan.size, plan.size))) return Ref();
      std::string out;
      size_t start = 0;
      int64_t done = 0;
      bool changed = false;
      while (count < 0 || done < count) {
        const size_t at = from->empty() ? (start <= text.size() ? start : std::string::npos)
                                        : text.find(*from, start);
        if (at == std::string::npos) break;
        out += text.substr(start, at - start);
        out += *to;
        changed = true;
        ++done;
        if (from->empty()) {
          // Between code points: copy the whole UTF-8 sequence at `at`.
          size_t next = at + 1;
          while (next < text.size() && (static_cast<uint8_t>(text[next]) & 0xc0) == 0x80) ++next;
          if (at < text.size()) out += text.substr(at, next - at);
          start = next;
          if (start > text.size()) break;
        } else {
          start = at + from->size();
        }
      }
      if (!changed) return heap_.NewRef(self_);
      if (start <= text.size()) out += text.substr(start);
      return NewStrObject(heap_, out);  // a new str, even of one character
    }
    case Builtin::kStrFormat:
      return FormatString();
    default:
      return CallStrMethod(interp_, builtin_, self_, args_);
  }
}

Ref MethodCall::Tuple() {
  if (builtin_ == Builtin::kTupleIndex) return IndexOf(TupleItems(heap_, self_), "tuple");
  if (!Arity(1, 1)) return Ref();
  int64_t count = 0;
  if (SearchRunsSpecialCompare(heap_, self_, Arg(0))) {
    const int64_t size = static_cast<int64_t>(TupleItems(heap_, self_).size());
    if (!SpecialSearch(interp_, self_, Arg(0), 0, size, false, &count)) return Ref();
    return NewInt(heap_, count);
  }
  for (ObjectId item : TupleItems(heap_, self_)) {
    if (!SpendWork(1)) return Fail(BudgetStatus());
    absl::StatusOr<bool> equal = EqualChecked(heap_, item, Arg(0));
    if (!equal.ok()) return Fail(equal.status());
    count += *equal ? 1 : 0;
  }
  return NewInt(heap_, count);
}

Ref MethodCall::ByteArray() {
  switch (builtin_) {
    case Builtin::kByteArrayAppend: {
      if (!Arity(1, 1)) return Ref();
      const std::optional<int64_t> byte = IndexArg(Arg(0));
      if (!byte) return Ref();
      if (*byte < 0 || *byte > 255) {
        return Fail(PyError(PyExc::kValueError, "byte must be in range(0, 256)"));
      }
      if (!Check(ByteArrayCanResize(heap_, self_))) return Ref();
      ByteArrayAppend(heap_, self_, static_cast<uint8_t>(*byte));
      return Mutated("append");
    }
    case Builtin::kByteArrayExtend: {
      if (!Arity(1, 1)) return Ref();
      const TypeTag type = heap_.type_of(Arg(0));
      std::string data;
      // Any buffer (an array's raw items too) is appended at once.
      if (type == TypeTag::kBytes || type == TypeTag::kByteArray || type == TypeTag::kArray) {
        data = BytesData(heap_, Arg(0));
      } else {
        const bool ok = interp_.ForEach(Arg(0), [&](Ref item) {
          const std::optional<int64_t> v =
              IsIntLike(heap_, item.get()) ? IntAsInt64(heap_, item.get()) : std::nullopt;
          if (!v || *v < 0 || *v > 255) {
            interp_.Raise(PyError(PyExc::kValueError, "byte must be in range(0, 256)"));
            return false;
          }
          data += static_cast<char>(*v);
          return true;
        });
        if (!ok) return Ref();
      }
      if (!data.empty() && !Check(ByteArrayCanResize(heap_, self_))) return Ref();
      ByteArrayExtend(heap_, self_, data);
      return Mutated("extend");
    }
    case Builtin::kByteArrayPop: {
      const std::optional<int64_t> index = PopIndex();
      if (!index) return Ref();
      absl::StatusOr<uint8_t> byte = ByteArrayPop(heap_, self_, *index);
      if (!byte.ok()) return Fail(byte.status());
      if (heap_.observed()) heap_.Notify(MutateEvent{self_, "pop"});
      return NewInt(heap_, *byte);
    }
    default:
      return Fail(absl::InternalError("not a bytearray method"));
  }
}

Ref MethodCall::Run() {
  if (!KeywordsAllowed()) return Ref();
  if (builtin_ == Builtin::kObjectSizeOf) {
    if (!Arity(0, 0)) return Ref();
    return Int(static_cast<int64_t>(SizeOfMethod(heap_, self_)));
  }
  switch (heap_.type_of(self_)) {
    case TypeTag::kList:
      return List();
    case TypeTag::kDict:
      return Dict();
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
      return Set();
    case TypeTag::kStr:
      return StrMethod();
    case TypeTag::kTuple:
      return Tuple();
    case TypeTag::kByteArray:
      return ByteArray();
    case TypeTag::kArray:
      return CallArrayBuiltin(interp_, builtin_, self_, args_);
    case TypeTag::kMemoryView:
      return CallMemoryViewBuiltin(interp_, builtin_, self_, args_);
    case TypeTag::kInt:
    case TypeTag::kBool:
    case TypeTag::kFloat:
      return CallNumberMethod(interp_, builtin_, self_, args_);
    case TypeTag::kGenerator:
      if (!Arity(1, 1)) return Ref();
      return GeneratorFunctions::Send(interp_, self_, Arg(0));
    default:
      return Fail(absl::InternalError("no methods for this type"));
  }
}

}  // namespace

Ref CallMethodBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return MethodCall(interp, builtin, self, args).Run();
}

Ref ListAppendMethod(Heap& heap, ObjectId list, ObjectId item) {
  ListAppend(heap, list, item);
  if (heap.observed()) heap.Notify(MutateEvent{list, "append"});
  return heap.NewRef(heap.none());
}

}  // namespace heapsim::script
