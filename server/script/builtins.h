// The builtins heap scripts can call: functions (print, len, ...), the
// builtin types used as constructors (list, dict, ...), the methods of the
// builtin types (list.append, dict.get, str.join, ...) and the functions of
// the sys, gc, tracemalloc and copy modules. Each has a number, so a builtin
// object in the heap (kBuiltinFunction) names its implementation.

#ifndef HEAPSIM_SERVER_SCRIPT_BUILTINS_H_
#define HEAPSIM_SERVER_SCRIPT_BUILTINS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "server/heap/array_object.h"
#include "server/heap/heap.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

enum class Builtin : uint16_t {
  // Functions.
  kPrint,
  kLen,
  kId,
  kRepr,
  kIsInstance,
  kAny,
  kAll,
  kSorted,
  kReversed,
  kEnumerate,
  kZip,
  kMin,
  kMax,
  kSum,
  kAbs,
  kRound,
  kIter,
  kNext,
  kHash,
  kFormat,
  kOrd,
  kChr,
  kHex,
  kOct,
  kBin,
  kDivMod,
  kPow,
  kCallable,
  kGetAttr,
  kSetAttr,
  kHasAttr,
  kDelAttr,
  kGlobals,
  kVars,
  kIsSubclass,
  kAscii,
  // Types, called as constructors.
  kTypeType,
  kTypeInt,
  kTypeFloat,
  kTypeComplex,
  kTypeBool,
  kTypeStr,
  kTypeBytes,
  kTypeByteArray,
  kTypeList,
  kTypeTuple,
  kTypeDict,
  kTypeSet,
  kTypeFrozenSet,
  kTypeRange,
  kTypeObject,
  kTypeSlice,
  kTypeMap,
  kTypeFilter,
  kTypeWeakRef,  // weakref.ref (module_weakref.cc)
  // weakref.ProxyType, weakref.CallableProxyType (module_weakref_proxy.cc).
  kTypeWeakProxy,
  kTypeWeakCallableProxy,
  kTypeArray,    // array.array (module_array.cc)
  kTypeDeque,    // collections.deque (module_collections.cc)
  kTypePartial,  // functools.partial (module_functools.cc)
  kTypeDefaultDict,  // collections.defaultdict (module_collections_defaultdict.cc)
  kTypeOrderedDict,  // collections.OrderedDict (module_collections_ordereddict.cc)
  kTypeCounter,      // collections.Counter (module_collections_counter.cc)
  // itertools' types (module_itertools.cc).
  kTypeItertoolsCount,
  kTypeItertoolsCycle,
  kTypeItertoolsRepeat,
  kTypeItertoolsIslice,
  kTypeItertoolsChain,
  kTypeItertoolsStarmap,
  kTypeItertoolsTakewhile,
  kTypeItertoolsDropwhile,
  kTypeItertoolsFilterfalse,
  kTypeItertoolsCompress,
  kTypeItertoolsAccumulate,
  kTypeItertoolsProduct,
  kTypeItertoolsCombinations,
  kTypeItertoolsCombinationsWithReplacement,
  kTypeItertoolsPermutations,
  kTypeItertoolsPairwise,
  kTypeItertoolsZipLongest,
  kTypeSuper,
  kTypeStaticMethod,
  kTypeClassMethod,
  kTypeProperty,
  kTypeMemoryView,  // memoryview (builtins_memoryview.cc)
  // weakref's classes written in Python (module_weakref_containers.cc,
  // module_weakref_finalize.cc), in this order.
  kTypeWeakValueDictionary,
  kTypeWeakKeyDictionary,
  kTypeWeakSet,
  kTypeWeakFinalize,
  // Exceptions, as classes to raise and catch.
  kExceptionClass,
  // Module functions.
  kSysGetSizeOf,
  kSysGetRefCount,
  kSysIntern,
  kGcCollect,
  kGcGetCount,
  kGcGetThreshold,
  kGcSetThreshold,
  kGcEnable,
  kGcDisable,
  kGcIsEnabled,
  kGcIsTracked,
  kGcGetReferrers,
  kGcGetReferents,
  kSysGetRecursionLimit,
  kSysSetRecursionLimit,
  kSysGetDefaultEncoding,
  kSysExcInfo,
  kSysException,
  kGcGetDebug,
  kGcSetDebug,
  kGcGetStats,
  kGcFreeze,
  kGcUnfreeze,
  kGcGetFreezeCount,
  kGcIsFinalized,
  kTracemallocStart,
  kTracemallocStop,
  kTracemallocGetTracedMemory,
  kTracemallocResetPeak,
  kTracemallocIsTracing,
  kTracemallocClearTraces,
  // tracemalloc.py's functions and classes (tracemalloc_objects.h).
  kTracemallocTakeSnapshot,
  kTracemallocGetTracebackLimit,
  kTracemallocGetObjectTraceback,
  kTracemallocGetTracemallocMemory,
  kTracemallocFilter,
  kTracemallocDomainFilter,
  kWeakrefGetWeakRefCount,
  kWeakrefGetWeakRefs,
  kWeakrefProxy,
  kCopyCopy,
  kCopyDeepCopy,
  // Module math (module_math.cc, module_math_integer.cc).
  kMathSqrt,
  kMathExp,
  kMathExpm1,
  kMathLog1p,
  kMathSin,
  kMathCos,
  kMathTan,
  kMathAsin,
  kMathAcos,
  kMathAtan,
  kMathSinh,
  kMathCosh,
  kMathTanh,
  kMathAsinh,
  kMathAcosh,
  kMathAtanh,
  kMathFabs,
  kMathDegrees,
  kMathRadians,
  kMathLog,
  kMathLog2,
  kMathLog10,
  kMathPow,
  kMathFmod,
  kMathAtan2,
  kMathCopySign,
  kMathFloor,
  kMathCeil,
  kMathTrunc,
  kMathIsFinite,
  kMathIsInf,
  kMathIsNan,
  kMathIsClose,
  kMathProd,
  kMathFsum,
  kMathFrexp,
  kMathModf,
  kMathLdexp,
  kMathFactorial,
  kMathGcd,
  kMathLcm,
  kMathIsqrt,
  kMathComb,
  kMathPerm,
  // Module operator (module_operator.cc).
  kOperatorAdd,
  kOperatorSub,
  kOperatorMul,
  kOperatorTrueDiv,
  kOperatorFloorDiv,
  kOperatorMod,
  kOperatorPow,
  kOperatorLShift,
  kOperatorRShift,
  kOperatorAnd,
  kOperatorOr,
  kOperatorXor,
  kOperatorMatMul,
  kOperatorIAdd,
  kOperatorISub,
  kOperatorIMul,
  kOperatorITrueDiv,
  kOperatorIFloorDiv,
  kOperatorIMod,
  kOperatorIPow,
  kOperatorILShift,
  kOperatorIRShift,
  kOperatorIAnd,
  kOperatorIOr,
  kOperatorIXor,
  kOperatorIMatMul,
  kOperatorEq,
  kOperatorNe,
  kOperatorLt,
  kOperatorLe,
  kOperatorGt,
  kOperatorGe,
  kOperatorNeg,
  kOperatorPos,
  kOperatorInvert,
  kOperatorInv,
  kOperatorAbs,
  kOperatorNot,
  kOperatorTruth,
  kOperatorIs,
  kOperatorIsNot,
  kOperatorContains,
  kOperatorGetItem,
  kOperatorSetItem,
  kOperatorDelItem,
  kOperatorConcat,
  kOperatorIConcat,
  kOperatorIndex,
  kOperatorCountOf,
  kOperatorIndexOf,
  kOperatorCall,
  // Module functools (module_functools.cc).
  kFunctoolsReduce,
  kFunctoolsLruCache,  // lru_cache and cache (module_functools_lru.cc)
  kFunctoolsCache,
  // Module random (module_random.cc): kRandomSeed to kRandomSetState.
  kRandomSeed,
  kRandomRandom,
  kRandomGetRandBits,
  kRandomRandRange,
  kRandomRandInt,
  kRandomChoice,
  kRandomShuffle,
  kRandomUniform,
  kRandomGetState,
  kRandomSetState,
  // Methods of builtin types (self is the first argument).
  kListAppend,
  kListExtend,
  kListInsert,
  kListRemove,
  kListPop,
  kListClear,
  kListIndex,
  kListCount,
  kListSort,
  kListReverse,
  kListCopy,
  kDictGet,
  kDictSetDefault,
  kDictUpdate,
  kDictPop,
  kDictPopItem,
  kDictKeys,
  kDictValues,
  kDictItems,
  kDictClear,
  kDictCopy,
  kSetAdd,
  kSetUpdate,
  kSetRemove,
  kSetDiscard,
  kSetPop,
  kSetClear,
  kSetUnion,
  kSetIntersection,
  kSetDifference,
  kSetCopy,
  kSetIsSubset,
  kSetIsSuperset,
  kSetIsDisjoint,
  kSetSymmetricDifference,
  kSetSymmetricDifferenceUpdate,
  kSetIntersectionUpdate,
  kSetDifferenceUpdate,
  kStrJoin,
  kStrSplit,
  kStrUpper,
  kStrLower,
  kStrStrip,
  kStrReplace,
  kStrStartsWith,
  kStrEndsWith,
  kStrFormat,
  kStrFind,
  kStrCount,
  // str's other methods (builtins_str_*.cc).
  kStrLStrip,
  kStrRStrip,
  kStrIndex,
  kStrRFind,
  kStrRIndex,
  kStrLJust,
  kStrRJust,
  kStrCenter,
  kStrZFill,
  kStrPartition,
  kStrRPartition,
  kStrRemovePrefix,
  kStrRemoveSuffix,
  kStrExpandTabs,
  kStrRSplit,
  kStrSplitLines,
  kStrTitle,
  kStrCapitalize,
  kStrSwapCase,
  kStrCaseFold,
  kStrIsAscii,
  kStrIsSpace,
  kStrIsAlpha,
  kStrIsDecimal,
  kStrIsDigit,
  kStrIsNumeric,
  kStrIsAlnum,
  kStrIsPrintable,
  kStrIsUpper,
  kStrIsLower,
  kStrIsTitle,
  kStrIsIdentifier,
  kTupleIndex,
  kTupleCount,
  kByteArrayAppend,
  kByteArrayExtend,
  kByteArrayPop,
  kGeneratorSend,
  kDictFromKeys,  // dict.fromkeys, bound to the dict type
  kItertoolsChainFromIterable,  // itertools.chain.from_iterable, bound to the chain type
  kStrEncode,
  kBytesDecode,   // bytes.decode and bytearray.decode
  // collections.deque's methods (module_collections.cc).
  kDequeAppend,
  kDequeAppendLeft,
  kDequePop,
  kDequePopLeft,
  kDequeExtend,
  kDequeExtendLeft,
  kDequeRotate,
  kDequeClear,
  kDequeCopy,
  kDequeReverse,
  kDequeCount,
  kDequeIndex,
  kDequeRemove,
  // defaultdict.__missing__, bound only while dict_subscript calls it
  // (module_collections_defaultdict.cc).
  kDefaultDictMissing,
  // Methods of collections.OrderedDict (module_collections_ordereddict.cc),
  // found by FindOrderedDictMethod rather than the dict's table.
  kOrderedDictClear,
  kOrderedDictMoveToEnd,
  kOrderedDictPopItem,
  // Counter's own methods (module_collections_counter.cc), found by
  // FindCounterMethod; Python functions in CPython.
  kCounterMostCommon,
  kCounterElements,
  kCounterUpdate,
  kCounterSubtract,
  kCounterCopy,
  kCounterTotal,
  kCounterFromKeys,
  kObjectSizeOf,  // x.__sizeof__() of every object but classes
  kObjectInitSubclass,  // object.__init_subclass__, bound to a class as type() makes it
  kPropertyGetter,   // property.getter(f): a copy with `f` as its getter
  kPropertySetter,
  kPropertyDeleter,
  kPropertySetName,  // property.__set_name__, called as a class is made (3.10+)
  // Methods of array.array (module_array.cc).
  kArrayAppend,
  kArrayExtend,
  kArrayInsert,
  kArrayPop,
  kArrayRemove,
  kArrayIndex,
  kArrayCount,
  kArrayReverse,
  kArrayByteSwap,
  kArrayToBytes,
  kArrayToList,
  kArrayFromBytes,
  kArrayFromList,
  kArrayBufferInfo,
  // Methods of memoryview (builtins_memoryview.cc).
  kMemoryViewToBytes,
  kMemoryViewToList,
  kMemoryViewRelease,
  kMemoryViewEnter,
  kMemoryViewExit,
  // Methods of int, bool and float (builtins_number_methods.cc).
  kIntBitLength,
  kIntConjugate,
  kIntAsIntegerRatio,
  kFloatIsInteger,
  kFloatConjugate,
  // Methods of tracemalloc.py's Snapshot and Traceback (tracemalloc_objects.h).
  kSnapshotStatistics,
  kSnapshotCompareTo,
  kSnapshotFilterTraces,
  kSnapshotDump,
  kTracebackFormat,
  // Methods of functools.lru_cache's wrapper (module_functools_lru.cc).
  kLruCacheInfo,
  kLruCacheClear,
  // collections.namedtuple and the methods of its classes and instances
  // (module_collections_namedtuple.cc), in this order.
  kCollectionsNamedTuple,
  kNamedTupleMake,
  kNamedTupleAsDict,
  kNamedTupleReplace,
  // dataclasses' functions (module_dataclasses.cc), in this order: the
  // decorator dataclass(...) returns is bound to a tuple of its
  // parameters; the repr guard's two helpers are called by the generated
  // __repr__, the store helper by a frozen class's generated __init__.
  kDataclassesDataclass,
  kDataclassesDecorator,
  kDataclassesField,
  kDataclassesFields,
  kDataclassesAsDict,
  kDataclassesAsTuple,
  kDataclassesReplace,
  kDataclassesIsDataclass,
  kDataclassesReprEnter,
  kDataclassesReprLeave,
  kDataclassesObjectSetAttr,
  // Methods of weakref's containers and finalize, in this order
  // (module_weakref_containers.cc, module_weakref_finalize.cc).
  kWeakContainerGet,
  kWeakContainerKeys,
  kWeakContainerValues,
  kWeakContainerItems,
  kWeakContainerPop,
  kWeakContainerSetDefault,
  kWeakSetAdd,
  kWeakSetDiscard,
  kWeakSetRemove,
  kFinalizeDetach,
  kFinalizePeek,
  // int's bit_count, to_bytes and from_bytes (a class method, bound to the
  // int type) (builtins_int_bytes.cc), then the methods of bytes and
  // bytearray (builtins_bytes_methods.cc; fromhex a class method bound to
  // the type) and bytearray's own mutators (builtins_bytearray_methods.cc),
  // in this order.
  kIntBitCount,
  kIntToBytes,
  kIntFromBytes,
  kBytesHex,
  kBytesFromHex,
  kBytesCount,
  kBytesFind,
  kBytesRFind,
  kBytesIndex,
  kBytesRIndex,
  kBytesStartsWith,
  kBytesEndsWith,
  kBytesJoin,
  kBytesSplit,
  kBytesStrip,
  kBytesLStrip,
  kBytesRStrip,
  kBytesReplace,
  kBytesUpper,
  kBytesLower,
  kBytesIsDigit,
  kBytesIsAlpha,
  kBytesIsAlnum,
  kBytesIsSpace,
  kBytesIsLower,
  kBytesIsUpper,
  kBytesIsAscii,
  kByteArrayInsert,
  kByteArrayRemove,
  kByteArrayReverse,
  kByteArrayClear,
  kByteArrayCopy,
  kCount,
};

