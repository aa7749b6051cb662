#include "server/script/operators.h"

#include <cmath>
#include <deque>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/array_object.h"
#include "server/heap/budget.h"
#include "server/heap/bytes_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/float_object.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/range_object.h"
#include "server/heap/set_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/format.h"
#include "server/script/int_power.h"
#include "server/script/repeat.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

bool IsInt(const Heap& heap, ObjectId id) { return IsIntLike(heap, id); }
bool IsFloat(const Heap& heap, ObjectId id) { return heap.type_of(id) == TypeTag::kFloat; }
bool IsComplex(const Heap& heap, ObjectId id) { return heap.type_of(id) == TypeTag::kComplex; }
bool IsReal(const Heap& heap, ObjectId id) { return IsInt(heap, id) || IsFloat(heap, id); }
bool IsNumeric(const Heap& heap, ObjectId id) { return IsReal(heap, id) || IsComplex(heap, id); }
bool IsAnySet(const Heap& heap, ObjectId id) {
  const TypeTag t = heap.type_of(id);
  return t == TypeTag::kSet || t == TypeTag::kFrozenSet;
}

uint32_t DigitsOf(const Heap& heap, ObjectId id) {
  const Object& o = heap.object(id);
  if (o.type == TypeTag::kInt && o.subtype != 0) {
    return static_cast<uint32_t>(heap.big_int(id).digit_count());
  }
  return DigitCount(o.small_int);
}

bool IsNegative(const Heap& heap, ObjectId id) {
  const Object& o = heap.object(id);
  if (o.type == TypeTag::kInt && o.subtype != 0) return heap.big_int(id).is_negative();
  return o.small_int < 0;
}

double AsDouble(const Heap& heap, ObjectId id) {
  return IsFloat(heap, id) ? FloatValue(heap, id) : IntAsBig(heap, id).ToDouble();
}

// The TypeError of an operator neither operand supports; an augmented
// assignment names its operator with the "=" ("+=").
absl::Status Unsupported(const Heap& heap, BinaryOp op, ObjectId a, ObjectId b, bool in_place) {
  return PyError(PyExc::kTypeError,
                 absl::StrCat("unsupported operand type(s) for ", BinaryOpSymbol(op), in_place ? "=" : "", ": '",
                              TypeName(heap, a), "' and '", TypeName(heap, b), "'"));
}

// How CPython allocates an int result with the operands' digit counts.
IntRequest ArithmeticRequest(BinaryOp op, uint32_t na, uint32_t nb, bool same_sign,
                             uint32_t result_digits) {
  const bool small = na <= 1 && nb <= 1;
  switch (op) {
    case BinaryOp::kAdd:
    case BinaryOp::kSub: {
      if (small) return IntRequest::FromLong();
      const uint32_t longest = na > nb ? na : nb;
      // x_add reserves a carry digit; x_sub does not.
      const bool adds = (op == BinaryOp::kAdd) == same_sign;
      return IntRequest::Digits(adds ? longest + 1 : longest);
    }
    case BinaryOp::kMul:
      return ProductRequest(na, nb);
    case BinaryOp::kFloorDiv:
      if (small) return IntRequest::FromLong();
      return IntRequest::Digits(nb == 1 ? na : na - nb + 1);
    case BinaryOp::kMod:
      if (small || nb == 1) return IntRequest::FromLong();
      return IntRequest::Digits(nb);
    default:
      return result_digits <= 1 ? IntRequest::FromLong() : IntRequest::Digits(result_digits);
  }
}

// Whether an int of about `bits` bits fits the call's budget (CPython's
// 30-bit digits take 4 bytes each; the host holds a few temporaries of that
// size while computing it). MemoryError when it does not.
absl::Status CheckBigResult(const Heap& heap, double bits) {
  if (!(bits < 0x1p62)) return PyError(PyExc::kMemoryError, "");
  const uint64_t bytes = (static_cast<uint64_t>(bits) / BigInt::kDigitBits + 1) * 4;
  return CheckGrowth(heap, bytes, 3 * bytes);
}

