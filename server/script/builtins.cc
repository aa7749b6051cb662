#include "server/script/builtins.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/heap/budget.h"
#include "server/heap/bytes_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/float_object.h"
#include "server/heap/gc.h"
#include "server/heap/gc_timing.h"
#include "server/heap/instance_object.h"
#include "server/heap/int_digits.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/namedtuple_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/referents.h"
#include "server/heap/set_object.h"
#include "server/heap/sizeof.h"
#include "server/heap/stdout_stream.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/type_info.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/module_copy.h"
#include "server/script/module_random.h"
#include "server/script/tracemalloc_objects.h"
#include "server/script/format.h"
#include "server/script/list_sort.h"
#include "server/script/operators.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// hash() of an object of `type` is derived from its address (the default
// object.__hash__), not from its value.
bool HashedByAddress(TypeTag type) {
  switch (type) {
    case TypeTag::kNone:
    case TypeTag::kBool:
    case TypeTag::kInt:
    case TypeTag::kFloat:
    case TypeTag::kComplex:
    case TypeTag::kStr:
    case TypeTag::kBytes:
    case TypeTag::kTuple:
    case TypeTag::kFrozenSet:
    case TypeTag::kRange:
      return false;
    default:
      return true;
  }
}

struct BuiltinEntry {
  Builtin builtin;
  std::string_view name;
};

constexpr BuiltinEntry kGlobalNames[] = {
    {Builtin::kPrint, "print"},         {Builtin::kLen, "len"},
    {Builtin::kId, "id"},               {Builtin::kRepr, "repr"},
    {Builtin::kIsInstance, "isinstance"}, {Builtin::kAny, "any"},
    {Builtin::kAll, "all"},             {Builtin::kSorted, "sorted"},
    {Builtin::kReversed, "reversed"},   {Builtin::kEnumerate, "enumerate"},
    {Builtin::kZip, "zip"},             {Builtin::kMin, "min"},
    {Builtin::kMax, "max"},             {Builtin::kSum, "sum"},
    {Builtin::kAbs, "abs"},             {Builtin::kRound, "round"},
    {Builtin::kIter, "iter"},           {Builtin::kNext, "next"},
    {Builtin::kHash, "hash"},           {Builtin::kFormat, "format"},
    {Builtin::kOrd, "ord"},             {Builtin::kChr, "chr"},
    {Builtin::kHex, "hex"},             {Builtin::kOct, "oct"},
    {Builtin::kBin, "bin"},             {Builtin::kDivMod, "divmod"},
    {Builtin::kPow, "pow"},             {Builtin::kCallable, "callable"},
    {Builtin::kGetAttr, "getattr"},     {Builtin::kSetAttr, "setattr"},
    {Builtin::kHasAttr, "hasattr"},     {Builtin::kDelAttr, "delattr"},
    {Builtin::kGlobals, "globals"},     {Builtin::kVars, "vars"},
    {Builtin::kIsSubclass, "issubclass"}, {Builtin::kAscii, "ascii"},
    {Builtin::kTypeType, "type"},       {Builtin::kTypeInt, "int"},
    {Builtin::kTypeFloat, "float"},     {Builtin::kTypeComplex, "complex"},
    {Builtin::kTypeBool, "bool"},       {Builtin::kTypeStr, "str"},
    {Builtin::kTypeBytes, "bytes"},     {Builtin::kTypeByteArray, "bytearray"},
    {Builtin::kTypeList, "list"},       {Builtin::kTypeTuple, "tuple"},
    {Builtin::kTypeDict, "dict"},       {Builtin::kTypeSet, "set"},
    {Builtin::kTypeFrozenSet, "frozenset"}, {Builtin::kTypeRange, "range"},
    {Builtin::kTypeObject, "object"},   {Builtin::kTypeSlice, "slice"},
    {Builtin::kTypeMap, "map"},         {Builtin::kTypeFilter, "filter"},
    {Builtin::kTypeSuper, "super"},     {Builtin::kTypeStaticMethod, "staticmethod"},
    {Builtin::kTypeClassMethod, "classmethod"}, {Builtin::kTypeProperty, "property"},
    {Builtin::kTypeMemoryView, "memoryview"},
};

constexpr std::string_view kExceptionNames[] = {
    "Exception",    "BaseException",    "TypeError",         "ValueError",
    "KeyError",     "IndexError",       "AttributeError",    "NameError",
    "ZeroDivisionError", "OverflowError", "RecursionError",  "MemoryError",
    "StopIteration", "AssertionError",  "RuntimeError",      "NotImplementedError",
    "LookupError",  "ArithmeticError",  "UnboundLocalError", "BufferError",
};

struct MethodEntry {
  TypeTag type;
  std::string_view name;
  Builtin builtin;
};

constexpr MethodEntry kMethods[] = {
    {TypeTag::kList, "append", Builtin::kListAppend},
    {TypeTag::kList, "extend", Builtin::kListExtend},
    {TypeTag::kList, "insert", Builtin::kListInsert},
    {TypeTag::kList, "remove", Builtin::kListRemove},
    {TypeTag::kList, "pop", Builtin::kListPop},
    {TypeTag::kList, "clear", Builtin::kListClear},
    {TypeTag::kList, "index", Builtin::kListIndex},
    {TypeTag::kList, "count", Builtin::kListCount},
    {TypeTag::kList, "sort", Builtin::kListSort},
    {TypeTag::kList, "reverse", Builtin::kListReverse},
    {TypeTag::kList, "copy", Builtin::kListCopy},
    {TypeTag::kDict, "get", Builtin::kDictGet},
    {TypeTag::kDict, "setdefault", Builtin::kDictSetDefault},
    {TypeTag::kDict, "update", Builtin::kDictUpdate},
    {TypeTag::kDict, "pop", Builtin::kDictPop},
    {TypeTag::kDict, "popitem", Builtin::kDictPopItem},
    {TypeTag::kDict, "keys", Builtin::kDictKeys},
    {TypeTag::kDict, "values", Builtin::kDictValues},
    {TypeTag::kDict, "items", Builtin::kDictItems},
    {TypeTag::kDict, "clear", Builtin::kDictClear},
    {TypeTag::kDict, "copy", Builtin::kDictCopy},
    {TypeTag::kSet, "add", Builtin::kSetAdd},
    {TypeTag::kSet, "update", Builtin::kSetUpdate},
    {TypeTag::kSet, "remove", Builtin::kSetRemove},
    {TypeTag::kSet, "discard", Builtin::kSetDiscard},
    {TypeTag::kSet, "pop", Builtin::kSetPop},
    {TypeTag::kSet, "clear", Builtin::kSetClear},
    {TypeTag::kSet, "union", Builtin::kSetUnion},
    {TypeTag::kSet, "intersection", Builtin::kSetIntersection},
    {TypeTag::kSet, "difference", Builtin::kSetDifference},
    {TypeTag::kSet, "copy", Builtin::kSetCopy},
    {TypeTag::kSet, "issubset", Builtin::kSetIsSubset},
    {TypeTag::kSet, "issuperset", Builtin::kSetIsSuperset},
    {TypeTag::kSet, "isdisjoint", Builtin::kSetIsDisjoint},
    {TypeTag::kSet, "symmetric_difference", Builtin::kSetSymmetricDifference},
    {TypeTag::kSet, "symmetric_difference_update", Builtin::kSetSymmetricDifferenceUpdate},
    {TypeTag::kSet, "intersection_update", Builtin::kSetIntersectionUpdate},
    {TypeTag::kSet, "difference_update", Builtin::kSetDifferenceUpdate},
    {TypeTag::kFrozenSet, "union", Builtin::kSetUnion},
    {TypeTag::kFrozenSet, "intersection", Builtin::kSetIntersection},
    {TypeTag::kFrozenSet, "difference", Builtin::kSetDifference},
    {TypeTag::kFrozenSet, "copy", Builtin::kSetCopy},
    {TypeTag::kFrozenSet, "issubset", Builtin::kSetIsSubset},
    {TypeTag::kFrozenSet, "issuperset", Builtin::kSetIsSuperset},
    {TypeTag::kFrozenSet, "isdisjoint", Builtin::kSetIsDisjoint},
    {TypeTag::kFrozenSet, "symmetric_difference", Builtin::kSetSymmetricDifference},
    {TypeTag::kTraceObject, "statistics", Builtin::kSnapshotStatistics},
    {TypeTag::kTraceObject, "compare_to", Builtin::kSnapshotCompareTo},
    {TypeTag::kTraceObject, "filter_traces", Builtin::kSnapshotFilterTraces},
    {TypeTag::kTraceObject, "dump", Builtin::kSnapshotDump},
    {TypeTag::kTraceObject, "format", Builtin::kTracebackFormat},
    {TypeTag::kStr, "join", Builtin::kStrJoin},
    {TypeTag::kStr, "split", Builtin::kStrSplit},
    {TypeTag::kStr, "upper", Builtin::kStrUpper},
    {TypeTag::kStr, "lower", Builtin::kStrLower},
    {TypeTag::kStr, "strip", Builtin::kStrStrip},
    {TypeTag::kStr, "replace", Builtin::kStrReplace},
    {TypeTag::kStr, "startswith", Builtin::kStrStartsWith},
    {TypeTag::kStr, "endswith", Builtin::kStrEndsWith},
    {TypeTag::kStr, "format", Builtin::kStrFormat},
    {TypeTag::kStr, "find", Builtin::kStrFind},
    {TypeTag::kStr, "count", Builtin::kStrCount},
    {TypeTag::kTuple, "index", Builtin::kTupleIndex},
    {TypeTag::kTuple, "count", Builtin::kTupleCount},
    {TypeTag::kByteArray, "append", Builtin::kByteArrayAppend},
    {TypeTag::kByteArray, "extend", Builtin::kByteArrayExtend},
    {TypeTag::kByteArray, "pop", Builtin::kByteArrayPop},
    {TypeTag::kGenerator, "send", Builtin::kGeneratorSend},
    {TypeTag::kProperty, "getter", Builtin::kPropertyGetter},
    {TypeTag::kProperty, "setter", Builtin::kPropertySetter},
    {TypeTag::kProperty, "deleter", Builtin::kPropertyDeleter},
    {TypeTag::kStr, "encode", Builtin::kStrEncode},
    {TypeTag::kBytes, "decode", Builtin::kBytesDecode},
    {TypeTag::kDeque, "append", Builtin::kDequeAppend},
    {TypeTag::kDeque, "appendleft", Builtin::kDequeAppendLeft},
    {TypeTag::kDeque, "pop", Builtin::kDequePop},
    {TypeTag::kDeque, "popleft", Builtin::kDequePopLeft},
    {TypeTag::kDeque, "extend", Builtin::kDequeExtend},
    {TypeTag::kDeque, "extendleft", Builtin::kDequeExtendLeft},
    {TypeTag::kDeque, "rotate", Builtin::kDequeRotate},
    {TypeTag::kDeque, "clear", Builtin::kDequeClear},
    {TypeTag::kDeque, "copy", Builtin::kDequeCopy},
    {TypeTag::kDeque, "reverse", Builtin::kDequeReverse},
    {TypeTag::kDeque, "count", Builtin::kDequeCount},
    {TypeTag::kDeque, "index", Builtin::kDequeIndex},
    {TypeTag::kDeque, "remove", Builtin::kDequeRemove},
    {TypeTag::kLruCache, "cache_info", Builtin::kLruCacheInfo},
    {TypeTag::kLruCache, "cache_clear", Builtin::kLruCacheClear},
    {TypeTag::kByteArray, "decode", Builtin::kBytesDecode},
    {TypeTag::kArray, "append", Builtin::kArrayAppend},
    {TypeTag::kArray, "extend", Builtin::kArrayExtend},
    {TypeTag::kArray, "insert", Builtin::kArrayInsert},
    {TypeTag::kArray, "pop", Builtin::kArrayPop},
    {TypeTag::kArray, "remove", Builtin::kArrayRemove},
    {TypeTag::kArray, "index", Builtin::kArrayIndex},
    {TypeTag::kArray, "count", Builtin::kArrayCount},
    {TypeTag::kArray, "reverse", Builtin::kArrayReverse},
    {TypeTag::kArray, "byteswap", Builtin::kArrayByteSwap},
    {TypeTag::kArray, "tobytes", Builtin::kArrayToBytes},
    {TypeTag::kArray, "tolist", Builtin::kArrayToList},
    {TypeTag::kArray, "frombytes", Builtin::kArrayFromBytes},
    {TypeTag::kArray, "fromlist", Builtin::kArrayFromList},
    {TypeTag::kArray, "buffer_info", Builtin::kArrayBufferInfo},
    {TypeTag::kMemoryView, "tobytes", Builtin::kMemoryViewToBytes},
    {TypeTag::kMemoryView, "tolist", Builtin::kMemoryViewToList},
    {TypeTag::kMemoryView, "release", Builtin::kMemoryViewRelease},
    {TypeTag::kMemoryView, "__enter__", Builtin::kMemoryViewEnter},
    {TypeTag::kMemoryView, "__exit__", Builtin::kMemoryViewExit},
};

