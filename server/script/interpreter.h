// Interpreter runs compiled programs on a Heap, the way CPython's eval loop
// would: every value it computes is a counted reference held for as long
// as CPython's value stack would hold it, released in CPython's order, so
// reference counts, frees and id reuse come out the same.
//
// Errors are Python exceptions: a failing operation records a pending
// exception (an absl::Status carrying the Python type, see py_error.h) and
// returns a null Ref or Flow::kError; handlers match on the type.

#ifndef HEAPSIM_SERVER_SCRIPT_INTERPRETER_H_
#define HEAPSIM_SERVER_SCRIPT_INTERPRETER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "server/heap/budget.h"
#include "server/heap/gc.h"
#include "server/heap/heap.h"
#include "server/heap/list_object.h"
#include "server/script/code.h"
#include "server/script/mersenne_twister.h"
#include "server/script/program.h"
#include "server/script/runtime.h"

namespace heapsim::script {


// The arguments of a call: positional values, then keyword values.
struct CallArgs {
  absl::InlinedVector<Ref, 4> positional;
  std::vector<std::pair<std::string, Ref>> keywords;
  // A call with *args: the eval loop holds only the argument tuple, so a
  // frame takes these references instead of copying them.
  bool from_sequence = false;
  // A call made from C code (a class's __init__ from type.__call__): the
  // arguments are borrowed, so a frame copies them in every version.
  bool borrowed = false;
  // positional[0] is a bound method's self, which the method lends the
  // call: the frame takes that reference even where it copies the others.
  bool self_lent = false;
  // The call site runs specialised as CALL_NO_KW_STR_1 (3.11, 3.12): str(x)
  // gets its argument without the tuple tp_call would pack.
  bool str_call_specialised = false;
  // The tuple tp_call (or a METH_VARARGS function's call) packed the
  // positional arguments in, while the builtin runs (itertools.chain keeps
  // it; gc.get_referrers skips it), or the tuple a call with *args hands
  // over (nothing packs them again); else kNoObject.
  ObjectId packed = kNoObject;
};

// Drops call arguments in the order the profile's eval loop does (keywords
// first, then the positional ones, last first where the profile says so).
void ReleaseCallArguments(const Profile& profile, CallArgs& args);

// How a statement finished.
enum class Flow : uint8_t { kNormal, kBreak, kContinue, kReturn, kError };

struct GeneratorRun;  // generator_function.h

// What a generator runs: a generator expression's place in its program, or
// (expr null) a generator function's code unit and evaluation state.
struct GeneratorSite {
  uint32_t program = 0;
  const Expr* expr = nullptr;
  uint32_t unit = 0;
  std::shared_ptr<GeneratorRun> run;
};

// What the interpreter keeps across runs of one session.

struct SessionState {
  std::vector<GeneratorSite> generators;           // by IteratorBody::generator
  uint32_t generator_fibers = 0;                   // GeneratorRun fibers alive
  std::vector<std::shared_ptr<Program>> programs;  // indexed by CodeBody::program
  ObjectId main_module = kNoObject;                // owned
  ObjectId sys_module = kNoObject;                 // owned
  ObjectId gc_module = kNoObject;                  // owned
  ObjectId tracemalloc_module = kNoObject;         // owned
  ObjectId weakref_module = kNoObject;             // owned
  // The array module: a static object made by the first `import array`.
  ObjectId array_module = kNoObject;               // owned
  ObjectId collections_module = kNoObject;         // owned
  // The copy module and the code objects of the copy.py functions whose
  // frames copy.copy and copy.deepcopy make (module_copy.h): static
  // objects, made by the first `import copy`; owned.
  ObjectId copy_module = kNoObject;
  std::vector<ObjectId> copy_codes;
  // The random module and the code objects of the random.py functions
  // whose frames its calls make (module_random.h): static objects, made by
  // the first `import random`; owned. The generator of its hidden instance
  // is unset until random.seed(int).
  ObjectId random_module = kNoObject;
  std::vector<ObjectId> random_codes;
  std::optional<MersenneTwister> random_generator;
  // The first module imported whose import runs Python code in CPython
  // (tracemalloc, copy, weakref where start-up has not loaded it): its
  // collections and objects are not modelled. Empty while there is none.
  std::string first_python_import;
  // Modules start-up had not loaded that the script has imported: their
  // first import allocates what heapsim does not model (see ExecImport).
  absl::flat_hash_set<std::string> imported_modules;
  // The first construct that made one of tracemalloc.py's objects (a
  // snapshot, a filter, a statistic), whose memory is not modelled; empty
  // while there is none (tracemalloc_objects.h).
  std::string tracemalloc_objects_made;
  // The first import that left the free lists' lengths unknown (what it
  // does from the lengths it found was not measured), with the count of
  // full collections then: they are known again after the next one.
  // Empty while they are known (import_free_lists.h).
  std::string free_lists_unknown_after;
  uint64_t free_lists_unknown_clears = 0;
  // The count of full collections when tracemalloc last started tracing.
  uint64_t tracing_started_clears = 0;
  // The free lists' lengths when the session's first program started.
  std::vector<uint32_t> free_list_lengths_at_start;
  // The session's first imports so far, in order, with "collect" where a
  // full collection came between, and the count of full collections at the
  // last of them (import_free_lists.h).
  std::string first_import_history;
  uint64_t first_import_history_clears = 0;
  // The generation-0 count and the young generations' collections when
  // the history last moved (the first program's start, a first import),
  // and the objects the script itself has added to generation 0 since the
  // history began or its last full collection.
  uint64_t first_import_count0 = 0;
  uint64_t first_import_young_collections = 0;
  int64_t first_import_gc_objects = 0;
  // After a measured first import, until the next full collection: the GC
  // allocations so far (GcTimingWindow::allocations) and how many more
  // CPython surely makes before its next automatic collection frees the
  // imports' cyclic garbage onto the free lists (negative: none).
  bool import_garbage_parked = false;
  uint64_t import_garbage_clears = 0;
  uint64_t import_garbage_allocations = 0;
  int64_t import_garbage_allocations_left = 0;
  // The first snapshot whose memory is modelled (tracemalloc_snapshot.h):
  // its tuples took blocks in the order of CPython's hash table of traces,
  // so addresses (id()) are not known from then on. Empty while none.
  std::string tracemalloc_snapshot_made;
  // Instances of tracemalloc.py's Snapshot and _Traces classes made so far
  // (each shrinks the next one's values), and the str heapsim's snapshot
  // frames hold for a file name (static; kNoObject until the first).
  uint32_t snapshot_instances = 0;
  uint32_t traces_instances = 0;
  ObjectId snapshot_filename = kNoObject;
  // The first call of functools.py's Python code (functools.lru_cache(),
  // ...), whose memory is not modelled; empty while there is none
  // (module_functools_lru.cc).
  std::string lru_cache_made;
  // The first call of collections' Python code for a namedtuple
  // (namedtuple(), a class's __new__, ...), whose memory is not modelled;
  // empty while there is none (module_collections_namedtuple.cc).
  std::string namedtuple_made;
  // The first call of Counter's Python code (Counter(), a method, an
  // operator), whose memory is not modelled; empty while there is none
  // (module_collections_counter.cc).
  std::string counter_code_ran;
  // The first construct of dataclasses (its import, a dataclass class, a
  // generated method's call) whose Python code's memory is not modelled;
  // empty while there is none (module_dataclasses.cc).
  std::string dataclasses_made;
  // The first exception object kept past its handler, whose traceback and
  // (3.11+) frame objects' blocks are not allocated in the model; empty
  // while there is none (traceback_frames.cc).
  std::string traceback_kept;
  // The programs compiled for the methods dataclass() generates (indices
  // into `programs`), and the instances whose generated __repr__ is
  // running (its recursion guard).
  absl::flat_hash_set<uint32_t> dataclass_programs;
  // The static tuples made for code objects' co_varnames, co_cellvars and
  // co_freevars where CPython's compiler made them (3.8 to 3.10): whether
  // a collection has untracked one is not modelled (code_attributes.h).
  absl::flat_hash_set<ObjectId> compiled_name_tuples;
  absl::flat_hash_set<ObjectId> dataclass_reprs_running;
  // The first construct that ran weakref.py's Python code (a weak
  // container or finalize), whose memory is not modelled; empty while there
  // is none (module_weakref_containers.cc). finalize's creation counter,
  // and whether its exit hook has run (finalize._shutdown: finalizers do
  // nothing from then on).
  std::string weakref_code_ran;
  uint64_t finalize_count = 0;
  bool finalize_shutdown = false;
  // The strs str(False) and str(True) return (static; made on first use).
  ObjectId bool_strs[2] = {kNoObject, kNoObject};
  // The builtins' parsers that have made their keyword tuples
  // (parser_keywords.h), by name.
  absl::flat_hash_set<std::string> parser_keywords_made;
  // The special-method names whose lookup site has made them (profile's
  // special_names.made_on_first_use): "__trunc__", "__bytes__".
  absl::flat_hash_set<std::string_view> special_names_made;
  // The source lines of each program by the file name its frames show, as
  // linecache finds them for Traceback.format().
  absl::flat_hash_map<std::string, std::shared_ptr<const std::vector<std::string>>> source_lines;
  // __main__'s __file__ as start-up binds it (borrowed): a placeholder, as
  // the script's path (and __loader__'s SourceFileLoader) are not modelled.
  ObjectId file_placeholder = kNoObject;
  std::vector<ObjectId> builtin_objects;           // owned; by Builtin id
  // Type objects of other types (function, list_iterator, ...) and the
  // exception classes, made on first use; owned.
  absl::flat_hash_map<std::string, ObjectId> type_objects;
  // The modules' data attributes ("sys.maxsize", "gc.garbage"), statically
  // allocated on first use as CPython's start-up made them; owned.
  absl::flat_hash_map<std::string, ObjectId> module_values;
};

// The call super(...) in `attribute` (super(...).name, in `unit` of
// `program`) when the profile's compiler makes the pair one LOAD_SUPER_ATTR
// (3.12+): `super` a global name the module body does not use, called with
// two positional arguments, or with none in a function with a positional
// parameter and a __class__ cell, and the name not `__class__`; else null.
const Expr* SuperAttrSite(const Heap& heap, const Expr& attribute, const Program& program,
                          const CodeUnit& unit);

// True for staticmethod, classmethod and property objects.
bool IsDescriptorObject(const Heap& heap, ObjectId object);

class Interpreter : public TracebackSource {
 public:
  // The interpreter is the heap's source of tracebacks while it exists.
  Interpreter(Heap& heap, SessionState& session, const RunLimits& limits, OutputSink& out);
  // Unwinds the generators this run left suspended (they cannot be resumed
  // by a later run).
  ~Interpreter() override;

