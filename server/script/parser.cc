#include "server/script/parser.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/heap/py_error.h"
#include "server/script/lexer.h"
#include "server/script/parser_impl.h"
#include "server/script/source_text.h"

namespace heapsim::script {

namespace parser_internal {

const absl::flat_hash_set<std::string_view>& Keywords() {
  static const auto* keywords = new absl::flat_hash_set<std::string_view>{
      "False", "None",  "True",     "and",    "as",     "assert", "async", "await",
      "break", "class", "continue", "def",    "del",    "elif",   "else",  "except",
      "finally", "for", "from",     "global", "if",     "import", "in",    "is",
      "lambda", "nonlocal", "not",  "or",     "pass",   "raise",  "return", "try",
      "while", "with",  "yield"};
  return *keywords;
}

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

void Parser::NoteOneCharTokens(const std::vector<Token>& tokens) {
  for (const Token& token : tokens) {
    const bool one_char =
        token.text.size() == 1 && static_cast<unsigned char>(token.text[0]) < 128 &&
        (token.kind == TokenKind::kName || token.kind == TokenKind::kOperator ||
         (token.kind == TokenKind::kNumber && token.number == NumberKind::kInt &&
          token.base == 10));
    if (one_char) tree_.one_char_tokens.set(static_cast<unsigned char>(token.text[0]));
  }
}

absl::StatusOr<ParseTree> Parser::Run() {
  NoteOneCharTokens(tokens_);
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

}  // namespace parser_internal

bool IsPythonKeyword(std::string_view word) { return parser_internal::Keywords().contains(word); }

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
  return parser_internal::Parser(*std::move(tokens), filename, mode, limits).Run();
}

}  // namespace heapsim::script
