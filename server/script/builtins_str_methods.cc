// str's searching, stripping, padding and partitioning methods: find,
// rfind, index, rindex, count, startswith, endswith, strip, lstrip,
// rstrip, ljust, rjust, center, zfill, partition, rpartition,
// removeprefix, removesuffix and expandtabs; and the helpers every str
// method shares (StrMethodCall).

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/budget.h"
#include "server/heap/int_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_kind.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/parser_keywords.h"
#include "server/script/str_chars.h"
#include "server/script/str_method_call.h"

namespace heapsim::script {

const std::u32string& StrMethodCall::Chars() {
  if (!chars_) chars_ = DecodeUtf8(StrText(heap_, self_));
  return *chars_;
}

Ref StrMethodCall::Substring(size_t from, size_t to) {
  if (from == 0 && to == Chars().size()) return heap_.NewRef(self_);
  if (to <= from) return heap_.NewRef(heap_.empty_str());
  return NewStr(heap_, EncodeUtf8(std::u32string_view(Chars()).substr(from, to - from)));
}

std::optional<int64_t> StrMethodCall::SizeArg(ObjectId id, bool int_format) {
  const bool legacy = heap_.profile().messages.int_arg_legacy;
  if (!IsIntLike(heap_, id)) {
    if (legacy && heap_.type_of(id) == TypeTag::kFloat) {
      TypeError("integer argument expected, got float");
    } else if (legacy && int_format) {
      TypeError(absl::StrCat("an integer is required (got type ", TypeName(heap_, id), ")"));
    } else {
      TypeError(
          absl::StrCat("'", TypeName(heap_, id), "' object cannot be interpreted as an integer"));
    }
    return std::nullopt;
  }
  const std::optional<int64_t> value = IntAsInt64(heap_, id);
  // Clinic's int converter (_PyLong_AsInt) has one text for either side.
  if (!value || (int_format && (*value > INT32_MAX || *value < INT32_MIN))) {
    interp_.Raise(PyError(PyExc::kOverflowError,
                          int_format ? "Python int too large to convert to C int"
                                     : "Python int too large to convert to C ssize_t"));
    return std::nullopt;
  }
  return value;
}

bool StrMethodCall::ClinicArgs(std::string_view parser,
                               std::initializer_list<std::string_view> names, ObjectId* values) {
  MakeParserKeywords(interp_, parser, names, heap_.profile().clinic_keywords,
                     !args_.keywords.empty());
  if (!Arity(0, names.size(), ArgCheck::kParseTuple)) return false;
  for (size_t i = 0; i < names.size(); ++i) {
    values[i] = i < args_.positional.size() ? Arg(i) : kNoObject;
  }
  for (const auto& [name, value] : args_.keywords) {
    size_t index = 0;
    while (index < names.size() && names.begin()[index] != name) ++index;
    const std::string method(BuiltinName(builtin_));
    if (index == names.size()) {
      TypeError(
          heap_.profile().messages.clinic_keyword_names_function
              ? absl::StrCat(method, "() got an unexpected keyword argument '", name, "'")
              : absl::StrCat("'", name, "' is an invalid keyword argument for ", method, "()"));
      return false;
    }
    if (values[index] != kNoObject) {
      interp_.Refuse(
          absl::StrCat("str.", method, "() given an argument both by position and by name"));
      return false;
    }
    values[index] = value.get();
  }
  return true;
}

size_t FindIn(std::u32string_view text, std::u32string_view needle, bool last) {
  const size_t n = text.size();
  const size_t m = needle.size();
  if (m > n) return std::u32string_view::npos;
  if (m == 0) return last ? n : 0;
  // The i-th character of the needle and of the text, from the end for
  // `last`.
  auto pattern = [&](size_t i) { return last ? needle[m - 1 - i] : needle[i]; };
  auto at = [&](size_t i) { return last ? text[n - 1 - i] : text[i]; };
  // border[i]: the length of the longest proper border of the first i + 1
  // characters of the pattern.
  std::vector<size_t> border(m, 0);
  for (size_t i = 1, k = 0; i < m; ++i) {
    while (k > 0 && pattern(i) != pattern(k)) k = border[k - 1];
    if (pattern(i) == pattern(k)) ++k;
    border[i] = k;
  }
  for (size_t i = 0, k = 0; i < n; ++i) {
    while (k > 0 && at(i) != pattern(k)) k = border[k - 1];
    if (at(i) == pattern(k)) ++k;
    if (k == m) return last ? n - 1 - i : i + 1 - m;
  }
  return std::u32string_view::npos;
}

Ref StrMethodCall::RefuseText() {
  interp_.Refuse(
      absl::StrCat("str.", std::string(BuiltinName(builtin_)), "() of text outside Latin-1"));
  return Ref();
}

namespace {

class StrSearchCall : public StrMethodCall {
 public:
  using StrMethodCall::StrMethodCall;