  // The running frames as tracemalloc records them: each frame's program
  // file (as CPython names it) and line, most recent first.
  void CurrentTraceback(uint32_t limit, TracebackTable& table,
                        Traceback* traceback) const override;
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // The calls nested inside the module's frame (CPython's recursion depth
  // less one).
  uint32_t call_depth() const { return depth_; }

  // Runs the module body of `program` in the module frame.
  absl::Status RunModule(const std::shared_ptr<Program>& program, uint32_t program_index);

  // Evaluates `expression` of `program` in the module frame (the REPL and
  // the service's literals).
  absl::StatusOr<Ref> EvaluateIn(const std::shared_ptr<Program>& program, uint32_t program_index,
                                 const Expr& expression);

  // Calls a callable object with arguments (new references in `args`).
  // Returns the result, or a null Ref with the exception pending.
  Ref Call(ObjectId callable, CallArgs args);

  // self.name(...) without making a bound method when CPython would not.
  // Takes the caller's reference to `self` (the eval loop's stack slot),
  // which a Python method receives as its first argument.
  Ref CallMethod(Ref self, const std::string& name, CallArgs args);

  // Iterates `iterable`, calling `body` with a new reference to each item;
  // `body` returns false to stop early. Returns false on an exception.
  bool ForEach(ObjectId iterable, const std::function<bool(Ref)>& body);

