#include "server/script/compiler.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/heap/bigint.h"
#include "server/heap/bytes_object.h"
#include "server/heap/float_object.h"
#include "server/heap/function_object.h"
#include "server/heap/int_object.h"
#include "server/heap/set_object.h"
#include "server/heap/str_kind.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/operators.h"
#include "server/script/parser.h"
#include "server/script/binary_op_site.h"
#include "server/script/specialised_compare.h"
#include "server/script/stack_depth.h"
#include "server/script/subset_check.h"

namespace heapsim::script {

namespace {

// CPython's AST optimiser refuses to fold results bigger than these.
constexpr uint64_t kMaxIntBits = 128;
constexpr uint64_t kMaxCollectionSize = 256;
constexpr uint64_t kMaxStrSize = 4096;

// Per-unit results of scope analysis.
struct UnitNames {
  bool inlined = false;                // a comprehension run in its host's frame
  std::vector<std::string> locals;     // in slot order (function-like units)
  absl::flat_hash_set<std::string> local_set;
  absl::flat_hash_set<std::string> cells;   // locals captured by inner units
  std::vector<std::string> frees;      // free variables, in order found
  absl::flat_hash_map<std::string, uint32_t> slots;  // name -> slot
};

class Compiler {
 public:
  Compiler(Heap& heap, ParseTree tree, std::string_view filename, uint32_t program_index)
      : heap_(heap), tree_(std::move(tree)), filename_(filename),
        program_index_(program_index), names_(tree_.units.size()) {}

  absl::StatusOr<std::shared_ptr<Program>> Run();

 private:
  bool IsFunctionLike(uint32_t unit) const {
    const UnitKind kind = tree_.units[unit].kind;
    return (kind == UnitKind::kFunction || kind == UnitKind::kLambda ||
            kind == UnitKind::kComprehension) && !names_[unit].inlined;
  }
  uint32_t Parent(uint32_t unit) const { return tree_.scopes[unit].parent; }
  // The unit whose frame runs `unit`'s code.
  uint32_t Host(uint32_t unit) const {
    while (names_[unit].inlined) unit = Parent(unit);
    return unit;
  }

  // --- Scope analysis (no heap changes).
  void DecideInlining();
  void CollectLocals();
  absl::Status ResolveFrees();
  // The implicit `__class__` of zero-argument super(): a function that uses
  // `super` or `__class__` gets it as a free variable (and so does every
  // function between it and the class), and the nearest enclosing class
  // body makes the cell, which the class statement fills with the class.
  void CaptureClassCell(uint32_t unit);
  // Finds `name` as a local of a function-like unit enclosing `unit` and
  // makes it a cell there and a free variable of every unit in between.
  bool Capture(uint32_t unit, const std::string& name);
  absl::Status AssignSlots();
  void FillNameRefs();
  absl::Status Error(Position at, std::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s:%d:%d: unsupported: %s", filename_, at.line, at.column, what));
  }

  // --- Constants and code objects.
  ObjectId InternName(const std::string& text);
  void MakeLiterals();
  Ref MakeLiteral(const Literal& literal);
  void FoldBlock(Block& block);
  void FoldStmt(Stmt& stmt);
  void Fold(ExprPtr& expr);
  // Folds what an assignment target holds; its own tuples and lists (which
  // unpack, not build) stay as they are.
  void FoldTarget(ExprPtr& target);
  // Profiles whose starred displays pack plain runs (3.8): `display`'s
  // plain items become starred tuples, *(a, b), folded when constant (sets
  // in a set display).
  void PackPlainRuns(Expr& display);
  void FoldIterable(ExprPtr& expr);
  // Replaces `expr` with a constant holding `value` (a new reference).
  void MakeConstant(ExprPtr& expr, Ref value);
  bool SafeToFold(BinaryOp op, ObjectId a, ObjectId b) const;
  // constant[index] for a str, bytes or tuple and an int; null when it
  // cannot be folded.
  Ref ConstantItem(ObjectId sequence, ObjectId index);
  void ChooseDisplays(Expr& expr);
  ObjectId Canonical(ObjectId value);
  std::string ConstantKey(ObjectId value) const;
  void MakeCodeObjects();
  // A code object's co_consts as they are collected: each constant once,
  // in order of first use.
  struct ConstantList {
    std::vector<ObjectId> items;
    absl::flat_hash_set<ObjectId> seen;
    void Add(ObjectId id) {
      if (seen.insert(id).second) items.push_back(id);
    }
  };
  void CollectUnitConstants(uint32_t unit, ConstantList* consts);
  void ConstantsOf(const Expr& expr, uint32_t unit, ConstantList* consts);
  void ConstantsOfBlock(const Block& block, uint32_t unit, ConstantList* consts);
  uint32_t StackDepth(uint32_t index, const CodeUnit& unit) const;
  // Program::compiled_gc_objects_bound, once the constants are made.
  uint64_t CompiledGcObjectsBound();
  // Refuses generator expressions whose frame heapsim cannot size exactly
  // where generator objects embed their frame (before the heap changes).
  absl::Status CheckGeneratorFrames() const;

