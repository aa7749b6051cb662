#include "server/script/code_size.h"

#include <algorithm>

#include "server/script/bytecode_optimiser.h"

namespace heapsim::script {

namespace {

// The instructions a code unit compiles to, before optimisation.
class Writer {
 public:
  Writer(const std::vector<CodeUnit>& units, const Profile& profile)
      : units_(units), rules_(profile.bytecode) {}

  std::vector<Instr>& code() { return code_; }
  bool ok() const { return ok_; }
  bool Fail() { return ok_ = false; }
  void SetLine(int line) { line_ = line; }

  uint32_t NewLabel() { return next_label_++; }
  void Place(uint32_t label) { code_.push_back({.op = Op::kLabel, .label = label}); }
  void Emit(uint32_t n = 1) {
    for (uint32_t i = 0; i < n; ++i) code_.push_back({.line = line_});
  }
  // Code this long needs EXTENDED_ARG (refused below): stop early.
  bool TooLong() const { return code_.size() > 1024; }
  void Site() { code_.push_back({.site = true, .line = line_}); }
  void CondJump(uint32_t label) {
    code_.push_back({.op = Op::kCondJump, .label = label, .line = line_, .next_block = NewLabel()});
  }
  void Jump(uint32_t label, bool artificial = false) {
    code_.push_back({.op = Op::kJump,
                     .label = label,
                     .line = artificial ? -1 : line_,
                     .next_block = NewLabel()});
  }
  void Return() { code_.push_back({.op = Op::kReturn, .line = line_, .next_block = NewLabel()}); }
  void Raise() { code_.push_back({.op = Op::kRaise, .line = line_, .next_block = NewLabel()}); }

  void Load(const NameRef& name) {
    if (name.scope == Scope::kGlobal) {
      Site();  // LOAD_GLOBAL
    } else {
      Emit();  // LOAD_FAST, LOAD_DEREF, LOAD_NAME
    }
  }

  void LoadAttribute() {
    if (rules_.opcache_caches_attributes) {
      Site();
    } else {
      Emit();
    }
  }

  void Value(const Expr& e) {
    if (TooLong()) Fail();
    if (!ok_) return;
    switch (e.kind) {
      case ExprKind::kConstant:
        return Emit();
      case ExprKind::kName:
        return Load(e.name);
      case ExprKind::kAttribute:
        Value(*e.operands[0]);
        return LoadAttribute();
      case ExprKind::kSubscript:
        Value(*e.operands[0]);
        Index(*e.operands[1]);
        return Emit();  // BINARY_SUBSCR
      case ExprKind::kBinary:
        Value(*e.operands[0]);
        Value(*e.operands[1]);
        return Emit();
      case ExprKind::kUnary:
        Value(*e.operands[0]);
        return Emit();
      case ExprKind::kCompare:
        return Compare(e);
      case ExprKind::kAnd:
      case ExprKind::kOr: {
        // JUMP_IF_FALSE_OR_POP (or TRUE) after each operand but the last.
        const uint32_t end = NewLabel();
        for (size_t i = 0; i + 1 < e.operands.size(); ++i) {
          Value(*e.operands[i]);
          CondJump(end);
        }
        Value(*e.operands.back());
        return Place(end);
      }
      case ExprKind::kIfElse: {
        const uint32_t orelse = NewLabel();
        const uint32_t end = NewLabel();
        Test(*e.operands[0], false, orelse);
        Value(*e.operands[1]);
        Jump(end, /*artificial=*/true);
        Place(orelse);
        Value(*e.operands[2]);
        return Place(end);
      }
      case ExprKind::kCall:
        return Call(e);
      case ExprKind::kList:
      case ExprKind::kTuple:
      case ExprKind::kSet:
        return Display(e);
      case ExprKind::kDict:
        return Dict(e);
      case ExprKind::kComprehension:
        if (e.unit == kNoUnit) {
          Fail();
          return;
        }
        // The function (with its closure), then the outermost iterable's
        // iterator as its argument.
        MakeFunction(units_[e.unit]);
        Value(*e.clauses[0].iterable);
        return Emit(2);  // GET_ITER, CALL_FUNCTION 1
      case ExprKind::kLambda:
        Defaults(e.operands);
        return MakeFunction(units_[e.unit]);
      case ExprKind::kFString:
        if (e.operands.size() == 1) return Piece(*e.operands[0]);
        for (const ExprPtr& piece : e.operands) Piece(*piece);
        return Emit();  // BUILD_STRING
      case ExprKind::kFormat:
        return Piece(e);
      case ExprKind::kYield:
        if (e.operands.empty()) {
          Emit();  // LOAD_CONST None
        } else {
          Value(*e.operands[0]);
        }
        return Emit();  // YIELD_VALUE
      case ExprKind::kYieldFrom:
        Value(*e.operands[0]);
        return Emit(3);  // GET_YIELD_FROM_ITER, LOAD_CONST None, YIELD_FROM
      case ExprKind::kNamedExpr:
        Value(*e.operands[1]);
        Emit();  // DUP_TOP
        return Store(*e.operands[0]);
      default:
        Fail();
    }
  }

