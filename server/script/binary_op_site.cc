#include "server/script/binary_op_site.h"

#include "server/script/adaptive_site.h"

namespace heapsim::script {

namespace {

// Whether a site specialised as `family` runs specialised for these
// operands (a hit) or misses.
bool Hits(const Heap& heap, BinaryFamily family, const BinaryOperands& operands) {
  const TypeTag left = heap.type_of(operands.left);
  if (left != heap.type_of(operands.right)) return false;
  switch (family) {
    case BinaryFamily::kInt:
      return left == TypeTag::kInt;
    case BinaryFamily::kFloat:
      return left == TypeTag::kFloat;
    case BinaryFamily::kStr:
      return left == TypeTag::kStr;
    case BinaryFamily::kStrInPlace:
      return left == TypeTag::kStr && operands.left_is_target;
    case BinaryFamily::kGeneric:
      break;
  }
  return false;
}

void MarkSites(const Expr& expr) {
  if (expr.kind == ExprKind::kBinary || expr.kind == ExprKind::kCall) {
    expr.adaptive_site.uncertain = true;
  }
  for (const ExprPtr& operand : expr.operands) {
    if (operand) MarkSites(*operand);
  }
  for (const Keyword& keyword : expr.keywords) MarkSites(*keyword.value);
  for (const ComprehensionClause& clause : expr.clauses) {
    MarkSites(*clause.target);
    MarkSites(*clause.iterable);
    for (const ExprPtr& condition : clause.conditions) MarkSites(*condition);
  }
}

// Visits `block`, marking every site in it when `duplicated`.
void MarkBlock(const Block& block, bool duplicated) {
  for (const StmtPtr& stmt : block) {
    if (duplicated) {
      if (stmt->kind == StmtKind::kAugAssign) stmt->binary_site.uncertain = true;
      if (stmt->value) MarkSites(*stmt->value);
      if (stmt->message) MarkSites(*stmt->message);
      for (const ExprList* list :
           {&stmt->targets, &stmt->decorators, &stmt->defaults, &stmt->kw_defaults, &stmt->bases}) {
        for (const ExprPtr& expr : *list) {
          if (expr) MarkSites(*expr);
        }
      }
    } else if (stmt->kind == StmtKind::kWhile) {
      MarkSites(*stmt->value);
    }
    MarkBlock(stmt->body, duplicated);
    MarkBlock(stmt->orelse, duplicated);
    MarkBlock(stmt->finalbody, true);
    for (const ExceptHandler& handler : stmt->handlers) MarkBlock(handler.body, duplicated);
  }
}

}  // namespace

void MarkDuplicatedSites(const Block& body) { MarkBlock(body, false); }

BinaryFamily SpecialisationFor(const Heap& heap, BinaryOp op, const BinaryOperands& operands) {
  const TypeTag left = heap.type_of(operands.left);
  if (left != heap.type_of(operands.right)) return BinaryFamily::kGeneric;
  if (op != BinaryOp::kAdd && op != BinaryOp::kSub && op != BinaryOp::kMul) {
    return BinaryFamily::kGeneric;
  }
  switch (left) {
    case TypeTag::kInt:
      return BinaryFamily::kInt;
    case TypeTag::kFloat:
      return BinaryFamily::kFloat;
    case TypeTag::kStr:
      if (op != BinaryOp::kAdd) return BinaryFamily::kGeneric;
      return operands.left_is_target ? BinaryFamily::kStrInPlace : BinaryFamily::kStr;
    default:
      return BinaryFamily::kGeneric;
  }
}

BinaryFamily RunSite(const Heap& heap, AdaptiveSite& site, bool quickened, BinaryOp op,
                     const BinaryOperands& operands) {
  const auto specialised = static_cast<BinaryFamily>(site.family);
  const bool hit = specialised != BinaryFamily::kGeneric && Hits(heap, specialised, operands);
  return static_cast<BinaryFamily>(
      AdvanceSite(heap.profile().adaptive_rules, site, quickened, hit,
                  static_cast<uint8_t>(SpecialisationFor(heap, op, operands))));
}

bool SpecialisedRunDiffers(const Heap& heap, BinaryFamily family, const BinaryOperands& operands) {
  const bool left_alone = heap.object(operands.left).refcount == 1;
  const bool right_alone = heap.object(operands.right).refcount == 1;
  switch (family) {
    case BinaryFamily::kInt:
      return left_alone && right_alone;
    case BinaryFamily::kFloat:
      if (heap.profile().adaptive_rules.float_result_reuses_operand) {
        return left_alone || right_alone;
      }
      return left_alone && right_alone;
    case BinaryFamily::kStrInPlace:
      return heap.object(operands.left).refcount == 2;
    case BinaryFamily::kStr:
    case BinaryFamily::kGeneric:
      break;
  }
  return false;
}

}  // namespace heapsim::script
