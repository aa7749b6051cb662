// A Profile holds every way in which the simulated CPython versions differ.
//
// The engine never asks "which version is this?": each behaviour that
// changed between releases is a field here, filled in from measurements of
// the real interpreters (see tests/golden/). Adding a version means adding a
// row to the table in profile.cc.

#ifndef HEAPSIM_SERVER_HEAP_PROFILE_H_
#define HEAPSIM_SERVER_HEAP_PROFILE_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "server/heap/cpython_dirs.h"

namespace heapsim {

// Where an instance keeps its attribute values.
enum class InstanceStorage : uint8_t {
  kSplitDict,     // a __dict__ made at the first attribute (3.8 to 3.10)
  kValuesArray,   // a values array sized from the class's shared keys (3.11, 3.12)
  kInlineValues,  // values inside the object itself (3.13)
};

// Requests (GC header included) of the interpreter's auxiliary objects.
struct AuxSizes {
  uint32_t function;
  uint32_t code;
  uint32_t cell;
  uint32_t method;          // a function bound to an instance
  uint32_t builtin_method;  // a builtin bound to self (e.g. [].append)
  uint32_t seq_iterator;    // list, tuple, str and bytes iterators
  uint32_t range_iterator;
  uint32_t dict_iterator;
  uint32_t set_iterator;
  uint32_t enumerate;
  uint32_t zip;
  uint32_t map_filter;      // map and filter objects
  uint32_t dict_view;
  uint32_t generator;       // a generator object (without its frame, 3.11+)
  uint32_t range;
  uint32_t slice;
  uint32_t exception;       // KeyError() and friends
  uint32_t frame_base;      // a heap frame before its slots (3.8 to 3.10)
  uint32_t module;
  uint32_t weakref;         // weakref.ref objects
};

// CPython's wording of errors whose text changed between versions.
struct ErrorMessages {
  std::string_view unbound_local;       // UnboundLocalError; %s is the name
  std::string_view float_floor_div_zero;
  std::string_view int_mod_zero;
  std::string_view float_mod_zero;
  std::string_view number;              // "number" or "real number" in int()/float()
  std::string_view reduce_empty;        // "reduce() of empty sequence with no initial value"
  std::string_view min_max_empty;       // "%s() arg is an empty sequence" (%s: min or max)
  // TypeError of a class whose __slots__ asks for a second __weakref__.
  std::string_view weakref_slot_disallowed;
  // Appended to "'int' object has no attribute 'y'" when setting it (3.13+).
  std::string_view setattr_no_dict;
  // str.find / str.count given a non-str: "must be str", or (3.13+)
  // "%s() argument 1 must be str" (%s: find or count).
  std::string_view str_search_arg;
  // Errors of builtins taking no or one argument, or no keywords, name
  // methods and module functions with their type or module ("list.append()
  // takes exactly one argument", 3.9+) instead of alone ("append() ...").
  bool qualified_call_names;
  // Deleting an instance attribute that is not there names the object and
  // the attribute ("'C' object has no attribute 'x'", 3.11+) instead of
  // giving the attribute's name alone.
  bool delattr_names_object;
  // An uncaught exception of a class of the script is named with its
  // module on the traceback's last line ("__main__.E: msg", before 3.11)
  // rather than alone ("E: msg").
  bool uncaught_class_names_module;
  // Reading an unset __slots__ member names the object and the attribute
  // ("'C' object has no attribute 'x'", 3.10+) instead of the attribute
  // alone.
  bool unset_slot_names_object;
  // Argument errors of the script's own functions name them by qualified
  // name ("outer.<locals>.inner() missing ...", 3.10+).
  bool qualified_function_names;
  // An object without __enter__ or __exit__ in a with statement: TypeError
  // "'C' object does not support the context manager protocol" (3.11+)
  // instead of AttributeError naming the method.
  bool with_protocol_type_error;
  // chr() of a non-int: "an integer is required (got type str)" and, for a
  // float, "integer argument expected, got float" (3.8, 3.9) instead of
  // "'str' object cannot be interpreted as an integer".
  bool int_arg_legacy;
  // chr() of an int past C int: ValueError "chr() arg not in
  // range(0x110000)" (3.13+) instead of OverflowError.
  bool chr_overflow_value_error;
  // getattr()/hasattr() of a non-str name: "attribute name must be string,
  // not 'int'" (3.11+) instead of "getattr(): attribute name must be string".
  bool attr_name_names_type;
  // pow(a, b, m) of unsupported operands: "unsupported operand type(s) for
  // ** or pow(): ..." (3.10+) instead of "... for pow(): ...".
  bool ternary_pow_names_operator;
  // An unknown keyword of an Argument Clinic function: "pow() got an
  // unexpected keyword argument 'z'" (3.13+) instead of "'z' is an invalid
  // keyword argument for pow()".
  bool clinic_keyword_names_function;
  // isinstance()/issubclass() of a second argument that is no class:
  // "... must be a type, a tuple of types, or a union" (3.10+) instead of
  // "... must be a type or tuple of types".
  bool class_check_mentions_union;
  // Calling a weak reference with arguments: "__call__() takes at most 0
  // arguments (%d given)", or (3.11+) "weakref expected 0 arguments, got %d".
  std::string_view weakref_call_args;
  // ... with keywords: "__call__() takes at most 0 keyword arguments (%d
  // given)", or (3.11+) "weakref() takes no keyword arguments".
  std::string_view weakref_call_keywords;
  // super(5, obj): "super() argument 1 must be type, not int", or (3.11+)
  // "must be a type"; the text before the type's name.
  std::string_view super_type_argument;
  // super(C, obj) of an obj that is no C: "super(type, obj): obj (instance
  // of int) is not an instance or subtype of type (C)." (3.13+) instead of
  // "... obj must be an instance or subtype of type".
  bool super_check_names_types;
  // AttributeError of a property without a getter, setter or deleter:
  // "%N" stands for the property's name quoted after a space (" 'p'", or
  // nothing when it has none) and "%T" for the object's type's name.
  std::string_view property_no_getter;
  std::string_view property_no_setter;
  std::string_view property_no_deleter;
  // str.find, rfind, index, rindex, count, startswith and endswith are
  // Argument Clinic functions (3.13+): argument counts are "find expected
  // at least 1 argument, got 0" instead of "find() takes at least 1
  // argument (0 given)", and find's kin check the substring's type before
  // start and end rather than after.
  bool str_search_clinic;
  // "str.rfind() takes no keyword arguments": the METH_VARARGS methods
  // (str.find and its kin) are named with their type in it (3.11+).
  bool qualified_varargs_names;
};

// Weak references: what weakref.ref's type is called (`__name__`
// "weakref", or from 3.10 "ReferenceType", shown as weakref.ReferenceType),
// and how weakref.getweakrefs builds its list.
struct WeakRefRules {
  std::string_view type_name;
  std::string_view type_module;  // "" when its repr shows the name alone
  // An empty list appended to (3.13), not one sized for the count.
  bool getweakrefs_appends;
  // PyObject_ClearWeakRefs calls even a lone callback from the tuple it
  // builds for several (3.13: the argument's count is one higher).
  bool callbacks_from_tuple;
  // The __name__ of weakref.ProxyType and weakref.CallableProxyType
  // ("weakproxy", "weakcallableproxy"; from 3.10 with type_module).
  std::string_view proxy_type_name;
  std::string_view callable_proxy_type_name;
  // A proxy's repr: "<weakproxy at P; to 'T' at R>" and "<weakproxy at P;
  // dead>" (3.13), not "<weakproxy at P to T at R>" (NoneType and None's
  // address once dead).
  bool proxy_repr_quotes_type;
  // How weakref.proxy's keyword error names it: "proxy", or (3.11+)
  // "_weakref.proxy".
  std::string_view proxy_call_name;
};

// A class's namespace (type_new and the class body's code) and the
// mappingproxy that shows it (Objects/descrobject.c).
struct ClassNamespaceRules {
  // The body stores __firstlineno__ after __qualname__ and, as it ends,
  // __static_attributes__: the sorted names its functions assign as
  // self.name (3.13).
  bool static_attributes;
  // keys(), values(), items() and copy() call the dict's method through a
  // bound method (3.8), not unbound.
  bool proxy_methods_bind;
  // | with a dict, reversed() and their own |= TypeError (3.9+).
  bool proxy_or;
  // hash() is the mapping's ("unhashable type: 'dict'", 3.12+).
  bool proxy_hash_delegates;
};

// array.array (Modules/arraymodule.c).
struct ArrayRules {
  uint32_t object_size;  // the array object, without a GC header
  // Arrays and their iterators' type are heap types with GC (3.10+):
  // arrays are tracked and carry a GC header.
  bool gc_tracked;
  // tp_name of the iterator type: "arrayiterator", or "array.arrayiterator".
  std::string_view iterator_type_name;
  // A non-int item for an integer typecode raises "'T' object cannot be
  // interpreted as an integer" (3.10+); before, PyArg_Parse's messages
  // vary by typecode and heapsim refuses such an item.
  bool index_item_errors;
  // The 'u' typecode prints a DeprecationWarning (3.13+): refused.
  bool u_deprecated;
  // extend() takes its defining class (3.10+), so a wrong count says
  // "extend() takes exactly 1 positional argument (N given)".
  bool extend_takes_defining_class;
};

// Module math's differences between versions.
struct MathRules {
  bool variadic_gcd;                // gcd(*integers) and lcm (3.9+); before: gcd(a, b)
  bool factorial_accepts_floats;    // factorial(5.0) (before 3.10, deprecated in 3.9)
  bool log_arity_message;           // "math.log requires 1 to 2 arguments" (before 3.12)
  bool pow_zero_to_minus_inf_fails; // pow(0.0, -inf) a domain error (before 3.11)
};

// int's methods that changed between versions (builtins_int_bytes.cc).
struct IntMethodRules {
  bool has_bit_count;  // int.bit_count() (3.10+); before, AttributeError
  // to_bytes(length=1, byteorder='big') and from_bytes(bytes,
  // byteorder='big') (3.11+); before, both arguments are required.
  bool bytes_defaults;
  // from_bytes gives the cached int for -5..256 (3.11+: the new int it
  // filled is freed); before, a new int object even for those, with no
  // digit for zero.
  bool from_bytes_small_cached;
};

// The methods of bytes and bytearray (builtins_bytes_methods.cc).
struct BytesMethodRules {
  // count, find, index, rfind, rindex, startswith and endswith parse their
  // arguments with Argument Clinic (3.13+): "count expected at least 1
  // argument, got 0"; before, "count() takes at least 1 argument (0 given)".
  bool search_clinic;
};

// The size of a library code object heapsim runs itself, for 3.8 to
// 3.10's opcache (BytecodeRules): len(co_code) // 2 and the instructions
// the opcache caches; {0, 0} where it is not known (no such code, or no
// opcache). Measured by tests/golden/measure_stdlib_code_sizes.py.
struct CodeSizeEntry {
  uint16_t code_units = 0;
  uint16_t cached_sites = 0;
};

// Module random (Lib/random.py over Modules/_randommodule.c).
struct RandomRules {
  // co_stacksize + co_nlocals (+ the __class__ free variable) of randrange,
  // randint, _randbelow_with_getrandbits, choice, shuffle, uniform,
  // getstate and setstate, which size their heap frames (3.8 to 3.10;
  // measured on each version's code objects).
  std::array<uint8_t, 8> frame_slots;
  // Their code sizes, in the same order.
  std::array<CodeSizeEntry, 8> code_sizes;
  bool getrandbits_zero_allowed;  // getrandbits(0) is 0 (3.9+), else a ValueError
  bool seed_checks_type;          // seed() builds (type(None), int, ...) for isinstance (3.9+)
  bool randrange_uses_index;      // operator.index() of the arguments (3.10+), else int()
  bool choice_stores_index;       // choice() binds i = self._randbelow(...) (3.8)
  bool choice_checks_length;      // choice() tests len(seq) before drawing (3.11+)
};

// collections.deque (deque_object.h).
struct DequeRules {
  // The object's request, GC header included (3.11+ holds its own array of
  // cached blocks).
  uint32_t object_size;
  // Each deque caches up to 16 of its freed blocks and frees them with
  // itself (3.11+); before, one cache of 16 serves every deque.
  bool own_block_cache;
  // deque_traverse visits the (heap) type first (3.12+): gc.get_referents
  // shows the class.
  bool traverse_visits_type;
  // remove(x) compares the leftmost item and rotates by one until it finds
  // x, and its ValueError says "deque.remove(x): x not in deque" (3.8,
  // 3.9); from 3.10 it finds x's index first, then deletes it by rotations
  // ("%R is not in deque").
  bool remove_rotates_each_step;
  // Its iterator's tp_name, as reprs and errors show it:
  // "_collections._deque_iterator", or (3.12+) "collections._deque_iterator".
  std::string_view iterator_type_name;
};

// collections.namedtuple (namedtuple_object.h, module_collections_namedtuple.cc).
struct NamedTupleRules {
  // The name the generated __new__'s argument errors give it: "__new__"
  // (3.8), "<lambda>" (3.9), or empty for "<typename>.__new__" (3.10+).
  std::string_view new_function_name;
  // The class dict binds __match_args__ to the _fields tuple (3.10+).
  bool has_match_args;
  // The class dict binds the _field_defaults dict under its old spelling
  // _fields_defaults too (3.8).
  bool has_fields_defaults_alias;
  // _replace() with names that are not fields raises TypeError (3.13+),
  // else ValueError.
  bool replace_raises_type_error;
};

// dataclasses (module_dataclasses.cc).
struct DataclassRules {
  // dataclass() takes match_args=, kw_only= and slots=, and binds
  // __match_args__ in the class dict (3.10+).
  bool has_slots;
  // dataclass() takes weakref_slot= (3.11+).
  bool has_weakref_slot;
  // A default is refused as mutable when its class's __hash__ is None
  // (3.11+), else when it is a list, dict or set.
  bool mutable_by_hash;
  // The generated __eq__ returns True for the same object, then compares
  // field by field (3.13+); before, it compares tuples of the fields.
  bool eq_by_field;
  // "non-default argument 'y' follows default argument 'x'" names the
  // field with the default (3.13+); before, the message ends at "argument".
  bool names_seen_default;
  // "Cannot overwrite attribute __lt__ in class C" and the advice to use
  // functools.total_ordering are joined by a space (3.13+), else by ". ".
  bool overwrite_advice_after_space;
};

// itertools' iterators (itertools_object.h).
// functools.lru_cache (lru_cache_object.h, module_functools_lru.cc).
struct LruCacheRules {
  // The wrapper's request, GC header included (3.9+ adds a pointer, 3.10+
  // the heap types' module state references).
  uint32_t wrapper_size;
  // functools.cache exists (3.9+); lru_cache sets the wrapper's
  // cache_parameters (3.9+); update_wrapper copies __type_params__ (3.12+).
  bool has_cache;
  bool has_cache_parameters;
  // The wrapper is weakly referenceable (3.9+).
  bool weak_referenceable;
  bool copies_type_params;
};

struct ItertoolsRules {
  // accumulate's request, GC header included (3.12+ adds a pointer to the
  // module state).
  uint32_t accumulate_size;
  // The types are heap types (3.12+): their objects' traverse visits the
  // type first, so gc.get_referents shows the class.
  bool traverse_visits_type;
  // chain.from_iterable's argument-count error names its class (3.9+):
  // "chain.from_iterable() takes exactly one argument (0 given)".
  bool from_iterable_qualified;
  // The module has pairwise (3.10+) and batched (3.12+, refused where it
  // exists); attribute access raises AttributeError where they do not.
  bool has_pairwise;
  bool has_batched;
  // pairwise keeps a result tuple it reuses while nobody else holds it
  // (3.13+): a third field, and a (None, None) tuple made with it.
  bool pairwise_reuses_result;
};

// How full the free lists are when a script starts: what the interpreter's
// start-up and the script's compilation leave in them (measured with
// sys._debugmallocstats at the start of a small script).
struct StartupFreeLists {
  uint32_t floats;
  uint32_t lists;
  uint32_t dicts;
  std::array<uint8_t, 20> tuples;  // by length 1..20
  // Every measured version starts with a slice in its one-slice cache: the
  // first slice() after a full collection is not counted in gen 0.
  uint32_t slices = 1;
  // Bound methods on PyMethod's free list (3.8: eight).
  uint32_t methods = 0;
  // Builtin methods on PyCFunction's free list (3.8: three), which the
  // first print() of a script that did not collect reuses untraced.
  uint32_t builtin_methods = 0;
  // Heap frames on the frame free list (3.8 to 3.10), by capacity (stack
  // and local slots) in the order calls take them; 0 ends the list.
  // Measured: a new code object's first call reuses these, untraced, and
  // reallocates one too small for it.
  std::array<uint8_t, 8> frames{};
};

// CPython's guard on nested C-level work (Py_EnterRecursiveCall): repr()
// of nested containers and comparisons raise RecursionError past it.
struct CRecursion {
  // The most levels in use at once: the recursion limit (1000) while
  // C levels and Python frames share one count (3.8 to 3.11), then
  // Py_C_RECURSION_LIMIT (3.12: 1500, 3.13: 10000).
  uint32_t limit;
  // Python frames count against `limit` (3.8 to 3.11).
  bool counts_python_frames;
  // Levels the interpreter itself holds when Python frames do not count.
  uint32_t base;
  // Levels str(x), print(x) and f"{x}" take before the repr of a
  // container (PyObject_Str's own, object.__format__'s; measured).
  uint32_t str_levels;
  uint32_t print_levels;
  uint32_t format_levels;
};

// How CPython's specialising interpreter (3.11+) adapts an instruction site
// (server/script/adaptive_site.h): BINARY_OP, and the CALL of str(x). A site
// runs the generic instruction until its counter reaches zero, then
// specialises for what it sees. A failure backs off exponentially: the
// exponent grows by one (to 12) and the counter restarts at
// 2**exponent - 1.
struct AdaptiveRules {
  enum class Warmup : uint8_t {
    kNone,        // no adaptive interpreter (3.8 to 3.10)
    kCodeObject,  // 3.11: a code object's sites start adapting once it is
                  // quickened, on its eighth call or unconditional
                  // backward jump
    kPerSite,     // 3.12+: every site adapts from its first run
  };
  Warmup warmup;
  // The counter and exponent a site starts with (3.11: when quickened).
  uint16_t start_counter;
  uint8_t start_backoff;
  // The counter a site gets when it specialises.
  uint16_t specialised_counter;
  // 3.11: a specialised site counts its misses down from
  // specialised_counter and reverts to adapting, with the counter and
  // exponent below, when it reaches zero. 3.12+: a miss runs the generic
  // instruction, whose counter (the same one) decides when to specialise
  // again.
  bool misses_revert;
  uint16_t revert_counter;
  uint8_t revert_backoff;
  // 3.12+: a specialised float +, - or * writes its result into an operand
  // nothing else holds (the left first) instead of making a new float.
  bool float_result_reuses_operand;
};

// How the parser fails on nesting too deep for it.
enum class ParserKind : uint8_t {
  kLL1,  // 3.8: pgen's LL(1) parser, a stack of grammar nonterminals
  kPeg,  // 3.9+: the PEG parser, one level per rule call
};

// Limits of the tokenizer, parser and compiler on source text.
struct SourceLimits {
  // Brackets open at once; deeper is "too many nested parentheses"
  // (3.9+: 200; 0: no tokenizer limit).
  uint32_t max_paren_nesting;
  // Indentation levels a block may have (all versions: 99).
  uint32_t max_indent_levels;
  ParserKind parser;
  // The parser's stack: 3.8 pgen 1700 nonterminals, PEG 6000 rule levels.
  uint32_t parser_stack_limit;
  // PEG levels in use where an assignment's value starts (3.9 to 3.12: 33,
  // 3.13: 34); an expression statement's and a return's start at 32.
  uint32_t peg_assignment_levels;
  // MemoryError's message when it overflows ("" before 3.12).
  std::string_view parser_overflow_message;
  // The compiler's recursion limit on the syntax tree's depth (3.10 to
  // 3.12: 3000 = the recursion limit times 3; 3.13: 10000, its C
  // recursion limit); 0 = no check (3.8: deep trees overflow the C stack,
  // so heapsim refuses trees it cannot vouch for).
  uint32_t compiler_depth_limit;
  // The check runs on the tree after constant folding (3.9: its symbol
  // table), which heapsim does not model: deeper trees are refused.
  bool compiler_depth_after_folding;
  // NUL bytes in the source: SyntaxError "source code cannot contain null
  // bytes" (3.11+); before, the tokenizer's answer depends on the context.
  bool null_byte_error;
  // The PEP 263 address named by the non-UTF-8 source error, and how far
  // past the offending line its line number is (3.10 counts one more).
  std::string_view pep263_url;
  int non_utf8_line_offset;
  // Digits int<->str converts at most (sys.int_info.default_max_str_digits).
  uint32_t int_max_str_digits;
  // The error past it says "the limit (4300 digits)" (3.11+), not "(4300)".
  bool int_limit_says_digits;
  // `match` starts a statement (3.10+; a soft keyword, so only a line
  // `match ...:` is one); before, such a line is invalid syntax.
  bool match_statement;
};

// Where an uncaught NameError's "Did you mean" comes from (3.10+).
enum class NameSuggestions : uint8_t {
  kNone,           // no suggestions (3.8, 3.9)
  kEachNamespace,  // the code's local names, then the globals, then the
                   // builtins, each searched on its own (3.10 to 3.12)
  kAllNamespaces,  // the frame's bound locals, the globals and the builtins
                   // searched as one list (3.13)
};

// str(True) and str(False) return a cached str, made (and, being interned
// already, dropped at once) by each one's first use before 3.11.
struct BoolStrRules {
  bool made_on_first_use = true;
};

// int(x) and float(x) of a value that is not a real number.
struct NumberConversionRules {
  // complex has int and float slots that raise "can't convert complex to
  // int" ("... to float") (3.8, 3.9); from 3.10 it has none, and the
  // generic TypeError names the type.
  bool complex_slots_raise = true;
};

// Special methods a builtin looks up by name (int(x)'s __trunc__ when x has
// neither an int nor an index slot, bytes(x)'s __bytes__): before 3.11 each
// lookup site makes the name on its first use which, interned already, is
// dropped at once: one transient str block per site.
struct SpecialNameRules {
  bool made_on_first_use = true;
};

// When a builtin's Argument Clinic parser makes the tuple of its keyword
// names, a GC-tracked tuple it keeps for the process's life: on its first
// call with keywords (3.8 to 3.10; 3.11 for most builtins), on its first
// call (3.11's print(), whose parser always initialises), or never (3.12+:
// a static tuple; or a parser that keeps none).
enum class ParserKeywords : uint8_t { kOnFirstKeywordCall, kOnFirstCall, kStatic };

// Whether frozenset() of nothing, or of an empty iterable, is one shared
// empty frozenset: made by the first such call (3.8), already made at
// start-up (3.9), or not shared (3.10+: every call makes a new one).
enum class EmptyFrozenSet : uint8_t { kMadeOnFirstUse, kAtStartup, kNotShared };

// Py_ReprEnter's state (repr_state.h).
struct ReprStateRules {
  // The dict key 'Py_Repr' is a str made and interned on first use (an
  // _Py_IDENTIFIER, 3.8 to 3.10); from 3.11 a static string.
  bool key_made_on_first_use = true;
  // Modules whose first import makes the state, space-separated (3.8:
  // functools, which tracemalloc imports, makes a namedtuple).
  std::string_view made_by_imports = "functools tracemalloc";
  // namedtuple() takes the repr of its tuple of field names (3.8), which
  // enters that tuple when it is not empty.
  bool namedtuple_reprs_field_names = true;
};

// Function code objects (f.__code__, code_attributes.h).
struct CodeObjectRules {
  // Where co_varnames, co_cellvars and co_freevars come from: tuples the
  // compiler made with the code (3.8 to 3.10); a new tuple on every read
  // (3.11, built from co_localsplusnames); or one made on the first read and
  // kept, after a 32-byte _PyCoCached block made on the first read of any
  // of them (3.12+).
  enum class NameTuples : uint8_t { kCompiled, kFresh, kCachedLazily };
  NameTuples name_tuples;
  // co_flags has CO_NOFREE (64) when the code has no cell and no free
  // variable (3.8 to 3.10).
  bool flags_nofree;
  // co_cellvars lists the parameters that are cells first, in parameter
  // order, then the other cells sorted (3.11+'s co_localsplusnames);
  // before, all of them sorted.
  bool cell_parameters_first;
  // Code objects have co_qualname (3.11+).
  bool has_qualname;
};

// How CPython 3.8 to 3.10 compile a function, as far as the size of its
// code (in 2-byte code units) and its per-code opcache depend on it
// (server/script/code_size.h).
struct BytecodeRules {
  // On a code object's opcache_min_runs-th evaluation (a call, or a
  // generator's resume) the eval loop PyMem_Callocs a byte per code unit
  // and opcache_entry_size bytes per cached instruction (LOAD_GLOBAL, and
  // LOAD_ATTR where caches_attributes); with no such instruction the byte
  // map is freed at once. 0: no opcache (3.11+).
  uint32_t opcache_min_runs;
  uint32_t opcache_entry_size;
  bool opcache_caches_attributes;
  // `assert` loads AssertionError with LOAD_GLOBAL (3.8); after, with
  // LOAD_ASSERTION_ERROR.
  bool assert_loads_global;
  // Generator code starts with GEN_START (3.10).
  bool gen_start;
  // `while` tests its condition again at the bottom of the loop (3.10);
  // before, the bottom jumps back to the test.
  bool while_repeats_test;
  // 3.10's control-flow optimiser: code no path reaches is dropped, a jump
  // to a return block of at most four instructions becomes a copy of it,
  // and the implicit `return None` (which has no line number) is copied
  // for each jump to it when more than one path reaches it. Before, only
  // the code after a RETURN_VALUE up to the next jump target is dropped.
  bool cfg_optimiser;
};

struct Profile {
  std::string_view version;       // "3.11": the name clients use
  std::string_view full_version;  // "3.11.7": the interpreter measured

