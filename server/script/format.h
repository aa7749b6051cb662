// format(value, spec): Python's format-specification mini-language for the
// types heap scripts format (int, bool, float, str and the rest through
// str()), as f-strings and str.format use it.

#ifndef HEAPSIM_SERVER_SCRIPT_FORMAT_H_
#define HEAPSIM_SERVER_SCRIPT_FORMAT_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim::script {

// The text format(value, spec) produces, or ValueError/TypeError as CPython
// raises them for a bad spec.
absl::StatusOr<std::string> FormatValue(Heap& heap, ObjectId value, std::string_view spec);

// True when PyObject_Format binds a method: unless `value` is an exact str
// or int and `spec` is empty, CPython looks up the value's __format__ with
// _PyObject_LookupSpecial and holds the bound method over the call (hold a
// ScopedTransientMethod while the text and its str are made).
bool FormatBindsMethod(Heap& heap, ObjectId value, std::string_view spec);

// The str PyObject_Format(value, spec) returns, holding `text`
// (FormatValue's): a float's with an empty spec is float_repr's, made
// while PyOS_double_to_string's digits buffer is alive.
Ref NewFormattedStr(Heap& heap, ObjectId value, std::string_view spec, const std::string& text);

// A replacement field's conversion (`!r`, `!a`, `!s`, or 0 for none)
// applied to `value`: repr() or str() as a new str, or `value` itself.
absl::StatusOr<Ref> ApplyConversion(Heap& heap, Ref value, char conversion);

// The text %s, %r or %a (`conversion`) shows for `value`, for values whose
// str() or repr() runs Python code; or the error it raised.
using ShowValue = std::function<absl::StatusOr<std::string>(ObjectId value, char conversion)>;

// One conversion of a printf-style format, as PercentFormat wrote it.
struct PercentConversion {
  size_t literal_before = 0;   // format characters copied since the last one
  char type = 0;               // 's', 'd', ..., or '%' for "%%"
  bool flagged = false;        // a width, a precision or a sign flag was given
  bool last = false;           // nothing of the format follows it
  ObjectId value = kNoObject;  // its argument (borrowed; kNoObject for "%%")
  size_t length = 0;           // the characters it wrote
};

// What `format % args` came to: the text, and the format's pieces.
struct PercentFormatted {
  std::string text;
  std::vector<PercentConversion> conversions;
  size_t trailing_literal = 0;  // format characters copied after the last conversion
};

// printf-style formatting, `format % args`: %d %i %u %s %r %a %c %f %F %e
// %E %g %G %x %X %o %% with flags (-+ 0#), width and precision. `args` is a
// tuple of values or one value. Errors are Python's TypeErrors. With
// `show`, %s, %r and %a take their text from it, in the order the format is
// read (it may run Python code: `format` is copied first).
absl::StatusOr<PercentFormatted> PercentFormat(Heap& heap, std::string_view format,
                                               ObjectId args, const ShowValue& show = nullptr);

// The str object str `format` % args evaluates to, given what PercentFormat
// made of it. CPython's writer returns an existing str where it wrote one
// whole str and nothing else: `format` itself when it has no conversion,
// the argument of a sole %s of an exact str; otherwise a new str. Before
// it, the blocks PyUnicode_Format takes on its way come and go: its
// writer's buffer (at least the format's length plus 100 characters, a
// quarter more as it grows, exact once the format's end is reached) and,
// beside it, an int's decimal scratch (%d; %s from 3.9) or the str of an
// int or float (%s before 3.9). Where heapsim does not follow those (other
// conversions, flags and arguments, non-ASCII text) tracemalloc's peak
// becomes unknown.
Ref PercentFormatResult(Heap& heap, ObjectId format, const PercentFormatted& formatted);

// Formats a double with printf-like `type` ('e', 'f', 'g', ...) and
// precision, as Python does (no C locale involvement).
std::string FormatDouble(double value, char type, int precision, bool alternate);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_FORMAT_H_
