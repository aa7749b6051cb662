// Module collections: deque, over the engine's deque objects
// (deque_object.h): its constructor, methods, items, iteration, repr and
// equality, each making the temporaries CPython makes (the keyword dict of
// deque(..., maxlen=n), the list repr() copies the items into, the
// iterators extend and == use). The module's other names are refused by
// name (parser.cc, Interpreter::GetAttr).

#include <algorithm>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/budget.h"
#include "server/heap/deque_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/repr_state.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// Adds `item` at one end of `deque`, unless the block that needs would take
// the session past its memory limit: then MemoryError, as CPython's failed
// block allocation gives. False with the exception pending.
bool AddItem(Interpreter& interp, ObjectId deque, ObjectId item, bool left) {
  Heap& heap = interp.heap();
  if (DequeAppendAllocates(heap, deque, left)) {
    if (absl::Status room = CheckGrowth(heap, kDequeBlockBytes, kDequeBlockBytes); !room.ok()) {
      interp.Raise(room);
      return false;
    }
  }
  if (left) {
    DequeAppendLeft(heap, deque, item);
  } else {
    DequeAppend(heap, deque, item);
  }
  return true;
}

// extend(iterable) / extendleft(iterable) of `deque`, as deque_extend runs
// it: a deque extended by itself goes through a list copy; maxlen 0 only
// exhausts the iterator; an empty deque starts filling from its block's
// far end. False with the exception pending.
bool ExtendDeque(Interpreter& interp, ObjectId deque, ObjectId iterable, bool left) {
  Heap& heap = interp.heap();
  if (iterable == deque) {
    Ref copy = NewList(heap, 0);  // PySequence_List
    if (!interp.ExtendList(copy.get(), deque)) return false;
    return ExtendDeque(interp, deque, copy.get(), left);
  }
  if (heap.deque(deque).maxlen == 0) {
    return interp.ForEach(iterable, [](Ref) { return true; });
  }
  bool started = false;
  const bool ok = interp.ForEach(iterable, [&](Ref item) {
    if (!started) {
      DequeStartExtend(heap, deque, left);
      started = true;
    }
    return AddItem(interp, deque, item.get(), left);
  });
  if (ok && !started) DequeStartExtend(heap, deque, left);
  return ok;
}

// An item index of a deque: an int within 64 bits, else CPython's TypeError
// (or a refusal past 64 bits); then made non-negative and checked.
std::optional<int64_t> ItemIndex(Interpreter& interp, ObjectId deque, ObjectId key) {
  Heap& heap = interp.heap();
  if (!IsIntLike(heap, key)) {
    interp.Raise(PyError(PyExc::kTypeError, absl::StrCat("sequence index must be integer, not '",
                                                          TypeName(heap, key), "'")));
    return std::nullopt;
  }
  const std::optional<int64_t> value = IntAsInt64(heap, key);
  if (!value) {
    interp.Refuse("a deque index past 64 bits");
    return std::nullopt;
  }
  int64_t index = *value;
  const int64_t length = DequeLength(heap, deque);
  if (index < 0) index += length;
  if (index < 0 || index >= length) {
    interp.Raise(PyError(PyExc::kIndexError, "deque index out of range"));
    return std::nullopt;
  }
  return index;
}

// del d[index] (deque_del_item): rotate the item to the left end, pop it,
// rotate back, then drop it.
void DeleteItem(Heap& heap, ObjectId deque, int64_t index) {
  DequeRotate(heap, deque, -index);
  absl::StatusOr<Ref> item = DequePopLeft(heap, deque);
  DequeRotate(heap, deque, index);
  item->Reset();
}

class DequeCall : public BuiltinCall {
 public:
  DequeCall(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args)
      : BuiltinCall(interp, builtin, self, args) {}