  // Materialises an iterable's items (list(x) without the list).
  bool Collect(ObjectId iterable, std::vector<Ref>* items);

  // list += iterable and list.extend(iterable): extends `list` sizing its
  // item array as CPython does for that kind of iterable. kIterate always
  // takes the items from an iterator (sorted(), whose list is made where
  // 3.13's list_extend would read a dict or set directly).
  enum class ListExtendRoute { kListExtend, kIterate };
  bool ExtendList(ObjectId list, ObjectId iterable,
                  ListExtendRoute route = ListExtendRoute::kListExtend);
  // Extends `list` with what `iterator` gives, its item array sized for
  // `source` and `hint` as list_extend sizes it. False with the exception
  // pending when the iterator raises (the items so far are kept).
  bool ExtendListFromIterator(ObjectId list, ObjectId iterator, ExtendSource source,
                              uint64_t hint);

  // iter(x): a new iterator object (x itself for iterators), or null with
  // TypeError pending.
  Ref GetIter(ObjectId iterable);
  // True if GetIter(object) would give an iterator.
  bool Iterable(ObjectId object) const;
  // reversed(x): the type's own reverse iterator (list, range, dict and its
  // views, through their transient bound __reversed__), a `reversed` object
  // for the other sequences, TypeError for what is not reversible; null
  // with the error pending (or refused: instances, deques).
  Ref Reversed(ObjectId sequence);
  // next(it): a new reference to the next item, or a null Ref at the end
  // (no exception pending) or on error (exception pending).
  Ref Next(ObjectId iterator);
  // The number of items `iterable` will give, when known without iterating.
  std::optional<uint64_t> LengthHint(ObjectId iterable);

  // What interactive expression statements echoed, in order.
  const std::vector<std::string>& echoes() const { return echoes_; }

  // The pending exception, and raising one. An Unimplemented status (what
  // the engine does not model) becomes a refusal, as Refuse gives.
  void Raise(absl::Status error);
  // NameError "name 'x' is not defined" for `name`, carrying the hint
  // CPython's traceback adds when nothing catches it (3.10+: "Did you mean").
  absl::Status NameErrorFor(std::string_view name);
  // `error`, an AttributeError for attribute `name` of `object`, carrying the
  // hint CPython's traceback adds when nothing catches it (3.10+: "Did you
  // mean", from the object's dir()), or refused then when heapsim cannot
  // rebuild that dir() exactly.
  absl::Status AttributeErrorFor(ObjectId object, std::string_view name, absl::Status error);
  bool has_error() const { return !error_.ok(); }
  // Stops the run with InvalidArgument "FILE:LINE:COL: unsupported: <what>"
  // (at the running statement) for a construct only visible at run time that
  // heapsim cannot model; no handler catches it.
  void Refuse(std::string_view what);
  const absl::Status& error() const { return error_; }
  absl::Status TakeError();
  // An except clause or a finally block runs for a Python exception, whose
  // traceback objects (not modelled) CPython holds meanwhile.
  bool TracebacksAlive() const { return tracebacks_alive_ != 0; }
  // The exception the innermost running except clause handles (what
  // sys.exception() returns), or kNoObject.
  ObjectId HandledException() const { return handling_exception_.get(); }
  // A finally block runs for a pending exception (which CPython handles
  // meanwhile).
  bool FinallyRunsForException() const { return finally_for_exception_ != 0; }
  // A frame the pending error leaves is not kept in unwound_ (a generator's
  // body, a class body, copy.py's and random.py's functions): the
  // exception's traceback has an entry heapsim does not account for.
  void NoteFrameLeftUnkept();
  // True while the call being made is the whole value of an expression
  // statement, its result dropped unseen (`gc.collect()` on a line of its
  // own); false for calls inside other expressions and for echoed ones.
  bool CallResultDropped() const { return call_result_dropped_; }
  // Takes the pending error for code that handles it and drops it (a
  // builtin's default for a missing attribute or item, a loop's end on
  // StopIteration): frees the exception object and the frames its traceback
  // kept (see UnwoundFrames).
  absl::Status CatchError();

