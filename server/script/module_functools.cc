// Module functools: reduce, as _functools runs it (one argument tuple reused
// from call to call while nothing else holds it), and partial objects (made,
// read and called as partial_new, the members and partial_vectorcall do).
// functools' other names are refused by name.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/budget.h"
#include "server/heap/dict_object.h"
#include "server/heap/partial_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

class FunctoolsCall : public BuiltinCall {
 public:
  FunctoolsCall(Interpreter& interp, Builtin builtin, CallArgs& args)
      : BuiltinCall(interp, builtin, kNoObject, args) {}

  Ref Run() {
    if (builtin_ == Builtin::kFunctoolsReduce) return Reduce();
    if (builtin_ == Builtin::kTypePartial) return NewPartialObject();
    return Fail(absl::InternalError("not a functools function"));
  }

 private:
  // True when calling `function` with an argument tuple (PyObject_Call)
  // makes exactly what heapsim's call from C makes: a Python function, a
  // method bound to one, or a builtin function that does not take its
  // arguments packed (a METH_VARARGS one would receive reduce's tuple
  // itself, where heapsim packs a new one).
  bool CallsLikeObjectCall(ObjectId function) const {
    switch (heap_.type_of(function)) {
      case TypeTag::kFunction:
        return true;
      case TypeTag::kMethod:
        return heap_.type_of(heap_.bound(function).callable) == TypeTag::kFunction;
      case TypeTag::kBuiltinFunction:
        return !PacksArguments(heap_.profile(), static_cast<Builtin>(heap_.bound(function).builtin));
      default:
        return false;
    }
  }

  // reduce(function, iterable[, initial]): functools_reduce. The argument
  // tuple is made before the first item is fetched, with no items yet
  // (None stands in for CPython's NULLs, without a reference); each pair
  // replaces the previous one's items (the accumulator first), so the tuple
  // keeps the last pair alive until the next item comes; a tuple something
  // else still holds after a call is dropped and a new one made.
  Ref Reduce() {
    if (!args_.keywords.empty()) return TypeError("reduce() takes no keyword arguments");
    const size_t n = args_.positional.size();
    if (n < 2) return TypeError(absl::StrCat("reduce expected at least 2 arguments, got ", n));
    if (n > 3) return TypeError(absl::StrCat("reduce expected at most 3 arguments, got ", n));
    const ObjectId function = Arg(0);
    Ref result = n == 3 ? heap_.NewRef(Arg(2)) : Ref();
    Ref iterator = interp_.GetIter(Arg(1));
    if (!iterator) {
      if (interp_.has_error() && PyErrorType(interp_.error()) == PyExc::kTypeError) {
        interp_.TakeError().IgnoreError();
        return TypeError("reduce() arg 2 must support iteration");
      }
      return Ref();
    }
    Ref args = NewPairTuple();
    bool items_set = false;
    while (true) {
      if (heap_.refcount(args.get()) > 1) {
        ReleasePair(args, &items_set);
        args = NewPairTuple();
      }
      // A long reduce over builtins runs no Python step: it spends the
      // call's time budget item by item.
      if (!SpendWork(1)) {
        ReleasePair(args, &items_set);
        return Fail(BudgetStatus());
      }
      Ref item = interp_.Next(iterator.get());
      if (!item) {
        if (interp_.has_error()) {
          ReleasePair(args, &items_set);
          return Ref();
        }
        break;
      }
      if (!result) {
        result = std::move(item);
        continue;
      }
      // Py_XSETREF of item 0, then of item 1: each old item is released as
      // its slot is overwritten.
      const ObjectId old_first = std::exchange(heap_.tuple(args.get()).items[0], result.release());
      if (items_set) heap_.DecRef(old_first);
      const ObjectId old_second = std::exchange(heap_.tuple(args.get()).items[1], item.release());
      if (items_set) heap_.DecRef(old_second);
      items_set = true;
      if (!CallsLikeObjectCall(function)) {
        ReleasePair(args, &items_set);
        if (!IsCallable(heap_, function)) {
          return TypeError(absl::StrCat("'", TypeName(heap_, function), "' object is not callable"));
        }
        interp_.Refuse(absl::StrCat("functools.reduce() with a function of type '",
                                    TypeName(heap_, function),
                                    "' (only Python functions, their bound methods and builtin "
                                    "functions are modelled)"));
        return Ref();
      }
      // PyObject_Call: the callee's frame takes references of its own.
      CallArgs call;
      call.from_sequence = true;
      for (ObjectId pair_item : TupleItems(heap_, args.get())) {
        call.positional.push_back(heap_.NewRef(pair_item));
      }
      result = interp_.Call(function, std::move(call));
      if (!result) {
        ReleasePair(args, &items_set);
        return Ref();
      }
      // A collection during the call may have untracked the tuple (bpo-42536).
      heap_.Track(args.get());
    }
    ReleasePair(args, &items_set);
    iterator.Reset();
    if (!result) return TypeError(heap_.profile().messages.reduce_empty);
    return result;
  }

