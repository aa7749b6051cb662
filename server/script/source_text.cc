#include "server/script/source_text.h"

#include <cstddef>
#include <optional>

#include "absl/strings/str_format.h"

namespace heapsim::script {

namespace {

struct Place {
  size_t offset;
  int line;
  int column;
};

Place PlaceOf(std::string_view source, size_t offset) {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (source[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return Place{offset, line, static_cast<int>(offset - line_start) + 1};
}

// The length of the well-formed UTF-8 sequence at `source[i]`, or 0.
size_t Utf8SequenceLength(std::string_view source, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(source[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  size_t length;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > source.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

std::optional<size_t> FirstInvalidUtf8(std::string_view source) {
  for (size_t i = 0; i < source.size();) {
    const size_t length = Utf8SequenceLength(source, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

// PEP 263: a comment naming an encoding on one of the first two lines.
bool HasEncodingDeclaration(std::string_view source) {
  size_t start = 0;
  for (int line = 0; line < 2 && start < source.size(); ++line) {
    size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    const std::string_view text = source.substr(start, end - start);
    const size_t hash = text.find('#');
    if (hash != std::string_view::npos && text.find("coding", hash) != std::string_view::npos) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

}  // namespace

absl::Status CheckSourceText(std::string_view source, std::string_view filename,
                             const SourceLimits& limits) {
  if (const size_t nul = source.find('\0'); nul != std::string_view::npos) {
    const Place at = PlaceOf(source, nul);
    if (limits.null_byte_error) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s:%d:%d: SyntaxError: source code cannot contain null bytes", filename,
                          at.line, at.column));
    }
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s:%d:%d: unsupported: a null byte in the source (this CPython's tokenizer reads it as "
        "the end of the line)",
        filename, at.line, at.column));
  }
  const std::optional<size_t> bad = FirstInvalidUtf8(source);
  if (!bad) return absl::OkStatus();
  const Place at = PlaceOf(source, *bad);
  if (HasEncodingDeclaration(source)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s:%d:%d: unsupported: an encoding declaration (sources are read as UTF-8)", filename,
        at.line, at.column));
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "%s:%d:%d: SyntaxError: Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but "
      "no encoding declared; see %s for details",
      filename, at.line, at.column, static_cast<unsigned char>(source[*bad]), filename,
      at.line + limits.non_utf8_line_offset, limits.pep263_url));
}

}  // namespace heapsim::script