absl::StatusOr<Ref> IntArithmetic(Heap& heap, BinaryOp op, ObjectId a, ObjectId b, bool in_place) {
  const uint32_t na = DigitsOf(heap, a);
  const uint32_t nb = DigitsOf(heap, b);
  const bool same_sign = IsNegative(heap, a) == IsNegative(heap, b);
  const std::optional<int64_t> x = IntAsInt64(heap, a);
  const std::optional<int64_t> y = IntAsInt64(heap, b);
  if (op == BinaryOp::kTrueDiv) {
    const double divisor = AsDouble(heap, b);
    if (divisor == 0) return PyError(PyExc::kZeroDivisionError, "division by zero");
    if (x && y && std::llabs(*x) < (int64_t{1} << 53) && std::llabs(*y) < (int64_t{1} << 53)) {
      return NewFloat(heap, static_cast<double>(*x) / static_cast<double>(*y));
    }
    return NewFloat(heap, AsDouble(heap, a) / divisor);
  }
  if ((op == BinaryOp::kFloorDiv || op == BinaryOp::kMod) && DigitsOf(heap, b) == 0) {
    const ErrorMessages& messages = heap.profile().messages;
    return PyError(PyExc::kZeroDivisionError, op == BinaryOp::kMod
                                                  ? messages.int_mod_zero
                                                  : "integer division or modulo by zero");
  }
  // Fast path on int64 when nothing overflows.
  if (x && y) {
    int64_t r = 0;
    bool ok = true;
    switch (op) {
      case BinaryOp::kAdd:
        ok = !__builtin_add_overflow(*x, *y, &r);
        break;
      case BinaryOp::kSub:
        ok = !__builtin_sub_overflow(*x, *y, &r);
        break;
      case BinaryOp::kMul:
        ok = !__builtin_mul_overflow(*x, *y, &r);
        break;
      case BinaryOp::kFloorDiv:
        if (*x == INT64_MIN && *y == -1) {
          ok = false;
        } else {
          r = *x / *y;
          if ((*x % *y != 0) && ((*x < 0) != (*y < 0))) --r;
        }
        break;
      case BinaryOp::kMod:
        if (*y == -1) {
          r = 0;
        } else {
          r = *x % *y;
          if (r != 0 && ((r < 0) != (*y < 0))) r += *y;
        }
        break;
      case BinaryOp::kBitAnd:
        r = *x & *y;
        break;
      case BinaryOp::kBitOr:
        r = *x | *y;
        break;
      case BinaryOp::kBitXor:
        r = *x ^ *y;
        break;
      default:
        ok = false;
        break;
    }
    if (ok) {
      return NewInt(heap, r, ArithmeticRequest(op, na, nb, same_sign, DigitCount(r)));
    }
  }
  const BigInt big_a = IntAsBig(heap, a);
  const BigInt big_b = IntAsBig(heap, b);
  BigInt result;
  switch (op) {
    case BinaryOp::kAdd:
      result = big_a + big_b;
      break;
    case BinaryOp::kSub:
      result = big_a - big_b;
      break;
    case BinaryOp::kMul: {
      const double bits = static_cast<double>(big_a.BitLength() + big_b.BitLength());
      if (absl::Status s = CheckBigResult(heap, bits); !s.ok()) return s;
      result = big_a * big_b;
      break;
    }
    case BinaryOp::kFloorDiv:
      BigInt::DivMod(big_a, big_b, &result, nullptr);
      break;
    case BinaryOp::kMod:
      BigInt::DivMod(big_a, big_b, nullptr, &result);
      break;
    case BinaryOp::kPow: {
      if (big_b.is_negative()) {
        if (big_a.is_zero()) {
          return PyError(PyExc::kZeroDivisionError,
                         "0.0 cannot be raised to a negative power");
        }
        return NewFloat(heap, std::pow(big_a.ToDouble(), big_b.ToDouble()));
      }
      const std::optional<int64_t> exponent = big_b.ToInt64();
      if (big_a.BitLength() > 1) {  // |a| >= 2: the result grows with the exponent
        if (!exponent) return PyError(PyExc::kMemoryError, "");
        const double bits = static_cast<double>(*exponent) * std::log2(std::fabs(big_a.ToDouble()));
        if (absl::Status s = CheckBigResult(heap, bits); !s.ok()) return s;
        return IntPower(heap, a, static_cast<uint64_t>(*exponent));
      }
      // An exponent past int64 leaves |a| <= 1: only its parity matters.
      const uint64_t parity_exponent = BigInt::And(big_b, BigInt(1)).is_zero() ? 2 : 1;
      result = BigInt::Pow(big_a, exponent ? static_cast<uint64_t>(*exponent) : parity_exponent);
      break;
    }
    case BinaryOp::kLShift:
    case BinaryOp::kRShift: {
      if (big_b.is_negative()) return PyError(PyExc::kValueError, "negative shift count");
      const uint64_t bits = static_cast<uint64_t>(big_b.ToInt64().value_or(INT64_MAX));
      if (op == BinaryOp::kLShift && !big_a.is_zero()) {
        const double result_bits = static_cast<double>(big_a.BitLength()) + static_cast<double>(bits);
        if (absl::Status s = CheckBigResult(heap, result_bits); !s.ok()) return s;
      }
      result = op == BinaryOp::kLShift ? BigInt::ShiftLeft(big_a, bits)
                                       : BigInt::ShiftRight(big_a, bits);
      break;
    }
    case BinaryOp::kBitAnd:
      result = BigInt::And(big_a, big_b);
      break;
    case BinaryOp::kBitOr:
      result = BigInt::Or(big_a, big_b);
      break;
    case BinaryOp::kBitXor:
      result = BigInt::Xor(big_a, big_b);
      break;
    default:
      return Unsupported(heap, op, a, b, in_place);
  }
  if (absl::Status s = BudgetStatus(); !s.ok()) return s;  // stopped part way
  return NewInt(heap, result,
                ArithmeticRequest(op, na, nb, same_sign, static_cast<uint32_t>(result.digit_count())));
}

