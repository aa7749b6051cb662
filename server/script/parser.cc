#include "server/script/parser.h"

#include <algorithm>
#include <functional>
#include <utility>

#include "absl/cleanup/cleanup.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/heap/int_digits.h"
#include "server/heap/py_error.h"
#include "server/script/builtins.h"
#include "server/script/lexer.h"
#include "server/script/modelled_modules.h"
#include "server/script/source_text.h"

namespace heapsim::script {

namespace {

const absl::flat_hash_set<std::string_view>& Keywords() {
  static const auto* keywords = new absl::flat_hash_set<std::string_view>{
      "False", "None",  "True",     "and",    "as",     "assert", "async", "await",
      "break", "class", "continue", "def",    "del",    "elif",   "else",  "except",
      "finally", "for", "from",     "global", "if",     "import", "in",    "is",
      "lambda", "nonlocal", "not",  "or",     "pass",   "raise",  "return", "try",
      "while", "with",  "yield"};
  return *keywords;
}

}  // namespace

bool IsPythonKeyword(std::string_view word) { return Keywords().contains(word); }

namespace {


// The name CPython's error messages give an expression that cannot be
// assigned to.
const char* ExprDescription(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::kConstant:
      return "literal";
    case ExprKind::kCall:
      return "function call";
    case ExprKind::kBinary:
    case ExprKind::kUnary:
      return "expression";
    case ExprKind::kCompare:
      return "comparison";
    case ExprKind::kAnd:
    case ExprKind::kOr:
      return "expression";
    case ExprKind::kIfElse:
      return "conditional expression";
    case ExprKind::kLambda:
      return "lambda";
    case ExprKind::kNamedExpr:
      return "named expression";
    case ExprKind::kDict:
      return "dict literal";
    case ExprKind::kSet:
      return "set display";
    case ExprKind::kComprehension:
      return "comprehension";
    case ExprKind::kFString:
    case ExprKind::kFormat:
      return "f-string expression";
    default:
      return "expression";
  }
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, std::string_view filename, CompileMode mode,
         const SourceLimits& limits)
      : tokens_(std::move(tokens)), filename_(filename), mode_(mode), limits_(limits) {}

  absl::StatusOr<ParseTree> Run();

 private:
  // Where the parser is inside the unit being parsed.
  struct UnitContext {
    int loops = 0;
    bool function = false;
  };

  // --- Tokens.
  const Token& Cur() const { return tokens_[index_]; }
  const Token& Ahead(size_t n) const {
    return tokens_[std::min(index_ + n, tokens_.size() - 1)];
  }
  bool IsOp(std::string_view op) const {
    return Cur().kind == TokenKind::kOperator && Cur().text == op;
  }
  // Whether the logical line from the current token on ends with ':' (a
  // compound statement's header).
  bool LineEndsWithColon() const {
    size_t i = index_;
    while (i + 1 < tokens_.size() && tokens_[i + 1].kind != TokenKind::kNewline &&
           tokens_[i + 1].kind != TokenKind::kEnd) {
      ++i;
    }
    return tokens_[i].kind == TokenKind::kOperator && tokens_[i].text == ":";
  }
  bool IsKeyword(std::string_view word) const {
    return Cur().kind == TokenKind::kName && Cur().text == word;
  }
  bool AcceptOp(std::string_view op) {
    if (!IsOp(op)) return false;
    ++index_;
    return true;
  }
  bool AcceptKeyword(std::string_view word) {
    if (!IsKeyword(word)) return false;
    ++index_;
    return true;
  }
  bool ExpectOp(std::string_view op) {
    if (AcceptOp(op)) return true;
    InvalidSyntax();
    return false;
  }
  bool ExpectNewline() {
    if (Cur().kind == TokenKind::kNewline) {
      ++index_;
      return true;
    }
    InvalidSyntax();
    return false;
  }
  bool AtExpressionEnd() const {
    const Token& t = Cur();
    if (t.kind == TokenKind::kNewline || t.kind == TokenKind::kEnd) return true;
    if (t.kind != TokenKind::kOperator) return false;
    return t.text == ")" || t.text == "]" || t.text == "}" || t.text == "=" || t.text == ":" ||
           t.text == ";" || (t.text.size() >= 2 && t.text.back() == '=' && t.text != "==" &&
                             t.text != "<=" && t.text != ">=" && t.text != "!=");
  }