  // Runs the finalizers (__del__) of the instances the heap parked (see
  // Heap::NeedsFinalizer), depth first: those parked while one runs or is
  // freed come next. Called at the safe points right after what can drop
  // the last reference (a statement, a call's return, before output), so
  // output and frees keep CPython's order. A Python exception pending on
  // entry is kept (as slot_tp_finalize saves it). False when the run must
  // stop (a limit, or a refusal: a finalizer raised, or a collection found
  // finalizers it could not run); the instances not finalized stay parked.
  bool RunPendingFinalizers();
  // Runs the __del__ of `instance`, whose finalized flag is set and a
  // reference to which the caller holds (slot_tp_finalize).
  void RunFinalizer(ObjectId instance);
  // Calls `callback(weakref)` as CPython's handle_callback does (a call from
  // C whose frame takes its own reference to the argument), keeping a
  // pending exception; an exception the callback raises is refused.
  void RunWeakRefCallback(ObjectId weakref, ObjectId callback);
  // PyObject_ClearWeakRefs for `object`, whose deallocation is under way
  // (the caller holds the reference the heap parked it with): clears its
  // weak references and runs their callbacks in list order, from a tuple
  // holding them when there are several (or always, on profiles whose
  // WeakRefRules::callbacks_from_tuple say so).
  void ClearWeakRefsRunningCallbacks(ObjectId object);
  // Refuses the run when a frame an exception is leaving freed instances
  // whose finalizers are due: CPython's traceback keeps that frame, and so
  // its locals, alive until the exception is handled.
  void RefuseFinalizersOfUnwoundFrame();
  // Refuses the run once the trashcan deferred an instance whose finalizer
  // is due (Heap::TakeFinalizerInTrashcan) or an object weak references with
  // callbacks name (TakeWeakRefCallbackInTrashcan), or a chain of deques or
  // defaultdicts too deep was freed (Heap::TakeUntrashedChainRefusal).
  void RefuseIfFinalizerInTrashcan();
  // What a collection the interpreter starts runs finalizers with.
  FinalizerRunner CollectorFinalizers();
  // The finalizers of Runtime::Shutdown: a full collection when the
  // collector is enabled, then those of FinalizersDueWithout(`dropped`) in
  // order, as the collector runs them, and any parked meanwhile. Returns
  // the error that stopped them.
  absl::Status FinalizeAtShutdown(const absl::flat_hash_map<ObjectId, uint64_t>& dropped);

  Heap& heap() { return heap_; }
  SessionState& session() { return session_; }

  // A call of a Python function a builtin runs natively (copy.py's): a step
  // of the budget and a level toward the recursion limit. Returns false,
  // with the limit's error pending or, within kNativeCallMargin levels of
  // the session's recursion limit (or past heapsim's bound on calls),
  // refusing `what` (CPython's C calls count levels heapsim does not), and
  // then no level was taken. EndNativeCall gives the level back.
  bool BeginNativeCall(std::string_view what);
  void EndNativeCall() { LeaveFrame(); }
  static constexpr uint32_t kNativeCallMargin = 100;
  // Writes program output; false (ResourceExhausted pending) when it would
  // pass the run's output limit, and then nothing is written.
  bool Write(std::string_view text);

  // str + str growing the left operand in place when only the caller holds
  // it and the profile does so (PyUnicode_Append). True if it did.
  bool ConcatInPlace(BinaryOp op, ObjectId left, ObjectId right);
  // unicode_concatenate's first step for `name += s` / `name = name + s`:
  // when `name` and the caller hold the only references to the str
  // `value`, the name lets go of its reference (deleted from its frame or
  // dict) so the str can grow in place. True if it did.
  bool ReleaseForConcat(const NameRef& name, BinaryOp op, ObjectId value, ObjectId right);
  // The BINARY_OP `site` of `op` on `left` and `right` (interpreter_binary.cc):
  // when CPython 3.11+ runs it specialised in a way a script can see,
  // performs that form and returns true with the result in `*result` (null
  // with an error pending, a refusal included). Else returns false with
  // the operands untouched, for the caller's generic instruction.
  // `store_target`: the name the result is stored to next, if any.
  bool RunSpecialisedBinary(AdaptiveSite& site, BinaryOp op, Ref& left, Ref& right,
                            bool in_place, const NameRef* store_target, Ref* result);
  // Whether CALL site `expr` (calling `callable` with `args`) runs as
  // 3.11/3.12's CALL_NO_KW_STR_1, str(x) without packing its argument in a
  // tuple, advancing the site; nullopt with a refusal pending when heapsim
  // cannot tell and it would show.
  std::optional<bool> StrCallSpecialised(const Expr& expr, ObjectId callable, const CallArgs& args,
                                         bool star_call);
  // 3.11+'s str += str stored back to the local it read, the local being
  // `target`: grows the str in place or replaces it.
  Ref AppendToLocal(const NameRef& target, Ref left, Ref right);

  // The type object named `name` for types without a builtin name (and
  // the exception classes), made once per session.
  ObjectId TypeObject(const std::string& name);