  // partial(func, *args, **keywords): partial_new after tp_call packed the
  // arguments (the tuple by the caller, the keywords' dict here). A partial
  // of a partial takes over its callable, arguments and keywords; the
  // object comes first, then the tuple of the arguments after `func`
  // (args[1:], or their concatenation with the inner partial's), then the
  // keywords' dict: the packed one itself when nothing else holds it, else
  // a new dict or a copy of the inner partial's with the new ones merged.
  Ref NewPartialObject() {
    Ref packed_keywords;
    if (!args_.keywords.empty()) {
      packed_keywords = NewDictPresized(heap_, args_.keywords.size());
      for (const auto& [name, value] : args_.keywords) {
        Ref key = InternStr(heap_, name);
        DictSetItem(heap_, packed_keywords.get(), key.get(), value.get()).IgnoreError();
      }
    }
    if (args_.positional.empty()) return TypeError("type 'partial' takes at least one argument");
    ObjectId function = Arg(0);
    ObjectId inner_args = kNoObject;
    ObjectId inner_keywords = kNoObject;
    if (heap_.type_of(function) == TypeTag::kPartial) {
      const PartialBody& inner = heap_.partial(function);
      inner_args = inner.args;
      inner_keywords = inner.keywords;
      function = inner.function;
    }
    if (!IsCallable(heap_, function)) return TypeError("the first argument must be callable");
    const bool inner_has_keywords =
        inner_keywords != kNoObject && heap_.dict(inner_keywords).used > 0;
    if (inner_has_keywords && packed_keywords) {
      // The packed dict would be freed after the tuple tp_call packed,
      // which the model's order does not keep.
      interp_.Refuse("functools.partial() with keywords of a partial that has keywords");
      return Ref();
    }
    Ref partial = NewPartial(heap_, heap_.NewRef(function), Ref(), Ref());
    std::vector<ObjectId> rest;
    for (size_t i = 1; i < args_.positional.size(); ++i) rest.push_back(Arg(i));
    Ref args = NewTupleOf(heap_, rest);
    if (inner_args != kNoObject) {
      args = BinaryOf(interp_, BinaryOp::kAdd, inner_args, args.get(), false);
      if (!args) return Ref();
    }
    heap_.partial(partial.get()).args = args.release();
    Ref keywords;
    if (inner_has_keywords) {
      keywords = DictCopy(heap_, inner_keywords);
    } else if (packed_keywords) {
      keywords = std::move(packed_keywords);
    } else {
      keywords = NewDict(heap_);
    }
    heap_.partial(partial.get()).keywords = keywords.release();
    return partial;
  }

  // PyTuple_New(2): a tuple whose items are not set yet.
  Ref NewPairTuple() { return NewTuple(heap_, {heap_.none(), heap_.none()}); }

  // Drops reduce's reference to the tuple `args`; while its items were never
  // set, the stand-ins get the references the tuple's release takes.
  void ReleasePair(Ref& args, bool* items_set) {
    if (!*items_set) {
      heap_.IncRef(heap_.none());
      heap_.IncRef(heap_.none());
    }
    *items_set = false;
    args.Reset();
  }
};

}  // namespace

Ref CallPartial(Interpreter& interp, ObjectId partial, CallArgs args) {
  Heap& heap = interp.heap();
  const PartialBody body = heap.partial(partial);
  if (heap.dict(body.keywords).used > 0) {
    interp.Refuse(
        "calling a functools.partial that has keywords (CPython falls back to tp_call, packing "
        "and merging the arguments)");
    return Ref();
  }
  if (heap.type_of(body.function) != TypeTag::kFunction) {
    interp.Refuse(absl::StrCat("calling a functools.partial of a '", TypeName(heap, body.function),
                               "' object (only of the script's functions)"));
    return Ref();
  }
  const std::vector<ObjectId> added = TupleItems(heap, body.args);  // a copy: packing allocates
  // partial_vectorcall passes the arguments on in a C array: the partial's
  // own tuple when the call adds none, else a small array on the stack up
  // to five (or the caller's, prepending one argument), else one on the
  // heap.
  constexpr size_t kSmallStack = 5;
  const size_t given = args.positional.size() + args.keywords.size();
  const size_t total = added.size() + given;
  if (given > 0 && total > kSmallStack) {
    interp.Refuse(absl::StrCat("a call of a functools.partial with ", total,
                               " arguments (CPython's argument array for more than five is a "
                               "heap block)"));
    return Ref();
  }
  Ref packed;
  if (!heap.profile().partial_vectorcall) {
    if (!args.keywords.empty()) {
      interp.Refuse(
          "calling a functools.partial with keywords on 3.8 (tp_call packs them in a dict the "
          "callee unpacks)");
      return Ref();
    }
    // tp_call: the call's positional arguments packed for the call.
    std::vector<ObjectId> items;
    for (const Ref& arg : args.positional) items.push_back(arg.get());
    if (!items.empty()) packed = NewTupleOf(heap, items);
  }
  // The callee's frame takes references of its own; the caller's stay
  // with the caller (`args`) until the call returns.
  CallArgs call;
  call.from_sequence = true;
  for (ObjectId arg : added) call.positional.push_back(heap.NewRef(arg));
  for (const Ref& arg : args.positional) call.positional.push_back(heap.NewRef(arg.get()));
  for (const auto& [name, value] : args.keywords) {
    call.keywords.emplace_back(name, heap.NewRef(value.get()));
  }
  Ref result = interp.Call(body.function, std::move(call));
  packed.Reset();
  ReleaseCallArguments(heap.profile(), args);
  return result;
}

Ref PartialAttribute(Interpreter& interp, ObjectId partial, const std::string& name) {
  Heap& heap = interp.heap();
  const PartialBody& body = heap.partial(partial);
  if (name == "func") return heap.NewRef(body.function);
  if (name == "args") return heap.NewRef(body.args);
  if (name == "keywords") return heap.NewRef(body.keywords);
  interp.Refuse(absl::StrCat("attribute '", name,
                             "' of a functools.partial (only func, args and keywords are "
                             "modelled)"));
  return Ref();
}

Ref CallFunctoolsBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args) {
  return FunctoolsCall(interp, builtin, args).Run();
}

}  // namespace heapsim::script