// PySequence_Tuple(iterable): the tuple itself for an exact tuple, else a
// new tuple of its items made as CPython makes it (tuple(x), and the pools
// of itertools' combinatoric iterators).
Ref SequenceTuple(Interpreter& interp, ObjectId iterable);

// True for itertools' types and chain.from_iterable (module_itertools.cc).
bool IsItertoolsBuiltin(Builtin builtin);

// Calls an itertools type (making its iterator, with CPython's argument
// errors) or chain.from_iterable (module_itertools.cc).
Ref CallItertoolsBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// The next item of an itertools object (its tp_iternext), or a null Ref
// when it is exhausted or (with the error pending) failed.
Ref NextItertools(Interpreter& interp, ObjectId iterator);

// The itertools type of an itertools object's kind.
std::optional<Builtin> ItertoolsTypeBuiltin(IterKind kind);

// dataclasses' functions, the decorator dataclass(...) returns and the
// generated methods' helpers (module_dataclasses.cc).
bool IsDataclassesBuiltin(Builtin builtin);
Ref CallDataclassesBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// A frozen dataclass's generated __setattr__ (or, with `value` kNoObject,
// __delattr__) run for obj.name = value on an instance of the script's
// classes: whether it succeeded (false with the exception pending), or
// nullopt when the instance's class has no such generated method.
std::optional<bool> DataclassStoreAttr(Interpreter& interp, ObjectId instance,
                                       const std::string& name, ObjectId value);