  // ---- pymalloc (Objects/obmalloc.c) ----
  uint32_t pool_size;           // bytes per pool
  uint32_t arena_size;          // bytes per arena (one mmap)
  bool arena_loses_a_pool;      // arenas are not pool-aligned: one pool fewer
  bool keep_one_empty_arena;    // the last usable arena is kept when empty

  // ---- raw allocator (glibc malloc) ----
  uint32_t mmap_threshold;      // initial threshold for direct mmap

  // ---- per-type free lists (capacity; 0 = no free list) ----
  uint32_t float_freelist;
  uint32_t list_freelist;
  uint32_t dict_freelist;
  uint32_t dict_keys_freelist;         // 8-slot keys objects
  bool dict_keys_freelist_str_only;    // only keys tables of all-str keys
  uint32_t tuple_freelist_max_len;     // tuples of length 1..this are cached
  uint32_t tuple_freelist_per_len;     // entries kept per length
  // _PyTuple_Resize to length 0 gives the empty tuple (3.11+); before, the
  // tuple is reallocated as a 0-length tuple of its own (not `()`).
  bool tuple_resize_to_empty_is_singleton;
  uint32_t frame_freelist;             // heap frames kept (3.8 to 3.10)
  bool frames_on_heap;                 // calls make frame objects (3.8 to 3.10)
  // A generator object embeds its frame (3.11+): its size is aux.generator
  // plus a pointer per local, cell, free variable and value-stack slot, and
  // the frame holds the generator's function until the generator ends.
  bool generator_embeds_frame;
  // Freeing a generator function's generator that has not finished closes
  // it. One that has not started is closed by clearing its frame, raising
  // nothing (3.12+); before 3.12 GeneratorExit goes through the frame
  // (a traceback, from 3.11 a frame object), which is not modelled.
  bool generator_close_unstarted_clears_frame;
  // One paused at a yield outside any try is closed by clearing its frame,
  // locals then value stack, raising nothing (3.13).
  bool generator_close_paused_clears_frame;
  // printf-style %s, %r and %a of an exact int write its digits straight
  // into the format's buffer, as %d does (3.9+); before, through its str.
  bool percent_s_int_fast_path;
  // Closing a paused generator expression (freeing it unfinished) leaves a
  // block CPython keeps, which heapsim does not model (3.12).
  bool genexpr_close_keeps_block;
  // Code shapes that decide a generator frame's stack depth: `a and b`
  // keeps a copy of `a` while testing it (3.12+); a call pushes NULL with
  // its callable (3.11+), after it for a computed callee (3.13); keyword
  // names are pushed as a tuple (before 3.11, and 3.13); a generator
  // function's body runs under a handler that needs two slots (3.12+), so
  // its depth is at least this.
  bool bool_op_copies_operand;
  bool call_pushes_null;
  bool call_pushes_null_after_callee;
  bool call_pushes_kwnames;
  uint32_t generator_function_min_depth;
  // The slots `yield from x` needs beyond x's own depth's start (its
  // iterator and the value sent; 3.12+ also the exception handler's).
  uint32_t yield_from_depth;
  // MAKE_FUNCTION takes the qualified name from the stack (before 3.11).
  bool make_function_pushes_qualname;
  uint32_t slice_cache;                // slices kept for reuse
  // Bound builtin methods kept for reuse (3.8). CPython binds one, unseen,
  // when it looks a method up on a builtin object inside a call (an
  // iterator's __length_hint__, list.sort for sorted(), __format__,
  // __round__, a mapping's keys): with this free list the first one after a
  // full collection is a new GC object that stays parked.
  uint32_t builtin_method_freelist;
  // Bound methods of Python functions kept for reuse (PyMethod's free
  // list, 3.8 only): a reused one is not counted in generation 0, and a
  // freed one leaves the count alone.
  uint32_t method_freelist;
  // A method call with keyword arguments looks the method up with
  // LOAD_ATTR, binding it before the arguments are evaluated and dropping it
  // after the call (before 3.11; from 3.11 LOAD_METHOD with KW_NAMES binds
  // nothing): a builtin method of a builtin object is then a GC object
  // alive for the call, or, with builtin_method_freelist, one from the list.
  bool keyword_method_calls_bind;
  // type_new's init_subclass makes super(cls, cls) through tp_call, packing
  // its two arguments in a tuple (before 3.11; then by vectorcall).
  bool init_subclass_packs_super_args;
  // int(x) of a str, bytes or bytearray that does not parse raises its
  // ValueError twice: the first exception object is made and dropped
  // (3.12).
  bool int_parse_error_raised_twice;
  // A failed attribute lookup on a type object or a module whose caller
  // suppresses the AttributeError (hasattr, getattr with a default, the
  // reflected-operand check of binary operators) still formats the error's
  // message with PyUnicode_FromFormat (3.8 to 3.11; 3.12+ looks the name up
  // without raising).
  bool attribute_miss_formats_message;
  // A module's miss formats two messages, the generic lookup's then
  // module_getattro's, and nothing else (3.8, 3.9; 3.10 and 3.11 also make
  // the first one's exception object, taking a tuple from its free list).
  bool module_miss_formats_two_messages;