  Ref Run() {
    if (builtin_ == Builtin::kTypeDeque) return Construct();
    switch (builtin_) {
      case Builtin::kDequeAppend:
      case Builtin::kDequeAppendLeft:
        if (!Takes(1)) return Ref();
        if (!AddItem(interp_, self_, Arg(0), builtin_ == Builtin::kDequeAppendLeft)) return Ref();
        return Mutated();
      case Builtin::kDequePop:
      case Builtin::kDequePopLeft: {
        if (!Takes(0)) return Ref();
        absl::StatusOr<Ref> item = builtin_ == Builtin::kDequePop ? DequePop(heap_, self_)
                                                                   : DequePopLeft(heap_, self_);
        if (!item.ok()) return Fail(item.status());
        Notify();
        return std::move(*item);
      }
      case Builtin::kDequeExtend:
      case Builtin::kDequeExtendLeft:
        if (!Takes(1)) return Ref();
        if (!ExtendDeque(interp_, self_, Arg(0), builtin_ == Builtin::kDequeExtendLeft)) {
          return Ref();
        }
        return Mutated();
      case Builtin::kDequeRotate:
        return Rotate();
      case Builtin::kDequeClear:
        if (!Takes(0)) return Ref();
        DequeClear(heap_, self_);
        return Mutated();
      case Builtin::kDequeCopy:
        if (!Takes(0)) return Ref();
        return Copy();
      case Builtin::kDequeReverse:
        if (!Takes(0)) return Ref();
        DequeReverse(heap_, self_);
        return Mutated();
      case Builtin::kDequeCount:
        return Count();
      case Builtin::kDequeIndex:
        return Index();
      case Builtin::kDequeRemove:
        return Remove();
      default:
        return Fail(absl::InternalError("not a deque method"));
    }
  }

 private:
  // The name a method's errors show: "append", or (3.9+) "deque.append".
  std::string MethodName() const {
    const std::string name(BuiltinName(builtin_));
    return heap_.profile().messages.qualified_call_names ? absl::StrCat("deque.", name) : name;
  }

  // True when exactly `n` (0 or 1) positional arguments and no keywords were
  // passed; else CPython's TypeError for METH_NOARGS and METH_O.
  bool Takes(size_t n) {
    if (!args_.keywords.empty()) {
      TypeError(absl::StrCat(MethodName(), "() takes no keyword arguments"));
      return false;
    }
    const size_t given = args_.positional.size();
    if (given == n) return true;
    TypeError(absl::StrCat(MethodName(), n == 0 ? "() takes no arguments (" : "() takes exactly one argument (",
                           given, " given)"));
    return false;
  }

  void Notify() {
    if (heap_.observed()) heap_.Notify(MutateEvent{self_, std::string(BuiltinName(builtin_))});
  }

  Ref Mutated() {
    Notify();
    return None();
  }

  // Arguments parsed by "|n:rotate" or "O|O&O&:index", which heapsim takes
  // only in their common forms: `max` positional arguments at most, no
  // keywords, the others ints within 64 bits.
  bool SimpleArguments(size_t min, size_t max) {
    if (!args_.keywords.empty() || args_.positional.size() > max || args_.positional.size() < min) {
      interp_.Refuse(absl::StrCat("deque.", std::string(BuiltinName(builtin_)), "() with ",
                                  args_.positional.size(), " arguments or keywords"));
      return false;
    }
    return true;
  }

  // deque(iterable=(), maxlen=None): deque_new (the object and its block),
  // then deque_init; the keyword dict lives for the call.
  Ref Construct() {
    for (const auto& [name, value] : args_.keywords) {
      if (name != "iterable" && name != "maxlen") {
        interp_.Refuse(absl::StrCat("deque() with keyword argument '", name, "'"));
        return Ref();
      }
    }
    const size_t given = args_.positional.size() + args_.keywords.size();
    if (given > 2) {
      return TypeError(absl::StrCat("deque() takes at most 2 arguments (", given, " given)"));
    }
    if ((args_.positional.size() >= 1 && Keyword("iterable") != kNoObject) ||
        (args_.positional.size() >= 2 && Keyword("maxlen") != kNoObject)) {
      interp_.Refuse("deque() given an argument both by position and by keyword");
      return Ref();
    }
    Ref keywords;
    if (!args_.keywords.empty()) {
      keywords = NewDictPresized(heap_, args_.keywords.size());
      for (const auto& [name, value] : args_.keywords) {
        Ref key = InternStr(heap_, name);
        if (!Check(DictSetItem(heap_, keywords.get(), key.get(), value.get()))) return Ref();
      }
    }
    Ref deque = NewDeque(heap_);
    const ObjectId maxlen = ArgOrKeyword(1, "maxlen");
    if (maxlen != kNoObject && maxlen != heap_.none()) {
      if (!IsIntLike(heap_, maxlen)) {
        interp_.Refuse(absl::StrCat("deque() with a maxlen of type '", TypeName(heap_, maxlen), "'"));
        return Ref();
      }
      const std::optional<int64_t> value = IntAsInt64(heap_, maxlen);
      if (!value) {
        return Fail(PyError(PyExc::kOverflowError, "Python int too large to convert to C ssize_t"));
      }
      if (*value < 0) return Fail(PyError(PyExc::kValueError, "maxlen must be non-negative"));
      heap_.deque(deque.get()).maxlen = *value;
    }
    const ObjectId iterable = ArgOrKeyword(0, "iterable");
    if (iterable != kNoObject && !ExtendDeque(interp_, deque.get(), iterable, false)) {
      return Ref();
    }
    return deque;
  }

