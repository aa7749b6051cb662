// Module math on floats: the functions CPython computes with the C
// library's (the same libm calls, so results are bit-exact), with the checks
// math_1, loghelper, math_pow and friends make on arguments and results and
// their messages per version. The integer functions are in
// module_math_integer.cc.

#include "server/script/module_math.h"

#include <cerrno>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/float_object.h"
#include "server/heap/int_object.h"
#include "server/heap/py_error.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

using UnaryFunction = double (*)(double);

// A function of one float and whether an infinite result from a finite
// argument is an OverflowError (else a ValueError), as math_1 takes them.
struct UnaryEntry {
  Builtin builtin;
  UnaryFunction function;
  bool can_overflow;
};

double Degrees(double x) { return x * (180.0 / std::numbers::pi); }
double Radians(double x) { return x * (std::numbers::pi / 180.0); }

const UnaryEntry kUnary[] = {
    {Builtin::kMathSqrt, [](double x) { return std::sqrt(x); }, false},
    {Builtin::kMathExp, [](double x) { return std::exp(x); }, true},
    {Builtin::kMathExpm1, [](double x) { return std::expm1(x); }, true},
    {Builtin::kMathLog1p, [](double x) { return std::log1p(x); }, false},
    {Builtin::kMathSin, [](double x) { return std::sin(x); }, false},
    {Builtin::kMathCos, [](double x) { return std::cos(x); }, false},
    {Builtin::kMathTan, [](double x) { return std::tan(x); }, false},
    {Builtin::kMathAsin, [](double x) { return std::asin(x); }, false},
    {Builtin::kMathAcos, [](double x) { return std::acos(x); }, false},
    {Builtin::kMathAtan, [](double x) { return std::atan(x); }, false},
    {Builtin::kMathSinh, [](double x) { return std::sinh(x); }, true},
    {Builtin::kMathCosh, [](double x) { return std::cosh(x); }, true},
    {Builtin::kMathTanh, [](double x) { return std::tanh(x); }, false},
    {Builtin::kMathAsinh, [](double x) { return std::asinh(x); }, false},
    {Builtin::kMathAcosh, [](double x) { return std::acosh(x); }, false},
    {Builtin::kMathAtanh, [](double x) { return std::atanh(x); }, false},
    {Builtin::kMathFabs, [](double x) { return std::fabs(x); }, false},
};

