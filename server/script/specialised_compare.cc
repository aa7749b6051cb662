#include "server/script/specialised_compare.h"

#include <cstdint>
#include <cstdlib>

#include "server/heap/float_object.h"
#include "server/heap/int_object.h"
#include "server/heap/str_object.h"

namespace heapsim::script {

namespace {

// _PyCode_Warmup quickens a code object on its eighth event.
constexpr uint32_t kWarmupEvents = 8;

// Expr::compare_site: the operand kind a warm site was specialised for.
enum SiteKind : uint8_t { kUnseen = 0, kInt, kFloat, kStr, kMixed };

// The specialised family two operands fit (kMixed: none).
SiteKind KindOf(const Heap& heap, CompareOp op, ObjectId a, ObjectId b) {
  const TypeTag type = heap.type_of(a);
  if (type != heap.type_of(b)) return kMixed;
  switch (type) {
    case TypeTag::kInt: {
      // One digit or none: |v| < 2**30.
      const std::optional<int64_t> x = IntAsInt64(heap, a);
      const std::optional<int64_t> y = IntAsInt64(heap, b);
      constexpr int64_t kDigit = int64_t{1} << 30;
      if (!x || !y || std::llabs(*x) >= kDigit || std::llabs(*y) >= kDigit) return kMixed;
      return kInt;
    }
    case TypeTag::kFloat:
      return kFloat;
    case TypeTag::kStr:
      return op == CompareOp::kEq || op == CompareOp::kNotEq ? kStr : kMixed;
    default:
      return kMixed;
  }
}

template <typename T>
bool Apply(CompareOp op, const T& x, const T& y) {
  switch (op) {
    case CompareOp::kEq:
      return x == y;
    case CompareOp::kNotEq:
      return x != y;
    case CompareOp::kLt:
      return x < y;
    case CompareOp::kLtE:
      return x <= y;
    case CompareOp::kGt:
      return x > y;
    default:
      return x >= y;
  }
}

void MarkTest(Expr& expr) {
  if (expr.kind == ExprKind::kCompare) {
    expr.jump_test = true;
  } else if (expr.kind == ExprKind::kAnd || expr.kind == ExprKind::kOr ||
             (expr.kind == ExprKind::kUnary && expr.unary_op == UnaryOp::kNot)) {
    for (ExprPtr& operand : expr.operands) MarkTest(*operand);
  }
}

void MarkIn(Expr& expr) {
  if (expr.kind == ExprKind::kIfElse) MarkTest(*expr.operands[0]);
  for (ExprPtr& operand : expr.operands) {
    if (operand) MarkIn(*operand);
  }
  for (Keyword& keyword : expr.keywords) MarkIn(*keyword.value);
  for (ComprehensionClause& clause : expr.clauses) {
    MarkIn(*clause.target);
    MarkIn(*clause.iterable);
    for (ExprPtr& condition : clause.conditions) {
      MarkTest(*condition);
      MarkIn(*condition);
    }
  }
}

void MarkIn(Block& block) {
  for (StmtPtr& stmt : block) {
    if (stmt->value) {
      if (stmt->kind == StmtKind::kIf || stmt->kind == StmtKind::kWhile ||
          stmt->kind == StmtKind::kAssert) {
        MarkTest(*stmt->value);
      }
      MarkIn(*stmt->value);
    }
    for (ExprList* list :
         {&stmt->targets, &stmt->decorators, &stmt->defaults, &stmt->kw_defaults, &stmt->bases}) {
      for (ExprPtr& expr : *list) {
        if (expr) MarkIn(*expr);
      }
    }
    if (stmt->message) MarkIn(*stmt->message);
    MarkIn(stmt->body);
    MarkIn(stmt->orelse);
    MarkIn(stmt->finalbody);
    for (ExceptHandler& handler : stmt->handlers) MarkIn(handler.body);
  }
}

}  // namespace

void MarkJumpTests(CodeUnit& unit) {
  // Comprehensions' loops and generators' resumptions are not counted.
  if (unit.kind == UnitKind::kComprehension || unit.generator) unit.warmup_unknown = true;
  if (unit.expression) MarkIn(*unit.expression);
  MarkIn(unit.body);
}

void CountWarmup(const CodeUnit& unit) { ++unit.warmup_events; }

bool IsQuickened(const CodeUnit& unit) { return unit.warmup_events >= kWarmupEvents; }

bool SurelyCold(const CodeUnit& unit) {
  return !IsQuickened(unit) && (!unit.warmup_unknown || unit.kind == UnitKind::kComprehension);
}

std::optional<bool> SpecialisedCompare(const Heap& heap, const CodeUnit& unit, const Expr& expr,
                                       CompareOp op, ObjectId a, ObjectId b, bool* uncertain) {
  *uncertain = false;
  const bool warm = IsQuickened(unit);
  if (!warm && !unit.warmup_unknown) return std::nullopt;
  const SiteKind kind = KindOf(heap, op, a, b);
  if (warm) {
    if (expr.compare_site == kUnseen) expr.compare_site = kind;
    if (expr.compare_site != kind) expr.compare_site = kMixed;
  }
  if (kind == kMixed) return std::nullopt;
  if (unit.warmup_unknown || expr.compare_site != kind) {
    *uncertain = true;
    return std::nullopt;
  }
  switch (kind) {
    case kInt:
      return Apply(op, *IntAsInt64(heap, a), *IntAsInt64(heap, b));
    case kFloat:
      return Apply(op, FloatValue(heap, a), FloatValue(heap, b));
    default:
      return Apply(op, StrText(heap, a), StrText(heap, b));
  }
}

}  // namespace heapsim::script