// Refuses reading attribute `name` of a dataclass or its instance (`cls`
// the class, `found` what the class binds to the name) when it is a
// function dataclass() generated (not modelled as an object) or a Field's
// metadata or _field_type; true if it did.
bool RefusedDataclassAttribute(Interpreter& interp, ObjectId cls, ObjectId found,
                               const std::string& name);

// object.__setattr__ (`type` the object type, `name` "__setattr__") after
// `import dataclasses`: the builtin a frozen dataclass's __init__ stores
// through, for its __post_init__ (a new reference); nullopt otherwise.
std::optional<Ref> DataclassObjectSetAttr(Interpreter& interp, ObjectId type,
                                          const std::string& name);

// The first `import dataclasses`: its Python code's objects are not
// modelled from then on (module_dataclasses.cc).
void NoteDataclassesImport(Interpreter& interp);

// collections.deque(...) and the deque methods (module_collections.cc).
Ref CallCollectionsBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// repr(deque) as deque_repr makes it: the items copied into a temporary list
// (through a deque iterator), that list's repr; "[...]" for a deque whose
// repr is already being made (module_collections.cc).
Ref DequeRepr(Interpreter& interp, ObjectId deque);

// d[key], d[key] = value and del d[key] for a deque (value kNoObject for
// del): false (or null) with the exception pending (module_collections.cc).
Ref DequeGetItem(Interpreter& interp, ObjectId deque, ObjectId key);
bool DequeSetItemAt(Interpreter& interp, ObjectId deque, ObjectId key, ObjectId value);

