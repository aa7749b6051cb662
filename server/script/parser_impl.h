// The recursive-descent parser behind Parse() (parser.h), shared by the
// files that implement it: parser.cc (the entry, nesting limits, units and
// scopes), parser_statements.cc, parser_definitions.cc (def, class,
// parameters and annotations), parser_expressions.cc and parser_atoms.cc
// (strings, f-strings and displays). Not an interface: only those files
// include it.

#ifndef HEAPSIM_SERVER_SCRIPT_PARSER_IMPL_H_
#define HEAPSIM_SERVER_SCRIPT_PARSER_IMPL_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_format.h"
#include "server/script/lexer.h"
#include "server/script/parser.h"

namespace heapsim::script::parser_internal {

// Python's keywords (not soft keywords such as `match`).
const absl::flat_hash_set<std::string_view>& Keywords();

// The name CPython's error messages give an expression that cannot be
// assigned to.
const char* ExprDescription(const Expr& expr);

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

class Parser {
 public:
  Parser(std::vector<Token> tokens, std::string_view filename, CompileMode mode,
         const SourceLimits& limits)
      : tokens_(std::move(tokens)), filename_(filename), mode_(mode), limits_(limits) {}

  absl::StatusOr<ParseTree> Run();

 private:
  // Notes the tokens of `tokens` one ASCII character long in the tree.
  void NoteOneCharTokens(const std::vector<Token>& tokens);

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
  // An expression statement or an assignment, filled into `stmt` (new,
  // positioned at the statement's first token).
  StmtPtr ParseExpressionStatement(StmtPtr stmt);
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
                       ExprList* defaults, ExprList* kw_defaults,
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
  // Records the `self.name` attributes a store target assigns for the
  // nearest class enclosing the unit (CodeUnit::static_attributes).
  void NoteStaticAttributes(const Expr& target);

  // --- Expressions.
  ExprPtr NewExpr(ExprKind kind, Position at) {
    ExprPtr expr = tree_.arena->New<Expr>();
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
  bool ParseDisplayRest(std::string_view closer, ExprList* items);
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
                        ExprList* parts, std::string* pending);
  ExprPtr ParseEmbeddedExpression(std::string_view text, Position at);
  void FlushLiteral(ExprList* parts, std::string* pending, Position at) {
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
  // The attributes whose name was mangled, with the name as written.
  absl::flat_hash_map<const Expr*, std::string> unmangled_attributes_;
  const SourceLimits& limits_;
  int stack_ = 0;       // the modelled parser stack
  int tree_depth_ = 0;  // the depth of the tree node being parsed
  absl::Status compile_error_;  // the compiler's recursion overflow, if any
};

}  // namespace heapsim::script::parser_internal

#endif  // HEAPSIM_SERVER_SCRIPT_PARSER_IMPL_H_
