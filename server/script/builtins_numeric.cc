// The builtins that convert between numbers and text or do a number's
// arithmetic by name: ord, chr, hex, oct, bin, divmod and pow.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/bigint.h"
#include "server/heap/bytes_object.h"
#include "server/heap/float_object.h"
#include "server/heap/int_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/operators.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// The code points of valid UTF-8 text.
std::vector<uint32_t> CodePoints(const std::string& utf8) {
  std::vector<uint32_t> points;
  for (size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<uint8_t>(utf8[i]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    uint32_t point = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t k = 1; k < length && i + k < utf8.size(); ++k) {
      point = (point << 6) | (static_cast<uint8_t>(utf8[i + k]) & 0x3F);
    }
    points.push_back(point);
    i += length;
  }
  return points;
}

// The UTF-8 encoding of `point`. REQUIRES: a scalar value (no surrogate).
std::string Utf8Of(uint32_t point) {
  std::string text;
  if (point < 0x80) {
    text += static_cast<char>(point);
  } else if (point < 0x800) {
    text += static_cast<char>(0xC0 | (point >> 6));
    text += static_cast<char>(0x80 | (point & 0x3F));
  } else if (point < 0x10000) {
    text += static_cast<char>(0xE0 | (point >> 12));
    text += static_cast<char>(0x80 | ((point >> 6) & 0x3F));
    text += static_cast<char>(0x80 | (point & 0x3F));
  } else {
    text += static_cast<char>(0xF0 | (point >> 18));
    text += static_cast<char>(0x80 | ((point >> 12) & 0x3F));
    text += static_cast<char>(0x80 | ((point >> 6) & 0x3F));
    text += static_cast<char>(0x80 | (point & 0x3F));
  }
  return text;
}

// True for an int (or bool) of one 30-bit digit at most, the operands
// CPython divides without temporaries.
bool SingleDigitInt(const Heap& heap, ObjectId id) {
  const std::optional<int64_t> value = IntAsInt64(heap, id);
  return value && *value > -(int64_t{1} << BigInt::kDigitBits) &&
         *value < (int64_t{1} << BigInt::kDigitBits);
}

bool IsFloatOrInt(const Heap& heap, ObjectId id) {
  return heap.type_of(id) == TypeTag::kFloat || IsIntLike(heap, id);
}

double AsDoubleValue(const Heap& heap, ObjectId id) {
  if (heap.type_of(id) == TypeTag::kFloat) return FloatValue(heap, id);
  return IntAsBig(heap, id).ToDouble();
}

class NumericCall : public BuiltinCall {
 public:
  NumericCall(Interpreter& interp, Builtin builtin, CallArgs& args)
      : BuiltinCall(interp, builtin, kNoObject, args) {}

  Ref Run() {
    switch (builtin_) {
      case Builtin::kOrd:
        return Ord();
      case Builtin::kChr:
        return Chr();
      case Builtin::kHex:
        return PowerOfTwoText("0x", 4);
      case Builtin::kOct:
        return PowerOfTwoText("0o", 3);
      case Builtin::kBin:
        return PowerOfTwoText("0b", 1);
      case Builtin::kDivMod:
        return DivMod();
      case Builtin::kPow:
        return Pow();
      default:
        return TypeError("unknown builtin");
    }
  }

 private:
  Ref Ord() {
    if (!Arity(1, 1)) return Ref();
    const ObjectId arg = Arg(0);
    const TypeTag type = heap_.type_of(arg);
    size_t length;
    int64_t value = 0;
    if (type == TypeTag::kStr) {
      const std::vector<uint32_t> points = CodePoints(StrText(heap_, arg));
      length = points.size();
      if (length == 1) value = points[0];
    } else if (type == TypeTag::kBytes || type == TypeTag::kByteArray) {
      const std::string& data = BytesData(heap_, arg);
      length = data.size();
      if (length == 1) value = static_cast<uint8_t>(data[0]);
    } else {
      return TypeError(absl::StrCat("ord() expected string of length 1, but ",
                                    TypeName(heap_, arg), " found"));
    }
    if (length != 1) {
      return TypeError(absl::StrCat("ord() expected a character, but string of length ", length,
                                    " found"));
    }
    return Int(value);
  }

