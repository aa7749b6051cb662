// collections.Counter's operators, comparisons and repr, as the Python
// methods of Lib/collections/__init__.py compute them: each builds its
// result Counter item by item (the counts made by int arithmetic, stored
// only when positive), so the result's table grows as CPython's does.
// Counts must be ints; operands other than two Counters are refused (the
// fallbacks through dict's own | and NotImplemented are not followed).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/counter_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/int_object.h"
#include "server/heap/py_error.h"
#include "server/heap/value_ops.h"
#include "server/script/builtins.h"
#include "server/script/operators.h"

namespace heapsim::script {

namespace {

// At most how many GC objects an operator's Python code makes or frees
// beyond those heapsim models (its frame, the items views and iterators,
// a generator and all()'s iteration for the comparisons).
constexpr uint64_t kOperatorGcObjects = 32;

// `x` <op> `y` on two int counts. Null with the error pending.
Ref CountArithmeticOf(Interpreter& interp, BinaryOp op, ObjectId x, ObjectId y) {
  absl::StatusOr<Ref> result = Binary(interp.heap(), op, x, y, /*in_place=*/false);
  if (!result.ok()) {
    interp.Raise(result.status());
    return Ref();
  }
  return *std::move(result);
}

// `x` <op> `y` on two int counts; nullopt with the error pending.
std::optional<bool> CountTest(Interpreter& interp, CompareOp op, ObjectId x, ObjectId y) {
  absl::StatusOr<bool> result = Compare(interp.heap(), op, x, y);
  if (!result.ok()) {
    interp.Raise(result.status());
    return std::nullopt;
  }
  return *result;
}

// counter[key] through __missing__: the count, or the static 0 `zero`.
ObjectId CountIn(const Heap& heap, ObjectId counter, ObjectId key, ObjectId zero) {
  absl::StatusOr<ObjectId> found = DictLookup(heap, counter, key);
  return found.ok() && *found != kNoObject ? *found : zero;
}

bool HasCount(const Heap& heap, ObjectId counter, ObjectId key) {
  absl::StatusOr<ObjectId> found = DictLookup(heap, counter, key);
  return found.ok() && *found != kNoObject;
}

// result[key] = value.
void Put(Heap& heap, ObjectId result, ObjectId key, ObjectId value) {
  DictSetItem(heap, result, key, value).IgnoreError();
}

std::string OperatorName(BinaryOp op) {
  return std::string(BinaryOpSymbol(op));
}

// Counter.__add__, __sub__, __or__ and __and__ of two Counters with int
// counts: a new Counter, null with the error pending.
Ref Combine(Interpreter& interp, BinaryOp op, ObjectId self, ObjectId other) {
  Heap& heap = interp.heap();
  Ref zero = NewInt(heap, 0);
  Ref result = NewCounter(heap);
  for (const auto& [key, count] : DictItems(heap, self)) {
    Ref held_key = heap.NewRef(key);
    Ref held_count = heap.NewRef(count);
    const ObjectId other_count = CountIn(heap, other, key, zero.get());
    Ref made;
    ObjectId chosen = kNoObject;
    if (op == BinaryOp::kAdd || op == BinaryOp::kSub) {
      made = CountArithmeticOf(interp, op, count, other_count);
      if (!made) return Ref();
      chosen = made.get();
    } else {
      const std::optional<bool> less = CountTest(interp, CompareOp::kLt, count, other_count);
      if (!less) return Ref();
      // __or__ keeps the larger count, __and__ the smaller.
      chosen = (*less == (op == BinaryOp::kBitOr)) ? other_count : count;
    }
    const std::optional<bool> positive = CountTest(interp, CompareOp::kGt, chosen, zero.get());
    if (!positive) return Ref();
    if (*positive) Put(heap, result.get(), key, chosen);
  }
  if (op == BinaryOp::kBitAnd) return result;
  for (const auto& [key, count] : DictItems(heap, other)) {
    if (HasCount(heap, self, key)) continue;
    Ref held_key = heap.NewRef(key);
    Ref held_count = heap.NewRef(count);
    // __sub__ keeps the negated negative counts, the others the positive.
    const std::optional<bool> kept = CountTest(
        interp, op == BinaryOp::kSub ? CompareOp::kLt : CompareOp::kGt, count, zero.get());
    if (!kept) return Ref();
    if (!*kept) continue;
    if (op == BinaryOp::kSub) {
      Ref negated = CountArithmeticOf(interp, BinaryOp::kSub, zero.get(), count);
      if (!negated) return Ref();
      Put(heap, result.get(), key, negated.get());
    } else {
      Put(heap, result.get(), key, count);
    }
  }
  return result;
}

// Counter.__iadd__, __isub__, __ior__ and __iand__ of two Counters with int
// counts: self updated in place, then _keep_positive()'s list of the keys
// whose count is not positive, each deleted. Null with the error pending.
Ref CombineInPlace(Interpreter& interp, BinaryOp op, ObjectId self, ObjectId other) {
  Heap& heap = interp.heap();
  Ref zero = NewInt(heap, 0);
  const ObjectId walked = op == BinaryOp::kBitAnd ? self : other;
  for (const auto& [key, count] : DictItems(heap, walked)) {
    Ref held_key = heap.NewRef(key);
    Ref held_count = heap.NewRef(count);
    Ref current = heap.NewRef(CountIn(heap, self, key, zero.get()));
    if (op == BinaryOp::kAdd || op == BinaryOp::kSub) {
      Ref updated = CountArithmeticOf(interp, op, current.get(), count);
      if (!updated) return Ref();
      Put(heap, self, key, updated.get());
      continue;
    }
    if (op == BinaryOp::kBitOr) {
      // count = self[elem]; if other_count > count: self[elem] = other_count
      const std::optional<bool> larger = CountTest(interp, CompareOp::kGt, count, current.get());
      if (!larger) return Ref();
      if (*larger) Put(heap, self, key, count);
      continue;
    }
    // other_count = other[elem]; if other_count < count: self[elem] = other_count
    const ObjectId other_count = CountIn(heap, other, key, zero.get());
    const std::optional<bool> smaller = CountTest(interp, CompareOp::kLt, other_count, count);
    if (!smaller) return Ref();
    if (*smaller) Put(heap, self, key, other_count);
  }
  // _keep_positive(): the list comprehension, then a __delitem__ each.
  Ref nonpositive = NewList(heap, 0);
  for (const auto& [key, count] : DictItems(heap, self)) {
    const std::optional<bool> positive = CountTest(interp, CompareOp::kGt, count, zero.get());
    if (!positive) return Ref();
    if (!*positive) ListAppend(heap, nonpositive.get(), key);
  }
  for (ObjectId key : std::vector<ObjectId>(ListItems(heap, nonpositive.get()))) {
    if (!CounterDelItem(interp, self, key)) return Ref();
  }
  nonpositive.Reset();
  return heap.NewRef(self);
}

// all(a[e] <op> b[e] for c in (a, b) for e in c).
std::optional<bool> AllCounts(Interpreter& interp, CompareOp op, ObjectId a, ObjectId b) {
  Heap& heap = interp.heap();
  Ref zero = NewInt(heap, 0);
  for (ObjectId side : {a, b}) {
    for (const auto& [key, count] : DictItems(heap, side)) {
      const std::optional<bool> holds = CountTest(interp, op, CountIn(heap, a, key, zero.get()),
                                             CountIn(heap, b, key, zero.get()));
      if (!holds || !*holds) return holds;
    }
  }
  return true;
}

}  // namespace

Ref CounterBinary(Interpreter& interp, BinaryOp op, ObjectId a, ObjectId b, bool in_place) {
  Heap& heap = interp.heap();
  const bool modelled = op == BinaryOp::kAdd || op == BinaryOp::kSub ||
                        op == BinaryOp::kBitOr || op == BinaryOp::kBitAnd;
  if (!modelled || !IsCounter(heap, a) || !IsCounter(heap, b)) {
    interp.Refuse(absl::StrCat("the operator ", OperatorName(op), in_place ? "=" : "",
                               " with operands of types '", TypeName(heap, a), "' and '",
                               TypeName(heap, b),
                               "' (heapsim models +, -, | and & of two Counters)"));
    return Ref();
  }
  NoteCounterCode(interp, absl::StrCat("the Counter operator ", OperatorName(op)),
                  kOperatorGcObjects);
  const std::string what = absl::StrCat("operator ", OperatorName(op));
  if (!CountsAreInts(interp, a, what) || !CountsAreInts(interp, b, what)) return Ref();
  Ref result = in_place ? CombineInPlace(interp, op, a, b) : Combine(interp, op, a, b);
  if (result && in_place && heap.observed()) heap.Notify(MutateEvent{a, what});
  return result;
}

Ref CounterUnary(Interpreter& interp, std::optional<UnaryOp> op, ObjectId counter) {
  Heap& heap = interp.heap();
  if (op != UnaryOp::kNeg && op != UnaryOp::kPos) {
    interp.Refuse("a unary operator other than + and - on a Counter");
    return Ref();
  }
  NoteCounterCode(interp, "the Counter unary operator", kOperatorGcObjects);
  if (!CountsAreInts(interp, counter, "unary operator")) return Ref();
  // __pos__ keeps the positive counts, __neg__ negates the negative ones.
  Ref zero = NewInt(heap, 0);
  Ref result = NewCounter(heap);
  for (const auto& [key, count] : DictItems(heap, counter)) {
    const std::optional<bool> kept = CountTest(
        interp, op == UnaryOp::kPos ? CompareOp::kGt : CompareOp::kLt, count, zero.get());
    if (!kept) return Ref();
    if (!*kept) continue;
    if (op == UnaryOp::kPos) {
      Put(heap, result.get(), key, count);
      continue;
    }
    Ref negated = CountArithmeticOf(interp, BinaryOp::kSub, zero.get(), count);
    if (!negated) return Ref();
    Put(heap, result.get(), key, negated.get());
  }
  return result;
}

Ref CounterRichCompare(Interpreter& interp, CompareOp op, ObjectId a, ObjectId b) {
  Heap& heap = interp.heap();
  NoteCounterCode(interp, "a Counter comparison", kOperatorGcObjects);
  if (!CountsAreInts(interp, a, "comparison") || !CountsAreInts(interp, b, "comparison")) {
    return Ref();
  }
  std::optional<bool> result;
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNotEq:
      result = AllCounts(interp, CompareOp::kEq, a, b);
      if (result && op == CompareOp::kNotEq) result = !*result;
      break;
    case CompareOp::kLtE:
    case CompareOp::kGtE:
      result = AllCounts(interp, op, a, b);
      break;
    case CompareOp::kLt:
    case CompareOp::kGt:
      // self <= other and self != other (>= for >).
      result = AllCounts(interp, op == CompareOp::kLt ? CompareOp::kLtE : CompareOp::kGtE, a, b);
      if (result && *result) {
        result = AllCounts(interp, CompareOp::kEq, a, b);
        if (result) result = !*result;
      }
      break;
    default:
      interp.Refuse("that comparison of two Counters");
      return Ref();
  }
  if (!result) return Ref();
  return heap.NewRef(heap.bool_object(*result));
}

bool AppendCounterRepr(Interpreter& interp, ObjectId counter,
                       const std::function<bool(ObjectId, std::string*)>& show,
                       std::string* out) {
  Heap& heap = interp.heap();
  // most_common()'s tuples (and from 3.10 the dict made of them).
  NoteCounterCode(interp, "Counter.__repr__()", kOperatorGcObjects + 2 * heap.dict(counter).used);
  if (heap.dict(counter).used == 0) {
    *out += "Counter()";
    return true;
  }
  std::optional<std::vector<size_t>> order = CounterOrder(interp, counter);
  if (!order) return false;
  const std::vector<std::pair<ObjectId, ObjectId>> items = DictItems(heap, counter);
  std::vector<Ref> held;
  for (const auto& [key, count] : items) {
    held.push_back(heap.NewRef(key));
    held.push_back(heap.NewRef(count));
  }
  *out += "Counter({";
  for (size_t i = 0; i < order->size(); ++i) {
    const auto& [key, count] = items[(*order)[i]];
    if (i > 0) *out += ", ";
    if (!show(key, out)) return false;
    *out += ": ";
    if (!show(count, out)) return false;
  }
  *out += "})";
  return true;
}

}  // namespace heapsim::script