  Heap& heap_;
  ParseTree tree_;
  std::string filename_;
  uint32_t program_index_;
  std::vector<UnitNames> names_;
  std::shared_ptr<Program> program_ = std::make_shared<Program>();
  absl::flat_hash_map<std::string, ObjectId> interned_names_;
  absl::flat_hash_map<std::string, ObjectId> constant_cache_;
  std::vector<Ref> compile_refs_;  // held while compiling
};

// Before 3.10 a def's annotations are a dict (BUILD_CONST_KEY_MAP) with
// the same name, value pairs as the tuple the parser made.
void AnnotationsAsDicts(Block& block) {
  for (StmtPtr& stmt : block) {
    if (stmt->kind == StmtKind::kFunctionDef && stmt->annotation) {
      stmt->annotation->kind = ExprKind::kDict;
    }
    AnnotationsAsDicts(stmt->body);
    AnnotationsAsDicts(stmt->orelse);
    AnnotationsAsDicts(stmt->finalbody);
    for (ExceptHandler& handler : stmt->handlers) AnnotationsAsDicts(handler.body);
  }
}

// Calls `visit` on every expression a block's statements hold directly
// (value, targets, assert message, annotation, decorators, defaults,
// keyword defaults, bases), in that order, statement by statement, nested
// blocks included.
template <typename Visit>
void ForEachStatementExpr(Block& block, const Visit& visit) {
  for (StmtPtr& stmt : block) {
    if (stmt->value) visit(*stmt->value);
    for (ExprPtr& target : stmt->targets) visit(*target);
    if (stmt->message) visit(*stmt->message);
    if (stmt->annotation) visit(*stmt->annotation);
    if (stmt->annotation_store) visit(*stmt->annotation_store);
    for (ExprPtr& d : stmt->decorators) visit(*d);
    for (ExprPtr& d : stmt->defaults) visit(*d);
    for (ExprPtr& d : stmt->kw_defaults) {
      if (d) visit(*d);
    }
    for (ExprPtr& b : stmt->bases) visit(*b);
    ForEachStatementExpr(stmt->body, visit);
    ForEachStatementExpr(stmt->orelse, visit);
    ForEachStatementExpr(stmt->finalbody, visit);
    for (ExceptHandler& handler : stmt->handlers) ForEachStatementExpr(handler.body, visit);
  }
}

// ------------------------------------------------------------ scope analysis

void Compiler::DecideInlining() {
  if (!heap_.profile().comprehensions_inlined) return;
  // Children before parents: a comprehension is inlined only when every
  // unit inside it is too (nothing can capture its variables).
  std::vector<bool> has_frame_child(tree_.units.size(), false);
  std::vector<uint32_t> order(tree_.units.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<int> depth(tree_.units.size(), 0);
  for (uint32_t i = 1; i < order.size(); ++i) {
    for (uint32_t u = i; u != 0 && u != kNoUnit; u = Parent(u)) ++depth[i];
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return depth[a] > depth[b]; });
  for (uint32_t u : order) {
    if (u == 0) continue;
    const CodeUnit& unit = tree_.units[u];
    const bool inline_it = unit.kind == UnitKind::kComprehension &&
                           unit.name != "<genexpr>" && !has_frame_child[u] &&
                           tree_.units[Parent(u)].kind != UnitKind::kClass;
    names_[u].inlined = inline_it;
    if (!inline_it || has_frame_child[u]) has_frame_child[Parent(u)] = true;
  }
}

void Compiler::CollectLocals() {
  for (uint32_t u = 0; u < tree_.units.size(); ++u) {
    const CodeUnit& unit = tree_.units[u];
    const UnitScope& scope = tree_.scopes[u];
    UnitNames& names = names_[u];
    if (unit.kind == UnitKind::kModule || unit.kind == UnitKind::kClass) continue;
    auto add = [&](const std::string& name) {
      if (scope.globals.contains(name) || scope.nonlocals.contains(name)) return;
      if (names.local_set.insert(name).second) names.locals.push_back(name);
    };
    for (const std::string& param : unit.slot_names) add(param);
    // Locals in the order the code first meets them.
    for (const NameRef* use : scope.uses) {
      if (scope.bound_set.contains(use->text)) add(use->text);
    }
    for (const std::string& name : scope.bound) add(name);
  }
}

bool Compiler::Capture(uint32_t unit, const std::string& name) {
  std::vector<uint32_t> between;
  for (uint32_t p = Parent(unit); p != kNoUnit; p = Parent(p)) {
    const UnitKind kind = tree_.units[p].kind;
    if (kind == UnitKind::kModule) return false;
    if (kind == UnitKind::kClass) continue;
    if (names_[p].inlined) {
      if (names_[p].local_set.contains(name)) return false;  // not inlined then
      continue;
    }
    if (tree_.scopes[p].globals.contains(name)) return false;
    if (names_[p].local_set.contains(name)) {
      names_[p].cells.insert(name);
      break;
    }
    const bool free_here = std::find(names_[p].frees.begin(), names_[p].frees.end(), name) !=
                           names_[p].frees.end();
    between.push_back(p);
    if (free_here || tree_.scopes[p].nonlocals.contains(name)) {
      // Already free (or declared nonlocal) there: resolved further out.
      if (free_here) break;
    }
    if (Parent(p) == kNoUnit) return false;
  }
  between.push_back(unit);
  for (uint32_t u : between) {
    std::vector<std::string>& frees = names_[u].frees;
    if (std::find(frees.begin(), frees.end(), name) == frees.end()) frees.push_back(name);
  }
  return true;
}

void Compiler::CaptureClassCell(uint32_t unit) {
  static const std::string kClassCell = "__class__";
  std::vector<uint32_t> between = {unit};
  uint32_t p = Parent(unit);
  for (; p != kNoUnit; p = Parent(p)) {
    const UnitKind kind = tree_.units[p].kind;
    if (kind == UnitKind::kModule) return;  // super() then finds no cell
    if (kind == UnitKind::kClass) break;
    if (!names_[p].inlined) between.push_back(p);
  }
  if (p == kNoUnit) return;
  names_[p].cells.insert(kClassCell);
  for (uint32_t u : between) {
    std::vector<std::string>& frees = names_[u].frees;
    if (std::find(frees.begin(), frees.end(), kClassCell) == frees.end()) {
      frees.push_back(kClassCell);
    }
  }
}

absl::Status Compiler::ResolveFrees() {
  for (uint32_t u = 0; u < tree_.units.size(); ++u) {
    for (const std::string& name : tree_.scopes[u].nonlocals) {
      if (!Capture(u, name)) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "%s:%d:%d: SyntaxError: no binding for nonlocal '%s' found", filename_, 1, 1, name));
      }
    }
  }
  for (uint32_t u = 0; u < tree_.units.size(); ++u) {
    for (const NameRef* use : tree_.scopes[u].uses) {
      uint32_t v = u;
      while (names_[v].inlined && !names_[v].local_set.contains(use->text)) v = Parent(v);
      if (!IsFunctionLike(v)) continue;
      const std::string& name = use->text;
      if (name == "super" || name == "__class__") {
        CaptureClassCell(v);
        if (name == "__class__") continue;
      }
      if (tree_.scopes[v].globals.contains(name) || names_[v].local_set.contains(name)) continue;
      Capture(v, name);
    }
  }
  return absl::OkStatus();
}