  // ---- list sizing (Objects/listobject.c) ----
  // Growth formula: 3.9+ rounds to a multiple of 4 and does not
  // over-allocate a jump closer to the new size than to the old one;
  // 3.8 adds n/8 + 3 (n < 9) or + 6.
  bool list_growth_rounds_to_4;
  // An exact preallocation is rounded up to an even slot count (3.10+).
  bool list_prealloc_rounds_even;
  // list.extend on an empty list preallocates instead of growing (3.10+).
  bool list_extend_empty_preallocates;
  // list(x) preallocates len(x) slots before extending (until 3.12).
  bool list_init_preallocates;
  // list(x) asks len(x) itself before extending, also of an object whose
  // len() runs Python code (3.8 and 3.9; later only list.extend's length
  // hint asks it).
  bool list_init_asks_len;
  // Extending by a dict, set or dict view always uses the growth formula
  // (3.13).
  bool list_extend_mapping_grows;
  // del l[i] closes the gap without resizing (3.13).
  bool list_del_item_keeps_allocation;

  // ---- dict sizing (Objects/dictobject.c) ----
  uint32_t dict_keys_header;     // sizeof(PyDictKeysObject)
  bool dict_str_keys_compact;    // 3.11+: all-str keys use 16-byte entries
  // The table size for a resize to hold `minsize`: 3.10+ computes
  // bit_length((minsize | 8) - 1 | 7), which gives 16 for 1..7, not 8.
  bool dict_resize_minsize_quirk;
  bool dict_new_presized_8;      // dict() has an 8-slot table (3.8/3.9)
  bool dict_merge_clones_clean;  // update of an empty dict copies a clean table (3.10+)
  bool dict_union_operators;     // d | other and d |= other (PEP 584, 3.9+)