  Ref Chr() {
    if (!Arity(1, 1)) return Ref();
    const ObjectId arg = Arg(0);
    const ErrorMessages& messages = heap_.profile().messages;
    if (!IsIntLike(heap_, arg)) {
      const std::string type = TypeName(heap_, arg);
      if (!messages.int_arg_legacy) {
        return TypeError(absl::StrCat("'", type, "' object cannot be interpreted as an integer"));
      }
      if (heap_.type_of(arg) == TypeTag::kFloat) {
        return TypeError("integer argument expected, got float");
      }
      return TypeError(absl::StrCat("an integer is required (got type ", type, ")"));
    }
    const std::optional<int64_t> value = IntAsInt64(heap_, arg);
    const bool fits_c_int = value && *value >= INT32_MIN && *value <= INT32_MAX;
    if (!fits_c_int && !messages.chr_overflow_value_error) {
      return Fail(PyError(PyExc::kOverflowError, "Python int too large to convert to C int"));
    }
    if (!fits_c_int || *value < 0 || *value >= 0x110000) {
      return Fail(PyError(PyExc::kValueError, "chr() arg not in range(0x110000)"));
    }
    if (*value >= 0xD800 && *value <= 0xDFFF) {
      interp_.Refuse("chr() of a surrogate code point (a str heapsim cannot hold)");
      return Ref();
    }
    return NewStr(heap_, Utf8Of(static_cast<uint32_t>(*value)));
  }

  // hex(), oct() and bin(): "0x" and the digits, "-" first when negative.
  Ref PowerOfTwoText(std::string_view prefix, int bits_per_char) {
    if (!Arity(1, 1)) return Ref();
    const ObjectId arg = Arg(0);
    if (!IsIntLike(heap_, arg)) {
      return TypeError(absl::StrCat("'", TypeName(heap_, arg),
                                    "' object cannot be interpreted as an integer"));
    }
    const BigInt value = IntAsBig(heap_, arg);
    return NewStrObject(heap_, absl::StrCat(value.is_negative() ? "-" : "", std::string(prefix),
                                            value.MagnitudeInPowerOfTwoBase(bits_per_char)));
  }

  Ref UnsupportedDivMod(ObjectId a, ObjectId b) {
    return TypeError(absl::StrCat("unsupported operand type(s) for divmod(): '",
                                  TypeName(heap_, a), "' and '", TypeName(heap_, b), "'"));
  }

  Ref DivMod() {
    if (!Arity(2, 2)) return Ref();
    const ObjectId a = Arg(0);
    const ObjectId b = Arg(1);
    if (heap_.type_of(a) == TypeTag::kComplex || heap_.type_of(b) == TypeTag::kComplex) {
      interp_.Refuse("divmod() of a complex number");
      return Ref();
    }
    if (!IsFloatOrInt(heap_, a) || !IsFloatOrInt(heap_, b)) return UnsupportedDivMod(a, b);
    if (IsIntLike(heap_, a) && IsIntLike(heap_, b)) {
      if (!SingleDigitInt(heap_, a) || !SingleDigitInt(heap_, b)) {
        interp_.Refuse(
            "divmod() of an int of more than one 30-bit digit (the temporaries of CPython's "
            "long division are not modelled)");
        return Ref();
      }
      if (IntAsInt64(heap_, b) == 0) {
        return Fail(PyError(PyExc::kZeroDivisionError, "integer division or modulo by zero"));
      }
      // CPython's single-digit path: the quotient, then the remainder, then
      // the tuple holding them.
      absl::StatusOr<Ref> quotient = Binary(heap_, BinaryOp::kFloorDiv, a, b, false);
      if (!quotient.ok()) return Fail(quotient.status());
      absl::StatusOr<Ref> remainder = Binary(heap_, BinaryOp::kMod, a, b, false);
      if (!remainder.ok()) return Fail(remainder.status());
      return NewTuple(heap_, {quotient->release(), remainder->release()});
    }
    const double x = AsDoubleValue(heap_, a);
    const double y = AsDoubleValue(heap_, b);
    if (y == 0) return Fail(PyError(PyExc::kZeroDivisionError, "float divmod()"));
    const FloatDivMod result = FloatDivide(x, y);
    // Py_BuildValue("(dd)"): the tuple first, then its two floats.
    heap_.IncRef(heap_.none());
    heap_.IncRef(heap_.none());
    Ref pair = NewTuple(heap_, {heap_.none(), heap_.none()});
    Ref first = NewFloat(heap_, result.quotient);
    Ref second = NewFloat(heap_, result.remainder);
    std::vector<ObjectId>& items = heap_.tuple(pair.get()).items;
    items[0] = first.release();
    items[1] = second.release();
    heap_.DecRef(heap_.none());
    heap_.DecRef(heap_.none());
    return pair;
  }