// deque == deque and deque != deque at the top of an expression: the size
// shortcut, else both deques' iterators compared item by item
// (module_collections.cc).
absl::StatusOr<bool> DequesEqual(Interpreter& interp, ObjectId a, ObjectId b);

// collections.defaultdict(...) through tp_call, whose argument tuple the
// caller packed: the keyword dict, dict_new, then defdict_init (the factory
// checked and stored, the other arguments sliced off into dict.__init__)
// (module_collections_defaultdict.cc).
Ref ConstructDefaultDict(Interpreter& interp, CallArgs& args);

// dd.copy() (defdict_copy): type(dd)(dd.default_factory, dd), through
// ConstructDefaultDict.
Ref CopyDefaultDict(Interpreter& interp, ObjectId dd);

// dd[key] for a key dd lacks, as dict_subscript runs it for a dict
// subclass: __missing__ looked up (a bound builtin method, held for the
// call), then defdict_missing: KeyError(key) when the factory is None,
// else factory() called from C and stored under `key`. Returns the value,
// or null with the exception pending.
Ref DefaultDictMissing(Interpreter& interp, ObjectId dd, ObjectId key);

// repr(dd) as defdict_repr makes it: the dict's repr, then the factory's,
// each a str of its own, then "defaultdict(factory, {...})".
Ref DefaultDictRepr(Interpreter& interp, ObjectId dd);