  // ---- hashing ----
  bool siphash13;  // str/bytes hash: SipHash-1-3 (3.11+) or SipHash-2-4

  // ---- object layout ----
  uint32_t int_min_digits;       // digits an int object has at least (0 has none before 3.11)
  uint32_t int_medium_request;   // bytes requested for a one-digit int made from a C long
  uint32_t str_ascii_header;     // compact ASCII str: header bytes
  uint32_t str_compact_header;   // compact non-ASCII str: header bytes
  bool latin1_singletons_cache_utf8;  // 3.12+: their UTF-8 copy is counted
  uint32_t bytes_header;         // bytes: header incl. the trailing NUL
  // Bytes in front of an instance's GC header (3.11+: dict/values pointers).
  uint32_t instance_preheader;

  // Instances of program classes: the object's own fields after the GC
  // header, and where attribute values live.
  uint32_t instance_basic_size;
  InstanceStorage instance_storage;
  // The weak reference list of an instance lives in the pre-header (3.12+:
  // a slotted instance with __weakref__ has the 16-byte pre-header) rather
  // than in the object after its slots.
  bool weakref_in_preheader;
  uint8_t class_shared_keys_log2;   // the cached keys table of a new class
  uint32_t class_shared_keys_usable;
  uint32_t class_object_size;       // a class's own block (GC header included)
  // A base's tp_subclasses dict is freed with its last subclass (3.11+).
  bool subclasses_freed_when_empty;
  uint32_t static_type_size;        // sys.getsizeof of a builtin (static) type object
  // compute_range_length works in C where the bounds fit a C long (3.12+);
  // before, by int arithmetic with its temporaries.
  bool range_length_in_c;