struct ModuleEntry {
  std::string_view module;
  std::string_view name;
  Builtin builtin;
};

constexpr ModuleEntry kModuleFunctions[] = {
    {"sys", "getsizeof", Builtin::kSysGetSizeOf},
    {"sys", "getrefcount", Builtin::kSysGetRefCount},
    {"sys", "intern", Builtin::kSysIntern},
    {"gc", "collect", Builtin::kGcCollect},
    {"gc", "get_count", Builtin::kGcGetCount},
    {"gc", "get_threshold", Builtin::kGcGetThreshold},
    {"gc", "set_threshold", Builtin::kGcSetThreshold},
    {"gc", "enable", Builtin::kGcEnable},
    {"gc", "disable", Builtin::kGcDisable},
    {"gc", "isenabled", Builtin::kGcIsEnabled},
    {"gc", "is_tracked", Builtin::kGcIsTracked},
    {"gc", "get_referrers", Builtin::kGcGetReferrers},
    {"gc", "get_referents", Builtin::kGcGetReferents},
    {"sys", "getrecursionlimit", Builtin::kSysGetRecursionLimit},
    {"sys", "setrecursionlimit", Builtin::kSysSetRecursionLimit},
    {"sys", "getdefaultencoding", Builtin::kSysGetDefaultEncoding},
    {"gc", "get_debug", Builtin::kGcGetDebug},
    {"gc", "set_debug", Builtin::kGcSetDebug},
    {"gc", "get_stats", Builtin::kGcGetStats},
    {"gc", "freeze", Builtin::kGcFreeze},
    {"gc", "unfreeze", Builtin::kGcUnfreeze},
    {"gc", "get_freeze_count", Builtin::kGcGetFreezeCount},
    {"gc", "is_finalized", Builtin::kGcIsFinalized},
    {"tracemalloc", "start", Builtin::kTracemallocStart},
    {"tracemalloc", "stop", Builtin::kTracemallocStop},
    {"tracemalloc", "get_traced_memory", Builtin::kTracemallocGetTracedMemory},
    {"tracemalloc", "reset_peak", Builtin::kTracemallocResetPeak},
    {"tracemalloc", "is_tracing", Builtin::kTracemallocIsTracing},
    {"tracemalloc", "clear_traces", Builtin::kTracemallocClearTraces},
    {"tracemalloc", "take_snapshot", Builtin::kTracemallocTakeSnapshot},
    {"tracemalloc", "get_traceback_limit", Builtin::kTracemallocGetTracebackLimit},
    {"tracemalloc", "get_object_traceback", Builtin::kTracemallocGetObjectTraceback},
    {"tracemalloc", "get_tracemalloc_memory", Builtin::kTracemallocGetTracemallocMemory},
    {"tracemalloc", "Filter", Builtin::kTracemallocFilter},
    {"tracemalloc", "DomainFilter", Builtin::kTracemallocDomainFilter},
    {"collections", "deque", Builtin::kTypeDeque},
    {"collections", "defaultdict", Builtin::kTypeDefaultDict},
    {"collections", "OrderedDict", Builtin::kTypeOrderedDict},
    {"collections", "namedtuple", Builtin::kCollectionsNamedTuple},
    {"itertools", "accumulate", Builtin::kTypeItertoolsAccumulate},
    {"itertools", "chain", Builtin::kTypeItertoolsChain},
    {"itertools", "combinations", Builtin::kTypeItertoolsCombinations},
    {"itertools", "combinations_with_replacement",
     Builtin::kTypeItertoolsCombinationsWithReplacement},
    {"itertools", "compress", Builtin::kTypeItertoolsCompress},
    {"itertools", "count", Builtin::kTypeItertoolsCount},
    {"itertools", "cycle", Builtin::kTypeItertoolsCycle},
    {"itertools", "dropwhile", Builtin::kTypeItertoolsDropwhile},
    {"itertools", "filterfalse", Builtin::kTypeItertoolsFilterfalse},
    {"itertools", "islice", Builtin::kTypeItertoolsIslice},
    {"itertools", "pairwise", Builtin::kTypeItertoolsPairwise},
    {"itertools", "permutations", Builtin::kTypeItertoolsPermutations},
    {"itertools", "product", Builtin::kTypeItertoolsProduct},
    {"itertools", "repeat", Builtin::kTypeItertoolsRepeat},
    {"itertools", "starmap", Builtin::kTypeItertoolsStarmap},
    {"itertools", "takewhile", Builtin::kTypeItertoolsTakewhile},
    {"itertools", "zip_longest", Builtin::kTypeItertoolsZipLongest},
    {"weakref", "ref", Builtin::kTypeWeakRef},
    {"weakref", "ReferenceType", Builtin::kTypeWeakRef},
    {"weakref", "getweakrefcount", Builtin::kWeakrefGetWeakRefCount},
    {"weakref", "getweakrefs", Builtin::kWeakrefGetWeakRefs},
    {"copy", "copy", Builtin::kCopyCopy},
    {"copy", "deepcopy", Builtin::kCopyDeepCopy},
    {"random", "seed", Builtin::kRandomSeed},
    {"random", "random", Builtin::kRandomRandom},
    {"random", "getrandbits", Builtin::kRandomGetRandBits},
    {"random", "randrange", Builtin::kRandomRandRange},
    {"random", "randint", Builtin::kRandomRandInt},
    {"random", "choice", Builtin::kRandomChoice},
    {"random", "shuffle", Builtin::kRandomShuffle},
    {"random", "uniform", Builtin::kRandomUniform},
    {"random", "getstate", Builtin::kRandomGetState},
    {"random", "setstate", Builtin::kRandomSetState},
    {"array", "array", Builtin::kTypeArray},
    {"array", "ArrayType", Builtin::kTypeArray},
    {"math", "sqrt", Builtin::kMathSqrt},
    {"math", "exp", Builtin::kMathExp},
    {"math", "expm1", Builtin::kMathExpm1},
    {"math", "log1p", Builtin::kMathLog1p},
    {"math", "sin", Builtin::kMathSin},
    {"math", "cos", Builtin::kMathCos},
    {"math", "tan", Builtin::kMathTan},
    {"math", "asin", Builtin::kMathAsin},
    {"math", "acos", Builtin::kMathAcos},
    {"math", "atan", Builtin::kMathAtan},
    {"math", "sinh", Builtin::kMathSinh},
    {"math", "cosh", Builtin::kMathCosh},
    {"math", "tanh", Builtin::kMathTanh},
    {"math", "asinh", Builtin::kMathAsinh},
    {"math", "acosh", Builtin::kMathAcosh},
    {"math", "atanh", Builtin::kMathAtanh},
    {"math", "fabs", Builtin::kMathFabs},
    {"math", "degrees", Builtin::kMathDegrees},
    {"math", "radians", Builtin::kMathRadians},
    {"math", "log", Builtin::kMathLog},
    {"math", "log2", Builtin::kMathLog2},
    {"math", "log10", Builtin::kMathLog10},
    {"math", "pow", Builtin::kMathPow},
    {"math", "fmod", Builtin::kMathFmod},
    {"math", "atan2", Builtin::kMathAtan2},
    {"math", "copysign", Builtin::kMathCopySign},
    {"math", "floor", Builtin::kMathFloor},
    {"math", "ceil", Builtin::kMathCeil},
    {"math", "trunc", Builtin::kMathTrunc},
    {"math", "isfinite", Builtin::kMathIsFinite},
    {"math", "isinf", Builtin::kMathIsInf},
    {"math", "isnan", Builtin::kMathIsNan},
    {"math", "isclose", Builtin::kMathIsClose},
    {"math", "prod", Builtin::kMathProd},
    {"math", "fsum", Builtin::kMathFsum},
    {"math", "frexp", Builtin::kMathFrexp},
    {"math", "modf", Builtin::kMathModf},
    {"math", "ldexp", Builtin::kMathLdexp},
    {"math", "factorial", Builtin::kMathFactorial},
    {"math", "gcd", Builtin::kMathGcd},
    {"math", "lcm", Builtin::kMathLcm},
    {"math", "isqrt", Builtin::kMathIsqrt},
    {"math", "comb", Builtin::kMathComb},
    {"math", "perm", Builtin::kMathPerm},
    {"operator", "add", Builtin::kOperatorAdd},
    {"operator", "sub", Builtin::kOperatorSub},
    {"operator", "mul", Builtin::kOperatorMul},
    {"operator", "truediv", Builtin::kOperatorTrueDiv},
    {"operator", "floordiv", Builtin::kOperatorFloorDiv},
    {"operator", "mod", Builtin::kOperatorMod},
    {"operator", "pow", Builtin::kOperatorPow},
    {"operator", "lshift", Builtin::kOperatorLShift},
    {"operator", "rshift", Builtin::kOperatorRShift},
    {"operator", "and_", Builtin::kOperatorAnd},
    {"operator", "or_", Builtin::kOperatorOr},
    {"operator", "xor", Builtin::kOperatorXor},
    {"operator", "matmul", Builtin::kOperatorMatMul},
    {"operator", "iadd", Builtin::kOperatorIAdd},
    {"operator", "isub", Builtin::kOperatorISub},
    {"operator", "imul", Builtin::kOperatorIMul},
    {"operator", "itruediv", Builtin::kOperatorITrueDiv},
    {"operator", "ifloordiv", Builtin::kOperatorIFloorDiv},
    {"operator", "imod", Builtin::kOperatorIMod},
    {"operator", "ipow", Builtin::kOperatorIPow},
    {"operator", "ilshift", Builtin::kOperatorILShift},
    {"operator", "irshift", Builtin::kOperatorIRShift},
    {"operator", "iand", Builtin::kOperatorIAnd},
    {"operator", "ior", Builtin::kOperatorIOr},
    {"operator", "ixor", Builtin::kOperatorIXor},
    {"operator", "imatmul", Builtin::kOperatorIMatMul},
    {"operator", "eq", Builtin::kOperatorEq},
    {"operator", "ne", Builtin::kOperatorNe},
    {"operator", "lt", Builtin::kOperatorLt},
    {"operator", "le", Builtin::kOperatorLe},
    {"operator", "gt", Builtin::kOperatorGt},
    {"operator", "ge", Builtin::kOperatorGe},
    {"operator", "neg", Builtin::kOperatorNeg},
    {"operator", "pos", Builtin::kOperatorPos},
    {"operator", "invert", Builtin::kOperatorInvert},
    {"operator", "inv", Builtin::kOperatorInv},
    {"operator", "abs", Builtin::kOperatorAbs},
    {"operator", "not_", Builtin::kOperatorNot},
    {"operator", "truth", Builtin::kOperatorTruth},
    {"operator", "is_", Builtin::kOperatorIs},
    {"operator", "is_not", Builtin::kOperatorIsNot},
    {"operator", "contains", Builtin::kOperatorContains},
    {"operator", "getitem", Builtin::kOperatorGetItem},
    {"operator", "setitem", Builtin::kOperatorSetItem},
    {"operator", "delitem", Builtin::kOperatorDelItem},
    {"operator", "concat", Builtin::kOperatorConcat},
    {"operator", "iconcat", Builtin::kOperatorIConcat},
    {"operator", "index", Builtin::kOperatorIndex},
    {"operator", "countOf", Builtin::kOperatorCountOf},
    {"operator", "indexOf", Builtin::kOperatorIndexOf},
    {"operator", "call", Builtin::kOperatorCall},
    {"functools", "reduce", Builtin::kFunctoolsReduce},
    {"functools", "partial", Builtin::kTypePartial},
    {"functools", "lru_cache", Builtin::kFunctoolsLruCache},
    {"functools", "cache", Builtin::kFunctoolsCache},
};

