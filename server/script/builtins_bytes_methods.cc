// The methods of bytes and bytearray that read their contents: hex, the
// class method fromhex (float.fromhex too: the same builtin bound to
// float), count, find, rfind, index, rindex, startswith,
// endswith, join, split, strip, lstrip, rstrip, replace, upper, lower and
// the is... tests. Results are made as CPython's stringlib makes them: an
// exact bytes object itself where nothing changes (strip, replace, split
// without a match, join of one item), a bytearray always anew; a result
// filled in a buffer allocated first is a new object even of one byte
// (upper, replace, join), one copied from the data is the shared empty or
// one-byte object where there is one (strip, split).

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "server/heap/budget.h"
#include "server/heap/bytes_object.h"
#include "server/heap/float_object.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/parser_keywords.h"

namespace heapsim::script {

namespace {

constexpr size_t kMaxSplitPreallocation = 12;  // stringlib's MAX_PREALLOC
constexpr size_t kJoinStaticBuffers = 10;      // stringlib join's NB_STATIC_BUFFERS
constexpr uint64_t kPyBufferSize = 80;         // sizeof(Py_buffer)
constexpr size_t kFromHexSmallBuffer = 512;    // _PyBytesWriter's stack buffer

bool IsBytesSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The value of hexadecimal digit `c`, or -1.
int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class BytesMethodCall : public BuiltinCall {
 public:
  using BuiltinCall::BuiltinCall;

  Ref Run();

 private:
  bool mutable_self() const { return heap_.type_of(self_) == TypeTag::kByteArray; }
  const std::string& data() const { return BytesData(heap_, self_); }

  // A result of self's type holding `text`. `filled`: CPython allocated it
  // first and filled it (a new bytes object even of one byte); otherwise
  // copied from the data (the shared empty or one-byte bytes).
  Ref Result(std::string_view text, bool filled) {
    if (mutable_self()) return NewByteArray(heap_, text);
    return filled ? NewBytesObject(heap_, text) : NewBytes(heap_, text);
  }
  // return_self: an exact bytes object itself, a bytearray's copy.
  Ref Self() { return mutable_self() ? NewByteArray(heap_, data()) : heap_.NewRef(self_); }

  // The bytes of a buffer argument (bytes or bytearray); nullopt with
  // "a bytes-like object is required, not 'str'" raised for others, or
  // the refusal made for the buffers heapsim does not read here.
  std::optional<std::string> Buffer(ObjectId id) {
    const TypeTag type = heap_.type_of(id);
    if (type == TypeTag::kBytes || type == TypeTag::kByteArray) return BytesData(heap_, id);
    if (type == TypeTag::kMemoryView || type == TypeTag::kArray || type == TypeTag::kInstance) {
      interp_.Refuse(absl::StrCat("bytes.", std::string(BuiltinName(builtin_)), "() of a '",
                                  TypeName(heap_, id), "'"));
      return std::nullopt;
    }
    TypeError(absl::StrCat("a bytes-like object is required, not '", TypeName(heap_, id), "'"));
    return std::nullopt;
  }

  Ref Hex();
  Ref FromHex();
  Ref FloatFromHex(ObjectId arg);
  Ref Search();
  Ref StartsEnds();
  Ref Join();
  Ref Split();
  Ref Strip();
  Ref Replace();
  Ref Case();
  Ref Test();

  // The arguments of a search or startswith/endswith: 1 to 3 positional
  // (keywords refused); false with the error or refusal made.
  bool SearchArity() {
    if (!args_.keywords.empty()) {
      interp_.Refuse(
          absl::StrCat("keyword arguments to bytes.", std::string(BuiltinName(builtin_)), "()"));
      return false;
    }
    return Arity(1, 3,
                 heap_.profile().bytes_methods.search_clinic ? ArgCheck::kUnpackTuple
                                                             : ArgCheck::kParseTuple);
  }
  // The [start, end] of a search, clipped as slice indices are; false
  // with the error raised.
  bool SliceBounds(size_t first, int64_t* start, int64_t* end);
};

Ref BytesMethodCall::Hex() {
  if (!args_.positional.empty() || !args_.keywords.empty()) {
    interp_.Refuse("bytes.hex() with a separator");
    return Ref();
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  text.reserve(2 * data().size());
  for (char c : data()) {
    text += kDigits[static_cast<uint8_t>(c) >> 4];
    text += kDigits[static_cast<uint8_t>(c) & 0xf];
  }
  if (!Check(CheckGrowth(heap_, text.size(), text.size()))) return Ref();
  return NewStrObject(heap_, text);
}

Ref BytesMethodCall::FromHex() {
  const auto type = static_cast<Builtin>(heap_.object(self_).subtype);
  const bool bytearray = type == Builtin::kTypeByteArray;
  const std::string qualifier = !heap_.profile().messages.qualified_call_names ? ""
                                : bytearray                                    ? "bytearray."
                                : type == Builtin::kTypeFloat                  ? "float."
                                                                               : "bytes.";
  if (!args_.keywords.empty()) {
    return TypeError(absl::StrCat(qualifier, "fromhex() takes no keyword arguments"));
  }
  if (args_.positional.size() != 1) {
    return TypeError(absl::StrCat(qualifier, "fromhex() takes exactly one argument (",
                                  args_.positional.size(), " given)"));
  }
  if (type == Builtin::kTypeFloat) return FloatFromHex(Arg(0));
  if (heap_.type_of(Arg(0)) != TypeTag::kStr) {
    return TypeError(absl::StrCat("fromhex() argument must be str, not ", TypeName(heap_, Arg(0))));
  }
  const std::string& text = StrText(heap_, Arg(0));
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (IsBytesSpace(text[i])) {
      ++i;
      continue;
    }
    const int high = HexDigit(text[i]);
    const int low = i + 1 < text.size() ? HexDigit(text[i + 1]) : -1;
    if (high < 0 || low < 0) {
      // The position counts code points (the text is UTF-8).
      const size_t bad = high < 0 ? i : i + 1;
      const size_t position = DecodeUtf8(text.substr(0, bad)).size();
      return Fail(PyError(
          PyExc::kValueError,
          absl::StrCat("non-hexadecimal number found in fromhex() arg at position ", position)));
    }
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  // The writer asks for len(text) / 2 bytes: past its stack buffer it
  // allocates the object at once and shrinks it at the end.
  const size_t asked = DecodeUtf8(text).size() / 2;
  if (asked > kFromHexSmallBuffer && asked != out.size()) {
    interp_.Refuse("fromhex() of over 1024 characters with whitespace (the writer's shrink)");
    return Ref();
  }
  if (!Check(CheckGrowth(heap_, out.size(), out.size()))) return Ref();
  if (bytearray) return NewByteArray(heap_, out);
  return asked > kFromHexSmallBuffer ? NewBytesObject(heap_, out) : NewBytes(heap_, out);
}

// float.fromhex(text): surrounding whitespace, then inf, infinity or nan
// (any case, signed), or [sign] ['0x'] hex digits ['.' hex digits]
// ['p' [sign] decimal digits]; rounded to nearest even, as strtod rounds
// hexadecimal text.
Ref BytesMethodCall::FloatFromHex(ObjectId arg) {
  if (heap_.type_of(arg) != TypeTag::kStr) {
    return TypeError("bad argument type for built-in operation");
  }
  const std::string& text = StrText(heap_, arg);
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && IsBytesSpace(text[begin])) ++begin;
  while (end > begin && IsBytesSpace(text[end - 1])) --end;
  std::string_view rest(text.data() + begin, end - begin);
  bool negative = false;
  if (!rest.empty() && (rest[0] == '-' || rest[0] == '+')) {
    negative = rest[0] == '-';
    rest.remove_prefix(1);
  }
  const std::string word = absl::AsciiStrToLower(std::string(rest));
  if (word == "inf" || word == "infinity") {
    return NewFloat(heap_, negative ? -HUGE_VAL : HUGE_VAL);
  }
  if (word == "nan") return NewFloat(heap_, std::copysign(std::nan(""), negative ? -1.0 : 1.0));
  if (rest.size() >= 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X'))
    rest.remove_prefix(2);
  size_t pos = 0;
  while (pos < rest.size() && HexDigit(rest[pos]) >= 0) ++pos;
  bool any_digit = pos > 0;
  if (pos < rest.size() && rest[pos] == '.') {
    const size_t fraction = ++pos;
    while (pos < rest.size() && HexDigit(rest[pos]) >= 0) ++pos;
    any_digit = any_digit || pos > fraction;
  }
  const std::string_view mantissa = rest.substr(0, pos);
  std::string_view exponent = "0";
  if (any_digit && pos < rest.size() && (rest[pos] == 'p' || rest[pos] == 'P')) {
    const size_t sign = ++pos;
    if (pos < rest.size() && (rest[pos] == '+' || rest[pos] == '-')) ++pos;
    const size_t digits = pos;
    while (pos < rest.size() && absl::ascii_isdigit(static_cast<unsigned char>(rest[pos]))) ++pos;
    exponent = pos > digits ? rest.substr(sign, pos - sign) : std::string_view();
  }
  if (!any_digit || exponent.empty() || pos != rest.size()) {
    return Fail(PyError(PyExc::kValueError, "invalid hexadecimal floating-point string"));
  }
  const std::string hex = absl::StrCat("0x", std::string(mantissa), "p", std::string(exponent));
  const double value = std::strtod(hex.c_str(), nullptr);
  if (std::isinf(value)) {
    return Fail(
        PyError(PyExc::kOverflowError, "hexadecimal value too large to represent as a float"));
  }
  return NewFloat(heap_, negative ? -value : value);
}

bool BytesMethodCall::SliceBounds(size_t first, int64_t* start, int64_t* end) {
  const auto length = static_cast<int64_t>(data().size());
  *start = 0;
  *end = length;
  for (size_t i = first; i < first + 2 && i < args_.positional.size(); ++i) {
    const ObjectId bound = Arg(i);
    if (heap_.type_of(bound) == TypeTag::kNone) continue;
    if (!IsIntLike(heap_, bound)) {
      TypeError("slice indices must be integers or None or have an __index__ method");
      return false;
    }
    // _PyEval_SliceIndex clips a huge int to the ssize_t range.
    const BigInt big = IntAsBig(heap_, bound);
    int64_t value = big.ToInt64().value_or(big.is_negative() ? INT64_MIN : INT64_MAX);
    if (value < 0) value = value < -length ? 0 : value + length;
    if (value > length) value = length;
    (i == first ? *start : *end) = value;
  }
  return true;
}

Ref BytesMethodCall::Search() {
  if (!SearchArity()) return Ref();
  std::string needle;
  if (IsIntLike(heap_, Arg(0))) {
    // PyNumber_AsSsize_t clips a huge int, which is out of range too.
    const std::optional<int64_t> byte = IntAsBig(heap_, Arg(0)).ToInt64();
    if (!byte || *byte < 0 || *byte > 255) {
      return Fail(PyError(PyExc::kValueError, "byte must be in range(0, 256)"));
    }
    needle = std::string(1, static_cast<char>(*byte));
  } else {
    const TypeTag type = heap_.type_of(Arg(0));
    if (type != TypeTag::kBytes && type != TypeTag::kByteArray) {
      if (type == TypeTag::kMemoryView || type == TypeTag::kArray || type == TypeTag::kInstance) {
        interp_.Refuse("a bytes search for a buffer other than bytes or bytearray");
        return Ref();
      }
      return TypeError(absl::StrCat("argument should be integer or bytes-like object, not '",
                                    TypeName(heap_, Arg(0)), "'"));
    }
    needle = BytesData(heap_, Arg(0));
  }
  int64_t start;
  int64_t end;
  if (!SliceBounds(1, &start, &end)) return Ref();
  const std::string& hay = data();
  if (!SpendWork(hay.size() / 64 + 1)) return Fail(BudgetStatus());
  if (builtin_ == Builtin::kBytesCount) {
    if (start > end || static_cast<size_t>(end - start) < needle.size()) return NewInt(heap_, 0);
    if (needle.empty()) return NewInt(heap_, end - start + 1);
    int64_t count = 0;
    for (size_t at = hay.find(needle, start);
         at != std::string::npos && at + needle.size() <= static_cast<size_t>(end);
         at = hay.find(needle, at + needle.size())) {
      ++count;
    }
    return NewInt(heap_, count);
  }
  const bool reverse = builtin_ == Builtin::kBytesRFind || builtin_ == Builtin::kBytesRIndex;
  int64_t found = -1;
  if (start <= end && static_cast<size_t>(end - start) >= needle.size()) {
    const std::string_view window(hay.data() + start, static_cast<size_t>(end - start));
    const size_t at = reverse ? window.rfind(needle) : window.find(needle);
    if (at != std::string_view::npos) found = start + static_cast<int64_t>(at);
  }
  if (found < 0 && (builtin_ == Builtin::kBytesIndex || builtin_ == Builtin::kBytesRIndex)) {
    return Fail(PyError(PyExc::kValueError, "subsection not found"));
  }
  return NewInt(heap_, found);
}

Ref BytesMethodCall::StartsEnds() {
  if (!SearchArity()) return Ref();
  int64_t start;
  int64_t end;
  if (!SliceBounds(1, &start, &end)) return Ref();
  const bool ends = builtin_ == Builtin::kBytesEndsWith;
  auto matches = [&](const std::string& affix) {
    if (start > static_cast<int64_t>(data().size())) return false;
    if (end - start < static_cast<int64_t>(affix.size())) return false;
    const size_t at = ends ? static_cast<size_t>(end) - affix.size() : static_cast<size_t>(start);
    return data().compare(at, affix.size(), affix) == 0;
  };
  const auto bad = [&](ObjectId id) {
    return TypeError(absl::StrCat(std::string(BuiltinName(builtin_)),
                                  " first arg must be bytes or a tuple of bytes, not ",
                                  TypeName(heap_, id)));
  };
  const auto affix_of = [&](ObjectId id) -> std::optional<std::string> {
    const TypeTag type = heap_.type_of(id);
    if (type == TypeTag::kBytes || type == TypeTag::kByteArray) return BytesData(heap_, id);
    return std::nullopt;
  };
  if (heap_.type_of(Arg(0)) == TypeTag::kTuple) {
    // Each item in turn, until one matches (the rest are not checked).
    for (ObjectId item : TupleItems(heap_, Arg(0))) {
      const std::optional<std::string> affix = affix_of(item);
      if (!affix) {
        const TypeTag type = heap_.type_of(item);
        if (type == TypeTag::kMemoryView || type == TypeTag::kArray || type == TypeTag::kInstance) {
          interp_.Refuse("startswith/endswith of a buffer other than bytes or bytearray");
          return Ref();
        }
        return TypeError(
            absl::StrCat("a bytes-like object is required, not '", TypeName(heap_, item), "'"));
      }
      if (matches(*affix)) return Bool(true);
    }
    return Bool(false);
  }
  const std::optional<std::string> affix = affix_of(Arg(0));
  if (!affix) {
    const TypeTag type = heap_.type_of(Arg(0));
    if (type == TypeTag::kMemoryView || type == TypeTag::kArray || type == TypeTag::kInstance) {
      interp_.Refuse("startswith/endswith of a buffer other than bytes or bytearray");
      return Ref();
    }
    return bad(Arg(0));
  }
  return Bool(matches(*affix));
}

Ref BytesMethodCall::Join() {
  if (!KeywordsAllowed() || !Arity(1, 1)) return Ref();
  const TypeTag type = heap_.type_of(Arg(0));
  Ref sequence;
  if (type != TypeTag::kList && type != TypeTag::kTuple) {
    // PySequence_Fast: a list of any other iterable, from its iterator.
    if (!interp_.Iterable(Arg(0))) return TypeError("can only join an iterable");
    Ref iterator = interp_.GetIter(Arg(0));
    if (!iterator) return Ref();
    sequence = NewList(heap_, 0);
    if (!interp_.ExtendList(sequence.get(), iterator.get())) return Ref();
  }
  std::vector<Ref> items;
  if (!interp_.Collect(sequence ? sequence.get() : Arg(0), &items)) return Ref();
  if (items.empty()) return Result("", true);
  if (items.size() == 1 && !mutable_self() && heap_.type_of(items[0].get()) == TypeTag::kBytes) {
    return heap_.NewRef(items[0].get());
  }
  // More items than its static Py_buffer array: one on the heap for the call.
  const uint64_t buffers =
      items.size() > kJoinStaticBuffers ? heap_.AllocateBuffer(kPyBufferSize * items.size()) : 0;
  uint64_t total = data().size() * (items.size() - 1);
  for (size_t i = 0; i < items.size(); ++i) {
    const TypeTag item_type = heap_.type_of(items[i].get());
    if (item_type != TypeTag::kBytes && item_type != TypeTag::kByteArray) {
      if (buffers != 0) heap_.FreeBuffer(buffers);
      if (item_type == TypeTag::kMemoryView || item_type == TypeTag::kArray ||
          item_type == TypeTag::kInstance) {
        interp_.Refuse("bytes.join() of a buffer other than bytes or bytearray");
        return Ref();
      }
      return TypeError(absl::StrCat("sequence item ", i, ": expected a bytes-like object, ",
                                    TypeName(heap_, items[i].get()), " found"));
    }
    total += BytesData(heap_, items[i].get()).size();
  }
  if (!Check(CheckGrowth(heap_, total, total))) {
    if (buffers != 0) heap_.FreeBuffer(buffers);
    return Ref();
  }
  std::string text;
  text.reserve(total);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += data();
    text += BytesData(heap_, items[i].get());
  }
  Ref result = Result(text, true);
  if (buffers != 0) heap_.FreeBuffer(buffers);
  return result;
}

Ref BytesMethodCall::Split() {
  MakeParserKeywords(interp_, mutable_self() ? "bytearray.split" : "bytes.split",
                     {"sep", "maxsplit"}, heap_.profile().clinic_keywords, !args_.keywords.empty());
  for (const auto& [name, value] : args_.keywords) {
    if (name == "sep" || name == "maxsplit") continue;
    return TypeError(heap_.profile().messages.clinic_keyword_names_function
                         ? absl::StrCat("split() got an unexpected keyword argument '", name, "'")
                         : absl::StrCat("'", name, "' is an invalid keyword argument for split()"));
  }
  if (!Arity(0, 2, ArgCheck::kParseTuple)) return Ref();
  if ((args_.positional.size() >= 1 && Keyword("sep") != kNoObject) ||
      (args_.positional.size() >= 2 && Keyword("maxsplit") != kNoObject)) {
    interp_.Refuse("split() given an argument both by position and by name");
    return Ref();
  }
  std::optional<std::string> separator;
  const ObjectId separator_arg = ArgOrKeyword(0, "sep");
  if (separator_arg != kNoObject && heap_.type_of(separator_arg) != TypeTag::kNone) {
    separator = Buffer(separator_arg);
    if (!separator) return Ref();
    if (separator->empty()) return Fail(PyError(PyExc::kValueError, "empty separator"));
  }
  const std::optional<int64_t> max_split = OptionalSsizeArg(ArgOrKeyword(1, "maxsplit"), -1);
  if (!max_split) return Ref();
  const std::string& text = data();
  const std::vector<std::string> parts = SplitParts(text, separator, *max_split);
  if (!SpendWork(parts.size() + 1)) return Fail(BudgetStatus());
  // PyList_New(PREALLOC_SIZE(maxsplit)), no maxsplit counting as the
  // largest; then filled and appended to.
  const uint64_t prealloc =
      *max_split >= 0 && static_cast<uint64_t>(*max_split) < kMaxSplitPreallocation
          ? static_cast<uint64_t>(*max_split) + 1
          : kMaxSplitPreallocation;
  Ref list = NewList(heap_, prealloc);
  for (const std::string& part : parts) {
    // The whole of an exact bytes object with no separator in it: itself.
    Ref item = (!mutable_self() && parts.size() == 1 && part.size() == text.size())
                   ? heap_.NewRef(self_)
                   : Result(part, false);
    ListAppend(heap_, list.get(), item.get());
  }
  return list;
}

Ref BytesMethodCall::Strip() {
  if (!KeywordsAllowed() || !Arity(0, 1)) return Ref();
  std::optional<std::string> chars;
  if (!args_.positional.empty() && heap_.type_of(Arg(0)) != TypeTag::kNone) {
    chars = Buffer(Arg(0));
    if (!chars) return Ref();
  }
  const auto strips = [&](char c) {
    return chars ? chars->find(c) != std::string::npos : IsBytesSpace(c);
  };
  const std::string& text = data();
  size_t i = 0;
  size_t j = text.size();
  if (builtin_ != Builtin::kBytesRStrip) {
    while (i < j && strips(text[i])) ++i;
  }
  if (builtin_ != Builtin::kBytesLStrip) {
    while (j > i && strips(text[j - 1])) --j;
  }
  if (i == 0 && j == text.size() && !mutable_self()) return heap_.NewRef(self_);
  return Result(std::string_view(text).substr(i, j - i), false);
}

Ref BytesMethodCall::Replace() {
  if (!KeywordsAllowed()) return Ref();
  if (!Arity(2, 3)) return Ref();
  const std::optional<std::string> from = Buffer(Arg(0));
  if (!from) return Ref();
  const std::optional<std::string> to = Buffer(Arg(1));
  if (!to) return Ref();
  int64_t max_count = -1;
  if (args_.positional.size() > 2) {
    const std::optional<int64_t> count = SsizeArg(Arg(2));
    if (!count) return Ref();
    max_count = *count;
  }
  const std::string& text = data();
  if (max_count == 0 || (max_count > 0 && text.empty())) return Self();
  if (max_count < 0) max_count = INT64_MAX;
  if (from->empty() && to->empty()) return Self();
  if (!from->empty() && text.empty()) return Self();
  // The result is held to the session's limits before it is built.
  const Replacement plan = PlanReplace(text, *from, *to, max_count, text.size());
  if (plan.matches > 0 && !Check(CheckGrowth(heap_, plan.size, plan.size))) return Ref();
  std::string out;
  int64_t done = 0;
  if (from->empty()) {
    // The new bytes before each byte and at the end, up to max_count.
    for (size_t i = 0; i <= text.size(); ++i) {
      if (done < max_count) {
        out += *to;
        ++done;
      }
      if (i < text.size()) out += text[i];
    }
  } else {
    size_t start = 0;
    while (done < max_count) {
      const size_t at = text.find(*from, start);
      if (at == std::string::npos) break;
      out.append(text, start, at - start);
      out += *to;
      start = at + from->size();
      ++done;
    }
    out.append(text, start, std::string::npos);
  }
  if (done == 0) return Self();
  return Result(out, true);
}

Ref BytesMethodCall::Case() {
  if (!KeywordsAllowed() || !Arity(0, 0)) return Ref();
  std::string out = data();
  for (char& c : out) {
    c = builtin_ == Builtin::kBytesUpper ? absl::ascii_toupper(static_cast<unsigned char>(c))
                                         : absl::ascii_tolower(static_cast<unsigned char>(c));
  }
  return Result(out, true);
}

Ref BytesMethodCall::Test() {
  if (!KeywordsAllowed() || !Arity(0, 0)) return Ref();
  const std::string& text = data();
  if (builtin_ == Builtin::kBytesIsAscii) {
    for (char c : text) {
      if (static_cast<uint8_t>(c) >= 0x80) return Bool(false);
    }
    return Bool(true);
  }
  if (text.empty()) return Bool(false);
  if (builtin_ == Builtin::kBytesIsLower || builtin_ == Builtin::kBytesIsUpper) {
    // At least one cased byte, none of the other case.
    bool cased = false;
    for (char c : text) {
      const bool lower = c >= 'a' && c <= 'z';
      const bool upper = c >= 'A' && c <= 'Z';
      if (builtin_ == Builtin::kBytesIsLower ? upper : lower) return Bool(false);
      cased = cased || lower || upper;
    }
    return Bool(cased);
  }
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    bool ok = false;
    switch (builtin_) {
      case Builtin::kBytesIsDigit:
        ok = absl::ascii_isdigit(u);
        break;
      case Builtin::kBytesIsAlpha:
        ok = absl::ascii_isalpha(u);
        break;
      case Builtin::kBytesIsAlnum:
        ok = absl::ascii_isalnum(u);
        break;
      default:
        ok = IsBytesSpace(c);
        break;
    }
    if (!ok) return Bool(false);
  }
  return Bool(true);
}

Ref BytesMethodCall::Run() {
  // The builtins come in the order of their groups (builtins.h).
  const auto in = [this](Builtin first, Builtin last) {
    return builtin_ >= first && builtin_ <= last;
  };
  if (builtin_ == Builtin::kBytesHex) return Hex();
  if (builtin_ == Builtin::kBytesFromHex) return FromHex();
  if (in(Builtin::kBytesCount, Builtin::kBytesRIndex)) return Search();
  if (in(Builtin::kBytesStartsWith, Builtin::kBytesEndsWith)) return StartsEnds();
  if (builtin_ == Builtin::kBytesJoin) return Join();
  if (builtin_ == Builtin::kBytesSplit) return Split();
  if (in(Builtin::kBytesStrip, Builtin::kBytesRStrip)) return Strip();
  if (builtin_ == Builtin::kBytesReplace) return Replace();
  if (in(Builtin::kBytesUpper, Builtin::kBytesLower)) return Case();
  if (in(Builtin::kBytesIsDigit, Builtin::kBytesIsAscii)) return Test();
  return CallByteArrayMutator(interp_, builtin_, self_, args_);
}

}  // namespace

std::vector<std::string> SplitParts(const std::string& text,
                                    const std::optional<std::string>& separator,
                                    int64_t max_split) {
  std::vector<std::string> parts;
  if (separator) {
    size_t start = 0;
    while (max_split < 0 || static_cast<int64_t>(parts.size()) < max_split) {
      const size_t at = text.find(*separator, start);
      if (at == std::string::npos) break;
      parts.push_back(text.substr(start, at - start));
      start = at + separator->size();
    }
    parts.push_back(text.substr(start));
    return parts;
  }
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsBytesSpace(text[i])) ++i;
    if (i == text.size()) break;
    if (max_split >= 0 && static_cast<int64_t>(parts.size()) == max_split) {
      size_t end = text.size();
      while (end > i && IsBytesSpace(text[end - 1])) --end;
      parts.push_back(text.substr(i, end - i));
      break;
    }
    size_t j = i;
    while (j < text.size() && !IsBytesSpace(text[j])) ++j;
    parts.push_back(text.substr(i, j - i));
    i = j;
  }
  return parts;
}

Ref CallBytesMethod(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return BytesMethodCall(interp, builtin, self, args).Run();
}

}  // namespace heapsim::script
