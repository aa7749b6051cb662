// Module functools: reduce, as _functools runs it (one argument tuple reused
// from call to call while nothing else holds it). functools' other names
// are refused by name.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/budget.h"
#include "server/heap/py_error.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"

namespace heapsim::script {

namespace {

class FunctoolsCall : public BuiltinCall {
 public:
  FunctoolsCall(Interpreter& interp, Builtin builtin, CallArgs& args)
      : BuiltinCall(interp, builtin, kNoObject, args) {}

  Ref Run() {
    if (builtin_ == Builtin::kFunctoolsReduce) return Reduce();
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
        args = ReleasePair(std::move(args), &items_set);
        args = NewPairTuple();
      }
      // A long reduce over builtins runs no Python step: it spends the
      // call's time budget item by item.
      if (!SpendWork(1)) {
        ReleasePair(std::move(args), &items_set);
        return Fail(BudgetStatus());
      }
      Ref item = interp_.Next(iterator.get());
      if (!item) {
        if (interp_.has_error()) {
          ReleasePair(std::move(args), &items_set);
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
        ReleasePair(std::move(args), &items_set);
        if (heap_.type_of(function) != TypeTag::kInstance &&
            heap_.type_of(function) != TypeTag::kClass && !IsCallable(function)) {
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
        ReleasePair(std::move(args), &items_set);
        return Ref();
      }
      // A collection during the call may have untracked the tuple (bpo-42536).
      heap_.Track(args.get());
    }
    ReleasePair(std::move(args), &items_set);
    iterator.Reset();
    if (!result) return TypeError(heap_.profile().messages.reduce_empty);
    return result;
  }

  bool IsCallable(ObjectId function) const {
    switch (heap_.type_of(function)) {
      case TypeTag::kFunction:
      case TypeTag::kMethod:
      case TypeTag::kBuiltinFunction:
      case TypeTag::kBuiltinType:
      case TypeTag::kWeakRef:
        return true;
      default:
        return false;
    }
  }

  // PyTuple_New(2): a tuple whose items are not set yet.
  Ref NewPairTuple() { return NewTuple(heap_, {heap_.none(), heap_.none()}); }

  // Drops reduce's reference to the tuple `args`; while its items were never
  // set, the stand-ins get the references the tuple's release takes.
  Ref ReleasePair(Ref args, bool* items_set) {
    if (!*items_set) {
      heap_.IncRef(heap_.none());
      heap_.IncRef(heap_.none());
    }
    *items_set = false;
    args.Reset();
    return Ref();
  }
};

}  // namespace

Ref CallFunctoolsBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args) {
  return FunctoolsCall(interp, builtin, args).Run();
}

}  // namespace heapsim::script