  // `e` as the condition of a jump to `label`, taken when e's truth is
  // `when`.
  void Test(const Expr& e, bool when, uint32_t label) {
    if (!ok_) return;
    switch (e.kind) {
      case ExprKind::kUnary:
        if (e.unary_op == UnaryOp::kNot) return Test(*e.operands[0], !when, label);
        break;
      case ExprKind::kAnd:
      case ExprKind::kOr: {
        const bool jump_on = e.kind == ExprKind::kOr;
        const uint32_t next = jump_on == when ? label : NewLabel();
        for (size_t i = 0; i + 1 < e.operands.size(); ++i) Test(*e.operands[i], jump_on, next);
        Test(*e.operands.back(), when, label);
        if (next != label) Place(next);
        return;
      }
      case ExprKind::kCompare:
        if (e.operands.size() > 2) {
          // Each middle operand copied under its comparison; a failed link
          // jumps to the cleanup, which pops that copy.
          const uint32_t cleanup = NewLabel();
          const uint32_t end = NewLabel();
          Value(*e.operands[0]);
          for (size_t i = 1; i + 1 < e.operands.size(); ++i) {
            Value(*e.operands[i]);
            Emit(3);  // DUP_TOP, ROT_THREE, COMPARE_OP
            CondJump(cleanup);
          }
          Value(*e.operands.back());
          Emit();  // COMPARE_OP
          CondJump(label);
          Jump(end, /*artificial=*/true);
          Place(cleanup);
          Emit();  // POP_TOP
          if (!when) Jump(label, /*artificial=*/true);
          Place(end);
          return;
        }
        break;
      case ExprKind::kConstant:
      case ExprKind::kIfElse:
        Fail();  // folded or special-cased by the compiler
        return;
      default:
        break;
    }
    Value(e);
    CondJump(label);
  }

  void Store(const Expr& target) {
    if (!ok_) return;
    switch (target.kind) {
      case ExprKind::kName:
        return Emit();
      case ExprKind::kAttribute:
        Value(*target.operands[0]);
        return Emit();  // STORE_ATTR
      case ExprKind::kSubscript:
        Value(*target.operands[0]);
        Index(*target.operands[1]);
        return Emit();  // STORE_SUBSCR
      case ExprKind::kTuple:
      case ExprKind::kList:
        Emit();  // UNPACK_SEQUENCE or UNPACK_EX
        for (const ExprPtr& item : target.operands) {
          Store(item->kind == ExprKind::kStarred ? *item->operands[0] : *item);
        }
        return;
      default:
        Fail();
    }
  }

  void Statements(const Block& block) {
    for (const StmtPtr& stmt : block) {
      if (TooLong()) Fail();
      if (!ok_) return;
      Statement(*stmt);
    }
  }

 private:
  struct Loop {
    uint32_t top;
    uint32_t exit;
    bool has_iterator;  // a for loop: its iterator is on the stack
  };