  AuxSizes aux;

  // ---- singletons and reference counts ----
  // 3.12+: None, True, False, small ints, (), one-character strings and
  // interned strings are immortal: their count never changes and
  // sys.getrefcount reports kImmortalRefcount.
  bool immortal_singletons;
  // 3.11: statically allocated singletons start counting from here.
  uint32_t static_refcount_base;
  // References the interpreter itself holds on singletons at a script's
  // start (None, True, False, the empty tuple, other singletons), so that
  // sys.getrefcount on them lands near CPython's figure.
  uint32_t none_startup_refs;
  uint32_t bool_startup_refs;
  uint32_t singleton_startup_refs;
  // 3.11+: one-character strings and one-byte bytes are static singletons
  // made at startup; before, they are made on the heap at first use and
  // cached for good.
  bool static_char_singletons;
  // Without static ones: the one-character latin-1 strings already made
  // (and cached) when a script starts, a set of code points as 256 bits
  // (bit c % 64 of word c / 64); the others are made at first use.
  std::array<uint64_t, 4> one_chars_at_startup;
  // The same for one-byte bytes objects (measured under PYTHONUNBUFFERED=1,
  // stdout_stream.h).
  std::array<uint64_t, 4> one_bytes_at_startup;
  // The parser keeps a bytes object of each token's text (3.9 and 3.10's
  // PEG parser): a token one character long makes that one-byte bytes
  // object before the script runs.
  bool parser_keeps_token_bytes;
  // One-character identifiers whose interned str is not the character's
  // singleton: 3.11 and 3.12 intern the strings of their deep-frozen
  // start-up modules first, so a constant or name 'a' is that static str
  // while chr(97) and 'xa'[1] are the singleton (measured).
  std::string_view distinct_interned_one_chars;
  // 3.12: interned strings are immortal.
  bool interned_strings_immortal;
  // Deallocations nested deeper than this are deferred (the trashcan).
  uint32_t trashcan_depth;