  // pow(base, exp, mod=None), whose arguments may be passed by name.
  Ref Pow() {
    static constexpr std::string_view kNames[] = {"base", "exp", "mod"};
    if (args_.positional.size() > 3) {
      return TypeError(absl::StrCat("pow() takes at most 3 arguments (", args_.positional.size(),
                                    " given)"));
    }
    ObjectId operands[3] = {kNoObject, kNoObject, kNoObject};
    for (size_t i = 0; i < args_.positional.size(); ++i) operands[i] = Arg(i);
    for (const auto& [name, value] : args_.keywords) {
      size_t index = 0;
      while (index < 3 && kNames[index] != name) ++index;
      if (index == 3) {
        return TypeError(heap_.profile().messages.clinic_keyword_names_function
                             ? absl::StrCat("pow() got an unexpected keyword argument '", name, "'")
                             : absl::StrCat("'", name, "' is an invalid keyword argument for pow()"));
      }
      if (operands[index] != kNoObject) {
        interp_.Refuse("pow() given an argument both by position and by name");
        return Ref();
      }
      operands[index] = value.get();
    }
    for (size_t i = 0; i < 2; ++i) {
      if (operands[i] == kNoObject) {
        return TypeError(absl::StrCat("pow() missing required argument '", std::string(kNames[i]), "' (pos ",
                                      i + 1, ")"));
      }
    }
    const ObjectId base = operands[0];
    const ObjectId exp = operands[1];
    const ObjectId mod = operands[2];
    if (mod == kNoObject || heap_.type_of(mod) == TypeTag::kNone) {
      return BinaryOf(interp_, BinaryOp::kPow, base, exp, false);
    }
    return ModularPow(base, exp, mod);
  }

  Ref ModularPow(ObjectId base, ObjectId exp, ObjectId mod) {
    const ObjectId operands[3] = {base, exp, mod};
    bool all_ints = true;
    bool any_float = false;
    for (ObjectId operand : operands) {
      const TypeTag type = heap_.type_of(operand);
      if (type == TypeTag::kInstance || type == TypeTag::kComplex) {
        interp_.Refuse("pow() with a modulus and an instance or complex operand");
        return Ref();
      }
      any_float = any_float || type == TypeTag::kFloat;
      all_ints = all_ints && IsIntLike(heap_, operand);
    }
    if (any_float) {
      return TypeError("pow() 3rd argument not allowed unless all arguments are integers");
    }
    if (!all_ints) {
      return TypeError(absl::StrCat(
          "unsupported operand type(s) for ",
          heap_.profile().messages.ternary_pow_names_operator ? "** or pow()" : "pow()", ": '",
          TypeName(heap_, base), "', '", TypeName(heap_, exp), "', '", TypeName(heap_, mod), "'"));
    }
    const std::optional<int64_t> a = IntAsInt64(heap_, base);
    const std::optional<int64_t> b = IntAsInt64(heap_, exp);
    const std::optional<int64_t> c = IntAsInt64(heap_, mod);
    if (c == 0) return Fail(PyError(PyExc::kValueError, "pow() 3rd argument cannot be 0"));
    // Every product and remainder CPython makes on the way stays within the
    // small-int cache when base and modulus are at most 16 in magnitude.
    if (!a || !b || !c || *a < -16 || *a > 16 || *b < 0 || *b >= (int64_t{1} << 30) ||
        *c < -16 || *c > 16) {
      interp_.Refuse(
          "pow() with a modulus, unless the base and modulus are at most 16 in magnitude and "
          "the exponent is a non-negative single-digit int (CPython's intermediate products "
          "are not modelled)");
      return Ref();
    }
    const int64_t modulus = *c < 0 ? -*c : *c;
    int64_t square = ((*a % modulus) + modulus) % modulus;
    int64_t result = 1 % modulus;
    for (int64_t e = *b; e > 0; e >>= 1) {
      if (e & 1) result = result * square % modulus;
      square = square * square % modulus;
    }
    // A negative modulus gives a result in (mod, 0].
    if (*c < 0 && result != 0) result -= modulus;
    return Int(result);
  }
};

}  // namespace

Ref CallNumericBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args) {
  return NumericCall(interp, builtin, args).Run();
}

}  // namespace heapsim::script
