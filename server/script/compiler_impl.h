// The compiler behind Compile() (compiler.h), shared by the files that
// implement it: compiler.cc (the passes in order, code objects, stack
// depths), compiler_scopes.cc (scope analysis: locals, cells, frees, slots)
// and compiler_constants.cc (literals, constant folding, co_consts). Not an
// interface: only those files include it.

#ifndef HEAPSIM_SERVER_SCRIPT_COMPILER_IMPL_H_
#define HEAPSIM_SERVER_SCRIPT_COMPILER_IMPL_H_

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
#include "server/script/code_size.h"
#include "server/script/stack_depth.h"
#include "server/script/subset_check.h"

namespace heapsim::script::compiler_internal {

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
  Ref MakeLiteral(LiteralKind kind, const ParsedLiteral& literal);
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
  // A `for`/comprehension iterable or the right operand of `in`: a
  // constant list becomes a tuple constant, a constant set a frozenset.
  void FoldIterable(ExprPtr& expr);
  // The constant items of a list or set display as one constant: a tuple,
  // or for a set a frozenset as CPython's compiler leaves it (made from the
  // items in source order, then made again in that set's table order when
  // the code's constants are merged, so its table order is the second
  // one's; the first stays referenced with the other intermediate
  // constants). REQUIRES: every operand is a constant.
  Ref ConstantOfItems(const Expr& display);
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
  // Notes the size of unit `index`'s bytecode where the profile's opcache
  // needs it and code_size.h counts it.
  void MeasureCode(uint32_t index, const CodeUnit& unit) const;
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

}  // namespace heapsim::script::compiler_internal

#endif  // HEAPSIM_SERVER_SCRIPT_COMPILER_IMPL_H_