  void Statement(const Stmt& s) {
    SetLine(s.position.line);
    if (rules_.cfg_optimiser && !OnOneLine(s)) {
      Fail();  // 3.10 keeps a NOP for some lines of a statement spanning several
      return;
    }
    switch (s.kind) {
      case StmtKind::kExpr:
        if (s.value->kind == ExprKind::kConstant) {
          if (rules_.cfg_optimiser) Fail();  // 3.10 may keep a NOP for it
          return;
        }
        Value(*s.value);
        return Emit();  // POP_TOP
      case StmtKind::kAssign:
        return Assign(s);
      case StmtKind::kAugAssign:
        return AugAssign(s);
      case StmtKind::kDelete:
        for (const ExprPtr& target : s.targets) Delete(*target);
        return;
      case StmtKind::kPass:
        if (rules_.cfg_optimiser) Fail();  // a NOP, kept when its line needs it
        return;
      case StmtKind::kGlobal:
        return;
      case StmtKind::kIf:
        return If(s);
      case StmtKind::kWhile:
        return While(s);
      case StmtKind::kFor:
        return For(s);
      case StmtKind::kBreak:
        if (loops_.empty()) {
          Fail();
          return;
        }
        if (loops_.back().has_iterator) Emit();  // POP_TOP
        return Jump(loops_.back().exit);
      case StmtKind::kContinue:
        if (loops_.empty()) {
          Fail();
          return;
        }
        return Jump(loops_.back().top);
      case StmtKind::kReturn:
        return ReturnStatement(s);
      case StmtKind::kRaise:
        if (s.value) Value(*s.value);
        if (s.message) Value(*s.message);
        return Raise();
      case StmtKind::kAssert: {
        const uint32_t end = NewLabel();
        Test(*s.value, true, end);
        if (rules_.assert_loads_global) {
          Site();  // LOAD_GLOBAL AssertionError
        } else {
          Emit();  // LOAD_ASSERTION_ERROR
        }
        if (s.message) {
          Value(*s.message);
          Emit();  // CALL_FUNCTION 1
        }
        Raise();
        return Place(end);
      }
      case StmtKind::kFunctionDef:
        if (!s.decorators.empty() || s.annotation) {
          Fail();
          return;
        }
        for (const ExprPtr& d : s.kw_defaults) {
          if (d) Fail();
        }
        Defaults(s.defaults);
        MakeFunction(units_[s.unit]);
        return Emit();  // the store
      default:
        Fail();  // class, import, try, with, annotated assignment
    }
  }

  void Assign(const Stmt& s) {
    const Expr& value = *s.value;
    if (s.targets.size() == 1 && value.kind == ExprKind::kTuple &&
        value.display == DisplayBuild::kExact &&
        (s.targets[0]->kind == ExprKind::kTuple || s.targets[0]->kind == ExprKind::kList) &&
        s.targets[0]->operands.size() == value.operands.size() && value.operands.size() <= 3 &&
        !HasStarred(value.operands) && !HasStarred(s.targets[0]->operands)) {
      // BUILD_TUPLE n + UNPACK_SEQUENCE n becomes n - 1 rotations.
      for (const ExprPtr& item : value.operands) Value(*item);
      const size_t n = value.operands.size();
      Emit(n == 1 ? 0 : n == 2 ? 1 : 2);
      for (const ExprPtr& target : s.targets[0]->operands) Store(*target);
      return;
    }
    Value(value);
    for (size_t i = 0; i < s.targets.size(); ++i) {
      if (i + 1 < s.targets.size()) Emit();  // DUP_TOP
      Store(*s.targets[i]);
    }
  }

  void AugAssign(const Stmt& s) {
    const Expr& target = *s.targets[0];
    switch (target.kind) {
      case ExprKind::kName:
        Load(target.name);
        Value(*s.value);
        return Emit(2);  // INPLACE_*, store
      case ExprKind::kAttribute:
        Value(*target.operands[0]);
        Emit();  // DUP_TOP
        LoadAttribute();
        Value(*s.value);
        return Emit(3);  // INPLACE_*, ROT_TWO, STORE_ATTR
      case ExprKind::kSubscript:
        Value(*target.operands[0]);
        Index(*target.operands[1]);
        Emit(2);  // DUP_TOP_TWO, BINARY_SUBSCR
        Value(*s.value);
        return Emit(3);  // INPLACE_*, ROT_THREE, STORE_SUBSCR
      default:
        Fail();
    }
  }

