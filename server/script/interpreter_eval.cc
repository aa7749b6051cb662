// Evaluating expressions. Each case keeps CPython's order: operands are
// evaluated left to right and held until the operation is done, then
// released left to right, and a result object is made after its parts.

#include <string>
#include <vector>

#include <utility>

#include "absl/strings/str_cat.h"
#include "server/heap/dict_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/mappingproxy_object.h"
#include "server/heap/py_error.h"
#include "server/heap/set_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/script/special_methods.h"
#include "server/heap/value_ops.h"
#include "server/script/builtins.h"
#include "server/script/format.h"
#include "server/script/generator_function.h"
#include "server/script/interpreter.h"
#include "server/script/specialised_compare.h"
#include "server/script/operators.h"

namespace heapsim::script {

Ref Interpreter::Eval(const Expr& expr) {
  const uint32_t line = context_.line;
  const bool line_known = context_.line_known;
  context_.line = static_cast<uint32_t>(expr.position.line);
  context_.line_known = line_known && !expr.line_ambiguous;
  Ref result = EvalNode(expr);
  context_.line = line;
  context_.line_known = line_known;
  return result;
}

Ref Interpreter::EvalNode(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::kConstant:
      return heap_.NewRef(expr.constant);
    case ExprKind::kName:
      return LoadName(expr.name);
    case ExprKind::kAttribute: {
      if (const Expr* super_call = SuperAttrSite(heap_, expr, *context_.program, *context_.unit)) {
        return EvalSuperAttribute(expr, *super_call, nullptr, nullptr);
      }
      const Expr& target = *expr.operands[0];
      if (target.kind == ExprKind::kAttribute && target.name.text == "implementation") {
        // sys.implementation.name: the namespace itself is not modelled.
        Ref owner = Eval(*target.operands[0]);
        if (!owner) return Ref();
        if (owner.get() == session_.sys_module) {
          return SysImplementationAttribute(*this, expr.name.text);
        }
        Ref object = GetAttr(owner.get(), target.name.text);
        if (!object) return Ref();
        return GetAttr(object.get(), expr.name.text);
      }
      Ref object = Eval(target);
      if (!object) return Ref();
      if (const ObjectId getter = SpecialisedPropertyGetter(expr, object.get())) {
        // LOAD_ATTR_PROPERTY: the getter's frame takes the stack's reference.
        CallArgs args;
        args.positional.push_back(std::move(object));
        args.from_sequence = true;
        Ref function = heap_.NewRef(getter);
        return CallFromPython(function.get(), std::move(args));
      }
      return GetAttr(object.get(), expr.name.text);
    }
    case ExprKind::kSubscript:
      return EvalSubscript(expr);
    case ExprKind::kSlice:
      return EvalSliceObject(expr);
    case ExprKind::kCall:
      return EvalCall(expr);
    case ExprKind::kBinary: {
      const NameRef* store_target =
          binary_store_.value == &expr ? std::exchange(binary_store_, {}).target : nullptr;
      Ref left = Eval(*expr.operands[0]);
      if (!left) return Ref();
      Ref right = Eval(*expr.operands[1]);
      if (!right) return Ref();
      if (ConcatInPlace(expr.binary_op, left.get(), right.get())) {
        right.Reset();
        return left;
      }
      if (Ref specialised; RunSpecialisedBinary(expr.adaptive_site, expr.binary_op, left, right,
                                                /*in_place=*/false, store_target, &specialised)) {
        return specialised;
      }
      Ref result = BinaryOf(*this, expr.binary_op, left.get(), right.get(), false);
      left.Reset();
      right.Reset();
      return result;
    }
    case ExprKind::kUnary: {
      Ref operand = Eval(*expr.operands[0]);
      if (!operand) return Ref();
      if (expr.unary_op == UnaryOp::kNot) {
        const int truth = TruthOf(*this, operand.get());
        operand.Reset();
        if (truth < 0) return Ref();
        return heap_.NewRef(heap_.bool_object(truth == 0));
      }
      Ref result = UnaryOf(*this, expr.unary_op, operand.get());
      operand.Reset();
      return result;
    }
    case ExprKind::kCompare:
      return EvalCompare(expr);
    case ExprKind::kAnd:
    case ExprKind::kOr: {
      Ref value;
      for (size_t i = 0; i < expr.operands.size(); ++i) {
        value = Eval(*expr.operands[i]);
        if (!value) return Ref();
        const int truth = TruthOf(*this, value.get());
        if (truth < 0) return Ref();
        if (i + 1 < expr.operands.size() && (truth == 1) == (expr.kind == ExprKind::kOr)) return value;
      }
      return value;
    }
    case ExprKind::kIfElse: {
      Ref condition = Eval(*expr.operands[0]);
      if (!condition) return Ref();
      const int truth = TruthOf(*this, condition.get());
      condition.Reset();
      if (truth < 0) return Ref();
      return Eval(*expr.operands[truth == 1 ? 1 : 2]);
    }
    case ExprKind::kList:
    case ExprKind::kTuple:
    case ExprKind::kSet:
      return EvalDisplay(expr);
    case ExprKind::kDict:
      return EvalDict(expr);
    case ExprKind::kComprehension:
      return EvalComprehension(expr);
    case ExprKind::kLambda: {
      std::vector<Ref> defaults;
      for (const ExprPtr& d : expr.operands) {
        defaults.push_back(Eval(*d));
        if (!defaults.back()) return Ref();
      }
      return MakeFunction(expr.unit, std::move(defaults), Ref());
    }
    case ExprKind::kFString:
      return EvalFString(expr);
    case ExprKind::kFormat: {
      Ref value = Eval(*expr.operands[0]);
      if (!value) return Ref();
      if (expr.conversion != 0 && HasSpecialRepr(heap_, value.get(), expr.conversion == 's')) {
        value = SpecialConversion(*this, value.get(), expr.conversion);
        if (!value) return Ref();
      } else {
        absl::StatusOr<Ref> converted = ApplyConversion(heap_, std::move(value), expr.conversion);
        if (!converted.ok()) {
          Raise(converted.status());
          return Ref();
        }
        value = *std::move(converted);
      }
      Ref spec;
      if (expr.operands.size() > 1) {
        spec = Eval(*expr.operands[1]);
        if (!spec) return Ref();
      }
      const std::string spec_text = spec ? StrText(heap_, spec.get()) : "";
      if (spec_text.empty() && heap_.type_of(value.get()) == TypeTag::kStr) return value;
      if (HasSpecialRepr(heap_, value.get(), true)) {
        Ref result = SpecialFormat(*this, value.get(), spec_text);
        if (!result) return Ref();
        value.Reset();
        return result;
      }
      Ref result;
      {
        const ScopedTransientMethod format_method(
            heap_, FormatBindsMethod(heap_, value.get(), spec_text));
        absl::StatusOr<std::string> text = FormatValue(heap_, value.get(), spec_text);
        if (!text.ok()) {
          Raise(text.status());
          return Ref();
        }
        result = NewFormattedStr(heap_, value.get(), spec_text, *text);
      }
      value.Reset();
      return result;
    }
    case ExprKind::kStarred:
      Raise(PyError(PyExc::kTypeError, "can't use starred expression here"));
      return Ref();
    case ExprKind::kYield:
      return GeneratorFunctions::Yield(*this, expr);
    case ExprKind::kYieldFrom:
      return GeneratorFunctions::YieldFrom(*this, expr);
    case ExprKind::kNamedExpr: {
      Ref value = Eval(*expr.operands[1]);
      if (!value || !StoreName(expr.operands[0]->name, heap_.NewRef(value.get()))) return Ref();
      return value;
    }
  }
  return Ref();
}