  Ref Rotate() {
    if (!SimpleArguments(0, 1)) return Ref();
    int64_t steps = 1;
    if (!args_.positional.empty()) {
      const std::optional<int64_t> value = SsizeArg(Arg(0));
      if (!value) return Ref();
      steps = *value;
    }
    DequeRotate(heap_, self_, steps);
    return Mutated();
  }

  // copy(): a new deque with the same maxlen, given the one item by append
  // or the items by extend (through an iterator over this deque).
  Ref Copy() {
    Ref copy = NewDeque(heap_);
    heap_.deque(copy.get()).maxlen = heap_.deque(self_).maxlen;
    if (DequeLength(heap_, self_) == 1) {
      DequeAppend(heap_, copy.get(), heap_.deque(self_).items.front());
      return copy;
    }
    if (!ExtendDeque(interp_, copy.get(), self_, false)) return Ref();
    return copy;
  }

  // The items' equality to `value`, in order, until `stop` says so: the
  // index where it stopped, or the length; -1 with the error raised.
  int64_t Search(ObjectId value, bool count_all, int64_t* count) {
    const std::deque<ObjectId> items = heap_.deque(self_).items;
    for (size_t i = 0; i < items.size(); ++i) {
      if (!SpendWork(1)) {
        Fail(BudgetStatus());
        return -1;
      }
      absl::StatusOr<bool> equal = EqualChecked(heap_, items[i], value);
      if (!equal.ok()) {
        Fail(equal.status());
        return -1;
      }
      if (*equal && !count_all) return static_cast<int64_t>(i);
      if (*equal) ++*count;
    }
    return static_cast<int64_t>(items.size());
  }

  Ref Count() {
    if (!Takes(1)) return Ref();
    int64_t count = 0;
    if (Search(Arg(0), true, &count) < 0) return Ref();
    return Int(count);
  }

  // "%R is not in deque" for `value`.
  Ref NotInDeque(ObjectId value) {
    std::string text;
    if (!ReprText(interp_, value, false, 0, &text)) return Ref();
    return Fail(PyError(PyExc::kValueError, absl::StrCat(text, " is not in deque")));
  }

  Ref Index() {
    if (!SimpleArguments(1, 1)) return Ref();
    int64_t unused = 0;
    const int64_t found = Search(Arg(0), false, &unused);
    if (found < 0) return Ref();
    if (found == DequeLength(heap_, self_)) return NotInDeque(Arg(0));
    return Int(found);
  }

  Ref Remove() {
    if (!Takes(1)) return Ref();
    const ObjectId value = Arg(0);
    if (heap_.profile().deque.remove_rotates_each_step) {
      // Compare the leftmost item; on a miss rotate it to the right end.
      const int64_t length = DequeLength(heap_, self_);
      for (int64_t i = 0; i < length; ++i) {
        if (!SpendWork(1)) return Fail(BudgetStatus());
        absl::StatusOr<bool> equal = EqualChecked(heap_, heap_.deque(self_).items.front(), value);
        if (!equal.ok()) return Fail(equal.status());
        if (*equal) {
          absl::StatusOr<Ref> target = DequePopLeft(heap_, self_);
          DequeRotate(heap_, self_, i);
          target->Reset();
          return Mutated();
        }
        DequeRotate(heap_, self_, -1);
      }
      return Fail(PyError(PyExc::kValueError, "deque.remove(x): x not in deque"));
    }
    int64_t unused = 0;
    const int64_t found = Search(value, false, &unused);
    if (found < 0) return Ref();
    if (found == DequeLength(heap_, self_)) return NotInDeque(value);
    DeleteItem(heap_, self_, found);
    return Mutated();
  }
};

