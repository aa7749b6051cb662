// The itertools module: the advancing of each kind of itertools object (its
// tp_iternext), which runs user __next__ methods and functions through the
// interpreter. The constructors are module_itertools.cc's; the objects
// server/heap/itertools_object.h's.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/itertools_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// Advances one itertools object (its tp_iternext).
class ItertoolsNext {
 public:
  ItertoolsNext(Interpreter& interp, ObjectId self)
      : interp_(interp), heap_(interp.heap()), self_(self) {}

  Ref Run() {
    switch (static_cast<IterKind>(heap_.object(self_).subtype)) {
      case IterKind::kItertoolsCount:
        return Count();
      case IterKind::kItertoolsCycle:
        return Cycle();
      case IterKind::kItertoolsRepeat:
        return Repeat();
      case IterKind::kItertoolsIslice:
        return Islice();
      case IterKind::kItertoolsChain:
        return Chain();
      case IterKind::kItertoolsStarmap:
        return Starmap();
      case IterKind::kItertoolsTakewhile:
        return Takewhile();
      case IterKind::kItertoolsDropwhile:
        return Dropwhile();
      case IterKind::kItertoolsFilterfalse:
        return Filterfalse();
      case IterKind::kItertoolsCompress:
        return Compress();
      case IterKind::kItertoolsAccumulate:
        return Accumulate();
      case IterKind::kItertoolsProduct:
        return Product();
      case IterKind::kItertoolsCombinations:
        return Combinations();
      case IterKind::kItertoolsCombinationsWithReplacement:
        return CombinationsWithReplacement();
      case IterKind::kItertoolsPermutations:
        return Permutations();
      case IterKind::kItertoolsPairwise:
        return Pairwise();
      case IterKind::kItertoolsZipLongest:
        return ZipLongest();
      default:
        return Ref();
    }
  }

 private:
  IteratorBody& Body() { return heap_.iterator(self_); }
  // The field at `index` (re-read: calls may have changed the body).
  ObjectId Held(size_t index) { return Body().held[index]; }
  // Replaces the field at `index` with `value` (owned), dropping the old.
  void SetHeld(size_t index, ObjectId value) {
    const ObjectId old = std::exchange(Body().held[index], value);
    if (old != kNoObject) heap_.DecRef(old);
  }

  // f(item) through vectorcall, as PyObject_CallOneArg.
  Ref CallWith(ObjectId function, std::initializer_list<ObjectId> items) {
    CallArgs call;
    for (ObjectId item : items) call.positional.push_back(heap_.NewRef(item));
    return interp_.Call(function, std::move(call));
  }

  // The truth of `function(item)` (of `item` itself for None and bool), or
  // -1 with the error pending.
  int Verdict(ObjectId function, ObjectId item, bool none_tests_item) {
    if (none_tests_item &&
        (heap_.type_of(function) == TypeTag::kNone ||
         function == interp_.session().builtin_objects[static_cast<size_t>(Builtin::kTypeBool)])) {
      return TruthOf(interp_, item);
    }
    Ref verdict = CallWith(function, {item});
    if (!verdict) return -1;
    return TruthOf(interp_, verdict.get());
  }

  Ref Count() {
    if (Body().index != INT64_MAX) return NewInt(heap_, Body().index++);
    // count_nextlong: the count as an object, stepped by PyNumber_Add.
    if (Held(0) == kNoObject) Body().held[0] = NewInt(heap_, INT64_MAX).release();
    Ref stepped = BinaryOf(interp_, BinaryOp::kAdd, Held(0), Held(1), false);
    if (!stepped) return Ref();
    return heap_.Adopt(std::exchange(Body().held[0], stepped.release()));
  }

  Ref Cycle() {
    if (Held(0) != kNoObject) {
      Ref item = interp_.Next(Held(0));
      if (item) {
        ListAppend(heap_, Held(1), item.get());
        return item;
      }
      if (interp_.has_error()) return Ref();
      SetHeld(0, kNoObject);
    }
    const std::vector<ObjectId>& saved = heap_.list(Held(1)).items;
    if (saved.empty()) return Ref();
    const ObjectId item = saved[Body().index];
    if (++Body().index >= static_cast<int64_t>(saved.size())) Body().index = 0;
    return heap_.NewRef(item);
  }

  Ref Repeat() {
    if (Body().index == 0) return Ref();
    if (Body().index > 0) --Body().index;
    return heap_.NewRef(Held(0));
  }

