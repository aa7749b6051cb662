#include "server/script/compiler.h"

#include "server/script/compiler_impl.h"

namespace heapsim::script {

namespace compiler_internal {

namespace {

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

}  // namespace

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

void Compiler::MeasureCode(uint32_t index, const CodeUnit& unit) const {
  const Profile& profile = heap_.profile();
  if (profile.bytecode.opcache_min_runs == 0) return;
  const Expr* comprehension = tree_.scopes[index].comprehension;
  const std::optional<CodeSize> size =
      unit.kind == UnitKind::kComprehension && comprehension != nullptr
          ? ComprehensionCodeSize(*comprehension, unit, tree_.units, profile)
          : FunctionCodeSize(unit, tree_.units, profile);
  if (!size) return;
  CodeBody& code = heap_.code(unit.code_object);
  code.size_known = true;
  code.code_units = size->code_units;
  code.opcache_sites = size->cached_sites;
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
  // The program itself holds the module's code only (CPython's references:
  // sys.getrefcount(f.__code__) counts its functions and that co_consts).
  // Units are made innermost first (a comprehension's unit comes after
  // those of the lambdas in its element), so that each code is in its
  // owner's constants.
  std::vector<std::vector<Ref>> nested(tree_.units.size());
  std::vector<uint32_t> depth(tree_.units.size(), 0);
  std::vector<uint32_t> order;
  for (uint32_t i = static_cast<uint32_t>(tree_.units.size()); i-- > 0;) {
    for (uint32_t p = Parent(i); p != kNoUnit; p = Parent(p)) ++depth[i];
    order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return depth[a] > depth[b]; });
  for (uint32_t i : order) {
    if (names_[i].inlined) continue;
    CodeUnit& unit = tree_.units[i];
    ConstantList consts;
    CollectUnitConstants(i, &consts);
    for (auto code = nested[i].rbegin(); code != nested[i].rend(); ++code) consts.Add(code->get());
    Ref consts_tuple = NewTupleOf(heap_, consts.items);
    nested[i].clear();  // the tuple holds them
    Ref name = InternStr(heap_, unit.name);
    for (uint32_t p = Parent(i); p != kNoUnit; p = Parent(p)) {
      const UnitKind kind = tree_.units[p].kind;
      unit.nested |= kind == UnitKind::kFunction || kind == UnitKind::kLambda ||
                     kind == UnitKind::kComprehension;
    }
    if (unit.kind == UnitKind::kFunction || unit.kind == UnitKind::kLambda) {
      // CPython interns the names of co_varnames, co_cellvars and
      // co_freevars as it makes the code.
      for (const std::string& slot_name : unit.slot_names) InternName(slot_name);
    }
    if ((unit.kind == UnitKind::kFunction || unit.kind == UnitKind::kLambda) &&
        unit.qualname != unit.name) {
      unit.qualname_object = NewStr(heap_, unit.qualname).release();
      program_->owned.push_back(unit.qualname_object);
    }
    unit.stack_size = StackDepth(i, unit);
    // A comprehension's code has its iterator argument `.0` as a local too.
    auto locals = static_cast<uint32_t>(unit.slot_names.size() +
                                        (unit.kind == UnitKind::kComprehension ? 1 : 0));
    // A heap frame (3.8 to 3.10) keeps a parameter's own slot beside the
    // cell an inner function captures it in (co_cell2arg).
    if (heap_.profile().frames_on_heap) {
      const uint32_t parameters = unit.positional_count + unit.keyword_only_count +
                                  (unit.varargs_slot >= 0 ? 1 : 0) +
                                  (unit.kwargs_slot >= 0 ? 1 : 0);
      for (uint32_t slot : unit.cell_slots) locals += slot < parameters ? 1 : 0;
    }
    Ref code = NewCode(heap_, program_index_, i, std::move(consts_tuple), std::move(name),
                       unit.stack_size, locals);
    unit.code_object = code.get();
    MeasureCode(i, unit);
    uint32_t owner = Parent(i);
    while (owner != kNoUnit && names_[owner].inlined) owner = Parent(owner);
    if (owner != kNoUnit) {
      nested[owner].push_back(std::move(code));
    } else {
      program_->owned.push_back(code.release());
    }
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
  // keyword argument and attribute names are interned like other names.
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
    // An attribute's name is one of the code object's co_names, made as
    // it is compiled: reading or storing the attribute allocates nothing.
    if (e.kind == ExprKind::kAttribute) InternName(e.name.text);
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
  program_->parse_arena = std::move(tree_.arena);
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

}  // namespace compiler_internal

absl::StatusOr<std::shared_ptr<Program>> Compile(Heap& heap, std::string_view source,
                                                 std::string_view filename, CompileMode mode,
                                                 uint32_t program_index) {
  absl::StatusOr<ParseTree> tree =
      Parse(source, filename, mode, heap.profile().source_limits);
  if (!tree.ok()) return tree.status();
  if (absl::Status subset = CheckSubset(*tree, filename); !subset.ok()) return subset;
  if (heap.profile().parser_keeps_token_bytes) {
    for (size_t c = 0; c < tree->one_char_tokens.size(); ++c) {
      if (tree->one_char_tokens.test(c)) heap.MakeParsedOneByte(static_cast<uint8_t>(c));
    }
  }
  return compiler_internal::Compiler(heap, *std::move(tree), filename, program_index).Run();
}

}  // namespace heapsim::script