Ref Interpreter::EvalSubscript(const Expr& expr) {
  Ref container = Eval(*expr.operands[0]);
  if (!container) return Ref();
  const Expr& index = *expr.operands[1];
  if (index.kind == ExprKind::kSlice && heap_.profile().binary_slice &&
      index.operands[2] == nullptr) {
    // 3.12+: x[a:b] slices without making a slice object.
    Ref lower = index.operands[0] ? Eval(*index.operands[0]) : heap_.NewRef(heap_.none());
    if (!lower) return Ref();
    Ref upper = index.operands[1] ? Eval(*index.operands[1]) : heap_.NewRef(heap_.none());
    if (!upper) return Ref();
    Ref result = GetSlice(container.get(), lower.get(), upper.get(), heap_.none());
    container.Reset();
    lower.Reset();
    upper.Reset();
    return result;
  }
  Ref key = Eval(index);
  if (!key) return Ref();
  Ref result = GetItem(container.get(), key.get());
  container.Reset();
  key.Reset();
  return result;
}

Ref Interpreter::EvalSliceObject(const Expr& expr) {
  std::vector<Ref> parts;
  for (const ExprPtr& part : expr.operands) {
    parts.push_back(part ? Eval(*part) : heap_.NewRef(heap_.none()));
    if (!parts.back()) return Ref();
  }
  return NewSlice(heap_, parts[0].get(), parts[1].get(), parts[2].get());
}