absl::Status Compiler::AssignSlots() {
  std::vector<uint32_t> module_hidden;
  for (uint32_t u = 0; u < tree_.units.size(); ++u) {
    CodeUnit& unit = tree_.units[u];
    UnitNames& names = names_[u];
    if (unit.kind == UnitKind::kClass && !names.cells.empty()) {
      // A class body's only slot: the __class__ cell.
      for (const std::string& cell : names.cells) {
        names.slots[cell] = static_cast<uint32_t>(unit.slot_names.size());
        unit.cell_slots.push_back(static_cast<uint32_t>(unit.slot_names.size()));
        unit.slot_names.push_back(cell);
      }
      continue;
    }
    if (!IsFunctionLike(u)) continue;
    unit.slot_names = names.locals;
    for (uint32_t slot = 0; slot < unit.slot_names.size(); ++slot) {
      names.slots[unit.slot_names[slot]] = slot;
      if (names.cells.contains(unit.slot_names[slot])) unit.cell_slots.push_back(slot);
    }
    for (const std::string& free : names.frees) {
      const auto slot = static_cast<uint32_t>(unit.slot_names.size());
      names.slots[free] = slot;
      unit.slot_names.push_back(free);
      unit.free_slots.push_back(slot);
    }
  }
  // Inlined comprehensions: their variables get hidden slots of the host.
  for (uint32_t u = 0; u < tree_.units.size(); ++u) {
    if (!names_[u].inlined) continue;
    const uint32_t host = Host(u);
    CodeUnit& host_unit = tree_.units[host];
    Expr* expr = tree_.scopes[u].comprehension;
    for (const std::string& name : names_[u].locals) {
      uint32_t slot;
      if (host == 0) {
        // Module level: one hidden slot per name.
        auto it = std::find(host_unit.slot_names.begin(), host_unit.slot_names.end(), name);
        slot = static_cast<uint32_t>(it - host_unit.slot_names.begin());
        if (it == host_unit.slot_names.end()) host_unit.slot_names.push_back(name);
      } else {
        slot = static_cast<uint32_t>(host_unit.slot_names.size());
        host_unit.slot_names.push_back(name);
      }
      names_[u].slots[name] = slot;
      expr->hidden_slots.push_back(slot);
    }
  }
  // Closures: where the defining frame keeps each free variable's cell.
  for (uint32_t u = 1; u < tree_.units.size(); ++u) {
    if (names_[u].inlined || names_[u].frees.empty()) continue;
    const uint32_t definer = Host(Parent(u));
    const bool class_cell_only =
        tree_.units[definer].kind == UnitKind::kClass && names_[u].frees.size() == 1 &&
        names_[definer].slots.contains(names_[u].frees[0]);
    if (!IsFunctionLike(definer) && !class_cell_only) {
      return Error(Position{1, 1}, "a closure defined in a class body");
    }
    for (const std::string& free : names_[u].frees) {
      tree_.units[u].closure_sources.push_back(names_[definer].slots.at(free));
    }
  }
  return absl::OkStatus();
}