// ---- Helpers ----

class Call : public BuiltinCall {
 public:
  using BuiltinCall::BuiltinCall;

  Ref Run();

 private:
  Ref Print();
  Ref IsInstance();
  Ref Sorted(ObjectId iterable);
  Ref MinMax(bool max);
  Ref Sum();
  Ref Round();
  Ref Construct();
  Ref ConstructInt();
  Ref ConstructFloat();
  Ref ConstructList();
  Ref ConstructTuple();
  Ref ConstructDict();
  Ref ConstructSet(bool frozen);
  Ref ConstructBytes(bool bytearray);
  Ref ConstructException();
  Ref TypeOf(ObjectId object);
};

// The builtin type object a TypeTag's instances report.
Builtin TypeBuiltin(TypeTag type) {
  switch (type) {
    case TypeTag::kInt:
      return Builtin::kTypeInt;
    case TypeTag::kBool:
      return Builtin::kTypeBool;
    case TypeTag::kFloat:
      return Builtin::kTypeFloat;
    case TypeTag::kComplex:
      return Builtin::kTypeComplex;
    case TypeTag::kStr:
      return Builtin::kTypeStr;
    case TypeTag::kBytes:
      return Builtin::kTypeBytes;
    case TypeTag::kByteArray:
      return Builtin::kTypeByteArray;
    case TypeTag::kList:
      return Builtin::kTypeList;
    case TypeTag::kTuple:
      return Builtin::kTypeTuple;
    case TypeTag::kDict:
      return Builtin::kTypeDict;
    case TypeTag::kSet:
      return Builtin::kTypeSet;
    case TypeTag::kFrozenSet:
      return Builtin::kTypeFrozenSet;
    case TypeTag::kRange:
      return Builtin::kTypeRange;
    case TypeTag::kObject:
      return Builtin::kTypeObject;
    case TypeTag::kSlice:
      return Builtin::kTypeSlice;
    case TypeTag::kWeakRef:
      return Builtin::kTypeWeakRef;
    case TypeTag::kArray:
      return Builtin::kTypeArray;
    case TypeTag::kDeque:
      return Builtin::kTypeDeque;
    case TypeTag::kPartial:
      return Builtin::kTypePartial;
    case TypeTag::kSuper:
      return Builtin::kTypeSuper;
    case TypeTag::kMemoryView:
      return Builtin::kTypeMemoryView;
    case TypeTag::kStaticMethod:
      return Builtin::kTypeStaticMethod;
    case TypeTag::kClassMethod:
      return Builtin::kTypeClassMethod;
    case TypeTag::kProperty:
      return Builtin::kTypeProperty;
    default:
      return Builtin::kTypeType;
  }
}

// The builtin type of the iterators that have a global name (map, filter).
std::optional<Builtin> IteratorTypeBuiltin(const Heap& heap, ObjectId object) {
  if (heap.type_of(object) != TypeTag::kIterator) return std::nullopt;
  switch (static_cast<IterKind>(heap.object(object).subtype)) {
    case IterKind::kMap:
      return Builtin::kTypeMap;
    case IterKind::kFilter:
      return Builtin::kTypeFilter;
    default:
      return ItertoolsTypeBuiltin(static_cast<IterKind>(heap.object(object).subtype));
  }
}

Ref Call::TypeOf(ObjectId object) {
  const TypeTag type = heap_.type_of(object);
  if (IsCopyFunction(heap_, object)) {
    interp_.Refuse("the type of copy.copy or copy.deepcopy (a Python function in CPython)");
    return Ref();
  }
  if (IsFunctoolsPythonFunction(heap_, object)) {
    interp_.Refuse("the type of functools.lru_cache or functools.cache (a Python function in "
                   "CPython)");
    return Ref();
  }
  if (IsNamedTupleFunction(heap_, object)) {
    interp_.Refuse("the type of collections.namedtuple (a Python function in CPython)");
    return Ref();
  }
  if (IsRandomFunction(heap_, object)) {
    interp_.Refuse("the type of a function of random (a method of its hidden instance)");
    return Ref();
  }
  if (type == TypeTag::kInstance) return heap_.NewRef(heap_.instance(object).cls);
  if (IsDefaultDict(heap_, object)) {
    return heap_.NewRef(interp_.session().builtin_objects[static_cast<size_t>(Builtin::kTypeDefaultDict)]);
  }
  if (IsOrderedDict(heap_, object)) {
    return heap_.NewRef(interp_.session().builtin_objects[static_cast<size_t>(Builtin::kTypeOrderedDict)]);
  }
  if (IsNamedTuple(heap_, object)) return heap_.NewRef(NamedTupleClass(heap_, object));
  if (type == TypeTag::kTuple && !IsExactTuple(heap_, object)) {
    interp_.Refuse("type() of sys.version_info or a CacheInfo (their tuple subclasses are not "
                   "modelled)");
    return Ref();
  }
  if (type == TypeTag::kIterator &&
      static_cast<IterKind>(heap_.object(object).subtype) == IterKind::kDeque) {
    // Named "_deque_iterator", shown with its module: not a type heapsim makes.
    interp_.Refuse("the type of a deque iterator");
    return Ref();
  }
  if (const std::optional<Builtin> iterator_type = IteratorTypeBuiltin(heap_, object)) {
    return heap_.NewRef(interp_.session().builtin_objects[static_cast<size_t>(*iterator_type)]);
  }
  const Builtin builtin = TypeBuiltin(type);
  if (builtin != Builtin::kTypeType || type == TypeTag::kClass || type == TypeTag::kBuiltinType ||
      type == TypeTag::kNamedTupleType) {
    return heap_.NewRef(interp_.session().builtin_objects[static_cast<size_t>(builtin)]);
  }
  // Other types (functions, iterators, ...) are named after their objects.
  const std::string name = TypeName(heap_, object);
  if (name.find('.') != std::string::npos) {
    // array.arrayiterator (3.10+): a type whose __name__ is not its tp_name.
    interp_.Refuse(absl::StrCat("type() of a '", name, "' object"));
    return Ref();
  }
  return heap_.NewRef(interp_.TypeObject(name));
}

// print(*objects, sep=' ', end='\n', file=None, flush=False): each object's
// str() (a str is written itself), the separators and the end go to
// sys.stdout's write() (stdout_stream.h).
Ref Call::Print() {
  ObjectId sep = kNoObject;  // the default: a one-character str
  ObjectId end = kNoObject;
  for (const auto& [name, value] : args_.keywords) {
    if (name != "sep" && name != "end" && name != "file" && name != "flush") {
      return TypeError(absl::StrCat("'", name, "' is an invalid keyword argument for print()"));
    }
    const TypeTag type = heap_.type_of(value.get());
    if (name == "file") {
      if (type != TypeTag::kNone) {
        interp_.Refuse("print() to a file other than sys.stdout");
        return Ref();
      }
    } else if (name == "flush") {
      if (type != TypeTag::kBool && type != TypeTag::kNone && type != TypeTag::kInt) {
        interp_.Refuse(absl::StrCat("print() with a flush argument of type '",
                                    TypeName(heap_, value.get()), "'"));
        return Ref();
      }
    } else if (type != TypeTag::kNone) {
      if (type != TypeTag::kStr) {
        return TypeError(absl::StrCat(name, " must be None or a string, not ",
                                      TypeName(heap_, value.get())));
      }
      (name == "sep" ? sep : end) = value.get();
    }
  }
  Ref packed_args;
  if (heap_.profile().print_packs_args && !args_.positional.empty()) {
    std::vector<ObjectId> items;
    for (const Ref& arg : args_.positional) items.push_back(arg.get());
    packed_args = NewTupleOf(heap_, items);
  }
  // The text written so far, shown as one piece of output when print()
  // ends (also when it fails part way, as what CPython wrote stays written).
  std::string shown;
  struct ShowOnExit {
    Interpreter& interp;
    const std::string& text;
    ~ShowOnExit() {
      if (!text.empty()) interp.Write(text);
    }
  } show_on_exit{interp_, shown};
  // Writes a str object through sys.stdout.
  auto write = [&](ObjectId text) {
    shown += StrText(heap_, text);
    StdoutWrite(heap_, text);
    return Check(BudgetStatus());
  };
  // The file's write, bound for each piece (PyFile_WriteObject) and
  // dropped after the piece.
  class BoundWrite {
   public:
    explicit BoundWrite(Heap& heap) : heap_(heap), block_(heap.MakeTransientMethod()) {}
    ~BoundWrite() { heap_.DropTransientMethod(block_); }
    BoundWrite(const BoundWrite&) = delete;
    BoundWrite& operator=(const BoundWrite&) = delete;

   private:
    Heap& heap_;
    const uint64_t block_;
  };
  auto write_piece = [&](ObjectId text) {
    BoundWrite writer(heap_);
    return write(text);
  };
  for (size_t i = 0; i < args_.positional.size(); ++i) {
    if (i > 0) {
      Ref space = sep == kNoObject ? NewStr(heap_, " ") : heap_.NewRef(sep);
      if (!write_piece(space.get())) return Ref();
    }
    const ObjectId arg = Arg(i);
    BoundWrite writer(heap_);
    Ref text;
    if (heap_.type_of(arg) == TypeTag::kStr) {
      text = heap_.NewRef(arg);
    } else if (HasSpecialRepr(heap_, arg, true)) {
      text = SpecialRepr(interp_, arg, true);
      if (!text) return Ref();
    } else {
      absl::StatusOr<std::string> shown =
          StrChecked(heap_, arg, static_cast<int>(heap_.profile().c_recursion.print_levels));
      if (!shown.ok()) return Fail(shown.status());
      text = NewTextOf(arg, *shown);
      if (!Check(BudgetStatus())) return Ref();  // the text may be cut short
    }
    if (!write(text.get())) return Ref();
  }
  Ref newline = end == kNoObject ? NewStr(heap_, "\n") : heap_.NewRef(end);
  if (!write_piece(newline.get())) return Ref();
  const bool written = interp_.Write(shown);
  shown.clear();
  if (!written) return Ref();
  return None();  // flush=True flushes nothing: no text is pending
}

