#include "server/script/stack_depth.h"

#include <algorithm>

namespace heapsim::script {

namespace {

using Depth = std::optional<uint32_t>;

// max() over depths, unknown when any is.
Depth Max(Depth a, Depth b) {
  if (!a || !b) return std::nullopt;
  return std::max(*a, *b);
}

Depth Plus(uint32_t n, Depth d) {
  if (!d) return std::nullopt;
  return n + *d;
}

class StackDepth {
 public:
  StackDepth(const std::vector<CodeUnit>& units, const Profile& profile)
      : units_(units), profile_(profile) {}

  // The deepest the stack gets while `e` is evaluated onto it, counted from
  // the slot its value ends up in (so a name or constant is 1).
  Depth Value(const Expr& e) const {
    switch (e.kind) {
      case ExprKind::kConstant:
      case ExprKind::kName:
        return 1;
      case ExprKind::kAttribute:
      case ExprKind::kUnary:
        return Value(*e.operands[0]);
      case ExprKind::kBinary:
        return Max(Value(*e.operands[0]), Plus(1, Value(*e.operands[1])));
      case ExprKind::kSubscript:
        return Subscript(e);
      case ExprKind::kCompare:
        return Compare(e);
      case ExprKind::kAnd:
      case ExprKind::kOr: {
        // 3.12+ keeps a copy of each tested operand while testing it.
        Depth d = profile_.bool_op_copies_operand ? 2 : 1;
        for (const ExprPtr& operand : e.operands) d = Max(d, Value(*operand));
        return d;
      }
      case ExprKind::kIfElse:
        return Max(Test(*e.operands[0]), Max(Value(*e.operands[1]), Value(*e.operands[2])));
      case ExprKind::kCall:
        return Call(e);
      case ExprKind::kList:
      case ExprKind::kTuple:
      case ExprKind::kSet:
        return Display(e);
      case ExprKind::kDict:
        return Dict(e);
      case ExprKind::kFString:
        return FString(e);
      case ExprKind::kYield:
        return e.operands.empty() ? Depth(1) : Value(*e.operands[0]);
      case ExprKind::kComprehension:
        // Its function, then its first iterable's iterator as the argument
        // (3.12+ inline comprehensions other than generator expressions).
        if (e.comprehension != ComprehensionKind::kGenerator && profile_.comprehensions_inlined) {
          return std::nullopt;
        }
        return Max(Function({}, nullptr, units_[e.unit]), Plus(1, Value(*e.clauses[0].iterable)));
      case ExprKind::kYieldFrom:
        return Max(Value(*e.operands[0]), profile_.yield_from_depth);
      case ExprKind::kLambda:
        return Function(e.operands, nullptr, units_[e.unit]);
      case ExprKind::kFormat: {
        Depth d = Value(*e.operands[0]);
        if (e.operands.size() > 1) d = Max(d, Plus(1, Spec(*e.operands[1])));
        return d;
      }
      default:
        return std::nullopt;
    }
  }

  // The depth of `e` evaluated as a condition to jump on.
  Depth Test(const Expr& e) const {
    switch (e.kind) {
      case ExprKind::kAnd:
      case ExprKind::kOr: {
        Depth d = 1;
        for (const ExprPtr& operand : e.operands) d = Max(d, Test(*operand));
        return d;
      }
      case ExprKind::kUnary:
        if (e.unary_op == UnaryOp::kNot) return Test(*e.operands[0]);
        return Value(e);
      default:
        return Value(e);
    }
  }

  // Storing into `target` with `below` slots under the value being stored.
  Depth Target(const Expr& target, uint32_t below) const {
    switch (target.kind) {
      case ExprKind::kName:
        return below + 1;
      case ExprKind::kTuple:
      case ExprKind::kList: {
        const auto n = static_cast<uint32_t>(target.operands.size());
        Depth d = below + std::max<uint32_t>(n, 1);
        for (uint32_t i = 0; i < n; ++i) {
          if (target.operands[i]->kind == ExprKind::kStarred) return std::nullopt;
          d = Max(d, Target(*target.operands[i], below + n - i - 1));
        }
        return d;
      }
      case ExprKind::kAttribute:
        // The value, then the object above it.
        return Plus(below + 1, Value(*target.operands[0]));
      case ExprKind::kSubscript:
        if (target.operands[1]->kind == ExprKind::kSlice) return std::nullopt;
        return Max(Plus(below + 1, Value(*target.operands[0])),
                   Plus(below + 2, Value(*target.operands[1])));
      default:
        return std::nullopt;
    }
  }