  // super(...) called: with no arguments the running frame's first
  // argument and its __class__ cell, else a program class and an instance
  // of it (or of a subclass). A new super object, or null with CPython's
  // error pending (or refused: one argument, keywords, builtin types).
  Ref CallSuper(CallArgs& args);
  // object.__init__(self, *args) as object_init runs it for an instance of
  // the script's classes: None, or CPython's TypeError for arguments.
  Ref CallObjectInit(ObjectId self, const CallArgs& args);

  // Binds or reads attribute `name` of `object` (instances, classes,
  // modules' functions, builtin methods as bound objects).
  Ref GetAttr(ObjectId object, const std::string& name);
  bool SetAttr(ObjectId object, const std::string& name, ObjectId value);
  bool DelAttr(ObjectId object, const std::string& name);
  // container[key] for reading, writing and deleting.
  Ref GetItem(ObjectId container, ObjectId key);
  // container[start:stop:step] (parts may be None) without a slice object.
  Ref GetSlice(ObjectId container, ObjectId start, ObjectId stop, ObjectId step);
  bool SetItem(ObjectId container, ObjectId key, ObjectId value);
  bool DelItem(ObjectId container, ObjectId key);

 private:
  // `error`, from setting or deleting attribute `name` of the instance
  // `object`, with AttributeErrorFor's hint where CPython's traceback adds
  // one (3.13+: a name a class with __slots__ and no __dict__ lacks).
  absl::Status SlotlessStoreError(ObjectId object, const std::string& name, absl::Status error);
  // True when the running frame's f_locals binds `self` to `object`.
  bool FrameSelfIs(ObjectId object) const;
  // bytearray[slice] = value, or del bytearray[slice] when value is kNoObject,
  // by CPython's bytearray_ass_subscript (values other than another bytearray
  // are first copied into a temporary bytearray).
  bool AssignByteArraySlice(ObjectId container, ObjectId key, ObjectId value);
  // array[key] = value, or del array[key] with value kNoObject
  // (interpreter_items.cc).
  bool AssignArrayItems(ObjectId container, ObjectId key, ObjectId value);
  // memoryview[key], memoryview[start:stop:step], and memoryview[key] =
  // value or del memoryview[key] with value kNoObject (memory_subscript
  // and memory_ass_sub; interpreter_items.cc).
  Ref MemoryViewGetItem(ObjectId view, ObjectId key);
  Ref MemoryViewGetSlice(ObjectId view, ObjectId start, ObjectId stop, ObjectId step);
  bool MemoryViewSetItem(ObjectId view, ObjectId key, ObjectId value);
  // MemoryViewSetItem for a view of an array.array: one item, packed by
  // its format (slices refused).
  bool ArrayViewSetItem(ObjectId view, ObjectId key, ObjectId value);
  friend class GeneratorFunctions;
  friend Ref GeneratorNext(Interpreter& interp, ObjectId generator);
  friend Ref NewGeneratorExpression(Interpreter& interp, const Expr& expr, uint32_t program_index,
                                    ObjectId function, Ref first_iterator);

  // Frame-local context of the code running now.
  struct Context {
    const Program* program = nullptr;
    const CodeUnit* unit = nullptr;
    size_t frame = 0;                   // index in the FrameStack
    ObjectId class_namespace = kNoObject;  // class bodies
    uint32_t program_index = 0;
    Position position;                  // of the statement running now
    GeneratorRun* generator = nullptr;  // a generator function's body
    // The line CPython's frame would report now (its f_lineno): the start
    // of the innermost expression being evaluated, else of the statement;
    // line_known false where heapsim cannot tell which line CPython uses.
    uint32_t line = 0;
    bool line_known = true;
    // The context of the calling frame (null for the module frame): a
    // traceback's next frame.
    const Context* caller = nullptr;
  };

  // Statements.
  Flow ExecBlock(const Block& block);
  Flow Exec(const Stmt& stmt);
  // The running statement is `stmt` (the frame's position and line).
  void SetStatementLine(const Stmt& stmt);
  Flow ExecAssign(const Stmt& stmt);
  Flow ExecAugAssign(const Stmt& stmt);
  Flow ExecDelete(const Expr& target);
  Flow ExecFor(const Stmt& stmt);
  // The loop of a for statement over `iterator`: kNormal when it is
  // exhausted, kBreak, kReturn or kError as the body ends it.
  Flow ExecForLoop(const Stmt& stmt, ObjectId iterator);
  Flow ExecWhile(const Stmt& stmt);
  Flow ExecTry(const Stmt& stmt);
  Flow ExecWith(const Stmt& stmt);
  Flow ExecFunctionDef(const Stmt& stmt);
  Flow ExecAnnAssign(const Stmt& stmt);
  // SETUP_ANNOTATIONS: an empty __annotations__ dict stored in
  // `namespace_dict` unless it has one. False when that raised.
  bool SetupAnnotations(ObjectId namespace_dict);
  Flow ExecClassDef(const Stmt& stmt);
  // Stores a class body's docstring in its namespace `ns` as __doc__.
  void StoreClassDocstring(const CodeUnit& unit, ObjectId ns);
  // Calls each of `decorators` on `decorated`, the last first, each on the
  // previous one's result, as a def or class statement does; returns the
  // final result, or null with the error set.
  Ref ApplyDecorators(std::vector<Ref> decorators, Ref decorated);
  Flow ExecImport(const Stmt& stmt);
  // do_raise's instantiation: a builtin exception class given to `raise`
  // (or as its cause) is replaced by its instance, called without
  // arguments; anything else is left as it is. False when the call raised.
  bool InstantiateException(Ref* value);
  bool Assign(const Expr& target, Ref value);
  // Unpacks `value` into the tuple or list `target` whose operand `star` is
  // starred (UNPACK_EX): the starred name gets a new list of what is left.
  bool AssignStarred(const Expr& target, size_t star, Ref value);
  // iter(value) for an unpacking assignment: a value that is not iterable
  // raises "cannot unpack non-iterable T object" instead of iter()'s error.
  Ref IterForUnpacking(ObjectId value);
  // Next's work, once the nesting of wrapping iterators is checked.
  Ref NextItem(ObjectId iterator);

