// The builtin types called as constructors: int(), float(), list(),
// tuple(), dict(), set()/frozenset(), bytes()/bytearray() and the builtin
// exceptions, with CPython's argument checks, errors and allocations.

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
#include "server/heap/weak_container_object.h"
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
#include "server/heap/range_object.h"
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
#include "server/script/builtin_function_call.h"

namespace heapsim::script {

namespace {

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

}  // namespace

Ref BuiltinFunctionCall::ConstructInt() {
  if (!args_.keywords.empty()) {
    // int(x, base=...): CPython counts one GC object more after it (two
    // on 3.8 to 3.11, with the parser's keyword tuple) than heapsim models,
    // so gc.get_count() is refused until the next full collection, and
    // tracemalloc's figures until its traces are cleared.
    NoteUnmodelledGcObjects(heap_, "int() with a keyword argument", 2);
    heap_.tracemalloc().NoteInexactBlocks(
        "int() with a keyword argument (the parser's objects are not modelled exactly)");
  }
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
    const std::string message =
        absl::StrCat("invalid literal for int() with base ", base, ": ", FirstCodePoints(repr, 200));
    if (heap_.profile().int_parse_error_raised_twice && args_.positional.size() == 1) {
      // The first ValueError, replaced by its caller's.
      Ref text = NewStr(heap_, message);
      NewException(heap_, "ValueError", NewTupleOf(heap_, {text.get()})).Reset();
    }
    return Fail(PyError(PyExc::kValueError, message));
  }
  // PyLong_FromString sizes its result from the digit count.
  const auto estimate = static_cast<uint32_t>(static_cast<double>(digits.size()) *
                                              std::log(base) / std::log(1 << 30)) +
                        1;
  return NewInt(heap_, negative ? -*parsed : *parsed, IntRequest::Digits(estimate));
}

Ref BuiltinFunctionCall::ConstructFloat() {
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

Ref BuiltinFunctionCall::ConstructList() {
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
  if (type == TypeTag::kWeakContainer && heap_.profile().list_init_asks_len &&
      WeakContainerKindOf(heap_, iterable) < WeakContainerKind::kFinalize) {
    length = static_cast<int64_t>(WeakContainerLength(heap_, iterable));  // its __len__
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

Ref BuiltinFunctionCall::ConstructTuple() {
  if (!Arity(0, 1)) return Ref();
  if (args_.positional.empty()) return heap_.NewRef(heap_.empty_tuple());
  return SequenceTuple(interp_, Arg(0));
}

Ref BuiltinFunctionCall::ConstructDict() {
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

Ref BuiltinFunctionCall::ConstructSet(bool frozen) {
  if (!Arity(0, 1)) return Ref();
  if (frozen && !args_.positional.empty() && heap_.type_of(Arg(0)) == TypeTag::kFrozenSet) {
    return heap_.NewRef(Arg(0));
  }
  const EmptyFrozenSet shared = heap_.profile().empty_frozenset;
  if (frozen && shared != EmptyFrozenSet::kNotShared && args_.positional.empty()) {
    return SharedEmptyFrozenSet();
  }
  Ref set = NewSet(heap_, frozen);
  if (!args_.positional.empty() && !UpdateSetFrom(interp_, set.get(), Arg(0))) return Ref();
  if (!frozen || shared == EmptyFrozenSet::kNotShared || heap_.set(set.get()).used != 0) {
    return set;
  }
  set.Reset();  // an empty result gives way to the shared empty frozenset
  return SharedEmptyFrozenSet();
}

Ref BuiltinFunctionCall::SharedEmptyFrozenSet() {
  if (heap_.empty_frozenset() == kNoObject) {
    heap_.HoldEmptyFrozenSet(NewSet(heap_, true).release());
  }
  return heap_.NewRef(heap_.empty_frozenset());
}

Ref BuiltinFunctionCall::ConstructBytes(bool bytearray) {
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
      // bytes() of an iterable other than a list or tuple makes the new
      // bytes object before it drops its iterator.
      Ref iterator;
      if (!bytearray && type != TypeTag::kList && type != TypeTag::kTuple) {
        iterator = interp_.GetIter(source);
        if (!iterator) return Ref();
      }
      bool ok = interp_.ForEach(iterator ? iterator.get() : source, [&](Ref item) {
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
      if (iterator) return NewBytes(heap_, data);
    }
  }
  if (bytearray) return NewByteArray(heap_, data);
  return filled_in_place ? NewBytesObject(heap_, data) : NewBytes(heap_, data);
}

Ref BuiltinFunctionCall::ConstructException() {
  // BaseException_new keeps the tuple tp_call got: the call's own with
  // *args, else the one packed now.
  if (args_.packed != kNoObject) {
    return NewException(heap_, heap_.cls(self_).name, heap_.NewRef(args_.packed));
  }
  std::vector<ObjectId> items;
  for (const Ref& arg : args_.positional) items.push_back(arg.get());
  Ref args = NewTupleOf(heap_, items);
  return NewException(heap_, heap_.cls(self_).name, std::move(args));
}

Ref BuiltinFunctionCall::Construct() {
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
      // PyNumber_Index of each argument: an int itself, a bool its small int.
      Ref bounds[3] = {NewInt(heap_, 0), Ref(), NewInt(heap_, 1)};
      const size_t first = args_.positional.size() == 1 ? 1 : 0;
      for (size_t i = 0; i < args_.positional.size(); ++i) {
        const ObjectId arg = Arg(i);
        if (heap_.type_of(arg) == TypeTag::kInt) {
          bounds[first + i] = heap_.NewRef(arg);
          continue;
        }
        const std::optional<int64_t> n = IndexArg(arg);
        if (!n) return Ref();
        bounds[first + i] = NewInt(heap_, *n);
      }
      if (IntAsInt64(heap_, bounds[2].get()) == 0) {
        return Fail(PyError(PyExc::kValueError, "range() arg 3 must not be zero"));
      }
      return NewRangeOfInts(heap_, std::move(bounds[0]), std::move(bounds[1]),
                            std::move(bounds[2]));
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
    case Builtin::kTypeWeakProxy:
    case Builtin::kTypeWeakCallableProxy:
      // The proxy types have no tp_new.
      return TypeError(
          absl::StrCat("cannot create '", WeakProxyTypeName(heap_, builtin_), "' instances"));
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

}  // namespace heapsim::script
