// The compiler (compiler_impl.h): literals, interned names, constant
// folding as CPython's AST optimiser does it, and each unit's co_consts.

#include "server/script/compiler_impl.h"

namespace heapsim::script::compiler_internal {

namespace {

// CPython's AST optimiser refuses to fold results bigger than these.
constexpr uint64_t kMaxIntBits = 128;
constexpr uint64_t kMaxCollectionSize = 256;
constexpr uint64_t kMaxStrSize = 4096;

}  // namespace

ObjectId Compiler::InternName(const std::string& text) {
  auto it = interned_names_.find(text);
  if (it != interned_names_.end()) return it->second;
  Ref name = InternStr(heap_, text);
  const ObjectId id = name.get();
  program_->owned.push_back(name.release());
  interned_names_.emplace(text, id);
  return id;
}

Ref Compiler::MakeLiteral(LiteralKind kind, const ParsedLiteral& literal) {
  switch (kind) {
    case LiteralKind::kInt: {
      std::optional<BigInt> value = BigInt::FromDigits(literal.text, literal.base);
      if (!value) value = BigInt(0);
      if (std::optional<int64_t> small = value->ToInt64(); small && value->digit_count() <= 2) {
        return NewInt(heap_, *small);
      }
      // PyLong_FromString sizes the object from the number of digits.
      uint32_t digits = static_cast<uint32_t>(value->digit_count());
      if (literal.base == 10) {
        digits = static_cast<uint32_t>(static_cast<double>(literal.text.size()) *
                                       0.11073093649624542) + 1;
      }
      return NewInt(heap_, *value, IntRequest::Digits(std::max<uint32_t>(
                                       digits, static_cast<uint32_t>(value->digit_count()))));
    }
    case LiteralKind::kFloat:
      return NewFloat(heap_, std::strtod(literal.text.c_str(), nullptr));
    case LiteralKind::kImaginary:
      return NewComplex(heap_, 0.0, std::strtod(literal.text.c_str(), nullptr));
    case LiteralKind::kStr:
      return NewStr(heap_, literal.text);
    case LiteralKind::kBytes:
      return NewBytes(heap_, literal.text);
    case LiteralKind::kNoneValue:
      return heap_.NewRef(heap_.none());
    case LiteralKind::kEllipsis:
      return heap_.NewRef(heap_.ellipsis());
    case LiteralKind::kTrue:
      return heap_.NewRef(heap_.bool_object(true));
    case LiteralKind::kFalse:
      return heap_.NewRef(heap_.bool_object(false));
    case LiteralKind::kNone:
      break;
  }
  return heap_.NewRef(heap_.none());
}

void Compiler::MakeLiterals() {
  for (const ParsedLiteral& literal : tree_.literals) {
    Expr* expr = literal.expr;
    Ref value = MakeLiteral(expr->literal, literal);
    expr->constant = value.get();
    const LiteralKind kind = expr->literal;
    if (kind == LiteralKind::kNoneValue || kind == LiteralKind::kTrue ||
        kind == LiteralKind::kFalse || kind == LiteralKind::kEllipsis) {
      compile_refs_.push_back(std::move(value));  // singletons: no parse-tree reference
    } else {
      program_->parse_tree_refs.push_back(value.release());
    }
  }
}

void Compiler::MakeConstant(ExprPtr& expr, Ref value) {
  auto constant = tree_.arena->New<Expr>();
  constant->kind = ExprKind::kConstant;
  constant->position = expr->position;
  constant->constant = value.get();
  program_->parse_tree_refs.push_back(value.release());
  expr = std::move(constant);
}

bool Compiler::SafeToFold(BinaryOp op, ObjectId a, ObjectId b) const {
  const TypeTag ta = heap_.type_of(a);
  const TypeTag tb = heap_.type_of(b);
  auto is_int = [&](TypeTag t) { return t == TypeTag::kInt || t == TypeTag::kBool; };
  auto sized = [&](ObjectId id, TypeTag t) -> std::optional<uint64_t> {
    if (t == TypeTag::kStr || t == TypeTag::kBytes || t == TypeTag::kTuple) {
      return static_cast<uint64_t>(Length(heap_, id));
    }
    return std::nullopt;
  };
  switch (op) {
    case BinaryOp::kMul: {
      if (is_int(ta) && is_int(tb)) {
        const BigInt x = IntAsBig(heap_, a);
        const BigInt y = IntAsBig(heap_, b);
        return x.is_zero() || y.is_zero() || x.BitLength() + y.BitLength() <= kMaxIntBits;
      }
      ObjectId seq = a, count = b;
      TypeTag ts = ta;
      if (is_int(ta)) {
        seq = b;
        count = a;
        ts = tb;
      }
      const std::optional<uint64_t> length = sized(seq, ts);
      if (!length || !is_int(heap_.type_of(count))) return true;
      const std::optional<int64_t> n = IntAsInt64(heap_, count);
      if (!n) return false;
      if (*n <= 0 || *length == 0) return true;
      const uint64_t limit = ts == TypeTag::kTuple ? kMaxCollectionSize : kMaxStrSize;
      return *length <= limit / static_cast<uint64_t>(*n);
    }
    case BinaryOp::kPow:
      if (is_int(ta) && is_int(tb)) {
        const BigInt x = IntAsBig(heap_, a);
        const std::optional<int64_t> y = IntAsInt64(heap_, b);
        if (!y) return false;
        return x.is_zero() || *y <= 0 ||
               x.BitLength() <= kMaxIntBits / static_cast<uint64_t>(*y);
      }
      return true;
    case BinaryOp::kLShift:
      if (is_int(ta) && is_int(tb)) {
        const BigInt x = IntAsBig(heap_, a);
        const std::optional<int64_t> y = IntAsInt64(heap_, b);
        if (!y || *y < 0 || static_cast<uint64_t>(*y) > kMaxIntBits) return false;
        return x.is_zero() || x.BitLength() <= kMaxIntBits - static_cast<uint64_t>(*y);
      }
      return true;
    case BinaryOp::kMod:
      return ta != TypeTag::kStr && ta != TypeTag::kBytes;
    case BinaryOp::kAdd: {
      const std::optional<uint64_t> la = sized(a, ta);
      const std::optional<uint64_t> lb = sized(b, tb);
      if (la && lb) {
        const uint64_t limit = ta == TypeTag::kTuple ? kMaxCollectionSize : kMaxStrSize;
        return *la + *lb <= limit;
      }
      return true;
    }
    default:
      return true;
  }
}

Ref Compiler::ConstantItem(ObjectId sequence, ObjectId index) {
  const TypeTag type = heap_.type_of(sequence);
  if (heap_.type_of(index) != TypeTag::kInt) return Ref();
  const std::optional<int64_t> position = IntAsInt64(heap_, index);
  if (!position) return Ref();
  auto normalise = [&](int64_t length) -> std::optional<int64_t> {
    const int64_t i = *position < 0 ? *position + length : *position;
    if (i < 0 || i >= length) return std::nullopt;
    return i;
  };
  if (type == TypeTag::kTuple) {
    const std::vector<ObjectId>& items = TupleItems(heap_, sequence);
    const std::optional<int64_t> i = normalise(static_cast<int64_t>(items.size()));
    return i ? heap_.NewRef(items[*i]) : Ref();
  }
  if (type == TypeTag::kBytes) {
    const std::string& data = BytesData(heap_, sequence);
    const std::optional<int64_t> i = normalise(static_cast<int64_t>(data.size()));
    return i ? NewInt(heap_, static_cast<uint8_t>(data[*i])) : Ref();
  }
  if (type == TypeTag::kStr) {
    const std::u32string chars = DecodeUtf8(StrText(heap_, sequence));
    const std::optional<int64_t> i = normalise(static_cast<int64_t>(chars.size()));
    if (!i) return Ref();
    return NewStr(heap_, EncodeUtf8(std::u32string(1, chars[*i])));
  }
  return Ref();
}

void Compiler::PackPlainRuns(Expr& display) {
  ExprList parts;
  ExprPtr run;
  for (ExprPtr& item : display.operands) {
    if (item->kind == ExprKind::kStarred) {
      if (run) parts.push_back(std::move(run));
      parts.push_back(std::move(item));
      continue;
    }
    if (!run) {
      // *(items,): the run as a tuple display, folded to a constant when
      // its items are constants (as CPython 3.8's peephole optimiser
      // does); in a set display, *{items} (BUILD_SET).
      run = tree_.arena->New<Expr>();
      run->kind = ExprKind::kStarred;
      run->position = item->position;
      auto packed = tree_.arena->New<Expr>();
      packed->kind = display.kind == ExprKind::kSet ? ExprKind::kSet : ExprKind::kTuple;
      packed->position = item->position;
      run->operands.push_back(std::move(packed));
    }
    run->operands[0]->operands.push_back(std::move(item));
  }
  if (run) parts.push_back(std::move(run));
  for (ExprPtr& part : parts) {
    if (part->operands[0]->kind == ExprKind::kTuple) Fold(part->operands[0]);
  }
  display.operands = std::move(parts);
}

void Compiler::Fold(ExprPtr& expr) {
  if (!expr) return;
  for (ExprPtr& operand : expr->operands) Fold(operand);
  if ((expr->kind == ExprKind::kList || expr->kind == ExprKind::kSet ||
       expr->kind == ExprKind::kTuple) &&
      heap_.profile().starred_display_packs_runs &&
      std::any_of(expr->operands.begin(), expr->operands.end(),
                  [](const ExprPtr& item) { return item->kind == ExprKind::kStarred; })) {
    PackPlainRuns(*expr);
  }
  for (Keyword& keyword : expr->keywords) Fold(keyword.value);
  for (ComprehensionClause& clause : expr->clauses) {
    FoldTarget(clause.target);
    Fold(clause.iterable);
    FoldIterable(clause.iterable);
    for (ExprPtr& condition : clause.conditions) Fold(condition);
  }
  if (expr->kind == ExprKind::kLambda) Fold(tree_.units[expr->unit].expression);
  auto constant = [](const ExprPtr& e) { return e && e->kind == ExprKind::kConstant; };
  switch (expr->kind) {
    case ExprKind::kUnary: {
      if (!constant(expr->operands[0]) || expr->unary_op == UnaryOp::kNot) break;
      const TypeTag type = heap_.type_of(expr->operands[0]->constant);
      if (type != TypeTag::kInt && type != TypeTag::kFloat && type != TypeTag::kComplex &&
          type != TypeTag::kBool) {
        break;
      }
      absl::StatusOr<Ref> result = Unary(heap_, expr->unary_op, expr->operands[0]->constant);
      if (result.ok()) MakeConstant(expr, *std::move(result));
      break;
    }
    case ExprKind::kBinary: {
      if (!constant(expr->operands[0]) || !constant(expr->operands[1])) break;
      const ObjectId a = expr->operands[0]->constant;
      const ObjectId b = expr->operands[1]->constant;
      if (!SafeToFold(expr->binary_op, a, b)) break;
      absl::StatusOr<Ref> result = Binary(heap_, expr->binary_op, a, b, false);
      if (result.ok()) MakeConstant(expr, *std::move(result));
      break;
    }
    case ExprKind::kTuple: {
      if (!std::all_of(expr->operands.begin(), expr->operands.end(), constant)) break;
      std::vector<ObjectId> items;
      for (const ExprPtr& item : expr->operands) items.push_back(item->constant);
      Ref tuple = NewTupleOf(heap_, items);
      MakeConstant(expr, std::move(tuple));
      break;
    }
    case ExprKind::kSubscript:
      if (constant(expr->operands[0]) && constant(expr->operands[1])) {
        Ref item = ConstantItem(expr->operands[0]->constant, expr->operands[1]->constant);
        if (item) MakeConstant(expr, std::move(item));
      }
      break;
    case ExprKind::kCompare:
      if (expr->compare_ops.size() == 1 && (expr->compare_ops[0] == CompareOp::kIn ||
                                            expr->compare_ops[0] == CompareOp::kNotIn)) {
        FoldIterable(expr->operands[1]);
      }
      break;
    default:
      break;
  }
}

void Compiler::FoldTarget(ExprPtr& target) {
  if (target->kind != ExprKind::kTuple && target->kind != ExprKind::kList) {
    Fold(target);
    return;
  }
  for (ExprPtr& item : target->operands) {
    FoldTarget(item->kind == ExprKind::kStarred ? item->operands[0] : item);
  }
}

void Compiler::FoldIterable(ExprPtr& expr) {
  if (!expr || (expr->kind != ExprKind::kList && expr->kind != ExprKind::kSet)) return;
  for (const ExprPtr& item : expr->operands) {
    if (item->kind != ExprKind::kConstant) return;
  }
  MakeConstant(expr, ConstantOfItems(*expr));
}

Ref Compiler::ConstantOfItems(const Expr& display) {
  std::vector<ObjectId> items;
  for (const ExprPtr& item : display.operands) items.push_back(item->constant);
  if (display.kind != ExprKind::kSet) return NewTupleOf(heap_, items);
  Ref in_source_order = NewSet(heap_, true);
  for (ObjectId item : items) SetAdd(heap_, in_source_order.get(), item).IgnoreError();
  Ref merged = NewSet(heap_, true);
  for (ObjectId item : SetKeys(heap_, in_source_order.get())) {
    SetAdd(heap_, merged.get(), item).IgnoreError();
  }
  program_->parse_tree_refs.push_back(in_source_order.release());
  return merged;
}

void Compiler::FoldBlock(Block& block) {
  for (StmtPtr& stmt : block) FoldStmt(*stmt);
}

void Compiler::FoldStmt(Stmt& stmt) {
  for (ExprPtr& target : stmt.targets) FoldTarget(target);
  Fold(stmt.value);
  Fold(stmt.message);
  for (ExprPtr& d : stmt.decorators) Fold(d);
  if (stmt.kind == StmtKind::kFor) FoldIterable(stmt.value);
  for (ExprPtr& d : stmt.defaults) Fold(d);
  for (ExprPtr& d : stmt.kw_defaults) Fold(d);
  for (ExprPtr& b : stmt.bases) Fold(b);
  FoldBlock(stmt.body);
  FoldBlock(stmt.orelse);
  FoldBlock(stmt.finalbody);
  for (ExceptHandler& handler : stmt.handlers) FoldBlock(handler.body);
}

// Chooses how list and set displays are built, as the profile's compiler
// does, after folding (so "all constant" is known).
void Compiler::ChooseDisplays(Expr& expr) {
  for (ExprPtr& operand : expr.operands) {
    if (operand) ChooseDisplays(*operand);
  }
  for (Keyword& keyword : expr.keywords) ChooseDisplays(*keyword.value);
  for (ComprehensionClause& clause : expr.clauses) {
    ChooseDisplays(*clause.target);
    ChooseDisplays(*clause.iterable);
    for (ExprPtr& condition : clause.conditions) ChooseDisplays(*condition);
  }
  if (expr.kind != ExprKind::kList && expr.kind != ExprKind::kSet &&
      expr.kind != ExprKind::kTuple) {
    return;
  }
  const Profile& profile = heap_.profile();
  const size_t n = expr.operands.size();
  bool starred = false;
  bool all_constant = true;
  for (const ExprPtr& item : expr.operands) {
    starred |= item->kind == ExprKind::kStarred;
    all_constant &= item->kind == ExprKind::kConstant;
  }
  if (expr.fixed_display) {
    expr.display = DisplayBuild::kExact;
  } else if (starred) {
    expr.display = DisplayBuild::kUnpack;
  } else if (expr.kind != ExprKind::kTuple && profile.constant_display_extends && n > 2 &&
             all_constant) {
    // The items as one constant: a tuple for lists, a frozenset for sets.
    Ref constant = ConstantOfItems(expr);
    expr.constant = constant.get();
    program_->parse_tree_refs.push_back(constant.release());
  } else if (profile.display_append_threshold > 0 && n > profile.display_append_threshold) {
    expr.display = DisplayBuild::kAppend;
  } else {
    expr.display = DisplayBuild::kExact;
  }
  if (expr.constant != kNoObject && expr.display == DisplayBuild::kExact &&
      !starred && all_constant && expr.kind != ExprKind::kTuple) {
    expr.display = DisplayBuild::kExtendConstant;
  }
}

std::string Compiler::ConstantKey(ObjectId value) const {
  const TypeTag type = heap_.type_of(value);
  if (type == TypeTag::kTuple) {
    std::string key = "tuple(";
    for (ObjectId item : TupleItems(heap_, value)) absl::StrAppend(&key, ConstantKey(item), ",");
    return key + ")";
  }
  return absl::StrCat(static_cast<int>(type), ":", Repr(heap_, value));
}

ObjectId Compiler::Canonical(ObjectId value) {
  const TypeTag type = heap_.type_of(value);
  if (type == TypeTag::kNone || type == TypeTag::kBool) return value;
  const std::string key = ConstantKey(value);
  auto it = constant_cache_.find(key);
  if (it != constant_cache_.end()) return it->second;
  ObjectId canonical = value;
  if (type == TypeTag::kStr && IsInternableConstant(StrText(heap_, value))) {
    const ObjectId interned = heap_.FindInterned(StrText(heap_, value));
    if (interned != kNoObject) {
      canonical = interned;
    } else {
      heap_.Intern(value);
    }
  } else if (type == TypeTag::kTuple) {
    // Items are made canonical too (folding built the tuple from the
    // literals' own objects), as CPython interns the strs of constant
    // tuples; a tuple of atoms is not tracked by the GC.
    for (size_t i = 0; i < TupleItems(heap_, value).size(); ++i) {
      const ObjectId item = TupleItems(heap_, value)[i];
      const ObjectId canonical_item = Canonical(item);
      if (canonical_item == item) continue;
      heap_.IncRef(canonical_item);
      heap_.tuple(value).items[i] = canonical_item;
      heap_.DecRef(item);
    }
    bool atomic = true;
    for (ObjectId item : TupleItems(heap_, value)) {
      const TypeTag t = heap_.type_of(item);
      atomic &= t != TypeTag::kTuple || !heap_.IsTracked(item);
    }
    if (atomic && heap_.IsTracked(value)) heap_.Untrack(value);
  }
  compile_refs_.push_back(heap_.NewRef(canonical));
  constant_cache_.emplace(key, canonical);
  return canonical;
}

void Compiler::ConstantsOf(const Expr& expr, uint32_t unit, ConstantList* consts) {
  if (expr.kind == ExprKind::kConstant) {
    consts->Add(expr.constant);
    return;
  }
  if (expr.constant != kNoObject) consts->Add(expr.constant);  // extend-constant displays
  if (expr.kind == ExprKind::kComprehension) {
    const uint32_t inner = expr.unit;
    ConstantsOf(*expr.clauses[0].iterable, unit, consts);
    const uint32_t target_unit = names_[inner].inlined ? unit : inner;
    ConstantList scratch;
    ConstantList* into = target_unit == unit ? consts : &scratch;
    for (size_t i = 0; i < expr.clauses.size(); ++i) {
      ConstantsOf(*expr.clauses[i].target, target_unit, into);
      if (i > 0) ConstantsOf(*expr.clauses[i].iterable, target_unit, into);
      for (const ExprPtr& c : expr.clauses[i].conditions) ConstantsOf(*c, target_unit, into);
    }
    for (const ExprPtr& operand : expr.operands) ConstantsOf(*operand, target_unit, into);
    return;
  }
  if (expr.kind == ExprKind::kLambda) {
    for (const ExprPtr& d : expr.operands) ConstantsOf(*d, unit, consts);
    return;
  }
  for (const ExprPtr& operand : expr.operands) {
    if (operand) ConstantsOf(*operand, unit, consts);
  }
  for (const Keyword& keyword : expr.keywords) ConstantsOf(*keyword.value, unit, consts);
}

void Compiler::ConstantsOfBlock(const Block& block, uint32_t unit, ConstantList* consts) {
  for (const StmtPtr& stmt : block) {
    if (stmt->value) ConstantsOf(*stmt->value, unit, consts);
    for (const ExprPtr& target : stmt->targets) ConstantsOf(*target, unit, consts);
    if (stmt->message) ConstantsOf(*stmt->message, unit, consts);
    for (const ExprPtr& d : stmt->decorators) ConstantsOf(*d, unit, consts);
    const bool folded_defaults =
        heap_.profile().defaults_folded_to_constant && !stmt->defaults.empty() &&
        std::all_of(stmt->defaults.begin(), stmt->defaults.end(),
                    [](const ExprPtr& d) { return d->kind == ExprKind::kConstant; });
    if (!folded_defaults) {
      for (const ExprPtr& d : stmt->defaults) ConstantsOf(*d, unit, consts);
    }
    for (const ExprPtr& d : stmt->kw_defaults) {
      if (d) ConstantsOf(*d, unit, consts);
    }
    for (const ExprPtr& b : stmt->bases) ConstantsOf(*b, unit, consts);
    ConstantsOfBlock(stmt->body, unit, consts);
    ConstantsOfBlock(stmt->orelse, unit, consts);
    ConstantsOfBlock(stmt->finalbody, unit, consts);
    for (const ExceptHandler& handler : stmt->handlers) {
      ConstantsOfBlock(handler.body, unit, consts);
    }
  }
}

void Compiler::CollectUnitConstants(uint32_t u, ConstantList* consts) {
  CodeUnit& unit = tree_.units[u];
  const bool static_attributes =
      unit.kind == UnitKind::kClass && heap_.profile().class_namespace.static_attributes;
  if (static_attributes) {
    // The class body's __firstlineno__, loaded as a constant.
    Ref line = NewInt(heap_, unit.first_line);
    unit.first_line_object = line.get();
    consts->Add(line.get());
    compile_refs_.push_back(std::move(line));
  }
  if (unit.docstring) consts->Add(unit.docstring->constant);
  if (unit.kind == UnitKind::kComprehension) {
    const Expr& expr = *tree_.scopes[u].comprehension;
    for (size_t i = 0; i < expr.clauses.size(); ++i) {
      ConstantsOf(*expr.clauses[i].target, u, consts);
      if (i > 0) ConstantsOf(*expr.clauses[i].iterable, u, consts);
      for (const ExprPtr& c : expr.clauses[i].conditions) ConstantsOf(*c, u, consts);
    }
    for (const ExprPtr& operand : expr.operands) ConstantsOf(*operand, u, consts);
    return;
  }
  if (unit.expression) ConstantsOf(*unit.expression, u, consts);
  ConstantsOfBlock(unit.body, u, consts);
  if (static_attributes) {
    // The tuple of __static_attributes__, made as the body's compilation
    // ends: its names sorted, each once.
    std::vector<std::string> names = unit.static_attributes;
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::vector<ObjectId> items;
    for (const std::string& name : names) items.push_back(InternName(name));
    Ref tuple = NewTupleOf(heap_, items);
    unit.static_attributes_object = tuple.get();
    consts->Add(tuple.get());
    compile_refs_.push_back(std::move(tuple));
  }
  consts->Add(heap_.none());
}

}  // namespace heapsim::script::compiler_internal
