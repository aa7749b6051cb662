#include "server/script/lexer.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/heap/str_kind.h"
#include "server/script/huge_pages.h"

namespace heapsim::script {

namespace {

// Operators, longest first so that the first match is the longest.
constexpr std::string_view kOperators[] = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", ">>", "<<", "<=", ">=", "==",
    "!=",  "+=",  "-=",  "*=",  "/=",  "%=", "&=", "|=", "^=", "@=", "(",  ")",  "[",  "]",
    "{",   "}",   ",",   ":",   ";",   ".",  "+",  "-",  "*",  "/",  "%",  "&",  "|",  "^",
    "~",   "<",   ">",   "=",   "@",
};

bool IsNameStart(unsigned char c) { return absl::ascii_isalpha(c) || c == '_' || c >= 0x80; }
bool IsNameChar(unsigned char c) { return IsNameStart(c) || absl::ascii_isdigit(c); }

void AppendUtf8(uint32_t code, std::string* out) {
  if (code < 0x80) {
    out->push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code >> 6)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Token MarkerToken(TokenKind kind, Position at) {
  Token token;
  token.kind = kind;
  token.position = at;
  return token;
}

class Lexer {
 public:
  Lexer(std::string_view source, std::string_view filename, const SourceLimits& limits)
      : src_(source), filename_(filename), limits_(limits) {}

  absl::StatusOr<std::vector<Token>> Run();

 private:
  absl::Status Error(Position at, std::string_view message,
                     std::string_view type = "SyntaxError") const {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s:%d:%d: %s: %s", filename_, at.line, at.column, type, message));
  }
  absl::Status TabError(Position at) const {
    return Error(at, "inconsistent use of tabs and spaces in indentation", "TabError");
  }
  absl::Status Unsupported(Position at, std::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s:%d:%d: unsupported: %s", filename_, at.line, at.column, what));
  }
  // Refuses source text that is not UTF-8, naming where it stops being so.
  absl::Status CheckUtf8() const;
  Position Here() const { return Position{line_, static_cast<int>(pos_ - line_start_) + 1}; }
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
  }
  void NewLine() {
    ++line_;
    line_start_ = pos_;
  }
  // Handles the start of a logical line: indentation, blank lines and
  // comments. Returns false at the end of the source.
  absl::StatusOr<bool> StartLine();
  absl::Status LexNumber(Token* token);
  absl::Status LexString(size_t prefix_length, Token* token);

  std::string_view src_;
  std::string_view filename_;
  const SourceLimits& limits_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  int depth_ = 0;  // open brackets
  // Open indentation widths, tabs to multiples of 8, and the same widths
  // with tabs as one column: both must order alike, or it is a TabError.
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  std::vector<Token> tokens_;
};

absl::StatusOr<bool> Lexer::StartLine() {
  while (true) {
    int width = 0;
    int alt_width = 0;
    while (Peek() == ' ' || Peek() == '\t' || Peek() == '\f') {
      if (Peek() == '\f') {
        width = alt_width = 0;
      } else {
        width = Peek() == '\t' ? (width / 8 + 1) * 8 : width + 1;
        ++alt_width;
      }
      ++pos_;
    }
    if (Peek() == '#') {
      while (pos_ < src_.size() && Peek() != '\n') ++pos_;
    }
    if (Peek() == '\r') ++pos_;
    if (Peek() == '\n') {
      ++pos_;
      NewLine();
      continue;
    }
    if (pos_ >= src_.size()) return false;
    const Position at = Here();
    if (width == indents_.back()) {
      if (alt_width != alt_indents_.back()) return TabError(at);
    } else if (width > indents_.back()) {
      if (indents_.size() > limits_.max_indent_levels) {
        return Error(at, "too many levels of indentation", "IndentationError");
      }
      if (alt_width <= alt_indents_.back()) return TabError(at);
      indents_.push_back(width);
      alt_indents_.push_back(alt_width);
      tokens_.push_back(MarkerToken(TokenKind::kIndent, at));
    } else {
      while (width < indents_.back()) {
        indents_.pop_back();
        alt_indents_.pop_back();
        tokens_.push_back(MarkerToken(TokenKind::kDedent, at));
      }
      if (width != indents_.back()) {
        return Error(at, "unindent does not match any outer indentation level");
      }
      if (alt_width != alt_indents_.back()) return TabError(at);
    }
    return true;
  }
}

absl::Status Lexer::LexNumber(Token* token) {
  const Position at = Here();
  token->kind = TokenKind::kNumber;
  auto digits = [&](auto is_digit) -> absl::StatusOr<std::string> {
    std::string out;
    while (is_digit(Peek()) || (Peek() == '_' && is_digit(Peek(1)))) {
      if (Peek() != '_') out.push_back(Peek());
      ++pos_;
    }
    return out;
  };
  if (Peek() == '0' && (Peek(1) == 'x' || Peek(1) == 'X' || Peek(1) == 'o' || Peek(1) == 'O' ||
                        Peek(1) == 'b' || Peek(1) == 'B')) {
    const char kind = static_cast<char>(absl::ascii_tolower(Peek(1)));
    pos_ += 2;
    if (Peek() == '_') ++pos_;
    token->base = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
    const int base = token->base;
    absl::StatusOr<std::string> text = digits([base](char c) {
      const int v = HexValue(c);
      return v >= 0 && v < base;
    });
    if (text->empty()) return Error(at, "invalid number literal");
    token->text = *text;
  } else {
    auto decimal = [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); };
    std::string text = *digits(decimal);
    bool is_float = false;
    if (Peek() == '.' && !(text.empty() && !decimal(Peek(1)))) {
      is_float = true;
      text.push_back('.');
      ++pos_;
      text += *digits(decimal);
    }
    if ((Peek() == 'e' || Peek() == 'E') &&
        (decimal(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && decimal(Peek(2))))) {
      is_float = true;
      text.push_back('e');
      ++pos_;
      if (Peek() == '+' || Peek() == '-') text.push_back(src_[pos_++]);
      text += *digits(decimal);
    }
    token->text = text;
    token->number = is_float ? NumberKind::kFloat : NumberKind::kInt;
    if (!is_float && text.size() > 1 && text[0] == '0' &&
        text.find_first_not_of('0') != std::string::npos) {
      return Error(at,
                   "leading zeros in decimal integer literals are not permitted; use an 0o "
                   "prefix for octal integers");
    }
    if (Peek() == 'j' || Peek() == 'J') {
      ++pos_;
      token->number = NumberKind::kImaginary;
    }
  }
  if (IsNameChar(static_cast<unsigned char>(Peek()))) {
    return Error(Here(), "invalid decimal literal");
  }
  return absl::OkStatus();
}