  Ref Islice() {
    if (Held(0) == kNoObject) return Ref();
    const ObjectId it = Held(0);
    Ref keep = heap_.NewRef(it);
    const int64_t stop = Body().end;
    while (Body().position < Body().index) {
      Ref skipped = interp_.Next(it);
      if (!skipped) return Empty();
      ++Body().position;
    }
    if (stop != -1 && Body().position >= stop) return Empty();
    Ref item = interp_.Next(it);
    if (!item) return Empty();
    ++Body().position;
    const int64_t old_next = Body().index;
    int64_t next = 0;
    if (__builtin_add_overflow(old_next, Body().step, &next) || (stop != -1 && next > stop)) {
      next = stop;
    }
    Body().index = next;
    return item;
  }

  // islice's "empty" exit: the iterator is let go.
  Ref Empty() {
    SetHeld(0, kNoObject);
    return Ref();
  }

  Ref Chain() {
    while (Held(0) != kNoObject) {
      if (Held(1) == kNoObject) {
        Ref iterable = interp_.Next(Held(0));
        if (!iterable) {
          SetHeld(0, kNoObject);
          return Ref();
        }
        Ref active = interp_.GetIter(iterable.get());
        iterable.Reset();
        if (!active) {
          SetHeld(0, kNoObject);
          return Ref();
        }
        Body().held[1] = active.release();
      }
      Ref item = interp_.Next(Held(1));
      if (item) return item;
      if (interp_.has_error()) return Ref();
      SetHeld(1, kNoObject);
    }
    return Ref();
  }

  Ref Starmap() {
    Ref args = interp_.Next(Held(0));
    if (!args) return Ref();
    const TypeTag type = heap_.type_of(args.get());
    if (type == TypeTag::kList) {
      args = NewTupleOf(heap_, ListItems(heap_, args.get()));  // PySequence_Tuple
    } else if (!IsExactTuple(heap_, args.get())) {
      if (!interp_.Iterable(args.get())) {
        interp_.Raise(PyError(PyExc::kTypeError, absl::StrCat("'", TypeName(heap_, args.get()),
                                                              "' object is not iterable")));
        return Ref();
      }
      interp_.Refuse("itertools.starmap over items that are neither tuples nor lists");
      return Ref();
    }
    // PyObject_Call with the tuple: the callee's arguments come from it.
    CallArgs call;
    for (ObjectId item : TupleItems(heap_, args.get())) call.positional.push_back(heap_.NewRef(item));
    call.from_sequence = true;
    return interp_.Call(Held(1), std::move(call));
  }

  Ref Takewhile() {
    if (Body().index != 0) return Ref();
    Ref item = interp_.Next(Held(0));
    if (!item) return Ref();
    const int truth = Verdict(Held(1), item.get(), false);
    if (truth > 0) return item;
    item.Reset();
    if (truth == 0) Body().index = 1;
    return Ref();
  }

  Ref Dropwhile() {
    while (true) {
      Ref item = interp_.Next(Held(0));
      if (!item) return Ref();
      if (Body().index == 1) return item;
      const int truth = Verdict(Held(1), item.get(), false);
      if (truth < 0) return Ref();
      if (truth == 0) {
        Body().index = 1;
        return item;
      }
    }
  }

  Ref Filterfalse() {
    while (true) {
      Ref item = interp_.Next(Held(0));
      if (!item) return Ref();
      const int truth = Verdict(Held(1), item.get(), true);
      if (truth == 0) return item;
      if (truth < 0) return Ref();
    }
  }

  Ref Compress() {
    while (true) {
      Ref datum = interp_.Next(Held(0));
      if (!datum) return Ref();
      Ref selector = interp_.Next(Held(1));
      if (!selector) return Ref();
      const int truth = TruthOf(interp_, selector.get());
      selector.Reset();
      if (truth > 0) return datum;
      if (truth < 0) return Ref();
    }
  }

  Ref Accumulate() {
    if (heap_.type_of(Held(3)) != TypeTag::kNone) {
      // The initial value becomes the total; initial becomes None.
      const ObjectId initial = std::exchange(Body().held[3], heap_.NewRef(heap_.none()).release());
      SetHeld(2, initial);
      return heap_.NewRef(initial);
    }
    Ref value = interp_.Next(Held(1));
    if (!value) return Ref();
    if (Held(2) == kNoObject) {
      Body().held[2] = heap_.NewRef(value.get()).release();
      return value;
    }
    Ref total = Held(0) == kNoObject
                    ? BinaryOf(interp_, BinaryOp::kAdd, Held(2), value.get(), false)
                    : CallWith(Held(0), {Held(2), value.get()});
    value.Reset();
    if (!total) return Ref();
    SetHeld(2, heap_.NewRef(total.get()).release());
    return total;
  }