  void Delete(const Expr& target) {
    switch (target.kind) {
      case ExprKind::kName:
        return Emit();
      case ExprKind::kAttribute:
        Value(*target.operands[0]);
        return Emit();
      case ExprKind::kSubscript:
        Value(*target.operands[0]);
        Index(*target.operands[1]);
        return Emit();
      case ExprKind::kTuple:
      case ExprKind::kList:
        for (const ExprPtr& item : target.operands) Delete(*item);
        return;
      default:
        Fail();
    }
  }

  void If(const Stmt& s) {
    const uint32_t end = NewLabel();
    const uint32_t orelse = s.orelse.empty() ? end : NewLabel();
    Test(*s.value, false, orelse);
    Statements(s.body);
    if (!s.orelse.empty()) {
      Jump(end, /*artificial=*/true);
      Place(orelse);
      Statements(s.orelse);
    }
    Place(end);
  }

  void While(const Stmt& s) {
    if (!s.orelse.empty()) {
      Fail();
      return;
    }
    const uint32_t top = NewLabel();
    const uint32_t exit = NewLabel();
    Place(top);
    Test(*s.value, false, exit);
    loops_.push_back({top, exit, false});
    if (rules_.while_repeats_test) {
      const uint32_t body = NewLabel();
      Place(body);
      Statements(s.body);
      SetLine(s.position.line);
      Test(*s.value, true, body);
    } else {
      Statements(s.body);
      SetLine(s.position.line);
      Jump(top);
    }
    loops_.pop_back();
    Place(exit);
  }

  void For(const Stmt& s) {
    if (!s.orelse.empty()) {
      Fail();
      return;
    }
    const uint32_t top = NewLabel();
    const uint32_t exit = NewLabel();
    Value(*s.value);
    Emit();  // GET_ITER
    Place(top);
    CondJump(exit);  // FOR_ITER
    Store(*s.targets[0]);
    loops_.push_back({top, exit, true});
    Statements(s.body);
    loops_.pop_back();
    Jump(top, /*artificial=*/true);
    Place(exit);
  }

  void ReturnStatement(const Stmt& s) {
    // A value other than a constant is computed before the loops' iterators
    // are popped from under it.
    const bool computed = s.value && s.value->kind != ExprKind::kConstant;
    if (computed) Value(*s.value);
    for (const Loop& loop : loops_) {
      if (loop.has_iterator) Emit(computed ? 2 : 1);  // (ROT_TWO,) POP_TOP
    }
    if (!computed) Emit();  // LOAD_CONST
    Return();
  }

  void Call(const Expr& e) {
    const Expr& callee = *e.operands[0];
    const size_t args = e.operands.size() - 1;
    if (args >= 30 || HasStarred(e.operands)) {
      Fail();
      return;
    }
    for (const Keyword& keyword : e.keywords) {
      if (keyword.name.empty()) Fail();  // **mapping
    }
    if (callee.kind == ExprKind::kAttribute && e.keywords.empty()) {
      Value(*callee.operands[0]);
      Emit();  // LOAD_METHOD
      for (size_t i = 1; i < e.operands.size(); ++i) Value(*e.operands[i]);
      return Emit();  // CALL_METHOD
    }
    Value(callee);
    for (size_t i = 1; i < e.operands.size(); ++i) Value(*e.operands[i]);
    for (const Keyword& keyword : e.keywords) Value(*keyword.value);
    Emit(e.keywords.empty() ? 1 : 2);  // (LOAD_CONST names,) CALL_FUNCTION(_KW)
  }