absl::Status Lexer::LexString(size_t prefix_length, Token* token) {
  const Position at = Here();
  for (size_t i = 0; i < prefix_length; ++i) {
    const char c = static_cast<char>(absl::ascii_tolower(src_[pos_ + i]));
    if (c == 'b') token->bytes = true;
    if (c == 'f') token->fstring = true;
    if (c == 'r') token->raw = true;
  }
  pos_ += prefix_length;
  const char quote = Peek();
  const bool triple = Peek(1) == quote && Peek(2) == quote;
  pos_ += triple ? 3 : 1;
  const size_t body_start = pos_;
  token->content_start = Here();
  while (true) {
    if (pos_ >= src_.size()) {
      return Error(at, triple ? "unterminated triple-quoted string literal"
                              : "unterminated string literal");
    }
    const char c = Peek();
    if (c == '\\') {
      if (pos_ + 1 >= src_.size()) {  // a backslash ends the text
        pos_ = src_.size();
        continue;
      }
      pos_ += 2;
      if (src_[pos_ - 1] == '\n') NewLine();
      continue;
    }
    if (c == '\n') {
      if (!triple) return Error(at, "unterminated string literal");
      ++pos_;
      NewLine();
      continue;
    }
    if (c == quote && (!triple || (Peek(1) == quote && Peek(2) == quote))) break;
    ++pos_;
  }
  std::string_view body = src_.substr(body_start, pos_ - body_start);
  pos_ += triple ? 3 : 1;
  token->kind = TokenKind::kString;
  if (token->fstring) {
    token->text = std::string(body);
    return absl::OkStatus();
  }
  if (token->bytes) {
    for (unsigned char c : body) {
      if (c >= 0x80) return Error(at, "bytes can only contain ASCII literal characters");
    }
  }
  absl::StatusOr<std::string> value = DecodeStringBody(body, token->bytes, token->raw);
  if (absl::IsUnimplemented(value.status())) return Unsupported(at, std::string(value.status().message()));
  if (!value.ok()) return Error(at, std::string(value.status().message()));
  token->text = *std::move(value);
  return absl::OkStatus();
}