void Compiler::FillNameRefs() {
  for (uint32_t u = 0; u < tree_.units.size(); ++u) {
    for (NameRef* use : tree_.scopes[u].uses) {
      const std::string& name = use->text;
      uint32_t v = u;
      while (names_[v].inlined && !names_[v].local_set.contains(name)) v = Parent(v);
      if (names_[v].inlined) {
        use->scope = Scope::kFast;
        use->slot = names_[v].slots.at(name);
        continue;
      }
      const UnitKind kind = tree_.units[v].kind;
      if (IsFunctionLike(v) && !tree_.scopes[v].globals.contains(name)) {
        auto it = names_[v].slots.find(name);
        if (it != names_[v].slots.end()) {
          const bool cell = names_[v].cells.contains(name) ||
                            std::find(names_[v].frees.begin(), names_[v].frees.end(), name) !=
                                names_[v].frees.end();
          use->scope = cell ? Scope::kCell : Scope::kFast;
          use->slot = it->second;
          continue;
        }
      }
      use->scope = kind == UnitKind::kClass && !tree_.scopes[v].globals.contains(name)
                       ? Scope::kName
                       : Scope::kGlobal;
      use->key = InternName(name);
      use->hash = Hash(heap_, use->key).value_or(0);
    }
  }
}

// ------------------------------------------------------------------ constants