  // --- Nesting. CPython's parser has a bounded stack (pgen: one entry per
  // open grammar nonterminal; PEG: one level per rule call) and its
  // compiler a bounded recursion over the syntax tree. A Nest adds its
  // levels to both models for as long as it lives, and records the first
  // overflow: the parser's is a MemoryError at once, the compiler's a
  // RecursionError reported only when the whole source has parsed.
  struct Levels {
    int ll1 = 0;   // pgen nonterminals (3.8)
    int peg = 0;   // PEG rule levels (3.9+)
    int tree = 0;  // syntax tree nodes
  };
  class Nest {
   public:
    Nest(Parser* parser, Levels levels) : parser_(parser), levels_(levels) {
      parser_->stack_ += parser_->limits_.parser == ParserKind::kLL1 ? levels_.ll1 : levels_.peg;
      parser_->tree_depth_ += levels_.tree;
      parser_->CheckNesting();
    }
    ~Nest() {
      parser_->stack_ -= parser_->limits_.parser == ParserKind::kLL1 ? levels_.ll1 : levels_.peg;
      parser_->tree_depth_ -= levels_.tree;
    }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;

   private:
    Parser* parser_;
    Levels levels_;
  };
  void CheckNesting();
  // True if the logical line from here is an assignment: a top-level '='.
  bool AssignmentAhead() const {
    int depth = 0;
    for (size_t i = index_; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (t.kind == TokenKind::kNewline || t.kind == TokenKind::kEnd) return false;
      if (t.kind != TokenKind::kOperator) continue;
      if (t.text == "(" || t.text == "[" || t.text == "{") ++depth;
      if (t.text == ")" || t.text == "]" || t.text == "}") --depth;
      if (depth == 0 && (t.text == "=" || t.text == ";")) return t.text == "=";
    }
    return false;
  }

  // --- Errors: the first one wins.
  bool failed() const { return !error_.ok(); }
  void SyntaxError(Position at, std::string_view message) {
    if (failed()) return;
    error_ = absl::InvalidArgumentError(
        absl::StrFormat("%s:%d:%d: SyntaxError: %s", filename_, at.line, at.column, message));
  }
  void Unsupported(Position at, std::string_view what) {
    if (failed()) return;
    error_ = absl::InvalidArgumentError(
        absl::StrFormat("%s:%d:%d: unsupported: %s", filename_, at.line, at.column, what));
  }
  void InvalidSyntax() {
    if (Cur().kind == TokenKind::kIndent) return SyntaxError(Cur().position, "unexpected indent");
    if (Cur().kind == TokenKind::kEnd) {
      return SyntaxError(Cur().position, "unexpected EOF while parsing");
    }
    SyntaxError(Cur().position, "invalid syntax");
  }

  // A name that is not a keyword: read into `*name`, or a syntax error.
  bool ReadName(std::string* name) {
    if (Cur().kind != TokenKind::kName || Keywords().contains(Cur().text)) {
      InvalidSyntax();
      return false;
    }
    *name = Cur().text;
    ++index_;
    return true;
  }

  // A name read inside a class (and the functions, lambdas and
  // comprehensions within it, up to the nearest class): CPython's compiler
  // mangles it with that class's name (`__x` in class C is `_C__x`).
  std::string Mangled(const std::string& name) const { return MangledName(private_, name); }
  // Mangles `name` in place; most names (outside classes, or not private)
  // are left without a copy.
  void Mangle(std::string& name) const {
    if (!private_.empty() && name.starts_with("__")) name = MangledName(private_, name);
  }

