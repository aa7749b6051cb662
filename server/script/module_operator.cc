// Module operator: the functions operator.py re-exports from _operator, each
// running the interpreter's own operation (so the methods of the program's
// classes are honoured exactly as the operators run them), with
// _operator's argument checks and messages per version.

#include <optional>

#include "absl/strings/str_cat.h"
#include "server/heap/int_object.h"
#include "server/heap/py_error.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

struct BinaryEntry {
  Builtin builtin;
  BinaryOp op;
  bool in_place;
};

constexpr BinaryEntry kBinary[] = {
    {Builtin::kOperatorAdd, BinaryOp::kAdd, false},
    {Builtin::kOperatorSub, BinaryOp::kSub, false},
    {Builtin::kOperatorMul, BinaryOp::kMul, false},
    {Builtin::kOperatorTrueDiv, BinaryOp::kTrueDiv, false},
    {Builtin::kOperatorFloorDiv, BinaryOp::kFloorDiv, false},
    {Builtin::kOperatorMod, BinaryOp::kMod, false},
    {Builtin::kOperatorPow, BinaryOp::kPow, false},
    {Builtin::kOperatorLShift, BinaryOp::kLShift, false},
    {Builtin::kOperatorRShift, BinaryOp::kRShift, false},
    {Builtin::kOperatorAnd, BinaryOp::kBitAnd, false},
    {Builtin::kOperatorOr, BinaryOp::kBitOr, false},
    {Builtin::kOperatorXor, BinaryOp::kBitXor, false},
    {Builtin::kOperatorMatMul, BinaryOp::kMatMul, false},
    {Builtin::kOperatorIAdd, BinaryOp::kAdd, true},
    {Builtin::kOperatorISub, BinaryOp::kSub, true},
    {Builtin::kOperatorIMul, BinaryOp::kMul, true},
    {Builtin::kOperatorITrueDiv, BinaryOp::kTrueDiv, true},
    {Builtin::kOperatorIFloorDiv, BinaryOp::kFloorDiv, true},
    {Builtin::kOperatorIMod, BinaryOp::kMod, true},
    {Builtin::kOperatorIPow, BinaryOp::kPow, true},
    {Builtin::kOperatorILShift, BinaryOp::kLShift, true},
    {Builtin::kOperatorIRShift, BinaryOp::kRShift, true},
    {Builtin::kOperatorIAnd, BinaryOp::kBitAnd, true},
    {Builtin::kOperatorIOr, BinaryOp::kBitOr, true},
    {Builtin::kOperatorIXor, BinaryOp::kBitXor, true},
    {Builtin::kOperatorIMatMul, BinaryOp::kMatMul, true},
};

struct CompareEntry {
  Builtin builtin;
  CompareOp op;
};

constexpr CompareEntry kCompare[] = {
    {Builtin::kOperatorEq, CompareOp::kEq}, {Builtin::kOperatorNe, CompareOp::kNotEq},
    {Builtin::kOperatorLt, CompareOp::kLt}, {Builtin::kOperatorLe, CompareOp::kLtE},
    {Builtin::kOperatorGt, CompareOp::kGt}, {Builtin::kOperatorGe, CompareOp::kGtE},
};

// True for the types whose objects have sequence concatenation
// (sq_concat): what concat() and iconcat() accept as their first operand.
bool Concatenates(TypeTag type) {
  switch (type) {
    case TypeTag::kList:
    case TypeTag::kTuple:
    case TypeTag::kStr:
    case TypeTag::kBytes:
    case TypeTag::kByteArray:
      return true;
    default:
      return false;
  }
}

class OperatorCall : public BuiltinCall {
 public:
  OperatorCall(Interpreter& interp, Builtin builtin, CallArgs& args)
      : BuiltinCall(interp, builtin, kNoObject, args) {}

  Ref Run();

 private:
  // a <op> b, or a <op>= b when `in_place` (a list's += an extend, as the
  // interpreter runs it).
  Ref Operate(BinaryOp op, bool in_place);
  Ref Concat(bool in_place);
  Ref Index();
  // countOf (`first` false) and indexOf: the items `is` or == to the
  // second argument, compared as PyObject_RichCompareBool does.
  Ref Search(bool first);
};

Ref OperatorCall::Operate(BinaryOp op, bool in_place) {
  if (in_place && op == BinaryOp::kAdd && heap_.type_of(Arg(0)) == TypeTag::kList) {
    if (!interp_.ExtendList(Arg(0), Arg(1))) return Ref();
    return heap_.NewRef(Arg(0));
  }
  return BinaryOf(interp_, op, Arg(0), Arg(1), in_place);
}

Ref OperatorCall::Concat(bool in_place) {
  if (!Arity(2, 2)) return Ref();
  const TypeTag type = heap_.type_of(Arg(0));
  if (type == TypeTag::kInstance) {
    interp_.Refuse("operator.concat() of an instance (sequence slots are not modelled)");
    return Ref();
  }
  if (!Concatenates(type)) {
    return TypeError(absl::StrCat("'", TypeName(heap_, Arg(0)), "' object can't be concatenated"));
  }
  return Operate(BinaryOp::kAdd, in_place);
}