// collections.OrderedDict (module_collections_ordereddict.cc).
// The OrderedDict method `name` heapsim models (dict's get among them);
// nullopt for the rest, which are refused.
std::optional<Builtin> FindOrderedDictMethod(std::string_view name);
// The name of an OrderedDict method builtin, if `builtin` is one.
std::optional<std::string_view> OrderedDictMethodName(Builtin builtin);
// True for the OrderedDict type and its own methods.
bool IsOrderedDictBuiltin(Builtin builtin);
// OrderedDict(...) as tp_call runs it: dict_new, then odict_init.
Ref ConstructOrderedDict(Interpreter& interp, CallArgs& args);
// Runs the OrderedDict builtin `builtin` (IsOrderedDictBuiltin) on `self`.
Ref CallOrderedDictBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);
// Makes the objects odict_repr holds while it shows `od` (a list of pairs
// before 3.12, a dict from 3.12) and appends them to `made`, which the
// caller drops once the repr's text is made.
void MakeOrderedDictReprTemporaries(Interpreter& interp, ObjectId od, std::vector<Ref>* made);

// collections.Counter (module_collections_counter.cc,
// module_collections_counter_ops.cc). Counter's methods are Python code in
// CPython: each call notes it (NoteCounterCode).
// Records that Counter's Python code ran (`what` names it for refusals):
// id() and tracemalloc's figures are refused from then on, and up to
// `gc_objects` unmodelled GC objects widen the GC timing window.
void NoteCounterCode(Interpreter& interp, std::string_view what, uint64_t gc_objects);
// True when every count of `counter` is an int (or a bool); otherwise
// refuses `what` and returns false.
bool CountsAreInts(Interpreter& interp, ObjectId counter, std::string_view what);
// The order of most_common(): the positions of the items (in the dict's
// order) by count, largest first, equal counts in insertion order. Counts
// must be ints; nullopt with the refusal made or the error pending.
std::optional<std::vector<size_t>> CounterOrder(Interpreter& interp, ObjectId counter);
// The Counter method `name` heapsim models (Counter's own, total() where
// the version has it, and dict's it inherits: get, keys, ...); nullopt for
// the rest.
std::optional<Builtin> FindCounterMethod(const Heap& heap, std::string_view name);
// The name of one of Counter's own method builtins.
std::optional<std::string_view> CounterMethodName(Builtin builtin);
// True for the Counter type and its own methods.
bool IsCounterBuiltin(Builtin builtin);
// Counter(iterable=None, /, **kwds): dict_new, then __init__'s update.
Ref ConstructCounter(Interpreter& interp, CallArgs& args);
// counter.copy(): Counter(counter).
Ref CopyCounter(Interpreter& interp, ObjectId counter);
// Runs the Counter builtin `builtin` (IsCounterBuiltin) on `self`.
Ref CallCounterBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);
// counter[key] for a missing key: Counter.__missing__'s 0.
Ref CounterMissing(Interpreter& interp);
// del counter[key] (Counter.__delitem__): no KeyError for a missing key.
// False with the error pending.
bool CounterDelItem(Interpreter& interp, ObjectId counter, ObjectId key);
// a <op> b where either side is a Counter: Counter's +, -, | and & of two
// Counters (int counts); everything else refused.
Ref CounterBinary(Interpreter& interp, BinaryOp op, ObjectId a, ObjectId b, bool in_place);
// +counter and -counter; the other unary operators refused.
Ref CounterUnary(Interpreter& interp, std::optional<UnaryOp> op, ObjectId counter);
// a <op> b between two Counters where the version gives Counter its own
// comparisons (Profile::counter_rich_compare); null with the error
// pending or the refusal made.
Ref CounterRichCompare(Interpreter& interp, CompareOp op, ObjectId a, ObjectId b);
// Appends repr(counter) as Counter.__repr__ makes it ("Counter()", else
// "Counter({key: count, ...})" by most_common()); `show` appends the repr
// of a key or count. False with the error pending or the refusal made.
bool AppendCounterRepr(Interpreter& interp, ObjectId counter,
                       const std::function<bool(ObjectId, std::string*)>& show,
                       std::string* out);

// collections.namedtuple (module_collections_namedtuple.cc).
// True for namedtuple() and the namedtuple methods heapsim runs.
bool IsNamedTupleBuiltin(Builtin builtin);
// True for collections.namedtuple itself (a Python function in CPython,
// whose type and size heapsim does not model).
bool IsNamedTupleFunction(const Heap& heap, ObjectId object);
// Notes that a namedtuple's __repr__ (Python code) ran.
void NoteNamedTupleRepr(Interpreter& interp);
// Runs namedtuple(...), or _make, _asdict or _replace on `self` (a
// namedtuple class or instance).
Ref CallNamedTupleBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);
// cls(...) for namedtuple class `cls`: the generated __new__'s binding of
// the arguments (with its errors), then the instance.
Ref InstantiateNamedTuple(Interpreter& interp, ObjectId cls, CallArgs& args);
// The namedtuple method builtin `name` names on `object` (_make on a class
// or an instance; _asdict and _replace on an instance), if any.
std::optional<Builtin> NamedTupleMethod(const Heap& heap, ObjectId object, std::string_view name);
// Attribute `name` of a namedtuple class or instance: a new reference, or
// null with the exception or refusal pending; nullopt when the generic
// lookup of a tuple answers (tuple's methods, the AttributeError).
std::optional<Ref> NamedTupleAttribute(Interpreter& interp, ObjectId object,
                                       const std::string& name);