absl::StatusOr<Ref> FloatArithmetic(Heap& heap, BinaryOp op, double x, double y) {
  const ErrorMessages& messages = heap.profile().messages;
  switch (op) {
    case BinaryOp::kAdd:
      return NewFloat(heap, x + y);
    case BinaryOp::kSub:
      return NewFloat(heap, x - y);
    case BinaryOp::kMul:
      return NewFloat(heap, x * y);
    case BinaryOp::kTrueDiv:
      if (y == 0) return PyError(PyExc::kZeroDivisionError, "float division by zero");
      return NewFloat(heap, x / y);
    case BinaryOp::kFloorDiv:
    case BinaryOp::kMod: {
      if (y == 0) {
        return PyError(PyExc::kZeroDivisionError, op == BinaryOp::kMod
                                                      ? messages.float_mod_zero
                                                      : messages.float_floor_div_zero);
      }
      const FloatDivMod result = FloatDivide(x, y);
      return NewFloat(heap, op == BinaryOp::kMod ? result.remainder : result.quotient);
    }
    case BinaryOp::kPow:
      if (x == 0 && y < 0) {
        return PyError(PyExc::kZeroDivisionError, "0.0 cannot be raised to a negative power");
      }
      return NewFloat(heap, std::pow(x, y));
    default:
      return absl::InternalError("not a float operator");
  }
}

std::pair<double, double> ComplexParts(const Heap& heap, ObjectId id) {
  if (IsComplex(heap, id)) return {heap.complex(id).real, heap.complex(id).imag};
  return {AsDouble(heap, id), 0.0};
}

absl::StatusOr<Ref> ComplexArithmetic(Heap& heap, BinaryOp op, ObjectId a, ObjectId b, bool in_place) {
  const auto [ar, ai] = ComplexParts(heap, a);
  const auto [br, bi] = ComplexParts(heap, b);
  switch (op) {
    case BinaryOp::kAdd:
      return NewComplex(heap, ar + br, ai + bi);
    case BinaryOp::kSub:
      return NewComplex(heap, ar - br, ai - bi);
    case BinaryOp::kMul:
      return NewComplex(heap, ar * br - ai * bi, ar * bi + ai * br);
    case BinaryOp::kTrueDiv: {
      const double d = br * br + bi * bi;
      if (d == 0) return PyError(PyExc::kZeroDivisionError, "complex division by zero");
      return NewComplex(heap, (ar * br + ai * bi) / d, (ai * br - ar * bi) / d);
    }
    default:
      return Unsupported(heap, op, a, b, in_place);
  }
}

