// str.split, str.rsplit and str.splitlines: the lists CPython builds, of
// the size it presizes them to, with the str itself as the only item
// where nothing was split off.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_kind.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"
#include "server/script/special_methods.h"
#include "server/script/str_chars.h"
#include "server/script/str_method_call.h"

namespace heapsim::script {

namespace {

constexpr uint64_t kSplitMaxPreallocation = 12;  // stringlib's MAX_PREALLOC

// One piece of a split: [from, to) of the text, or the whole str itself.
struct SplitPiece {
  size_t from = 0;
  size_t to = 0;
  bool whole = false;
};

class StrSplitCall : public StrMethodCall {
 public:
  using StrMethodCall::StrMethodCall;

  Ref Run() {
    if (builtin_ == Builtin::kStrSplitLines) return SplitLines();
    return Split(builtin_ == Builtin::kStrRSplit);
  }

 private:
  Ref Split(bool from_right);
  Ref SplitLines();
  // The pieces of a split at whitespace, at most `max_count` splits, in
  // the order CPython makes them (from the right for rsplit).
  std::vector<SplitPiece> AtWhitespace(int64_t max_count, bool from_right);
  // ... and at `separator` (not empty).
  std::vector<SplitPiece> AtSeparator(const std::u32string& separator, int64_t max_count,
                                      bool from_right);
  // The str of `piece`: stringlib's STRINGLIB_NEW (a new str, or a shared
  // empty or one-character one), or the str itself.
  Ref PieceStr(const SplitPiece& piece) {
    if (piece.whole) return heap_.NewRef(self_);
    return NewStr(
        heap_, EncodeUtf8(std::u32string_view(Chars()).substr(piece.from, piece.to - piece.from)));
  }
};

std::vector<SplitPiece> StrSplitCall::AtWhitespace(int64_t max_count, bool from_right) {
  const std::u32string& text = Chars();
  const size_t length = text.size();
  std::vector<SplitPiece> pieces;
  if (!from_right) {
    size_t i = 0;
    for (; max_count > 0; --max_count) {
      while (i < length && IsPySpace(text[i])) ++i;
      if (i == length) break;
      const size_t j = i;
      while (i < length && !IsPySpace(text[i])) ++i;
      if (j == 0 && i == length) {
        pieces.push_back({0, length, true});
        return pieces;
      }
      pieces.push_back({j, i, false});
    }
    // The splits ran out: the rest from its first non-space on, trailing
    // whitespace and all.
    while (i < length && IsPySpace(text[i])) ++i;
    if (i < length) pieces.push_back({i, length, false});
    return pieces;
  }
  size_t i = length;  // one past the character looked at
  for (; max_count > 0; --max_count) {
    while (i > 0 && IsPySpace(text[i - 1])) --i;
    if (i == 0) break;
    const size_t j = i;
    while (i > 0 && !IsPySpace(text[i - 1])) --i;
    if (j == length && i == 0) {
      pieces.push_back({0, length, true});
      return pieces;
    }
    pieces.push_back({i, j, false});
  }
  while (i > 0 && IsPySpace(text[i - 1])) --i;
  if (i > 0) pieces.push_back({0, i, false});
  return pieces;
}

std::vector<SplitPiece> StrSplitCall::AtSeparator(const std::u32string& separator,
                                                  int64_t max_count, bool from_right) {
  const std::u32string& text = Chars();
  std::vector<SplitPiece> pieces;
  if (!from_right) {
    size_t start = 0;
    for (; max_count > 0; --max_count) {
      const size_t at = FindIn(std::u32string_view(text).substr(start), separator, false);
      if (at == std::u32string_view::npos) break;
      pieces.push_back({start, start + at, false});
      start += at + separator.size();
    }
    pieces.push_back({start, text.size(), pieces.empty()});
    return pieces;
  }
  size_t end = text.size();
  for (; max_count > 0; --max_count) {
    const size_t at = FindIn(std::u32string_view(text).substr(0, end), separator, true);
    if (at == std::u32string_view::npos) break;
    pieces.push_back({at + separator.size(), end, false});
    end = at;
  }
  pieces.push_back({0, end, pieces.empty()});
  return pieces;
}

Ref StrSplitCall::Split(bool from_right) {
  ObjectId values[2];
  if (!ClinicArgs(from_right ? "str.rsplit" : "str.split", {"sep", "maxsplit"}, values)) {
    return Ref();
  }
  int64_t max_split = -1;
  if (values[1] != kNoObject) {
    const std::optional<int64_t> m = SizeArg(values[1], false);
    if (!m) return Ref();
    max_split = *m;
  }
  std::optional<std::u32string> separator;
  if (values[0] != kNoObject && heap_.type_of(values[0]) != TypeTag::kNone) {
    if (heap_.type_of(values[0]) != TypeTag::kStr) {
      return TypeError(absl::StrCat("must be str or None, not ", TypeName(heap_, values[0])));
    }
    separator = DecodeUtf8(StrText(heap_, values[0]));
    if (separator->empty()) return Fail(PyError(PyExc::kValueError, "empty separator"));
  }
  const uint64_t length = Chars().size();
  // PyList_New(PREALLOC_SIZE(maxcount)), filled, then appended to. With no
  // maxsplit the most splits possible count (3.12+), else any number.
  uint64_t max_count = max_split >= 0 ? static_cast<uint64_t>(max_split) : UINT64_MAX;
  if (max_split < 0 && heap_.profile().str_split_prealloc_by_length) {
    max_count =
        separator ? length / separator->size() + 1 : (length == 0 ? 1 : (length - 1) / 2 + 1);
  }
  std::vector<SplitPiece> pieces;
  uint64_t prealloc = max_count < kSplitMaxPreallocation ? max_count + 1 : kSplitMaxPreallocation;
  const int64_t splits = max_split >= 0 ? max_split : INT64_MAX;
  if (separator &&
      (length < separator->size() || CharWidth(AnalyzeUtf8(StrText(heap_, values[0])).kind) >
                                         CharWidth(AnalyzeUtf8(StrText(heap_, self_)).kind))) {
    // A separator longer than the text, or of a wider kind: [s] at once.
    prealloc = 1;
    pieces.push_back({0, length, true});
  } else {
    pieces =
        separator ? AtSeparator(*separator, splits, from_right) : AtWhitespace(splits, from_right);
  }
  if (!SpendWork(pieces.size())) return Fail(BudgetStatus());
  Ref list = NewList(heap_, prealloc);
  for (const SplitPiece& piece : pieces) {
    Ref item = PieceStr(piece);
    ListAppend(heap_, list.get(), item.get());
  }
  if (from_right) {
    std::vector<ObjectId> items = ListItems(heap_, list.get());
    std::reverse(items.begin(), items.end());
    ListReorder(heap_, list.get(), std::move(items));
  }
  return list;
}

Ref StrSplitCall::SplitLines() {
  ObjectId keepends_arg = kNoObject;
  if (!ClinicArgs("str.splitlines", {"keepends"}, &keepends_arg)) return Ref();
  bool keepends = false;
  if (keepends_arg != kNoObject) {
    if (heap_.profile().str_splitlines_keepends_truth) {
      if (SpecialMethods(heap_, keepends_arg) != 0) {
        interp_.Refuse("a 'keepends' argument whose class defines special methods");
        return Ref();
      }
      keepends = Truth(heap_, keepends_arg);
    } else {
      const std::optional<int64_t> k = SizeArg(keepends_arg, true);
      if (!k) return Ref();
      keepends = *k != 0;
    }
  }
  const std::u32string& text = Chars();
  std::vector<SplitPiece> pieces;
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    while (i < text.size() && !IsLineBreak(text[i])) ++i;
    size_t end = i;
    if (i < text.size()) {
      i += text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
      if (keepends) end = i;
    }
    if (start == 0 && end == text.size()) {
      pieces.push_back({0, end, true});
      break;
    }
    pieces.push_back({start, end, false});
  }
  if (!SpendWork(pieces.size())) return Fail(BudgetStatus());
  Ref list = NewList(heap_, 0);
  for (const SplitPiece& piece : pieces) {
    Ref item = PieceStr(piece);
    ListAppend(heap_, list.get(), item.get());
  }
  return list;
}

}  // namespace

Ref CallStrSplit(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return StrSplitCall(interp, builtin, self, args).Run();
}

}  // namespace heapsim::script