  // The result tuple in field `slot`, ready to be updated in place: the
  // held one when nobody else holds it (tracked again if a collection
  // untracked it), else a copy of it that replaces it.
  ObjectId ReusableResult(size_t slot) {
    const ObjectId result = Held(slot);
    if (heap_.object(result).refcount > 1) {
      Ref copy = NewTupleOf(heap_, TupleItems(heap_, result));
      SetHeld(slot, copy.release());
    } else if (!heap_.IsTracked(result)) {
      heap_.Track(result);
    }
    return Held(slot);
  }

  // Replaces item `i` of the result tuple with `item` (a new reference).
  void SetResultItem(ObjectId result, size_t i, ObjectId item) {
    heap_.IncRef(item);
    heap_.DecRef(std::exchange(heap_.tuple(result).items[i], item));
  }

  // A new result tuple of `items` (PyTuple_New, filled): the empty tuple
  // for none.
  Ref FirstResult(const std::vector<ObjectId>& items, size_t size) {
    if (size == 0) return heap_.NewRef(heap_.empty_tuple());
    std::vector<ObjectId> slots(size, heap_.none());
    for (size_t i = 0; i < size; ++i) slots[i] = i < items.size() ? items[i] : heap_.none();
    return NewTupleOf(heap_, slots);
  }

  Ref Stopped() {
    Body().end = 1;
    return Ref();
  }

  Ref Product() {
    if (Body().end != 0) return Ref();
    const std::vector<ObjectId> pools = TupleItems(heap_, Held(0));
    const size_t npools = pools.size();
    if (Held(1) == kNoObject) {
      std::vector<ObjectId> firsts;
      bool empty = false;
      for (ObjectId pool : pools) {
        if (TupleItems(heap_, pool).empty()) {
          empty = true;
          break;
        }
        firsts.push_back(TupleItems(heap_, pool)[0]);
      }
      Body().held[1] = FirstResult(firsts, npools).release();
      if (empty) return Stopped();
      return heap_.NewRef(Held(1));
    }
    const ObjectId result = ReusableResult(1);
    std::vector<int64_t>& indices = Body().indices;
    int64_t i = static_cast<int64_t>(npools) - 1;
    for (; i >= 0; --i) {
      const std::vector<ObjectId>& pool = TupleItems(heap_, pools[i]);
      if (++indices[i] == static_cast<int64_t>(pool.size())) {
        indices[i] = 0;
        SetResultItem(result, i, pool[0]);
      } else {
        SetResultItem(result, i, pool[indices[i]]);
        break;
      }
    }
    if (i < 0) return Stopped();
    return heap_.NewRef(result);
  }

  Ref Combinations() {
    if (Body().end != 0) return Ref();
    const std::vector<ObjectId> pool = TupleItems(heap_, Held(0));
    const auto n = static_cast<int64_t>(pool.size());
    const int64_t r = Body().index;
    std::vector<int64_t>& indices = Body().indices;
    if (Held(1) == kNoObject) {
      std::vector<ObjectId> items;
      for (int64_t i = 0; i < r; ++i) items.push_back(pool[indices[i]]);
      Body().held[1] = FirstResult(items, r).release();
      return heap_.NewRef(Held(1));
    }
    const ObjectId result = ReusableResult(1);
    int64_t i = r - 1;
    while (i >= 0 && indices[i] == i + n - r) --i;
    if (i < 0) return Stopped();
    ++indices[i];
    for (int64_t j = i + 1; j < r; ++j) indices[j] = indices[j - 1] + 1;
    for (; i < r; ++i) SetResultItem(result, i, pool[indices[i]]);
    return heap_.NewRef(result);
  }

  Ref CombinationsWithReplacement() {
    if (Body().end != 0) return Ref();
    const std::vector<ObjectId> pool = TupleItems(heap_, Held(0));
    const auto n = static_cast<int64_t>(pool.size());
    const int64_t r = Body().index;
    std::vector<int64_t>& indices = Body().indices;
    if (Held(1) == kNoObject) {
      std::vector<ObjectId> items;
      if (n > 0) items.assign(r, pool[0]);
      Body().held[1] = FirstResult(items, r).release();
      return heap_.NewRef(Held(1));
    }
    const ObjectId result = ReusableResult(1);
    int64_t i = r - 1;
    while (i >= 0 && indices[i] == n - 1) --i;
    if (i < 0) return Stopped();
    const int64_t index = indices[i] + 1;
    for (; i < r; ++i) {
      indices[i] = index;
      SetResultItem(result, i, pool[index]);
    }
    return heap_.NewRef(result);
  }