// Concatenation of two sequences of the same kind.
absl::StatusOr<Ref> Concat(Heap& heap, ObjectId a, ObjectId b, bool in_place) {
  const TypeTag type = heap.type_of(a);
  switch (type) {
    case TypeTag::kStr: {
      if (heap.type_of(b) != TypeTag::kStr) {
        return PyError(PyExc::kTypeError, absl::StrCat("can only concatenate str (not \"",
                                                       TypeName(heap, b), "\") to str"));
      }
      if (Length(heap, b) == 0) return heap.NewRef(a);
      if (Length(heap, a) == 0) return heap.NewRef(b);
      return NewStr(heap, StrText(heap, a) + StrText(heap, b));
    }
    case TypeTag::kBytes:
    case TypeTag::kByteArray: {
      // The right operand may be any buffer: an array's raw items too.
      const TypeTag other = heap.type_of(b);
      if (other == TypeTag::kMemoryView) {
        return absl::UnimplementedError("concatenating a memoryview to bytes or a bytearray");
      }
      if (other != TypeTag::kBytes && other != TypeTag::kByteArray && other != TypeTag::kArray) {
        return PyError(PyExc::kTypeError, absl::StrCat("can't concat ", TypeName(heap, b), " to ",
                                                       TypeName(heap, a)));
      }
      if (type == TypeTag::kByteArray) {
        if (in_place) {
          if (Length(heap, b) != 0) {
            if (absl::Status s = ByteArrayCanResize(heap, a); !s.ok()) return s;
          }
          ByteArrayExtend(heap, a, BytesData(heap, b));
          return heap.NewRef(a);
        }
        return NewByteArray(heap, BytesData(heap, a) + BytesData(heap, b));
      }
      if (Length(heap, b) == 0) return heap.NewRef(a);
      if (Length(heap, a) == 0 && other == TypeTag::kBytes) return heap.NewRef(b);
      if (other == TypeTag::kArray) {
        return NewBytesObject(heap, BytesData(heap, a) + BytesData(heap, b));
      }
      return NewBytes(heap, BytesData(heap, a) + BytesData(heap, b));
    }
    case TypeTag::kList: {
      if (in_place) return absl::InternalError("list += is an extend");
      if (heap.type_of(b) != TypeTag::kList) {
        return PyError(PyExc::kTypeError, absl::StrCat("can only concatenate list (not \"",
                                                       TypeName(heap, b), "\") to list"));
      }
      std::vector<ObjectId> items = ListItems(heap, a);
      const auto& tail = ListItems(heap, b);
      items.insert(items.end(), tail.begin(), tail.end());
      return NewListOf(heap, items);
    }
    case TypeTag::kTuple: {
      if (heap.type_of(b) != TypeTag::kTuple) {
        return PyError(PyExc::kTypeError, absl::StrCat("can only concatenate tuple (not \"",
                                                       TypeName(heap, b), "\") to tuple"));
      }
      if (TupleItems(heap, b).empty() && IsExactTuple(heap, a)) return heap.NewRef(a);
      if (TupleItems(heap, a).empty() && IsExactTuple(heap, b)) return heap.NewRef(b);
      std::vector<ObjectId> items = TupleItems(heap, a);
      const auto& tail = TupleItems(heap, b);
      items.insert(items.end(), tail.begin(), tail.end());
      return NewTupleOf(heap, items);
    }
    default:
      return absl::InternalError("not a sequence");
  }
}

bool IsSequence(TypeTag type) {
  return type == TypeTag::kStr || type == TypeTag::kBytes || type == TypeTag::kByteArray ||
         type == TypeTag::kList || type == TypeTag::kTuple;
}

absl::StatusOr<Ref> SetAlgebra(Heap& heap, BinaryOp op, ObjectId a, ObjectId b, bool in_place) {
  const bool frozen = heap.type_of(a) == TypeTag::kFrozenSet;
  switch (op) {
    case BinaryOp::kBitOr: {
      if (in_place && !frozen) {
        if (absl::Status s = SetMerge(heap, a, b); !s.ok()) return s;
        return heap.NewRef(a);
      }
      Ref result = SetCopy(heap, a, frozen);
      if (absl::Status s = SetMerge(heap, result.get(), b); !s.ok()) return s;
      return result;
    }
    case BinaryOp::kBitAnd: {
      absl::StatusOr<Ref> result = SetIntersection(heap, a, b);
      if (!result.ok() || !in_place || frozen) return result;
      // a &= b: a takes over the intersection's table.
      SetSwapBodies(heap, a, result->get());
      return heap.NewRef(a);
    }
    case BinaryOp::kSub: {
      if (in_place && !frozen) {
        if (absl::Status s = SetDifferenceUpdate(heap, a, b); !s.ok()) return s;
        return heap.NewRef(a);
      }
      return SetDifference(heap, a, b);
    }
    case BinaryOp::kBitXor: {
      if (in_place && !frozen) {
        if (absl::Status s = SetSymmetricDifferenceUpdate(heap, a, b); !s.ok()) return s;
        return heap.NewRef(a);
      }
      // A copy of b (of a's kind) updated with a.
      Ref result = SetCopy(heap, b, frozen);
      if (absl::Status s = SetSymmetricDifferenceUpdate(heap, result.get(), a); !s.ok()) return s;
      return result;
    }
    default:
      return Unsupported(heap, op, a, b, in_place);
  }
}

}  // namespace