Ref Call::IsInstance() {
  if (!Arity(2, 2)) return Ref();
  const ObjectId object = Arg(0);
  std::vector<ObjectId> classes;
  if (heap_.type_of(Arg(1)) == TypeTag::kTuple) {
    classes = TupleItems(heap_, Arg(1));
  } else {
    classes.push_back(Arg(1));
  }
  for (ObjectId cls : classes) {
    const TypeTag ct = heap_.type_of(cls);
    if (ct == TypeTag::kNamedTupleType) {
      if (IsNamedTuple(heap_, object) && NamedTupleClass(heap_, object) == cls) return Bool(true);
      continue;
    }
    if (ct == TypeTag::kClass) {
      if (heap_.type_of(object) == TypeTag::kInstance &&
          IsSubclassOf(heap_, heap_.instance(object).cls, cls)) {
        return Bool(true);
      }
      continue;
    }
    if (ct != TypeTag::kBuiltinType) {
      return TypeError(heap_.profile().messages.class_check_mentions_union
                           ? "isinstance() arg 2 must be a type, a tuple of types, or a union"
                           : "isinstance() arg 2 must be a type or tuple of types");
    }
    const auto builtin = static_cast<Builtin>(heap_.object(cls).subtype);
    const TypeTag type = heap_.type_of(object);
    if (builtin == Builtin::kTypeObject) return Bool(true);
    if (builtin == Builtin::kTypeDefaultDict && IsDefaultDict(heap_, object)) return Bool(true);
    if (builtin == Builtin::kTypeOrderedDict && IsOrderedDict(heap_, object)) return Bool(true);
    // Type objects without a builtin name (function, NoneType, ...).
    if (builtin == Builtin::kTypeType && heap_.cls(cls).name != "type" &&
        heap_.cls(cls).name == TypeName(heap_, object)) {
      return Bool(true);
    }
    if (builtin == TypeBuiltin(type) && builtin != Builtin::kTypeType) return Bool(true);
    if (IteratorTypeBuiltin(heap_, object) == builtin) return Bool(true);
    if (builtin == Builtin::kTypeInt && type == TypeTag::kBool) return Bool(true);
    if (builtin == Builtin::kTypeType && (type == TypeTag::kClass || type == TypeTag::kBuiltinType ||
                                          type == TypeTag::kNamedTupleType)) {
      return Bool(true);
    }
    if (builtin == Builtin::kExceptionClass && type == TypeTag::kException) {
      const std::optional<PyExc> exc = PyExcFromName(heap_.exception(object).type_name);
      if (exc && PyExcMatches(*exc, heap_.cls(cls).name)) return Bool(true);
    }
    if (builtin == Builtin::kExceptionClass && type == TypeTag::kInstance &&
        IsExceptionClass(heap_, heap_.instance(object).cls)) {
      // An instance of an exception class of the script: through the
      // builtin exception its class derives from.
      const ObjectId base = heap_.cls(heap_.instance(object).cls).exception_base;
      const std::optional<PyExc> exc = PyExcFromName(heap_.cls(base).name);
      if (exc && PyExcMatches(*exc, heap_.cls(cls).name)) return Bool(true);
    }
  }
  return Bool(false);
}

Ref Call::Sorted(ObjectId iterable) {
  Ref list = NewList(heap_, 0);
  if (!interp_.ExtendList(list.get(), iterable)) return Ref();
  heap_.BindTransientMethod();  // the new list's sort
  const ObjectId key = Keyword("key");
  const ObjectId reverse = Keyword("reverse");
  if (reverse != kNoObject && SpecialMethods(heap_, reverse) != 0) {
    interp_.Refuse("a 'reverse' argument whose class defines special methods");
    return Ref();
  }
  if (!SortListInPlace(interp_, list.get(), key, reverse != kNoObject && Truth(heap_, reverse))) {
    return Ref();
  }
  return list;
}

Ref Call::MinMax(bool max) {
  std::vector<Ref> items;
  if (args_.positional.size() == 1) {
    if (!interp_.Collect(Arg(0), &items)) return Ref();
  } else if (args_.positional.size() > 1) {
    for (const Ref& arg : args_.positional) items.push_back(heap_.NewRef(arg.get()));
  } else {
    return TypeError(
        absl::StrCat(std::string(BuiltinName(builtin_)), " expected at least 1 argument, got 0"));
  }
  if (items.empty()) {
    const ObjectId fallback = Keyword("default");
    if (fallback != kNoObject) return heap_.NewRef(fallback);
    std::string message(heap_.profile().messages.min_max_empty);
    message.replace(message.find("%s"), 2, BuiltinName(builtin_));
    return Fail(PyError(PyExc::kValueError, message));
  }
  const ObjectId key = Keyword("key");
  size_t best = 0;
  Ref best_key;
  for (size_t i = 0; i < items.size(); ++i) {
    Ref k;
    if (key != kNoObject) {
      CallArgs call;
      call.positional.push_back(heap_.NewRef(items[i].get()));
      k = interp_.Call(key, std::move(call));
      if (!k) return Ref();
    } else {
      k = heap_.NewRef(items[i].get());
    }
    if (i == 0) {
      best_key = std::move(k);
      continue;
    }
    bool better_than_best;
    if (HasSpecialCompare(heap_, k.get()) || HasSpecialCompare(heap_, best_key.get())) {
      const int better = RichCompareBool(interp_, max ? CompareOp::kGt : CompareOp::kLt,
                                         k.get(), best_key.get());
      if (better < 0) return Ref();
      better_than_best = better == 1;
    } else {
      absl::StatusOr<bool> better =
          max ? Less(heap_, best_key.get(), k.get()) : Less(heap_, k.get(), best_key.get());
      if (!better.ok()) return Fail(better.status());
      better_than_best = *better;
    }
    if (better_than_best) {
      best = i;
      best_key = std::move(k);
    }
  }
  return std::move(items[best]);
}

Ref Call::Sum() {
  if (!Arity(1, 2)) return Ref();
  const ObjectId start_arg = ArgOrKeyword(1, "start");
  Ref total = start_arg != kNoObject ? heap_.NewRef(start_arg) : Int(0);
  if (heap_.type_of(total.get()) == TypeTag::kStr) {
    return TypeError("sum() can't sum strings [use ''.join(seq) instead]");
  }
  // Like CPython's sum: runs of ints (and then of floats) are added in
  // machine words without making intermediate objects.
  enum class Mode { kInt, kFloat, kGeneric };
  const TypeTag start = heap_.type_of(total.get());
  Mode mode = start == TypeTag::kInt ? Mode::kInt
              : start == TypeTag::kFloat ? Mode::kFloat : Mode::kGeneric;
  int64_t int_total = 0;
  double float_total = 0.0;
  double compensation = 0.0;
  const bool compensated = heap_.profile().sum_floats_compensated;
  if (mode == Mode::kInt) {
    const std::optional<int64_t> v = IntAsInt64(heap_, total.get());
    if (v) {
      int_total = *v;
    } else {
      mode = Mode::kGeneric;
    }
  } else if (mode == Mode::kFloat) {
    float_total = FloatValue(heap_, total.get());
  }
  auto add_float = [&](double x) {
    const double t = float_total + x;
    if (compensated) {
      compensation += std::fabs(float_total) >= std::fabs(x) ? (float_total - t) + x
                                                            : (x - t) + float_total;
    }
    float_total = t;
  };
  auto float_result = [&]() {
    return NewFloat(heap_, compensation != 0.0 && std::isfinite(compensation)
                               ? float_total + compensation
                               : float_total);
  };
  // total + item through the type's addition.
  auto add_generic = [&](ObjectId item) {
    Ref next = BinaryOf(interp_, BinaryOp::kAdd, total.get(), item, false);
    if (!next) return false;
    total = std::move(next);
    return true;
  };
  const bool ok = interp_.ForEach(Arg(0), [&](Ref item) {
    const TypeTag type = heap_.type_of(item.get());
    if (mode == Mode::kInt) {
      if (type == TypeTag::kInt || type == TypeTag::kBool) {
        const std::optional<int64_t> v = IntAsInt64(heap_, item.get());
        int64_t sum;
        if (v && !__builtin_add_overflow(int_total, *v, &sum)) {
          int_total = sum;
          return true;
        }
      }
      total = NewInt(heap_, int_total);
      mode = Mode::kGeneric;
      if (!add_generic(item.get())) return false;
      if (heap_.type_of(total.get()) == TypeTag::kFloat) {
        mode = Mode::kFloat;
        float_total = FloatValue(heap_, total.get());
        compensation = 0.0;
      }
      return true;
    }
    if (mode == Mode::kFloat) {
      if (type == TypeTag::kFloat) {
        add_float(FloatValue(heap_, item.get()));
        return true;
      }
      if (type == TypeTag::kInt || type == TypeTag::kBool) {
        if (const std::optional<int64_t> v = IntAsInt64(heap_, item.get())) {
          add_float(static_cast<double>(*v));
          return true;
        }
      }
      total = float_result();
      mode = Mode::kGeneric;
    }
    return add_generic(item.get());
  });
  if (!ok) return Ref();
  if (mode == Mode::kInt) return NewInt(heap_, int_total);
  if (mode == Mode::kFloat) return float_result();
  return total;
}