  void Compare(const Expr& e) {
    if (e.operands.size() == 2) {
      Value(*e.operands[0]);
      Value(*e.operands[1]);
      return Emit();
    }
    const uint32_t cleanup = NewLabel();
    const uint32_t end = NewLabel();
    Value(*e.operands[0]);
    for (size_t i = 1; i + 1 < e.operands.size(); ++i) {
      Value(*e.operands[i]);
      Emit(3);            // DUP_TOP, ROT_THREE, COMPARE_OP
      CondJump(cleanup);  // JUMP_IF_FALSE_OR_POP
    }
    Value(*e.operands.back());
    Emit();  // COMPARE_OP
    Jump(end, /*artificial=*/true);
    Place(cleanup);
    Emit(2);  // ROT_TWO, POP_TOP
    Place(end);
  }

  void Index(const Expr& index) {
    if (index.kind != ExprKind::kSlice) return Value(index);
    // BUILD_SLICE of the bounds (None where absent) and the step if given.
    const size_t parts = index.operands.size() > 2 && index.operands[2] ? 3 : 2;
    for (size_t i = 0; i < parts; ++i) {
      if (index.operands[i]) {
        Value(*index.operands[i]);
      } else {
        Emit();
      }
    }
    Emit();
  }

  void Display(const Expr& e) {
    switch (e.display) {
      case DisplayBuild::kExact:
        if (HasStarred(e.operands)) {
          Fail();
          return;
        }
        for (const ExprPtr& item : e.operands) Value(*item);
        return Emit();  // BUILD_*
      case DisplayBuild::kExtendConstant:
        return Emit(3);  // BUILD_LIST 0, LOAD_CONST, LIST_EXTEND
      default:
        Fail();
    }
  }

  void Dict(const Expr& e) {
    const size_t pairs = e.operands.size() / 2;
    if (pairs > 15) {
      Fail();  // built in chunks
      return;
    }
    bool constant_keys = pairs > 1;
    for (size_t i = 0; i < pairs; ++i) {
      if (!e.operands[2 * i]) {
        Fail();  // **mapping
        return;
      }
      constant_keys = constant_keys && e.operands[2 * i]->kind == ExprKind::kConstant;
    }
    if (constant_keys) {
      for (size_t i = 0; i < pairs; ++i) Value(*e.operands[2 * i + 1]);
      return Emit(2);  // LOAD_CONST keys, BUILD_CONST_KEY_MAP
    }
    for (const ExprPtr& operand : e.operands) Value(*operand);
    Emit();  // BUILD_MAP
  }

  // A piece of an f-string: a constant, or a replacement field.
  void Piece(const Expr& piece) {
    if (piece.kind != ExprKind::kFormat) return Value(piece);
    Value(*piece.operands[0]);
    if (piece.operands.size() > 1 && piece.operands[1]) Value(*piece.operands[1]);
    Emit();  // FORMAT_VALUE
  }

  // A function's positional defaults: one constant tuple when they all are
  // constants, else BUILD_TUPLE.
  void Defaults(const ExprList& defaults) {
    if (defaults.empty()) return;
    bool constant = true;
    for (const ExprPtr& d : defaults) constant = constant && d->kind == ExprKind::kConstant;
    if (constant) return Emit();
    for (const ExprPtr& d : defaults) Value(*d);
    Emit();
  }

  // MAKE_FUNCTION for `unit`: its closure's cells as a tuple, the code and
  // the qualified name.
  void MakeFunction(const CodeUnit& unit) {
    if (!unit.closure_sources.empty()) Emit(unit.closure_sources.size() + 1);
    Emit(3);
  }

  // Every expression of `s` (its header, for a compound statement) on the
  // statement's first line.
  bool OnOneLine(const Stmt& s) const {
    if (s.header_spans_lines) return false;
    const int line = s.position.line;
    const auto same = [line](const Expr* e, const auto& self) -> bool {
      if (e == nullptr) return true;
      if (e->position.line != line) return false;
      for (const ExprPtr& operand : e->operands) {
        if (!self(operand.get(), self)) return false;
      }
      for (const Keyword& keyword : e->keywords) {
        if (!self(keyword.value.get(), self)) return false;
      }
      for (const ComprehensionClause& clause : e->clauses) {
        if (!self(clause.target.get(), self) || !self(clause.iterable.get(), self)) return false;
        for (const ExprPtr& condition : clause.conditions) {
          if (!self(condition.get(), self)) return false;
        }
      }
      return true;
    };
    for (const ExprPtr& target : s.targets) {
      if (!same(target.get(), same)) return false;
    }
    return same(s.value.get(), same) && same(s.message.get(), same);
  }