Ref OperatorCall::Index() {
  if (!Arity(1, 1)) return Ref();
  const ObjectId a = Arg(0);
  switch (heap_.type_of(a)) {
    case TypeTag::kInt:
      return heap_.NewRef(a);
    case TypeTag::kBool:
      // PyNumber_Index returns an exact int from 3.10; before, the bool.
      if (!heap_.profile().operator_index_returns_exact_int) return heap_.NewRef(a);
      return NewInt(heap_, *IntAsInt64(heap_, a));
    case TypeTag::kInstance:
      interp_.Refuse("operator.index() of an instance (__index__ is not modelled)");
      return Ref();
    default:
      return TypeError(
          absl::StrCat("'", TypeName(heap_, a), "' object cannot be interpreted as an integer"));
  }
}

Ref OperatorCall::Search(bool first) {
  if (!Arity(2, 2)) return Ref();
  const ObjectId wanted = Arg(1);
  if (heap_.type_of(Arg(0)) != TypeTag::kInstance && !interp_.Iterable(Arg(0))) {
    // _PySequence_IterSearch's words for iter()'s TypeError.
    return TypeError(absl::StrCat("argument of type '", TypeName(heap_, Arg(0)), "' is not iterable"));
  }
  int64_t count = 0;
  int64_t index = 0;
  bool found = false;
  const bool ok = interp_.ForEach(Arg(0), [&](Ref item) {
    // Which side's __eq__ runs first changed with `in` (3.9).
    const int equal = heap_.profile().contains_compares_item_first
                          ? RichCompareBool(interp_, CompareOp::kEq, item.get(), wanted)
                          : RichCompareBool(interp_, CompareOp::kEq, wanted, item.get());
    if (equal < 0) return false;
    if (equal > 0) {
      ++count;
      if (first) {
        found = true;
        return false;
      }
    }
    ++index;
    return true;
  });
  if (!ok) return Ref();
  if (!first) return Int(count);
  if (!found) return Fail(PyError(PyExc::kValueError, "sequence.index(x): x not in sequence"));
  return Int(index);
}

Ref OperatorCall::Run() {
  if (builtin_ == Builtin::kOperatorCall) {
    if (!Arity(1, SIZE_MAX)) return Ref();
    Ref callable = std::move(args_.positional.front());
    args_.positional.erase(args_.positional.begin());
    return interp_.Call(callable.get(), std::move(args_));
  }
  if (!KeywordsAllowed()) return Ref();
  for (const BinaryEntry& entry : kBinary) {
    if (entry.builtin != builtin_) continue;
    if (!Arity(2, 2)) return Ref();
    return Operate(entry.op, entry.in_place);
  }
  for (const CompareEntry& entry : kCompare) {
    if (entry.builtin != builtin_) continue;
    if (!Arity(2, 2)) return Ref();
    return RichCompare(interp_, entry.op, Arg(0), Arg(1));
  }
  switch (builtin_) {
    case Builtin::kOperatorAbs:
      if (!Arity(1, 1)) return Ref();
      return CallBuiltin(interp_, Builtin::kAbs, kNoObject, args_);
    case Builtin::kOperatorNeg:
    case Builtin::kOperatorPos:
    case Builtin::kOperatorInvert:
    case Builtin::kOperatorInv: {
      if (!Arity(1, 1)) return Ref();
      const UnaryOp op = builtin_ == Builtin::kOperatorNeg   ? UnaryOp::kNeg
                         : builtin_ == Builtin::kOperatorPos ? UnaryOp::kPos
                                                             : UnaryOp::kInvert;
      return UnaryOf(interp_, op, Arg(0));
    }
    case Builtin::kOperatorNot:
    case Builtin::kOperatorTruth: {
      if (!Arity(1, 1)) return Ref();
      const int truth = TruthOf(interp_, Arg(0));
      if (truth < 0) return Ref();
      return Bool((truth > 0) == (builtin_ == Builtin::kOperatorTruth));
    }
    case Builtin::kOperatorIs:
    case Builtin::kOperatorIsNot:
      if (!Arity(2, 2)) return Ref();
      return Bool((Arg(0) == Arg(1)) == (builtin_ == Builtin::kOperatorIs));
    case Builtin::kOperatorContains: {
      if (!Arity(2, 2)) return Ref();
      const int contained = ContainsOf(interp_, Arg(0), Arg(1));
      if (contained < 0) return Ref();
      return Bool(contained > 0);
    }
    case Builtin::kOperatorGetItem:
      if (!Arity(2, 2)) return Ref();
      return interp_.GetItem(Arg(0), Arg(1));
    case Builtin::kOperatorSetItem:
      if (!Arity(3, 3)) return Ref();
      if (!interp_.SetItem(Arg(0), Arg(1), Arg(2))) return Ref();
      return None();
    case Builtin::kOperatorDelItem:
      if (!Arity(2, 2)) return Ref();
      if (!interp_.DelItem(Arg(0), Arg(1))) return Ref();
      return None();
    case Builtin::kOperatorConcat:
      return Concat(false);
    case Builtin::kOperatorIConcat:
      return Concat(true);
    case Builtin::kOperatorIndex:
      return Index();
    case Builtin::kOperatorCountOf:
      return Search(false);
    case Builtin::kOperatorIndexOf:
      return Search(true);
    default:
      return Fail(absl::InternalError("not an operator function"));
  }
}

}  // namespace

Ref CallOperatorBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args) {
  return OperatorCall(interp, builtin, args).Run();
}

}  // namespace heapsim::script
