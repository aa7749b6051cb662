#include "server/script/subset_check.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

class SubsetChecker {
 public:
  explicit SubsetChecker(std::string_view filename) : filename_(filename) {}

  absl::Status Check(const ParseTree& tree) {
    for (const CodeUnit& unit : tree.units) {
      if (unit.kind == UnitKind::kClass) ClassBlock(unit.body);
      if (!status_.ok()) return status_;
    }
    for (const CodeUnit& unit : tree.units) {
      Classes(unit.body);
      if (unit.generator) GeneratorBlock(unit.body, false);
      if (!status_.ok()) return status_;
    }
    return status_;
  }

 private:
  void Refuse(Position at, std::string_view what) {
    if (!status_.ok()) return;
    status_ = absl::InvalidArgumentError(
        absl::StrFormat("%s:%d:%d: unsupported: %s", filename_, at.line, at.column, what));
  }

  void BoundName(Position at, const std::string& name) {
    // __post_init__ is an ordinary method: only a dataclass's generated
    // __init__ calls it, as any other method call.
    if (!IsDunder(name) || HonouredSpecialMethod(name) || name == "__slots__" ||
        name == "__post_init__") {
      return;
    }
    Refuse(at, absl::StrCat("a class defining '", name,
                            "' (heapsim runs only __init__, __repr__, __str__, the comparisons, "
                            "__hash__, __len__, __bool__, __contains__, __getitem__, "
                            "__setitem__, __delitem__, __iter__, __next__, __call__, __enter__, "
                            "__exit__, __copy__, __deepcopy__, __del__ and the arithmetic operators of a class, and models "
                            "__slots__)"));
  }

  // Names a target binds: a, (a, b), [a, *b]; attributes and items bind none.
  void Target(const Expr& target) {
    switch (target.kind) {
      case ExprKind::kName:
        BoundName(target.position, target.name.text);
        break;
      case ExprKind::kTuple:
      case ExprKind::kList:
      case ExprKind::kStarred:
        for (const ExprPtr& item : target.operands) {
          if (item) Target(*item);
        }
        break;
      default:
        break;
    }
  }

  // The statements of a class body (nested blocks included, nested
  // functions and classes excluded: they have units of their own).
  void ClassBlock(const Block& block) {
    for (const StmtPtr& stmt : block) {
      switch (stmt->kind) {
        case StmtKind::kFunctionDef:
        case StmtKind::kClassDef:
          BoundName(stmt->position, stmt->name.text);
          break;
        case StmtKind::kAssign:
        case StmtKind::kAugAssign:
        case StmtKind::kDelete:
        case StmtKind::kFor:
        case StmtKind::kWith:
          for (const ExprPtr& target : stmt->targets) Target(*target);
          break;
        case StmtKind::kImport:
          for (const auto& [module, name] : stmt->imports) BoundName(stmt->position, name.text);
          break;
        default:
          break;
      }
      ClassBlock(stmt->body);
      ClassBlock(stmt->orelse);
      ClassBlock(stmt->finalbody);
      for (const ExceptHandler& handler : stmt->handlers) {
        if (!handler.name.text.empty()) BoundName(handler.position, handler.name.text);
        ClassBlock(handler.body);
      }
      if (!status_.ok()) return;
    }
  }

  // Class statements anywhere in a block.
  void Classes(const Block& block) {
    for (const StmtPtr& stmt : block) {
      if (stmt->kind == StmtKind::kClassDef && stmt->bases.size() > 1) {
        Refuse(stmt->bases[1]->position, "a class with more than one base class");
      }
      Classes(stmt->body);
      Classes(stmt->orelse);
      Classes(stmt->finalbody);
      for (const ExceptHandler& handler : stmt->handlers) Classes(handler.body);
      if (!status_.ok()) return;
    }
  }

  // The statements of a generator function's body: a `yield` inside `try`
  // or `with` (where closing or freeing the suspended generator runs
  // handlers, finally blocks or __exit__) and `return value` (the value a
  // StopIteration carries) are refused.
  void GeneratorBlock(const Block& block, bool guarded) {
    for (const StmtPtr& stmt : block) {
      const bool yields = stmt->value &&
                          (stmt->value->kind == ExprKind::kYield ||
                           stmt->value->kind == ExprKind::kYieldFrom) &&
                          (stmt->kind == StmtKind::kExpr || stmt->kind == StmtKind::kAssign);
      if (yields && guarded) {
        Refuse(stmt->value->position, "a 'yield' inside 'try' or 'with'");
      }
      if (stmt->kind == StmtKind::kReturn && stmt->value &&
          stmt->value->literal != LiteralKind::kNoneValue) {
        Refuse(stmt->value->position, "a generator function returning a value");
      }
      const bool inner = guarded || stmt->kind == StmtKind::kTry || stmt->kind == StmtKind::kWith;
      GeneratorBlock(stmt->body, inner);
      GeneratorBlock(stmt->orelse, inner);
      GeneratorBlock(stmt->finalbody, inner);
      for (const ExceptHandler& handler : stmt->handlers) GeneratorBlock(handler.body, inner);
      if (!status_.ok()) return;
    }
  }

  std::string filename_;
  absl::Status status_;
};

}  // namespace

bool IsDunder(std::string_view name) {
  return name.size() > 4 && name.substr(0, 2) == "__" && name.substr(name.size() - 2) == "__";
}

absl::Status CheckSubset(const ParseTree& tree, std::string_view filename) {
  return SubsetChecker(filename).Check(tree);
}

}  // namespace heapsim::script
