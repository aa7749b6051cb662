#include "server/script/str_chars.h"

namespace heapsim::script {

namespace {

bool InRange(char32_t c, char32_t low, char32_t high) { return c >= low && c <= high; }

// Latin-1's letters: A-Z, a-z, U+00AA, U+00B5, U+00BA, U+00C0-U+00FF but
// U+00D7 and U+00F7.
bool IsLatin1Letter(char32_t c) {
  return InRange(c, 'A', 'Z') || InRange(c, 'a', 'z') || c == 0xaa || c == 0xb5 || c == 0xba ||
         (c >= 0xc0 && c != 0xd7 && c != 0xf7);
}

bool IsLatin1Upper(char32_t c) {
  return InRange(c, 'A', 'Z') || (InRange(c, 0xc0, 0xde) && c != 0xd7);
}

bool IsLatin1Lower(char32_t c) {
  return InRange(c, 'a', 'z') || c == 0xaa || c == 0xb5 || c == 0xba ||
         (InRange(c, 0xdf, 0xff) && c != 0xf7);
}

bool IsLatin1Digit(char32_t c) {
  return InRange(c, '0', '9') || c == 0xb2 || c == 0xb3 || c == 0xb9;
}

bool IsLatin1Numeric(char32_t c) { return IsLatin1Digit(c) || InRange(c, 0xbc, 0xbe); }

}  // namespace

bool IsPySpace(char32_t c) {
  return InRange(c, '\t', '\r') || InRange(c, 0x1c, 0x20) || c == 0x85 || c == 0xa0 ||
         c == 0x1680 || InRange(c, 0x2000, 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
         c == 0x205f || c == 0x3000;
}

bool IsLineBreak(char32_t c) {
  return InRange(c, '\n', '\r') || InRange(c, 0x1c, 0x1e) || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

std::optional<bool> IsOfClass(CharClass cls, char32_t c) {
  if (c > 0xff) return std::nullopt;
  switch (cls) {
    case CharClass::kAlpha:
      return IsLatin1Letter(c);
    case CharClass::kDecimal:
      return InRange(c, '0', '9');
    case CharClass::kDigit:
      return IsLatin1Digit(c);
    case CharClass::kNumeric:
      return IsLatin1Numeric(c);
    case CharClass::kAlnum:
      return IsLatin1Letter(c) || IsLatin1Numeric(c);
    case CharClass::kPrintable:
      // Not the controls, U+00A0 (a space other than ' ') nor U+00AD (a
      // format character).
      return InRange(c, 0x20, 0x7e) || (InRange(c, 0xa1, 0xff) && c != 0xad);
    case CharClass::kUpper:
      return IsLatin1Upper(c);
    case CharClass::kLower:
      return IsLatin1Lower(c);
    case CharClass::kIdentifierStart:
      return c == '_' || IsLatin1Letter(c);
    case CharClass::kIdentifierContinue:
      return c == '_' || c == 0xb7 || InRange(c, '0', '9') || IsLatin1Letter(c);
  }
  return std::nullopt;
}

std::optional<bool> IsCased(char32_t c) {
  if (c > 0xff) return std::nullopt;
  return IsLatin1Upper(c) || IsLatin1Lower(c);
}

std::optional<std::u32string> CaseMapped(CaseMapping mapping, char32_t c) {
  if (c > 0xff) return std::nullopt;
  if (mapping == CaseMapping::kLower || mapping == CaseMapping::kFold) {
    if (mapping == CaseMapping::kFold && c == 0xdf) return U"ss";
    if (mapping == CaseMapping::kFold && c == 0xb5) return std::u32string(1, 0x3bc);
    return std::u32string(1, IsLatin1Upper(c) ? c + 0x20 : c);
  }
  // Upper and title differ only for U+00DF.
  if (c == 0xdf) return mapping == CaseMapping::kUpper ? U"SS" : U"Ss";
  if (c == 0xb5) return std::u32string(1, 0x39c);
  if (c == 0xff) return std::u32string(1, 0x178);
  const bool has_upper = InRange(c, 'a', 'z') || (InRange(c, 0xe0, 0xfe) && c != 0xf7);
  return std::u32string(1, has_upper ? c - 0x20 : c);
}

}  // namespace heapsim::script
