// The compiled form of a heap script: what the compiler makes of the parse
// tree and the interpreter walks. Names are resolved to their scope and
// slot, literal constants are objects of the simulated heap owned by their
// code object (CPython's co_consts), and every per-version choice the
// compiler makes (constant folding, how a display is built, whether a
// comprehension is a function of its own) is already taken.

#ifndef HEAPSIM_SERVER_SCRIPT_CODE_H_
#define HEAPSIM_SERVER_SCRIPT_CODE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "server/heap/object.h"
#include "server/script/compact_vector.h"
#include "server/script/operators.h"
#include "server/script/parse_arena.h"

namespace heapsim::script {

// A position in the source: 1-based line and column.
struct Position {
  int line = 0;
  int column = 0;
};

enum class Scope : uint8_t {
  kFast,    // a slot of the running frame
  kCell,    // a slot holding a cell (captured by an inner function)
  kGlobal,  // the module's globals, then the builtins
  kName,    // a class body: its namespace, then globals, then builtins
};

// A resolved name.
struct NameRef {
  std::string text;
  int64_t hash = 0;           // hash(key)
  ObjectId key = kNoObject;   // the interned str (owned by the program)
  uint32_t slot = 0;          // for kFast and kCell
  // kGlobal: the globals entry last found holding `key` (checked on use).
  mutable uint32_t cached_entry = 0xffffffff;
  Scope scope = Scope::kGlobal;
};

// What a literal in the source is (its text: ParsedLiteral, parser.h).
enum class LiteralKind : uint8_t {
  kNone,       // not a literal
  kInt,        // text: digits in `base`
  kFloat,      // text: for strtod
  kImaginary,  // text: for strtod
  kStr,        // text: UTF-8
  kBytes,      // text: the bytes
  kNoneValue,
  kEllipsis,   // `...`
  kTrue,
  kFalse,
};

struct Expr;
struct Stmt;
using ExprPtr = ParseNodePtr<Expr>;  // nodes live in the program's ParseArena
using StmtPtr = ParseNodePtr<Stmt>;
using ExprList = CompactVector<ExprPtr>;
using Block = CompactVector<StmtPtr>;

enum class ExprKind : uint8_t {
  kConstant,      // constant (borrowed; the code object owns it)
  kName,          // name
  kAttribute,     // operands[0].name
  kSubscript,     // operands[0][operands[1]]
  kSlice,         // operands: lower, upper, step (null when absent)
  kCall,          // operands[0](operands[1..], keywords)
  kBinary,        // operands[0] <binary_op> operands[1]
  kUnary,         // <unary_op> operands[0]
  kCompare,       // operands[0] <compare_ops[0]> operands[1] ...
  kAnd,           // operands[0] and operands[1] and ...
  kOr,
  kIfElse,        // operands[1] if operands[0] else operands[2]
  kList,          // [operands...] (display strategy below)
  kTuple,
  kSet,
  kDict,          // {operands[0]: operands[1], ...}; a null key is **operands[i+1]
  kComprehension, // list/set/dict comprehension or generator expression
  kLambda,        // a function over code unit `unit`
  kFString,       // concatenation of operands (constants and kFormat)
  kFormat,        // format(operands[0], operands[1] or ''), after `conversion`
  kStarred,       // *operands[0] (in calls and displays)
  kYield,         // yield operands[0] (None when there is no operand)
  kYieldFrom,     // yield from operands[0]
  kNamedExpr,     // (operands[0] := operands[1]); operands[0] is a name
};

// How a list or set display is built.
enum class DisplayBuild : uint8_t {
  kExact,          // BUILD_LIST n / BUILD_SET n: the items, one by one
  kExtendConstant, // BUILD_LIST 0 + LIST_EXTEND (or SET_UPDATE) of `constant`
  kAppend,         // BUILD_LIST 0 + one append per item (3.10+: long displays)
  kUnpack,         // BUILD_LIST 0 + extend/append per item (displays with *x)
};

enum class ComprehensionKind : uint8_t { kList, kSet, kDict, kGenerator };

// One `for target in iter if cond...` clause of a comprehension.
struct ComprehensionClause {
  ExprPtr target;
  ExprPtr iterable;
  ExprList conditions;
};

// A keyword argument of a call; `name` empty for **mapping.
struct Keyword {
  std::string name;
  ObjectId key = kNoObject;  // interned name (owned by the program)
  ExprPtr value;
};

// An instruction site's state in CPython 3.11+'s specialising interpreter
// (adaptive_site.h).
struct AdaptiveSite {
  bool started = false;    // the counter below was set
  bool uncertain = false;  // heapsim cannot tell the site's state
  uint8_t family = 0;      // what it is specialised for; 0: generic
  uint8_t backoff = 0;
  uint16_t counter = 0;
};

// Fields are grouped by alignment (the tree has a node per token or so).
struct Expr {
  NameRef name;
  ExprList operands;
  CompactVector<Keyword> keywords;
  CompactVector<CompareOp> compare_ops;
  // Comprehensions: the kind, the element (operands[0], and operands[1] as
  // the value of a dict comprehension), the clauses, and the code unit that
  // runs them (kNoUnit when inlined, 3.12+).
  CompactVector<ComprehensionClause> clauses;
  // Inlined comprehensions (3.12+): the enclosing frame's slots they use,
  // cleared when they finish.
  CompactVector<uint32_t> hidden_slots;
  Position position;
  ObjectId constant = kNoObject;
  uint32_t unit = 0;
  // kAttribute callees: the builtin method last found for a receiver type
  // (an inline cache, as CPython's specialising interpreter keeps).
  mutable int32_t cached_method = -1;
  mutable TypeTag cached_type = TypeTag::kNone;
  // kBinary: its BINARY_OP site; kCall: its CALL site.
  mutable AdaptiveSite adaptive_site;
  ExprKind kind = ExprKind::kConstant;
  // A literal's kind (its text waits in ParseTree::literals until the
  // compiler makes its object); kNone for other expressions.
  LiteralKind literal = LiteralKind::kNone;
  // An attribute (or a call or subscript of one) whose name is on a later
  // line than the expression starts: the line CPython attributes its
  // operation to differs between versions, so tracemalloc's is unknown.
  bool line_ambiguous = false;
  BinaryOp binary_op = BinaryOp::kAdd;
  UnaryOp unary_op = UnaryOp::kNeg;
  DisplayBuild display = DisplayBuild::kExact;
  // A tuple built with one BUILD_TUPLE whatever its length (MAKE_FUNCTION's
  // annotations), never through a list.
  bool fixed_display = false;
  ComprehensionKind comprehension = ComprehensionKind::kList;
  char conversion = 0;  // 'r', 's', 'a' or 0, for kFormat
  // kCompare: the test of a branch (see specialised_compare.h), and the
  // operand kind its site was specialised for once warm.
  bool jump_test = false;
  mutable uint8_t compare_site = 0;
  // kAttribute: whether the site ran before, so that 3.12+'s LOAD_ATTR and
  // LOAD_SUPER_ATTR run specialised.
  mutable bool site_warm = false;
};

enum class StmtKind : uint8_t {
  kExpr,         // value
  kAssign,       // targets = value
  kAugAssign,    // targets[0] <binary_op>= value
  kDelete,       // del targets
  kPass,
  kIf,           // if value: body else: orelse
  kWhile,        // while value: body else: orelse
  kFor,          // for targets[0] in value: body else: orelse
  kBreak,
  kContinue,
  kReturn,       // return value (null: None)
  kFunctionDef,  // def: unit, defaults in `defaults`, bound to `name`
                 // after the calls of `decorators` (last first)
  kClassDef,     // class: body unit, bases in `bases`, bound to `name`
  kImport,       // import modules: `imports` (module name, bound name); with
                 // `import_from`, its attributes (name, bound name) and the
                 // fromlist tuple constant in `value`
  kGlobal,       // no-op at run time
  kAssert,       // assert value, message
  kTry,          // try: body / handlers / orelse / finalbody
  kRaise,        // raise value [from message] (null value: re-raise)
  kWith,         // with value [as targets[0]]: body (one item; more nest in body)
  kAnnAssign,    // targets[0]: annotation [= value] (below)
};

struct ExceptHandler {
  std::vector<std::string> types;  // empty: bare except
  NameRef name;                    // `as name`; text empty when absent
  Block body;
  Position position;
};

// Fields are grouped by alignment.
struct Stmt {
  ExprList targets;
  ExprPtr value;
  ExprPtr message;                 // assert: the message; raise: the cause (`from`)
  Block body;
  Block orelse;
  Block finalbody;
  CompactVector<ExceptHandler> handlers;
  NameRef name;                    // def/class binding
  ExprList defaults;   // def: positional defaults
  ExprList kw_defaults;  // def: keyword-only defaults (null: none)
  ExprList decorators;   // def: evaluated first, called last
  ExprList bases;      // class
  // def: the annotations as MAKE_FUNCTION gets them (a display whose
  // operands are name, value pairs: a tuple from 3.10, else a dict), null
  // when there are none. kAnnAssign: first `body` (the assignment, when
  // there is a value) or else targets[0]'s object (an attribute's) or
  // container and index (a subscript's) are evaluated, then the annotation
  // when `annotation_evaluated` (module and class bodies), stored for a
  // simple name through `annotation_store` (`__annotations__['name']`).
  ExprPtr annotation;
  ExprPtr annotation_store;
  CompactVector<std::pair<std::string, NameRef>> imports;
  std::string import_from;         // `from M import ...`: M
  Position position;
  uint32_t unit = 0;               // def/class
  mutable AdaptiveSite binary_site;  // kAugAssign's BINARY_OP
  StmtKind kind = StmtKind::kPass;
  // A compound statement whose header (up to its ':') spans several lines:
  // which line CPython gives the header's own operations is not modelled.
  bool header_spans_lines = false;
  bool echo = false;               // interactive expression statements
  BinaryOp binary_op = BinaryOp::kAdd;
  bool annotation_evaluated = false;
};

// What kind of body a code unit is.
enum class UnitKind : uint8_t { kModule, kFunction, kLambda, kClass, kComprehension };

// One code object's worth of program: a module, function, lambda, class
// body or comprehension.
struct CodeUnit {
  UnitKind kind = UnitKind::kModule;
  std::string name;
  std::string qualname;
  // Fast slots: parameters first (positional, then *args, keyword-only,
  // then **kwargs), then other locals, then cells and free variables.
  std::vector<std::string> slot_names;
  uint32_t positional_count = 0;  // positional parameters
  uint32_t positional_only_count = 0;  // the first ones, before a '/'
  uint32_t keyword_only_count = 0;
  int32_t varargs_slot = -1;
  int32_t kwargs_slot = -1;
  // The slots of parameters and locals (cells among them), before the free
  // variables and 3.12+'s inlined comprehensions' hidden slots.
  uint32_t local_count = 0;
  // 3.12+: a comprehension inlined into this unit added hidden slots, which
  // CPython's co_varnames places where the comprehension first runs.
  bool hosts_inlined_locals = false;
  // A function body annotating a name without a value (`x: int`): a local
  // CPython's co_varnames lists only where its code uses the name.
  bool bare_annotation = false;
  // co_firstlineno: a def's or class's first decorator's line, else its
  // `def` or `class` line; a lambda's or comprehension's line.
  int first_line = 0;
  // A class body: the names its functions assign as `self.name`, as
  // written (unmangled), in source order with repeats; and the constants
  // its 3.13 body stores as __firstlineno__ and __static_attributes__
  // (owned by its code's co_consts), kNoObject before 3.13.
  std::vector<std::string> static_attributes;
  ObjectId first_line_object = kNoObject;
  ObjectId static_attributes_object = kNoObject;
  // Defined inside a function, lambda or comprehension, directly or through
  // classes (CPython's CO_NESTED).
  bool nested = false;
  // Slots that hold cells: own captured variables (made at entry) and free
  // variables (copied from the closure, in closure order).
  std::vector<uint32_t> cell_slots;
  std::vector<uint32_t> free_slots;
  // For each free variable, where the defining scope keeps its cell (a slot
  // of the enclosing unit), to build the closure tuple at definition time.
  std::vector<uint32_t> closure_sources;
  Block body;          // functions, modules, classes
  ExprPtr expression;  // lambdas
  ObjectId code_object = kNoObject;  // owned by the program
  // A function's or lambda's __qualname__ when it differs from its name
  // ("C.m", "f.<locals>.g"): the str the compiler makes, owned by the
  // program; kNoObject where the qualname is the name object itself.
  ObjectId qualname_object = kNoObject;
  uint32_t stack_size = 0;
  // A function's docstring: not executed, but a constant of its code.
  ExprPtr docstring;
  // A module or class body holding an annotated assignment: it starts with
  // SETUP_ANNOTATIONS (its namespace's __annotations__ made if missing).
  bool setup_annotations = false;
  // A generator function (its body has a `yield`): a call makes a
  // generator that runs the body.
  bool generator = false;
  // Warm-up events of the code object (calls, loop iterations) for 3.11's
  // specialising interpreter, and whether an uncounted one happened.
  mutable uint32_t warmup_events = 0;
  mutable bool warmup_unknown = false;
};

inline constexpr uint32_t kNoUnit = 0xffffffff;

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_CODE_H_