Ref Call::Round() {
  if (!Arity(1, 2)) return Ref();
  const ObjectId value = Arg(0);
  heap_.BindTransientMethod();  // the value's __round__
  const ObjectId digits_arg = ArgOrKeyword(1, "ndigits");
  const bool has_digits = digits_arg != kNoObject && heap_.type_of(digits_arg) != TypeTag::kNone;
  if (IsIntLike(heap_, value)) return NewInt(heap_, IntAsBig(heap_, value));
  if (heap_.type_of(value) != TypeTag::kFloat) {
    return TypeError(absl::StrCat("type ", TypeName(heap_, value),
                                  " doesn't define __round__ method"));
  }
  const double x = FloatValue(heap_, value);
  if (!has_digits) {
    if (std::isnan(x)) return Fail(PyError(PyExc::kValueError, "cannot convert float NaN to integer"));
    if (std::isinf(x)) {
      return Fail(PyError(PyExc::kOverflowError, "cannot convert float infinity to integer"));
    }
    return NewInt(heap_, BigInt::FromDouble(std::nearbyint(x)));
  }
  const std::optional<int64_t> digits = IndexArg(digits_arg);
  if (!digits) return Ref();
  if (*digits > 300 || std::isnan(x) || std::isinf(x)) return NewFloat(heap_, x);
  char buffer[512];
  std::snprintf(buffer, sizeof(buffer), "%.*f", static_cast<int>(std::max<int64_t>(*digits, 0)), x);
  double rounded = std::strtod(buffer, nullptr);
  if (*digits < 0) {
    const double scale = std::pow(10.0, static_cast<double>(-*digits));
    rounded = std::nearbyint(x / scale) * scale;
  }
  return NewFloat(heap_, rounded);
}

// The first `count` code points of UTF-8 text (all of it when shorter).
std::string FirstCodePoints(const std::string& utf8, size_t count) {
  size_t end = 0;
  for (size_t seen = 0; end < utf8.size(); ++end) {
    const bool starts_code_point = (static_cast<unsigned char>(utf8[end]) & 0xC0) != 0x80;
    if (starts_code_point && seen++ == count) break;
  }
  return utf8.substr(0, end);
}

std::string StripText(const std::string& text) {
  size_t start = 0;
  size_t end = text.size();
  auto space = [](unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (start < end && space(text[start])) ++start;
  while (end > start && space(text[end - 1])) --end;
  return text.substr(start, end - start);
}

Ref Call::ConstructInt() {
  if (!Arity(0, 2)) return Ref();
  if (args_.positional.empty()) return Int(0);
  const ObjectId value = Arg(0);
  const TypeTag type = heap_.type_of(value);
  if (type == TypeTag::kArray || type == TypeTag::kMemoryView) {
    interp_.Refuse(absl::StrCat("int() of ", type == TypeTag::kArray ? "an array" : "a memoryview",
                                " (CPython parses its buffer's bytes)"));
    return Ref();
  }
  const ObjectId base_arg = ArgOrKeyword(1, "base");
  if (base_arg == kNoObject) {
    if (type == TypeTag::kInt) return heap_.NewRef(value);
    if (type == TypeTag::kBool) return Int(heap_.object(value).small_int);
    if (type == TypeTag::kFloat) {
      const double x = FloatValue(heap_, value);
      if (std::isnan(x)) return Fail(PyError(PyExc::kValueError, "cannot convert float NaN to integer"));
      if (std::isinf(x)) {
        return Fail(PyError(PyExc::kOverflowError, "cannot convert float infinity to integer"));
      }
      return NewInt(heap_, BigInt::FromDouble(x));
    }
    const NumberConversionRules& rules = heap_.profile().number_conversion;
    if (type == TypeTag::kComplex && rules.complex_slots_raise) {
      return TypeError("can't convert complex to int");
    }
    MakeSpecialNameOnFirstUse("__trunc__");
  }
  if (type != TypeTag::kStr && type != TypeTag::kBytes && type != TypeTag::kByteArray) {
    return TypeError(absl::StrCat("int() argument must be a string, a bytes-like object or a ",
                                  std::string(heap_.profile().messages.number), ", not '",
                                  TypeName(heap_, value), "'"));
  }
  int base = 10;
  if (base_arg != kNoObject) {
    const std::optional<int64_t> b = IndexArg(base_arg);
    if (!b) return Ref();
    base = static_cast<int>(*b);
  }
  const std::string original = type == TypeTag::kStr ? StrText(heap_, value) : BytesData(heap_, value);
  std::string text = StripText(original);
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.erase(0, 1);
  }
  if (base == 0 || base == 16 || base == 8 || base == 2) {
    if (text.size() > 2 && text[0] == '0') {
      const char p = static_cast<char>(std::tolower(text[1]));
      const int prefixed = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
      if (prefixed != 0 && (base == 0 || base == prefixed)) {
        base = prefixed;
        text.erase(0, 2);
      }
    }
    if (base == 0) base = 10;
  }
  std::string digits;
  bool ok = !text.empty() && text.front() != '_' && text.back() != '_';
  for (size_t i = 0; ok && i < text.size(); ++i) {
    if (text[i] == '_') {
      ok = text[i + 1] != '_';
      continue;
    }
    digits += text[i];
  }
  if (ok) {
    if (absl::Status limit = CheckIntFromText(heap_.profile().source_limits, digits.size(), base); !limit.ok()) {
      return Fail(limit);
    }
  }
  std::optional<BigInt> parsed = ok ? BigInt::FromDigits(digits, base) : std::nullopt;
  if (!parsed) {
    // The message formats the argument with "%.200R".
    const std::string repr = type == TypeTag::kStr ? StrRepr(original) : BytesLiteralRepr(original);
    return Fail(PyError(PyExc::kValueError, absl::StrCat("invalid literal for int() with base ",
                                                         base, ": ", FirstCodePoints(repr, 200))));
  }
  // PyLong_FromString sizes its result from the digit count.
  const auto estimate = static_cast<uint32_t>(static_cast<double>(digits.size()) *
                                              std::log(base) / std::log(1 << 30)) +
                        1;
  return NewInt(heap_, negative ? -*parsed : *parsed, IntRequest::Digits(estimate));
}

Ref Call::ConstructFloat() {
  if (!Arity(0, 1)) return Ref();
  if (args_.positional.empty()) return NewFloat(heap_, 0.0);
  const ObjectId value = Arg(0);
  const TypeTag type = heap_.type_of(value);
  if (type == TypeTag::kArray || type == TypeTag::kMemoryView) {
    interp_.Refuse(absl::StrCat("float() of ", type == TypeTag::kArray ? "an array" : "a memoryview",
                                " (CPython parses its buffer's bytes)"));
    return Ref();
  }
  if (type == TypeTag::kFloat) return heap_.NewRef(value);
  if (IsIntLike(heap_, value)) return NewFloat(heap_, IntAsBig(heap_, value).ToDouble());
  if (type == TypeTag::kStr) {
    std::string text = StripText(StrText(heap_, value));
    std::string lower = absl::AsciiStrToLower(text);
    std::string clean;
    for (char c : text) {
      if (c != '_') clean += c;
    }
    char* end = nullptr;
    const double parsed = std::strtod(clean.c_str(), &end);
    const bool special = lower == "inf" || lower == "-inf" || lower == "+inf" || lower == "nan" ||
                         lower == "infinity" || lower == "-infinity";
    if (clean.empty() || (*end != '\0') || (!special && lower.find_first_of("n") != std::string::npos)) {
      return Fail(PyError(PyExc::kValueError, absl::StrCat("could not convert string to float: ",
                                                           StrRepr(StrText(heap_, value)))));
    }
    return NewFloat(heap_, parsed);
  }
  if (type == TypeTag::kComplex && heap_.profile().number_conversion.complex_slots_raise) {
    return TypeError("can't convert complex to float");
  }
  return TypeError(absl::StrCat("float() argument must be a string or a ",
                                std::string(heap_.profile().messages.number), ", not '",
                                TypeName(heap_, value), "'"));
}

Ref Call::ConstructList() {
  if (!Arity(0, 1)) return Ref();
  Ref list = NewListForConstructor(heap_);
  if (args_.positional.empty()) return list;
  const ObjectId iterable = Arg(0);
  const TypeTag type = heap_.type_of(iterable);
  ExtendSource source = ExtendSource::kSized;
  if (type == TypeTag::kList || type == TypeTag::kTuple) source = ExtendSource::kListOrTuple;
  // An OrderedDict is iterated as any sized iterable (not an exact dict).
  if ((type == TypeTag::kDict && !IsOrderedDict(heap_, iterable)) || type == TypeTag::kSet ||
      type == TypeTag::kFrozenSet || type == TypeTag::kDictView) {
    source = ExtendSource::kMapping;
  }
  int64_t length = Length(heap_, iterable);
  if (type == TypeTag::kInstance && heap_.profile().list_init_asks_len) {
    const std::optional<uint64_t> asked = SpecialLengthHint(interp_, iterable);
    if (interp_.has_error()) return Ref();
    if (asked.has_value()) length = static_cast<int64_t>(*asked);
  }
  if (length > 0) {
    const auto items = static_cast<uint64_t>(length);
    if (!Check(CheckGrowth(heap_, SizeOf(items, 8), SizeOf(items, sizeof(ObjectId))))) return Ref();
    const uint64_t slots = ListInitPreallocation(heap_.profile(), source, length);
    if (slots > 0) ListPreallocate(heap_, list.get(), length);
  }
  if (!interp_.ExtendList(list.get(), iterable)) return Ref();
  return list;
}

Ref Call::ConstructTuple() {
  if (!Arity(0, 1)) return Ref();
  if (args_.positional.empty()) return heap_.NewRef(heap_.empty_tuple());
  return SequenceTuple(interp_, Arg(0));
}

Ref Call::ConstructDict() {
  if (!Arity(0, 1)) return Ref();
  Ref dict = NewDictForConstructor(heap_);
  if (!args_.positional.empty() && !UpdateDictFrom(interp_, dict.get(), Arg(0))) return Ref();
  if (!args_.keywords.empty() && heap_.cls(self_).vectorcall) {
    // Called through vectorcall, dict() inserts the keywords one by one.
    for (const auto& [name, value] : args_.keywords) {
      Ref key = InternStr(heap_, name);
      if (!Check(DictSetItem(heap_, dict.get(), key.get(), value.get()))) return Ref();
    }
  } else if (!args_.keywords.empty()) {
    // Through tp_call, the keywords arrive as a dict of their own, merged in.
    Ref kwargs = NewDictPresized(heap_, args_.keywords.size());
    for (const auto& [name, value] : args_.keywords) {
      Ref key = InternStr(heap_, name);
      DictSetItem(heap_, kwargs.get(), key.get(), value.get()).IgnoreError();
    }
    if (!Check(DictMerge(heap_, dict.get(), kwargs.get()))) return Ref();
  }
  return dict;
}

Ref Call::ConstructSet(bool frozen) {
  if (!Arity(0, 1)) return Ref();
  if (frozen && !args_.positional.empty() && heap_.type_of(Arg(0)) == TypeTag::kFrozenSet) {
    return heap_.NewRef(Arg(0));
  }
  Ref set = NewSet(heap_, frozen);
  if (!args_.positional.empty() && !UpdateSetFrom(interp_, set.get(), Arg(0))) return Ref();
  return set;
}