  // --- Scopes.
  UnitScope& scope() { return tree_.scopes[unit_]; }
  void Use(NameRef* name) { scope().uses.push_back(name); }
  void Bind(const std::string& name) {
    UnitScope& unit = scope();
    if (unit.bound_set.insert(name).second) unit.bound.push_back(name);
  }
  uint32_t NewUnit(UnitKind kind, std::string name);
  // Runs `parse` with `unit` (and a fresh `context`) as the unit being
  // parsed, then returns to the enclosing one.
  template <typename Parse>
  void InUnit(uint32_t unit, UnitContext context, Parse&& parse) {
    const uint32_t saved_unit = std::exchange(unit_, unit);
    const UnitContext saved_context = std::exchange(context_, context);
    parse();
    unit_ = saved_unit;
    context_ = saved_context;
  }
  std::string QualifiedName(const std::string& name) const;
  // Moves the uses recorded since `mark` to the end (targets are stored
  // after their value is computed).
  void MoveUsesToEnd(size_t from, size_t to) {
    std::vector<NameRef*>& uses = scope().uses;
    std::rotate(uses.begin() + static_cast<long>(from), uses.begin() + static_cast<long>(to),
                uses.end());
  }

  // --- Statements.
  void ParseStatement(Block* block);
  void ParseSimpleStatements(Block* block);
  // `@decorator` lines and the `def` or `class` they decorate.
  void ParseDecorated(Block* block);
  StmtPtr ParseSmallStatement();
  StmtPtr ParseExpressionStatement();
  void ParseBlock(Block* block);
  StmtPtr ParseIf();
  StmtPtr ParseWhile();
  StmtPtr ParseFor();
  StmtPtr ParseTry();
  // with_stmt: one kWith per item, each holding the next in its body.
  StmtPtr ParseWith();
  StmtPtr ParseWithItems();
  StmtPtr ParseFunctionDef();
  StmtPtr ParseClassDef();
  StmtPtr ParseImport();
  StmtPtr ParseFromImport();
  // Reads one module name of an import: one of the modelled modules, not
  // dotted. Refuses anything else.
  bool ReadModuleName(std::string* module);
  StmtPtr ParseDelete();
  // Parameters up to `closer`, into `unit`'s slots; defaults are parsed in
  // the enclosing unit.
  // A parameter's or the return's annotation, with the name uses it
  // recorded (moved to where MAKE_FUNCTION's operands evaluate it).
  struct ParameterAnnotation {
    std::string name;
    Position at;
    ExprPtr value;
    std::vector<NameRef*> uses;
  };
  // Annotations by where compiler_visit_annotations takes them: the
  // positional parameters (positional-only ones included), *args,
  // keyword-only ones, **kwargs.
  struct ParameterAnnotations {
    std::vector<ParameterAnnotation> positional;
    std::vector<ParameterAnnotation> varargs;
    std::vector<ParameterAnnotation> keyword_only;
    std::vector<ParameterAnnotation> kwargs;
  };
  bool ParseParameters(uint32_t unit, std::string_view closer, bool lambda,
                       std::vector<ExprPtr>* defaults, std::vector<ExprPtr>* kw_defaults,
                       ParameterAnnotations* annotations = nullptr);
  // `: annotation` (or `-> annotation`) once the ':' is read: the
  // expression with its uses taken out of the scope's list.
  bool ParseAnnotation(const std::string& name, Position at, ParameterAnnotation* out);
  // MAKE_FUNCTION's annotations for function `unit`: a tuple display of
  // name, value pairs (the compiler makes it a dict display where the
  // profile builds one) in CPython's order: the positional parameters
  // after '/', those before it, *args, keyword-only ones, **kwargs, the
  // return; null when there are none. Their uses join the scope's here.
  ExprPtr AnnotationDisplay(uint32_t unit, Position at, ParameterAnnotations* annotations,
                            ParameterAnnotation* returns);
  // Refuses what heapsim does not model in an annotation: expressions
  // making code units or binding (lambda, comprehensions, yield, :=)
  // inside it.
  bool CheckAnnotation(const Expr& annotation, size_t units_mark);
  // The annotated assignment whose target is `target` (the ':' next).
  StmtPtr ParseAnnotatedAssignment(StmtPtr stmt, ExprPtr target, size_t uses_mark,
                                   bool parenthesized);
  // Checks an assignment (or del) target and binds its names.
  bool CheckTarget(const Expr& target, bool del);