// Setting (or with `del`, deleting) attribute `name` of a namedtuple class
// or instance: the AttributeError to raise, Cancelled with the refusal
// made, or nullopt for the AttributeError of an object without __dict__.
std::optional<absl::Status> NamedTupleAttributeWrite(Interpreter& interp, ObjectId object,
                                                     const std::string& name, bool del);

// weakref.ref(object) and the functions of module weakref
// (module_weakref.cc).
Ref CallWeakrefBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args);
// True if weakref.ref() accepts `object` and heapsim models that; else
// false with ref()'s TypeError raised or the refusal made.
bool CheckWeakReferenceable(Interpreter& interp, ObjectId object);

// weakref.proxy's objects (module_weakref_proxy.cc). The referent a proxy
// forwards an operation to (borrowed); kNoObject with ReferenceError
// pending once it died (or refused while a collection may have freed it).
// REQUIRES: IsWeakProxy(proxy).
ObjectId WeakProxyReferent(Interpreter& interp, ObjectId proxy);
// The type of a proxy (kTypeWeakProxy, kTypeWeakCallableProxy), if
// `object` is one.
std::optional<Builtin> WeakProxyTypeBuiltin(const Heap& heap, ObjectId object);
// The tp_name of a proxy type: "weakproxy", "weakref.ProxyType", ...
std::string WeakProxyTypeName(const Heap& heap, Builtin type);
// weakref.ProxyTypes: the tuple of the two proxy types.
ObjectId WeakProxyTypesTuple(Interpreter& interp);
// True (with the refusal pending) when a builtin heapsim does not check
// for proxies is given one: CPython forwards most of what a builtin does
// with it to the referent.
bool RefuseWeakProxyArguments(Interpreter& interp, Builtin builtin, ObjectId self,
                              const CallArgs& args);

// weakref's classes written in Python: WeakValueDictionary,
// WeakKeyDictionary, WeakSet (module_weakref_containers.cc) and finalize
// (module_weakref_finalize.cc), and their methods.
bool IsWeakContainerBuiltin(Builtin builtin);
// The class of a container or finalize object (nullopt for a remover).
std::optional<Builtin> WeakContainerTypeBuiltin(const Heap& heap, ObjectId object);
Ref CallWeakContainerBuiltin(Interpreter& interp, Builtin builtin, ObjectId self,
                             CallArgs& args);
Ref CallFinalizeBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);
// Records that weakref.py's code ran for `what`: id() and tracemalloc's
// figures are refused from then on, and the GC timing window widens.
void WeakrefCodeRan(Interpreter& interp, std::string_view what);
// The method `name` of a container or finalize object, if it has that one.
std::optional<Builtin> FindWeakContainerMethod(const Heap& heap, ObjectId object,
                                               std::string_view name);
// True for the other names weakref.py's classes have (refused).
bool IsWeakContainerLibraryName(std::string_view name);
// finalize's properties (alive, atexit) and the other attributes of these
// objects: the value, or null with the AttributeError or refusal made.
Ref WeakContainerAttribute(Interpreter& interp, ObjectId object, const std::string& name);
// Setting finalize.atexit; false with the error or refusal made for the
// rest.
bool WeakContainerAttributeWrite(Interpreter& interp, ObjectId object, const std::string& name,
                                 ObjectId value);
// Calling a finalize object (finalize.__call__) or a container's remover
// (as a weak reference's callback).
Ref CallWeakContainerObject(Interpreter& interp, ObjectId callable, CallArgs& args);
// len(), `in`, x[k], x[k] = v (del x[k] with kNoObject) and iter() of the
// containers; -1 / null / false with the error raised.
int64_t WeakContainerLen(Interpreter& interp, ObjectId container);
int WeakContainerContains(Interpreter& interp, ObjectId container, ObjectId item);
Ref WeakContainerGetItem(Interpreter& interp, ObjectId container, ObjectId key);
bool WeakContainerSetItem(Interpreter& interp, ObjectId container, ObjectId key, ObjectId value);
Ref WeakContainerIter(Interpreter& interp, ObjectId container);
// finalize's exit hook (atexit): calls the live finalizers whose atexit is
// true, newest first, then makes every finalizer do nothing.
void RunFinalizersAtExit(Interpreter& interp);
// True when some finalize object is alive (with atexit true, when
// `atexit_only`).
bool FinalizersAlive(const Heap& heap, bool atexit_only);

// Runs a function of module operator (module_operator.cc).
Ref CallOperatorBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args);

// Runs a function of module functools, or makes a functools.partial
// (module_functools.cc).
Ref CallFunctoolsBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args);

