// Python-level errors. The engine reports a refused operation as an
// absl::Status whose message is CPython's own last traceback line
// ("KeyError: 'city'") and whose payload names the exception type, so the
// interpreter can match `except KeyError:` and the service can map it to
// FAILED_PRECONDITION. A refused operation changes nothing.

#ifndef HEAPSIM_SERVER_HEAP_PY_ERROR_H_
#define HEAPSIM_SERVER_HEAP_PY_ERROR_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "server/heap/object.h"

namespace heapsim {

enum class PyExc {
  kTypeError,
  kValueError,
  kKeyError,
  kIndexError,
  kAttributeError,
  kNameError,
  kUnboundLocalError,
  kZeroDivisionError,
  kOverflowError,
  kRecursionError,
  kMemoryError,
  kStopIteration,
  kAssertionError,
  kRuntimeError,
  kNotImplementedError,
  kBufferError,
  kReferenceError,
  kException,
  // Raised only as the builtin base of an exception class of the program.
  kLookupError,
  kArithmeticError,
};

// "TypeError", "KeyError", ...
std::string_view PyExcName(PyExc exc);
// The exception named `name`, if it is one of the above.
std::optional<PyExc> PyExcFromName(std::string_view name);
// True if an `except parent:` clause catches `exc` (IndexError and KeyError
// are LookupErrors, everything is an Exception, ...).
bool PyExcMatches(PyExc exc, std::string_view parent);

// A Python-level error: FailedPrecondition, message "<Type>: <detail>" (or
// just "<Type>" when `detail` is empty), with the type in the payload.
absl::Status PyError(PyExc exc, std::string_view detail);

// A Python-level error raised with an instance of a class of the program
// derived from `exc`: `except` clauses naming builtin exceptions match it
// as `exc`, and its message is "<shown_name>: <detail>" (shown_name: how
// the traceback's last line names the class).
absl::Status PyErrorOfClass(PyExc exc, std::string_view shown_name, std::string_view detail);

// True if `status` was made by PyErrorOfClass.
bool IsClassError(const absl::Status& status);

// A Python-level error as PyError(exc, detail) whose exception's argument is
// the object `argument` (a KeyError's key; `detail` is then its repr). The
// status only names the object: whoever raises it must take a reference
// while `argument` is alive (see PyErrorArgument).
absl::Status PyErrorWithArgument(PyExc exc, std::string_view detail, ObjectId argument);

// The argument object named by PyErrorWithArgument, if the status has one.
std::optional<ObjectId> PyErrorArgument(const absl::Status& status);

// The Python exception a status carries, if it is a Python-level error.
std::optional<PyExc> PyErrorType(const absl::Status& status);

// The part after "<Type>: " of a Python-level error's message.
std::string PyErrorDetail(const absl::Status& status);

// `status` with the hint CPython's traceback adds to the exception's line
// when nothing catches it (". Did you mean: 'count'?"); the message, which
// str(e) shows, stays as it is.
absl::Status WithUncaughtHint(absl::Status status, std::string_view hint);

// `status` that, when nothing catches it, becomes the refusal
// InvalidArgument `refusal` instead: CPython's traceback would add a hint
// heapsim cannot compute exactly.
absl::Status WithUncaughtRefusal(absl::Status status, std::string_view refusal);

// `status` as CPython prints it when nothing caught it: its message followed
// by its hint, if it has one, or its uncaught refusal; other statuses
// unchanged.
absl::Status AsUncaught(const absl::Status& status);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_PY_ERROR_H_