Ref Interpreter::EvalCompare(const Expr& expr) {
  Ref left = Eval(*expr.operands[0]);
  if (!left) return Ref();
  for (size_t i = 0; i < expr.compare_ops.size(); ++i) {
    Ref right = Eval(*expr.operands[i + 1]);
    if (!right) return Ref();
    const CompareOp op = expr.compare_ops[i];
    Ref result;
    if (op == CompareOp::kIn || op == CompareOp::kNotIn) {
      const int in = ContainsOf(*this, right.get(), left.get());
      if (in < 0) return Ref();
      result = heap_.NewRef(heap_.bool_object((in == 1) == (op == CompareOp::kIn)));
    } else if (op == CompareOp::kIs || op == CompareOp::kIsNot) {
      result = heap_.NewRef(heap_.bool_object((left.get() == right.get()) == (op == CompareOp::kIs)));
    } else {
      result = JumpTestCompare(expr, op, left.get(), right.get());
      if (!result && !has_error()) result = RichCompare(*this, op, left.get(), right.get());
      if (!result) return Ref();
    }
    if (i + 1 == expr.compare_ops.size()) return result;
    const int truth = TruthOf(*this, result.get());
    if (truth < 0) return Ref();
    if (truth == 0) return result;
    left = std::move(right);
  }
  return Ref();
}

Ref Interpreter::JumpTestCompare(const Expr& expr, CompareOp op, ObjectId a, ObjectId b) {
  const Profile& profile = heap_.profile();
  if (!expr.jump_test || !profile.compare_specialises_in_tests) return Ref();
  bool uncertain = false;
  const std::optional<bool> specialised =
      SpecialisedCompare(heap_, *context_.unit, expr, op, a, b, &uncertain);
  // Only at the recursion limit does the specialised form differ.
  const CRecursion& c = profile.c_recursion;
  if (!c.counts_python_frames || heap_.frames().depth() < heap_.recursion_limit()) return Ref();
  if (uncertain) {
    Refuse("a comparison at the recursion limit that CPython 3.11 may run specialised");
    return Ref();
  }
  if (!specialised) return Ref();
  return heap_.NewRef(heap_.bool_object(*specialised));
}