absl::Status Lexer::CheckUtf8() const {
  const size_t valid = ValidUtf8Prefix(src_);
  if (valid == src_.size()) return absl::OkStatus();
  const std::string_view before = src_.substr(0, valid);
  const size_t last_newline = before.rfind('\n');
  const size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
  const Position at{static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1,
                    static_cast<int>(valid - line_start) + 1};
  return Unsupported(at, absl::StrFormat("source text that is not UTF-8 (byte 0x%02x)",
                                         static_cast<uint8_t>(src_[valid])));
}

absl::StatusOr<std::vector<Token>> Lexer::Run() {
  if (absl::Status utf8 = CheckUtf8(); !utf8.ok()) return utf8;
  // Room for one token per three bytes of source (about what dense code
  // has), so that a long script's tokens are not copied as the vector grows;
  // the pages of the reserve nobody writes cost nothing.
  tokens_.reserve(src_.size() / 3 + 16);
  AdviseHugePages(tokens_.data(), tokens_.capacity() * sizeof(Token));
  bool at_line_start = true;
  while (true) {
    if (at_line_start && depth_ == 0) {
      absl::StatusOr<bool> more = StartLine();
      if (!more.ok()) return more.status();
      if (!*more) break;
      at_line_start = false;
    }
    const char c = Peek();
    if (pos_ >= src_.size()) break;
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
      ++pos_;
      continue;
    }
    if (c == '#') {
      while (pos_ < src_.size() && Peek() != '\n') ++pos_;
      continue;
    }
    if (c == '\\' && (Peek(1) == '\n' || (Peek(1) == '\r' && Peek(2) == '\n'))) {
      pos_ += Peek(1) == '\r' ? 3 : 2;
      NewLine();
      continue;
    }
    if (c == '\n') {
      if (depth_ == 0) tokens_.push_back(MarkerToken(TokenKind::kNewline, Here()));
      ++pos_;
      NewLine();
      at_line_start = depth_ == 0;
      continue;
    }
    Token token;
    token.position = Here();
    const auto uc = static_cast<unsigned char>(c);
    if (IsNameStart(uc)) {
      size_t end = pos_;
      while (end < src_.size() && IsNameChar(static_cast<unsigned char>(src_[end]))) ++end;
      const char next = end < src_.size() ? src_[end] : '\0';
      bool prefix = false;
      if (end - pos_ <= 2 && (next == '\'' || next == '"')) {
        const std::string word = absl::AsciiStrToLower(std::string(src_.substr(pos_, end - pos_)));
        prefix = word.find_first_not_of("rbfu") == std::string::npos && word != "bb" &&
                 word != "ff" && word != "rr" && word != "uu" &&
                 !(word.find('u') != std::string::npos && word.size() > 1) &&
                 !(word.find('b') != std::string::npos && word.find('f') != std::string::npos);
      }
      if (prefix) {
        if (absl::Status s = LexString(end - pos_, &token); !s.ok()) return s;
      } else {
        token.kind = TokenKind::kName;
        token.text = std::string(src_.substr(pos_, end - pos_));
        pos_ = end;
      }
    } else if (absl::ascii_isdigit(uc) || (c == '.' && absl::ascii_isdigit(
                                                           static_cast<unsigned char>(Peek(1))))) {
      if (absl::Status s = LexNumber(&token); !s.ok()) return s;
    } else if (c == '\'' || c == '"') {
      if (absl::Status s = LexString(0, &token); !s.ok()) return s;
    } else {
      token.kind = TokenKind::kOperator;
      for (std::string_view op : kOperators) {
        if (op[0] == c && src_.substr(pos_, op.size()) == op) {
          token.text = std::string(op);
          break;
        }
      }
      if (token.text.empty()) {
        if (c == '!') return Error(token.position, "invalid syntax");
        return Error(token.position, absl::StrFormat("invalid character '%c' (U+%04X)", c, uc));
      }
      pos_ += token.text.size();
      if (token.text == "(" || token.text == "[" || token.text == "{") {
        if (limits_.max_paren_nesting != 0 &&
            depth_ >= static_cast<int>(limits_.max_paren_nesting)) {
          return Error(token.position, "too many nested parentheses");
        }
        ++depth_;
      }
      if (token.text == ")" || token.text == "]" || token.text == "}") {
        if (depth_ == 0) {
          return Error(token.position, absl::StrCat("unmatched '", token.text, "'"));
        }
        --depth_;
      }
    }
    tokens_.push_back(std::move(token));
  }
  if (depth_ > 0) return Error(Here(), "unexpected EOF while parsing");
  const Position end = Here();
  if (!tokens_.empty() && tokens_.back().kind != TokenKind::kNewline &&
      tokens_.back().kind != TokenKind::kDedent) {
    tokens_.push_back(MarkerToken(TokenKind::kNewline, end));
  }
  while (indents_.size() > 1) {
    indents_.pop_back();
    tokens_.push_back(MarkerToken(TokenKind::kDedent, end));
  }
  tokens_.push_back(MarkerToken(TokenKind::kEnd, end));
  return std::move(tokens_);
}

}  // namespace