  // --- Expressions.
  ExprPtr NewExpr(ExprKind kind, Position at) {
    auto expr = std::make_unique<Expr>();
    expr->kind = kind;
    expr->position = at;
    return expr;
  }
  ExprPtr ParseTestList(bool allow_starred);  // a, b, c (a tuple when commas)
  ExprPtr ParseTargetList();                 // the targets of `for`: no comparisons
  ExprPtr ParseTarget();
  // item (, item)* [,]: a tuple when there is a comma.
  ExprPtr ParseCommaList(ExprPtr (Parser::*item)());
  // The rest of a display after its first item: `, item`... up to `closer`,
  // which it consumes.
  bool ParseDisplayRest(std::string_view closer, std::vector<ExprPtr>* items);
  ExprPtr ParseTest();                       // conditional expression or lambda
  // `target := value` once `target` is read (the `:=` is next).
  ExprPtr ParseNamedExpr(ExprPtr target);
  ExprPtr ParseStarOrTest();
  ExprPtr ParseLambda();
  // `yield [value]` or `yield from iterable`, the whole expression statement
  // or assignment value it is (the only places heapsim accepts it); marks
  // the function a generator.
  ExprPtr ParseYield();
  ExprPtr ParseOrTest();
  ExprPtr ParseAndTest();
  // operand (keyword operand)*: `a or b or c` as one kOr (or kAnd).
  ExprPtr ParseBoolOp(ExprKind kind, std::string_view keyword, ExprPtr (Parser::*operand)());
  ExprPtr ParseNotTest();
  ExprPtr ParseComparison();
  ExprPtr ParseBinary(int level);
  ExprPtr ParseFactor();
  ExprPtr ParsePower();
  ExprPtr ParseTrailers(ExprPtr primary);
  ExprPtr ParseAtom();
  ExprPtr ParseStrings();
  ExprPtr ParseParenthesized();
  ExprPtr ParseListDisplay();
  ExprPtr ParseBraceDisplay();
  ExprPtr ParseSubscript();
  bool ParseCallArguments(Expr* call);
  // Parses `for ... in ... [if ...]...` after the element(s) of `expr`,
  // whose parsing started at `uses_mark` / `units_mark`.
  bool ParseComprehension(Expr* expr, ComprehensionKind kind, size_t uses_mark,
                          size_t units_mark);
  ExprPtr Literal(LiteralKind kind, std::string text, Position at, int base = 10);
  // f-strings: appends the parts of one f-string's body to `parts`,
  // literal text going to `pending`.
  bool ParseFStringBody(std::string_view body, bool raw, Position at,
                        std::vector<ExprPtr>* parts, std::string* pending);
  ExprPtr ParseEmbeddedExpression(std::string_view text, Position at);
  void FlushLiteral(std::vector<ExprPtr>* parts, std::string* pending, Position at) {
    if (pending->empty()) return;
    parts->push_back(Literal(LiteralKind::kStr, std::move(*pending), at));
    pending->clear();
  }

  std::vector<Token> tokens_;
  size_t index_ = 0;
  // The token where an assignment expression may start: the sole content
  // of parentheses, or the condition of `if`, `elif` and `while`.
  size_t named_expr_start_ = SIZE_MAX;
  // Assignment expressions being parsed, one inside another's value.
  uint32_t named_expr_depth_ = 0;
  // The names assignment expressions bind, to find those a comprehension
  // took in (its element and first iterable are read before it is known).
  absl::flat_hash_set<const NameRef*> named_expr_targets_;
  std::string filename_;
  CompileMode mode_;
  absl::Status error_;
  ParseTree tree_;
  uint32_t unit_ = 0;
  UnitContext context_;
  std::string private_;  // the nearest enclosing class's name, or empty
  const SourceLimits& limits_;
  int stack_ = 0;       // the modelled parser stack
  int tree_depth_ = 0;  // the depth of the tree node being parsed
  absl::Status compile_error_;  // the compiler's recursion overflow, if any
};

// PEG rule levels of constructs whose cost was measured only in mixes
// (3.9 and 3.13: 1**1**...**1 inside 50 brackets, calls, conditionals):
// nearest whole figures, so such mixes may overflow a level or two off.
constexpr int kPegDisplayLevels = 28;
constexpr int kPegCallLevels = 24;
constexpr int kPegConditionalLevels = 1;
// PEG rule levels where an expression statement's or a return's
// expression starts.
constexpr int kPegStatementLevels = 32;