  // ---- the compiler and the eval loop ----
  // A call copies its arguments into the new frame's locals while the
  // caller's stack keeps its own references (3.8 to 3.10); from 3.11 the
  // references move into the frame.
  bool call_copies_arguments;
  // After a call the caller drops its arguments last to first (3.8 to
  // 3.10), else first to last.
  bool call_releases_args_reversed;
  // f(*seq) builds an argument tuple; 3.12+ releases it as the frame is made.
  bool call_ex_releases_tuple;
  // A call of a bound method object replaces it on the stack by its
  // function and self and drops it before the call runs (3.11+ PRECALL and
  // CALL), so a method made only for the call is freed first; before, the
  // stack holds it until the call returns.
  bool call_unpacks_bound_method;
  // print()'s parser (sep, end, file, flush), the parsers of the other
  // builtins that take keywords (sorted, list.sort, str.split, ...:
  // parser_keywords.h), enumerate()'s (3.8 to 3.10; 3.11's vectorcall
  // parses without one) and min()/max()'s (3.13's hand-written parser;
  // before, PyArg_ParseTupleAndKeywords, which makes none).
  ParserKeywords print_keywords;
  ParserKeywords clinic_keywords;
  ParserKeywords enumerate_keywords;
  ParserKeywords min_max_keywords;
  // Comprehensions run inline in their enclosing frame (PEP 709, 3.12+)
  // instead of as a function of their own.
  bool comprehensions_inlined;
  // `super().name` and `super(C, obj).name` compile to LOAD_SUPER_ATTR
  // (3.12+), which after its first run looks the name up without making a
  // super object, and for a method call without binding it.
  bool super_attr_specialises;
  // Reading a property whose getter is a plain one-argument function
  // specialises (LOAD_ATTR_PROPERTY, 3.12+) after the site's first run:
  // the getter's frame then takes the stack's reference to the instance.
  bool property_get_specialises;
  // sys.getsizeof(property()): 72, or 80 with the name __set_name__ gives
  // (3.10+, which sets it as the class is made).
  uint32_t property_size;
  bool property_has_name;
  // 3.13's property() takes its name from the getter's __name__.
  bool property_named_by_getter;
  // staticmethod() and classmethod() copy the callable's __module__,
  // __name__, __qualname__, __doc__ and __annotations__ into a __dict__ of
  // their own (3.10+).
  bool method_wrappers_copy_attributes;
  // x[a:b] is BINARY_SLICE, making no slice object (3.12+).
  bool binary_slice;
  // A list or set display of three or more constants is built by extending
  // an empty one with a constant tuple or frozenset (3.9+).
  bool constant_display_extends;
  // A display with starred items packs each run of plain items into a tuple
  // and builds the result from an empty one when all parts are made
  // (BUILD_LIST_UNPACK and kin, 3.8), instead of building a list of the
  // leading plain items, extending it by each starred item and appending
  // the rest (LIST_EXTEND / LIST_APPEND, 3.9+).
  bool starred_display_packs_runs;
  // Displays longer than this are built empty and appended to item by item
  // (3.10+: 30); 0 = never.
  uint32_t display_append_threshold;
  // A def's annotations reach MAKE_FUNCTION as a tuple of name, value pairs
  // (BUILD_TUPLE, or a constant when all are), turned into a dict when
  // __annotations__ is first read (3.10+); before, as a dict
  // (BUILD_CONST_KEY_MAP).
  bool annotations_as_tuple;
  // type.__annotations__ is a getset of the metatype (3.10+): a class's own
  // dict entry, or an empty dict stored there on first read; before, a
  // plain lookup through the MRO.
  bool class_annotations_getset;
  // tracemalloc.reset_peak() exists (3.9+).
  bool tracemalloc_has_reset_peak;
  // `python FILE` runs __main__ under FILE made absolute (the working
  // directory joined to a relative FILE, not normalised), the name its
  // frames show tracemalloc (3.9+); before, FILE as given.
  bool main_path_absolute;
  // The largest traceback limit tracemalloc.start() accepts (3.8: what
  // fits its buffer, 178956969; then 65535).
  uint32_t tracemalloc_max_frames;
  // The line of Lib/tracemalloc.py calling _get_traces() in take_snapshot()
  // (the traces' list is allocated there, before the traces are copied).
  uint32_t take_snapshot_get_traces_line;
  // The lines of Lib/tracemalloc.py that make a snapshot's objects: the
  // Snapshot(traces, traceback_limit) call in take_snapshot(), the
  // _Traces(traces) call in Snapshot.__init__ and Sequence.__init__(self)
  // in _Traces.__init__.
  uint32_t take_snapshot_snapshot_line;
  uint32_t take_snapshot_traces_line;
  uint32_t take_snapshot_sequence_init_line;
  // Snapshot(traces, traceback_limit) makes its arguments' tuple only the
  // first time: the call is specialised after it (CALL_ALLOC_AND_ENTER_INIT,
  // 3.13; _Traces, of metaclass ABCMeta, is not).
  bool take_snapshot_call_specialised;
  // _tracemalloc._get_object_traceback finds an object's block under its
  // whole pre-header (3.12+); before, only under the GC header (so 3.11's
  // instances with a managed-dict pre-header are never found).
  bool object_traceback_skips_preheader;
  // str.split() without maxsplit presizes its list from the string's length
  // (3.12+) instead of always 12 slots.
  bool str_split_prealloc_by_length;
  // str.splitlines(keepends) takes the truth of any object (3.12+) rather
  // than an int.
  bool str_splitlines_keepends_truth;
  // str has removeprefix and removesuffix (3.9+).
  bool str_has_removeprefix;
  // sum() of floats uses Neumaier's compensated summation (3.12+).
  bool sum_floats_compensated;
  // sum() keeps its int total in a Py_ssize_t made into an int by
  // PyLong_FromSsize_t, exactly its digits (3.12+); before, a C long made
  // by PyLong_FromLong (a medium int's request on 3.11).
  bool sum_int_total_exact_digits;
  // list.sort's first run may be "descending" with equal neighbours, which
  // keep their order (3.13's count_run).
  bool sort_runs_keep_equal_descending;
  bool nan_hash_is_identity;  // hash(nan) is the object's identity hash (3.10+)
  // hash(None) is the constant 0xFCA86420 (3.12+), not its address's hash.
  bool none_hash_is_constant;
  // s -= t and s.difference_update(t) with a set t of more than eight
  // times s's items first intersect t with s (3.9+).
  bool set_difference_intersects_larger;
  // list.extend(x) and list(x) read an exact dict, set, frozenset or dict
  // view directly, without an iterator object (3.13).
  bool list_extend_reads_containers;
  EmptyFrozenSet empty_frozenset;
  // int ** int starts from the base at the exponent's top bit, with a
  // short path for exponents 0 to 3 (3.11+); before, from 1 over every bit
  // of the exponent's 30-bit digits (so the base is first copied by 1 * a).
  bool int_pow_from_top_bit;
  // bytearray(iterable of ints) appends item by item, growing as it goes,
  // for every iterable (3.8 to 3.10); when false (3.11+) only an exact list
  // or tuple sizes the buffer once, and other iterables still append.
  bool bytearray_init_appends;
  // Constant default values are folded into one constant tuple, and the
  // single constants drop out of co_consts (3.12+), losing a reference.
  bool defaults_folded_to_constant;
  // The builtin types called through vectorcall (space-separated names).
  // Calling any other type packs the positional arguments in a tuple that
  // lives for the call (tp_call), as calling a class always does. On 3.11
  // and 3.12, str(x) counts as one: the warm interpreter runs it
  // specialised (CALL_NO_KW_STR_1), without the tuple.
  std::string_view vectorcall_types;
  // The builtin functions (and the builtin types heapsim calls as functions:
  // zip, enumerate, reversed) and methods ("dict.update") that take their
  // positional arguments packed in a tuple for the call (METH_VARARGS,
  // tp_call), and their keywords in a dict of their own (space-separated).
  std::string_view packing_functions;
  // `s += t`, `s = s + t` and `temporary + t` grow the left str in place
  // when nothing else holds it (unicode_concatenate, 3.8 to 3.10).
  bool str_concat_in_place;
  // Comparisons in a branch's test are specialised once their code is warm,
  // skipping the recursion check (3.11; see specialised_compare.h). Later
  // versions specialise too, but their C recursion limit is apart from
  // Python frames, so it cannot show.
  bool compare_specialises_in_tests;
  // Levels past the recursion limit 3.8 allows while a RecursionError is
  // handled (tstate->overflowed, until the depth falls below the limit
  // minus this); a RecursionError raised then is a fatal error there. 0:
  // none (3.9+).
  uint32_t recursion_overflow_allowance;
  // print() gathers its positional arguments in a tuple that lives for the
  // call (Argument Clinic's *args, 3.11+): it comes from and returns to the
  // tuple free list.
  bool print_packs_args;
  // `x in list` and `x in tuple` compare each item with x as item == x
  // (3.9+), not x == item: which side's __eq__ runs first.
  bool contains_compares_item_first;
  // `'%s %r' % (a, b)` with a str literal and a tuple display is compiled
  // to an f-string (3.11+): no argument tuple, one value on the stack at a
  // time. heapsim builds the tuple, so it runs such a format only where
  // nothing shows the difference (it refuses one whose values' str() or
  // repr() runs Python code).
  bool percent_format_folded;
  WeakRefRules weakref;
  ClassNamespaceRules class_namespace;
  ArrayRules array;
  MathRules math;
  IntMethodRules int_methods;
  BytesMethodRules bytes_methods;
  RandomRules random;
  // operator.index(True) is 1, not True (3.10+: PyNumber_Index returns an
  // exact int).
  bool operator_index_returns_exact_int;
  bool operator_has_call;
  // functools.partial is a heap type whose tp_traverse visits the type
  // first (3.10+).
  bool partial_traverse_visits_type;
  // Calls of a functools.partial go through vectorcall (3.9+); before, tp_call
  // packs the call's positional arguments in a tuple (and its keywords in a
  // dict, which the callee's frame then unpacks into more blocks).
  bool partial_vectorcall;  // operator.call (3.11+)
  LruCacheRules lru_cache;
  DequeRules deque;
  NamedTupleRules namedtuple;
  DataclassRules dataclass;
  // defdict_traverse visits the (heap) type first (3.12+, when
  // _collections' types became heap types): gc.get_referents shows it.
  bool defaultdict_traverse_visits_type;
  // repr(OrderedDict) shows a dict, "OrderedDict({1: 2})" (3.12+), not a
  // list of pairs, "OrderedDict([(1, 2)])".
  bool ordereddict_repr_shows_dict;
  // An odict_iterator over the keys holds a (None, None) result tuple too
  // (3.8; from 3.9 only the items iterator has one).
  bool ordereddict_keys_iterator_has_result;
  // clear() changes od_state, so an iterator made before it says
  // "mutated during iteration" rather than "changed size" (3.13+).
  bool ordereddict_clear_changes_state;
  // collections.Counter has total() and its own rich comparisons (3.10+:
  // == and != treat missing counts as zero, <, <=, >, >= compare as
  // multisets); before, == is dict's and ordering a TypeError.
  bool counter_has_total;
  bool counter_rich_compare;
  ItertoolsRules itertools;
  // Error messages that changed between versions.
  ErrorMessages messages;