absl::StatusOr<std::string> DecodeStringBody(std::string_view body, bool bytes, bool raw) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n') continue;
    if (c != '\\' || raw) {
      out.push_back(c);
      if (raw && c == '\\' && i + 1 < body.size()) out.push_back(body[++i]);
      continue;
    }
    if (++i >= body.size()) {
      out.push_back('\\');
      break;
    }
    const char e = body[i];
    switch (e) {
      case '\n':
        break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'v': out.push_back('\v'); break;
      case 'x': {

        const int hi = i + 1 < body.size() ? HexValue(body[i + 1]) : -1;
        const int lo = i + 2 < body.size() ? HexValue(body[i + 2]) : -1;
        if (hi < 0 || lo < 0) return absl::InvalidArgumentError("truncated \\xXX escape");
        const uint32_t value = static_cast<uint32_t>(hi * 16 + lo);
        if (bytes) {
          out.push_back(static_cast<char>(value));
        } else {
          AppendUtf8(value, &out);
        }
        i += 2;
        break;
      }
      case 'u':
      case 'U': {
        if (bytes) {
          out.push_back('\\');
          out.push_back(e);
          break;
        }
        const size_t n = e == 'u' ? 4 : 8;
        uint32_t value = 0;
        for (size_t k = 1; k <= n; ++k) {
          const int v = i + k < body.size() ? HexValue(body[i + k]) : -1;
          if (v < 0) {
            return absl::InvalidArgumentError(e == 'u' ? "truncated \\uXXXX escape"
                                                       : "truncated \\UXXXXXXXX escape");
          }
          value = value * 16 + static_cast<uint32_t>(v);
        }
        if (value > 0x10FFFF) return absl::InvalidArgumentError("illegal Unicode character");
        if (value >= 0xD800 && value <= 0xDFFF) {
          return absl::UnimplementedError(
              absl::StrFormat("a lone surrogate in a string (\\%c%0*x)", e, static_cast<int>(n), value));
        }
        AppendUtf8(value, &out);
        i += n;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          uint32_t value = 0;
          size_t k = 0;
          while (k < 3 && i + k < body.size() && body[i + k] >= '0' && body[i + k] <= '7') {
            value = value * 8 + static_cast<uint32_t>(body[i + k] - '0');
            ++k;
          }
          i += k - 1;
          if (bytes) {
            out.push_back(static_cast<char>(value & 0xFF));
          } else {
            AppendUtf8(value, &out);
          }
        } else {
          out.push_back('\\');
          out.push_back(e);
        }
    }
  }
  return out;
}

absl::StatusOr<std::vector<Token>> Tokenize(std::string_view source, std::string_view filename,
                                            const SourceLimits& limits) {
  return Lexer(source, filename, limits).Run();
}

}  // namespace heapsim::script