  // The deepest the stack gets while the statements of `block` run.
  Depth Statements(const Block& block) const {
    Depth d = 0;
    for (const StmtPtr& stmt : block) d = Max(d, Statement(*stmt));
    return d;
  }

 private:
  Depth Statement(const Stmt& s) const {
    switch (s.kind) {
      case StmtKind::kPass:
      case StmtKind::kBreak:
      case StmtKind::kContinue:
      case StmtKind::kGlobal:
        return 0;
      case StmtKind::kExpr:
        return Value(*s.value);
      case StmtKind::kReturn:
        return s.value ? Value(*s.value) : Depth(1);
      case StmtKind::kRaise:
        if (s.message) return Max(Value(*s.value), Plus(1, Value(*s.message)));
        return s.value ? Value(*s.value) : Depth(0);
      case StmtKind::kAssert:
        return Max(Test(*s.value), s.message ? Plus(1, Value(*s.message)) : Depth(1));
      case StmtKind::kFunctionDef:
        if (!s.decorators.empty()) return std::nullopt;
        for (const ExprPtr& d : s.kw_defaults) {
          if (d) return std::nullopt;
        }
        return Function(s.defaults, s.annotation.get(), units_[s.unit]);
      case StmtKind::kAnnAssign: {
        Depth d = Statements(s.body);
        if (!s.targets.empty() && s.targets[0]->kind != ExprKind::kName) {
          for (const ExprPtr& operand : s.targets[0]->operands) d = Max(d, Value(*operand));
        }
        if (!s.annotation_evaluated) return d;
        d = Max(d, Value(*s.annotation));
        // The annotation, __annotations__ and the name (STORE_SUBSCR).
        return s.annotation_store ? Max(d, Target(*s.annotation_store, 1)) : d;
      }
      case StmtKind::kAssign: {
        // Every target but the last stores a copy (DUP_TOP / COPY).
        const size_t n = s.targets.size();
        Depth d = Value(*s.value);
        if (n > 1) d = Max(d, 2);
        for (size_t i = 0; i < n; ++i) d = Max(d, Target(*s.targets[i], i + 1 < n ? 1 : 0));
        return d;
      }
      case StmtKind::kAugAssign: {
        const Expr& target = *s.targets[0];
        switch (target.kind) {
          case ExprKind::kName:
            return Max(1, Plus(1, Value(*s.value)));
          case ExprKind::kAttribute:
            // The object twice, then its attribute and the operand.
            return Max(Max(Value(*target.operands[0]), 2), Plus(2, Value(*s.value)));
          case ExprKind::kSubscript:
            // The container and key twice, then the item and the operand.
            if (target.operands[1]->kind == ExprKind::kSlice) return std::nullopt;
            return Max(Max(Value(*target.operands[0]), Plus(1, Value(*target.operands[1]))),
                       Max(4, Plus(3, Value(*s.value))));
          default:
            return std::nullopt;
        }
      }
      case StmtKind::kDelete:
        for (const ExprPtr& target : s.targets) {
          if (target->kind != ExprKind::kName) return std::nullopt;
        }
        return 0;
      case StmtKind::kIf:
      case StmtKind::kWhile:
        return Max(Test(*s.value), Max(Statements(s.body), Statements(s.orelse)));
      case StmtKind::kFor:
        // The iterator stays on the stack under the loop.
        return Max(Max(Value(*s.value), Target(*s.targets[0], 1)),
                   Max(Plus(1, Statements(s.body)), Statements(s.orelse)));
      default:
        return std::nullopt;
    }
  }

