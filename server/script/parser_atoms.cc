// The parser (parser_impl.h): atoms: string literals, f-strings, parenthesised forms and displays.

#include "absl/strings/str_cat.h"
#include "server/script/parser_impl.h"

namespace heapsim::script::parser_internal {

ExprPtr Parser::ParseStrings() {
  const Position at = Cur().position;
  const bool bytes = Cur().bytes;
  ExprList parts;
  std::string pending;
  bool formatted = false;
  while (Cur().kind == TokenKind::kString) {
    const Token& t = Cur();
    if (t.bytes != bytes) {
      SyntaxError(t.position, "cannot mix bytes and nonbytes literals");
      return nullptr;
    }
    if (t.fstring) {
      formatted = true;
      if (!ParseFStringBody(t.text, t.raw, t.content_start, &parts, &pending)) return nullptr;
    } else {
      pending += t.text;
    }
    ++index_;
  }
  if (bytes) return Literal(LiteralKind::kBytes, std::move(pending), at);
  if (!formatted || parts.empty()) return Literal(LiteralKind::kStr, std::move(pending), at);
  FlushLiteral(&parts, &pending, at);
  ExprPtr expr = NewExpr(ExprKind::kFString, at);
  expr->operands = std::move(parts);
  return expr;
}

bool Parser::ParseFStringBody(std::string_view body, bool raw, Position at,
                              ExprList* parts, std::string* pending) {
  std::string literal;
  auto flush_literal = [&]() -> bool {
    absl::StatusOr<std::string> decoded = DecodeStringBody(literal, false, raw);
    if (absl::IsUnimplemented(decoded.status())) {
      Unsupported(at, std::string(decoded.status().message()));
      return false;
    }
    if (!decoded.ok()) {
      SyntaxError(at, std::string(decoded.status().message()));
      return false;
    }
    *pending += *decoded;
    literal.clear();
    return true;
  };
  size_t i = 0;
  while (i < body.size()) {
    const char c = body[i];
    if (c == '{' && i + 1 < body.size() && body[i + 1] == '{') {
      literal += '{';
      i += 2;
      continue;
    }
    if (c == '}') {
      if (i + 1 < body.size() && body[i + 1] == '}') {
        literal += '}';
        i += 2;
        continue;
      }
      SyntaxError(at, "f-string: single '}' is not allowed");
      return false;
    }
    if (c != '{') {
      literal += c;
      if (c == '\\' && i + 1 < body.size()) literal += body[++i];
      ++i;
      continue;
    }
    if (!flush_literal()) return false;
    // A replacement field: the expression runs to '!', ':', '=' or '}' at
    // bracket depth zero, outside strings.
    size_t start = ++i;
    int depth = 0;
    char quote = 0;
    size_t end = std::string_view::npos;
    for (; i < body.size(); ++i) {
      const char d = body[i];
      if (quote) {
        if (d == quote) quote = 0;
        continue;
      }
      if (d == '\'' || d == '"') {
        quote = d;
      } else if (d == '(' || d == '[' || d == '{') {
        ++depth;
      } else if ((d == ')' || d == ']' || d == '}') && depth > 0) {
        --depth;
      } else if (depth == 0 && (d == '}' || d == ':' ||
                                (d == '!' && i + 1 < body.size() && body[i + 1] != '=') ||
                                (d == '=' && i + 1 < body.size() &&
                                 (body[i + 1] == '}' || body[i + 1] == '!' ||
                                  body[i + 1] == ':') &&
                                 i > start && body[i - 1] != '=' && body[i - 1] != '!' &&
                                 body[i - 1] != '<' && body[i - 1] != '>'))) {
        end = i;
        break;
      }
    }
    if (end == std::string_view::npos) {
      SyntaxError(at, "f-string: expecting '}'");
      return false;
    }
    const std::string_view text = body.substr(start, end - start);
    if (text.find_first_not_of(" \t\n") == std::string_view::npos) {
      SyntaxError(at, "f-string: empty expression not allowed");
      return false;
    }
    ExprPtr value = ParseEmbeddedExpression(text, at);
    if (!value) return false;
    ExprPtr format = NewExpr(ExprKind::kFormat, at);
    bool debug = false;
    if (body[i] == '=') {
      debug = true;
      *pending += std::string(body.substr(start, i + 1 - start));
      ++i;
    }
    if (body[i] == '!') {
      if (i + 2 >= body.size() || (body[i + 1] != 'r' && body[i + 1] != 's' &&
                                   body[i + 1] != 'a')) {
        SyntaxError(at, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        return false;
      }
      format->conversion = body[i + 1];
      i += 2;
    }
    format->operands.push_back(std::move(value));
    if (i < body.size() && body[i] == ':') {
      ++i;
      // The spec runs to the matching '}', and may hold nested fields.
      const size_t spec_start = i;
      int nesting = 0;
      for (; i < body.size(); ++i) {
        if (body[i] == '{') ++nesting;
        if (body[i] == '}') {
          if (nesting == 0) break;
          --nesting;
        }
      }
      if (i >= body.size()) {
        SyntaxError(at, "f-string: expecting '}'");
        return false;
      }
      ExprList spec_parts;
      std::string spec_pending;
      if (!ParseFStringBody(body.substr(spec_start, i - spec_start), raw, at, &spec_parts,
                            &spec_pending)) {
        return false;
      }
      if (spec_parts.empty()) {
        format->operands.push_back(Literal(LiteralKind::kStr, std::move(spec_pending), at));
      } else {
        FlushLiteral(&spec_parts, &spec_pending, at);
        ExprPtr spec = NewExpr(ExprKind::kFString, at);
        spec->operands = std::move(spec_parts);
        format->operands.push_back(std::move(spec));
      }
    } else if (debug && format->conversion == 0) {
      format->conversion = 'r';
    }
    if (i >= body.size() || body[i] != '}') {
      SyntaxError(at, "f-string: expecting '}'");
      return false;
    }
    ++i;
    FlushLiteral(parts, pending, at);
    parts->push_back(std::move(format));
  }
  return flush_literal();
}

ExprPtr Parser::ParseEmbeddedExpression(std::string_view text, Position at) {
  absl::StatusOr<std::vector<Token>> tokens =
      Tokenize(absl::StrCat("(", std::string(text), ")"), filename_, limits_);
  if (!tokens.ok()) {
    SyntaxError(at, "f-string: invalid syntax");
    return nullptr;
  }
  for (Token& token : *tokens) {
    token.position.line += at.line - 1;
    token.position.column += at.column - 1;
  }
  NoteOneCharTokens(*tokens);
  std::vector<Token> saved_tokens = std::move(tokens_);
  const size_t saved_index = index_;
  tokens_ = *std::move(tokens);
  index_ = 0;
  ExprPtr expr = ParseTestList(false);
  if (expr && Cur().kind != TokenKind::kNewline && Cur().kind != TokenKind::kEnd) {
    InvalidSyntax();
    expr = nullptr;
  }
  tokens_ = std::move(saved_tokens);
  index_ = saved_index;
  return expr;
}

ExprPtr Parser::ParseParenthesized() {
  const Position at = Cur().position;
  ++index_;
  if (AcceptOp(")")) return NewExpr(ExprKind::kTuple, at);
  if (IsKeyword("yield")) {
    Unsupported(Cur().position, "a 'yield' inside an expression");
    return nullptr;
  }
  const size_t uses_mark = scope().uses.size();
  const size_t units_mark = tree_.units.size();
  named_expr_start_ = index_;
  ExprPtr first = ParseStarOrTest();
  if (!first) return nullptr;
  if (IsKeyword("for")) {
    if (first->kind == ExprKind::kNamedExpr) {
      Unsupported(first->position,
                  "an assignment expression in a class body, lambda or comprehension (its scope "
                  "rules are not modelled)");
      return nullptr;
    }
    ExprPtr genexp = NewExpr(ExprKind::kComprehension, at);
    genexp->operands.push_back(std::move(first));
    if (!ParseComprehension(genexp.get(), ComprehensionKind::kGenerator, uses_mark,
                            units_mark)) {
      return nullptr;
    }
    if (!ExpectOp(")")) return nullptr;
    return genexp;
  }
  if (AcceptOp(")")) {
    if (first->kind == ExprKind::kStarred) {
      SyntaxError(first->position, "can't use starred expression here");
      return nullptr;
    }
    return first;
  }
  ExprPtr tuple = NewExpr(ExprKind::kTuple, at);
  tuple->operands.push_back(std::move(first));
  if (!ParseDisplayRest(")", &tuple->operands)) return nullptr;
  return tuple;
}

ExprPtr Parser::ParseListDisplay() {
  const Position at = Cur().position;
  ++index_;
  ExprPtr list = NewExpr(ExprKind::kList, at);
  if (AcceptOp("]")) return list;
  const size_t uses_mark = scope().uses.size();
  const size_t units_mark = tree_.units.size();
  ExprPtr first = ParseStarOrTest();
  if (!first) return nullptr;
  if (IsKeyword("for")) {
    list->operands.push_back(std::move(first));
    if (!ParseComprehension(list.get(), ComprehensionKind::kList, uses_mark, units_mark)) {
      return nullptr;
    }
    if (!ExpectOp("]")) return nullptr;
    return list;
  }
  list->operands.push_back(std::move(first));
  if (!ParseDisplayRest("]", &list->operands)) return nullptr;
  return list;
}

ExprPtr Parser::ParseBraceDisplay() {
  const Position at = Cur().position;
  ++index_;
  if (AcceptOp("}")) return NewExpr(ExprKind::kDict, at);
  const size_t uses_mark = scope().uses.size();
  const size_t units_mark = tree_.units.size();
  ExprPtr dict = NewExpr(ExprKind::kDict, at);
  // The first item decides: `k: v` or `**m` make a dict, else a set.
  if (AcceptOp("**")) {
    dict->operands.push_back(nullptr);
    ExprPtr mapping = ParseBinary(0);
    if (!mapping) return nullptr;
    dict->operands.push_back(std::move(mapping));
  } else {
    ExprPtr first = ParseStarOrTest();
    if (!first) return nullptr;
    if (!AcceptOp(":")) {
      ExprPtr set = NewExpr(ExprKind::kSet, at);
      set->operands.push_back(std::move(first));
      if (IsKeyword("for")) {
        if (!ParseComprehension(set.get(), ComprehensionKind::kSet, uses_mark, units_mark)) {
          return nullptr;
        }
        if (!ExpectOp("}")) return nullptr;
        return set;
      }
      if (!ParseDisplayRest("}", &set->operands)) return nullptr;
      return set;
    }
    ExprPtr value = ParseTest();
    if (!value) return nullptr;
    dict->operands.push_back(std::move(first));
    dict->operands.push_back(std::move(value));
    if (IsKeyword("for")) {
      if (!ParseComprehension(dict.get(), ComprehensionKind::kDict, uses_mark, units_mark)) {
        return nullptr;
      }
      if (!ExpectOp("}")) return nullptr;
      return dict;
    }
  }
  while (AcceptOp(",")) {
    if (IsOp("}")) break;
    if (AcceptOp("**")) {
      dict->operands.push_back(nullptr);
      ExprPtr mapping = ParseBinary(0);
      if (!mapping) return nullptr;
      dict->operands.push_back(std::move(mapping));
      continue;
    }
    ExprPtr key = ParseTest();
    if (!key) return nullptr;
    if (!ExpectOp(":")) return nullptr;
    ExprPtr value = ParseTest();
    if (!value) return nullptr;
    dict->operands.push_back(std::move(key));
    dict->operands.push_back(std::move(value));
  }
  if (!ExpectOp("}")) return nullptr;
  return dict;
}

}  // namespace heapsim::script::parser_internal
