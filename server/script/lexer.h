// The lexer turns heap-script source into Python's tokens: names, numbers,
// strings, operators, and the NEWLINE / INDENT / DEDENT structure of
// Python's layout rules (implicit joining inside brackets, backslash
// continuation, comments and blank lines ignored).

#ifndef HEAPSIM_SERVER_SCRIPT_LEXER_H_
#define HEAPSIM_SERVER_SCRIPT_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "server/heap/profile.h"
#include "server/script/code.h"

namespace heapsim::script {

enum class TokenKind : uint8_t {
  kName,
  kNumber,
  kString,
  kOperator,  // punctuation and operators: "(", "**=", "->", ...
  kNewline,
  kIndent,
  kDedent,
  kEnd,
};

enum class NumberKind : uint8_t { kInt, kFloat, kImaginary };

// Fields are grouped by alignment (a script has a token per few bytes).
struct Token {
  // kName and kOperator: the text. kNumber: for ints the decimal digits
  // (prefix and '_' removed, base below); for floats the text for strtod.
  // kString: the decoded value (UTF-8 for str, raw bytes for bytes), or
  // for f-strings the source between the quotes, undecoded.
  std::string text;
  Position position;
  // Where an f-string's contents start in the source (for positions of
  // the expressions inside it).
  Position content_start;
  TokenKind kind = TokenKind::kEnd;
  NumberKind number = NumberKind::kInt;
  uint8_t base = 10;
  bool bytes = false;    // b'...'
  bool fstring = false;  // f'...'
  bool raw = false;      // r'...'
};

// Tokenizes `source` within `limits` (bracket nesting, indentation
// levels). Errors are InvalidArgument "FILE:LINE:COL: SyntaxError: ..."
// (or IndentationError, TabError). The result ends with NEWLINE (when the
// source has any token), the closing DEDENTs and kEnd.
absl::StatusOr<std::vector<Token>> Tokenize(std::string_view source, std::string_view filename,
                                            const SourceLimits& limits);

// Decodes the escapes of a string literal's body (no quotes). For bytes
// literals the result is raw bytes; `raw` keeps backslashes. Errors are a
// message without position: InvalidArgument for a malformed escape,
// Unimplemented for what heapsim refuses (a lone surrogate such as
// "\ud800", which a str holds but no UTF-8 text can).
absl::StatusOr<std::string> DecodeStringBody(std::string_view body, bool bytes, bool raw);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_LEXER_H_