  // Expressions.
  // Displays with starred items, as 3.9+ and as 3.8 build them.
  Ref EvalUnpackDisplay(const Expr& expr);
  Ref EvalPackedUnpackDisplay(const Expr& expr);
  // One item into a list or set display (append / add), and a starred
  // item's items (list_extend / set update). False with the exception
  // pending.
  bool AddToDisplay(ObjectId display, ObjectId item);
  bool ExtendDisplay(ObjectId display, ObjectId part);
  // Evaluates `expr` with the frame's line set to the expression's.
  Ref Eval(const Expr& expr);
  Ref EvalNode(const Expr& expr);
  Ref EvalName(const Expr& expr);
  Ref EvalCall(const Expr& expr);
  // True when `receiver`.name(...) binds before its arguments are
  // evaluated: a super object, or a staticmethod, classmethod or property
  // of the receiver's class (of the class itself) that its own attributes
  // do not hide.
  bool BindsBeforeArguments(ObjectId receiver, const std::string& name);
  // super(...).name at a LOAD_SUPER_ATTR site (3.12+; `super_call` is the
  // call): the first run makes the super object and binds through it, later
  // runs look the name up without it. For a method call (`unbound_self`
  // given) a function found is returned unbound with the object in
  // *unbound_self, as LOAD_SUPER_ATTR_METHOD leaves them.
  // When the lookup ends at object's __init__ for a method call, the slot
  // wrapper (not modelled) is left unbound: *object_init is set and the
  // result is None, to be called as CallObjectInit.
  Ref EvalSuperAttribute(const Expr& attribute, const Expr& super_call, Ref* unbound_self,
                         bool* object_init);
  // The class and the object super(...) is made from (borrowed), checked
  // as super_init checks them; false with the error pending.
  bool SuperArguments(const CallArgs& args, ObjectId* type, ObjectId* obj);
  // The getter `attribute` (a kAttribute expression) calls on `object` as
  // 3.12's LOAD_ATTR_PROPERTY does, once the site ran before: a property
  // of the instance's class whose getter is a function of one positional
  // parameter (no *args, **kwargs or keyword-only ones); else kNoObject.
  // Marks the site as run.
  ObjectId SpecialisedPropertyGetter(const Expr& attribute, ObjectId object);
  // What reading a class's staticmethod, classmethod or property
  // `descriptor` gives through `instance` (kNoObject: through the class
  // `cls` itself): the function, a method bound to `cls`, the getter's
  // result (or the property itself from the class); null with the error
  // pending.
  Ref DescriptorGet(ObjectId descriptor, ObjectId instance, ObjectId cls);
  // instance.name = value through a property (kNoObject: del
  // instance.name): its setter or deleter called, else CPython's
  // AttributeError. False with the error pending.
  bool PropertyStore(ObjectId property, ObjectId instance, ObjectId value);
  // super(type, obj).name, bound as super_getattro binds it; the
  // AttributeError of a name not found is raised on `super_object`, which
  // may be kNoObject only when the lookup is known to succeed.
  Ref SuperGetAttr(ObjectId type, ObjectId obj, const std::string& name, ObjectId super_object);
  Ref EvalCompare(const Expr& expr);
  // A comparison in a branch's test where 3.11 may specialise it: its
  // result when CPython's would skip the recursion check at the limit (or a
  // refusal when heapsim cannot tell); else a null Ref, no error.
  Ref JumpTestCompare(const Expr& expr, CompareOp op, ObjectId a, ObjectId b);
  // A frame's exit: one level less, and the end of 3.8's overflow
  // allowance once the depth falls below it.
  void LeaveFrame();
  // A call's evaluation of `unit`'s code, for 3.8 to 3.10's opcache
  // (CountCodeEvaluation), whose blocks CPython traces at the code's first
  // line (the frame has run no instruction yet).
  void CountCallEvaluation(const CodeUnit& unit);
  // Whether one more call (or a generator's resumption) may nest: the
  // module's frame counts toward the session's recursion limit, so at most
  // limit - 1 calls nest inside it; heapsim's own bound
  // (Heap::kMaxModelledCallDepth) stops a raised limit.
  // Frames entered from C code count their C levels too, which heapsim
  // does not: near the limit with such frames on the stack (each may take
  // up to two more levels, and up to three of 3.12+'s C recursion limit)
  // the answer is refused.
  enum class CallRoom : uint8_t { kAllowed, kRecursionError, kBeyondModel, kNearLimitThroughC };
  // A Python function is called from Python code's CALL (kFromPython) or
  // from C code (kFromC: a builtin such as sorted() or map(), a special
  // method's slot, type.__call__ running __init__), whose own levels
  // CPython counts toward the recursion limit, and from 3.12 toward its C
  // recursion limit, on top of the frames.
  enum class CallSite : uint8_t { kFromPython, kFromC };
  CallRoom RoomForCall(CallSite site) const;
  // The refusal of a call past heapsim's bound or near the limit through C.
  void RefuseDeepCall(CallRoom room);
  // False, with the limit's error, once the simulated footprint is past the
  // session's max_bytes.
  bool WithinMemoryLimit();
  Ref EvalDisplay(const Expr& expr);
  Ref EvalDict(const Expr& expr);
  Ref EvalComprehension(const Expr& expr);
  Ref EvalFString(const Expr& expr);
  Ref EvalSubscript(const Expr& expr);
  Ref EvalSliceObject(const Expr& expr);
  Ref MakeFunction(uint32_t unit, std::vector<Ref> defaults, Ref kw_defaults,
                   Ref annotations = Ref());
  // `cls.__annotations__` of a class of the script, as the profile reads
  // it (Profile::class_annotations_getset).
  Ref ClassAnnotations(ObjectId cls);
  // The call's arguments from operand `first` on. With `sole_star_tuple`,
  // a sole positional `*t` of an exact tuple leaves t there (CALL_FUNCTION_EX
  // hands it over as it is).
  bool EvalArguments(const Expr& call, size_t first, CallArgs* args,
                     Ref* sole_star_tuple = nullptr);