  // MAKE_FUNCTION for `unit` with positional `defaults` and `annotations`
  // (null: none): the defaults as one tuple (a constant when they all are),
  // the annotations' tuple or dict, the closure's cells as a tuple, the
  // code and (before 3.11) the qualified name.
  Depth Function(const ExprList& defaults, const Expr* annotations,
                 const CodeUnit& unit) const {
    Depth d = 0;
    bool constant = true;
    for (uint32_t i = 0; i < defaults.size(); ++i) {
      constant = constant && defaults[i]->kind == ExprKind::kConstant;
      d = Max(d, Plus(i, Value(*defaults[i])));
    }
    if (constant && !defaults.empty()) d = 1;
    uint32_t below = defaults.empty() ? 0 : 1;
    if (annotations != nullptr) d = Max(d, Plus(below++, Value(*annotations)));
    const auto cells = static_cast<uint32_t>(unit.closure_sources.size());
    d = Max(d, below + cells);
    return Max(d, below + (cells > 0 ? 1 : 0) + 1 +
                      (profile_.make_function_pushes_qualname ? 1 : 0));
  }

  Depth Subscript(const Expr& e) const {
    const Expr& index = *e.operands[1];
    if (index.kind != ExprKind::kSlice) {
      return Max(Value(*e.operands[0]), Plus(1, Value(index)));
    }
    // The container, then each bound (None when absent).
    Depth d = Value(*e.operands[0]);
    const uint32_t parts = index.operands.size() > 2 && index.operands[2] ? 3 : 2;
    for (uint32_t i = 0; i < parts; ++i) {
      const ExprPtr& bound = index.operands[i];
      d = Max(d, Plus(1 + i, bound ? Value(*bound) : Depth(1)));
    }
    return d;
  }

  Depth Compare(const Expr& e) const {
    Depth d = Value(*e.operands[0]);
    for (size_t i = 1; i < e.operands.size(); ++i) d = Max(d, Plus(1, Value(*e.operands[i])));
    // A chain keeps a copy of each middle operand under the comparison.
    if (e.operands.size() > 2) d = Max(d, 3);
    return d;
  }

  Depth Call(const Expr& e) const {
    const Expr& callee = *e.operands[0];
    // f(*sequence) alone: CALL_FUNCTION_EX on the sequence itself, the
    // callee loaded as a plain attribute (no method call). Other forms with
    // *args or **mapping build their arguments first: not computed.
    const bool star_alone =
        e.operands.size() == 2 && e.operands[1]->kind == ExprKind::kStarred && e.keywords.empty();
    // The slots under the first argument: the callable and NULL (3.11+), a
    // method and its self (LOAD_METHOD: without keywords before 3.11), or
    // the callable alone.
    const bool method = callee.kind == ExprKind::kAttribute && !star_alone &&
                        (profile_.call_pushes_null || e.keywords.empty());
    Depth d;
    uint32_t below = 2;
    if (method) {
      d = Max(Value(*callee.operands[0]), 2);
    } else if (!profile_.call_pushes_null) {
      d = Value(callee);
      below = 1;
    } else if (callee.kind == ExprKind::kName) {
      d = 2;
    } else if (profile_.call_pushes_null_after_callee) {
      d = Max(Value(callee), 2);
    } else {
      d = Plus(1, Value(callee));
    }
    if (star_alone) return Max(d, Plus(below, Value(*e.operands[1]->operands[0])));
    for (size_t i = 1; i < e.operands.size(); ++i) {
      if (e.operands[i]->kind == ExprKind::kStarred) return std::nullopt;
      d = Max(d, Plus(below++, Value(*e.operands[i])));
    }
    for (const Keyword& keyword : e.keywords) {
      if (keyword.name.empty()) return std::nullopt;  // **mapping
      d = Max(d, Plus(below++, Value(*keyword.value)));
    }
    if (!e.keywords.empty() && profile_.call_pushes_kwnames) d = Max(d, below + 1);
    return d;
  }