const char* BinaryOpSymbol(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSub:
      return "-";
    case BinaryOp::kMul:
      return "*";
    case BinaryOp::kTrueDiv:
      return "/";
    case BinaryOp::kFloorDiv:
      return "//";
    case BinaryOp::kMod:
      return "%";
    case BinaryOp::kPow:
      return "** or pow()";
    case BinaryOp::kLShift:
      return "<<";
    case BinaryOp::kRShift:
      return ">>";
    case BinaryOp::kBitOr:
      return "|";
    case BinaryOp::kBitXor:
      return "^";
    case BinaryOp::kBitAnd:
      return "&";
    case BinaryOp::kMatMul:
      return "@";
  }
  return "?";
}

FloatDivMod FloatDivide(double x, double y) {
  double mod = std::fmod(x, y);
  double div = (x - mod) / y;
  if (mod != 0) {
    if ((y < 0) != (mod < 0)) {
      mod += y;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, y);
  }
  double floor_div;
  if (div != 0) {
    floor_div = std::floor(div);
    if (div - floor_div > 0.5) floor_div += 1.0;
  } else {
    floor_div = std::copysign(0.0, x / y);
  }
  return {floor_div, mod};
}

absl::StatusOr<Ref> Binary(Heap& heap, BinaryOp op, ObjectId a, ObjectId b, bool in_place) {
  if ((op == BinaryOp::kAdd || op == BinaryOp::kMul) &&
      (heap.type_of(a) == TypeTag::kDeque || heap.type_of(b) == TypeTag::kDeque)) {
    return absl::UnimplementedError("deque concatenation and repetition");
  }
  if (op == BinaryOp::kBitOr && (IsDefaultDict(heap, a) || IsDefaultDict(heap, b))) {
    return absl::UnimplementedError("the | operator on a defaultdict");
  }
  if (op == BinaryOp::kBitOr && (IsOrderedDict(heap, a) || IsOrderedDict(heap, b))) {
    return absl::UnimplementedError("the | operator on a collections.OrderedDict");
  }
  if ((op == BinaryOp::kSub || op == BinaryOp::kBitAnd || op == BinaryOp::kBitOr ||
       op == BinaryOp::kBitXor) &&
      (IsSetLikeView(heap, a) || IsSetLikeView(heap, b))) {
    return SetLikeViewRefusal(absl::StrCat("the operator ", BinaryOpSymbol(op)));
  }
  if (op == BinaryOp::kBitOr && heap.profile().dict_union_operators &&
      heap.type_of(a) == TypeTag::kDict) {
    // dict_or / dict_ior (PEP 584): a copy of the left dict updated with
    // the right one, or the left one updated in place.
    if (heap.type_of(b) == TypeTag::kDict) {
      if (in_place) {
        if (absl::Status merged = DictMerge(heap, a, b); !merged.ok()) return merged;
        return heap.NewRef(a);
      }
      Ref result = DictCopy(heap, a);
      if (absl::Status merged = DictMerge(heap, result.get(), b); !merged.ok()) return merged;
      return result;
    }
    if (in_place) {
      return absl::UnimplementedError(
          absl::StrCat("dict |= with a '", TypeName(heap, b), "' (heapsim models dict |= dict)"));
    }
  }
  // Numbers.
  if (IsInt(heap, a) && IsInt(heap, b)) {
    if (op == BinaryOp::kPow && IsNegative(heap, b)) {
      return FloatArithmetic(heap, op, AsDouble(heap, a), AsDouble(heap, b));
    }
    return IntArithmetic(heap, op, a, b, in_place);
  }
  if (IsReal(heap, a) && IsReal(heap, b)) {
    switch (op) {
      case BinaryOp::kAdd:
      case BinaryOp::kSub:
      case BinaryOp::kMul:
      case BinaryOp::kTrueDiv:
      case BinaryOp::kFloorDiv:
      case BinaryOp::kMod:
      case BinaryOp::kPow:
        return FloatArithmetic(heap, op, AsDouble(heap, a), AsDouble(heap, b));
      default:
        return Unsupported(heap, op, a, b, in_place);
    }
  }
  if (IsNumeric(heap, a) && IsNumeric(heap, b)) return ComplexArithmetic(heap, op, a, b, in_place);

  const TypeTag ta = heap.type_of(a);
  const TypeTag tb = heap.type_of(b);
  if (op == BinaryOp::kAdd || op == BinaryOp::kMul) {
    if (std::optional<absl::StatusOr<Ref>> array =
            ArrayBinary(heap, op == BinaryOp::kAdd, a, b, in_place)) {
      return std::move(*array);
    }
    if (op == BinaryOp::kMul && (ta == TypeTag::kArray || tb == TypeTag::kArray)) {
      return PyError(PyExc::kTypeError,
                     absl::StrCat("can't multiply sequence by non-int of type '",
                                  TypeName(heap, ta == TypeTag::kArray ? b : a), "'"));
    }
  }
  if (op == BinaryOp::kAdd && IsSequence(ta)) {
    if (ta == TypeTag::kList && in_place) {
      return absl::InternalError("list += is handled by the interpreter as an extend");
    }
    return Concat(heap, a, b, in_place);
  }
  if (op == BinaryOp::kMul) {
    if (IsSequence(ta) && IsInt(heap, b)) return RepeatSequence(heap, a, b, in_place);
    if (IsSequence(tb) && IsInt(heap, a)) return RepeatSequence(heap, b, a, false);
    // sequence_repeat: a count that is not an int.
    if (IsSequence(ta) || IsSequence(tb)) {
      return PyError(PyExc::kTypeError,
                     absl::StrCat("can't multiply sequence by non-int of type '",
                                  TypeName(heap, IsSequence(ta) ? b : a), "'"));
    }
  }
  if (IsAnySet(heap, a) && IsAnySet(heap, b)) return SetAlgebra(heap, op, a, b, in_place);
  if (op == BinaryOp::kMod && ta == TypeTag::kStr) {
    absl::StatusOr<PercentFormatted> formatted = PercentFormat(heap, StrText(heap, a), b);
    if (!formatted.ok()) return formatted.status();
    return PercentFormatResult(heap, a, *formatted);
  }
  return Unsupported(heap, op, a, b, in_place);
}