ObjectId Compiler::InternName(const std::string& text) {
  auto it = interned_names_.find(text);
  if (it != interned_names_.end()) return it->second;
  Ref name = InternStr(heap_, text);
  const ObjectId id = name.get();
  program_->owned.push_back(name.release());
  interned_names_.emplace(text, id);
  return id;
}

Ref Compiler::MakeLiteral(const Literal& literal) {
  switch (literal.kind) {
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
  for (Expr* expr : tree_.literals) {
    Ref value = MakeLiteral(expr->literal);
    expr->constant = value.get();
    const LiteralKind kind = expr->literal.kind;
    if (kind == LiteralKind::kNoneValue || kind == LiteralKind::kTrue ||
        kind == LiteralKind::kFalse || kind == LiteralKind::kEllipsis) {
      compile_refs_.push_back(std::move(value));  // singletons: no parse-tree reference
    } else {
      program_->parse_tree_refs.push_back(value.release());
    }
  }
}

void Compiler::MakeConstant(ExprPtr& expr, Ref value) {
  auto constant = std::make_unique<Expr>();
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
  std::vector<ExprPtr> parts;
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
      run = std::make_unique<Expr>();
      run->kind = ExprKind::kStarred;
      run->position = item->position;
      auto packed = std::make_unique<Expr>();
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
  if (!expr || expr->kind != ExprKind::kList) return;
  for (const ExprPtr& item : expr->operands) {
    if (item->kind != ExprKind::kConstant) return;
  }
  std::vector<ObjectId> items;
  for (const ExprPtr& item : expr->operands) items.push_back(item->constant);
  MakeConstant(expr, NewTupleOf(heap_, items));
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
    Ref constant;
    if (expr.kind == ExprKind::kSet) {
      constant = NewSet(heap_, true);
      for (const ExprPtr& item : expr.operands) {
        SetAdd(heap_, constant.get(), item->constant).IgnoreError();
      }
    } else {
      std::vector<ObjectId> items;
      for (const ExprPtr& item : expr.operands) items.push_back(item->constant);
      constant = NewTupleOf(heap_, items);
    }
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
  const CodeUnit& unit = tree_.units[u];
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
  consts->Add(heap_.none());
}

// co_stacksize: exact for generator functions and for generator
// expressions where their objects embed the frame (3.11+, see
// stack_depth.h); elsewhere a rough one, which only sizes the heap frame
// objects of 3.8 to 3.10.
uint32_t Compiler::StackDepth(uint32_t index, const CodeUnit& unit) const {
  if (unit.generator) {
    return GeneratorFunctionStackSize(unit, tree_.units, heap_.profile()).value_or(0);
  }
  if (unit.name == "<genexpr>" && heap_.profile().generator_embeds_frame) {
    return ComprehensionStackSize(*tree_.scopes[index].comprehension, tree_.units,
                                  heap_.profile())
        .value_or(0);
  }
  const std::optional<uint32_t> exact =
      unit.kind == UnitKind::kComprehension
          ? ComprehensionStackSize(*tree_.scopes[index].comprehension, tree_.units,
                                   heap_.profile())
          : unit.kind == UnitKind::kFunction || unit.kind == UnitKind::kLambda
                ? FunctionStackSize(unit, tree_.units, heap_.profile())
                : std::nullopt;
  if (exact) return *exact;
  // What heapsim does not compute exactly: an estimate.
  std::function<uint32_t(const Expr&)> depth = [&](const Expr& e) -> uint32_t {
    uint32_t deepest = 1;
    uint32_t index = 0;
    for (const ExprPtr& operand : e.operands) {
      if (operand) deepest = std::max(deepest, index++ + depth(*operand));
    }
    for (const Keyword& keyword : e.keywords) {
      deepest = std::max(deepest, index++ + depth(*keyword.value));
    }
    return deepest + (e.kind == ExprKind::kCall ? 1 : 0);
  };
  std::function<uint32_t(const Block&)> block = [&](const Block& b) -> uint32_t {
    uint32_t deepest = 0;
    for (const StmtPtr& s : b) {
      uint32_t d = s->value ? depth(*s->value) : 0;
      for (const ExprPtr& t : s->targets) d = std::max(d, depth(*t) + 1);
      const uint32_t extra = s->kind == StmtKind::kFor    ? 1
                             : s->kind == StmtKind::kWith ? 2
                             : s->kind == StmtKind::kTry  ? 6
                                                          : 0;
      d = std::max(d, extra + std::max(block(s->body), block(s->orelse)));
      for (const ExceptHandler& h : s->handlers) d = std::max(d, extra + block(h.body));
      d = std::max(d, block(s->finalbody));
      deepest = std::max(deepest, d);
    }
    return deepest;
  };
  if (unit.kind == UnitKind::kComprehension) return 4;
  if (unit.expression) return depth(*unit.expression);
  return std::max<uint32_t>(1, block(unit.body));
}

absl::Status Compiler::CheckGeneratorFrames() const {
  for (const CodeUnit& unit : tree_.units) {
    if (unit.generator && !GeneratorFunctionStackSize(unit, tree_.units, heap_.profile())) {
      return Error(unit.body.empty() ? Position{1, 1} : unit.body.front()->position,
                   "a generator function whose frame size heapsim does not compute");
    }
  }
  if (!heap_.profile().generator_embeds_frame) return absl::OkStatus();
  for (uint32_t u = 0; u < tree_.units.size(); ++u) {
    const Expr* genexpr = tree_.scopes[u].comprehension;
    if (tree_.units[u].name != "<genexpr>" || genexpr == nullptr) continue;
    if (!ComprehensionStackSize(*genexpr, tree_.units, heap_.profile())) {
      return Error(genexpr->position,
                   "a generator expression whose frame size heapsim does not compute");
    }
  }
  return absl::OkStatus();
}

void Compiler::MakeCodeObjects() {
  // The code objects of the units nested in each unit (its functions,
  // lambdas, classes and comprehensions not inlined, in source order), which
  // its co_consts holds as CPython's do: a function's code lives as long as
  // the code that makes the function, not only as long as the program.
  std::vector<std::vector<ObjectId>> nested(tree_.units.size());
  for (uint32_t i = static_cast<uint32_t>(tree_.units.size()); i-- > 0;) {
    if (names_[i].inlined) continue;
    CodeUnit& unit = tree_.units[i];
    ConstantList consts;
    CollectUnitConstants(i, &consts);
    for (auto code = nested[i].rbegin(); code != nested[i].rend(); ++code) consts.Add(*code);
    Ref consts_tuple = NewTupleOf(heap_, consts.items);
    Ref name = InternStr(heap_, unit.name);
    unit.stack_size = StackDepth(i, unit);
    // A comprehension's code has its iterator argument `.0` as a local too.
    const auto locals = static_cast<uint32_t>(
        unit.slot_names.size() + (unit.kind == UnitKind::kComprehension ? 1 : 0));
    Ref code = NewCode(heap_, program_index_, i, std::move(consts_tuple), std::move(name),
                       unit.stack_size, locals);
    unit.code_object = code.get();
    uint32_t owner = Parent(i);
    while (owner != kNoUnit && names_[owner].inlined) owner = Parent(owner);
    if (owner != kNoUnit) nested[owner].push_back(code.get());
    program_->owned.push_back(code.release());
  }
}

absl::StatusOr<std::shared_ptr<Program>> Compiler::Run() {
  DecideInlining();
  CollectLocals();
  if (absl::Status s = ResolveFrees(); !s.ok()) return s;
  if (absl::Status s = AssignSlots(); !s.ok()) return s;
  if (absl::Status s = CheckGeneratorFrames(); !s.ok()) return s;
  if (heap_.profile().compare_specialises_in_tests) {
    for (CodeUnit& unit : tree_.units) MarkJumpTests(unit);
  }
  // From here on the heap changes; nothing below fails.
  FillNameRefs();
  if (heap_.profile().adaptive_rules.warmup != AdaptiveRules::Warmup::kNone) {
    for (CodeUnit& unit : tree_.units) MarkDuplicatedSites(unit.body);
  }
  MakeLiterals();
  if (!heap_.profile().annotations_as_tuple) {
    for (CodeUnit& unit : tree_.units) AnnotationsAsDicts(unit.body);
  }
  for (CodeUnit& unit : tree_.units) {
    FoldBlock(unit.body);
    if (unit.kind != UnitKind::kLambda) Fold(unit.expression);
  }
  for (CodeUnit& unit : tree_.units) {
    ForEachStatementExpr(unit.body, [&](Expr& e) { ChooseDisplays(e); });
    if (unit.expression) ChooseDisplays(*unit.expression);
  }
  // Every constant expression now refers to its canonical object, and
  // keyword argument names are interned like other names.
  std::function<void(Expr&)> canon = [&](Expr& e) {
    if (e.constant != kNoObject) e.constant = Canonical(e.constant);
    for (Keyword& k : e.keywords) {
      if (!k.name.empty()) k.key = InternName(k.name);
    }
    for (ExprPtr& operand : e.operands) {
      if (operand) canon(*operand);
    }
    for (Keyword& k : e.keywords) canon(*k.value);
    for (ComprehensionClause& c : e.clauses) {
      canon(*c.target);
      canon(*c.iterable);
      for (ExprPtr& cond : c.conditions) canon(*cond);
    }
  };
  for (CodeUnit& unit : tree_.units) {
    if (unit.docstring) canon(*unit.docstring);
    ForEachStatementExpr(unit.body, canon);
    if (unit.expression) canon(*unit.expression);
  }
  MakeCodeObjects();
  compile_refs_.clear();
  program_->compiled_gc_objects_bound = CompiledGcObjectsBound();
  program_->filename = filename_;
  program_->shown_filename = filename_;
  for (const NameRef* use : tree_.scopes[0].uses) {
    if (use->text == "super") program_->module_names_super = true;
  }
  program_->units = std::move(tree_.units);
  return program_;
}

uint64_t Compiler::CompiledGcObjectsBound() {
  // Measured on every profile (GC objects per construct, compiled): a
  // function, lambda or class body 3 to 7, a comprehension 3 to 4, a tuple
  // constant 5, a float 2, a dict display with constant keys 9, a call with
  // keywords 1.5; ints and strs none.
  constexpr uint64_t kPerCodeUnit = 8;
  constexpr uint64_t kPerComprehension = 5;
  constexpr uint64_t kPerContainerConstant = 6;
  constexpr uint64_t kPerFloatConstant = 3;
  constexpr uint64_t kPerDictDisplay = 10;
  constexpr uint64_t kPerKeywordCall = 3;
  uint64_t bound = 0;
  for (const CodeUnit& unit : tree_.units) {
    bound += unit.kind == UnitKind::kComprehension ? kPerComprehension : kPerCodeUnit;
  }
  for (ObjectId constant : program_->parse_tree_refs) {
    switch (heap_.type_of(constant)) {
      case TypeTag::kTuple:
      case TypeTag::kFrozenSet:
        bound += kPerContainerConstant;
        break;
      case TypeTag::kFloat:
      case TypeTag::kComplex:
        bound += kPerFloatConstant;
        break;
      default:
        break;
    }
  }
  std::function<void(const Expr&)> weigh = [&](const Expr& e) {
    if (e.kind == ExprKind::kDict) bound += kPerDictDisplay;
    if (!e.keywords.empty()) bound += kPerKeywordCall;
    for (const ExprPtr& operand : e.operands) {
      if (operand) weigh(*operand);
    }
    for (const Keyword& k : e.keywords) weigh(*k.value);
    for (const ComprehensionClause& c : e.clauses) {
      weigh(*c.target);
      weigh(*c.iterable);
      for (const ExprPtr& cond : c.conditions) weigh(*cond);
    }
  };
  for (CodeUnit& unit : tree_.units) {
    ForEachStatementExpr(unit.body, weigh);
    if (unit.expression) weigh(*unit.expression);
  }
  return bound;
}

}  // namespace

absl::StatusOr<std::shared_ptr<Program>> Compile(Heap& heap, std::string_view source,
                                                 std::string_view filename, CompileMode mode,
                                                 uint32_t program_index) {
  absl::StatusOr<ParseTree> tree =
      Parse(source, filename, mode, heap.profile().source_limits);
  if (!tree.ok()) return tree.status();
  if (absl::Status subset = CheckSubset(*tree, filename); !subset.ok()) return subset;
  return Compiler(heap, *std::move(tree), filename, program_index).Run();
}

}  // namespace heapsim::script
