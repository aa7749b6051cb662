// Executing assignments: targets (unpacking and starred ones included),
// augmented assignment, del, and the list extension they share with
// displays.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/bytes_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/frames.h"
#include "server/heap/function_object.h"
#include "server/heap/gc_timing.h"
#include "server/heap/instance_object.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/set_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtins.h"
#include "server/script/class_slots.h"
#include "server/script/generator_function.h"
#include "server/script/interpreter.h"
#include "server/script/module_copy.h"
#include "server/script/module_random.h"
#include "server/script/specialised_compare.h"
#include "server/script/operators.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

bool Interpreter::Assign(const Expr& target, Ref value) {
  switch (target.kind) {
    case ExprKind::kName:
      return StoreName(target.name, std::move(value));
    case ExprKind::kAttribute: {
      Ref object = Eval(*target.operands[0]);
      if (!object) return false;
      return SetAttr(object.get(), target.name.text, value.get());
    }
    case ExprKind::kSubscript: {
      Ref container = Eval(*target.operands[0]);
      if (!container) return false;
      Ref key = Eval(*target.operands[1]);
      if (!key) return false;
      const bool ok = SetItem(container.get(), key.get(), value.get());
      value.Reset();
      container.Reset();
      key.Reset();
      return ok;
    }
    case ExprKind::kTuple:
    case ExprKind::kList: {
      for (size_t star = 0; star < target.operands.size(); ++star) {
        if (target.operands[star]->kind == ExprKind::kStarred) {
          return AssignStarred(target, star, std::move(value));
        }
      }
      const size_t n = target.operands.size();
      std::vector<Ref> items;
      const TypeTag type = heap_.type_of(value.get());
      if (type == TypeTag::kTuple || type == TypeTag::kList) {
        const auto& source = type == TypeTag::kTuple ? TupleItems(heap_, value.get())
                                                     : ListItems(heap_, value.get());
        if (source.size() != n) {
          Raise(PyError(PyExc::kValueError,
                        source.size() > n
                            ? absl::StrCat("too many values to unpack (expected ", n, ")")
                            : absl::StrCat("not enough values to unpack (expected ", n, ", got ",
                                           source.size(), ")")));
          return false;
        }
        for (ObjectId item : source) items.push_back(heap_.NewRef(item));
      } else {
        Ref iterator = IterForUnpacking(value.get());
        if (!iterator) return false;
        while (true) {
          Ref item = Next(iterator.get());
          if (!item) break;
          if (items.size() == n) {
            Raise(PyError(PyExc::kValueError,
                          absl::StrCat("too many values to unpack (expected ", n, ")")));
            return false;
          }
          items.push_back(std::move(item));
        }
        if (has_error()) return false;
        if (items.size() != n) {
          Raise(PyError(PyExc::kValueError,
                        absl::StrCat("not enough values to unpack (expected ", n, ", got ",
                                     items.size(), ")")));
          return false;
        }
      }
      value.Reset();  // UNPACK_SEQUENCE pops the sequence before the stores
      for (size_t i = 0; i < n; ++i) {
        if (!Assign(*target.operands[i], std::move(items[i]))) return false;
      }
      return true;
    }
    default:
      Raise(PyError(PyExc::kTypeError, "cannot assign to this target"));
      return false;
  }
}

Ref Interpreter::IterForUnpacking(ObjectId value) {
  Ref iterator = GetIter(value);
  if (!iterator && !Iterable(value)) {
    TakeError().IgnoreError();
    Raise(PyError(PyExc::kTypeError,
                  absl::StrCat("cannot unpack non-iterable ", TypeName(heap_, value), " object")));
  }
  return iterator;
}