  // ---- the cyclic GC ----
  std::array<uint32_t, 3> gc_thresholds;
  // True: a collection runs inside the allocation that pushes count0 past
  // threshold0. False: it is scheduled and runs at the next eval-breaker
  // check (the next backward jump, call or return).
  bool gc_collects_inside_allocation;
  // gc.get_stats() when a script starts: the collections (and what they
  // found) of the interpreter's start-up, by generation, as `python FILE`
  // reports them with the site module (measured; -S or -I change them).
  struct GcStartupStats {
    uint32_t collections;
    uint32_t collected;
  };
  std::array<GcStartupStats, 3> gc_startup_stats;
  // Upper bounds on gc.get_count()[0] and [2] when a script's first
  // statement runs, before what compiling the script adds (see
  // GcTimingWindow): `python FILE` of a two-line script measured 443/589/63/
  // 248/28/54 (3.8 ... 3.13) under `env -i PYTHONHASHSEED=0`, up to 42 more
  // in other environments (PYTHONIOENCODING, a user's shell); the bounds
  // leave a margin of about 100 (3.9: 51, as its count starts close to
  // threshold0; it varied by 21 at most). count2 was 0 (3.11: 2) in every run.
  uint32_t gc_startup_count0_bound;
  uint32_t gc_startup_count2_bound;
  // sys.getdefaultencoding() returns one statically allocated str (3.11+)
  // rather than a new one per call.
  bool default_encoding_static;
  // gc.get_freeze_count() when a script starts (3.12: 375).
  uint32_t gc_startup_frozen;
  // The gc module has is_finalized (3.9+).
  bool gc_has_is_finalized;
  // The sys module has exception() (3.11+).
  bool sys_has_exception;
  // True (3.8): when a finalizer run by a collection resurrects any of the
  // unreachable objects, all of them survive (check_garbage); false (3.9+):
  // only the resurrected ones and what they reach (handle_resurrected_objects).
  bool gc_resurrection_revives_all;