absl::StatusOr<Ref> Unary(Heap& heap, UnaryOp op, ObjectId a) {
  if (op == UnaryOp::kNot) return heap.NewRef(heap.bool_object(!Truth(heap, a)));
  if (IsInt(heap, a)) {
    const uint32_t digits = DigitsOf(heap, a);
    const IntRequest request =
        digits <= 1 ? IntRequest::FromLong() : IntRequest::Digits(digits);
    switch (op) {
      case UnaryOp::kNeg:
        return NewInt(heap, -IntAsBig(heap, a), request);
      case UnaryOp::kPos:
        if (heap.type_of(a) == TypeTag::kInt) return heap.NewRef(a);
        return NewInt(heap, IntAsBig(heap, a), request);
      case UnaryOp::kInvert:
        return NewInt(heap, -(IntAsBig(heap, a) + BigInt(1)),
                      digits <= 1 ? IntRequest::FromLong() : IntRequest::Digits(digits + 1));
      default:
        break;
    }
  }
  if (IsFloat(heap, a)) {
    if (op == UnaryOp::kNeg) return NewFloat(heap, -FloatValue(heap, a));
    if (op == UnaryOp::kPos) return heap.NewRef(a);
  }
  if (IsComplex(heap, a)) {
    const ComplexBody& c = heap.complex(a);
    if (op == UnaryOp::kNeg) return NewComplex(heap, -c.real, -c.imag);
    if (op == UnaryOp::kPos) return heap.NewRef(a);
  }
  static constexpr const char* kSymbols[] = {"unary -", "unary +", "unary ~"};
  return PyError(PyExc::kTypeError, absl::StrCat("bad operand type for ",
                                                 kSymbols[static_cast<int>(op)], ": '",
                                                 TypeName(heap, a), "'"));
}