  Ref Run();

 private:
  // The substring argument of find and its kin: a str, else the profile's
  // TypeError.
  std::optional<std::u32string> Needle(ObjectId id) {
    if (heap_.type_of(id) == TypeTag::kStr) return DecodeUtf8(StrText(heap_, id));
    std::string expected(heap_.profile().messages.str_search_arg);
    const size_t at = expected.find("%s");
    if (at != std::string::npos) expected.replace(at, 2, BuiltinName(builtin_));
    TypeError(absl::StrCat(expected, ", not ", TypeName(heap_, id)));
    return std::nullopt;
  }
  // (sub[, start[, end]]) of find and its kin: checks the call (and the
  // substring's type where the parser converts it first) and reads the
  // slice, adjusted to the text as CPython's ADJUST_INDICES does.
  bool SliceArgs(int64_t* start, int64_t* end);
  // ... and the substring (a str).
  std::optional<std::u32string> SearchArgs(int64_t* start, int64_t* end);
  // The index of the first (`last`: the last) occurrence of `needle` in
  // [start, end), or -1.
  int64_t Find(const std::u32string& needle, int64_t start, int64_t end, bool last);
  Ref Search();
  Ref Count();
  Ref Affix();
};

// _PyEval_SliceIndex of a start or end argument, clamped to int64.
bool SliceBound(Interpreter& interp, ObjectId id, int64_t* bound) {
  Heap& heap = interp.heap();
  if (heap.type_of(id) == TypeTag::kNone) return true;
  if (!IsIntLike(heap, id)) {
    interp.Raise(PyError(PyExc::kTypeError,
                         "slice indices must be integers or None or have an __index__ method"));
    return false;
  }
  const std::optional<int64_t> value = IntAsInt64(heap, id);
  if (!value) {
    interp.Refuse("a str slice index past 64 bits");
    return false;
  }
  *bound = *value;
  return true;
}

bool StrSearchCall::SliceArgs(int64_t* start, int64_t* end) {
  const bool qualified = heap_.profile().messages.qualified_varargs_names;
  if (!args_.keywords.empty()) {
    const std::string name(BuiltinName(builtin_));
    TypeError(absl::StrCat(qualified ? "str." : "", name, "() takes no keyword arguments"));
    return false;
  }
  if (!Arity(1, 3,
             heap_.profile().messages.str_search_clinic ? ArgCheck::kUnpackTuple
                                                        : ArgCheck::kParseTuple)) {
    return false;
  }
  // Argument Clinic's find and its kin convert the substring first.
  if (heap_.profile().messages.str_search_clinic && heap_.type_of(Arg(0)) != TypeTag::kStr &&
      builtin_ != Builtin::kStrStartsWith && builtin_ != Builtin::kStrEndsWith) {
    Needle(Arg(0));  // raises
    return false;
  }
  const auto length = static_cast<int64_t>(Chars().size());
  *start = 0;
  *end = INT64_MAX;
  if (args_.positional.size() > 1 && !SliceBound(interp_, Arg(1), start)) return false;
  if (args_.positional.size() > 2 && !SliceBound(interp_, Arg(2), end)) return false;
  if (*end > length) {
    *end = length;
  } else if (*end < 0) {
    *end = std::max<int64_t>(0, *end + length);
  }
  if (*start < 0) *start = std::max<int64_t>(0, *start + length);
  return true;
}

std::optional<std::u32string> StrSearchCall::SearchArgs(int64_t* start, int64_t* end) {
  if (!SliceArgs(start, end)) return std::nullopt;
  return Needle(Arg(0));
}

int64_t StrSearchCall::Find(const std::u32string& needle, int64_t start, int64_t end, bool last) {
  const auto size = static_cast<int64_t>(needle.size());
  if (end - start < size) return -1;
  const std::u32string_view window = std::u32string_view(Chars()).substr(start, end - start);
  const size_t at = FindIn(window, needle, last);
  return at == std::u32string_view::npos ? -1 : start + static_cast<int64_t>(at);
}

Ref StrSearchCall::Search() {
  int64_t start = 0;
  int64_t end = 0;
  const std::optional<std::u32string> needle = SearchArgs(&start, &end);
  if (!needle) return Ref();
  const bool last = builtin_ == Builtin::kStrRFind || builtin_ == Builtin::kStrRIndex;
  const int64_t at = Find(*needle, start, end, last);
  if (at < 0 && (builtin_ == Builtin::kStrIndex || builtin_ == Builtin::kStrRIndex)) {
    return Fail(PyError(PyExc::kValueError, "substring not found"));
  }
  return Int(at);
}

Ref StrSearchCall::Count() {
  int64_t start = 0;
  int64_t end = 0;
  const std::optional<std::u32string> needle = SearchArgs(&start, &end);
  if (!needle) return Ref();
  if (end - start < static_cast<int64_t>(needle->size())) return Int(0);
  if (needle->empty()) return Int(end - start + 1);
  int64_t count = 0;
  for (int64_t at = Find(*needle, start, end, false); at >= 0;
       at = Find(*needle, at + static_cast<int64_t>(needle->size()), end, false)) {
    ++count;
  }
  return Int(count);
}

Ref StrSearchCall::Affix() {
  int64_t start = 0;
  int64_t end = 0;
  if (!SliceArgs(&start, &end)) return Ref();
  const std::string name(BuiltinName(builtin_));
  const bool prefix = builtin_ == Builtin::kStrStartsWith;
  std::vector<ObjectId> options;
  if (heap_.type_of(Arg(0)) == TypeTag::kTuple) {
    options = TupleItems(heap_, Arg(0));
  } else if (heap_.type_of(Arg(0)) == TypeTag::kStr) {
    options.push_back(Arg(0));
  } else {
    return TypeError(absl::StrCat(name, " first arg must be str or a tuple of str, not ",
                                  TypeName(heap_, Arg(0))));
  }
  for (ObjectId option : options) {
    if (heap_.type_of(option) != TypeTag::kStr) {
      return TypeError(absl::StrCat("tuple for ", name, " must only contain str, not ",
                                    TypeName(heap_, option)));
    }
    const std::u32string part = DecodeUtf8(StrText(heap_, option));
    const auto size = static_cast<int64_t>(part.size());
    if (end - size < start) continue;
    const int64_t at = prefix ? start : end - size;
    if (std::u32string_view(Chars()).substr(at, size) == part) return Bool(true);
  }
  return Bool(false);
}

Ref StrSearchCall::Run() {
  switch (builtin_) {
    case Builtin::kStrFind:
    case Builtin::kStrRFind:
    case Builtin::kStrIndex:
    case Builtin::kStrRIndex:
      return Search();
    case Builtin::kStrCount:
      return Count();
    default:
      return Affix();
  }
}

class StrShapeCall : public StrMethodCall {
 public:
  using StrMethodCall::StrMethodCall;