Ref Interpreter::EvalDisplay(const Expr& expr) {
  const bool is_list = expr.kind == ExprKind::kList;
  const bool is_set = expr.kind == ExprKind::kSet;
  switch (expr.display) {
    case DisplayBuild::kExact: {
      std::vector<Ref> items;
      items.reserve(expr.operands.size());
      for (const ExprPtr& item : expr.operands) {
        items.push_back(Eval(*item));
        if (!items.back()) return Ref();
      }
      std::vector<ObjectId> ids;
      ids.reserve(items.size());
      for (const Ref& item : items) ids.push_back(item.get());
      if (is_list) return NewListOf(heap_, ids);
      if (!is_set) {
        std::vector<ObjectId> owned;
        for (Ref& item : items) owned.push_back(item.release());
        return NewTuple(heap_, std::move(owned));
      }
      Ref set = NewSet(heap_, false);
      for (ObjectId id : ids) {
        if (absl::Status s = SetAdd(heap_, set.get(), id); !s.ok()) {
          Raise(s);
          return Ref();
        }
      }
      return set;
    }
    case DisplayBuild::kExtendConstant: {
      if (is_list) {
        Ref list = NewList(heap_, 0);
        ListExtend(heap_, list.get(), TupleItems(heap_, expr.constant), ExtendSource::kListOrTuple,
                   TupleItems(heap_, expr.constant).size());
        return list;
      }
      Ref set = NewSet(heap_, false);
      if (absl::Status s = SetMerge(heap_, set.get(), expr.constant); !s.ok()) {
        Raise(s);
        return Ref();
      }
      return set;
    }
    case DisplayBuild::kAppend: {
      // Built empty, then appended to item by item.
      Ref result = is_set ? NewSet(heap_, false) : NewList(heap_, 0);
      for (const ExprPtr& item : expr.operands) {
        Ref value = Eval(*item);
        if (!value || !AddToDisplay(result.get(), value.get())) return Ref();
      }
      return result;
    }
    case DisplayBuild::kUnpack:
      return heap_.profile().starred_display_packs_runs ? EvalPackedUnpackDisplay(expr)
                                                        : EvalUnpackDisplay(expr);
  }
  return Ref();
}

bool Interpreter::AddToDisplay(ObjectId display, ObjectId item) {
  if (heap_.type_of(display) == TypeTag::kList) {
    ListAppend(heap_, display, item);
    return true;
  }
  if (absl::Status s = SetAdd(heap_, display, item); !s.ok()) {
    Raise(s);
    return false;
  }
  return true;
}

bool Interpreter::ExtendDisplay(ObjectId display, ObjectId part) {
  if (heap_.type_of(display) == TypeTag::kList) return ExtendList(display, part);
  return UpdateSetFrom(*this, display, part);
}

Ref Interpreter::EvalUnpackDisplay(const Expr& expr) {
  // BUILD_LIST / BUILD_SET of the leading plain items, LIST_EXTEND /
  // SET_UPDATE by each starred item, LIST_APPEND / SET_ADD of the others;
  // a tuple is the list made a tuple (LIST_TO_TUPLE).
  const bool is_set = expr.kind == ExprKind::kSet;
  size_t next = 0;
  std::vector<Ref> leading;
  for (; next < expr.operands.size() && expr.operands[next]->kind != ExprKind::kStarred; ++next) {
    leading.push_back(Eval(*expr.operands[next]));
    if (!leading.back()) return Ref();
  }
  Ref result;
  if (is_set) {
    result = NewSet(heap_, false);
    for (const Ref& item : leading) {
      if (!AddToDisplay(result.get(), item.get())) return Ref();
    }
  } else {
    std::vector<ObjectId> ids;
    for (const Ref& item : leading) ids.push_back(item.get());
    result = NewListOf(heap_, ids);
  }
  leading.clear();
  for (; next < expr.operands.size(); ++next) {
    const Expr& item = *expr.operands[next];
    if (item.kind != ExprKind::kStarred) {
      Ref value = Eval(item);
      if (!value || !AddToDisplay(result.get(), value.get())) return Ref();
      continue;
    }
    Ref value = Eval(*item.operands[0]);
    if (!value) return Ref();
    if (!is_set && !Iterable(value.get())) {
      Raise(PyError(PyExc::kTypeError, absl::StrCat("Value after * must be an iterable, not ",
                                                    TypeName(heap_, value.get()))));
      return Ref();
    }
    if (!ExtendDisplay(result.get(), value.get())) return Ref();
  }
  if (expr.kind != ExprKind::kTuple) return result;
  const std::vector<ObjectId> items = ListItems(heap_, result.get());
  return NewTupleOf(heap_, items);
}

