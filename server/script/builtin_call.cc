#include "server/script/builtin_call.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server/heap/int_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"
#include "server/script/str_method_call.h"

namespace heapsim::script {

std::string BuiltinCall::CallName() const {
  // An exception class is called by its own name.
  if (builtin_ == Builtin::kExceptionClass) return heap_.cls(self_).name;
  if (builtin_ == Builtin::kTypeArray) return "array.array";  // its tp_name, in every version
  const std::string name(BuiltinName(builtin_));
  if (!heap_.profile().messages.qualified_call_names) return name;
  // A method is qualified by its type's __name__ (array's tp_name is
  // "array.array").
  if (IsMethodBuiltin(builtin_) && heap_.type_of(self_) == TypeTag::kArray) {
    return absl::StrCat("array.", name);
  }
  if (IsMethodBuiltin(builtin_) && heap_.type_of(self_) == TypeTag::kLruCache) {
    return absl::StrCat("_lru_cache_wrapper.", name);  // tp_name "functools._lru_cache_wrapper"
  }
  if (IsMethodBuiltin(builtin_)) return absl::StrCat(TypeName(heap_, self_), ".", name);
  const std::string module(BuiltinModule(builtin_));
  return module.empty() ? name : absl::StrCat(module, ".", name);
}

bool BuiltinCall::Arity(size_t min, size_t max, ArgCheck check) {
  const size_t n = args_.positional.size();
  if (n >= min && n <= max) return true;
  const std::string name(BuiltinName(builtin_));
  std::string message;
  if (max == 0) {
    message = absl::StrCat(CallName(), "() takes no arguments (", n, " given)");
  } else if (min == 1 && max == 1) {
    message = absl::StrCat(CallName(), "() takes exactly one argument (", n, " given)");
  } else {
    const size_t bound = n < min ? min : max;
    const char* which = min == max ? "exactly" : n < min ? "at least" : "at most";
    const char* plural = bound == 1 ? "" : "s";
    message = check == ArgCheck::kUnpackTuple
                  ? absl::StrCat(name, " expected ", min == max ? "" : absl::StrCat(which, " "),
                                 bound, " argument", plural, ", got ", n)
                  : absl::StrCat(name, "() takes ", which, " ", bound, " argument", plural, " (", n,
                                 " given)");
  }
  interp_.Raise(PyError(PyExc::kTypeError, message));
  return false;
}

namespace {

// The builtins that read keyword arguments, and those that refuse them in
// words of their own (type, object) or, like zip's strict=, take one that is
// not modelled.
bool TakesKeywords(Builtin builtin) {
  switch (builtin) {
    case Builtin::kZip:
    case Builtin::kTypeType:
    case Builtin::kTypeObject:
    case Builtin::kTypeProperty:
    case Builtin::kPrint:
    case Builtin::kSorted:
    case Builtin::kMin:
    case Builtin::kMax:
    case Builtin::kSum:
    case Builtin::kRound:
    case Builtin::kEnumerate:
    case Builtin::kTypeInt:
    case Builtin::kTypeDict:
    case Builtin::kGcCollect:
    case Builtin::kSysGetSizeOf:
    case Builtin::kListSort:
    case Builtin::kDictUpdate:
    case Builtin::kStrSplit:
    case Builtin::kStrFormat:
    case Builtin::kStrRSplit:
    case Builtin::kStrSplitLines:
    case Builtin::kStrExpandTabs:
    case Builtin::kPow:
    case Builtin::kMathIsClose:
    case Builtin::kMathProd:
    case Builtin::kOperatorCall:
    // memoryview and its methods refuse keywords themselves.
    case Builtin::kTypeMemoryView:
    case Builtin::kMemoryViewToBytes:
    case Builtin::kMemoryViewToList:
    case Builtin::kMemoryViewRelease:
    case Builtin::kMemoryViewEnter:
    case Builtin::kMemoryViewExit:
    // weakref.proxy names itself per version.
    case Builtin::kWeakrefProxy:
      return true;
    default:
      // str.find's kin refuse keywords in words of their own.
      return IsStrSearchMethod(builtin);
  }
}

}  // namespace

bool BuiltinCall::KeywordsAllowed() {
  if (args_.keywords.empty() || TakesKeywords(builtin_)) return true;
  TypeError(absl::StrCat(CallName(), "() takes no keyword arguments"));
  return false;
}

ObjectId BuiltinCall::Keyword(std::string_view name) const {
  for (const auto& [key, value] : args_.keywords) {
    if (key == name) return value.get();
  }
  return kNoObject;
}

std::optional<int64_t> BuiltinCall::IndexArg(ObjectId id) {
  if (!IsIntLike(heap_, id)) {
    TypeError(
        absl::StrCat("'", TypeName(heap_, id), "' object cannot be interpreted as an integer"));
    return std::nullopt;
  }
  const std::optional<int64_t> value = IntAsInt64(heap_, id);
  if (!value) {
    interp_.Raise(PyError(PyExc::kOverflowError, "Python int too large to convert to C ssize_t"));
  }
  return value;
}

Replacement PlanReplace(const std::string& text, const std::string& from, const std::string& to,
                        int64_t max_count, uint64_t units) {
  const auto limit = max_count < 0 ? UINT64_MAX : static_cast<uint64_t>(max_count);
  uint64_t matches = 0;
  if (from.empty()) {
    matches = std::min(units + 1, limit);
  } else {
    for (size_t at = text.find(from); at != std::string::npos && matches < limit;
         at = text.find(from, at + from.size())) {
      ++matches;
    }
  }
  // Each size is below the session's memory, so the products fit.
  return {matches, text.size() - matches * from.size() + matches * to.size()};
}

std::optional<int64_t> BuiltinCall::SsizeArg(ObjectId id) {
  if (heap_.profile().messages.int_arg_legacy && heap_.type_of(id) == TypeTag::kFloat) {
    TypeError("integer argument expected, got float");
    return std::nullopt;
  }
  return IndexArg(id);
}

std::optional<int64_t> BuiltinCall::SliceIndexArg(ObjectId id) {
  if (!IsIntLike(heap_, id)) {
    TypeError("slice indices must be integers or have an __index__ method");
    return std::nullopt;
  }
  if (const std::optional<int64_t> value = IntAsInt64(heap_, id)) return value;
  return IntAsBig(heap_, id).is_negative() ? std::numeric_limits<int64_t>::min()
                                          : std::numeric_limits<int64_t>::max();
}

bool BuiltinCall::Check(const absl::Status& status) {
  if (status.ok()) return true;
  interp_.Raise(status);
  return false;
}

Ref BuiltinCall::Fail(absl::Status status) {
  interp_.Raise(std::move(status));
  return Ref();
}

Ref BuiltinCall::TypeError(std::string_view text) {
  return Fail(PyError(PyExc::kTypeError, std::string(text)));
}

Ref BuiltinCall::Int(int64_t value) { return NewInt(heap_, value); }

void BuiltinCall::MakeSpecialNameOnFirstUse(std::string_view name) {
  if (!heap_.profile().special_names.made_on_first_use) return;
  if (!interp_.session().special_names_made.insert(name).second) return;
  heap_.MakeTransientBlock(
      StrRequest(heap_.profile(), static_cast<uint32_t>(name.size()), StrKind::kAscii));
}

Ref BuiltinCall::NewTextOf(ObjectId value, std::string_view text) {
  if (heap_.type_of(value) == TypeTag::kBool) {
    ObjectId& cached = interp_.session().bool_strs[value == heap_.bool_object(true) ? 1 : 0];
    if (cached == kNoObject) {
      const uint64_t size = StrRequest(heap_.profile(), static_cast<uint32_t>(text.size()),
                                       StrKind::kAscii);
      if (heap_.profile().bool_strs.made_on_first_use) heap_.MakeTransientBlock(size);
      cached = NewStaticAsciiStr(heap_, text, size);
    }
    return heap_.NewRef(cached);
  }
  if (heap_.type_of(value) == TypeTag::kFloat) return NewFloatReprStr(heap_, text);
  if (heap_.type_of(value) != TypeTag::kInt) return NewStrObject(heap_, text);
  const uint64_t scratch = AllocateDecimalScratch(heap_, value);
  Ref str = NewStrObject(heap_, text);
  heap_.FreeBuffer(scratch);
  return str;
}

}  // namespace heapsim::script