  static bool HasStarred(const ExprList& items) {
    return std::any_of(items.begin(), items.end(), [](const ExprPtr& item) {
      return item && item->kind == ExprKind::kStarred;
    });
  }

  const std::vector<CodeUnit>& units_;
  const BytecodeRules& rules_;
  std::vector<Instr> code_;
  std::vector<Loop> loops_;
  uint32_t next_label_ = 1;  // 0: the entry block
  int line_ = -1;
  bool ok_ = true;
};

std::optional<CodeSize> Finish(Writer& writer, const CodeUnit& unit, const Profile& profile) {
  if (!writer.ok() || unit.slot_names.size() > 255) return std::nullopt;
  const BytecodeRules& rules = profile.bytecode;
  CodeSize size = OptimisedSize(writer.code(), rules);
  // Longer code may need EXTENDED_ARG for its jumps (3.8 and 3.9 jump by
  // bytes).
  if (size.code_units > (rules.cfg_optimiser ? 255u : 127u)) return std::nullopt;
  size.cached_sites = std::min(size.cached_sites, 255u);
  return size;
}

}  // namespace

std::optional<CodeSize> FunctionCodeSize(const CodeUnit& unit, const std::vector<CodeUnit>& units,
                                         const Profile& profile) {
  if (unit.kind != UnitKind::kFunction && unit.kind != UnitKind::kLambda) return std::nullopt;
  Writer writer(units, profile);
  writer.SetLine(unit.first_line);
  if (unit.generator && profile.bytecode.gen_start) writer.Emit();  // GEN_START
  if (unit.expression) {
    if (unit.generator) return std::nullopt;
    writer.Value(*unit.expression);
    writer.Return();
  } else {
    writer.Statements(unit.body);
    AddImplicitReturn(writer.code());
  }
  return Finish(writer, unit, profile);
}

std::optional<CodeSize> ComprehensionCodeSize(const Expr& comprehension, const CodeUnit& unit,
                                              const std::vector<CodeUnit>& units,
                                              const Profile& profile) {
  Writer writer(units, profile);
  writer.SetLine(comprehension.position.line);
  const bool generator = comprehension.comprehension == ComprehensionKind::kGenerator;
  if (generator) {
    if (profile.bytecode.gen_start) writer.Emit();  // GEN_START
  } else {
    writer.Emit();  // BUILD_LIST / BUILD_SET / BUILD_MAP
  }
  writer.Emit();  // LOAD_FAST .0
  struct Clause {
    uint32_t top;
    uint32_t exit;
  };
  std::vector<Clause> clauses;
  for (size_t c = 0; c < comprehension.clauses.size(); ++c) {
    const ComprehensionClause& clause = comprehension.clauses[c];
    if (c > 0) {
      writer.Value(*clause.iterable);
      writer.Emit();  // GET_ITER
    }
    const Clause labels{writer.NewLabel(), writer.NewLabel()};
    clauses.push_back(labels);
    writer.Place(labels.top);
    writer.CondJump(labels.exit);  // FOR_ITER
    writer.Store(*clause.target);
    for (const ExprPtr& condition : clause.conditions) writer.Test(*condition, false, labels.top);
  }
  writer.Value(*comprehension.operands[0]);
  if (comprehension.comprehension == ComprehensionKind::kDict) {
    writer.Value(*comprehension.operands[1]);
  }
  writer.Emit(generator ? 2 : 1);  // YIELD_VALUE, POP_TOP; or LIST_APPEND, SET_ADD, MAP_ADD
  for (auto it = clauses.rbegin(); it != clauses.rend(); ++it) {
    writer.Jump(it->top);
    writer.Place(it->exit);
  }
  if (generator) {
    AddImplicitReturn(writer.code());
  } else {
    writer.Return();
  }
  return Finish(writer, unit, profile);
}

}  // namespace heapsim::script
