// Module math on integers: factorial, gcd, lcm, isqrt, comb and perm, exact
// for ints of any size, with CPython's checks and messages per version.
// The results are made as one new int each. Where CPython's computation
// makes intermediate ints (factorials past 20, comb, perm, lcm, big gcds),
// calls are refused while tracemalloc traces, as its peak would show them;
// arguments past what a session computes in its limits are refused.

#include <string>

#include "absl/strings/str_cat.h"
#include "server/heap/budget.h"
#include "server/heap/int_object.h"
#include "server/heap/py_error.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/module_math.h"

namespace heapsim::script {

namespace {

// The largest factorial argument, and the largest min(k, n - k) of comb
// and k of perm, heapsim computes (CPython takes minutes past a million).
constexpr int64_t kMaxFactorialArgument = 20'000;

constexpr char kLongMax[] = "9223372036854775807";

class MathIntegerCall : public BuiltinCall {
 public:
  MathIntegerCall(Interpreter& interp, Builtin builtin, CallArgs& args)
      : BuiltinCall(interp, builtin, kNoObject, args) {}

  Ref Run();

 private:
  // The argument through __index__: nullopt with the error pending.
  std::optional<BigInt> Integer(ObjectId id);
  // A new int for `value`: as PyLong_FromLong makes it where it fits a
  // C long, else with its digits.
  Ref Result(const BigInt& value) {
    if (const std::optional<int64_t> small = value.ToInt64()) return NewInt(heap_, *small);
    return NewInt(heap_, value);
  }
  // A new int for `value` as PyLong_FromUnsignedLong(Long) makes it: an
  // array of exactly its digits (a medium int's request differs from
  // PyLong_FromLong's from 3.12).
  Ref UnsignedResult(const BigInt& value) {
    if (const std::optional<int64_t> small = value.ToInt64(); small && Heap::IsSmallInt(*small)) {
      return NewInt(heap_, *small);
    }
    return NewInt(heap_, value, IntRequest::Digits(static_cast<uint32_t>(value.digit_count())));
  }
  // Refuses the call while tracemalloc traces (CPython's intermediate
  // ints would show in its peak); true when it may go on.
  bool UntracedOnly(std::string_view what);
  bool WithinLimit(int64_t size, std::string_view what);
  Ref Factorial(ObjectId n);
  Ref Gcd(bool lcm);
  Ref Isqrt();
  Ref CombPerm();
};

std::optional<BigInt> MathIntegerCall::Integer(ObjectId id) {
  if (IsIntLike(heap_, id)) return IntAsBig(heap_, id);
  if (heap_.type_of(id) == TypeTag::kInstance) {
    interp_.Refuse(absl::StrCat("math.", std::string(BuiltinName(builtin_)), "() of a '", TypeName(heap_, id),
                                "' instance (__index__ is not modelled here)"));
    return std::nullopt;
  }
  TypeError(absl::StrCat("'", TypeName(heap_, id), "' object cannot be interpreted as an integer"));
  return std::nullopt;
}

bool MathIntegerCall::UntracedOnly(std::string_view what) {
  if (!heap_.tracemalloc().tracing()) return true;
  interp_.Refuse(absl::StrCat(std::string(what), " while tracemalloc traces (the intermediate ints CPython "
                                    "makes on the way are not modelled)"));
  return false;
}

bool MathIntegerCall::WithinLimit(int64_t size, std::string_view what) {
  if (size <= kMaxFactorialArgument) return true;
  interp_.Refuse(absl::StrCat(std::string(what), " above 20,000 (beyond what a session computes)"));
  return false;
}

// gcd(a, b) by Euclid's divisions, each spending work; nullopt when the
// session's budget ran out.
std::optional<BigInt> GreatestCommonDivisor(BigInt a, BigInt b) {
  a = a.Abs();
  b = b.Abs();
  while (!b.is_zero()) {
    if (!SpendWork(a.digit_count() + 1)) return std::nullopt;
    BigInt quotient;
    BigInt remainder;
    BigInt::DivMod(a, b, &quotient, &remainder);
    a = std::move(b);
    b = std::move(remainder);
  }
  return a;
}

// The product of the ints in [low, high], split in halves so that the
// operands stay balanced.
BigInt RangeProduct(int64_t low, int64_t high) {
  if (low > high) return BigInt(1);
  if (high - low < 8) {
    BigInt product(1);
    for (int64_t i = low; i <= high; ++i) product = product * BigInt(i);
    return product;
  }
  const int64_t middle = low + (high - low) / 2;
  BigInt left = RangeProduct(low, middle);
  BigInt right = RangeProduct(middle + 1, high);
  SpendWork(left.digit_count() * right.digit_count() / 64 + 1);
  return left * right;
}

Ref MathIntegerCall::Factorial(ObjectId n_arg) {
  if (heap_.type_of(n_arg) == TypeTag::kFloat && heap_.profile().math.factorial_accepts_floats) {
    interp_.Refuse("math.factorial() of a float (accepted, deprecated, before 3.10)");
    return Ref();
  }
  const std::optional<BigInt> n_big = Integer(n_arg);
  if (!n_big) return Ref();
  if (n_big->is_negative()) {
    return Fail(PyError(PyExc::kValueError, "factorial() not defined for negative values"));
  }
  const std::optional<int64_t> n = n_big->ToInt64();
  if (!n) {
    return Fail(PyError(PyExc::kOverflowError,
                        absl::StrCat("factorial() argument should not exceed ", kLongMax)));
  }
  // Up to 20! CPython reads a table: one new int.
  if (*n > 20 && !UntracedOnly("math.factorial(n) for n above 20")) return Ref();
  if (!WithinLimit(*n, "math.factorial(n) for n")) return Ref();
  BigInt product = RangeProduct(1, *n);
  if (!SpendWork(1)) return Fail(BudgetStatus());
  return UnsignedResult(product);
}

// gcd(*integers) and lcm(*integers); before 3.9 gcd takes exactly two and
// lcm is missing.
Ref MathIntegerCall::Gcd(bool lcm) {
  const size_t n = args_.positional.size();
  if (!heap_.profile().math.variadic_gcd && !Arity(2, 2)) return Ref();
  std::vector<BigInt> values;
  for (size_t i = 0; i < n; ++i) {
    std::optional<BigInt> value = Integer(Arg(i));
    if (!value) return Ref();
    values.push_back(std::move(*value));
  }
  if (n == 0) return Int(lcm ? 1 : 0);
  if (n == 1) {
    // abs(x): an int that is not negative is its own.
    if (heap_.type_of(Arg(0)) == TypeTag::kInt && !values[0].is_negative()) {
      return heap_.NewRef(Arg(0));
    }
    return Result(values[0].Abs());
  }
  if (lcm && !UntracedOnly("math.lcm() of two or more ints")) return Ref();
  for (const BigInt& value : values) {
    if (!value.ToInt64() && !UntracedOnly(absl::StrCat("math.", std::string(BuiltinName(builtin_)),
                                                       "() of ints past 64 bits"))) {
      return Ref();
    }
  }
  BigInt result = values[0].Abs();
  for (size_t i = 1; i < n; ++i) {
    if (lcm && (result.is_zero() || values[i].is_zero())) {
      result = BigInt(0);
      continue;
    }
    std::optional<BigInt> divisor = GreatestCommonDivisor(result, values[i]);
    if (!divisor) return Fail(BudgetStatus());
    if (!lcm) {
      result = std::move(*divisor);
      continue;
    }
    BigInt quotient;
    BigInt remainder;
    BigInt::DivMod(result, *divisor, &quotient, &remainder);
    result = (quotient * values[i]).Abs();
  }
  return Result(result);
}

Ref MathIntegerCall::Isqrt() {
  if (!Arity(1, 1)) return Ref();
  const std::optional<BigInt> n = Integer(Arg(0));
  if (!n) return Ref();
  if (n->is_negative()) {
    return Fail(PyError(PyExc::kValueError, "isqrt() argument must be nonnegative"));
  }
  if (n->is_zero()) return Int(0);
  if (n->BitLength() > 64 && !UntracedOnly("math.isqrt() of an int past 64 bits")) return Ref();
  // Newton's iteration from above: x = 2**ceil(bits / 2) > sqrt(n).
  BigInt x = BigInt::ShiftLeft(BigInt(1), (n->BitLength() + 1) / 2);
  while (true) {
    if (!SpendWork(n->digit_count() * n->digit_count() / 16 + 1)) return Fail(BudgetStatus());
    BigInt quotient;
    BigInt remainder;
    BigInt::DivMod(*n, x, &quotient, &remainder);
    const BigInt y = BigInt::ShiftRight(x + quotient, 1);
    if (BigInt::Compare(y, x) >= 0) break;
    x = y;
  }
  return UnsignedResult(x);
}

// comb(n, k) and perm(n, k=None).
Ref MathIntegerCall::CombPerm() {
  const bool comb = builtin_ == Builtin::kMathComb;
  if (!Arity(comb ? 2 : 1, 2)) return Ref();
  if (!comb && args_.positional.size() == 1) return Factorial(Arg(0));
  if (!comb && heap_.type_of(Arg(1)) == TypeTag::kNone) return Factorial(Arg(0));
  const std::optional<BigInt> n_big = Integer(Arg(0));
  if (!n_big) return Ref();
  const std::optional<BigInt> k_big = Integer(Arg(1));
  if (!k_big) return Ref();
  if (n_big->is_negative()) {
    return Fail(PyError(PyExc::kValueError, "n must be a non-negative integer"));
  }
  if (k_big->is_negative()) {
    return Fail(PyError(PyExc::kValueError, "k must be a non-negative integer"));
  }
  if (!UntracedOnly(absl::StrCat("math.", comb ? "comb" : "perm", "()"))) return Ref();
  if (BigInt::Compare(*k_big, *n_big) > 0) return Int(0);
  // The number of factors: k for perm, min(k, n - k) for comb.
  BigInt factors = *k_big;
  if (comb && BigInt::Compare(*n_big - *k_big, factors) < 0) factors = *n_big - *k_big;
  const std::optional<int64_t> count = factors.ToInt64();
  if (!count) {
    return Fail(PyError(PyExc::kOverflowError,
                        absl::StrCat(comb ? "min(n - k, k)" : "k", " must not exceed ", kLongMax)));
  }
  if (!WithinLimit(*count, comb ? "math.comb(n, k) for min(k, n - k)" : "math.perm(n, k) for k")) {
    return Ref();
  }
  BigInt result(1);
  for (int64_t i = 0; i < *count; ++i) {
    if (!SpendWork(result.digit_count() + 1)) return Fail(BudgetStatus());
    result = result * (*n_big - BigInt(i));
    if (comb) {
      BigInt quotient;
      BigInt remainder;
      BigInt::DivMod(result, BigInt(i + 1), &quotient, &remainder);
      result = std::move(quotient);
    }
  }
  return Result(result);
}

Ref MathIntegerCall::Run() {
  switch (builtin_) {
    case Builtin::kMathFactorial:
      if (!Arity(1, 1)) return Ref();
      return Factorial(Arg(0));
    case Builtin::kMathGcd:
      return Gcd(false);
    case Builtin::kMathLcm:
      return Gcd(true);
    case Builtin::kMathIsqrt:
      return Isqrt();
    case Builtin::kMathComb:
    case Builtin::kMathPerm:
      return CombPerm();
    default:
      return Fail(absl::InternalError("not a math function"));
  }
}

}  // namespace

Ref CallMathIntegerBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args) {
  return MathIntegerCall(interp, builtin, args).Run();
}

}  // namespace heapsim::script