namespace {

// `item in range` for an item that is not an int: _PySequence_IterSearch
// compares it with every item in turn (a range iterator and an int per
// item: the peak is left unknown). A float equals an int of its value; an
// instance comparing itself by __eq__ is refused; anything else equals no
// int.
absl::StatusOr<bool> RangeContainsByIteration(Heap& heap, ObjectId range, ObjectId item) {
  heap.tracemalloc().NoteUnknownPeak("a membership test of a range by iteration");
  if (heap.type_of(item) == TypeTag::kInstance && HasSpecialCompare(heap, item)) {
    return absl::UnimplementedError("a membership test in a range of an object with __eq__");
  }
  if (heap.type_of(item) == TypeTag::kComplex) {
    return absl::UnimplementedError("a membership test of a complex number in a range");
  }
  if (heap.type_of(item) != TypeTag::kFloat) return false;
  const double value = FloatValue(heap, item);
  constexpr double kInt64Bound = 9223372036854775808.0;  // 2**63
  if (!std::isfinite(value) || value != std::floor(value) || value >= kInt64Bound ||
      value < -kInt64Bound) {
    return false;
  }
  return RangeHolds(heap.range(range), static_cast<int64_t>(value));
}

}  // namespace

absl::StatusOr<bool> Contains(Heap& heap, ObjectId container, ObjectId item) {
  switch (heap.type_of(container)) {
    case TypeTag::kArray: {
      absl::StatusOr<std::vector<int64_t>> found = ArrayFind(heap, container, item, 1);
      if (!found.ok()) return found.status();
      return !found->empty();
    }
    case TypeTag::kDeque: {
      // deque_contains compares without Python code running in between.
      const std::deque<ObjectId> items = heap.deque(container).items;
      for (ObjectId candidate : items) {
        if (!SpendWork(1)) return BudgetStatus();
        absl::StatusOr<bool> equal = EqualChecked(heap, candidate, item);
        if (!equal.ok() || *equal) return equal;
      }
      return false;
    }
    case TypeTag::kList:
    case TypeTag::kTuple: {
      const auto& items = heap.type_of(container) == TypeTag::kList ? ListItems(heap, container)
                                                                    : TupleItems(heap, container);
      for (ObjectId candidate : items) {
        if (!SpendWork(1)) return BudgetStatus();
        absl::StatusOr<bool> equal = EqualChecked(heap, candidate, item);
        if (!equal.ok() || *equal) return equal;
      }
      return false;
    }
    case TypeTag::kDict: {
      absl::StatusOr<ObjectId> found = DictLookup(heap, container, item);
      if (!found.ok()) return found.status();
      return *found != kNoObject;
    }
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
      return SetContains(heap, container, item);
    case TypeTag::kStr:
      if (heap.type_of(item) != TypeTag::kStr) {
        return PyError(PyExc::kTypeError,
                       absl::StrCat("'in <string>' requires string as left operand, not ",
                                    TypeName(heap, item)));
      }
      return StrText(heap, container).find(StrText(heap, item)) != std::string::npos;
    case TypeTag::kBytes:
    case TypeTag::kByteArray: {
      const std::string& data = BytesData(heap, container);
      if (IsInt(heap, item)) {
        const std::optional<int64_t> byte = IntAsInt64(heap, item);
        if (!byte || *byte < 0 || *byte > 255) {
          return PyError(PyExc::kValueError, "byte must be in range(0, 256)");
        }
        return data.find(static_cast<char>(*byte)) != std::string::npos;
      }
      const TypeTag t = heap.type_of(item);
      if (t == TypeTag::kMemoryView) {
        return absl::UnimplementedError("a membership test of a memoryview in bytes");
      }
      if (t != TypeTag::kBytes && t != TypeTag::kByteArray && t != TypeTag::kArray) {
        return PyError(PyExc::kTypeError,
                       absl::StrCat("a bytes-like object is required, not '", TypeName(heap, item),
                                    "'"));
      }
      return data.find(BytesData(heap, item)) != std::string::npos;
    }
    case TypeTag::kRange: {
      if (heap.range(container).saturated) return SaturatedRangeRefusal("a membership test");
      if (!IsInt(heap, item)) return RangeContainsByIteration(heap, container, item);
      const std::optional<int64_t> value = IntAsInt64(heap, item);
      if (!value) return false;
      // range_contains_long tests the stride of a value within the bounds.
      if (!RangeWithinBounds(heap.range(container), *value)) return false;
      RangeContainsTemporaries(heap, container, *value);
      return RangeHolds(heap.range(container), *value);
    }
    case TypeTag::kDictView: {
      const ObjectId dict = heap.iterator(container).source;
      switch (static_cast<ViewKind>(heap.object(container).subtype)) {
        case ViewKind::kKeys: {
          absl::StatusOr<ObjectId> found = DictLookup(heap, dict, item);
          if (!found.ok()) return found.status();
          return *found != kNoObject;
        }
        case ViewKind::kValues:
          for (const auto& [key, value] : DictItems(heap, dict)) {
            absl::StatusOr<bool> equal = EqualChecked(heap, value, item);
            if (!equal.ok() || *equal) return equal;
          }
          return false;
        case ViewKind::kItems: {
          if (heap.type_of(item) != TypeTag::kTuple || TupleItems(heap, item).size() != 2) {
            return false;
          }
          absl::StatusOr<ObjectId> found = DictLookup(heap, dict, TupleItems(heap, item)[0]);
          if (!found.ok()) return found.status();
          if (*found == kNoObject) return false;
          return EqualChecked(heap, *found, TupleItems(heap, item)[1]);
        }
      }
      return false;
    }
    case TypeTag::kMemoryView:
      return absl::UnimplementedError("a membership test in a memoryview (it iterates)");
    default:
      return PyError(PyExc::kTypeError, absl::StrCat("argument of type '",
                                                     TypeName(heap, container),
                                                     "' is not iterable"));
  }
}