// Calls functools.partial object `partial` with the caller's `args` (held
// until the call returns): its callable with its arguments, then the
// call's. Null with the error or refusal pending.
Ref CallPartial(Interpreter& interp, ObjectId partial, CallArgs args);

// functools.lru_cache(), functools.cache() and the wrapper's cache_info()
// and cache_clear() (`self` the wrapper) (module_functools_lru.cc).
Ref CallLruCacheBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// Calls the decorator lru_cache(maxsize, typed) returned with the caller's
// `args` (the wrapper of the function given), or a wrapper's
// cache_parameters (a new dict of the parameters).
Ref CallLruCacheDecorator(Interpreter& interp, ObjectId decorator, CallArgs args);

// Calls an lru_cache wrapper with the caller's `args` (held until the call
// returns) as lru_cache_call does: the arguments packed, then the cache of
// the wrapper's maxsize looked up or filled.
Ref CallLruCache(Interpreter& interp, ObjectId wrapper, CallArgs args);

// Attribute `name` of an lru_cache wrapper or decorator other than the
// wrapper's methods: __wrapped__, __name__, __qualname__, __module__ from
// its __dict__, AttributeError for names it lacks (cache_parameters on
// 3.8); its other dunders and the decorator's attributes refused.
Ref LruCacheAttribute(Interpreter& interp, ObjectId wrapper, const std::string& name);

// True for functools.lru_cache and functools.cache (Python functions in
// CPython, whose type and size heapsim does not model).
bool IsFunctoolsPythonFunction(const Heap& heap, ObjectId object);

// Attribute `name` of functools.partial object `partial` (func, args,
// keywords; the others refused): a new reference, or null with the refusal
// pending.
Ref PartialAttribute(Interpreter& interp, ObjectId partial, const std::string& name);

// True for the builtins of module operator.
inline bool IsOperatorBuiltin(Builtin builtin) {
  return builtin >= Builtin::kOperatorAdd && builtin <= Builtin::kOperatorCall;
}

// Calls weak reference `weakref`: its referent, or None once that died
// (module_weakref.cc).
Ref CallWeakRef(Interpreter& interp, ObjectId weakref, CallArgs& args);

// array.array(typecode[, initializer]) (`self` kNoObject) and the methods
// of arrays (module_array.cc).
Ref CallArrayBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// The raw item `value` converts to under array typecode `type` (the
// descriptor's setitem), or nullopt with its error raised or the item
// refused (module_array.cc).
std::optional<std::string> PackArrayItem(Interpreter& interp, const ArrayTypecode& type,
                                         ObjectId value);

// memoryview(object) (`self` kNoObject) and the methods of memoryviews
// (builtins_memoryview.cc).
Ref CallMemoryViewBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// bytes(view) or bytearray(view) (`args` the constructor's): a copy of
// the view's bytes (builtins_memoryview.cc).
Ref CopyMemoryView(Interpreter& interp, ObjectId view, bool bytearray, const CallArgs& args);

// Item `index` of an unreleased view (unpack_single): an int for format
// 'B', an array's item for a view of one (builtins_memoryview.cc).
Ref MemoryViewItem(Heap& heap, ObjectId view, int64_t index);

// The data attributes of memoryview `view` (obj, nbytes, shape, ...), or
// nullopt for another name (builtins_memoryview.cc).
// The data attributes real, imag, numerator and denominator of an int or
// bool, and real and imag of a float, made as CPython gives them (the number
// itself where it is exactly of its type); nullopt for other names and types
// (builtins_number_methods.cc).
std::optional<Ref> NumberAttribute(Heap& heap, ObjectId number, std::string_view name);

std::optional<Ref> MemoryViewAttribute(Interpreter& interp, ObjectId view,
                                       const std::string& name);

// staticmethod(), classmethod() and property() called (`self` kNoObject),
// and property.getter/setter/deleter (builtins_descriptors.cc).
Ref CallDescriptorBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// dict.fromkeys(iterable, value=None) (builtins_dict_fromkeys.cc).
Ref CallDictFromKeys(Interpreter& interp, ObjectId dict_type, CallArgs& args);

