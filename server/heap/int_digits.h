// CPython's limit on conversions between int and decimal text (CVE-2020-10735,
// sys.int_info.default_max_str_digits): more digits than the limit
// is a ValueError (a SyntaxError for a literal). The checks come before the
// conversion, so a huge value is refused without the quadratic work.

#ifndef HEAPSIM_SERVER_HEAP_INT_DIGITS_H_
#define HEAPSIM_SERVER_HEAP_INT_DIGITS_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "server/heap/bigint.h"
#include "server/heap/profile.h"

namespace heapsim {

// The error text for text of `digits` digits made into an int ("Exceeds the
// limit (4300 digits) for integer string conversion: value has 5000 digits;
// use sys.set_int_max_str_digits() to increase the limit").
std::string IntFromTextLimitMessage(const SourceLimits& limits, size_t digits);

// OK if `digits` decimal (or other non-power-of-two base) digits may become
// an int; else ValueError with IntFromTextLimitMessage.
absl::Status CheckIntFromText(const SourceLimits& limits, size_t digits, int base);

// str(value) in base 10, or ValueError "Exceeds the limit (4300 digits) for
// integer string conversion; use sys.set_int_max_str_digits() to increase
// the limit" when it has more digits than the limit (the sign not counted).
absl::StatusOr<std::string> IntToDecimal(const SourceLimits& limits, const BigInt& value);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_INT_DIGITS_H_