  Ref Run();

 private:
  Ref Strip();
  Ref Pad();
  Ref ZFill();
  Ref Partition();
  Ref RemoveAffix();
  Ref ExpandTabs();
  // A new str of `chars` (not empty): one object even of one character
  // (PyUnicode_New), of the kind its widest character needs.
  Ref NewChars(const std::u32string& chars) { return NewStrObject(heap_, EncodeUtf8(chars)); }
};

Ref StrShapeCall::Strip() {
  if (!Arity(0, 1)) return Ref();
  const std::string name(BuiltinName(builtin_));
  std::optional<std::u32string> chars;
  if (!args_.positional.empty() && heap_.type_of(Arg(0)) != TypeTag::kNone) {
    if (heap_.type_of(Arg(0)) != TypeTag::kStr) {
      return TypeError(absl::StrCat(name, " arg must be None or str"));
    }
    chars = DecodeUtf8(StrText(heap_, Arg(0)));
  }
  auto stripped = [&](char32_t c) {
    return chars ? chars->find(c) != std::u32string::npos : IsPySpace(c);
  };
  const std::u32string& text = Chars();
  size_t from = 0;
  size_t to = text.size();
  if (builtin_ != Builtin::kStrRStrip) {
    while (from < to && stripped(text[from])) ++from;
  }
  if (builtin_ != Builtin::kStrLStrip) {
    while (to > from && stripped(text[to - 1])) --to;
  }
  return Substring(from, to);
}

// The fill character argument of ljust, rjust and center.
std::optional<char32_t> FillChar(Interpreter& interp, ObjectId id) {
  Heap& heap = interp.heap();
  if (heap.type_of(id) != TypeTag::kStr) {
    interp.Raise(PyError(
        PyExc::kTypeError,
        absl::StrCat("The fill character must be a unicode character, not ", TypeName(heap, id))));
    return std::nullopt;
  }
  const std::u32string fill = DecodeUtf8(StrText(heap, id));
  if (fill.size() != 1) {
    interp.Raise(
        PyError(PyExc::kTypeError, "The fill character must be exactly one character long"));
    return std::nullopt;
  }
  return fill[0];
}

Ref StrShapeCall::Pad() {
  if (!Arity(1, 2)) return Ref();
  const std::optional<int64_t> width = SizeArg(Arg(0), false);
  if (!width) return Ref();
  char32_t fill = ' ';
  if (args_.positional.size() == 2) {
    const std::optional<char32_t> c = FillChar(interp_, Arg(1));
    if (!c) return Ref();
    fill = *c;
  }
  const auto length = static_cast<int64_t>(Chars().size());
  if (length >= *width) return heap_.NewRef(self_);  // unchanged: the str itself
  const int64_t margin = *width - length;
  int64_t left = 0;
  if (builtin_ == Builtin::kStrRJust) left = margin;
  // center: half the margin on the left, and the odd one there when both
  // the margin and the width are odd.
  if (builtin_ == Builtin::kStrCenter) left = margin / 2 + (margin & *width & 1);
  if (!Check(CheckGrowth(heap_, SizeOf(*width, 4), SizeOf(*width, 4)))) return Ref();
  std::u32string out(left, fill);
  out += Chars();
  out.append(margin - left, fill);
  return NewChars(out);
}

Ref StrShapeCall::ZFill() {
  if (!Arity(1, 1)) return Ref();
  const std::optional<int64_t> width = SizeArg(Arg(0), false);
  if (!width) return Ref();
  const auto length = static_cast<int64_t>(Chars().size());
  if (length >= *width) return heap_.NewRef(self_);
  if (!Check(CheckGrowth(heap_, SizeOf(*width, 4), SizeOf(*width, 4)))) return Ref();
  std::u32string out(*width - length, '0');
  out += Chars();
  // A sign the zeros went before moves to the front.
  const size_t sign = *width - length;
  if (out[sign] == '+' || out[sign] == '-') {
    out[0] = out[sign];
    out[sign] = '0';
  }
  return NewChars(out);
}

Ref StrShapeCall::Partition() {
  if (!Arity(1, 1)) return Ref();
  if (heap_.type_of(Arg(0)) != TypeTag::kStr) {
    return TypeError(absl::StrCat("must be str, not ", TypeName(heap_, Arg(0))));
  }
  const std::u32string separator = DecodeUtf8(StrText(heap_, Arg(0)));
  const bool last = builtin_ == Builtin::kStrRPartition;
  const std::u32string& text = Chars();
  if (separator.empty()) {
    return Fail(PyError(PyExc::kValueError, "empty separator"));
  }
  const size_t at = FindIn(text, separator, last);
  std::vector<ObjectId> items;
  if (at == std::u32string::npos) {
    // (s, '', '') or ('', '', s): the str itself and the shared empty str.
    for (int i = 0; i < 3; ++i) {
      const bool whole = i == (last ? 2 : 0);
      items.push_back(whole ? self_ : heap_.empty_str());
      heap_.IncRef(items.back());
    }
    return NewTuple(heap_, std::move(items));
  }
  // (before, the separator object itself, after): the tuple first, then
  // its pieces in order.
  for (int i = 0; i < 3; ++i) {
    items.push_back(heap_.none());
    heap_.IncRef(heap_.none());
  }
  Ref triple = NewTuple(heap_, std::move(items));
  auto fill = [&](size_t i, Ref piece) {
    ObjectId& slot = heap_.tuple(triple.get()).items[i];
    heap_.DecRef(std::exchange(slot, piece.release()));
  };
  fill(0, Substring(0, at));
  fill(1, heap_.NewRef(Arg(0)));
  fill(2, Substring(at + separator.size(), text.size()));
  return triple;
}

Ref StrShapeCall::RemoveAffix() {
  if (!Arity(1, 1)) return Ref();
  const std::string name(BuiltinName(builtin_));
  if (heap_.type_of(Arg(0)) != TypeTag::kStr) {
    return TypeError(
        absl::StrCat(name, "() argument must be str, not ",
                     heap_.type_of(Arg(0)) == TypeTag::kNone ? "None" : TypeName(heap_, Arg(0))));
  }
  const std::u32string affix = DecodeUtf8(StrText(heap_, Arg(0)));
  const std::u32string& text = Chars();
  if (affix.size() > text.size()) return heap_.NewRef(self_);
  if (builtin_ == Builtin::kStrRemovePrefix) {
    if (text.compare(0, affix.size(), affix) != 0) return heap_.NewRef(self_);
    return Substring(affix.size(), text.size());
  }
  if (text.compare(text.size() - affix.size(), affix.size(), affix) != 0) {
    return heap_.NewRef(self_);
  }
  return Substring(0, text.size() - affix.size());
}

Ref StrShapeCall::ExpandTabs() {
  ObjectId tabsize_arg = kNoObject;
  if (!ClinicArgs("str.expandtabs", {"tabsize"}, &tabsize_arg)) return Ref();
  int64_t tabsize = 8;
  if (tabsize_arg != kNoObject) {
    const std::optional<int64_t> t = SizeArg(tabsize_arg, true);
    if (!t) return Ref();
    tabsize = *t;
  }
  const std::u32string& text = Chars();
  if (text.find(U'\t') == std::u32string::npos) return heap_.NewRef(self_);
  std::u32string out;
  int64_t column = 0;
  for (char32_t c : text) {
    if (c == '\t') {
      if (tabsize > 0) {
        const int64_t spaces = tabsize - column % tabsize;
        const uint64_t bytes = SizeOf(out.size() + spaces, 4);
        if (!Check(CheckGrowth(heap_, bytes, bytes))) return Ref();
        out.append(spaces, ' ');
        column += spaces;
      }
      continue;
    }
    out += c;
    ++column;
    if (c == '\n' || c == '\r') column = 0;
  }
  // The new str is of the str's kind, its length the shared empty or
  // one-character str's where it has one (unicode_result).
  return NewStr(heap_, EncodeUtf8(out));
}

Ref StrShapeCall::Run() {
  switch (builtin_) {
    case Builtin::kStrStrip:
    case Builtin::kStrLStrip:
    case Builtin::kStrRStrip:
      return Strip();
    case Builtin::kStrLJust:
    case Builtin::kStrRJust:
    case Builtin::kStrCenter:
      return Pad();
    case Builtin::kStrZFill:
      return ZFill();
    case Builtin::kStrPartition:
    case Builtin::kStrRPartition:
      return Partition();
    case Builtin::kStrRemovePrefix:
    case Builtin::kStrRemoveSuffix:
      return RemoveAffix();
    case Builtin::kStrExpandTabs:
      return ExpandTabs();
    default:
      return Fail(absl::InternalError("not a str method"));
  }
}

}  // namespace

Ref CallStrMethod(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  if (IsStrSearchMethod(builtin)) return StrSearchCall(interp, builtin, self, args).Run();
  switch (builtin) {
    case Builtin::kStrSplit:
    case Builtin::kStrRSplit:
    case Builtin::kStrSplitLines:
      return CallStrSplit(interp, builtin, self, args);
    case Builtin::kStrStrip:
    case Builtin::kStrLStrip:
    case Builtin::kStrRStrip:
    case Builtin::kStrLJust:
    case Builtin::kStrRJust:
    case Builtin::kStrCenter:
    case Builtin::kStrZFill:
    case Builtin::kStrPartition:
    case Builtin::kStrRPartition:
    case Builtin::kStrRemovePrefix:
    case Builtin::kStrRemoveSuffix:
    case Builtin::kStrExpandTabs:
      return StrShapeCall(interp, builtin, self, args).Run();
    default:
      return CallStrCase(interp, builtin, self, args);
  }
}

}  // namespace heapsim::script
