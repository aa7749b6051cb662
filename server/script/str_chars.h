// What CPython's Unicode database says of characters, for the characters
// heapsim can answer for without one: whitespace and line boundaries for
// every code point (fixed, short sets), and the classes and case mappings
// of Latin-1 (U+0000 to U+00FF), measured on CPython 3.8 to 3.13 (the same
// on all). Past Latin-1 the answers are nullopt: the callers refuse.
// Internal to the script library.

#ifndef HEAPSIM_SERVER_SCRIPT_STR_CHARS_H_
#define HEAPSIM_SERVER_SCRIPT_STR_CHARS_H_

#include <optional>
#include <string>

namespace heapsim::script {

// str.isspace() of one character (Py_UNICODE_ISSPACE): exact for all.
bool IsPySpace(char32_t c);

// A line boundary of str.splitlines(): exact for all.
bool IsLineBreak(char32_t c);

// The character classes of the str.is*() predicates.
enum class CharClass {
  kAlpha,
  kDecimal,
  kDigit,
  kNumeric,
  kAlnum,
  kPrintable,
  kUpper,               // Py_UNICODE_ISUPPER (Latin-1 has no titlecase letters)
  kLower,               // Py_UNICODE_ISLOWER: Lowercase, with U+00AA and U+00BA
  kIdentifierStart,     // XID_Start or '_'
  kIdentifierContinue,  // XID_Continue
};

// Whether `c` is of `cls`; nullopt past Latin-1.
std::optional<bool> IsOfClass(CharClass cls, char32_t c);

// Cased (upper or lower, _PyUnicode_IsCased); nullopt past Latin-1.
std::optional<bool> IsCased(char32_t c);

// The full case mappings (one character may map to several: U+00DF's
// upper is "SS").
enum class CaseMapping { kLower, kUpper, kTitle, kFold };

// The full `mapping` of `c`; nullopt past Latin-1.
std::optional<std::u32string> CaseMapped(CaseMapping mapping, char32_t c);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_STR_CHARS_H_