  // Names.
  Ref LoadName(const NameRef& name);
  // The global `value` found for `name`, or a refusal when it is one of the
  // start-up placeholders (__file__, __loader__) CPython gives another value.
  Ref GlobalValue(const NameRef& name, ObjectId value) {
    if (value == session_.file_placeholder || value == heap_.none()) {
      return PlaceholderGlobal(name, value);
    }
    return heap_.NewRef(value);
  }
  Ref PlaceholderGlobal(const NameRef& name, ObjectId value);
  bool StoreName(const NameRef& name, Ref value);
  bool DeleteName(const NameRef& name);
  ObjectId LookupAfterStore(const NameRef& name);
  ObjectId LookupBuiltin(const std::string& name);

  // Calls.
  Ref CallFunction(ObjectId function, CallArgs args, CallSite site = CallSite::kFromC);
  // Call() for Python code's own CALL: a function or a bound method enters
  // its frame from Python. `stack_ref`, when given, is the caller's own
  // reference to `callable` (the stack's), which a bound method's call
  // drops before the call runs where the profile unpacks bound methods.
  Ref CallFromPython(ObjectId callable, CallArgs args, Ref* stack_ref = nullptr);
  Ref RunComprehension(const Expr& expr, const CodeUnit& unit, Ref first_iterator,
                       ObjectId function);
  // Runs the loops of a comprehension from clause `clause` on, calling
  // `emit` for each element; false on an exception.
  bool ComprehensionLoop(const Expr& expr, size_t clause, ObjectId iterator,
                         const std::function<bool()>& emit);
  // The exception object a handler sees for a pending error.
  Ref MaterializeException(const absl::Status& error);
  // The locals (and 3.8-3.10 frame objects) of the frames Python errors
  // left, which CPython's tracebacks keep alive until the exception is
  // freed, in the order it frees them: the pending exception's own
  // (innermost frame first), then those of its __context__ chain.
  struct UnwoundFrames {
    std::vector<Frame> own;
    std::vector<Frame> context;
    // The traceback is not one entry per frame of `own` plus the catching
    // frame's (it passed a frame heapsim does not keep, such as a
    // generator's, or `raise e` raised the handled exception again), or the
    // exception has a __context__: it cannot outlive its handler.
    bool untracked = false;
    bool empty() const { return own.empty() && context.empty(); }
  };
  // The handled exception `exception` outlives its handler: its traceback
  // keeps `handled`'s frames until it is freed (traceback_object.h), or
  // false after refusing what heapsim does not model. `outer` is the
  // exception an enclosing handler handles (kNoObject: none).
  bool KeepHandledTraceback(ObjectId exception, UnwoundFrames& handled, ObjectId outer);
  // Before the running call's frame ends: false after refusing an end
  // while an exception it caught keeps its traceback (the frame object
  // would keep the locals, and its callers' frames, alive).
  bool CheckFrameEndsFreeOfTracebacks();
  // e.__traceback__ of exception `exception`: None while it has none (it
  // was never raised), refused otherwise (traceback objects are not
  // modelled as objects).
  Ref ExceptionTraceback(ObjectId exception);
  // e.__traceback__ = value (kNoObject: del): None frees the traceback it
  // holds (and the frames it keeps); false with BaseException_set_tb's
  // TypeError for other values, or after a refusal.
  bool SetExceptionTraceback(ObjectId exception, ObjectId value);
  // Refuses `what` in place of a pending Python error (a pending refusal
  // or limit stays).
  void RefuseOverPendingError(std::string_view what);
  // 3.11+ (no heap frames): the traceback of an exception an except clause
  // catches needs the running frame's frame object, which CPython then
  // keeps until the frame ends; heapsim counts it (Frame::
  // counted_frame_object).
  void CountCatchingFrameObject();
  // Pops the running call's frame, which a Python error leaves: held in
  // unwound_ when the error is a Python error, else freed.
  void PopFrameOnError();
  // Frees the frames of `frames`, as freeing their exception does.
  void ReleaseUnwoundFrames(UnwoundFrames frames);
  // The frames a handler's exception holds, set aside while its handler (or
  // a finally block) runs so that exceptions caught inside free only their
  // own.
  UnwoundFrames TakeUnwoundFrames() { return std::exchange(unwound_, UnwoundFrames()); }
  // After a handler or finally block that ends with a Python error: the
  // frames of the exception it handled (`handled`) become the context of the
  // pending one, or stay its own when it is the same exception (a bare
  // `raise`).
  void ChainUnwoundFrames(UnwoundFrames handled, bool same_exception);
  // The object a pending error names as its argument (a KeyError's key), with
  // a new reference, or null if the error names none or it is gone.
  Ref ErrorArgument(const absl::Status& error);
  bool BindArguments(const CodeUnit& unit, ObjectId function, CallArgs& args,
                     std::vector<ObjectId>* slots);
  Ref Instantiate(ObjectId cls, CallArgs args);
  // type.__call__'s second half: `init` (a class's __init__) called with
  // `instance` first; `instance` itself, or null with TypeError pending
  // (an __init__ that is not a function, or returns other than None).
  Ref RunInit(ObjectId init, Ref instance, CallArgs args);

