// The builtins' names: the global builtins, the builtin types' methods and
// the modelled modules' functions, looked up by name and named for
// messages; which of them pack their arguments in a tuple on each profile;
// and the objects a session binds to them.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_split.h"
#include "server/heap/function_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/str_object.h"
#include "server/heap/type_info.h"
#include "server/script/builtins.h"

namespace heapsim::script {

namespace {

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
    "ReferenceError",
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
    {TypeTag::kStr, "lstrip", Builtin::kStrLStrip},
    {TypeTag::kStr, "rstrip", Builtin::kStrRStrip},
    {TypeTag::kStr, "index", Builtin::kStrIndex},
    {TypeTag::kStr, "rfind", Builtin::kStrRFind},
    {TypeTag::kStr, "rindex", Builtin::kStrRIndex},
    {TypeTag::kStr, "ljust", Builtin::kStrLJust},
    {TypeTag::kStr, "rjust", Builtin::kStrRJust},
    {TypeTag::kStr, "center", Builtin::kStrCenter},
    {TypeTag::kStr, "zfill", Builtin::kStrZFill},
    {TypeTag::kStr, "partition", Builtin::kStrPartition},
    {TypeTag::kStr, "rpartition", Builtin::kStrRPartition},
    {TypeTag::kStr, "removeprefix", Builtin::kStrRemovePrefix},
    {TypeTag::kStr, "removesuffix", Builtin::kStrRemoveSuffix},
    {TypeTag::kStr, "expandtabs", Builtin::kStrExpandTabs},
    {TypeTag::kStr, "rsplit", Builtin::kStrRSplit},
    {TypeTag::kStr, "splitlines", Builtin::kStrSplitLines},
    {TypeTag::kStr, "title", Builtin::kStrTitle},
    {TypeTag::kStr, "capitalize", Builtin::kStrCapitalize},
    {TypeTag::kStr, "swapcase", Builtin::kStrSwapCase},
    {TypeTag::kStr, "casefold", Builtin::kStrCaseFold},
    {TypeTag::kStr, "isascii", Builtin::kStrIsAscii},
    {TypeTag::kStr, "isspace", Builtin::kStrIsSpace},
    {TypeTag::kStr, "isalpha", Builtin::kStrIsAlpha},
    {TypeTag::kStr, "isdecimal", Builtin::kStrIsDecimal},
    {TypeTag::kStr, "isdigit", Builtin::kStrIsDigit},
    {TypeTag::kStr, "isnumeric", Builtin::kStrIsNumeric},
    {TypeTag::kStr, "isalnum", Builtin::kStrIsAlnum},
    {TypeTag::kStr, "isprintable", Builtin::kStrIsPrintable},
    {TypeTag::kStr, "isupper", Builtin::kStrIsUpper},
    {TypeTag::kStr, "islower", Builtin::kStrIsLower},
    {TypeTag::kStr, "istitle", Builtin::kStrIsTitle},
    {TypeTag::kStr, "isidentifier", Builtin::kStrIsIdentifier},
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
    {TypeTag::kInt, "bit_length", Builtin::kIntBitLength},
    {TypeTag::kInt, "conjugate", Builtin::kIntConjugate},
    {TypeTag::kInt, "as_integer_ratio", Builtin::kIntAsIntegerRatio},
    {TypeTag::kBool, "bit_length", Builtin::kIntBitLength},
    {TypeTag::kBool, "conjugate", Builtin::kIntConjugate},
    {TypeTag::kBool, "as_integer_ratio", Builtin::kIntAsIntegerRatio},
    {TypeTag::kFloat, "is_integer", Builtin::kFloatIsInteger},
    {TypeTag::kFloat, "conjugate", Builtin::kFloatConjugate},
    {TypeTag::kInt, "bit_count", Builtin::kIntBitCount},
    {TypeTag::kBool, "bit_count", Builtin::kIntBitCount},
    {TypeTag::kInt, "to_bytes", Builtin::kIntToBytes},
    {TypeTag::kBool, "to_bytes", Builtin::kIntToBytes},
    {TypeTag::kBytes, "hex", Builtin::kBytesHex},
    {TypeTag::kBytes, "count", Builtin::kBytesCount},
    {TypeTag::kBytes, "find", Builtin::kBytesFind},
    {TypeTag::kBytes, "rfind", Builtin::kBytesRFind},
    {TypeTag::kBytes, "index", Builtin::kBytesIndex},
    {TypeTag::kBytes, "rindex", Builtin::kBytesRIndex},
    {TypeTag::kBytes, "startswith", Builtin::kBytesStartsWith},
    {TypeTag::kBytes, "endswith", Builtin::kBytesEndsWith},
    {TypeTag::kBytes, "join", Builtin::kBytesJoin},
    {TypeTag::kBytes, "split", Builtin::kBytesSplit},
    {TypeTag::kBytes, "strip", Builtin::kBytesStrip},
    {TypeTag::kBytes, "lstrip", Builtin::kBytesLStrip},
    {TypeTag::kBytes, "rstrip", Builtin::kBytesRStrip},
    {TypeTag::kBytes, "replace", Builtin::kBytesReplace},
    {TypeTag::kBytes, "upper", Builtin::kBytesUpper},
    {TypeTag::kBytes, "lower", Builtin::kBytesLower},
    {TypeTag::kBytes, "isdigit", Builtin::kBytesIsDigit},
    {TypeTag::kBytes, "isalpha", Builtin::kBytesIsAlpha},
    {TypeTag::kBytes, "isalnum", Builtin::kBytesIsAlnum},
    {TypeTag::kBytes, "isspace", Builtin::kBytesIsSpace},
    {TypeTag::kBytes, "islower", Builtin::kBytesIsLower},
    {TypeTag::kBytes, "isupper", Builtin::kBytesIsUpper},
    {TypeTag::kBytes, "isascii", Builtin::kBytesIsAscii},
    {TypeTag::kByteArray, "hex", Builtin::kBytesHex},
    {TypeTag::kByteArray, "count", Builtin::kBytesCount},
    {TypeTag::kByteArray, "find", Builtin::kBytesFind},
    {TypeTag::kByteArray, "rfind", Builtin::kBytesRFind},
    {TypeTag::kByteArray, "index", Builtin::kBytesIndex},
    {TypeTag::kByteArray, "rindex", Builtin::kBytesRIndex},
    {TypeTag::kByteArray, "startswith", Builtin::kBytesStartsWith},
    {TypeTag::kByteArray, "endswith", Builtin::kBytesEndsWith},
    {TypeTag::kByteArray, "join", Builtin::kBytesJoin},
    {TypeTag::kByteArray, "split", Builtin::kBytesSplit},
    {TypeTag::kByteArray, "strip", Builtin::kBytesStrip},
    {TypeTag::kByteArray, "lstrip", Builtin::kBytesLStrip},
    {TypeTag::kByteArray, "rstrip", Builtin::kBytesRStrip},
    {TypeTag::kByteArray, "replace", Builtin::kBytesReplace},
    {TypeTag::kByteArray, "upper", Builtin::kBytesUpper},
    {TypeTag::kByteArray, "lower", Builtin::kBytesLower},
    {TypeTag::kByteArray, "isdigit", Builtin::kBytesIsDigit},
    {TypeTag::kByteArray, "isalpha", Builtin::kBytesIsAlpha},
    {TypeTag::kByteArray, "isalnum", Builtin::kBytesIsAlnum},
    {TypeTag::kByteArray, "isspace", Builtin::kBytesIsSpace},
    {TypeTag::kByteArray, "islower", Builtin::kBytesIsLower},
    {TypeTag::kByteArray, "isupper", Builtin::kBytesIsUpper},
    {TypeTag::kByteArray, "isascii", Builtin::kBytesIsAscii},
    {TypeTag::kByteArray, "insert", Builtin::kByteArrayInsert},
    {TypeTag::kByteArray, "remove", Builtin::kByteArrayRemove},
    {TypeTag::kByteArray, "reverse", Builtin::kByteArrayReverse},
    {TypeTag::kByteArray, "clear", Builtin::kByteArrayClear},
    {TypeTag::kByteArray, "copy", Builtin::kByteArrayCopy},
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
    {"sys", "exc_info", Builtin::kSysExcInfo},
    {"sys", "exception", Builtin::kSysException},
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
    {"collections", "Counter", Builtin::kTypeCounter},
    {"collections", "namedtuple", Builtin::kCollectionsNamedTuple},
    {"dataclasses", "dataclass", Builtin::kDataclassesDataclass},
    {"dataclasses", "field", Builtin::kDataclassesField},
    {"dataclasses", "fields", Builtin::kDataclassesFields},
    {"dataclasses", "asdict", Builtin::kDataclassesAsDict},
    {"dataclasses", "astuple", Builtin::kDataclassesAsTuple},
    {"dataclasses", "replace", Builtin::kDataclassesReplace},
    {"dataclasses", "is_dataclass", Builtin::kDataclassesIsDataclass},
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
    {"weakref", "proxy", Builtin::kWeakrefProxy},
    {"weakref", "ProxyType", Builtin::kTypeWeakProxy},
    {"weakref", "CallableProxyType", Builtin::kTypeWeakCallableProxy},
    {"weakref", "WeakValueDictionary", Builtin::kTypeWeakValueDictionary},
    {"weakref", "WeakKeyDictionary", Builtin::kTypeWeakKeyDictionary},
    {"weakref", "WeakSet", Builtin::kTypeWeakSet},
    {"weakref", "finalize", Builtin::kTypeWeakFinalize},
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

}  // namespace

std::string_view BuiltinName(Builtin builtin) {
  if (builtin == Builtin::kObjectSizeOf) return "__sizeof__";
  if (builtin == Builtin::kObjectInitSubclass) return "__init_subclass__";
  if (builtin == Builtin::kDictFromKeys) return "fromkeys";
  if (builtin == Builtin::kIntFromBytes) return "from_bytes";
  if (builtin == Builtin::kBytesFromHex) return "fromhex";
  if (builtin == Builtin::kItertoolsChainFromIterable) return "from_iterable";
  if (builtin == Builtin::kPropertySetName) return "__set_name__";
  if (builtin == Builtin::kDataclassesDecorator) return "wrap";
  if (builtin == Builtin::kDataclassesReprEnter) return "__dataclass_repr_enter__";
  if (builtin == Builtin::kDataclassesReprLeave) return "__dataclass_repr_leave__";
  if (builtin == Builtin::kDataclassesObjectSetAttr) return "__setattr__";
  if (std::optional<std::string_view> name = OrderedDictMethodName(builtin)) return *name;
  if (std::optional<std::string_view> name = CounterMethodName(builtin)) return *name;
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

namespace {

// The class methods of the builtin types: read from the type or from an
// instance of it. float.fromhex is the builtin of bytes.fromhex, which
// reads its type.
struct ClassMethodEntry {
  TypeTag instance;
  Builtin type;
  std::string_view name;
  Builtin method;
};

constexpr ClassMethodEntry kClassMethods[] = {
    {TypeTag::kInt, Builtin::kTypeInt, "from_bytes", Builtin::kIntFromBytes},
    {TypeTag::kBool, Builtin::kTypeBool, "from_bytes", Builtin::kIntFromBytes},
    {TypeTag::kBytes, Builtin::kTypeBytes, "fromhex", Builtin::kBytesFromHex},
    {TypeTag::kByteArray, Builtin::kTypeByteArray, "fromhex", Builtin::kBytesFromHex},
    {TypeTag::kFloat, Builtin::kTypeFloat, "fromhex", Builtin::kBytesFromHex},
};

}  // namespace

std::optional<Ref> BuiltinClassMethod(Interpreter& interp, ObjectId object,
                                      std::string_view name) {
  Heap& heap = interp.heap();
  const TypeTag tag = heap.type_of(object);
  for (const ClassMethodEntry& entry : kClassMethods) {
    if (entry.name != name) continue;
    const bool on_type = tag == TypeTag::kBuiltinType &&
                         heap.object(object).subtype == static_cast<uint8_t>(entry.type);
    if (!on_type && tag != entry.instance) continue;
    const ObjectId bound_to = interp.session().builtin_objects[static_cast<size_t>(entry.type)];
    return NewBuiltin(heap, static_cast<uint32_t>(entry.method), bound_to);
  }
  return std::nullopt;
}

namespace {

// True for the builtin objects that are C functions in CPython (methods of
// the C types, the builtins module's functions, sys's, gc's, math's,
// _operator's and _tracemalloc's), not Python functions heapsim runs as
// builtins (copy, random, Counter's methods, tracemalloc.py's, ...).
bool IsCFunctionBuiltin(const Heap& heap, Builtin builtin, ObjectId self) {
  if (builtin < Builtin::kTypeType) return true;
  if (builtin == Builtin::kDictFromKeys || builtin == Builtin::kIntFromBytes ||
      builtin == Builtin::kBytesFromHex) {
    return true;
  }
  if (builtin >= Builtin::kSysGetSizeOf && builtin < Builtin::kListAppend) {
    const std::string_view module = BuiltinModule(builtin);
    return module == "sys" || module == "gc" || module == "math" || module == "_operator" ||
           (builtin >= Builtin::kTracemallocStart && builtin <= Builtin::kTracemallocClearTraces);
  }
  if (self == kNoObject) return false;
  switch (heap.type_of(self)) {
    case TypeTag::kList:
    case TypeTag::kDict:
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
    case TypeTag::kStr:
    case TypeTag::kTuple:
    case TypeTag::kBytes:
    case TypeTag::kByteArray:
    case TypeTag::kInt:
    case TypeTag::kBool:
    case TypeTag::kFloat:
      break;
    default:
      return false;
  }
  for (const MethodEntry& entry : kMethods) {
    if (entry.builtin == builtin && entry.type == heap.type_of(self)) return true;
  }
  return false;
}

}  // namespace

std::optional<Ref> BuiltinFunctionAttribute(Interpreter& interp, ObjectId function,
                                            std::string_view name) {
  Heap& heap = interp.heap();
  const BoundBody& body = heap.bound(function);
  const auto builtin = static_cast<Builtin>(body.builtin);
  if (!IsCFunctionBuiltin(heap, builtin, body.self)) return std::nullopt;
  // A method's self is its object (or, for a class method, its type);
  // a function's is its module, which heapsim does not make.
  const bool method = body.self != kNoObject;
  // meth_get__name__ makes a new str of ml_name on each read; so does
  // __qualname__ for a function (a method's is "type.name", formatted
  // through blocks heapsim does not model).
  if (name == "__name__" || (name == "__qualname__" && !method)) {
    return NewStrObject(heap, BuiltinName(builtin));
  }
  if (name == "__self__" && method) return heap.NewRef(body.self);
  if (name == "__module__" && method) return heap.NewRef(heap.none());
  return std::nullopt;
}

bool MethodExists(const Profile& profile, Builtin method) {
  if (method == Builtin::kStrRemovePrefix || method == Builtin::kStrRemoveSuffix) {
    return profile.str_has_removeprefix;
  }
  return true;
}

std::optional<Builtin> FindModuleFunction(std::string_view module, std::string_view name) {
  for (const ModuleEntry& entry : kModuleFunctions) {
    if (entry.module == module && entry.name == name) return entry.builtin;
  }
  return std::nullopt;
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
    if (module == "copy" || module == "random" || module == "collections" ||
        module == "dataclasses" ||
        (builtin >= static_cast<uint32_t>(Builtin::kDataclassesDataclass) &&
         builtin <= static_cast<uint32_t>(Builtin::kFinalizePeek))) {
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
        const WeakRefRules& weakref = heap.profile().weakref;
        const std::string_view name =
            entry.builtin == Builtin::kTypeWeakRef             ? weakref.type_name
            : entry.builtin == Builtin::kTypeWeakProxy         ? weakref.proxy_type_name
            : entry.builtin == Builtin::kTypeWeakCallableProxy ? weakref.callable_proxy_type_name
                                                               : entry.name;
        type = MakeTypeObject(heap, std::string(name), entry.builtin);
        // The proxy types show weakref as their module where their tp_name
        // has it (3.10+).
        if (entry.builtin == Builtin::kTypeWeakProxy ||
            entry.builtin == Builtin::kTypeWeakCallableProxy) {
          heap.cls(type).module = std::string(weakref.type_module);
        }
        // itertools' types show their module in their repr.
        if (entry.module == "itertools") heap.cls(type).module = std::string(entry.module);
        // weakref's Python classes: their modules' names.
        if (entry.builtin == Builtin::kTypeWeakSet) heap.cls(type).module = "_weakrefset";
        if (entry.builtin >= Builtin::kTypeWeakValueDictionary &&
            entry.builtin <= Builtin::kTypeWeakFinalize && entry.builtin != Builtin::kTypeWeakSet) {
          heap.cls(type).module = "weakref";
        }
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

}  // namespace heapsim::script