bool Interpreter::AssignStarred(const Expr& target, size_t star, Ref value) {
  const size_t before = star;
  const size_t after = target.operands.size() - star - 1;
  auto not_enough = [&](uint64_t got) {
    Raise(PyError(PyExc::kValueError,
                  absl::StrCat("not enough values to unpack (expected at least ", before + after,
                               ", got ", got, ")")));
    return false;
  };
  // An iterable that is not an iterator itself hints its full length.
  // An instance's iterator is whatever __iter__ gave: its own hint counts.
  const bool fresh_iterator = heap_.type_of(value.get()) != TypeTag::kIterator &&
                              heap_.type_of(value.get()) != TypeTag::kRangeIterator &&
                              heap_.type_of(value.get()) != TypeTag::kGenerator &&
                              heap_.type_of(value.get()) != TypeTag::kInstance;
  const std::optional<uint64_t> length_hint =
      fresh_iterator ? LengthHint(value.get()) : std::nullopt;
  Ref iterator = IterForUnpacking(value.get());
  if (!iterator) return false;
  std::vector<Ref> items;
  for (size_t i = 0; i < before; ++i) {
    Ref item = Next(iterator.get());
    if (!item) return has_error() ? false : not_enough(i);
    items.push_back(std::move(item));
  }
  // The rest as PySequence_List(iterator): an empty list extended from the
  // iterator, sized by what the iterator says is left.
  std::optional<uint64_t> hint = LengthHint(iterator.get());
  if (has_error()) return false;
  if (fresh_iterator && length_hint.has_value()) {
    const uint64_t full = length_hint.value_or(0);
    hint = full > before ? full - before : 0;
  }
  Ref rest = NewList(heap_, 0);
  if (!ExtendListFromIterator(rest.get(), iterator.get(),
                              hint ? ExtendSource::kSized : ExtendSource::kUnsized,
                              hint.value_or(0))) {
    return false;
  }
  const uint64_t rest_length = ListItems(heap_, rest.get()).size();
  if (rest_length < after) return not_enough(before + rest_length);
  std::vector<Ref> tail = ListTakeTail(heap_, rest.get(), after);
  items.push_back(std::move(rest));
  for (Ref& item : tail) items.push_back(std::move(item));
  iterator.Reset();
  value.Reset();  // UNPACK_EX pops the sequence before the stores
  for (size_t i = 0; i < items.size(); ++i) {
    const Expr& slot = *target.operands[i];
    const Expr& store = slot.kind == ExprKind::kStarred ? *slot.operands[0] : slot;
    if (!Assign(store, std::move(items[i]))) return false;
  }
  return true;
}

Flow Interpreter::ExecAssign(const Stmt& stmt) {
  const Expr& value_expr = *stmt.value;
  // a, b = b, a: the values are stored without a tuple (ROT_TWO / SWAP).
  if (stmt.targets.size() == 1 && stmt.targets[0]->kind == ExprKind::kTuple &&
      value_expr.kind == ExprKind::kTuple && value_expr.display == DisplayBuild::kExact &&
      value_expr.operands.size() == stmt.targets[0]->operands.size() &&
      value_expr.operands.size() <= 3) {
    std::vector<Ref> values;
    for (const ExprPtr& item : value_expr.operands) {
      if (item->kind == ExprKind::kStarred) break;
      values.push_back(Eval(*item));
      if (!values.back()) return Flow::kError;
    }
    if (values.size() == value_expr.operands.size()) {
      for (size_t i = 0; i < values.size(); ++i) {
        if (!Assign(*stmt.targets[0]->operands[i], std::move(values[i]))) return Flow::kError;
      }
      return Flow::kNormal;
    }
  }
  // name = name + s: CPython drops the name's reference first, so the str
  // can grow in place (3.8 to 3.10).
  if (stmt.targets.size() == 1 && stmt.targets[0]->kind == ExprKind::kName &&
      value_expr.kind == ExprKind::kBinary && value_expr.binary_op == BinaryOp::kAdd &&
      value_expr.operands[0]->kind == ExprKind::kName &&
      value_expr.operands[0]->name.text == stmt.targets[0]->name.text &&
      value_expr.operands[0]->name.scope == stmt.targets[0]->name.scope &&
      heap_.profile().str_concat_in_place) {
    const NameRef& name = stmt.targets[0]->name;
    Ref left = Eval(*value_expr.operands[0]);
    if (!left) return Flow::kError;
    Ref right = Eval(*value_expr.operands[1]);
    if (!right) return Flow::kError;
    if (ReleaseForConcat(name, BinaryOp::kAdd, left.get(), right.get()) &&
        ConcatInPlace(BinaryOp::kAdd, left.get(), right.get())) {
      right.Reset();
      return StoreName(name, std::move(left)) ? Flow::kNormal : Flow::kError;
    }
    Ref result = BinaryOf(*this, BinaryOp::kAdd, left.get(), right.get(), false);
    left.Reset();
    right.Reset();
    if (!result) return Flow::kError;
    return StoreName(name, std::move(result)) ? Flow::kNormal : Flow::kError;
  }
  if (stmt.targets.size() == 1 && stmt.targets[0]->kind == ExprKind::kName &&
      value_expr.kind == ExprKind::kBinary) {
    binary_store_ = {&value_expr, &stmt.targets[0]->name};
  }
  Ref value = Eval(value_expr);
  binary_store_ = {};
  if (!value) return Flow::kError;
  for (size_t i = 0; i + 1 < stmt.targets.size(); ++i) {
    if (!Assign(*stmt.targets[i], heap_.NewRef(value.get()))) return Flow::kError;
  }
  return Assign(*stmt.targets.back(), std::move(value)) ? Flow::kNormal : Flow::kError;
}