// Syntax trees deeper than this are refused where CPython's compiler has
// no check of its own (3.8, 3.9): it compiles deeper trees until its C
// stack overflows (about 174,600 levels of `1 + 1 + ...` on an 8 MiB
// stack), which heapsim cannot vouch for.
constexpr int kCompilerDepthWithoutCheck = 10000;

void Parser::CheckNesting() {
  if (failed()) return;
  if (stack_ > static_cast<int>(limits_.parser_stack_limit)) {
    error_ = PyError(PyExc::kMemoryError, limits_.parser_overflow_message);
    return;
  }
  if (!compile_error_.ok()) return;
  if (limits_.compiler_depth_after_folding) {
    if (tree_depth_ > static_cast<int>(limits_.compiler_depth_limit)) {
      const Position at = Cur().position;
      compile_error_ = absl::InvalidArgumentError(absl::StrFormat(
          "%s:%d:%d: unsupported: an expression nested more than %d levels deep (this CPython "
          "checks the depth after folding constants)",
          filename_, at.line, at.column, limits_.compiler_depth_limit));
    }
  } else if (limits_.compiler_depth_limit != 0) {
    if (tree_depth_ > static_cast<int>(limits_.compiler_depth_limit)) {
      compile_error_ =
          PyError(PyExc::kRecursionError, "maximum recursion depth exceeded during compilation");
    }
  } else if (tree_depth_ > kCompilerDepthWithoutCheck) {
    const Position at = Cur().position;
    compile_error_ = absl::InvalidArgumentError(absl::StrFormat(
        "%s:%d:%d: unsupported: an expression nested more than %d levels deep (this CPython "
        "compiles it without a check, or overflows its C stack)",
        filename_, at.line, at.column, kCompilerDepthWithoutCheck));
  }
}

uint32_t Parser::NewUnit(UnitKind kind, std::string name) {
  CodeUnit unit;
  unit.kind = kind;
  unit.qualname = QualifiedName(name);
  unit.name = std::move(name);
  tree_.units.push_back(std::move(unit));
  UnitScope scope;
  scope.parent = unit_;
  tree_.scopes.push_back(std::move(scope));
  return static_cast<uint32_t>(tree_.units.size() - 1);
}

std::string Parser::QualifiedName(const std::string& name) const {
  const CodeUnit& parent = tree_.units[unit_];
  switch (parent.kind) {
    case UnitKind::kModule:
      return name;
    case UnitKind::kClass:
      return absl::StrCat(parent.qualname, ".", name);
    default:
      return absl::StrCat(parent.qualname, ".<locals>.", name);
  }
}

absl::StatusOr<ParseTree> Parser::Run() {
  tree_.units.emplace_back();
  tree_.units[0].kind = UnitKind::kModule;
  tree_.units[0].name = "<module>";
  tree_.units[0].qualname = "<module>";
  tree_.scopes.emplace_back();
  Nest file_input(this, {.ll1 = 1});
  if (mode_ == CompileMode::kExpression) {
    while (Cur().kind == TokenKind::kNewline) ++index_;
    ExprPtr expr = ParseTestList(true);
    if (!failed()) {
      while (Cur().kind == TokenKind::kNewline) ++index_;
      if (Cur().kind != TokenKind::kEnd) InvalidSyntax();
    }
    tree_.units[0].expression = std::move(expr);
  } else {
    // Parsed apart: units added meanwhile may move tree_.units.
    Block body;
    while (!failed() && Cur().kind != TokenKind::kEnd) {
      if (Cur().kind == TokenKind::kNewline) {
        ++index_;
        continue;
      }
      ParseStatement(&body);
    }
    tree_.units[0].body = std::move(body);
  }
  if (failed()) return error_;
  if (!compile_error_.ok()) return compile_error_;
  return std::move(tree_);
}

// ---------------------------------------------------------------- statements

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
  std::vector<ExprPtr> decorators;
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
  auto stmt = std::make_unique<Stmt>();
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
    if (word == "del") return ParseDelete();
    if (word == "import") return ParseImport();
    if (word == "from") return ParseFromImport();
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
  return ParseExpressionStatement();
}

