#include "server/heap/int_digits.h"

#include "absl/strings/str_cat.h"
#include "server/heap/py_error.h"

namespace heapsim {

namespace {

std::string LimitText(const SourceLimits& limits) {
  return absl::StrCat("Exceeds the limit (", limits.int_max_str_digits,
                      limits.int_limit_says_digits ? " digits" : "",
                      ") for integer string conversion");
}

constexpr char kAdvice[] = "use sys.set_int_max_str_digits() to increase the limit";

}  // namespace

std::string IntFromTextLimitMessage(const SourceLimits& limits, size_t digits) {
  return absl::StrCat(LimitText(limits), ": value has ", digits, " digits; ", kAdvice);
}

absl::Status CheckIntFromText(const SourceLimits& limits, size_t digits, int base) {
  const bool power_of_two = (base & (base - 1)) == 0;
  if (power_of_two || digits <= limits.int_max_str_digits) {
    return absl::OkStatus();
  }
  return PyError(PyExc::kValueError, IntFromTextLimitMessage(limits, digits));
}

absl::StatusOr<std::string> IntToDecimal(const SourceLimits& limits, const BigInt& value) {
  const size_t limit = limits.int_max_str_digits;
  // A value of this many 30-bit digits has more than `limit` decimal digits
  // (CPython's own pre-check): refuse it before converting.
  const size_t certainly_too_long = 10 * limit / (3 * BigInt::kDigitBits) + 2;
  const auto too_long = [&] {
    return PyError(PyExc::kValueError, absl::StrCat(LimitText(limits), "; ", kAdvice));
  };
  if (value.digit_count() >= certainly_too_long) return too_long();
  std::string text = value.ToString();
  if (text.size() - (value.is_negative() ? 1 : 0) > limit) return too_long();
  return text;
}

}  // namespace heapsim