Ref Call::ConstructBytes(bool bytearray) {
  if (!Arity(0, 3)) return Ref();
  std::string data;
  // bytes(n), bytes(a tuple) and bytes(a buffer) fill a bytes object they
  // allocated first: a new object even of one byte (other routes give the
  // one-byte singleton).
  bool filled_in_place = false;
  if (!bytearray && args_.positional.size() == 1 && args_.keywords.empty()) {
    MakeSpecialNameOnFirstUse("__bytes__");
  }
  if (!args_.positional.empty()) {
    const ObjectId source = Arg(0);
    const TypeTag type = heap_.type_of(source);
    if (type == TypeTag::kBytes && !bytearray) return heap_.NewRef(source);
    if (type == TypeTag::kArray) {
      // The array's buffer, copied: a new bytes object even of one byte.
      if (args_.positional.size() > 1) {
        interp_.Refuse("bytes() or bytearray() of an array with an encoding");
        return Ref();
      }
      const std::string raw = ArrayRaw(heap_, source);
      return bytearray ? NewByteArray(heap_, raw) : NewBytesObject(heap_, raw);
    }
    if (type == TypeTag::kMemoryView) return CopyMemoryView(interp_, source, bytearray, args_);
    if (type == TypeTag::kBytes || type == TypeTag::kByteArray) {
      data = BytesData(heap_, source);
      filled_in_place = true;
    } else if (type == TypeTag::kStr) {
      if (args_.positional.size() < 2) return TypeError("string argument without an encoding");
      data = StrText(heap_, source);
    } else if (IsIntLike(heap_, source)) {
      const std::optional<int64_t> n = IntAsInt64(heap_, source);
      if (!n) {
        return Fail(PyError(PyExc::kOverflowError, "cannot fit 'int' into an index-sized integer"));
      }
      if (*n < 0) return Fail(PyError(PyExc::kValueError, "negative count"));
      const auto size = static_cast<uint64_t>(*n);
      if (!Check(CheckGrowth(heap_, size, size))) return Ref();
      data.assign(size, '\0');
      filled_in_place = true;
    } else {
      filled_in_place = type == TypeTag::kTuple;
      // A new bytearray grows one item at a time, except from a list or a
      // tuple from 3.11.
      const bool sized_once = !heap_.profile().bytearray_init_appends &&
                              (type == TypeTag::kList || type == TypeTag::kTuple);
      Ref grown;
      if (bytearray && !sized_once) grown = NewByteArray(heap_, "");
      bool ok = interp_.ForEach(source, [&](Ref item) {
        const std::optional<int64_t> v =
            IsIntLike(heap_, item.get()) ? IntAsInt64(heap_, item.get()) : std::nullopt;
        if (!v || *v < 0 || *v > 255) {
          interp_.Raise(PyError(PyExc::kValueError, "bytes must be in range(0, 256)"));
          return false;
        }
        if (grown) {
          ByteArrayAppend(heap_, grown.get(), static_cast<uint8_t>(*v));
        } else {
          data += static_cast<char>(*v);
        }
        return true;
      });
      if (!ok) return Ref();
      if (grown) return grown;
    }
  }
  if (bytearray) return NewByteArray(heap_, data);
  return filled_in_place ? NewBytesObject(heap_, data) : NewBytes(heap_, data);
}

Ref Call::ConstructException() {
  std::vector<ObjectId> items;
  for (const Ref& arg : args_.positional) items.push_back(arg.get());
  Ref args = NewTupleOf(heap_, items);
  return NewException(heap_, heap_.cls(self_).name, std::move(args));
}

Ref Call::Construct() {
  switch (builtin_) {
    case Builtin::kTypeType:
      if (args_.positional.size() != 1) return TypeError("type() takes 1 argument here");
      return TypeOf(Arg(0));
    case Builtin::kTypeInt:
      return ConstructInt();
    case Builtin::kTypeFloat:
      return ConstructFloat();
    case Builtin::kTypeComplex: {
      if (!Arity(0, 2)) return Ref();
      auto part = [&](size_t i) -> double {
        if (i >= args_.positional.size()) return 0.0;
        const ObjectId v = Arg(i);
        return heap_.type_of(v) == TypeTag::kFloat ? FloatValue(heap_, v)
                                                   : IntAsBig(heap_, v).ToDouble();
      };
      return NewComplex(heap_, part(0), part(1));
    }
    case Builtin::kTypeBool:
      if (!Arity(0, 1)) return Ref();
      if (args_.positional.empty()) return Bool(false);
      {
        const int truth = TruthOf(interp_, Arg(0));
        if (truth < 0) return Ref();
        return Bool(truth == 1);
      }
    case Builtin::kTypeStr:
      if (!Arity(0, 3)) return Ref();
      if (args_.positional.empty()) return heap_.NewRef(heap_.empty_str());
      if (heap_.type_of(Arg(0)) == TypeTag::kStr) return heap_.NewRef(Arg(0));
      if (args_.positional.size() == 1 && HasSpecialRepr(heap_, Arg(0), true)) {
        return SpecialRepr(interp_, Arg(0), true);
      }
      if (args_.positional.size() > 1 && (heap_.type_of(Arg(0)) == TypeTag::kBytes ||
                                          heap_.type_of(Arg(0)) == TypeTag::kByteArray)) {
        return NewStr(heap_, BytesData(heap_, Arg(0)));
      }
      {
        absl::StatusOr<std::string> text =
            StrChecked(heap_, Arg(0), static_cast<int>(heap_.profile().c_recursion.str_levels));
        if (!text.ok()) return Fail(text.status());
        return NewTextOf(Arg(0), *text);
      }
    case Builtin::kTypeBytes:
      return ConstructBytes(false);
    case Builtin::kTypeByteArray:
      return ConstructBytes(true);
    case Builtin::kTypeList:
      return ConstructList();
    case Builtin::kTypeTuple:
      return ConstructTuple();
    case Builtin::kTypeDict:
      return ConstructDict();
    case Builtin::kTypeSet:
      return ConstructSet(false);
    case Builtin::kTypeFrozenSet:
      return ConstructSet(true);
    case Builtin::kTypeRange: {
      if (!Arity(1, 3)) return Ref();
      int64_t v[3] = {0, 0, 1};
      bool saturated = false;
      for (size_t i = 0; i < args_.positional.size(); ++i) {
        // Bounds past 64 bits (range(10**20)) are held saturated: such a
        // range is made and sized as CPython's, and iterates the same for
        // any loop a step budget allows.
        if (IsIntLike(heap_, Arg(i)) && !IntAsInt64(heap_, Arg(i))) {
          constexpr int64_t kBound = int64_t{1} << 62;
          v[i] = IntAsBig(heap_, Arg(i)).is_negative() ? -kBound : kBound;
          saturated = true;
          continue;
        }
        const std::optional<int64_t> n = IndexArg(Arg(i));
        if (!n) return Ref();
        v[i] = *n;
      }
      if (args_.positional.size() == 1) {
        v[1] = v[0];
        v[0] = 0;
      }
      if (v[2] == 0) return Fail(PyError(PyExc::kValueError, "range() arg 3 must not be zero"));
      Ref range = NewRange(heap_, v[0], v[1], v[2]);
      heap_.range(range.get()).saturated = saturated;
      return range;
    }
    case Builtin::kTypeObject: {
      if (!Arity(0, 0)) return Ref();
      return heap_.Adopt(heap_.NewObject(TypeTag::kObject, 16));
    }
    case Builtin::kTypeSlice: {
      if (!Arity(1, 3)) return Ref();
      ObjectId parts[3] = {heap_.none(), heap_.none(), heap_.none()};
      if (args_.positional.size() == 1) {
        parts[1] = Arg(0);
      } else {
        for (size_t i = 0; i < args_.positional.size(); ++i) parts[i] = Arg(i);
      }
      return NewSlice(heap_, parts[0], parts[1], parts[2]);
    }
    case Builtin::kTypeMap:
    case Builtin::kTypeFilter:
      return ConstructMapOrFilter(interp_, builtin_, args_);
    case Builtin::kTypeWeakRef:
      return CallWeakrefBuiltin(interp_, builtin_, args_);
    case Builtin::kTypeArray:
      return CallArrayBuiltin(interp_, builtin_, kNoObject, args_);
    case Builtin::kTypeSuper:
      return interp_.CallSuper(args_);
    case Builtin::kTypeMemoryView:
      return CallMemoryViewBuiltin(interp_, builtin_, kNoObject, args_);
    case Builtin::kTypeStaticMethod:
    case Builtin::kTypeClassMethod:
    case Builtin::kTypeProperty:
      return CallDescriptorBuiltin(interp_, builtin_, kNoObject, args_);
    case Builtin::kExceptionClass:
      return ConstructException();
    default:
      return TypeError("not a type");
  }
}

}  // namespace