// m_log, m_log2, m_log10: the C function for positive finite arguments,
// a domain error (EDOM) for zero and negatives.
double DomainCheckedLog(double x, UnaryFunction log) {
  if (std::isfinite(x)) {
    if (x > 0.0) return log(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : std::nan("");
  }
  if (std::isnan(x) || x > 0.0) return x;
  errno = EDOM;
  return std::nan("");
}

class MathCall : public BuiltinCall {
 public:
  MathCall(Interpreter& interp, Builtin builtin, CallArgs& args)
      : BuiltinCall(interp, builtin, kNoObject, args) {}

  Ref Run();

 private:
  // The argument as PyFloat_AsDouble converts it; nullopt with the error
  // or refusal pending.
  std::optional<double> Real(ObjectId id);
  Ref DomainError() { return Fail(PyError(PyExc::kValueError, "math domain error")); }
  Ref RangeError() { return Fail(PyError(PyExc::kOverflowError, "math range error")); }
  Ref Float(double value) { return NewFloat(heap_, value); }
  // math_1: f(x) with its checks of the result and of errno.
  Ref Unary(const UnaryEntry& entry);
  // The float result `r` of f(x), checked as math_1 checks it.
  Ref CheckedResult(double x, double r, bool can_overflow);
  Ref Log(UnaryFunction log);
  // loghelper: log of an int (of any size) or a float; nullopt with the
  // error pending.
  std::optional<double> LogOf(ObjectId id, UnaryFunction log);
  Ref Pow();
  Ref Fmod();
  Ref Binary(double (*function)(double, double));
  Ref Rounding(double (*function)(double));
  Ref IntFromFloat(double value);
  Ref Trunc();
  Ref Classify();
  Ref IsClose();
  Ref Prod();
  Ref Fsum();
  Ref Frexp();
  Ref Modf();
  Ref Ldexp();
  // The TypeError of an unknown keyword in the words of the profile's
  // argument parser.
  Ref UnknownKeyword(std::string_view name);
};

std::optional<double> MathCall::Real(ObjectId id) {
  switch (heap_.type_of(id)) {
    case TypeTag::kFloat:
      return FloatValue(heap_, id);
    case TypeTag::kInt:
    case TypeTag::kBool: {
      const std::optional<double> value = IntToDouble(IntAsBig(heap_, id));
      if (!value) {
        interp_.Raise(PyError(PyExc::kOverflowError, "int too large to convert to float"));
      }
      return value;
    }
    case TypeTag::kInstance:
      interp_.Refuse(absl::StrCat("math.", std::string(BuiltinName(builtin_)), "() of a '", TypeName(heap_, id),
                                  "' instance (__float__ and __index__ are not modelled here)"));
      return std::nullopt;
    default:
      TypeError(absl::StrCat("must be real number, not ", TypeName(heap_, id)));
      return std::nullopt;
  }
}

Ref MathCall::CheckedResult(double x, double r, bool can_overflow) {
  if (std::isnan(r) && !std::isnan(x)) return DomainError();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? RangeError() : DomainError();
  if (std::isfinite(r) && errno != 0) {
    if (errno == EDOM) return DomainError();
    if (errno == ERANGE && std::fabs(r) >= 1.5) return RangeError();
  }
  return Float(r);
}

Ref MathCall::Unary(const UnaryEntry& entry) {
  if (!Arity(1, 1)) return Ref();
  const std::optional<double> x = Real(Arg(0));
  if (!x) return Ref();
  errno = 0;
  const double r = entry.function(*x);
  return CheckedResult(*x, r, entry.can_overflow);
}

std::optional<double> MathCall::LogOf(ObjectId id, UnaryFunction log) {
  if (IsIntLike(heap_, id)) {
    const BigInt value = IntAsBig(heap_, id);
    if (value.is_negative() || value.is_zero()) {
      DomainError();
      return std::nullopt;
    }
    if (const std::optional<double> x = IntToDouble(value)) return log(*x);
    // Past the doubles: log(m * 2**e) from the mantissa and exponent
    // (_PyLong_Frexp), m in [0.5, 1).
    const uint64_t bits = value.BitLength();
    const uint64_t shift = bits - 55;
    const BigInt top = BigInt::ShiftRight(value, shift);
    uint64_t mantissa = static_cast<uint64_t>(*top.ToInt64());
    if (BigInt::Compare(BigInt::ShiftLeft(top, shift), value) != 0) mantissa |= 1;
    double m = std::ldexp(static_cast<double>(mantissa), -55);
    uint64_t exponent = bits;
    if (m == 1.0) {
      m = 0.5;
      ++exponent;
    }
    return log(m) + log(2.0) * static_cast<double>(exponent);
  }
  const std::optional<double> x = Real(id);
  if (!x) return std::nullopt;
  errno = 0;
  const double r = DomainCheckedLog(*x, log);
  if (!CheckedResult(*x, r, false)) return std::nullopt;
  return r;
}

Ref MathCall::Log(UnaryFunction log) {
  if (builtin_ != Builtin::kMathLog) {
    if (!Arity(1, 1)) return Ref();
    const std::optional<double> r = LogOf(Arg(0), log);
    return r ? Float(*r) : Ref();
  }
  const size_t n = args_.positional.size();
  if (n < 1 || n > 2) {
    if (heap_.profile().math.log_arity_message) {
      return TypeError("math.log requires 1 to 2 arguments");
    }
    if (!Arity(1, 2)) return Ref();
  }
  const std::optional<double> num = LogOf(Arg(0), log);
  if (!num) return Ref();
  if (n == 1) return Float(*num);
  // Both logarithms are float objects, then divided (PyNumber_TrueDivide)
  // and dropped: the free list sees them.
  Ref num_object = Float(*num);
  const std::optional<double> den = LogOf(Arg(1), log);
  if (!den) return Ref();
  Ref den_object = Float(*den);
  if (*den == 0.0) return Fail(PyError(PyExc::kZeroDivisionError, "float division by zero"));
  return Float(*num / *den);
}

Ref MathCall::Pow() {
  if (!Arity(2, 2)) return Ref();
  const std::optional<double> x = Real(Arg(0));
  if (!x) return Ref();
  const std::optional<double> y = Real(Arg(1));
  if (!y) return Ref();
  // The C library's pow follows C99's special values, which CPython
  // reproduces for non-finite operands; 0 ** -inf was a domain error
  // before 3.11.
  const double r = std::pow(*x, *y);
  if (!std::isfinite(*x) || !std::isfinite(*y)) {
    if (*x == 0.0 && std::isinf(*y) && *y < 0 && heap_.profile().math.pow_zero_to_minus_inf_fails) {
      return DomainError();
    }
    return Float(r);
  }
  if (std::isnan(r)) return DomainError();
  if (std::isinf(r)) return *x == 0.0 ? DomainError() : RangeError();
  return Float(r);
}

Ref MathCall::Fmod() {
  if (!Arity(2, 2)) return Ref();
  const std::optional<double> x = Real(Arg(0));
  if (!x) return Ref();
  const std::optional<double> y = Real(Arg(1));
  if (!y) return Ref();
  if (std::isinf(*y) && std::isfinite(*x)) return Float(*x);
  const double r = std::fmod(*x, *y);
  if (std::isnan(r) && !std::isnan(*x) && !std::isnan(*y)) return DomainError();
  return Float(r);
}

Ref MathCall::Binary(double (*function)(double, double)) {
  if (!Arity(2, 2)) return Ref();
  const std::optional<double> x = Real(Arg(0));
  if (!x) return Ref();
  const std::optional<double> y = Real(Arg(1));
  if (!y) return Ref();
  return Float(function(*x, *y));
}

Ref MathCall::IntFromFloat(double value) {
  if (std::isinf(value)) {
    return Fail(PyError(PyExc::kOverflowError, "cannot convert float infinity to integer"));
  }
  if (std::isnan(value)) {
    return Fail(PyError(PyExc::kValueError, "cannot convert float NaN to integer"));
  }
  return NewInt(heap_, BigInt::FromDouble(value));
}

// floor() and ceil(): an int is its own (__floor__ returns it; a bool's
// gives the int), a float's through the C function.
Ref MathCall::Rounding(double (*function)(double)) {
  if (!Arity(1, 1)) return Ref();
  const ObjectId x = Arg(0);
  if (heap_.type_of(x) == TypeTag::kInt) return heap_.NewRef(x);
  if (heap_.type_of(x) == TypeTag::kBool) return NewInt(heap_, *IntAsInt64(heap_, x));
  const std::optional<double> value = Real(x);
  if (!value) return Ref();
  return IntFromFloat(function(*value));
}

Ref MathCall::Trunc() {
  if (!Arity(1, 1)) return Ref();
  const ObjectId x = Arg(0);
  switch (heap_.type_of(x)) {
    case TypeTag::kInt:
      return heap_.NewRef(x);
    case TypeTag::kBool:
      return NewInt(heap_, *IntAsInt64(heap_, x));
    case TypeTag::kFloat:
      return IntFromFloat(std::trunc(FloatValue(heap_, x)));
    case TypeTag::kInstance:
      interp_.Refuse("math.trunc() of an instance (__trunc__ is not modelled)");
      return Ref();
    default:
      return TypeError(
          absl::StrCat("type ", TypeName(heap_, x), " doesn't define __trunc__ method"));
  }
}

Ref MathCall::Classify() {
  if (!Arity(1, 1)) return Ref();
  const std::optional<double> x = Real(Arg(0));
  if (!x) return Ref();
  switch (builtin_) {
    case Builtin::kMathIsFinite:
      return Bool(std::isfinite(*x));
    case Builtin::kMathIsInf:
      return Bool(std::isinf(*x));
    default:
      return Bool(std::isnan(*x));
  }
}

Ref MathCall::UnknownKeyword(std::string_view name) {
  const std::string function(BuiltinName(builtin_));
  return TypeError(heap_.profile().messages.clinic_keyword_names_function
                       ? absl::StrCat(function, "() got an unexpected keyword argument '", std::string(name), "'")
                       : absl::StrCat("'", std::string(name), "' is an invalid keyword argument for ", function,
                                      "()"));
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0).
Ref MathCall::IsClose() {
  static constexpr std::string_view kNames[] = {"a", "b", "rel_tol", "abs_tol"};
  const size_t n = args_.positional.size();
  if (n > 2) {
    return TypeError(absl::StrCat("isclose() takes exactly 2 positional arguments (", n, " given)"));
  }
  ObjectId operands[4] = {kNoObject, kNoObject, kNoObject, kNoObject};
  for (size_t i = 0; i < n; ++i) operands[i] = Arg(i);
  for (const auto& [name, value] : args_.keywords) {
    size_t index = 0;
    while (index < 4 && kNames[index] != name) ++index;
    if (index == 4) return UnknownKeyword(name);
    if (operands[index] != kNoObject) {
      interp_.Refuse("isclose() given an argument both by position and by name");
      return Ref();
    }
    operands[index] = value.get();
  }
  for (size_t i = 0; i < 2; ++i) {
    if (operands[i] == kNoObject) {
      return TypeError(absl::StrCat("isclose() missing required argument '", std::string(kNames[i]), "' (pos ",
                                    i + 1, ")"));
    }
  }
  double values[4] = {0.0, 0.0, 1e-09, 0.0};
  for (size_t i = 0; i < 4; ++i) {
    if (operands[i] == kNoObject) continue;
    const std::optional<double> value = Real(operands[i]);
    if (!value) return Ref();
    values[i] = *value;
  }
  const auto [a, b, rel_tol, abs_tol] = values;
  if (rel_tol < 0.0 || abs_tol < 0.0) {
    return Fail(PyError(PyExc::kValueError, "tolerances must be non-negative"));
  }
  if (a == b) return Bool(true);
  if (std::isinf(a) || std::isinf(b)) return Bool(false);
  const double diff = std::fabs(b - a);
  return Bool(diff <= std::fabs(rel_tol * b) || diff <= std::fabs(rel_tol * a) || diff <= abs_tol);
}

// prod(iterable, /, *, start=1): as CPython's, runs of ints (then of
// floats) are multiplied in machine words without intermediate objects;
// the rest through the type's multiplication.
Ref MathCall::Prod() {
  const size_t n = args_.positional.size();
  if (n != 1) {
    return TypeError(absl::StrCat("prod() takes exactly 1 positional argument (", n, " given)"));
  }
  ObjectId start = kNoObject;
  for (const auto& [name, value] : args_.keywords) {
    if (name != "start") return UnknownKeyword(name);
    start = value.get();
  }
  Ref iterator = interp_.GetIter(Arg(0));
  if (!iterator) return Ref();
  Ref result = start != kNoObject ? heap_.NewRef(start) : Int(1);
  enum class Mode { kInt, kFloat, kGeneric };
  Mode mode = Mode::kGeneric;
  int64_t int_result = 0;
  double float_result = 0.0;
  if (heap_.type_of(result.get()) == TypeTag::kInt) {
    if (const std::optional<int64_t> v = IntAsInt64(heap_, result.get())) {
      int_result = *v;
      mode = Mode::kInt;
    }
  } else if (heap_.type_of(result.get()) == TypeTag::kFloat) {
    float_result = FloatValue(heap_, result.get());
    mode = Mode::kFloat;
  }
  if (mode != Mode::kGeneric) result.Reset();
  while (true) {
    Ref item = interp_.Next(iterator.get());
    if (!item) {
      if (interp_.has_error()) return Ref();
      if (mode == Mode::kInt) return NewInt(heap_, int_result);
      if (mode == Mode::kFloat) return Float(float_result);
      return result;
    }
    const TypeTag type = heap_.type_of(item.get());
    if (mode == Mode::kInt && IsIntLike(heap_, item.get())) {
      const std::optional<int64_t> b = IntAsInt64(heap_, item.get());
      int64_t product;
      if (b && !__builtin_mul_overflow(int_result, *b, &product)) {
        int_result = product;
        continue;
      }
    }
    if (mode == Mode::kFloat) {
      if (type == TypeTag::kFloat) {
        float_result *= FloatValue(heap_, item.get());
        continue;
      }
      if (type == TypeTag::kInt) {
        if (const std::optional<int64_t> b = IntAsInt64(heap_, item.get())) {
          float_result *= static_cast<double>(*b);
          continue;
        }
      }
    }
    // Back to objects: the machine-word result made one, then multiplied.
    const bool leaving_int_run = mode == Mode::kInt;
    if (mode == Mode::kInt) result = NewInt(heap_, int_result);
    if (mode == Mode::kFloat) result = Float(float_result);
    Ref product = BinaryOf(interp_, BinaryOp::kMul, result.get(), item.get(), false);
    if (!product) return Ref();
    result = std::move(product);
    item.Reset();
    mode = Mode::kGeneric;
    if (leaving_int_run && heap_.type_of(result.get()) == TypeTag::kFloat) {
      // An int run gives way to a float run, as CPython's code falls
      // through from the one to the other (and never back).
      float_result = FloatValue(heap_, result.get());
      result.Reset();
      mode = Mode::kFloat;
    }
  }
}

// fsum: the exactly rounded sum, by Shewchuk's partials (any correct
// method gives the same double).
Ref MathCall::Fsum() {
  if (!Arity(1, 1)) return Ref();
  Ref iterator = interp_.GetIter(Arg(0));
  if (!iterator) return Ref();
  std::vector<double> partials;
  double special_sum = 0.0;
  double inf_sum = 0.0;
  while (true) {
    Ref item = interp_.Next(iterator.get());
    if (!item) {
      if (interp_.has_error()) return Ref();
      break;
    }
    const std::optional<double> value = Real(item.get());
    if (!value) return Ref();
    double x = *value;
    size_t kept = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      const double hi = x + y;
      const double lo = y - (hi - x);
      if (lo != 0.0) partials[kept++] = lo;
      x = hi;
    }
    partials.resize(kept);
    if (x == 0.0) continue;
    if (!std::isfinite(x)) {
      if (std::isfinite(*value)) {
        return Fail(PyError(PyExc::kOverflowError, "intermediate overflow in fsum"));
      }
      if (std::isinf(*value)) inf_sum += *value;
      special_sum += *value;
      partials.clear();
    } else {
      partials.push_back(x);
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return Fail(PyError(PyExc::kValueError, "-inf + inf in fsum"));
    return Float(special_sum);
  }
  double hi = 0.0;
  size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
      const double x = hi;
      const double y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    // Half-way cases: round toward the remaining partials' sign.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      const double y = lo * 2.0;
      const double x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return Float(hi);
}

Ref MathCall::Frexp() {
  if (!Arity(1, 1)) return Ref();
  const std::optional<double> x = Real(Arg(0));
  if (!x) return Ref();
  int exponent = 0;
  const double mantissa =
      std::isfinite(*x) && *x != 0.0 ? std::frexp(*x, &exponent) : *x;
  Ref m = Float(mantissa);
  Ref e = NewInt(heap_, exponent);
  return NewTupleOf(heap_, {m.get(), e.get()});
}

Ref MathCall::Modf() {
  if (!Arity(1, 1)) return Ref();
  const std::optional<double> x = Real(Arg(0));
  if (!x) return Ref();
  double whole;
  double fraction;
  if (std::isinf(*x)) {
    whole = *x;
    fraction = std::copysign(0.0, *x);
  } else {
    fraction = std::modf(*x, &whole);
  }
  Ref f = Float(fraction);
  Ref w = Float(whole);
  return NewTupleOf(heap_, {f.get(), w.get()});
}

Ref MathCall::Ldexp() {
  if (!Arity(2, 2)) return Ref();
  const std::optional<double> x = Real(Arg(0));
  if (!x) return Ref();
  if (!IsIntLike(heap_, Arg(1))) return TypeError("Expected an int as second argument to ldexp.");
  const BigInt exponent = IntAsBig(heap_, Arg(1));
  if (*x == 0.0 || !std::isfinite(*x)) return Float(*x);
  const std::optional<int64_t> e = exponent.ToInt64();
  const bool huge = !e || *e > INT32_MAX;
  const bool tiny = e && *e < INT32_MIN;
  if ((huge && !exponent.is_negative())) return RangeError();
  if (tiny || (huge && exponent.is_negative())) return Float(std::copysign(0.0, *x));
  const double r = std::ldexp(*x, static_cast<int>(*e));
  if (std::isinf(r)) return RangeError();
  return Float(r);
}

Ref MathCall::Run() {
  if (builtin_ == Builtin::kMathIsClose) return IsClose();
  if (builtin_ == Builtin::kMathProd) return Prod();
  if (!KeywordsAllowed()) return Ref();
  for (const UnaryEntry& entry : kUnary) {
    if (entry.builtin == builtin_) return Unary(entry);
  }
  switch (builtin_) {
    case Builtin::kMathDegrees:
    case Builtin::kMathRadians: {
      if (!Arity(1, 1)) return Ref();
      const std::optional<double> x = Real(Arg(0));
      if (!x) return Ref();
      return Float(builtin_ == Builtin::kMathDegrees ? Degrees(*x) : Radians(*x));
    }
    case Builtin::kMathLog:
      return Log([](double x) { return std::log(x); });
    case Builtin::kMathLog2:
      return Log([](double x) { return std::log2(x); });
    case Builtin::kMathLog10:
      return Log([](double x) { return std::log10(x); });
    case Builtin::kMathPow:
      return Pow();
    case Builtin::kMathFmod:
      return Fmod();
    case Builtin::kMathAtan2:
      return Binary([](double y, double x) { return std::atan2(y, x); });
    case Builtin::kMathCopySign:
      return Binary([](double x, double y) { return std::copysign(x, y); });
    case Builtin::kMathFloor:
      return Rounding([](double x) { return std::floor(x); });
    case Builtin::kMathCeil:
      return Rounding([](double x) { return std::ceil(x); });
    case Builtin::kMathTrunc:
      return Trunc();
    case Builtin::kMathIsFinite:
    case Builtin::kMathIsInf:
    case Builtin::kMathIsNan:
      return Classify();
    case Builtin::kMathFsum:
      return Fsum();
    case Builtin::kMathFrexp:
      return Frexp();
    case Builtin::kMathModf:
      return Modf();
    case Builtin::kMathLdexp:
      return Ldexp();
    default:
      return CallMathIntegerBuiltin(interp_, builtin_, args_);
  }
}

}  // namespace