// int.bit_count, int.to_bytes and int.from_bytes (`self` the int type
// for from_bytes) (builtins_int_bytes.cc).
bool IsIntBytesBuiltin(Builtin builtin);
Ref CallIntBytesBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// The methods of bytes and bytearray from hex to isascii (`self` the type
// for fromhex) and bytearray's insert, remove, reverse, clear and copy
// (builtins_bytes_methods.cc, builtins_bytearray_methods.cc).
inline bool IsBytesMethodBuiltin(Builtin builtin) {
  return builtin >= Builtin::kBytesHex && builtin <= Builtin::kByteArrayCopy;
}
Ref CallBytesMethod(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);
Ref CallByteArrayMutator(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// str.encode and bytes/bytearray.decode (builtins_codecs.cc).
Ref CallCodecMethod(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// ascii(object): its repr, non-ASCII characters escaped (builtins_codecs.cc).
// `repr` is the object's repr, taken. Null with the error or refusal pending.
Ref AsciiOfRepr(Interpreter& interp, Ref repr);

// True if the space-separated `names` (a profile's list) include `name`.
bool NameListed(std::string_view names, std::string_view name);

// The builtin's name as Python shows it ("len", "append").
std::string_view BuiltinName(Builtin builtin);

// True if calling the global builtin function `builtin` packs its arguments
// in a tuple (and its keywords in a dict) on this profile
// (Profile::packing_functions).
bool PacksArguments(const Profile& profile, Builtin builtin);

// The module defining a module function ("sys", "gc", "_tracemalloc"), or
// "" for other builtins.
std::string_view BuiltinModule(Builtin builtin);

// True for the methods of the builtin types.
inline bool IsMethodBuiltin(Builtin builtin) { return builtin >= Builtin::kListAppend; }

// The builtin function or type a global name refers to, if any.
std::optional<Builtin> FindBuiltinName(std::string_view name);

// The method `name` of objects of `type`, if it has one.
std::optional<Builtin> FindMethod(TypeTag type, std::string_view name);

// The class methods int.from_bytes and bytes.fromhex (bool's and
// bytearray's too) read from their type or an instance of it: a new
// builtin method bound to the type. nullopt for other names and objects.
std::optional<Ref> BuiltinClassMethod(Interpreter& interp, ObjectId object, std::string_view name);

// Attribute `name` of builtin function or method object `function` where
// CPython's is simple: __name__ (a new str on each read), a function's
// __qualname__ (the same), a method's __self__ and __module__ (None).
// nullopt for the rest (refused by the caller): a method's __qualname__,
// a function's __self__ and __module__, and the builtins CPython writes
// in Python.
std::optional<Ref> BuiltinFunctionAttribute(Interpreter& interp, ObjectId function,
                                            std::string_view name);

// False for a method of the table the profile's CPython lacks
// (str.removeprefix before 3.9): an AttributeError there.
bool MethodExists(const Profile& profile, Builtin method);

// The builtin of the sys / gc / tracemalloc module named `name`.
std::optional<Builtin> FindModuleFunction(std::string_view module, std::string_view name);

// False for a module function the profile's CPython lacks (gc.is_finalized
// before 3.9).
bool ModuleFunctionExists(const Profile& profile, Builtin builtin);

// The module object of `name` (math, operator, itertools: modules whose
// functions are builtins), statically allocated by its first import.
ObjectId ImportedModule(Interpreter& interp, std::string_view name);

// True for the names CPython's math and operator modules have (on some
// version) that heapsim does not model: refused, where other unknown names
// raise AttributeError.
bool IsUnmodelledLibraryName(std::string_view module, std::string_view name);

// gc.garbage, made on first use (a statically allocated list, tracked).
ObjectId GcGarbageList(Interpreter& interp);

// True for a module data attribute's object (or the str inside
// sys.version_info): its reference count depends on the whole interpreter.
bool IsModuleStartupValue(Interpreter& interp, ObjectId id);

// sys.implementation.`name` (name, cache_tag): a new reference, or a null
// Ref with the refusal pending for the namespace's other attributes.
Ref SysImplementationAttribute(Interpreter& interp, std::string_view name);

// True if the module's data attribute `name` (sys.maxsize, gc.garbage,
// gc.DEBUG_SAVEALL, ...) is one heapsim models (builtins_modules.cc).
bool IsModuleValue(std::string_view module, std::string_view name);

// The module's data attribute `name` as `interp`'s session sees it: a new
// reference, or a null Ref with the refusal or error pending (attributes
// CPython has but heapsim does not model, such as sys.version, are refused
// by name). nullopt when `name` is no data attribute heapsim knows.
std::optional<Ref> ModuleValue(Interpreter& interp, std::string_view module,
                               std::string_view name);

// A static type object named `name` whose calls run `constructor`.
ObjectId MakeTypeObject(Heap& heap, const std::string& name, Builtin constructor);

// Makes the builtin function and type objects a session's names refer to.
void MakeBuiltinObjects(Heap& heap, SessionState& session);

// Runs a builtin. `self` is the bound object for methods, else kNoObject.
Ref CallBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// list.append(item): the append, its mutation event, and the None it
// returns.
Ref ListAppendMethod(Heap& heap, ObjectId list, ObjectId item);

// d.update(source) / dict(source): a dict's items or an iterable of pairs.
// Returns false with the exception pending.
bool UpdateDictFrom(Interpreter& interp, ObjectId dict, ObjectId source);

// s.update(source) / set(source): a set's, a dict's keys or any iterable's
// items. Returns false with the exception pending.
bool UpdateSetFrom(Interpreter& interp, ObjectId set, ObjectId source);

// list.sort(key=..., reverse=...) on `list` (also what sorted() does to its
// new list). Returns false with the exception pending when a key call or a
// comparison raises.
bool SortListInPlace(Interpreter& interp, ObjectId list, ObjectId key, bool reverse);

// The exception class a builtin name stands for ("KeyError"), if any.
bool IsExceptionName(std::string_view name);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_BUILTINS_H_
