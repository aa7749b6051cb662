// The storage kinds of CPython's compact strings, and UTF-8 helpers.

#ifndef HEAPSIM_SERVER_HEAP_STR_KIND_H_
#define HEAPSIM_SERVER_HEAP_STR_KIND_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace heapsim {

// PyUnicode kinds: bytes per character 1 (ASCII or Latin-1), 2 or 4.
enum class StrKind : uint8_t { kAscii, kLatin1, kUcs2, kUcs4 };

inline uint32_t CharWidth(StrKind kind) {
  switch (kind) {
    case StrKind::kAscii:
    case StrKind::kLatin1:
      return 1;
    case StrKind::kUcs2:
      return 2;
    case StrKind::kUcs4:
      return 4;
  }
  return 1;
}

// The kind a string whose largest code point is `max_char` gets.
inline StrKind KindFor(uint32_t max_char) {
  if (max_char < 0x80) return StrKind::kAscii;
  if (max_char < 0x100) return StrKind::kLatin1;
  if (max_char < 0x10000) return StrKind::kUcs2;
  return StrKind::kUcs4;
}

// Length in code points and kind of valid UTF-8 text. AnalyzeUtf8 and
// DecodeUtf8 expect valid UTF-8 (a str's text always is: the lexer refuses
// anything else); should an invalid byte come, it counts as one U+FFFD, so
// they always finish.
struct Utf8Info {
  uint32_t length = 0;
  StrKind kind = StrKind::kAscii;
};
Utf8Info AnalyzeUtf8(std::string_view utf8);

// True if `text` is valid UTF-8 (surrogates excluded).
bool IsValidUtf8(std::string_view text);

// True if every byte of `text` is ASCII.
bool IsAsciiText(std::string_view text);

// The length of the longest prefix of `text` that is valid UTF-8.
size_t ValidUtf8Prefix(std::string_view text);

// Decodes valid UTF-8 to code points.
std::u32string DecodeUtf8(std::string_view utf8);

// Appends the UTF-8 encoding of `code_point`.
void AppendUtf8(std::string* out, char32_t code_point);

// Encodes code points as UTF-8.
std::string EncodeUtf8(std::u32string_view code_points);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_STR_KIND_H_