namespace {

// True for what 3.13's list_extend reads without an iterator: an exact
// dict, set or frozenset, or a view of a dict (not of an OrderedDict).
bool ReadableContainer(const Heap& heap, ObjectId iterable) {
  switch (heap.type_of(iterable)) {
    case TypeTag::kDict:
      return heap.object(iterable).subtype == 0;
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
      return true;
    case TypeTag::kDictView:
      return !IsOrderedDict(heap, heap.iterator(iterable).source);
    default:
      return false;
  }
}

// 3.13's list_extend of a ReadableContainer: room for all its items first,
// then the items read from the container (an items view making each pair
// as it goes).
absl::Status ExtendFromContainer(Heap& heap, ObjectId list, ObjectId container) {
  ObjectId source = container;
  ViewKind view = ViewKind::kKeys;
  if (heap.type_of(container) == TypeTag::kDictView) {
    view = static_cast<ViewKind>(heap.object(container).subtype);
    source = heap.iterator(container).source;
  }
  std::vector<std::pair<ObjectId, ObjectId>> entries;
  if (heap.type_of(source) == TypeTag::kDict) {
    entries = DictItems(heap, source);
  } else {
    for (ObjectId key : SetKeys(heap, source)) entries.emplace_back(key, kNoObject);
  }
  // The room reserved first is held to the session's limits, as a length
  // hint is.
  const uint64_t count = entries.size();
  if (absl::Status s = CheckGrowth(heap, SizeOf(count, 8), SizeOf(count, sizeof(ObjectId)));
      !s.ok()) {
    return s;
  }
  size_t next = 0;
  return ListExtendLazy(heap, list, ExtendSource::kMapping, entries.size(),
                        [&]() -> absl::StatusOr<ObjectId> {
                          if (next == entries.size()) return kNoObject;
                          const auto [key, value] = entries[next++];
                          if (view == ViewKind::kValues) return heap.NewRef(value).release();
                          if (view == ViewKind::kItems) {
                            return NewTuple(heap, {heap.NewRef(key).release(),
                                                   heap.NewRef(value).release()})
                                .release();
                          }
                          return heap.NewRef(key).release();
                        });
}

}  // namespace

bool Interpreter::ExtendList(ObjectId list, ObjectId iterable, ListExtendRoute route) {
  const TypeTag type = heap_.type_of(iterable);
  if (type == TypeTag::kList || type == TypeTag::kTuple) {
    const std::vector<ObjectId> items =
        type == TypeTag::kList ? ListItems(heap_, iterable) : TupleItems(heap_, iterable);
    ListExtend(heap_, list, items, ExtendSource::kListOrTuple, items.size());
    return true;
  }
  ExtendSource source = ExtendSource::kUnsized;
  // An OrderedDict is iterated as any sized iterable (not an exact dict).
  if ((type == TypeTag::kDict && !IsOrderedDict(heap_, iterable)) || type == TypeTag::kSet ||
      type == TypeTag::kFrozenSet || type == TypeTag::kDictView) {
    source = ExtendSource::kMapping;
  }
  if (route == ListExtendRoute::kListExtend && heap_.profile().list_extend_reads_containers &&
      ReadableContainer(heap_, iterable)) {
    if (absl::Status s = ExtendFromContainer(heap_, list, iterable); !s.ok()) {
      Raise(s);
      return false;
    }
    return true;
  }
  // list_extend: the iterator first, then the iterable's length hint.
  Ref iterator = GetIter(iterable);
  if (!iterator) return false;
  const std::optional<uint64_t> hint = LengthHint(iterable);
  if (has_error()) return false;
  if (source != ExtendSource::kMapping && hint) source = ExtendSource::kSized;
  return ExtendListFromIterator(list, iterator.get(), source, hint.value_or(0));
}

bool Interpreter::ExtendListFromIterator(ObjectId list, ObjectId iterator, ExtendSource source,
                                         uint64_t hint) {
  // The hint reserves slots before any item is taken: a hint past the
  // session's limits is a MemoryError at once, as CPython's failed
  // preallocation is.
  if (absl::Status s = CheckGrowth(heap_, SizeOf(hint, 8), SizeOf(hint, sizeof(ObjectId)));
      !s.ok()) {
    Raise(s);
    return false;
  }
  absl::Status status =
      ListExtendLazy(heap_, list, source, hint, [&]() -> absl::StatusOr<ObjectId> {
        Ref item = Next(iterator);
        if (!item) {
          if (has_error()) return TakeError();
          return kNoObject;
        }
        return item.release();
      });
  if (!status.ok()) {
    Raise(status);
    return false;
  }
  return true;
}