  // Exception classes of the script (exception_classes.cc).
  // The MRO of the builtin exception type `base` a class derives from, or
  // false with a refusal of the bases heapsim does not model.
  bool BuiltinExceptionMro(ObjectId base, std::vector<ObjectId>* mro);
  // False, with a refusal, when exception class `class_name`'s namespace
  // `ns` binds a name heapsim does not model for exceptions.
  bool CheckExceptionClassBody(const std::string& class_name, ObjectId ns);
  // cls(*args) for an exception class: `packed` is the call's argument
  // tuple (kNoObject for none), which becomes the instance's args.
  Ref InstantiateExceptionClass(ObjectId cls, ObjectId packed, CallArgs args);
  // BaseException.__init__(self, *args): args becomes `packed` (the tuple
  // the caller packed them in) or, when kNoObject, a new tuple of them.
  Ref InitException(ObjectId self, const CallArgs& args, ObjectId packed);
  // Raises `exception`, an instance of an exception class; returns false.
  bool RaiseExceptionInstance(Ref exception);
  // Whether the `except` clause naming `type` (not a builtin exception)
  // catches the pending exception object: 1, 0, or -1 after a refusal.
  int ExceptionClassMatches(const std::string& type);
  // instance(...) through `method`, the __call__ of its class.
  Ref CallInstance(ObjectId instance, ObjectId method, CallArgs args);

  // Refuses obj.name = ... / del obj.name where CPython would do what
  // heapsim does not model (a special attribute, a function's __dict__),
  // or raises the AttributeError of a namedtuple's read-only attribute;
  // true if it did.
  bool RefusedAttributeWrite(ObjectId object, const std::string& name, bool del);
  // Refuses reading attribute `name` CPython has but heapsim does not
  // model; returns the null Ref.
  Ref RefuseAttribute(ObjectId object, const std::string& name);

  // Housekeeping between steps: limits, time, cancellation, scheduled GC.
  bool Step();

  Heap& heap_;
  SessionState& session_;
  const RunLimits& limits_;
  Budget budget_;
  ScopedBudget budget_scope_;
  OutputSink& out_;
  Context context_;
  // `name = <binary expression>` to a fast local runs: the expression and
  // the name it is stored to (BINARY_OP followed by STORE_FAST).
  struct BinaryStore {
    const Expr* value = nullptr;
    const NameRef* target = nullptr;
  };
  BinaryStore binary_store_;
  absl::Status error_;
  // See UnwoundFrames.
  UnwoundFrames unwound_;
  // The except clauses and finally blocks running for a Python exception.
  uint32_t tracebacks_alive_ = 0;
  // The finally blocks among them.
  uint32_t finally_for_exception_ = 0;
  // The exception object error_ carries when the program raised one (`raise
  // e`, `raise E(...)`, a bare `raise`): the object its handler binds.
  Ref error_exception_;
  // The error raising an instance of the script's exception classes made
  // (RaiseExceptionInstance): a builtin that takes it and raises it again
  // keeps error_exception_ with it.
  absl::Status class_error_;
  // The exception object being handled (bare `raise` re-raises it).
  Ref handling_exception_;
  // The argument object of error_ (a KeyError's key), held as the raised
  // exception holds it until a handler takes it.
  Ref error_argument_;
  Ref return_value_;
  std::vector<std::string> echoes_;
  uint64_t steps_ = 0;
  uint64_t output_bytes_ = 0;
  uint32_t depth_ = 0;
  // The frames on the stack entered from C code (CallSite::kFromC).
  uint32_t c_entered_depth_ = 0;
  // A RecursionError was raised and the depth has not yet fallen below the
  // profile's overflow allowance (3.8's tstate->overflowed).
  bool recursion_overflowed_ = false;
  // Iterators that wrap iterators (enumerate, zip, map, filter) whose next
  // item is being fetched, one inside another.
  uint32_t iterator_nesting_ = 0;
  // The exception being handled, for a bare `raise`.
  absl::Status handling_;
  // The call an expression statement drops the result of (see
  // CallResultDropped), and whether the call being made is it.
  const Expr* dropped_call_ = nullptr;
  bool call_result_dropped_ = false;
  // The heap's traceback source before this interpreter (restored after).
  const TracebackSource* previous_traceback_source_ = nullptr;
};

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_INTERPRETER_H_
