// The methods and data attributes of int, bool and float that give numbers
// back (bit_length, conjugate, real, ...).

#include <cmath>
#include <optional>
#include <string>

#include "server/heap/bigint.h"
#include "server/heap/float_object.h"
#include "server/heap/int_object.h"
#include "server/heap/tuple_object.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"

namespace heapsim::script {

namespace {

// The int itself when it is exactly an int, else (a bool) a new int of its
// value, as CPython's int_int (long_long) gives it.
Ref IntItself(Heap& heap, ObjectId value) {
  if (heap.type_of(value) == TypeTag::kInt) return heap.NewRef(value);
  return NewInt(heap, IntAsBig(heap, value));
}

class NumberMethodCall : public BuiltinCall {
 public:
  using BuiltinCall::BuiltinCall;

  Ref Run() {
    if (!KeywordsAllowed() || !Arity(0, 0)) return Ref();
    switch (builtin_) {
      case Builtin::kIntBitLength:
        return NewInt(heap_, static_cast<int64_t>(IntAsBig(heap_, self_).BitLength()));
      case Builtin::kIntConjugate:
        return IntItself(heap_, self_);
      case Builtin::kIntAsIntegerRatio: {
        // The numerator first, then the tuple that packs it with 1.
        Ref numerator = IntItself(heap_, self_);
        Ref one = NewInt(heap_, 1);
        return NewTuple(heap_, {numerator.release(), one.release()});
      }
      case Builtin::kFloatIsInteger: {
        const double value = FloatValue(heap_, self_);
        return Bool(std::isfinite(value) && std::floor(value) == value);
      }
      case Builtin::kFloatConjugate:
        return heap_.NewRef(self_);
      default:
        return Fail(absl::InternalError("not a number method"));
    }
  }
};

}  // namespace

Ref CallNumberMethod(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return NumberMethodCall(interp, builtin, self, args).Run();
}

std::optional<Ref> NumberAttribute(Heap& heap, ObjectId number, std::string_view name) {
  const TypeTag type = heap.type_of(number);
  if (type == TypeTag::kInt || type == TypeTag::kBool) {
    if (name == "real" || name == "numerator") return IntItself(heap, number);
    if (name == "imag") return NewInt(heap, 0);
    if (name == "denominator") return NewInt(heap, 1);
  } else if (type == TypeTag::kFloat) {
    if (name == "real") return heap.NewRef(number);
    if (name == "imag") return NewFloat(heap, 0.0);
  }
  return std::nullopt;
}

}  // namespace heapsim::script
