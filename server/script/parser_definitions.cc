// The parser (parser_impl.h): def and class statements, parameters and annotations.

#include <functional>

#include "absl/strings/str_cat.h"
#include "server/script/parser_impl.h"

namespace heapsim::script::parser_internal {

bool Parser::ParseAnnotation(const std::string& name, Position at, ParameterAnnotation* out) {
  const size_t uses_mark = scope().uses.size();
  const size_t units_mark = tree_.units.size();
  ExprPtr value = ParseTest();
  if (failed() || !CheckAnnotation(*value, units_mark)) return false;
  std::vector<NameRef*>& uses = scope().uses;
  out->name = name;
  out->at = at;
  out->value = std::move(value);
  out->uses.assign(uses.begin() + static_cast<long>(uses_mark), uses.end());
  uses.resize(uses_mark);
  return true;
}

ExprPtr Parser::AnnotationDisplay(uint32_t unit, Position at, ParameterAnnotations* annotations,
                                  ParameterAnnotation* returns) {
  const CodeUnit& code = tree_.units[unit];
  auto positional_only = [&](const ParameterAnnotation& a) {
    for (uint32_t i = 0; i < code.positional_only_count; ++i) {
      if (code.slot_names[i] == a.name) return true;
    }
    return false;
  };
  std::vector<ParameterAnnotation*> order;
  for (ParameterAnnotation& a : annotations->positional) {
    if (!positional_only(a)) order.push_back(&a);
  }
  for (ParameterAnnotation& a : annotations->positional) {
    if (positional_only(a)) order.push_back(&a);
  }
  for (auto* group : {&annotations->varargs, &annotations->keyword_only, &annotations->kwargs}) {
    for (ParameterAnnotation& a : *group) order.push_back(&a);
  }
  if (returns->value) order.push_back(returns);
  if (order.empty()) return nullptr;
  ExprPtr display = NewExpr(ExprKind::kTuple, at);
  display->fixed_display = true;
  std::vector<NameRef*>& uses = scope().uses;
  for (ParameterAnnotation* a : order) {
    display->operands.push_back(Literal(LiteralKind::kStr, a->name, a->at));
    display->operands.push_back(std::move(a->value));
    uses.insert(uses.end(), a->uses.begin(), a->uses.end());
  }
  return display;
}

bool Parser::CheckAnnotation(const Expr& annotation, size_t units_mark) {
  std::function<bool(const Expr&)> plain = [&](const Expr& e) {
    if (e.kind == ExprKind::kYield || e.kind == ExprKind::kYieldFrom ||
        e.kind == ExprKind::kNamedExpr) {
      return false;
    }
    for (const ExprPtr& operand : e.operands) {
      if (operand && !plain(*operand)) return false;
    }
    for (const Keyword& keyword : e.keywords) {
      if (!plain(*keyword.value)) return false;
    }
    return true;
  };
  if (tree_.units.size() != units_mark || !plain(annotation)) {
    Unsupported(annotation.position,
                "a lambda, comprehension, 'yield' or ':=' inside an annotation");
    return false;
  }
  return true;
}

bool Parser::ParseParameters(uint32_t unit_index, std::string_view closer, bool lambda,
                             ExprList* defaults, ExprList* kw_defaults,
                             ParameterAnnotations* annotations) {
  std::vector<std::string> positional;
  std::vector<std::string> keyword_only;
  std::string varargs;
  std::string kwargs;
  bool star = false;
  size_t positional_only = 0;
  bool slash = false;
  absl::flat_hash_set<std::string> seen;
  while (!IsOp(closer)) {
    const Position at = Cur().position;
    if (AcceptOp("/")) {
      // The misplaced forms are SyntaxErrors whose wording changed (3.12
      // names the mistake), not modelled.
      if (slash || star || positional.empty() || !(IsOp(closer) || AcceptOp(","))) {
        Unsupported(at, "a misplaced '/' in a parameter list");
        return false;
      }
      slash = true;
      positional_only = positional.size();
      continue;
    }
    bool double_star = false;
    bool single_star = false;
    if (AcceptOp("**")) {
      double_star = true;
    } else if (AcceptOp("*")) {
      single_star = true;
      if (star) {
        SyntaxError(at, "* argument may appear only once");
        return false;
      }
      star = true;
      if (IsOp(",")) {
        ++index_;
        continue;
      }
    }
    std::string source_name;
    if (!ReadName(&source_name)) return false;
    // Parameters are mangled too; symtable finds duplicates among the
    // mangled names and reports the name as written.
    const std::string name = Mangled(source_name);
    if (!seen.insert(name).second) {
      SyntaxError(at,
                  absl::StrCat("duplicate argument '", source_name, "' in function definition"));
      return false;
    }
    if (!lambda && AcceptOp(":")) {
      ParameterAnnotation annotation;
      if (!ParseAnnotation(name, at, &annotation)) return false;
      (double_star   ? annotations->kwargs
       : single_star ? annotations->varargs
       : star        ? annotations->keyword_only
                     : annotations->positional)
          .push_back(std::move(annotation));
    }
    ExprPtr default_value;
    if (AcceptOp("=")) {
      if (single_star || double_star) {
        InvalidSyntax();
        return false;
      }
      default_value = ParseTest();
      if (failed()) return false;
    }
    if (double_star) {
      kwargs = name;
    } else if (single_star) {
      varargs = name;
    } else if (star) {
      keyword_only.push_back(name);
      kw_defaults->push_back(std::move(default_value));
    } else {
      if (!default_value && !defaults->empty()) {
        SyntaxError(at, "non-default argument follows default argument");
        return false;
      }
      positional.push_back(name);
      if (default_value) defaults->push_back(std::move(default_value));
    }
    if (double_star && !IsOp(closer) && !(IsOp(",") && Ahead(1).kind == TokenKind::kOperator &&
                                          Ahead(1).text == closer)) {
      InvalidSyntax();
      return false;
    }
    if (!AcceptOp(",")) break;
  }
  if (!IsOp(closer)) {
    InvalidSyntax();
    return false;
  }
  if (star && varargs.empty() && keyword_only.empty()) {
    SyntaxError(Cur().position, "named arguments must follow bare *");
    return false;
  }
  // Defaults may have added units: the unit is looked up only now.
  CodeUnit* unit = &tree_.units[unit_index];
  unit->slot_names = positional;
  unit->positional_count = static_cast<uint32_t>(positional.size());
  unit->positional_only_count = static_cast<uint32_t>(positional_only);
  if (!varargs.empty()) {
    unit->varargs_slot = static_cast<int32_t>(unit->slot_names.size());
    unit->slot_names.push_back(varargs);
  }
  for (const std::string& name : keyword_only) unit->slot_names.push_back(name);
  unit->keyword_only_count = static_cast<uint32_t>(keyword_only.size());
  if (!kwargs.empty()) {
    unit->kwargs_slot = static_cast<int32_t>(unit->slot_names.size());
    unit->slot_names.push_back(kwargs);
  }
  return true;
}

StmtPtr Parser::ParseFunctionDef() {
  auto stmt = tree_.arena->New<Stmt>();
  stmt->kind = StmtKind::kFunctionDef;
  stmt->position = Cur().position;
  ++index_;
  std::string name;
  if (!ReadName(&name) || !ExpectOp("(")) return nullptr;
  const uint32_t unit = NewUnit(UnitKind::kFunction, name);
  tree_.units[unit].first_line = stmt->position.line;
  ParameterAnnotations annotations;
  if (!ParseParameters(unit, ")", false, &stmt->defaults, &stmt->kw_defaults, &annotations)) {
    return nullptr;
  }
  ++index_;  // ')'
  ParameterAnnotation returns;
  if (IsOp("->")) {
    const Position at = Cur().position;
    ++index_;
    if (!ParseAnnotation("return", at, &returns)) return nullptr;
  }
  stmt->annotation = AnnotationDisplay(unit, stmt->position, &annotations, &returns);
  stmt->unit = unit;
  stmt->name.text = Mangled(name);
  stmt->header_spans_lines = Cur().position.line != stmt->position.line;
  Block body;
  InUnit(unit, UnitContext{0, true}, [&]() { ParseBlock(&body); });
  if (failed()) return nullptr;
  // A leading string literal is the docstring, not a statement.
  if (!body.empty() && body[0]->kind == StmtKind::kExpr &&
      body[0]->value->kind == ExprKind::kConstant &&
      body[0]->value->literal == LiteralKind::kStr) {
    tree_.units[unit].docstring = std::move(body[0]->value);
    body.erase(body.begin());
  }
  tree_.units[unit].body = std::move(body);
  Bind(stmt->name.text);
  Use(&stmt->name);
  return stmt;
}

StmtPtr Parser::ParseClassDef() {
  auto stmt = tree_.arena->New<Stmt>();
  stmt->kind = StmtKind::kClassDef;
  stmt->position = Cur().position;
  ++index_;
  std::string name;
  if (!ReadName(&name)) return nullptr;
  if (AcceptOp("(")) {
    while (!IsOp(")")) {
      if (Cur().kind == TokenKind::kName && Ahead(1).kind == TokenKind::kOperator &&
          Ahead(1).text == "=") {
        Unsupported(Cur().position, "class keywords (metaclasses)");
        return nullptr;
      }
      ExprPtr base = ParseTest();
      if (failed()) return nullptr;
      stmt->bases.push_back(std::move(base));
      if (!AcceptOp(",")) break;
    }
    if (!ExpectOp(")")) return nullptr;
  }
  const uint32_t unit = NewUnit(UnitKind::kClass, name);
  tree_.units[unit].first_line = stmt->position.line;
  stmt->unit = unit;
  stmt->name.text = Mangled(name);
  stmt->header_spans_lines = Cur().position.line != stmt->position.line;
  Block body;
  const std::string enclosing_private = std::exchange(private_, name);
  InUnit(unit, UnitContext{}, [&]() { ParseBlock(&body); });
  private_ = enclosing_private;
  if (failed()) return nullptr;
  tree_.units[unit].body = std::move(body);
  Bind(stmt->name.text);
  Use(&stmt->name);
  return stmt;
}

}  // namespace heapsim::script::parser_internal