StmtPtr Parser::ParseExpressionStatement() {
  auto stmt = std::make_unique<Stmt>();
  stmt->position = Cur().position;
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
  // The value is made first, then stored, then the annotation evaluated.
  MoveUsesToEnd(uses_mark, value_mark);
  stmt->kind = StmtKind::kAnnAssign;
  stmt->annotation_evaluated = evaluated;
  if (evaluated) tree_.units[unit_].setup_annotations = true;
  const std::string key = simple ? target->name.text : "";
  if (value) {
    auto assign = std::make_unique<Stmt>();
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
  auto stmt = std::make_unique<Stmt>();
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
  auto stmt = std::make_unique<Stmt>();
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
  auto stmt = std::make_unique<Stmt>();
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
  auto fromlist = std::make_unique<Expr>();
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
  auto stmt = std::make_unique<Stmt>();
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
  auto stmt = std::make_unique<Stmt>();
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
  auto stmt = std::make_unique<Stmt>();
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
  auto stmt = std::make_unique<Stmt>();
  stmt->kind = StmtKind::kWith;
  stmt->position = Cur().position;
  stmt->value = ParseTest();
  if (failed()) return nullptr;
  if (AcceptKeyword("as")) {
    ExprPtr target = ParseTarget();
    if (failed()) return nullptr;
    if (!CheckTarget(*target, false)) return nullptr;
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
  auto stmt = std::make_unique<Stmt>();
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
                             std::vector<ExprPtr>* defaults, std::vector<ExprPtr>* kw_defaults,
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
  auto stmt = std::make_unique<Stmt>();
  stmt->kind = StmtKind::kFunctionDef;
  stmt->position = Cur().position;
  ++index_;
  std::string name;
  if (!ReadName(&name) || !ExpectOp("(")) return nullptr;
  const uint32_t unit = NewUnit(UnitKind::kFunction, name);
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
      body[0]->value->literal.kind == LiteralKind::kStr) {
    tree_.units[unit].docstring = std::move(body[0]->value);
    body.erase(body.begin());
  }
  tree_.units[unit].body = std::move(body);
  Bind(stmt->name.text);
  Use(&stmt->name);
  return stmt;
}

StmtPtr Parser::ParseClassDef() {
  auto stmt = std::make_unique<Stmt>();
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

// --------------------------------------------------------------- expressions

ExprPtr Parser::Literal(LiteralKind kind, std::string text, Position at, int base) {
  if (kind == LiteralKind::kInt && CheckIntFromText(limits_, text.size(), base).ok() == false) {
    SyntaxError(at, absl::StrCat(IntFromTextLimitMessage(limits_, text.size()),
                                 " - Consider hexadecimal for huge integer literals to avoid "
                                 "decimal conversion limits."));
    return nullptr;
  }
  ExprPtr expr = NewExpr(ExprKind::kConstant, at);
  expr->literal.kind = kind;
  expr->literal.text = std::move(text);
  expr->literal.base = base;
  tree_.literals.push_back(expr.get());
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

bool Parser::ParseDisplayRest(std::string_view closer, std::vector<ExprPtr>* items) {
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
  std::vector<ExprPtr> kw_defaults;
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
      Mangle(expr->name.text);
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
  std::vector<ExprPtr> items;
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

ExprPtr Parser::ParseStrings() {
  const Position at = Cur().position;
  const bool bytes = Cur().bytes;
  std::vector<ExprPtr> parts;
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
                              std::vector<ExprPtr>* parts, std::string* pending) {
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
      std::vector<ExprPtr> spec_parts;
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

}  // namespace

std::string MangledName(std::string_view class_name, const std::string& name) {
  if (!name.starts_with("__") || name.ends_with("__") || name.find('.') != std::string::npos) {
    return name;
  }
  const size_t start = class_name.find_first_not_of('_');
  if (start == std::string_view::npos) return name;
  std::string mangled = "_";
  mangled.append(class_name.substr(start));
  mangled.append(name);
  return mangled;
}

absl::StatusOr<ParseTree> Parse(std::string_view source, std::string_view filename,
                                CompileMode mode, const SourceLimits& limits) {
  if (absl::Status text = CheckSourceText(source, filename, limits); !text.ok()) return text;
  absl::StatusOr<std::vector<Token>> tokens = Tokenize(source, filename, limits);
  if (!tokens.ok()) return tokens.status();
  return Parser(*std::move(tokens), filename, mode, limits).Run();
}

}  // namespace heapsim::script
