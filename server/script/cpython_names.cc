#include "server/script/cpython_names.h"

#include <algorithm>
#include <iterator>

#include "server/script/subset_check.h"

namespace heapsim::script {

namespace {

// Generated from CPython 3.8.18, 3.9.18, 3.10.13, 3.11.7, 3.12.1 and 3.13.0:
// the union of dir(builtins) over the six, sorted.
constexpr std::string_view kBuiltinNames[] = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
    "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError",
    "Exception", "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError",
    "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError",
    "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError",
    "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError",
    "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
    "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
    "PythonFinalizationError", "RecursionError", "ReferenceError", "ResourceWarning",
    "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError",
    "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError", "True", "TypeError",
    "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError",
    "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError", "Warning",
    "ZeroDivisionError", "_IncompleteInputError", "__build_class__", "__debug__", "__doc__",
    "__import__", "__loader__", "__name__", "__package__", "__spec__", "abs", "aiter", "all",
    "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr",
    "classmethod", "compile", "complex", "copyright", "credits", "delattr", "dict", "dir",
    "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset",
    "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance",
    "issubclass", "iter", "len", "license", "list", "locals", "map", "max", "memoryview", "min",
    "next", "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range", "repr",
    "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum",
    "super", "tuple", "type", "vars", "zip",
};

// The union over the six versions of the names in dir(x) that are not
// dunders, for a representative x of each type heapsim models (for a
// class, dir(type) too), sorted.
constexpr std::string_view kBoolAttributes[] = {
    "as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes",
    "imag", "is_integer", "numerator", "real", "to_bytes",
};

constexpr std::string_view kIntAttributes[] = {
    "as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes",
    "imag", "is_integer", "numerator", "real", "to_bytes",
};

constexpr std::string_view kFloatAttributes[] = {
    "as_integer_ratio", "conjugate", "fromhex", "hex", "imag", "is_integer", "real",
};

constexpr std::string_view kComplexAttributes[] = {
    "conjugate", "imag", "real",
};

constexpr std::string_view kStrAttributes[] = {
    "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find",
    "format", "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit",
    "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join",
    "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix",
    "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
    "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill",
};

constexpr std::string_view kBytesAttributes[] = {
    "capitalize", "center", "count", "decode", "endswith", "expandtabs", "find", "fromhex", "hex",
    "index", "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle",
    "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix",
    "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip",
    "split", "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper",
    "zfill",
};

constexpr std::string_view kByteArrayAttributes[] = {
    "append", "capitalize", "center", "clear", "copy", "count", "decode", "endswith", "expandtabs",
    "extend", "find", "fromhex", "hex", "index", "insert", "isalnum", "isalpha", "isascii",
    "isdigit", "islower", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip",
    "maketrans", "partition", "pop", "remove", "removeprefix", "removesuffix", "replace",
    "reverse", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
    "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill",
};

// array.array's names heapsim does not run, in any version that has them
// (fromstring/tostring until 3.8, clear from 3.13): refused on all.
constexpr std::string_view kArrayAttributes[] = {
    "clear", "fromfile", "fromstring", "fromunicode", "tofile", "tostring", "tounicode",
};

// memoryview's names heapsim does not run, in any version that has them.
constexpr std::string_view kMemoryViewAttributes[] = {
    "_from_flags", "cast", "count", "hex", "index", "toreadonly",
};

constexpr std::string_view kListAttributes[] = {
    "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse",
    "sort",
};

constexpr std::string_view kDequeAttributes[] = {
    "append", "appendleft", "clear", "copy", "count", "extend", "extendleft", "index",
    "insert", "maxlen", "pop", "popleft", "remove", "reverse", "rotate",
};

constexpr std::string_view kTupleAttributes[] = {
    "count", "index",
};

constexpr std::string_view kDictAttributes[] = {
    "clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update",
    "values",
};

constexpr std::string_view kSetAttributes[] = {
    "add", "clear", "copy", "difference", "difference_update", "discard", "intersection",
    "intersection_update", "isdisjoint", "issubset", "issuperset", "pop", "remove",
    "symmetric_difference", "symmetric_difference_update", "union", "update",
};

constexpr std::string_view kFrozenSetAttributes[] = {
    "copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset",
    "symmetric_difference", "union",
};

constexpr std::string_view kRangeAttributes[] = {
    "count", "index", "start", "step", "stop",
};

constexpr std::string_view kSliceAttributes[] = {
    "indices", "start", "step", "stop",
};

constexpr std::string_view kClassAttributes[] = {
    "mro",
};

constexpr std::string_view kCodeAttributes[] = {
    "_co_code_adaptive", "_varname_from_oparg", "co_argcount", "co_cellvars", "co_code",
    "co_consts", "co_exceptiontable", "co_filename", "co_firstlineno", "co_flags", "co_freevars",
    "co_kwonlyargcount", "co_lines", "co_linetable", "co_lnotab", "co_name", "co_names",
    "co_nlocals", "co_positions", "co_posonlyargcount", "co_qualname", "co_stacksize",
    "co_varnames", "replace",
};

constexpr std::string_view kCellAttributes[] = {
    "cell_contents",
};

constexpr std::string_view kFrameAttributes[] = {
    "clear", "f_back", "f_builtins", "f_code", "f_globals", "f_lasti", "f_lineno", "f_locals",
    "f_trace", "f_trace_lines", "f_trace_opcodes",
};

constexpr std::string_view kGeneratorAttributes[] = {
    "close", "gi_code", "gi_frame", "gi_running", "gi_suspended", "gi_yieldfrom", "send", "throw",
};

constexpr std::string_view kDictViewAttributes[] = {
    "isdisjoint", "mapping",
};

constexpr std::string_view kExceptionAttributes[] = {
    "add_note", "args", "name", "obj", "value", "with_traceback",
};

bool Contains(const std::string_view* begin, const std::string_view* end,
              std::string_view name) {
  return std::binary_search(begin, end, name);
}

}  // namespace