Ref Call::Run() {
  if (builtin_ == Builtin::kDictFromKeys) return CallDictFromKeys(interp_, self_, args_);
  if (IsItertoolsBuiltin(builtin_)) return CallItertoolsBuiltin(interp_, builtin_, self_, args_);
  if (builtin_ >= Builtin::kPropertyGetter && builtin_ <= Builtin::kPropertySetName) {
    return CallDescriptorBuiltin(interp_, builtin_, self_, args_);
  }
  if (builtin_ == Builtin::kStrEncode || builtin_ == Builtin::kBytesDecode) {
    return CallCodecMethod(interp_, builtin_, self_, args_);
  }
  if (IsTracemallocObjectBuiltin(builtin_)) {
    return CallTracemallocObjectBuiltin(interp_, builtin_, self_, args_);
  }
  if (builtin_ == Builtin::kTypeDefaultDict) return ConstructDefaultDict(interp_, args_);
  if (IsNamedTupleBuiltin(builtin_)) return CallNamedTupleBuiltin(interp_, builtin_, self_, args_);
  if (IsOrderedDictBuiltin(builtin_)) return CallOrderedDictBuiltin(interp_, builtin_, self_, args_);
  if (builtin_ == Builtin::kTypeDeque ||
      (builtin_ >= Builtin::kDequeAppend && builtin_ <= Builtin::kDequeRemove)) {
    return CallCollectionsBuiltin(interp_, builtin_, self_, args_);
  }
  if (builtin_ == Builtin::kTypePartial) return CallFunctoolsBuiltin(interp_, builtin_, args_);
  if (builtin_ == Builtin::kFunctoolsLruCache || builtin_ == Builtin::kFunctoolsCache ||
      builtin_ == Builtin::kLruCacheInfo || builtin_ == Builtin::kLruCacheClear) {
    return CallLruCacheBuiltin(interp_, builtin_, self_, args_);
  }
  if (IsMethodBuiltin(builtin_)) return CallMethodBuiltin(interp_, builtin_, self_, args_);
  if (builtin_ >= Builtin::kSysGetSizeOf) return CallModuleBuiltin(interp_, builtin_, args_);
  if (!KeywordsAllowed()) return Ref();
  if (builtin_ >= Builtin::kTypeType) return Construct();
  switch (builtin_) {
    case Builtin::kPrint:
      return Print();
    case Builtin::kLen: {
      if (!Arity(1, 1)) return Ref();
      const int64_t length = LengthOf(interp_, Arg(0));
      if (length < 0) return Ref();
      // PyLong_FromSsize_t: exactly its digits (no medium-int request).
      return NewInt(heap_, length, IntRequest::Digits(DigitCount(length)));
    }
    case Builtin::kId:
      if (!Arity(1, 1)) return Ref();
      if (RefuseAfterTracemallocObjects(interp_, "id()")) return Ref();
      if (heap_.gc().free_lists_unknown) {
        interp_.Refuse(TimingRefusal(heap_, "id() after CPython may have run an automatic full "
                                            "collection (which empties its free lists)"));
        return Ref();
      }
      return NewInt(heap_, static_cast<int64_t>(heap_.address_of(Arg(0))));
    case Builtin::kRepr:
      if (!Arity(1, 1)) return Ref();
      if (HasSpecialRepr(heap_, Arg(0), false)) return SpecialRepr(interp_, Arg(0), false);
      {
        // One level for the call of the builtin itself.
        absl::StatusOr<std::string> text = ReprChecked(heap_, Arg(0), 1);
        if (!text.ok()) return Fail(text.status());
        return NewTextOf(Arg(0), *text);
      }
    case Builtin::kAscii: {
      if (!Arity(1, 1)) return Ref();
      Ref repr;
      if (HasSpecialRepr(heap_, Arg(0), false)) {
        repr = SpecialRepr(interp_, Arg(0), false);
      } else {
        absl::StatusOr<std::string> text = ReprChecked(heap_, Arg(0), 1);
        if (!text.ok()) return Fail(text.status());
        repr = NewTextOf(Arg(0), *text);
      }
      if (!repr) return Ref();
      return AsciiOfRepr(interp_, std::move(repr));
    }
    case Builtin::kIsInstance:
      return IsInstance();
    case Builtin::kAny:
    case Builtin::kAll: {
      if (!Arity(1, 1)) return Ref();
      const bool want = builtin_ == Builtin::kAny;
      bool found = false;
      const bool ok = interp_.ForEach(Arg(0), [&](Ref item) {
        const int truth = TruthOf(interp_, item.get());
        if (truth < 0) return false;
        if ((truth == 1) == want) {
          found = true;
          return false;
        }
        return true;
      });
      if (!ok || interp_.has_error()) return Ref();
      return Bool(want ? found : !found);
    }
    case Builtin::kSorted:
      if (!Arity(1, 1)) return Ref();
      return Sorted(Arg(0));
    case Builtin::kReversed: {
      if (!Arity(1, 1)) return Ref();
      return interp_.Reversed(Arg(0));
    }
    case Builtin::kEnumerate: {
      if (!Arity(1, 2)) return Ref();
      Ref iterator = interp_.GetIter(Arg(0));
      if (!iterator) return Ref();
      int64_t start = 0;
      if (const ObjectId start_arg = ArgOrKeyword(1, "start"); start_arg != kNoObject) {
        const std::optional<int64_t> s = IndexArg(start_arg);
        if (!s) return Ref();
        start = *s;
      }
      Ref it = NewIterator(heap_, IterKind::kEnumerate, iterator.get(), start);
      heap_.IncRef(heap_.none());
      heap_.IncRef(heap_.none());
      heap_.iterator(it.get()).extra = NewTuple(heap_, {heap_.none(), heap_.none()}).release();
      return it;
    }
    case Builtin::kZip: {
      std::vector<ObjectId> iterators;
      std::vector<Ref> owned;
      for (const Ref& arg : args_.positional) {
        owned.push_back(interp_.GetIter(arg.get()));
        if (!owned.back()) return Ref();
        iterators.push_back(owned.back().get());
      }
      Ref sources = NewTupleOf(heap_, iterators);
      Ref it = NewIterator(heap_, IterKind::kZip, sources.get());
      std::vector<ObjectId> nones(iterators.size(), heap_.none());
      heap_.iterator(it.get()).extra = NewTupleOf(heap_, nones).release();
      return it;
    }
    case Builtin::kMin:
      return MinMax(false);
    case Builtin::kMax:
      return MinMax(true);
    case Builtin::kSum:
      return Sum();
    case Builtin::kAbs: {
      if (!Arity(1, 1)) return Ref();
      const ObjectId value = Arg(0);
      if (heap_.type_of(value) == TypeTag::kInstance) return UnaryOf(interp_, std::nullopt, value);
      if (heap_.type_of(value) == TypeTag::kComplex) {
        const ComplexBody& c = heap_.complex(value);
        return NewFloat(heap_, std::hypot(c.real, c.imag));
      }
      if (heap_.type_of(value) == TypeTag::kFloat) {
        return NewFloat(heap_, std::fabs(FloatValue(heap_, value)));
      }
      if (IsIntLike(heap_, value)) {
        if (heap_.type_of(value) == TypeTag::kInt && !IntAsBig(heap_, value).is_negative()) {
          return heap_.NewRef(value);
        }
        const uint32_t digits = static_cast<uint32_t>(IntAsBig(heap_, value).digit_count());
        return NewInt(heap_, IntAsBig(heap_, value).Abs(),
                      digits <= 1 ? IntRequest::FromLong() : IntRequest::Digits(digits));
      }
      return TypeError(absl::StrCat("bad operand type for abs(): '", TypeName(heap_, value), "'"));
    }
    case Builtin::kRound:
      return Round();
    case Builtin::kIter:
      if (!Arity(1, 1)) return Ref();
      return interp_.GetIter(Arg(0));
    case Builtin::kNext: {
      if (!Arity(1, 2)) return Ref();
      if (heap_.type_of(Arg(0)) == TypeTag::kInstance) {
        Ref item = SpecialNext(interp_, Arg(0), false);
        if (item || args_.positional.size() == 1 ||
            PyErrorType(interp_.error()) != PyExc::kStopIteration) {
          return item;
        }
        interp_.CatchError().IgnoreError();
        return heap_.NewRef(Arg(1));
      }
      if (!IsIterator(heap_, Arg(0))) {
        return TypeError(absl::StrCat("'", TypeName(heap_, Arg(0)), "' object is not an iterator"));
      }
      Ref item = interp_.Next(Arg(0));
      if (item || interp_.has_error()) return item;
      if (args_.positional.size() == 2) return heap_.NewRef(Arg(1));
      return Fail(PyError(PyExc::kStopIteration, ""));
    }
    case Builtin::kHash: {
      if (!Arity(1, 1)) return Ref();
      if (heap_.gc().free_lists_unknown && HashedByAddress(heap_.type_of(Arg(0)))) {
        interp_.Refuse(TimingRefusal(heap_, "hash() of an object hashed by its address after "
                                            "CPython may have run an automatic full collection "
                                            "(which empties its free lists)"));
        return Ref();
      }
      if (HashedByAddress(heap_.type_of(Arg(0))) &&
          RefuseAfterTracemallocObjects(interp_, "hash() of an object hashed by its address")) {
        return Ref();
      }
      const std::optional<int64_t> hash = HashOf(interp_, Arg(0));
      if (!hash.has_value()) return Ref();
      return Int(*hash);
    }
    case Builtin::kFormat: {
      if (!Arity(1, 2)) return Ref();
      const std::string spec = args_.positional.size() == 2 ? StrText(heap_, Arg(1)) : "";
      if (HasSpecialRepr(heap_, Arg(0), true)) return SpecialFormat(interp_, Arg(0), spec);
      BindFormatMethod(heap_, Arg(0), spec);
      absl::StatusOr<std::string> text = FormatValue(heap_, Arg(0), spec);
      if (!text.ok()) return Fail(text.status());
      return NewStr(heap_, *text);
    }
    case Builtin::kOrd:
    case Builtin::kChr:
    case Builtin::kHex:
    case Builtin::kOct:
    case Builtin::kBin:
    case Builtin::kDivMod:
    case Builtin::kPow:
      return CallNumericBuiltin(interp_, builtin_, args_);
    case Builtin::kCallable:
    case Builtin::kGetAttr:
    case Builtin::kSetAttr:
    case Builtin::kHasAttr:
    case Builtin::kDelAttr:
    case Builtin::kGlobals:
    case Builtin::kVars:
    case Builtin::kIsSubclass:
      return CallAttributeBuiltin(interp_, builtin_, args_);
    default:
      return TypeError("unknown builtin");
  }
}

Ref SequenceTuple(Interpreter& interp, ObjectId iterable) {
  Heap& heap = interp.heap();
  const TypeTag type = heap.type_of(iterable);
  if (IsExactTuple(heap, iterable)) return heap.NewRef(iterable);
  if (type == TypeTag::kTuple) return NewTupleOf(heap, TupleItems(heap, iterable));
  if (type == TypeTag::kList) return NewTupleOf(heap, ListItems(heap, iterable));
  // The iterator first, then a tuple sized by the length hint (10 without
  // one), grown by resizing while items come, and cut back to its length
  // at the end (a realloc that may move it).
  Ref iterator = interp.GetIter(iterable);
  if (!iterator) return Ref();
  uint64_t slots = interp.LengthHint(iterable).value_or(10);
  if (interp.has_error()) return Ref();
  auto room = [&](uint64_t n) {
    absl::Status status = CheckGrowth(heap, SizeOf(n, 8), SizeOf(n, 8));
    if (!status.ok()) interp.Raise(std::move(status));
    return status.ok();
  };
  if (!room(slots)) return Ref();
  for (uint64_t i = 0; i < slots; ++i) heap.IncRef(heap.none());
  Ref result = slots == 0 ? heap.NewRef(heap.empty_tuple())
                          : NewTuple(heap, std::vector<ObjectId>(slots, heap.none()));
  uint64_t filled = 0;
  while (true) {
    Ref item = interp.Next(iterator.get());
    if (!item) {
      if (interp.has_error()) return Ref();
      break;
    }
    if (filled >= slots) {
      slots += 10;
      slots += slots >> 2;
      if (!room(slots)) return Ref();
      TupleResize(heap, &result, slots);
    }
    heap.DecRef(std::exchange(heap.tuple(result.get()).items[filled], item.release()));
    ++filled;
  }
  if (filled < slots) TupleResize(heap, &result, filled);
  return result;
}

std::string_view BuiltinName(Builtin builtin) {
  if (builtin == Builtin::kObjectSizeOf) return "__sizeof__";
  if (builtin == Builtin::kDictFromKeys) return "fromkeys";
  if (builtin == Builtin::kItertoolsChainFromIterable) return "from_iterable";
  if (builtin == Builtin::kPropertySetName) return "__set_name__";
  if (std::optional<std::string_view> name = OrderedDictMethodName(builtin)) return *name;
  for (const BuiltinEntry& entry : kGlobalNames) {
    if (entry.builtin == builtin) return entry.name;
  }
  for (const MethodEntry& entry : kMethods) {
    if (entry.builtin == builtin) return entry.name;
  }
  for (const ModuleEntry& entry : kModuleFunctions) {
    if (entry.builtin == builtin) return entry.name;
  }
  return "builtin";
}

std::string_view BuiltinModule(Builtin builtin) {
  for (const ModuleEntry& entry : kModuleFunctions) {
    if (entry.builtin != builtin) continue;
    // Types (weakref.ref) name themselves alone.
    if (builtin < Builtin::kSysGetSizeOf) return "";
    if (entry.module == "weakref") return "_weakref";
    if (entry.module == "operator") return "_operator";
    if (entry.module == "functools") return "_functools";
    // tracemalloc's functions are those of its C module, whose name their
    // errors show.
    return entry.module == "tracemalloc" ? "_tracemalloc" : entry.module;
  }
  return "";
}