  Ref Permutations() {
    if (Body().end != 0) return Ref();
    const std::vector<ObjectId> pool = TupleItems(heap_, Held(0));
    const auto n = static_cast<int64_t>(pool.size());
    const int64_t r = Body().index;
    if (Held(1) == kNoObject) {
      std::vector<ObjectId> items;
      for (int64_t i = 0; i < r; ++i) items.push_back(pool[Body().indices[i]]);
      Body().held[1] = FirstResult(items, r).release();
      return heap_.NewRef(Held(1));
    }
    if (n == 0) return Stopped();
    const ObjectId result = ReusableResult(1);
    std::vector<int64_t>& indices = Body().indices;
    std::vector<int64_t>& cycles = Body().cycles;
    int64_t i = r - 1;
    for (; i >= 0; --i) {
      if (--cycles[i] == 0) {
        const int64_t index = indices[i];
        for (int64_t j = i; j < n - 1; ++j) indices[j] = indices[j + 1];
        indices[n - 1] = index;
        cycles[i] = n - i;
      } else {
        const int64_t j = cycles[i];
        std::swap(indices[i], indices[n - j]);
        for (int64_t k = i; k < r; ++k) SetResultItem(result, k, pool[indices[k]]);
        break;
      }
    }
    if (i < 0) return Stopped();
    return heap_.NewRef(result);
  }

  Ref Pairwise() {
    if (Held(0) == kNoObject) return Ref();
    if (Held(1) == kNoObject) {
      Ref first = interp_.Next(Held(0));
      if (!first) {
        SetHeld(0, kNoObject);
        return Ref();
      }
      SetHeld(1, first.release());
      if (Held(0) == kNoObject) {
        SetHeld(1, kNoObject);
        return Ref();
      }
    }
    Ref old = heap_.NewRef(Held(1));
    Ref next = interp_.Next(Held(0));
    if (!next) {
      SetHeld(0, kNoObject);
      SetHeld(1, kNoObject);
      return Ref();
    }
    Ref result;
    const ObjectId cached = Held(2);
    if (cached != kNoObject && heap_.object(cached).refcount == 1) {
      result = heap_.NewRef(cached);
      std::vector<ObjectId>& items = heap_.tuple(cached).items;
      const ObjectId last_old = std::exchange(items[0], heap_.NewRef(old.get()).release());
      const ObjectId last_new = std::exchange(items[1], heap_.NewRef(next.get()).release());
      heap_.DecRef(last_old);
      heap_.DecRef(last_new);
      if (!heap_.IsTracked(cached)) heap_.Track(cached);
    } else {
      result = NewTupleOf(heap_, {old.get(), next.get()});
    }
    SetHeld(1, next.release());
    return result;
  }

  // The next item of the zip_longest iterator at `i`: the fill value for
  // one exhausted before (its slot holds None), or for one exhausted now
  // while others are active (its slot let go). Null when all are exhausted
  // or on an error (numactive then 0).
  Ref ZipLongestItem(size_t i) {
    const ObjectId iterator = heap_.tuple(Held(0)).items[i];
    if (heap_.type_of(iterator) == TypeTag::kNone) return heap_.NewRef(Held(2));
    Ref item = interp_.Next(iterator);
    if (item) return item;
    if (--Body().position == 0 || interp_.has_error()) {
      Body().position = 0;
      return Ref();
    }
    heap_.IncRef(heap_.none());
    heap_.DecRef(std::exchange(heap_.tuple(Held(0)).items[i], heap_.none()));
    return heap_.NewRef(Held(2));
  }

  Ref ZipLongest() {
    const size_t size = heap_.tuple(Held(0)).items.size();
    if (size == 0 || Body().position == 0) return Ref();
    const ObjectId cached = Held(1);
    if (heap_.object(cached).refcount == 1) {
      // Each slot of the held result is replaced as its item comes.
      Ref result = heap_.NewRef(cached);
      for (size_t i = 0; i < size; ++i) {
        Ref item = ZipLongestItem(i);
        if (!item) return Ref();
        heap_.DecRef(std::exchange(heap_.tuple(cached).items[i], item.release()));
      }
      if (!heap_.IsTracked(cached)) heap_.Track(cached);
      return result;
    }
    for (size_t i = 0; i < size; ++i) heap_.IncRef(heap_.none());
    Ref result = NewTuple(heap_, std::vector<ObjectId>(size, heap_.none()));
    for (size_t i = 0; i < size; ++i) {
      Ref item = ZipLongestItem(i);
      if (!item) return Ref();
      heap_.DecRef(std::exchange(heap_.tuple(result.get()).items[i], item.release()));
    }
    return result;
  }

  Interpreter& interp_;
  Heap& heap_;
  const ObjectId self_;
};

}  // namespace

Ref NextItertools(Interpreter& interp, ObjectId iterator) {
  return ItertoolsNext(interp, iterator).Run();
}

}  // namespace heapsim::script