  // ---- the interpreter's state when a script starts ----
  StartupFreeLists startup_free_lists;

  // ---- limits on nesting and on source text ----
  CRecursion c_recursion;
  AdaptiveRules adaptive_rules;
  SourceLimits source_limits;

  // ---- what the traceback adds to an uncaught NameError ----
  NameSuggestions name_suggestions;
  // "Did you mean: 'self.x'?" when a method's self has the attribute (3.12+).
  bool name_hints_self_attribute;
  // The builtins module's names in its dict's order, space-separated.
  std::string_view builtin_names;
  // sys.stdlib_module_names, space-separated: a NameError for one of them
  // adds "Did you forget to import" (3.12+; empty before).
  std::string_view import_hint_modules;
  // Modules heap scripts may import that CPython's start-up (site) has
  // already imported, so importing them runs no Python code (3.11: weakref).
  std::string_view modules_at_startup;

  // ---- what the traceback adds to an uncaught AttributeError ----
  // (3.10+, when name_suggestions is not kNone: the closest name of the
  // object's dir(), as for a NameError.)
  // dir() of an object of each builtin type, by type name; a type not
  // listed gets no hint computed (the uncaught error is refused).
  std::span<const cpython_names::TypeDir> builtin_type_dirs;
  // Names starting with '_' are not searched unless the wrong name starts
  // with '_' or the raising frame's `self` is the object (3.13+).
  bool attribute_hints_hide_underscored;
  // Setting an attribute the object cannot have gets the hint too (3.13+).
  bool attribute_hints_on_set;

  // ---- Lib/copy.py ----
  // deepcopy() takes id(x) before making the memo dict, and does not look
  // a fresh memo up (3.13+); before, the memo comes first and is searched.
  bool deepcopy_id_before_memo;
  // deepcopy() returns a range as it is (3.10+); before, it is rebuilt
  // through range.__reduce_ex__.
  bool deepcopy_range_atomic;
  // The code sizes of copy, _copy_immutable, deepcopy, _deepcopy_atomic,
  // _deepcopy_list, _deepcopy_tuple (3.8 to 3.11's, then 3.12's with its
  // comprehension inline), the comprehension in _deepcopy_tuple,
  // _deepcopy_dict and _keep_alive (server/script/module_copy.cc).
  std::array<CodeSizeEntry, 10> copy_code_sizes;
  // A caught exception's temporaries. Raising it makes the exception
  // object at once (3.12+; before, a handler normalises the (type, args)
  // pair after the traceback is made); the handler's exc_info holds the
  // exception alone, which frees its traceback before its own block (3.11+;
  // before, exc_info frees the traceback last); and the traceback needs a
  // frame object for a frame on the data stack (3.11+), which lives until
  // the frame returns: frame_object_base bytes plus a pointer per local,
  // cell and value-stack slot of its code (0: frames are heap objects).
  bool exception_made_when_raised;
  bool exception_frees_traceback_first;
  uint32_t frame_object_base;
  CodeObjectRules code_object;
  BytecodeRules bytecode;

  BoolStrRules bool_strs;
  NumberConversionRules number_conversion;
  SpecialNameRules special_names;
  ReprStateRules repr_state;
};

// The profiles heapsim simulates, oldest first.
std::span<const Profile> AllProfiles();

// sys.getrefcount of an immortal object (3.12+).
inline constexpr uint64_t kImmortalRefcount = 4294967295;

// The profile named `version` ("3.8", "3.9", ..., "3.13").
// Returns InvalidArgument naming the known versions otherwise.
absl::StatusOr<const Profile*> FindProfile(std::string_view version);

// "3.8, 3.9, 3.10, 3.11, 3.12, 3.13": for messages and help texts.
std::string KnownProfileNames();

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_PROFILE_H_