Flow Interpreter::ExecAugAssign(const Stmt& stmt) {
  const Expr& target = *stmt.targets[0];
  Ref container;
  Ref key;
  Ref current;
  switch (target.kind) {
    case ExprKind::kName:
      current = LoadName(target.name);
      break;
    case ExprKind::kAttribute:
      container = Eval(*target.operands[0]);
      if (!container) return Flow::kError;
      current = GetAttr(container.get(), target.name.text);
      break;
    case ExprKind::kSubscript:
      container = Eval(*target.operands[0]);
      if (!container) return Flow::kError;
      key = Eval(*target.operands[1]);
      if (!key) return Flow::kError;
      {
        // DUP_TOP_TWO (COPY 2 twice from 3.11): the read takes the copies.
        Ref container_copy = heap_.NewRef(container.get());
        Ref key_copy = heap_.NewRef(key.get());
        current = GetItem(container_copy.get(), key_copy.get());
      }
      break;
    default:
      Raise(PyError(PyExc::kTypeError, "illegal expression for augmented assignment"));
      return Flow::kError;
  }
  if (!current) return Flow::kError;
  Ref operand = Eval(*stmt.value);
  if (!operand) return Flow::kError;
  Ref result;
  const TypeTag type = heap_.type_of(current.get());
  if (target.kind == ExprKind::kName && ReleaseForConcat(target.name, stmt.binary_op, current.get(),
                                                          operand.get())) {
    if (!ConcatInPlace(stmt.binary_op, current.get(), operand.get())) {
      absl::StatusOr<Ref> value =
          Binary(heap_, stmt.binary_op, current.get(), operand.get(), /*in_place=*/true);
      if (!value.ok()) {
        Raise(value.status());
        return Flow::kError;
      }
      current = *std::move(value);
    }
    operand.Reset();
    return StoreName(target.name, std::move(current)) ? Flow::kNormal : Flow::kError;
  }
  if (RunSpecialisedBinary(stmt.binary_site, stmt.binary_op, current, operand, /*in_place=*/true,
                           target.kind == ExprKind::kName ? &target.name : nullptr, &result)) {
    if (!result) return Flow::kError;
  } else if (type == TypeTag::kList && stmt.binary_op == BinaryOp::kAdd) {
    if (!ExtendList(current.get(), operand.get())) return Flow::kError;
    result = heap_.NewRef(current.get());
  } else {
    result = BinaryOf(*this, stmt.binary_op, current.get(), operand.get(), /*in_place=*/true);
    if (!result) return Flow::kError;
  }
  current.Reset();
  operand.Reset();
  switch (target.kind) {
    case ExprKind::kName:
      return StoreName(target.name, std::move(result)) ? Flow::kNormal : Flow::kError;
    case ExprKind::kAttribute:
      return SetAttr(container.get(), target.name.text, result.get()) ? Flow::kNormal
                                                                      : Flow::kError;
    default:
      return SetItem(container.get(), key.get(), result.get()) ? Flow::kNormal : Flow::kError;
  }
}

Flow Interpreter::ExecDelete(const Expr& target) {
  switch (target.kind) {
    case ExprKind::kName:
      return DeleteName(target.name) ? Flow::kNormal : Flow::kError;
    case ExprKind::kAttribute: {
      Ref object = Eval(*target.operands[0]);
      if (!object) return Flow::kError;
      return DelAttr(object.get(), target.name.text) ? Flow::kNormal : Flow::kError;
    }
    case ExprKind::kSubscript: {
      Ref container = Eval(*target.operands[0]);
      if (!container) return Flow::kError;
      Ref key = Eval(*target.operands[1]);
      if (!key) return Flow::kError;
      return DelItem(container.get(), key.get()) ? Flow::kNormal : Flow::kError;
    }
    case ExprKind::kTuple:
    case ExprKind::kList:
      for (const ExprPtr& part : target.operands) {
        if (ExecDelete(*part) == Flow::kError) return Flow::kError;
      }
      return Flow::kNormal;
    default:
      Raise(PyError(PyExc::kTypeError, "cannot delete this target"));
      return Flow::kError;
  }
}

}  // namespace heapsim::script