  Depth Display(const Expr& e) const {
    switch (e.display) {
      case DisplayBuild::kExact: {
        Depth d = 1;
        for (uint32_t i = 0; i < e.operands.size(); ++i) {
          if (e.operands[i]->kind == ExprKind::kStarred) return std::nullopt;
          d = Max(d, Plus(i, Value(*e.operands[i])));
        }
        return d;
      }
      case DisplayBuild::kExtendConstant:
        return 2;
      case DisplayBuild::kAppend: {
        Depth d = 1;
        for (const ExprPtr& item : e.operands) d = Max(d, Plus(1, Value(*item)));
        return d;
      }
      default:
        return std::nullopt;
    }
  }

  Depth Dict(const Expr& e) const {
    const size_t pairs = e.operands.size() / 2;
    if (pairs > 16) return std::nullopt;  // built in chunks
    bool constant_keys = pairs > 1;
    for (size_t i = 0; i < pairs; ++i) {
      if (!e.operands[2 * i]) return std::nullopt;  // **mapping
      constant_keys = constant_keys && e.operands[2 * i]->kind == ExprKind::kConstant;
    }
    Depth d = 1;
    if (constant_keys) {
      // The values, then the keys as one constant tuple.
      for (uint32_t i = 0; i < pairs; ++i) d = Max(d, Plus(i, Value(*e.operands[2 * i + 1])));
      return Max(d, static_cast<uint32_t>(pairs) + 1);
    }
    for (uint32_t i = 0; i < pairs; ++i) {
      d = Max(d, Plus(2 * i, Value(*e.operands[2 * i])));
      d = Max(d, Plus(2 * i + 1, Value(*e.operands[2 * i + 1])));
    }
    return d;
  }

  Depth FString(const Expr& e) const {
    if (e.operands.size() == 1) return Value(*e.operands[0]);
    Depth d = 1;
    for (uint32_t i = 0; i < e.operands.size(); ++i) d = Max(d, Plus(i, Value(*e.operands[i])));
    return d;
  }

  // A format spec: a constant, or (not computed) one with replacement fields.
  Depth Spec(const Expr& spec) const {
    if (spec.kind == ExprKind::kConstant) return 1;
    return std::nullopt;
  }

  const std::vector<CodeUnit>& units_;
  const Profile& profile_;
};

}  // namespace

std::optional<uint32_t> ComprehensionStackSize(const Expr& comprehension,
                                               const std::vector<CodeUnit>& units,
                                               const Profile& profile) {
  const StackDepth depth(units, profile);
  // A list, set or dict comprehension builds its result at the bottom. The
  // outermost iterator arrives as the argument .0 and stays on the stack for
  // the whole loop, as does each inner clause's iterator.
  const uint32_t result = comprehension.comprehension == ComprehensionKind::kGenerator ? 0 : 1;
  uint32_t below = result + 1;
  Depth deepest = below;
  for (size_t c = 0; c < comprehension.clauses.size(); ++c) {
    const ComprehensionClause& clause = comprehension.clauses[c];
    if (c > 0) {
      deepest = Max(deepest, Plus(below, depth.Value(*clause.iterable)));
      ++below;
    }
    deepest = Max(deepest, below + 1);  // FOR_ITER's item
    deepest = Max(deepest, depth.Target(*clause.target, below));
    for (const ExprPtr& condition : clause.conditions) {
      deepest = Max(deepest, Plus(below, depth.Test(*condition)));
    }
  }
  deepest = Max(deepest, Plus(below, depth.Value(*comprehension.operands[0])));
  if (comprehension.comprehension == ComprehensionKind::kDict) {
    // The key, then the value above it.
    deepest = Max(deepest, Plus(below + 1, depth.Value(*comprehension.operands[1])));
  }
  return deepest;
}

std::optional<uint32_t> FunctionStackSize(const CodeUnit& unit, const std::vector<CodeUnit>& units,
                                          const Profile& profile) {
  const StackDepth depth(units, profile);
  if (unit.expression) return depth.Value(*unit.expression);
  // The implicit `return None` pushes one.
  return Max(1, depth.Statements(unit.body));
}

std::optional<uint32_t> GeneratorFunctionStackSize(const CodeUnit& unit,
                                                   const std::vector<CodeUnit>& units,
                                                   const Profile& profile) {
  return Max(profile.generator_function_min_depth, StackDepth(units, profile).Statements(unit.body));
}

}  // namespace heapsim::script