bool IsCPythonBuiltinName(std::string_view name) {
  return Contains(std::begin(kBuiltinNames), std::end(kBuiltinNames), name);
}

bool CPythonHasAttribute(TypeTag type, std::string_view name) {
  if (IsDunder(name)) return true;
  switch (type) {
    case TypeTag::kBool:
      return Contains(std::begin(kBoolAttributes), std::end(kBoolAttributes), name);
    case TypeTag::kInt:
      return Contains(std::begin(kIntAttributes), std::end(kIntAttributes), name);
    case TypeTag::kFloat:
      return Contains(std::begin(kFloatAttributes), std::end(kFloatAttributes), name);
    case TypeTag::kComplex:
      return Contains(std::begin(kComplexAttributes), std::end(kComplexAttributes), name);
    case TypeTag::kStr:
      return Contains(std::begin(kStrAttributes), std::end(kStrAttributes), name);
    case TypeTag::kBytes:
      return Contains(std::begin(kBytesAttributes), std::end(kBytesAttributes), name);
    case TypeTag::kByteArray:
      return Contains(std::begin(kByteArrayAttributes), std::end(kByteArrayAttributes), name);
    case TypeTag::kArray:
      return Contains(std::begin(kArrayAttributes), std::end(kArrayAttributes), name);
    case TypeTag::kMemoryView:
      return Contains(std::begin(kMemoryViewAttributes), std::end(kMemoryViewAttributes), name);
    case TypeTag::kList:
      return Contains(std::begin(kListAttributes), std::end(kListAttributes), name);
    case TypeTag::kTuple:
      return Contains(std::begin(kTupleAttributes), std::end(kTupleAttributes), name);
    case TypeTag::kDeque:
      return Contains(std::begin(kDequeAttributes), std::end(kDequeAttributes), name);
    case TypeTag::kDict:
      return Contains(std::begin(kDictAttributes), std::end(kDictAttributes), name);
    case TypeTag::kSet:
      return Contains(std::begin(kSetAttributes), std::end(kSetAttributes), name);
    case TypeTag::kFrozenSet:
      return Contains(std::begin(kFrozenSetAttributes), std::end(kFrozenSetAttributes), name);
    case TypeTag::kRange:
      return Contains(std::begin(kRangeAttributes), std::end(kRangeAttributes), name);
    case TypeTag::kSlice:
      return Contains(std::begin(kSliceAttributes), std::end(kSliceAttributes), name);
    case TypeTag::kClass:
      return Contains(std::begin(kClassAttributes), std::end(kClassAttributes), name);
    case TypeTag::kCode:
      return Contains(std::begin(kCodeAttributes), std::end(kCodeAttributes), name);
    case TypeTag::kCell:
      return Contains(std::begin(kCellAttributes), std::end(kCellAttributes), name);
    case TypeTag::kFrame:
      return Contains(std::begin(kFrameAttributes), std::end(kFrameAttributes), name);
    case TypeTag::kGenerator:
      return Contains(std::begin(kGeneratorAttributes), std::end(kGeneratorAttributes), name);
    case TypeTag::kDictView:
      return Contains(std::begin(kDictViewAttributes), std::end(kDictViewAttributes), name);
    case TypeTag::kException:
      return Contains(std::begin(kExceptionAttributes), std::end(kExceptionAttributes), name);
    case TypeTag::kBuiltinType:
    case TypeTag::kModule:
    case TypeTag::kStaticMethod:  // __func__, fget, ...: not modelled
    case TypeTag::kClassMethod:
    case TypeTag::kProperty:
    case TypeTag::kMethodWrapper:
      return true;
    default:
      return false;
  }
}

}  // namespace heapsim::script
