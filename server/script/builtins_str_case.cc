// str's case mappings (upper, lower, title, capitalize, swapcase,
// casefold) and its is*() predicates, exact for Latin-1 text (str_chars.h)
// and refused past it where the answer needs Unicode's tables.

#include <string>

#include "absl/strings/str_cat.h"
#include "server/heap/str_kind.h"
#include "server/heap/str_object.h"
#include "server/script/str_chars.h"
#include "server/script/str_method_call.h"

namespace heapsim::script {

namespace {

class StrCaseCall : public StrMethodCall {
 public:
  using StrMethodCall::StrMethodCall;

  Ref Run() {
    if (!Arity(0, 0)) return Ref();
    switch (builtin_) {
      case Builtin::kStrUpper:
      case Builtin::kStrLower:
      case Builtin::kStrTitle:
      case Builtin::kStrCapitalize:
      case Builtin::kStrSwapCase:
      case Builtin::kStrCaseFold:
        return Mapped();
      case Builtin::kStrIsAscii:
        return Bool(AnalyzeUtf8(StrText(heap_, self_)).kind == StrKind::kAscii);
      case Builtin::kStrIsSpace:
        return IsSpace();
      case Builtin::kStrIsUpper:
      case Builtin::kStrIsLower:
        return IsOneCase(builtin_ == Builtin::kStrIsUpper);
      case Builtin::kStrIsTitle:
        return IsTitle();
      case Builtin::kStrIsIdentifier:
        return IsIdentifier();
      default:
        return AllOfClass();
    }
  }

 private:
  Ref Mapped();
  Ref IsSpace();
  Ref AllOfClass();
  Ref IsOneCase(bool upper);
  Ref IsTitle();
  Ref IsIdentifier();
};

// The mapping of each character of `text` by `builtin`; nullopt for a
// character past Latin-1.
std::optional<std::u32string> MapCase(Builtin builtin, const std::u32string& text) {
  std::u32string out;
  bool previous_cased = false;  // title(): the character before was cased
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    const std::optional<bool> cased = IsCased(c);
    if (!cased) return std::nullopt;
    CaseMapping mapping = CaseMapping::kLower;
    switch (builtin) {
      case Builtin::kStrUpper:
        mapping = CaseMapping::kUpper;
        break;
      case Builtin::kStrCaseFold:
        mapping = CaseMapping::kFold;
        break;
      case Builtin::kStrTitle:
        mapping = previous_cased ? CaseMapping::kLower : CaseMapping::kTitle;
        previous_cased = *cased;
        break;
      case Builtin::kStrCapitalize:
        mapping = i == 0 ? CaseMapping::kTitle : CaseMapping::kLower;
        break;
      case Builtin::kStrSwapCase:
        mapping = *IsOfClass(CharClass::kUpper, c)   ? CaseMapping::kLower
                  : *IsOfClass(CharClass::kLower, c) ? CaseMapping::kUpper
                                                     : CaseMapping::kLower;
        break;
      default:
        break;
    }
    out += *CaseMapped(mapping, c);
  }
  return out;
}

Ref StrCaseCall::Mapped() {
  const std::u32string& text = Chars();
  // capitalize() of the empty str is the str itself; the others make the
  // shared empty str.
  if (text.empty()) {
    return heap_.NewRef(builtin_ == Builtin::kStrCapitalize ? self_ : heap_.empty_str());
  }
  const std::optional<std::u32string> out = MapCase(builtin_, text);
  if (!out) return RefuseText();
  // Only upper(), lower() and casefold() of ASCII text map it directly;
  // the others (and they of other text) map into a scratch buffer of three
  // UCS-4 characters for each one, freed once the new str is made.
  const bool ascii = AnalyzeUtf8(StrText(heap_, self_)).kind == StrKind::kAscii;
  const bool direct = ascii && (builtin_ == Builtin::kStrUpper || builtin_ == Builtin::kStrLower ||
                                builtin_ == Builtin::kStrCaseFold);
  const uint64_t scratch = direct ? 0 : heap_.AllocateBuffer(SizeOf(text.size(), 12));
  Ref result = NewStrObject(heap_, EncodeUtf8(*out));  // a new str, even of one character
  heap_.FreeBuffer(scratch);
  return result;
}

Ref StrCaseCall::IsSpace() {
  const std::u32string& text = Chars();
  if (text.empty()) return Bool(false);
  for (char32_t c : text) {
    if (!IsPySpace(c)) return Bool(false);
  }
  return Bool(true);
}

Ref StrCaseCall::AllOfClass() {
  CharClass cls = CharClass::kAlpha;
  switch (builtin_) {
    case Builtin::kStrIsDecimal:
      cls = CharClass::kDecimal;
      break;
    case Builtin::kStrIsDigit:
      cls = CharClass::kDigit;
      break;
    case Builtin::kStrIsNumeric:
      cls = CharClass::kNumeric;
      break;
    case Builtin::kStrIsAlnum:
      cls = CharClass::kAlnum;
      break;
    case Builtin::kStrIsPrintable:
      cls = CharClass::kPrintable;
      break;
    default:
      break;
  }
  const std::u32string& text = Chars();
  // The empty str is printable and nothing else.
  if (text.empty()) return Bool(cls == CharClass::kPrintable);
  // One character known not to be of the class decides, wherever it is;
  // otherwise any character past Latin-1 leaves it open.
  bool unknown = false;
  for (char32_t c : text) {
    const std::optional<bool> is = IsOfClass(cls, c);
    if (is && !*is) return Bool(false);
    unknown = unknown || !is;
  }
  if (unknown) return RefuseText();
  return Bool(true);
}

Ref StrCaseCall::IsOneCase(bool upper) {
  // No character of the other case (nor titlecase), and one of this case.
  bool found = false;
  bool unknown = false;
  for (char32_t c : Chars()) {
    const std::optional<bool> other = IsOfClass(upper ? CharClass::kLower : CharClass::kUpper, c);
    if (!other) {
      unknown = true;
      continue;
    }
    if (*other) return Bool(false);
    found = found || *IsOfClass(upper ? CharClass::kUpper : CharClass::kLower, c);
  }
  if (unknown) return RefuseText();
  return Bool(found);
}

Ref StrCaseCall::IsTitle() {
  // Each uppercase letter follows an uncased character and each lowercase
  // one a cased character; at least one is cased.
  bool previous_cased = false;
  bool cased = false;
  for (char32_t c : Chars()) {
    const std::optional<bool> upper = IsOfClass(CharClass::kUpper, c);
    if (!upper) return RefuseText();
    if (*upper) {
      if (previous_cased) return Bool(false);
      previous_cased = cased = true;
    } else if (*IsOfClass(CharClass::kLower, c)) {
      if (!previous_cased) return Bool(false);
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return Bool(cased);
}

Ref StrCaseCall::IsIdentifier() {
  const std::u32string& text = Chars();
  if (text.empty()) return Bool(false);
  bool unknown = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const std::optional<bool> is =
        IsOfClass(i == 0 ? CharClass::kIdentifierStart : CharClass::kIdentifierContinue, text[i]);
    if (is && !*is) return Bool(false);
    unknown = unknown || !is;
  }
  if (unknown) return RefuseText();
  return Bool(true);
}

}  // namespace

Ref CallStrCase(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return StrCaseCall(interp, builtin, self, args).Run();
}

}  // namespace heapsim::script
