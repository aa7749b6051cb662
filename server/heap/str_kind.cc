#include "server/heap/str_kind.h"

#include <algorithm>
#include <cstring>

namespace heapsim {

namespace {

// Decodes one code point at `*pos` and advances; returns 0xFFFFFFFF on an
// invalid sequence.
uint32_t NextCodePoint(std::string_view s, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(s[i]); };
  const uint8_t lead = byte(*pos);
  uint32_t cp;
  size_t extra;
  if (lead < 0x80) {
    ++*pos;
    return lead;
  } else if ((lead & 0xe0) == 0xc0) {
    cp = lead & 0x1f;
    extra = 1;
  } else if ((lead & 0xf0) == 0xe0) {
    cp = lead & 0x0f;
    extra = 2;
  } else if ((lead & 0xf8) == 0xf0) {
    cp = lead & 0x07;
    extra = 3;
  } else {
    return 0xffffffff;
  }
  for (size_t i = 1; i <= extra; ++i) {
    if (*pos + i >= s.size() || (byte(*pos + i) & 0xc0) != 0x80) return 0xffffffff;
    cp = (cp << 6) | (byte(*pos + i) & 0x3f);
  }
  static constexpr uint32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
    return 0xffffffff;
  }
  *pos += extra + 1;
  return cp;
}

// NextCodePoint for text expected to be valid: an invalid byte decodes as
// U+FFFD and is stepped over, so every call advances.
uint32_t NextCodePointOrReplacement(std::string_view s, size_t* pos) {
  const uint32_t cp = NextCodePoint(s, pos);
  if (cp != 0xffffffff) return cp;
  ++*pos;
  return 0xfffd;
}

}  // namespace

Utf8Info AnalyzeUtf8(std::string_view utf8) {
  Utf8Info info;
  uint32_t max_char = 0;
  size_t pos = 0;
  while (pos < utf8.size()) {
    // Runs of ASCII go eight bytes at a time (they leave the kind alone).
    uint64_t word = 0;
    if (utf8.size() - pos >= sizeof(word)) {
      std::memcpy(&word, utf8.data() + pos, sizeof(word));
      if ((word & 0x8080808080808080u) == 0) {
        pos += sizeof(word);
        info.length += sizeof(word);
        continue;
      }
    }
    const uint32_t cp = NextCodePointOrReplacement(utf8, &pos);
    if (cp > max_char) max_char = cp;
    ++info.length;
  }
  info.kind = KindFor(max_char);
  return info;
}

size_t ValidUtf8Prefix(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t next = pos;
    if (NextCodePoint(text, &next) == 0xffffffff) return pos;
    pos = next;
  }
  return pos;
}

bool IsValidUtf8(std::string_view text) { return ValidUtf8Prefix(text) == text.size(); }

bool IsAsciiText(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::u32string DecodeUtf8(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) out.push_back(NextCodePointOrReplacement(utf8, &pos));
  return out;
}

void AppendUtf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

std::string EncodeUtf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (char32_t cp : code_points) AppendUtf8(&out, cp);
  return out;
}

}  // namespace heapsim