// Deques whose reprs nest deeper than this are refused, and so are those
// that come near CPython's recursion limit (two levels each: the deque's
// repr and its list's), whose RecursionError heapsim does not place.
constexpr size_t kMaxNestedDequeReprs = 100;
constexpr int kReprLevelsSpared = 8;

// The levels of CPython's recursion limit (the C one from 3.12) a repr
// started now has.
int ReprRoom(const Heap& heap) {
  const CRecursion& c = heap.profile().c_recursion;
  const auto used = static_cast<int>(c.counts_python_frames ? heap.frames().depth() : c.base);
  const auto limit = static_cast<int>(c.counts_python_frames ? heap.recursion_limit() : c.limit);
  return limit - used;
}

// The repr of `deque` into `out`; `active` holds the deques whose reprs are
// being made, innermost last (Py_ReprEnter). False with the exception (or
// refusal) pending.
bool ReprInto(Interpreter& interp, ObjectId deque, std::vector<ObjectId>& active,
              std::string* out) {
  Heap& heap = interp.heap();
  if (std::find(active.begin(), active.end(), deque) != active.end()) {
    *out = "[...]";
    return true;
  }
  if (active.size() >= kMaxNestedDequeReprs ||
      2 * static_cast<int>(active.size() + 1) + kReprLevelsSpared > ReprRoom(heap)) {
    interp.Refuse(absl::StrCat("the repr of deques nested ", active.size() + 1,
                               " deep (heapsim makes at most ", kMaxNestedDequeReprs,
                               ", none near CPython's recursion limit)"));
    return false;
  }
  active.push_back(deque);
  ScopedReprEnter entered(heap, deque);
  Ref copy = NewList(heap, 0);  // PySequence_List
  if (!interp.ExtendList(copy.get(), deque)) return false;
  // The list's repr (when it is not empty) enters the list in turn.
  std::optional<ScopedReprEnter> entered_copy;
  if (!ListItems(heap, copy.get()).empty()) entered_copy.emplace(heap, copy.get());
  std::string text = "deque([";
  const std::vector<ObjectId> items = ListItems(heap, copy.get());
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += ", ";
    std::string item;
    const bool ok = heap.type_of(items[i]) == TypeTag::kDeque
                        ? ReprInto(interp, items[i], active, &item)
                        : ReprText(interp, items[i], false, 1, &item);
    if (!ok) return false;
    text += item;
  }
  text += "]";
  const int64_t maxlen = heap.deque(deque).maxlen;
  if (maxlen >= 0) absl::StrAppend(&text, ", maxlen=", maxlen);
  *out = text + ")";
  active.pop_back();
  return true;
}

}  // namespace

Ref CallCollectionsBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return DequeCall(interp, builtin, self, args).Run();
}

Ref DequeRepr(Interpreter& interp, ObjectId deque) {
  std::vector<ObjectId> active;
  std::string text;
  if (!ReprInto(interp, deque, active, &text)) return Ref();
  return NewStrObject(interp.heap(), text);
}

Ref DequeGetItem(Interpreter& interp, ObjectId deque, ObjectId key) {
  const std::optional<int64_t> index = ItemIndex(interp, deque, key);
  if (!index) return Ref();
  Heap& heap = interp.heap();
  return heap.NewRef(heap.deque(deque).items[*index]);
}

bool DequeSetItemAt(Interpreter& interp, ObjectId deque, ObjectId key, ObjectId value) {
  const std::optional<int64_t> index = ItemIndex(interp, deque, key);
  if (!index) return false;
  if (value == kNoObject) {
    DeleteItem(interp.heap(), deque, *index);
  } else {
    DequeSetItem(interp.heap(), deque, *index, value);
  }
  return true;
}

absl::StatusOr<bool> DequesEqual(Interpreter& interp, ObjectId a, ObjectId b) {
  Heap& heap = interp.heap();
  if (a == b) return true;
  if (DequeLength(heap, a) != DequeLength(heap, b)) return false;
  // deque_richcompare walks both deques through iterators.
  Ref left = interp.GetIter(a);
  Ref right = interp.GetIter(b);
  const std::deque<ObjectId> x = heap.deque(a).items;
  const std::deque<ObjectId> y = heap.deque(b).items;
  absl::StatusOr<bool> equal = true;
  for (size_t i = 0; i < x.size() && equal.ok() && *equal; ++i) {
    equal = EqualChecked(heap, x[i], y[i]);
  }
  left.Reset();
  right.Reset();
  return equal;
}

}  // namespace heapsim::script
