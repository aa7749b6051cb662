// The parser (parser_impl.h): simple and compound statements, imports, del and assignment targets.

#include "absl/strings/str_cat.h"
#include "server/script/modelled_modules.h"
#include "server/script/parser_impl.h"

namespace heapsim::script::parser_internal {

void Parser::ParseStatement(Block* block) {
  Nest statement(this, {.ll1 = 1, .tree = 1});
  if (failed()) return;
  const Token& t = Cur();
  if (t.kind == TokenKind::kIndent) return SyntaxError(t.position, "unexpected indent");
  if (t.kind == TokenKind::kDedent) return SyntaxError(t.position, "unindent does not match");
  if (t.kind == TokenKind::kName) {
    StmtPtr stmt;
    // compound_stmt and the statement's own rule; PEG: def and class one more.
    const bool compound_statement = t.text == "if" || t.text == "while" || t.text == "for" ||
                                    t.text == "try" || t.text == "with" || t.text == "def" ||
                                    t.text == "class";
    const bool definition = t.text == "def" || t.text == "class";
    Nest compound(this, {.ll1 = compound_statement ? 2 : 0,
                         .peg = compound_statement ? (definition ? 7 : 6) : 0});
    if (t.text == "if") {
      stmt = ParseIf();
    } else if (t.text == "while") {
      stmt = ParseWhile();
    } else if (t.text == "for") {
      stmt = ParseFor();
    } else if (t.text == "try") {
      stmt = ParseTry();
    } else if (t.text == "def") {
      stmt = ParseFunctionDef();
    } else if (t.text == "class") {
      stmt = ParseClassDef();
    } else if (t.text == "with") {
      stmt = ParseWith();
    } else if (t.text == "async") {
      return Unsupported(t.position, "'async' code");
    } else if (t.text == "match" && limits_.match_statement && LineEndsWithColon()) {
      return Unsupported(t.position, "'match' statement");
    } else {
      return ParseSimpleStatements(block);
    }
    if (stmt) block->push_back(std::move(stmt));
    return;
  }
  if (IsOp("@")) return ParseDecorated(block);
  ParseSimpleStatements(block);
}

void Parser::ParseDecorated(Block* block) {
  ExprList decorators;
  const int first_line = Cur().position.line;
  while (AcceptOp("@")) {
    const Position at = Cur().position;
    ExprPtr decorator = ParseTest();
    if (failed()) return;
    // 3.8's grammar: a dotted name, or a call of one.
    const Expr* callee = decorator.get();
    if (callee->kind == ExprKind::kCall) callee = callee->operands[0].get();
    while (callee->kind == ExprKind::kAttribute) callee = callee->operands[0].get();
    if (callee->kind != ExprKind::kName) {
      return Unsupported(at, "a decorator that is not a dotted name or a call of one (PEP 614)");
    }
    if (!ExpectNewline()) return;
    decorators.push_back(std::move(decorator));
  }
  StmtPtr stmt;
  if (IsKeyword("def")) {
    stmt = ParseFunctionDef();
  } else if (IsKeyword("class")) {
    stmt = ParseClassDef();
  } else {
    if (IsKeyword("async")) return Unsupported(Cur().position, "'async' code");
    return InvalidSyntax();
  }
  if (failed()) return;
  stmt->decorators = std::move(decorators);
  tree_.units[stmt->unit].first_line = first_line;
  // Decorators are on lines of their own.
  stmt->header_spans_lines = true;
  block->push_back(std::move(stmt));
}

void Parser::ParseSimpleStatements(Block* block) {
  Nest simple_stmt(this, {.ll1 = 1});
  while (!failed()) {
    StmtPtr stmt = ParseSmallStatement();
    if (failed()) return;
    block->push_back(std::move(stmt));
    if (AcceptOp(";")) {
      if (Cur().kind == TokenKind::kNewline) break;
      continue;
    }
    break;
  }
  if (!failed()) ExpectNewline();
}

void Parser::ParseBlock(Block* block) {
  if (!ExpectOp(":")) return;
  Nest suite(this, {.ll1 = 1});
  if (Cur().kind != TokenKind::kNewline) return ParseSimpleStatements(block);
  ++index_;
  if (Cur().kind != TokenKind::kIndent) {
    return SyntaxError(Cur().position, "expected an indented block");
  }
  ++index_;
  while (!failed() && Cur().kind != TokenKind::kDedent && Cur().kind != TokenKind::kEnd) {
    ParseStatement(block);
  }
  if (Cur().kind == TokenKind::kDedent) ++index_;
}

StmtPtr Parser::ParseSmallStatement() {
  const Token& t = Cur();
  // small_stmt, the statement's rule and its expression list (return has
  // flow_stmt too); PEG: the rules down to the first expression, more for
  // an assignment.
  const bool flow = t.kind == TokenKind::kName && t.text == "return";
  const int peg = AssignmentAhead() ? static_cast<int>(limits_.peg_assignment_levels)
                                    : kPegStatementLevels;
  Nest small_stmt(this, {.ll1 = flow ? 4 : 3, .peg = peg});
  if (failed()) return nullptr;
  if (t.kind == TokenKind::kName) {
    // Statements that make their own node.
    if (t.text == "del") return ParseDelete();
    if (t.text == "import") return ParseImport();
    if (t.text == "from") return ParseFromImport();
  }
  auto stmt = tree_.arena->New<Stmt>();
  stmt->position = t.position;
  if (t.kind == TokenKind::kName) {
    const std::string& word = t.text;
    if (word == "pass") {
      ++index_;
      stmt->kind = StmtKind::kPass;
      return stmt;
    }
    if (word == "break" || word == "continue") {
      ++index_;
      if (context_.loops == 0) {
        SyntaxError(t.position, absl::StrCat("'", word, "' outside loop"));
        return nullptr;
      }
      stmt->kind = word == "break" ? StmtKind::kBreak : StmtKind::kContinue;
      return stmt;
    }
    if (word == "return") {
      ++index_;
      if (!context_.function) {
        SyntaxError(t.position, "'return' outside function");
        return nullptr;
      }
      stmt->kind = StmtKind::kReturn;
      if (!AtExpressionEnd()) stmt->value = ParseTestList(true);
      return stmt;
    }
    if (word == "global" || word == "nonlocal") {
      ++index_;
      const bool global = word == "global";
      if (!global && unit_ == 0) {
        SyntaxError(t.position, "nonlocal declaration not allowed at module level");
        return nullptr;
      }
      stmt->kind = StmtKind::kGlobal;
      do {
        std::string name;
        if (!ReadName(&name)) return nullptr;
        (global ? scope().globals : scope().nonlocals).insert(Mangled(name));
      } while (AcceptOp(","));
      return stmt;
    }
    if (word == "assert") {
      ++index_;
      stmt->kind = StmtKind::kAssert;
      stmt->value = ParseTest();
      if (AcceptOp(",")) stmt->message = ParseTest();
      return stmt;
    }
    if (word == "raise") {
      ++index_;
      stmt->kind = StmtKind::kRaise;
      if (!AtExpressionEnd()) stmt->value = ParseTest();
      if (stmt->value && IsKeyword("from")) {
        ++index_;
        stmt->message = ParseTest();
      }
      return stmt;
    }
    if (word == "yield") {
      stmt->kind = StmtKind::kExpr;
      stmt->value = ParseYield();
      if (!stmt->value) return nullptr;
      if (IsOp("=")) {
        Unsupported(Cur().position, "assigning to a 'yield' expression");
        return nullptr;
      }
      return stmt;
    }
  }
  return ParseExpressionStatement(std::move(stmt));
}

StmtPtr Parser::ParseExpressionStatement(StmtPtr stmt) {
  const bool parenthesized = IsOp("(");
  const size_t uses_mark = scope().uses.size();
  ExprPtr first = ParseTestList(true);
  if (failed()) return nullptr;
  static constexpr std::pair<std::string_view, BinaryOp> kAugmented[] = {
      {"+=", BinaryOp::kAdd},     {"-=", BinaryOp::kSub},       {"*=", BinaryOp::kMul},
      {"/=", BinaryOp::kTrueDiv}, {"//=", BinaryOp::kFloorDiv}, {"%=", BinaryOp::kMod},
      {"**=", BinaryOp::kPow},    {"<<=", BinaryOp::kLShift},   {">>=", BinaryOp::kRShift},
      {"|=", BinaryOp::kBitOr},   {"^=", BinaryOp::kBitXor},    {"&=", BinaryOp::kBitAnd},
      {"@=", BinaryOp::kMatMul}};
  for (const auto& [symbol, op] : kAugmented) {
    if (!IsOp(symbol)) continue;
    const Position at = Cur().position;
    ++index_;
    if (first->kind != ExprKind::kName && first->kind != ExprKind::kAttribute &&
        first->kind != ExprKind::kSubscript) {
      SyntaxError(at, absl::StrCat("'", ExprDescription(*first),
                                   "' is an illegal expression for augmented assignment"));
      return nullptr;
    }
    if (!CheckTarget(*first, false)) return nullptr;
    stmt->kind = StmtKind::kAugAssign;
    stmt->binary_op = op;
    stmt->targets.push_back(std::move(first));
    stmt->value = ParseTestList(false);
    return stmt;
  }
  if (IsOp(":")) {
    return ParseAnnotatedAssignment(std::move(stmt), std::move(first), uses_mark, parenthesized);
  }
  if (!IsOp("=")) {
    if (first->kind == ExprKind::kStarred) {
      SyntaxError(first->position, "can't use starred expression here");
      return nullptr;
    }
    stmt->kind = StmtKind::kExpr;
    stmt->echo = mode_ == CompileMode::kInteractive && unit_ == 0;
    stmt->value = std::move(first);
    return stmt;
  }
  stmt->kind = StmtKind::kAssign;
  stmt->targets.push_back(std::move(first));
  size_t value_start = scope().uses.size();
  while (AcceptOp("=")) {
    value_start = scope().uses.size();
    if (IsKeyword("yield")) {
      // `target = yield value`: the value sent in is stored.
      stmt->value = ParseYield();
      if (!stmt->value) return nullptr;
      if (IsOp("=")) {
        Unsupported(Cur().position, "a 'yield' between assignment targets");
        return nullptr;
      }
      break;
    }
    ExprPtr next = ParseTestList(true);
    if (failed()) return nullptr;
    if (IsOp("=")) {
      stmt->targets.push_back(std::move(next));
    } else {
      stmt->value = std::move(next);
    }
  }
  for (const ExprPtr& target : stmt->targets) {
    if (!CheckTarget(*target, false)) return nullptr;
    NoteStaticAttributes(*target);
  }
  if (stmt->value->kind == ExprKind::kStarred) {
    SyntaxError(stmt->value->position, "can't use starred expression here");
    return nullptr;
  }
  // The targets were read first but are stored after the value is made.
  MoveUsesToEnd(uses_mark, value_start);
  return stmt;
}

StmtPtr Parser::ParseAnnotatedAssignment(StmtPtr stmt, ExprPtr target, size_t uses_mark,
                                         bool parenthesized) {
  ++index_;  // ':'
  const bool subscript = target->kind == ExprKind::kSubscript;
  if (target->kind != ExprKind::kName && target->kind != ExprKind::kAttribute && !subscript) {
    Unsupported(target->position, "an annotated target other than a name, attribute or subscript");
    return nullptr;
  }
  if (subscript && target->operands[1]->kind == ExprKind::kSlice) {
    Unsupported(target->position, "an annotated slice");
    return nullptr;
  }
  const bool name = target->kind == ExprKind::kName;
  if (name && (scope().globals.contains(target->name.text) ||
               scope().nonlocals.contains(target->name.text))) {
    // A SyntaxError for a simple name, the name's binding otherwise.
    Unsupported(target->position, "an annotated name declared global or nonlocal");
    return nullptr;
  }
  const bool simple = name && !parenthesized;
  const UnitKind kind = tree_.units[unit_].kind;
  const bool evaluated = kind == UnitKind::kModule || kind == UnitKind::kClass;
  const size_t units_mark = tree_.units.size();
  ExprPtr annotation = ParseTest();
  if (failed() || !CheckAnnotation(*annotation, units_mark)) {
    return nullptr;
  }
  const size_t value_mark = scope().uses.size();
  ExprPtr value;
  if (AcceptOp("=")) {
    if (IsKeyword("yield")) {
      Unsupported(Cur().position, "'yield' as an annotated assignment's value");
      return nullptr;
    }
    value = ParseTestList(false);
    if (failed()) return nullptr;
  }
  // A name annotated is local to a function even without a value.
  if (name) Bind(target->name.text);
  if (name && !value && !evaluated) tree_.units[unit_].bare_annotation = true;
  // The value is made first, then stored, then the annotation evaluated.
  MoveUsesToEnd(uses_mark, value_mark);
  stmt->kind = StmtKind::kAnnAssign;
  stmt->annotation_evaluated = evaluated;
  if (evaluated) tree_.units[unit_].setup_annotations = true;
  const std::string key = simple ? target->name.text : "";
  if (value) {
    NoteStaticAttributes(*target);
    auto assign = tree_.arena->New<Stmt>();
    assign->kind = StmtKind::kAssign;
    assign->position = stmt->position;
    assign->value = std::move(value);
    assign->targets.push_back(std::move(target));
    stmt->body.push_back(std::move(assign));
  } else {
    stmt->targets.push_back(std::move(target));
  }
  stmt->annotation = std::move(annotation);
  if (simple && evaluated) {
    // STORE_SUBSCR into the namespace's __annotations__ (LOAD_NAME).
    ExprPtr store = NewExpr(ExprKind::kSubscript, stmt->position);
    ExprPtr mapping = NewExpr(ExprKind::kName, stmt->position);
    mapping->name.text = "__annotations__";
    Use(&mapping->name);
    store->operands.push_back(std::move(mapping));
    store->operands.push_back(Literal(LiteralKind::kStr, key, stmt->position));
    stmt->annotation_store = std::move(store);
  }
  return stmt;
}

void Parser::NoteStaticAttributes(const Expr& target) {
  switch (target.kind) {
    case ExprKind::kTuple:
    case ExprKind::kList:
      for (const ExprPtr& item : target.operands) NoteStaticAttributes(*item);
      return;
    case ExprKind::kStarred:
      NoteStaticAttributes(*target.operands[0]);
      return;
    case ExprKind::kAttribute:
      break;
    default:
      return;
  }
  const Expr& object = *target.operands[0];
  if (object.kind != ExprKind::kName || object.name.text != "self") return;
  // The class whose body encloses the unit (not the unit itself).
  uint32_t cls = tree_.scopes[unit_].parent;
  while (cls != kNoUnit && tree_.units[cls].kind != UnitKind::kClass) {
    cls = tree_.scopes[cls].parent;
  }
  if (cls == kNoUnit) return;
  const auto written = unmangled_attributes_.find(&target);
  tree_.units[cls].static_attributes.push_back(
      written != unmangled_attributes_.end() ? written->second : target.name.text);
}

bool Parser::CheckTarget(const Expr& target, bool del) {
  switch (target.kind) {
    case ExprKind::kName:
      Bind(target.name.text);
      return true;
    case ExprKind::kAttribute:
    case ExprKind::kSubscript:
      return true;
    case ExprKind::kTuple:
    case ExprKind::kList: {
      bool starred = false;
      for (const ExprPtr& item : target.operands) {
        if (item->kind == ExprKind::kStarred) {
          if (del || starred) {
            // CPython's wording of these SyntaxErrors changed in 3.9.
            Unsupported(item->position, del ? "deleting a starred target"
                                            : "more than one starred assignment target");
            return false;
          }
          starred = true;
          if (!CheckTarget(*item->operands[0], del)) return false;
          continue;
        }
        if (!CheckTarget(*item, del)) return false;
      }
      return true;
    }
    case ExprKind::kStarred:
      if (del) {
        Unsupported(target.position, "deleting a starred target");
        return false;
      }
      SyntaxError(target.position, "starred assignment target must be in a list or tuple");
      return false;
    default:
      SyntaxError(target.position, absl::StrCat("cannot ", del ? "delete " : "assign to ",
                                                ExprDescription(target)));
      return false;
  }
}

StmtPtr Parser::ParseDelete() {
  auto stmt = tree_.arena->New<Stmt>();
  stmt->kind = StmtKind::kDelete;
  stmt->position = Cur().position;
  ++index_;
  do {
    if (AtExpressionEnd()) break;
    ExprPtr target = ParseOrTest();
    if (failed()) return nullptr;
    if (!CheckTarget(*target, true)) return nullptr;
    stmt->targets.push_back(std::move(target));
  } while (AcceptOp(","));
  if (stmt->targets.empty()) {
    InvalidSyntax();
    return nullptr;
  }
  return stmt;
}

bool Parser::ReadModuleName(std::string* module) {
  const Token& name = Cur();
  if (name.kind != TokenKind::kName || Keywords().contains(name.text)) {
    if (name.kind == TokenKind::kOperator && (name.text == "." || name.text == "...")) {
      Unsupported(name.position, "relative import");
    } else {
      InvalidSyntax();
    }
    return false;
  }
  if (!IsModelledModule(name.text) ||
      (Ahead(1).kind == TokenKind::kOperator && Ahead(1).text == ".")) {
    Unsupported(name.position,
                absl::StrCat("import of module '", name.text, "' (heapsim models ",
                             ModelledModuleList(), ")"));
    return false;
  }
  *module = name.text;
  ++index_;
  return true;
}

StmtPtr Parser::ParseImport() {
  auto stmt = tree_.arena->New<Stmt>();
  stmt->kind = StmtKind::kImport;
  stmt->position = Cur().position;
  ++index_;
  do {
    std::string module;
    if (!ReadModuleName(&module)) return nullptr;
    NameRef bound;
    bound.text = module;
    if (AcceptKeyword("as") && !ReadName(&bound.text)) return nullptr;
    Mangle(bound.text);
    Bind(bound.text);
    stmt->imports.emplace_back(std::move(module), std::move(bound));
  } while (AcceptOp(","));
  for (auto& [module, name] : stmt->imports) Use(&name);
  return stmt;
}

StmtPtr Parser::ParseFromImport() {
  auto stmt = tree_.arena->New<Stmt>();
  stmt->kind = StmtKind::kImport;
  stmt->position = Cur().position;
  ++index_;
  if (!ReadModuleName(&stmt->import_from)) return nullptr;
  if (!AcceptKeyword("import")) {
    InvalidSyntax();
    return nullptr;
  }
  if (IsOp("*")) {
    Unsupported(Cur().position, absl::StrCat("'from ", stmt->import_from, " import *'"));
    return nullptr;
  }
  const bool parenthesized = AcceptOp("(");
  // The names as CPython's IMPORT_NAME gets them: a constant tuple of str.
  auto fromlist = tree_.arena->New<Expr>();
  fromlist->kind = ExprKind::kTuple;
  fromlist->position = Cur().position;
  do {
    if (parenthesized && IsOp(")")) break;
    const Position at = Cur().position;
    std::string attribute;
    if (!ReadName(&attribute)) return nullptr;
    if (!IsImportableName(stmt->import_from, attribute)) {
      Unsupported(at, absl::StrCat("import of '", stmt->import_from, ".", attribute, "'",
                                   std::string(ImportableNamesNote(stmt->import_from))));
      return nullptr;
    }
    fromlist->operands.push_back(Literal(LiteralKind::kStr, attribute, at, 10));
    NameRef bound;
    bound.text = attribute;
    if (AcceptKeyword("as") && !ReadName(&bound.text)) return nullptr;
    Mangle(bound.text);
    Bind(bound.text);
    stmt->imports.emplace_back(std::move(attribute), std::move(bound));
  } while (AcceptOp(","));
  if (parenthesized && !ExpectOp(")")) return nullptr;
  if (stmt->imports.empty()) {
    InvalidSyntax();
    return nullptr;
  }
  stmt->value = std::move(fromlist);
  for (auto& [attribute, name] : stmt->imports) Use(&name);
  return stmt;
}

StmtPtr Parser::ParseIf() {
  auto stmt = tree_.arena->New<Stmt>();
  stmt->kind = StmtKind::kIf;
  stmt->position = Cur().position;
  ++index_;  // 'if' or 'elif'
  named_expr_start_ = index_;
  stmt->value = ParseTest();
  if (failed()) return nullptr;
  stmt->header_spans_lines = Cur().position.line != stmt->position.line;
  ParseBlock(&stmt->body);
  if (failed()) return nullptr;
  if (IsKeyword("elif")) {
    StmtPtr nested = ParseIf();
    if (nested) stmt->orelse.push_back(std::move(nested));
  } else if (AcceptKeyword("else")) {
    ParseBlock(&stmt->orelse);
  }
  return failed() ? nullptr : std::move(stmt);
}

StmtPtr Parser::ParseWhile() {
  auto stmt = tree_.arena->New<Stmt>();
  stmt->kind = StmtKind::kWhile;
  stmt->position = Cur().position;
  ++index_;
  named_expr_start_ = index_;
  stmt->value = ParseTest();
  if (failed()) return nullptr;
  ++context_.loops;
  stmt->header_spans_lines = Cur().position.line != stmt->position.line;
  ParseBlock(&stmt->body);
  --context_.loops;
  if (AcceptKeyword("else")) ParseBlock(&stmt->orelse);
  return failed() ? nullptr : std::move(stmt);
}

StmtPtr Parser::ParseFor() {
  auto stmt = tree_.arena->New<Stmt>();
  stmt->kind = StmtKind::kFor;
  stmt->position = Cur().position;
  ++index_;
  const size_t uses_mark = scope().uses.size();
  ExprPtr target = ParseTargetList();
  if (failed()) return nullptr;
  if (!AcceptKeyword("in")) {
    InvalidSyntax();
    return nullptr;
  }
  if (!CheckTarget(*target, false)) return nullptr;
  NoteStaticAttributes(*target);
  const size_t value_start = scope().uses.size();
  stmt->value = ParseTestList(false);
  if (failed()) return nullptr;
  MoveUsesToEnd(uses_mark, value_start);
  stmt->targets.push_back(std::move(target));
  ++context_.loops;
  stmt->header_spans_lines = Cur().position.line != stmt->position.line;
  ParseBlock(&stmt->body);
  --context_.loops;
  if (AcceptKeyword("else")) ParseBlock(&stmt->orelse);
  return failed() ? nullptr : std::move(stmt);
}

StmtPtr Parser::ParseWith() {
  const Position at = Cur().position;
  ++index_;
  if (IsOp("(")) {
    // `with (a, b):` is a tuple to 3.8's parser and two items to the PEG
    // parser; `with (a as b):` only the latter accepts.
    int depth = 0;
    bool item_list = false;
    for (size_t i = 0; Ahead(i).kind != TokenKind::kEnd; ++i) {
      const Token& token = Ahead(i);
      if (token.kind == TokenKind::kOperator && (token.text == "(" || token.text == "[" ||
                                                 token.text == "{")) {
        ++depth;
      } else if (token.kind == TokenKind::kOperator &&
                 (token.text == ")" || token.text == "]" || token.text == "}")) {
        if (--depth == 0) {
          item_list = item_list && Ahead(i + 1).kind == TokenKind::kOperator &&
                      Ahead(i + 1).text == ":";
          break;
        }
      } else if (depth == 1 && ((token.kind == TokenKind::kOperator && token.text == ",") ||
                                (token.kind == TokenKind::kName && token.text == "as"))) {
        item_list = true;
      }
    }
    if (item_list) {
      Unsupported(at, "parenthesised context managers");
      return nullptr;
    }
  }
  StmtPtr stmt = ParseWithItems();
  if (stmt) stmt->position = at;
  return stmt;
}

StmtPtr Parser::ParseWithItems() {
  auto stmt = tree_.arena->New<Stmt>();
  stmt->kind = StmtKind::kWith;
  stmt->position = Cur().position;
  stmt->value = ParseTest();
  if (failed()) return nullptr;
  if (AcceptKeyword("as")) {
    ExprPtr target = ParseTarget();
    if (failed()) return nullptr;
    if (!CheckTarget(*target, false)) return nullptr;
    NoteStaticAttributes(*target);
    stmt->targets.push_back(std::move(target));
  }
  if (AcceptOp(",")) {
    StmtPtr inner = ParseWithItems();
    if (!inner) return nullptr;
    stmt->body.push_back(std::move(inner));
    return stmt;
  }
  stmt->header_spans_lines = Cur().position.line != stmt->position.line;
  ParseBlock(&stmt->body);
  return failed() ? nullptr : std::move(stmt);
}

StmtPtr Parser::ParseTry() {
  auto stmt = tree_.arena->New<Stmt>();
  stmt->kind = StmtKind::kTry;
  stmt->position = Cur().position;
  ++index_;
  ParseBlock(&stmt->body);
  while (!failed() && IsKeyword("except")) {
    ExceptHandler handler;
    handler.position = Cur().position;
    ++index_;
    if (IsOp("*")) {
      Unsupported(Cur().position, "'except*'");
      return nullptr;
    }
    if (!IsOp(":")) {
      const Position at = Cur().position;
      const size_t uses_mark = scope().uses.size();
      ExprPtr types = ParseTest();
      if (failed()) return nullptr;
      scope().uses.resize(uses_mark);  // exception classes are matched by name
      std::vector<const Expr*> names;
      if (types->kind == ExprKind::kTuple) {
        for (const ExprPtr& item : types->operands) names.push_back(item.get());
      } else {
        names.push_back(types.get());
      }
      for (const Expr* name : names) {
        if (name->kind != ExprKind::kName) {
          Unsupported(at, "an except clause that is not a class name or a tuple of them");
          return nullptr;
        }
        handler.types.push_back(name->name.text);
      }
      if (AcceptKeyword("as")) {
        if (!ReadName(&handler.name.text)) return nullptr;
        Mangle(handler.name.text);
        Bind(handler.name.text);
      }
    } else if (!stmt->handlers.empty() && stmt->handlers.back().types.empty()) {
      SyntaxError(handler.position, "default 'except:' must be last");
      return nullptr;
    }
    ParseBlock(&handler.body);
    stmt->handlers.push_back(std::move(handler));
  }
  if (failed()) return nullptr;
  if (!stmt->handlers.empty() && AcceptKeyword("else")) ParseBlock(&stmt->orelse);
  if (AcceptKeyword("finally")) ParseBlock(&stmt->finalbody);
  if (failed()) return nullptr;
  if (stmt->handlers.empty() && stmt->finalbody.empty()) {
    SyntaxError(Cur().position, "expected 'except' or 'finally' block");
    return nullptr;
  }
  for (ExceptHandler& handler : stmt->handlers) {
    if (!handler.name.text.empty()) Use(&handler.name);
  }
  return stmt;
}

}  // namespace heapsim::script::parser_internal