std::optional<double> IntToDouble(const BigInt& value) {
  if (const std::optional<int64_t> small = value.ToInt64()) return static_cast<double>(*small);
  const uint64_t bits = value.BitLength();
  if (bits > 1024) return std::nullopt;
  // The top 55 bits, the lowest of them sticky for what lies below, round
  // to 53 as the exact value does.
  const BigInt magnitude = value.Abs();
  const uint64_t shift = bits - 55;
  const BigInt top = BigInt::ShiftRight(magnitude, shift);
  uint64_t mantissa = static_cast<uint64_t>(*top.ToInt64());
  if (BigInt::Compare(BigInt::ShiftLeft(top, shift), magnitude) != 0) mantissa |= 1;
  const double result = std::ldexp(static_cast<double>(mantissa), static_cast<int>(shift));
  if (std::isinf(result)) return std::nullopt;
  return value.is_negative() ? -result : result;
}

std::optional<double> MathConstant(std::string_view name) {
  if (name == "pi") return std::numbers::pi;
  if (name == "e") return std::numbers::e;
  if (name == "tau") return 2 * std::numbers::pi;
  if (name == "inf") return HUGE_VAL;
  if (name == "nan") return std::nan("");
  return std::nullopt;
}

Ref CallMathBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args) {
  return MathCall(interp, builtin, args).Run();
}

}  // namespace heapsim::script
