#include "server/heap/py_error.h"

#include <array>
#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace heapsim {

namespace {

constexpr char kPayloadUrl[] = "type.heapsim.dev/python-exception";
constexpr char kArgumentUrl[] = "type.heapsim.dev/python-exception-argument";
constexpr char kUncaughtHintUrl[] = "type.heapsim.dev/python-uncaught-hint";
constexpr char kUncaughtRefusalUrl[] = "type.heapsim.dev/python-uncaught-refusal";
constexpr char kClassUrl[] = "type.heapsim.dev/python-exception-class";

constexpr std::array<std::pair<PyExc, std::string_view>, 20> kNames = {{
    {PyExc::kTypeError, "TypeError"},
    {PyExc::kValueError, "ValueError"},
    {PyExc::kKeyError, "KeyError"},
    {PyExc::kIndexError, "IndexError"},
    {PyExc::kAttributeError, "AttributeError"},
    {PyExc::kNameError, "NameError"},
    {PyExc::kUnboundLocalError, "UnboundLocalError"},
    {PyExc::kZeroDivisionError, "ZeroDivisionError"},
    {PyExc::kOverflowError, "OverflowError"},
    {PyExc::kRecursionError, "RecursionError"},
    {PyExc::kMemoryError, "MemoryError"},
    {PyExc::kStopIteration, "StopIteration"},
    {PyExc::kAssertionError, "AssertionError"},
    {PyExc::kRuntimeError, "RuntimeError"},
    {PyExc::kNotImplementedError, "NotImplementedError"},
    {PyExc::kBufferError, "BufferError"},
    {PyExc::kReferenceError, "ReferenceError"},
    {PyExc::kException, "Exception"},
    {PyExc::kLookupError, "LookupError"},
    {PyExc::kArithmeticError, "ArithmeticError"},
}};

}  // namespace

std::string_view PyExcName(PyExc exc) {
  for (const auto& [e, name] : kNames) {
    if (e == exc) return name;
  }
  return "Exception";
}

std::optional<PyExc> PyExcFromName(std::string_view name) {
  for (const auto& [e, n] : kNames) {
    if (n == name) return e;
  }
  return std::nullopt;
}

bool PyExcMatches(PyExc exc, std::string_view parent) {
  if (parent == "Exception" || parent == "BaseException") return true;
  if (PyExcName(exc) == parent) return true;
  if (parent == "LookupError") return exc == PyExc::kKeyError || exc == PyExc::kIndexError;
  if (parent == "ArithmeticError") {
    return exc == PyExc::kZeroDivisionError || exc == PyExc::kOverflowError;
  }
  if (parent == "NameError") return exc == PyExc::kUnboundLocalError;
  if (parent == "RuntimeError") {
    return exc == PyExc::kRecursionError || exc == PyExc::kNotImplementedError;
  }
  return false;
}

absl::Status PyError(PyExc exc, std::string_view detail) {
  const std::string_view name = PyExcName(exc);
  absl::Status status = absl::FailedPreconditionError(
      detail.empty() ? std::string(name) : absl::StrCat(std::string(name), ": ", std::string(detail)));
  status.SetPayload(kPayloadUrl, absl::Cord(std::string(name)));
  return status;
}

absl::Status PyErrorOfClass(PyExc exc, std::string_view shown_name, std::string_view detail) {
  absl::Status status = absl::FailedPreconditionError(
      detail.empty() ? std::string(shown_name)
                     : absl::StrCat(std::string(shown_name), ": ", std::string(detail)));
  status.SetPayload(kPayloadUrl, absl::Cord(std::string(PyExcName(exc))));
  status.SetPayload(kClassUrl, absl::Cord(std::string(shown_name)));
  return status;
}

bool IsClassError(const absl::Status& status) {
  return status.GetPayload(kClassUrl).has_value();
}

absl::Status PyErrorWithArgument(PyExc exc, std::string_view detail, ObjectId argument) {
  absl::Status status = PyError(exc, detail);
  status.SetPayload(kArgumentUrl, absl::Cord(absl::StrCat(argument)));
  return status;
}

std::optional<ObjectId> PyErrorArgument(const absl::Status& status) {
  const auto payload = status.GetPayload(kArgumentUrl);
  ObjectId argument = kNoObject;
  if (!payload.has_value() || !absl::SimpleAtoi(std::string(*payload), &argument)) {
    return std::nullopt;
  }
  return argument;
}

std::optional<PyExc> PyErrorType(const absl::Status& status) {
  const auto payload = status.GetPayload(kPayloadUrl);
  if (!payload.has_value()) return std::nullopt;
  return PyExcFromName(std::string(*payload));
}

std::string PyErrorDetail(const absl::Status& status) {
  const std::string message(status.message());
  const size_t colon = message.find(": ");
  return colon == std::string::npos ? "" : message.substr(colon + 2);
}

absl::Status WithUncaughtHint(absl::Status status, std::string_view hint) {
  status.SetPayload(kUncaughtHintUrl, absl::Cord(std::string(hint)));
  return status;
}

absl::Status WithUncaughtRefusal(absl::Status status, std::string_view refusal) {
  status.SetPayload(kUncaughtRefusalUrl, absl::Cord(std::string(refusal)));
  return status;
}

absl::Status AsUncaught(const absl::Status& status) {
  const auto refusal = status.GetPayload(kUncaughtRefusalUrl);
  if (refusal.has_value()) return absl::InvalidArgumentError(std::string(*refusal));
  const auto hint = status.GetPayload(kUncaughtHintUrl);
  if (!hint.has_value()) return status;
  absl::Status shown(status.code(), absl::StrCat(status.message(), std::string(*hint)));
  status.ForEachPayload([&shown](absl::string_view url, const absl::Cord& payload) {
    if (url != kUncaughtHintUrl) shown.SetPayload(url, payload);
  });
  return shown;
}

}  // namespace heapsim
