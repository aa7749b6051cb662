// Instruction sites run in their specialised forms (3.11+): BINARY_OP
// (binary_op_site.h) and the CALL of str(x).

#include <utility>

#include "absl/strings/str_cat.h"
#include "server/heap/float_object.h"
#include "server/heap/str_object.h"
#include "server/script/adaptive_site.h"
#include "server/script/binary_op_site.h"
#include "server/script/builtins.h"
#include "server/script/interpreter.h"
#include "server/script/specialised_compare.h"

namespace heapsim::script {

namespace {

// Whether heapsim cannot follow `site` in `unit` (a site the compiler
// duplicated or that called something else, or 3.11 code whose warm-up it
// does not count and may be warm); such a site stays untracked from then on.
bool LosesTrack(const AdaptiveRules& rules, AdaptiveSite& site, const CodeUnit& unit) {
  if (!site.uncertain && rules.warmup == AdaptiveRules::Warmup::kCodeObject &&
      unit.warmup_unknown && !SurelyCold(unit)) {
    site.uncertain = true;
  }
  return site.uncertain;
}

}  // namespace

bool Interpreter::RunSpecialisedBinary(AdaptiveSite& site, BinaryOp op, Ref& left, Ref& right,
                                       bool in_place, const NameRef* store_target, Ref* result) {
  const AdaptiveRules& rules = heap_.profile().adaptive_rules;
  if (rules.warmup == AdaptiveRules::Warmup::kNone) return false;
  const bool to_local = store_target != nullptr && store_target->scope == Scope::kFast;
  const BinaryOperands operands{
      left.get(), right.get(),
      to_local && heap_.frames().at(context_.frame).slots[store_target->slot] == left.get()};
  const CodeUnit& unit = *context_.unit;
  if (LosesTrack(rules, site, unit)) {
    const BinaryFamily possible = SpecialisationFor(heap_, op, operands);
    if (SpecialisedRunDiffers(heap_, possible, operands)) {
      Refuse(absl::StrCat(
          "an operator '", BinaryOpSymbol(op),
          "' whose specialisation heapsim cannot follow (in a finally block, a while loop's "
          "test, or code whose warm-up heapsim does not count), on operands it would change"));
      *result = Ref();
      return true;
    }
    return false;
  }
  const BinaryFamily family = RunSite(heap_, site, IsQuickened(unit), op, operands);
  switch (family) {
    case BinaryFamily::kGeneric:
    case BinaryFamily::kStr:  // as the generic instruction
      return false;
    case BinaryFamily::kStrInPlace:
      *result = AppendToLocal(*store_target, std::move(left), std::move(right));
      return true;
    case BinaryFamily::kInt:
      break;
    case BinaryFamily::kFloat:
      if (rules.float_result_reuses_operand) {
        const double a = FloatValue(heap_, left.get());
        const double b = FloatValue(heap_, right.get());
        const double value = op == BinaryOp::kAdd ? a + b : op == BinaryOp::kSub ? a - b : a * b;
        if (heap_.object(left.get()).refcount == 1) {
          heap_.set_real(left.get(), value);
          right.Reset();
          *result = std::move(left);
        } else if (heap_.object(right.get()).refcount == 1) {
          heap_.set_real(right.get(), value);
          left.Reset();
          *result = std::move(right);
        } else {
          *result = NewFloat(heap_, value);
          left.Reset();
          right.Reset();
        }
        return true;
      }
      break;
  }
  // Ints, and floats before 3.12: a new object, then the right operand
  // released before the left.
  absl::StatusOr<Ref> value = Binary(heap_, op, left.get(), right.get(), in_place);
  if (!value.ok()) {
    Raise(value.status());
    *result = Ref();
    return true;
  }
  right.Reset();
  left.Reset();
  *result = *std::move(value);
  return true;
}

std::optional<bool> Interpreter::StrCallSpecialised(const Expr& expr, ObjectId callable,
                                                    const CallArgs& args, bool star_call) {
  const AdaptiveRules& rules = heap_.profile().adaptive_rules;
  if (rules.warmup == AdaptiveRules::Warmup::kNone) return false;
  AdaptiveSite& site = expr.adaptive_site;
  const ObjectId str_type = session_.builtin_objects[static_cast<size_t>(Builtin::kTypeStr)];
  if (callable != str_type) {
    // heapsim follows a site's counters only while it calls str.
    site.uncertain = true;
    return false;
  }
  if (heap_.cls(str_type).vectorcall) return false;  // nothing to pack
  // CALL_NO_KW_STR_1: one positional argument.
  const bool fits = args.positional.size() == 1 && args.keywords.empty() && !star_call;
  const CodeUnit& unit = *context_.unit;
  if (LosesTrack(rules, site, unit)) {
    // Packing shows only when the 1-tuple it takes is not on the free list.
    const auto& tuples = heap_.free_lists().tuples;
    if (fits && (tuples.size() < 2 || tuples[1].empty())) {
      Refuse("str(x) at a call site whose specialisation heapsim cannot follow (in a finally "
             "block, a while loop's test, code whose warm-up heapsim does not count, or a site "
             "that also calls something else), where the argument tuple would be made");
      return std::nullopt;
    }
    return false;
  }
  constexpr uint8_t kStr1 = 1;
  return AdvanceSite(rules, site, IsQuickened(unit), site.family == kStr1 && fits,
                     fits ? kStr1 : 0) == kStr1;
}

Ref Interpreter::AppendToLocal(const NameRef& target, Ref left, Ref right) {
  // The stack's reference goes first (the local still holds the str), then
  // PyUnicode_Append grows the local's str when nothing else holds it, or
  // stores a new one, releasing the old, before the right operand goes.
  const ObjectId str = left.release();
  heap_.DecRef(str);
  if (heap_.object(str).refcount != 1 || !StrAppendInPlace(heap_, str, right.get())) {
    absl::StatusOr<Ref> joined = Binary(heap_, BinaryOp::kAdd, str, right.get(), true);
    if (!joined.ok()) {
      Raise(joined.status());
      return Ref();
    }
    if (!StoreName(target, *std::move(joined))) return Ref();
  }
  right.Reset();
  return LoadName(target);
}

}  // namespace heapsim::script
