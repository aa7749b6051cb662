// The parser (parser_impl.h): expressions, from conditional ones down to
// trailers, calls and comprehensions.

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "server/heap/int_digits.h"
#include "server/script/parser_impl.h"

namespace heapsim::script::parser_internal {

ExprPtr Parser::Literal(LiteralKind kind, std::string text, Position at, int base) {
  if (kind == LiteralKind::kInt && CheckIntFromText(limits_, text.size(), base).ok() == false) {
    SyntaxError(at, absl::StrCat(IntFromTextLimitMessage(limits_, text.size()),
                                 " - Consider hexadecimal for huge integer literals to avoid "
                                 "decimal conversion limits."));
    return nullptr;
  }
  ExprPtr expr = NewExpr(ExprKind::kConstant, at);
  expr->literal = kind;
  tree_.literals.push_back(ParsedLiteral{expr.get(), std::move(text), static_cast<uint8_t>(base)});
  return expr;
}

ExprPtr Parser::ParseStarOrTest() {
  if (IsOp("*")) {
    const Position at = Cur().position;
    ++index_;
    ExprPtr starred = NewExpr(ExprKind::kStarred, at);
    ExprPtr value = ParseBinary(0);
    if (!value) return nullptr;
    starred->operands.push_back(std::move(value));
    return starred;
  }
  return ParseTest();
}

ExprPtr Parser::ParseTestList(bool allow_starred) {
  return ParseCommaList(allow_starred ? &Parser::ParseStarOrTest : &Parser::ParseTest);
}

ExprPtr Parser::ParseTargetList() { return ParseCommaList(&Parser::ParseTarget); }

ExprPtr Parser::ParseTarget() { return IsOp("*") ? ParseStarOrTest() : ParseBinary(0); }

ExprPtr Parser::ParseCommaList(ExprPtr (Parser::*item)()) {
  const Position at = Cur().position;
  ExprPtr first = (this->*item)();
  if (!first || !IsOp(",")) return first;
  ExprPtr tuple = NewExpr(ExprKind::kTuple, at);
  tuple->operands.push_back(std::move(first));
  while (AcceptOp(",")) {
    if (AtExpressionEnd() || IsKeyword("in")) break;
    ExprPtr next = (this->*item)();
    if (!next) return nullptr;
    tuple->operands.push_back(std::move(next));
  }
  return tuple;
}

bool Parser::ParseDisplayRest(std::string_view closer, ExprList* items) {
  while (AcceptOp(",")) {
    if (IsOp(closer)) break;
    ExprPtr item = ParseStarOrTest();
    if (!item) return false;
    items->push_back(std::move(item));
  }
  return ExpectOp(closer);
}

ExprPtr Parser::ParseYield() {
  const Position at = Cur().position;
  ++index_;
  const bool from = IsKeyword("from");
  if (from) ++index_;
  if (!context_.function || tree_.units[unit_].kind != UnitKind::kFunction) {
    Unsupported(at, "'yield' outside a function");
    return nullptr;
  }
  ExprPtr expr = NewExpr(from ? ExprKind::kYieldFrom : ExprKind::kYield, at);
  if (from) {
    ExprPtr value = ParseTest();
    if (!value) return nullptr;
    expr->operands.push_back(std::move(value));
  } else if (!AtExpressionEnd()) {
    ExprPtr value = ParseTestList(true);
    if (!value) return nullptr;
    expr->operands.push_back(std::move(value));
  }
  tree_.units[unit_].generator = true;
  return expr;
}

ExprPtr Parser::ParseTest() {
  Nest test(this, {.ll1 = 1});
  if (failed()) return nullptr;
  if (IsKeyword("lambda")) return ParseLambda();
  if (IsKeyword("yield")) {
    Unsupported(Cur().position, "a 'yield' inside an expression");
    return nullptr;
  }
  if (IsKeyword("await")) {
    Unsupported(Cur().position, "'await'");
    return nullptr;
  }
  const Position at = Cur().position;
  const size_t start = index_;
  ExprPtr body = ParseOrTest();
  if (!body) return nullptr;
  if (IsOp(":=")) {
    if (start == named_expr_start_) return ParseNamedExpr(std::move(body));
    Unsupported(Cur().position,
                "an assignment expression (':=') outside parentheses or an if/while condition");
    return nullptr;
  }
  if (!IsKeyword("if")) return body;
  // Exclude the `if` of a comprehension clause: it follows `for ... in x`.
  ++index_;
  Nest conditional(this, {.peg = kPegConditionalLevels, .tree = 1});
  ExprPtr condition = ParseOrTest();
  if (!condition) return nullptr;
  if (!AcceptKeyword("else")) {
    SyntaxError(Cur().position, "expected 'else' after 'if' expression");
    return nullptr;
  }
  ExprPtr orelse = ParseTest();
  if (!orelse) return nullptr;
  ExprPtr expr = NewExpr(ExprKind::kIfElse, at);
  expr->operands.push_back(std::move(condition));
  expr->operands.push_back(std::move(body));
  expr->operands.push_back(std::move(orelse));
  return expr;
}

ExprPtr Parser::ParseNamedExpr(ExprPtr target) {
  const Position at = target->position;
  if (target->kind != ExprKind::kName) {
    Unsupported(Cur().position, "an assignment expression whose target is not a name");
    return nullptr;
  }
  const UnitKind unit = tree_.units[unit_].kind;
  if (unit != UnitKind::kModule && unit != UnitKind::kFunction) {
    Unsupported(Cur().position,
                "an assignment expression in a class body, lambda or comprehension (its scope "
                "rules are not modelled)");
    return nullptr;
  }
  if (named_expr_depth_ > 0) {
    Unsupported(Cur().position, "an assignment expression inside another's value");
    return nullptr;
  }
  ++index_;  // ':='
  const size_t value_start = scope().uses.size();
  ++named_expr_depth_;
  ExprPtr value = ParseTest();
  --named_expr_depth_;
  if (!value) return nullptr;
  // CPython's symbol table visits the value before the target.
  MoveUsesToEnd(value_start - 1, value_start);
  Bind(target->name.text);
  named_expr_targets_.insert(&target->name);
  ExprPtr expr = NewExpr(ExprKind::kNamedExpr, at);
  expr->operands.push_back(std::move(target));
  expr->operands.push_back(std::move(value));
  return expr;
}

ExprPtr Parser::ParseLambda() {
  Nest lambdef(this, {.ll1 = 1, .peg = 2, .tree = 1});
  if (failed()) return nullptr;
  ExprPtr expr = NewExpr(ExprKind::kLambda, Cur().position);
  ++index_;
  const uint32_t unit = NewUnit(UnitKind::kLambda, "<lambda>");
  tree_.units[unit].first_line = expr->position.line;
  ExprList kw_defaults;
  if (!ParseParameters(unit, ":", true, &expr->operands, &kw_defaults)) return nullptr;
  for (const ExprPtr& d : kw_defaults) {
    if (d) {
      Unsupported(d->position, "keyword-only defaults in a lambda");
      return nullptr;
    }
  }
  ++index_;  // ':'
  ExprPtr body;
  InUnit(unit, UnitContext{0, true}, [&]() { body = ParseTest(); });
  if (!body) return nullptr;
  tree_.units[unit].expression = std::move(body);
  expr->unit = unit;
  return expr;
}

ExprPtr Parser::ParseOrTest() { return ParseBoolOp(ExprKind::kOr, "or", &Parser::ParseAndTest); }

ExprPtr Parser::ParseAndTest() {
  return ParseBoolOp(ExprKind::kAnd, "and", &Parser::ParseNotTest);
}

ExprPtr Parser::ParseBoolOp(ExprKind kind, std::string_view keyword, ExprPtr (Parser::*operand)()) {
  Nest level(this, {.ll1 = 1});
  if (failed()) return nullptr;
  const Position at = Cur().position;
  ExprPtr first = (this->*operand)();
  if (!first || !IsKeyword(keyword)) return first;
  ExprPtr expr = NewExpr(kind, at);
  expr->operands.push_back(std::move(first));
  while (AcceptKeyword(keyword)) {
    ExprPtr next = (this->*operand)();
    if (!next) return nullptr;
    expr->operands.push_back(std::move(next));
  }
  return expr;
}

ExprPtr Parser::ParseNotTest() {
  const bool negation = IsKeyword("not");
  Nest not_test(this, {.ll1 = 1, .peg = negation ? 1 : 0, .tree = negation ? 1 : 0});
  if (failed()) return nullptr;
  if (!negation) return ParseComparison();
  ExprPtr expr = NewExpr(ExprKind::kUnary, Cur().position);
  ++index_;
  expr->unary_op = UnaryOp::kNot;
  ExprPtr operand = ParseNotTest();
  if (!operand) return nullptr;
  expr->operands.push_back(std::move(operand));
  return expr;
}

ExprPtr Parser::ParseComparison() {
  Nest comparison(this, {.ll1 = 1});
  if (failed()) return nullptr;
  const Position at = Cur().position;
  ExprPtr first = ParseBinary(0);
  if (!first) return nullptr;
  ExprPtr expr;
  while (true) {
    CompareOp op;
    const Token& t = Cur();
    if (t.kind == TokenKind::kOperator && t.text == "==") {
      op = CompareOp::kEq;
    } else if (t.kind == TokenKind::kOperator && t.text == "!=") {
      op = CompareOp::kNotEq;
    } else if (t.kind == TokenKind::kOperator && t.text == "<") {
      op = CompareOp::kLt;
    } else if (t.kind == TokenKind::kOperator && t.text == "<=") {
      op = CompareOp::kLtE;
    } else if (t.kind == TokenKind::kOperator && t.text == ">") {
      op = CompareOp::kGt;
    } else if (t.kind == TokenKind::kOperator && t.text == ">=") {
      op = CompareOp::kGtE;
    } else if (IsKeyword("in")) {
      op = CompareOp::kIn;
    } else if (IsKeyword("is")) {
      op = Ahead(1).kind == TokenKind::kName && Ahead(1).text == "not" ? CompareOp::kIsNot
                                                                        : CompareOp::kIs;
      if (op == CompareOp::kIsNot) ++index_;
    } else if (IsKeyword("not") && Ahead(1).kind == TokenKind::kName && Ahead(1).text == "in") {
      op = CompareOp::kNotIn;
      ++index_;
    } else {
      break;
    }
    ++index_;
    if (!expr) {
      expr = NewExpr(ExprKind::kCompare, at);
      expr->operands.push_back(std::move(first));
    }
    expr->compare_ops.push_back(op);
    ExprPtr next = ParseBinary(0);
    if (!next) return nullptr;
    expr->operands.push_back(std::move(next));
  }
  return expr ? std::move(expr) : std::move(first);
}

namespace {

// Binary operator levels, loosest first.
struct BinaryLevel {
  std::pair<std::string_view, BinaryOp> ops[5];
};
constexpr BinaryLevel kBinaryLevels[] = {
    {{{"|", BinaryOp::kBitOr}}},
    {{{"^", BinaryOp::kBitXor}}},
    {{{"&", BinaryOp::kBitAnd}}},
    {{{"<<", BinaryOp::kLShift}, {">>", BinaryOp::kRShift}}},
    {{{"+", BinaryOp::kAdd}, {"-", BinaryOp::kSub}}},
    {{{"*", BinaryOp::kMul},
      {"/", BinaryOp::kTrueDiv},
      {"//", BinaryOp::kFloorDiv},
      {"%", BinaryOp::kMod},
      {"@", BinaryOp::kMatMul}}},
};

}  // namespace

ExprPtr Parser::ParseBinary(int level) {
  if (level == static_cast<int>(std::size(kBinaryLevels))) return ParseFactor();
  Nest operators(this, {.ll1 = 1});
  if (failed()) return nullptr;
  const Position at = Cur().position;
  ExprPtr left = ParseBinary(level + 1);
  // Each operator puts the tree built so far one level deeper.
  const int tree_depth = tree_depth_;
  absl::Cleanup restore = [this, tree_depth] { tree_depth_ = tree_depth; };
  while (left) {
    const BinaryOp* matched = nullptr;
    for (const auto& [symbol, op] : kBinaryLevels[level].ops) {
      if (!symbol.empty() && IsOp(symbol)) matched = &op;
    }
    if (matched == nullptr) break;
    ++index_;
    ++tree_depth_;
    CheckNesting();
    if (failed()) return nullptr;
    ExprPtr right = ParseBinary(level + 1);
    if (!right) return nullptr;
    ExprPtr expr = NewExpr(ExprKind::kBinary, at);
    expr->binary_op = *matched;
    expr->operands.push_back(std::move(left));
    expr->operands.push_back(std::move(right));
    left = std::move(expr);
  }
  return left;
}

ExprPtr Parser::ParseFactor() {
  const bool unary = IsOp("-") || IsOp("+") || IsOp("~");
  Nest factor(this, {.ll1 = 1, .peg = unary ? 1 : 0, .tree = unary ? 1 : 0});
  if (failed()) return nullptr;
  UnaryOp op;
  if (IsOp("-")) {
    op = UnaryOp::kNeg;
  } else if (IsOp("+")) {
    op = UnaryOp::kPos;
  } else if (IsOp("~")) {
    op = UnaryOp::kInvert;
  } else {
    return ParsePower();
  }
  ExprPtr expr = NewExpr(ExprKind::kUnary, Cur().position);
  ++index_;
  expr->unary_op = op;
  ExprPtr operand = ParseFactor();
  if (!operand) return nullptr;
  expr->operands.push_back(std::move(operand));
  return expr;
}

ExprPtr Parser::ParsePower() {
  Nest power(this, {.ll1 = 1});
  if (failed()) return nullptr;
  const Position at = Cur().position;
  ExprPtr base;
  {
    Nest atom_expr(this, {.ll1 = 1});
    if (failed()) return nullptr;
    base = ParseAtom();
    if (!base) return nullptr;
    base = ParseTrailers(std::move(base));
  }
  if (!base || !IsOp("**")) return base;
  ++index_;
  Nest exponent_levels(this, {.peg = 2, .tree = 1});
  if (failed()) return nullptr;
  ExprPtr exponent = ParseFactor();
  if (!exponent) return nullptr;
  ExprPtr expr = NewExpr(ExprKind::kBinary, at);
  expr->binary_op = BinaryOp::kPow;
  expr->operands.push_back(std::move(base));
  expr->operands.push_back(std::move(exponent));
  return expr;
}

ExprPtr Parser::ParseTrailers(ExprPtr primary) {
  // Each trailer puts the tree built so far one level deeper.
  const int tree_depth = tree_depth_;
  absl::Cleanup restore = [this, tree_depth] { tree_depth_ = tree_depth; };
  while (primary) {
    const Position at = Cur().position;
    if (!IsOp(".") && !IsOp("(") && !IsOp("[")) break;
    ++tree_depth_;
    // trailer, arglist or subscriptlist, argument or subscript.
    Nest trailer(this, {.ll1 = IsOp(".") ? 1 : 3, .peg = IsOp(".") ? 0 : kPegCallLevels});
    if (failed()) return nullptr;
    if (AcceptOp(".")) {
      ExprPtr expr = NewExpr(ExprKind::kAttribute, primary->position);
      expr->line_ambiguous = primary->line_ambiguous || Cur().position.line != primary->position.line;
      if (!ReadName(&expr->name.text)) return nullptr;
      if (!private_.empty() && expr->name.text.starts_with("__")) {
        std::string written = expr->name.text;
        Mangle(expr->name.text);
        if (expr->name.text != written) unmangled_attributes_.emplace(expr.get(), std::move(written));
      }
      expr->operands.push_back(std::move(primary));
      primary = std::move(expr);
    } else if (AcceptOp("(")) {
      ExprPtr call = NewExpr(ExprKind::kCall, primary->position);
      call->line_ambiguous = primary->line_ambiguous;
      call->operands.push_back(std::move(primary));
      if (!ParseCallArguments(call.get())) return nullptr;
      primary = std::move(call);
    } else if (AcceptOp("[")) {
      ExprPtr subscript = NewExpr(ExprKind::kSubscript, primary->position);
      subscript->line_ambiguous = primary->line_ambiguous;
      subscript->operands.push_back(std::move(primary));
      ExprPtr index = ParseSubscript();
      if (!index) return nullptr;
      subscript->operands.push_back(std::move(index));
      if (!ExpectOp("]")) return nullptr;
      primary = std::move(subscript);
    } else {
      (void)at;
      break;
    }
  }
  return primary;
}

ExprPtr Parser::ParseSubscript() {
  const Position at = Cur().position;
  ExprList items;
  bool trailing_comma = false;
  while (true) {
    const Position item_at = Cur().position;
    ExprPtr lower;
    if (!IsOp(":")) {
      lower = ParseTest();
      if (!lower) return nullptr;
    }
    if (IsOp(":")) {
      ExprPtr slice = NewExpr(ExprKind::kSlice, item_at);
      ++index_;
      ExprPtr upper;
      ExprPtr step;
      if (!IsOp(":") && !IsOp("]") && !IsOp(",")) {
        upper = ParseTest();
        if (!upper) return nullptr;
      }
      if (AcceptOp(":") && !IsOp("]") && !IsOp(",")) {
        step = ParseTest();
        if (!step) return nullptr;
      }
      slice->operands.push_back(std::move(lower));
      slice->operands.push_back(std::move(upper));
      slice->operands.push_back(std::move(step));
      items.push_back(std::move(slice));
    } else {
      items.push_back(std::move(lower));
    }
    trailing_comma = AcceptOp(",");
    if (!trailing_comma || IsOp("]")) break;
  }
  if (items.size() == 1 && !trailing_comma) return std::move(items[0]);
  for (const ExprPtr& item : items) {
    if (item->kind == ExprKind::kSlice) {
      Unsupported(item->position, "multi-dimensional slicing");
      return nullptr;
    }
  }
  ExprPtr tuple = NewExpr(ExprKind::kTuple, at);
  tuple->operands = std::move(items);
  return tuple;
}

bool Parser::ParseCallArguments(Expr* call) {
  bool seen_keyword = false;
  while (!IsOp(")")) {
    const Position at = Cur().position;
    if (AcceptOp("**")) {
      Keyword keyword;
      keyword.value = ParseTest();
      if (!keyword.value) return false;
      call->keywords.push_back(std::move(keyword));
      seen_keyword = true;
    } else if (IsOp("*")) {
      ExprPtr starred = ParseStarOrTest();
      if (!starred) return false;
      call->operands.push_back(std::move(starred));
    } else if (Cur().kind == TokenKind::kName && Ahead(1).kind == TokenKind::kOperator &&
               Ahead(1).text == "=") {
      if (Keywords().contains(Cur().text)) {
        InvalidSyntax();
        return false;
      }
      Keyword keyword;
      keyword.name = Cur().text;  // not mangled (CPython passes it as written)
      index_ += 2;
      for (const Keyword& other : call->keywords) {
        if (other.name == keyword.name) {
          SyntaxError(at, absl::StrCat("keyword argument repeated: ", keyword.name));
          return false;
        }
      }
      keyword.value = ParseTest();
      if (!keyword.value) return false;
      call->keywords.push_back(std::move(keyword));
      seen_keyword = true;
    } else {
      const size_t uses_mark = scope().uses.size();
      const size_t units_mark = tree_.units.size();
      ExprPtr value = ParseTest();
      if (!value) return false;
      if (IsKeyword("for")) {
        ExprPtr genexp = NewExpr(ExprKind::kComprehension, at);
        genexp->operands.push_back(std::move(value));
        if (!ParseComprehension(genexp.get(), ComprehensionKind::kGenerator, uses_mark,
                                units_mark)) {
          return false;
        }
        if (call->operands.size() > 1 || !call->keywords.empty() || !IsOp(")")) {
          SyntaxError(at, "Generator expression must be parenthesized");
          return false;
        }
        value = std::move(genexp);
      } else if (seen_keyword) {
        SyntaxError(at, "positional argument follows keyword argument");
        return false;
      }
      call->operands.push_back(std::move(value));
    }
    if (!AcceptOp(",")) break;
  }
  return ExpectOp(")");
}

bool Parser::ParseComprehension(Expr* expr, ComprehensionKind kind, size_t uses_mark,
                                size_t units_mark) {
  static constexpr const char* kNames[] = {"<listcomp>", "<setcomp>", "<dictcomp>",
                                           "<genexpr>"};
  const uint32_t parent = unit_;
  const uint32_t unit = NewUnit(UnitKind::kComprehension, kNames[static_cast<int>(kind)]);
  tree_.scopes[unit].comprehension = expr;
  tree_.units[unit].first_line = expr->position.line;
  expr->kind = ExprKind::kComprehension;
  expr->comprehension = kind;
  expr->unit = unit;
  // The element was parsed before we knew: its names and units move in.
  std::vector<NameRef*>& parent_uses = tree_.scopes[parent].uses;
  std::vector<NameRef*> element_uses(parent_uses.begin() + static_cast<long>(uses_mark),
                                     parent_uses.end());
  parent_uses.resize(uses_mark);
  for (size_t i = units_mark; i < unit; ++i) {
    if (tree_.scopes[i].parent == parent) tree_.scopes[i].parent = unit;
  }
  const UnitContext saved_context = context_;
  context_ = UnitContext{0, true};
  bool first = true;
  while (IsKeyword("for")) {
    ++index_;
    unit_ = unit;
    ComprehensionClause clause;
    const size_t target_mark = scope().uses.size();
    clause.target = ParseTargetList();
    if (!clause.target) break;
    if (!AcceptKeyword("in")) {
      InvalidSyntax();
      break;
    }
    if (!CheckTarget(*clause.target, false)) break;
    NoteStaticAttributes(*clause.target);
    // The first iterable is evaluated in the enclosing scope.
    if (first) unit_ = parent;
    const size_t iter_mark = scope().uses.size();
    clause.iterable = ParseOrTest();
    if (!clause.iterable) break;
    unit_ = unit;
    if (!first) MoveUsesToEnd(target_mark, iter_mark);
    first = false;
    while (IsKeyword("if")) {
      ++index_;
      ExprPtr condition = ParseOrTest();
      if (!condition) break;
      clause.conditions.push_back(std::move(condition));
    }
    expr->clauses.push_back(std::move(clause));
    if (failed()) break;
  }
  unit_ = parent;
  context_ = saved_context;
  // Spread over lines, its loop's own operations are on lines heapsim
  // does not model.
  expr->line_ambiguous = Cur().position.line != expr->position.line;
  if (failed()) return false;
  if (IsKeyword("async")) {
    Unsupported(Cur().position, "'async for'");
    return false;
  }
  std::vector<NameRef*>& uses = tree_.scopes[unit].uses;
  uses.insert(uses.end(), element_uses.begin(), element_uses.end());
  const std::vector<NameRef*>& iterable_uses = tree_.scopes[parent].uses;
  const bool has_named_expr =
      std::any_of(uses.begin(), uses.end(),
                  [&](const NameRef* use) { return named_expr_targets_.contains(use); }) ||
      std::any_of(iterable_uses.begin() + static_cast<long>(std::min(uses_mark, iterable_uses.size())),
                  iterable_uses.end(),
                  [&](const NameRef* use) { return named_expr_targets_.contains(use); });
  if (has_named_expr) {
    Unsupported(expr->position,
                "an assignment expression in a class body, lambda or comprehension (its scope "
                "rules are not modelled)");
    return false;
  }
  return true;
}

ExprPtr Parser::ParseAtom() {
  Nest atom(this, {.ll1 = 1, .tree = 1});
  if (failed()) return nullptr;
  const Token& t = Cur();
  const Position at = t.position;
  switch (t.kind) {
    case TokenKind::kNumber: {
      ++index_;
      switch (t.number) {
        case NumberKind::kInt:
          return Literal(LiteralKind::kInt, t.text, at, t.base);
        case NumberKind::kFloat:
          return Literal(LiteralKind::kFloat, t.text, at);
        case NumberKind::kImaginary:
          return Literal(LiteralKind::kImaginary, t.text, at);
      }
      return nullptr;
    }
    case TokenKind::kString:
      return ParseStrings();
    case TokenKind::kName: {
      if (t.text == "None") {
        ++index_;
        return Literal(LiteralKind::kNoneValue, "", at);
      }
      if (t.text == "True") {
        ++index_;
        return Literal(LiteralKind::kTrue, "", at);
      }
      if (t.text == "False") {
        ++index_;
        return Literal(LiteralKind::kFalse, "", at);
      }
      if (Keywords().contains(t.text)) {
        InvalidSyntax();
        return nullptr;
      }
      ExprPtr expr = NewExpr(ExprKind::kName, at);
      expr->name.text = Mangled(t.text);
      ++index_;
      Use(&expr->name);
      return expr;
    }
    case TokenKind::kOperator: {
      // testlist_comp and namedexpr_test; dictorsetmaker.
      Nest display(this, {.ll1 = t.text == "{" ? 1 : 2, .peg = kPegDisplayLevels});
      if (failed()) return nullptr;
      if (t.text == "(") return ParseParenthesized();
      if (t.text == "[") return ParseListDisplay();
      if (t.text == "{") return ParseBraceDisplay();
    }
      if (t.text == "...") {
        ++index_;
        return Literal(LiteralKind::kEllipsis, "", at);
      }
      InvalidSyntax();
      return nullptr;
    default:
      InvalidSyntax();
      return nullptr;
  }
}

}  // namespace heapsim::script::parser_internal