Ref Interpreter::EvalPackedUnpackDisplay(const Expr& expr) {
  // Every item is starred (plain runs were packed into tuples by the
  // compiler): all are evaluated, then BUILD_LIST_UNPACK / BUILD_SET_UNPACK
  // / BUILD_TUPLE_UNPACK extends an empty result by each and lets go of
  // them, last first.
  std::vector<Ref> parts;
  for (const ExprPtr& item : expr.operands) {
    parts.push_back(Eval(*item->operands[0]));
    if (!parts.back()) return Ref();
  }
  Ref result = expr.kind == ExprKind::kSet ? NewSet(heap_, false) : NewList(heap_, 0);
  for (const Ref& part : parts) {
    if (!ExtendDisplay(result.get(), part.get())) return Ref();
  }
  if (expr.kind == ExprKind::kTuple) {
    const std::vector<ObjectId> items = ListItems(heap_, result.get());
    Ref tuple = NewTupleOf(heap_, items);
    result = std::move(tuple);
  }
  while (!parts.empty()) parts.pop_back();
  return result;
}

Ref Interpreter::EvalDict(const Expr& expr) {
  const size_t pairs = expr.operands.size() / 2;
  bool has_unpack = false;
  for (size_t i = 0; i < pairs; ++i) has_unpack |= expr.operands[2 * i] == nullptr;
  if (has_unpack) {
    Ref dict = NewDict(heap_);
    for (size_t i = 0; i < pairs; ++i) {
      if (expr.operands[2 * i] == nullptr) {
        Ref other = Eval(*expr.operands[2 * i + 1]);
        if (!other) return Ref();
        if (heap_.type_of(other.get()) == TypeTag::kMappingProxy) {
          Refuse("a mappingproxy unpacked with ** in a dict display (merged through its keys())");
          return Ref();
        }
        if (heap_.type_of(other.get()) != TypeTag::kDict) {
          Raise(PyError(PyExc::kTypeError, absl::StrCat("'", TypeName(heap_, other.get()),
                                                        "' object is not a mapping")));
          return Ref();
        }
        if (absl::Status s = DictMerge(heap_, dict.get(), other.get()); !s.ok()) {
          Raise(s);
          return Ref();
        }
        continue;
      }
      Ref key = Eval(*expr.operands[2 * i]);
      if (!key) return Ref();
      Ref value = Eval(*expr.operands[2 * i + 1]);
      if (!value) return Ref();
      if (absl::Status s = DictSetItem(heap_, dict.get(), key.get(), value.get()); !s.ok()) {
        Raise(s);
        return Ref();
      }
    }
    return dict;
  }
  // BUILD_MAP n: every key and value first, then a presized dict.
  std::vector<Ref> parts;
  for (const ExprPtr& part : expr.operands) {
    parts.push_back(Eval(*part));
    if (!parts.back()) return Ref();
  }
  Ref dict = NewDictPresized(heap_, pairs);
  for (size_t i = 0; i < pairs; ++i) {
    if (absl::Status s = DictSetItem(heap_, dict.get(), parts[2 * i].get(), parts[2 * i + 1].get());
        !s.ok()) {
      Raise(s);
      return Ref();
    }
  }
  return dict;
}

Ref Interpreter::EvalFString(const Expr& expr) {
  std::vector<Ref> parts;
  for (const ExprPtr& part : expr.operands) {
    parts.push_back(Eval(*part));
    if (!parts.back()) return Ref();
  }
  if (parts.size() == 1) return std::move(parts[0]);
  std::string text;
  for (const Ref& part : parts) text += StrText(heap_, part.get());
  Ref result = NewStr(heap_, text);
  // BUILD_STRING pops its parts from the top.
  while (!parts.empty()) parts.pop_back();
  return result;
}

}  // namespace heapsim::script