namespace {

// The == operator. Equal() is PyObject_RichCompareBool, which takes an object
// as equal to itself; the operator does not: a float (or complex) holding a
// NaN is unequal even to itself. Containers compare their items with
// Equal(), so [nan] == [nan] holds for one NaN object, as in CPython.
absl::StatusOr<bool> EqualOperator(const Heap& heap, ObjectId a, ObjectId b) {
  if (a != b) return EqualChecked(heap, a, b);
  switch (heap.type_of(a)) {
    case TypeTag::kFloat:
      return !std::isnan(FloatValue(heap, a));
    case TypeTag::kComplex:
      return !std::isnan(heap.complex(a).real) && !std::isnan(heap.complex(a).imag);
    default:
      return true;
  }
}

}  // namespace

std::string_view CompareSymbol(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "==";
    case CompareOp::kNotEq:
      return "!=";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kLtE:
      return "<=";
    case CompareOp::kGt:
      return ">";
    default:
      return ">=";
  }
}

absl::StatusOr<bool> Compare(Heap& heap, CompareOp op, ObjectId a, ObjectId b) {
  switch (op) {
    case CompareOp::kIs:
      return a == b;
    case CompareOp::kIsNot:
      return a != b;
    case CompareOp::kEq:
      return EqualOperator(heap, a, b);
    case CompareOp::kNotEq: {
      absl::StatusOr<bool> equal = EqualOperator(heap, a, b);
      if (!equal.ok()) return equal;
      return !*equal;
    }
    case CompareOp::kIn:
      return Contains(heap, b, a);
    case CompareOp::kNotIn: {
      absl::StatusOr<bool> in = Contains(heap, b, a);
      if (!in.ok()) return in;
      return !*in;
    }
    case CompareOp::kLt:
    case CompareOp::kGt:
    case CompareOp::kLtE:
    case CompareOp::kGtE: {
      const bool flip = op == CompareOp::kGt || op == CompareOp::kGtE;
      const ObjectId left = flip ? b : a;
      const ObjectId right = flip ? a : b;
      absl::StatusOr<bool> less = Less(heap, left, right);
      // RecursionError, a refusal and a limit pass; a TypeError names both sides.
      if (!less.ok() && PyErrorType(less.status()) != PyExc::kTypeError) return less;
      if (!less.ok()) {
        return PyError(PyExc::kTypeError,
                       absl::StrCat("'", std::string(CompareSymbol(op)),
                                    "' not supported between instances of '",
                                    TypeName(heap, a), "' and '", TypeName(heap, b), "'"));
      }
      if (op == CompareOp::kLt || op == CompareOp::kGt) return *less;
      if (*less) return true;
      return EqualOperator(heap, left, right);
    }
  }
  return false;
}

}  // namespace heapsim::script