std::optional<Builtin> FindBuiltinName(std::string_view name) {
  static const absl::flat_hash_map<std::string, Builtin>* const kIndex = [] {
    auto* index = new absl::flat_hash_map<std::string, Builtin>();
    for (const BuiltinEntry& entry : kGlobalNames) index->emplace(entry.name, entry.builtin);
    return index;
  }();
  auto it = kIndex->find(std::string(name));
  if (it != kIndex->end()) return it->second;
  if (IsExceptionName(name)) return Builtin::kExceptionClass;
  return std::nullopt;
}

std::optional<Builtin> FindMethod(TypeTag type, std::string_view name) {
  using Key = std::pair<TypeTag, std::string_view>;
  static const auto* methods = []() {
    auto* table = new absl::flat_hash_map<Key, Builtin>();
    for (const MethodEntry& entry : kMethods) table->emplace(Key{entry.type, entry.name}, entry.builtin);
    return table;
  }();
  // Every object has __sizeof__; on a class it is an unbound descriptor.
  if (name == "__sizeof__" && type != TypeTag::kClass && type != TypeTag::kBuiltinType) {
    return Builtin::kObjectSizeOf;
  }
  auto it = methods->find(Key{type, name});
  if (it == methods->end()) return std::nullopt;
  return it->second;
}

std::optional<Builtin> FindModuleFunction(std::string_view module, std::string_view name) {
  for (const ModuleEntry& entry : kModuleFunctions) {
    if (entry.module == module && entry.name == name) return entry.builtin;
  }
  return std::nullopt;
}

namespace {

// True if `status` is OK; else raises it and returns false.
bool Passed(Interpreter& interp, const absl::Status& status) {
  if (!status.ok()) interp.Raise(status);
  return status.ok();
}

}  // namespace

bool UpdateDictFrom(Interpreter& interp, ObjectId dict, ObjectId source) {
  Heap& heap = interp.heap();
  if (IsOrderedDict(heap, source)) {
    // dict_merge takes an OrderedDict through its keys() (its tp_iter is
    // not dict's), a view and an odict_iterator heapsim does not model.
    interp.Refuse("a collections.OrderedDict merged into a dict");
    return false;
  }
  if (IsDefaultDict(heap, source)) {
    // Not an exact dict: every version looks its keys method up (bound,
    // then dropped) before merging it as a dict.
    heap.BindSpecialMethod();
    return Passed(interp, DictMerge(heap, dict, source));
  }
  if (heap.type_of(source) == TypeTag::kDict) {
    heap.BindTransientMethod();  // 3.8 looks the mapping's keys up first
    return Passed(interp, DictMerge(heap, dict, source));
  }
  size_t index = 0;
  return interp.ForEach(source, [&](Ref item) {
    std::vector<Ref> pair;
    if (!interp.Collect(item.get(), &pair)) return false;
    if (pair.size() != 2) {
      interp.Raise(PyError(PyExc::kValueError,
                           absl::StrCat("dictionary update sequence element #", index,
                                        " has length ", pair.size(), "; 2 is required")));
      return false;
    }
    ++index;
    return Passed(interp, DictSetItem(heap, dict, pair[0].get(), pair[1].get()));
  });
}

bool UpdateSetFrom(Interpreter& interp, ObjectId set, ObjectId source) {
  Heap& heap = interp.heap();
  const TypeTag type = heap.type_of(source);
  if (type == TypeTag::kSet || type == TypeTag::kFrozenSet)
    return Passed(interp, SetMerge(heap, set, source));
  // An exact dict's keys are added directly (a defaultdict is iterated).
  if (IsExactDict(heap, source)) {
    return Passed(interp, SetUpdateFromDict(heap, set, source));
  }
  return interp.ForEach(source,
                        [&](Ref item) { return Passed(interp, SetAdd(heap, set, item.get())); });
}

bool SortListInPlace(Interpreter& interp, ObjectId list, ObjectId key, bool reverse) {
  Heap& heap = interp.heap();
  const std::vector<ObjectId> items = ListItems(heap, list);
  std::vector<Ref> keys;
  if (key != kNoObject && heap.type_of(key) != TypeTag::kNone) {
    for (ObjectId item : items) {
      CallArgs call;
      call.positional.push_back(heap.NewRef(item));
      Ref k = interp.Call(key, std::move(call));
      if (!k) return false;
      keys.push_back(std::move(k));
    }
  }
  // CPython reverses the list, sorts it and reverses it back, so that equal
  // items keep their order under reverse=True; after a failed comparison the
  // list keeps the partly sorted order.
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (reverse) std::reverse(order.begin(), order.end());
  std::vector<ObjectId> sort_keys;
  sort_keys.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    sort_keys.push_back(keys.empty() ? items[i] : keys[i].get());
  }
  const SortLess special_less = SpecialSortLess(interp, sort_keys);
  absl::Status status;
  if (special_less) {
    // The list is empty while Python code runs during the sort.
    heap.list(list).items.clear();
    status = SortAsCPython(heap, sort_keys, &order, special_less);
    if (!heap.list(list).items.empty()) {
      std::vector<ObjectId> added = std::move(heap.list(list).items);
      ListReorder(heap, list, items);
      for (ObjectId id : added) heap.DecRef(id);
      interp.Refuse("a list changed while it is being sorted");
      return false;
    }
  } else {
    status = SortAsCPython(heap, sort_keys, &order);
  }
  if (absl::IsUnimplemented(status)) {
    interp.Raise(status);  // a refusal
    return false;
  }
  if (reverse) std::reverse(order.begin(), order.end());
  std::vector<ObjectId> sorted;
  sorted.reserve(order.size());
  for (size_t i : order) sorted.push_back(items[i]);
  ListReorder(heap, list, std::move(sorted));
  if (!status.ok()) {
    interp.Raise(status);
    return false;
  }
  return true;
}

bool IsExceptionName(std::string_view name) {
  for (std::string_view exception : kExceptionNames) {
    if (exception == name) return true;
  }
  return false;
}

bool NameListed(std::string_view names, std::string_view name) {
  for (absl::string_view listed :
       absl::StrSplit(absl::string_view(names.data(), names.size()), ' ', absl::SkipEmpty())) {
    if (listed == absl::string_view(name.data(), name.size())) return true;
  }
  return false;
}

namespace {

// Profile::packing_functions read for one builtin (the slow path).
bool ListedAsPacking(const Profile& profile, Builtin builtin) {
  for (const BuiltinEntry& entry : kGlobalNames) {
    if (entry.builtin == builtin) return NameListed(profile.packing_functions, entry.name);
  }
  for (const MethodEntry& entry : kMethods) {
    if (entry.builtin == builtin) {
      return NameListed(profile.packing_functions,
                        std::string(InfoOf(entry.type).name) + "." + std::string(entry.name));
    }
  }
  for (const ModuleEntry& entry : kModuleFunctions) {
    if (entry.builtin == builtin && builtin >= Builtin::kSysGetSizeOf) {
      return NameListed(profile.packing_functions,
                        std::string(entry.module) + "." + std::string(entry.name));
    }
  }
  return false;
}

using PackingTable = std::array<bool, static_cast<size_t>(Builtin::kCount)>;

// The answers for every builtin of every profile of the table, decided once.
const std::vector<PackingTable>& PackingTables() {
  static const std::vector<PackingTable>* const tables = [] {
    auto* result = new std::vector<PackingTable>();
    for (const Profile& profile : AllProfiles()) {
      PackingTable& table = result->emplace_back();
      for (size_t i = 0; i < table.size(); ++i) {
        table[i] = ListedAsPacking(profile, static_cast<Builtin>(i));
      }
    }
    return result;
  }();
  return *tables;
}

}  // namespace

bool PacksArguments(const Profile& profile, Builtin builtin) {
  const std::span<const Profile> profiles = AllProfiles();
  if (&profile >= profiles.data() && &profile < profiles.data() + profiles.size()) {
    return PackingTables()[&profile - profiles.data()][static_cast<size_t>(builtin)];
  }
  return ListedAsPacking(profile, builtin);  // a profile made outside the table
}

ObjectId MakeTypeObject(Heap& heap, const std::string& name, Builtin constructor) {
  const ObjectId type = heap.NewStaticObject(TypeTag::kBuiltinType, heap.profile().class_object_size);
  ClassBody body;
  body.name = name;
  body.vectorcall = NameListed(heap.profile().vectorcall_types, name);
  heap.AttachBody(type, std::move(body));
  heap.set_subtype(type, static_cast<uint8_t>(constructor));
  return type;
}

void MakeBuiltinObjects(Heap& heap, SessionState& session) {
  heap.set_builtin_namer([](uint32_t builtin) -> std::string_view {
    const std::string_view name = BuiltinName(static_cast<Builtin>(builtin));
    // "builtin": none of the tables'; copy's functions are Python functions
    // in CPython, whose repr heapsim does not make.
    // random's are methods of its hidden instance (a repr with its address).
    const std::string_view module = BuiltinModule(static_cast<Builtin>(builtin));
    if (module == "copy" || module == "random" || module == "collections") {
      return std::string_view();
    }
    return name == "builtin" ? std::string_view() : name;
  });
  session.builtin_objects.assign(static_cast<size_t>(Builtin::kCount), kNoObject);
  for (const BuiltinEntry& entry : kGlobalNames) {
    ObjectId object;
    if (entry.builtin >= Builtin::kTypeType) {
      object = MakeTypeObject(heap, std::string(entry.name), entry.builtin);
    } else {
      object = heap.NewStaticObject(TypeTag::kBuiltinFunction, heap.profile().aux.builtin_method);
      heap.AttachBody(object, BoundBody{kNoObject, kNoObject, static_cast<uint32_t>(entry.builtin)});
      heap.Track(object);  // builtin_function_or_method is a GC type
    }
    session.builtin_objects[static_cast<size_t>(entry.builtin)] = object;
  }
  for (const ModuleEntry& entry : kModuleFunctions) {
    if (entry.builtin < Builtin::kSysGetSizeOf) {
      // A type a module exports (weakref.ref, also as weakref.ReferenceType).
      ObjectId& type = session.builtin_objects[static_cast<size_t>(entry.builtin)];
      if (type == kNoObject) {
        const std::string_view name =
            entry.builtin == Builtin::kTypeWeakRef ? heap.profile().weakref.type_name : entry.name;
        type = MakeTypeObject(heap, std::string(name), entry.builtin);
        // itertools' types show their module in their repr.
        if (entry.module == "itertools") heap.cls(type).module = std::string(entry.module);
      }
      continue;
    }
    const ObjectId object =
        heap.NewStaticObject(TypeTag::kBuiltinFunction, heap.profile().aux.builtin_method);
    heap.AttachBody(object, BoundBody{kNoObject, kNoObject, static_cast<uint32_t>(entry.builtin)});
    heap.Track(object);
    session.builtin_objects[static_cast<size_t>(entry.builtin)] = object;
  }
}

Ref CallBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return Call(interp, builtin, self, args).Run();
}

}  // namespace heapsim::script
