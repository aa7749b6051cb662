// Module array: array.array (also array.ArrayType) called as a type, and
// the methods of arrays, as Modules/arraymodule.c runs them: the order in
// which the object, its buffer and the items are made, each resize by
// array_resize's rule (array_object.h) and CPython's errors. What heapsim
// cannot answer exactly is refused by name: buffer_info() (an address),
// 3.13's deprecated 'u' typecode (a DeprecationWarning) and its 'w', and
// non-int items for integer typecodes before 3.10 (PyArg_Parse's messages
// vary by typecode there).

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/array_object.h"
#include "server/heap/bytes_object.h"
#include "server/heap/float_object.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"

namespace heapsim::script {

namespace {

class ArrayCall : public BuiltinCall {
 public:
  ArrayCall(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args)
      : BuiltinCall(interp, builtin, self, args) {}

  Ref Run() {
    if (builtin_ == Builtin::kTypeArray) return Construct();
    const ArrayTypecode type = ArrayTypecodeOf(heap_, self_);
    switch (builtin_) {
      case Builtin::kArrayAppend:
        if (!Arity(1, 1)) return Ref();
        return Insert(type, ArrayLength(heap_, self_), Arg(0)) ? Mutated("append") : Ref();
      case Builtin::kArrayExtend:
        if (args_.positional.size() != 1 && heap_.profile().array.extend_takes_defining_class) {
          return TypeError(absl::StrCat("extend() takes exactly 1 positional argument (",
                                        args_.positional.size(), " given)"));
        }
        if (!Arity(1, 1)) return Ref();
        return Extend(type, Arg(0)) ? Mutated("extend") : Ref();
      case Builtin::kArrayInsert: {
        if (!Arity(2, 2)) return Ref();
        const std::optional<int64_t> index = SsizeArg(Arg(0));
        if (!index) return Ref();
        const int64_t length = ArrayLength(heap_, self_);
        int64_t at = *index < 0 ? std::max<int64_t>(0, *index + length) : *index;
        at = std::min(at, length);
        return Insert(type, at, Arg(1)) ? Mutated("insert") : Ref();
      }
      case Builtin::kArrayPop:
        return Pop();
      case Builtin::kArrayRemove:
      case Builtin::kArrayIndex:
      case Builtin::kArrayCount:
        return Search();
      case Builtin::kArrayReverse:
      case Builtin::kArrayByteSwap: {
        if (!Arity(0, 0)) return Ref();
        std::string& raw = heap_.bytes(self_).data;
        const size_t size = type.itemsize;
        if (builtin_ == Builtin::kArrayByteSwap) {
          for (size_t at = 0; at < raw.size(); at += size) {
            std::reverse(raw.begin() + at, raw.begin() + at + size);
          }
        } else {
          const size_t count = raw.size() / size;
          for (size_t i = 0, j = count; i + 1 < j; ++i, --j) {
            std::swap_ranges(raw.begin() + i * size, raw.begin() + (i + 1) * size,
                             raw.begin() + (j - 1) * size);
          }
        }
        return Mutated(builtin_ == Builtin::kArrayByteSwap ? "byteswap" : "reverse");
      }
      case Builtin::kArrayToBytes:
        if (!Arity(0, 0)) return Ref();
        return NewBytes(heap_, ArrayRaw(heap_, self_));
      case Builtin::kArrayToList: {
        if (!Arity(0, 0)) return Ref();
        const int64_t length = ArrayLength(heap_, self_);
        Ref list = NewList(heap_, static_cast<uint64_t>(length));
        for (int64_t i = 0; i < length; ++i) {
          Ref item = ArrayItem(heap_, self_, i);
          ListAppend(heap_, list.get(), item.get());
        }
        return list;
      }
      case Builtin::kArrayFromBytes:
        return FromBytes(type);
      case Builtin::kArrayFromList:
        return FromList(type);
      case Builtin::kArrayBufferInfo:
        interp_.Refuse("array.buffer_info() (its first item is the buffer's address)");
        return Ref();
      default:
        return Fail(absl::InternalError("not an array method"));
    }
  }

 private:
  Ref Mutated(std::string_view what) {
    if (heap_.observed()) heap_.Notify(MutateEvent{self_, what});
    return None();
  }

  std::optional<std::string> Pack(const ArrayTypecode& type, ObjectId value) {
    return PackArrayItem(interp_, type, value);
  }

  // ins1: the item checked, the array resized by one, the tail moved.
  bool Insert(const ArrayTypecode& type, int64_t at, ObjectId value) {
    const std::optional<std::string> raw = Pack(type, value);
    if (!raw) return false;
    const auto index = static_cast<uint64_t>(at);
    return Check(ArrayReplace(heap_, self_, index, index, *raw));
  }

  // array_do_extend: an array of the same typecode at once, anything else
  // item by item through its iterator.
  bool Extend(const ArrayTypecode& type, ObjectId source) {
    if (heap_.type_of(source) == TypeTag::kArray) {
      if (ArrayTypecodeOf(heap_, source).code != type.code) {
        interp_.Raise(PyError(PyExc::kTypeError, "can only extend with array of same kind"));
        return false;
      }
      const std::string tail = ArrayRaw(heap_, source);
      const auto length = static_cast<uint64_t>(ArrayLength(heap_, self_));
      return Check(ArrayReplace(heap_, self_, length, length, tail));
    }
    return interp_.ForEach(source, [&](Ref item) {
      return Insert(type, ArrayLength(heap_, self_), item.get());
    });
  }

  Ref Pop() {
    if (!Arity(0, 1)) return Ref();
    int64_t index = -1;
    if (!args_.positional.empty()) {
      const std::optional<int64_t> i = SsizeArg(Arg(0));
      if (!i) return Ref();
      index = *i;
    }
    const int64_t length = ArrayLength(heap_, self_);
    if (length == 0) return Fail(PyError(PyExc::kIndexError, "pop from empty array"));
    if (index < 0) index += length;
    if (index < 0 || index >= length) {
      return Fail(PyError(PyExc::kIndexError, "pop index out of range"));
    }
    Ref item = ArrayItem(heap_, self_, index);
    const auto at = static_cast<uint64_t>(index);
    if (!Check(ArrayReplace(heap_, self_, at, at + 1, ""))) return Ref();
    if (heap_.observed()) heap_.Notify(MutateEvent{self_, "pop"});
    return item;
  }

  // remove(x), index(x) and count(x): the items compared in order.
  Ref Search() {
    if (builtin_ == Builtin::kArrayIndex && args_.positional.size() > 1) {
      interp_.Refuse("array.index() with start or stop");
      return Ref();
    }
    if (!Arity(1, 1)) return Ref();
    const size_t limit =
        builtin_ == Builtin::kArrayCount ? std::numeric_limits<size_t>::max() : 1;
    absl::StatusOr<std::vector<int64_t>> found = ArrayFind(heap_, self_, Arg(0), limit);
    if (!found.ok()) return Fail(found.status());
    if (builtin_ == Builtin::kArrayCount) return Int(static_cast<int64_t>(found->size()));
    const std::string_view name = builtin_ == Builtin::kArrayIndex ? "index" : "remove";
    if (found->empty()) {
      return Fail(PyError(PyExc::kValueError,
                          absl::StrCat("array.", std::string(name), "(x): x not in array")));
    }
    if (builtin_ == Builtin::kArrayIndex) return Int(found->front());
    const auto at = static_cast<uint64_t>(found->front());
    if (!Check(ArrayReplace(heap_, self_, at, at + 1, ""))) return Ref();
    return Mutated("remove");
  }

  // frombytes(b): a whole number of items, appended by one resize.
  Ref FromBytes(const ArrayTypecode& type) {
    if (!Arity(1, 1)) return Ref();
    const TypeTag tag = heap_.type_of(Arg(0));
    if (tag != TypeTag::kBytes && tag != TypeTag::kByteArray) {
      interp_.Refuse(absl::StrCat("array.frombytes() of a '", TypeName(heap_, Arg(0)), "'"));
      return Ref();
    }
    return AppendRaw(type, BytesData(heap_, Arg(0))) ? None() : Ref();
  }

  bool AppendRaw(const ArrayTypecode& type, const std::string& raw) {
    if (raw.size() % type.itemsize != 0) {
      interp_.Raise(PyError(PyExc::kValueError, "bytes length not a multiple of item size"));
      return false;
    }
    if (raw.empty()) return true;
    const auto length = static_cast<uint64_t>(ArrayLength(heap_, self_));
    return Check(ArrayReplace(heap_, self_, length, length, raw));
  }

  // fromlist(list): resized for all the items first, back on an error.
  Ref FromList(const ArrayTypecode& type) {
    if (!Arity(1, 1)) return Ref();
    if (heap_.type_of(Arg(0)) != TypeTag::kList) return TypeError("arg must be list");
    const std::vector<ObjectId> items = ListItems(heap_, Arg(0));
    if (items.empty()) return None();
    const auto length = static_cast<uint64_t>(ArrayLength(heap_, self_));
    if (!Check(ArrayResize(heap_, self_, length + items.size()))) return Ref();
    for (size_t i = 0; i < items.size(); ++i) {
      const std::optional<std::string> raw = Pack(type, items[i]);
      if (!raw) {
        ArrayResize(heap_, self_, length).IgnoreError();
        return Ref();
      }
      ArrayStore(heap_, self_, static_cast<int64_t>(length + i), *raw);
    }
    return Mutated("fromlist");
  }

  // array.array(typecode[, initializer]) as array_new makes it.
  Ref Construct() {
    const size_t n = args_.positional.size();
    if (n < 1) return TypeError("array() takes at least 1 argument (0 given)");
    if (n > 2) return TypeError(absl::StrCat("array() takes at most 2 arguments (", n, " given)"));
    const ObjectId code_object = Arg(0);
    if (heap_.type_of(code_object) != TypeTag::kStr || Length(heap_, code_object) != 1) {
      return TypeError(absl::StrCat("array() argument 1 must be a unicode character, not ",
                                    TypeName(heap_, code_object)));
    }
    const std::string code_text = StrText(heap_, code_object);
    const char code = code_text[0];
    const std::optional<ArrayTypecode> found =
        code_text.size() == 1 ? FindArrayTypecode(code) : std::nullopt;
    if (heap_.profile().array.u_deprecated && (code == 'u' || code == 'w')) {
      interp_.Refuse(absl::StrCat("array typecode '", std::string(1, code),
                                  "' (deprecated or new in this version)"));
      return Ref();
    }
    if (!found) {
      return Fail(PyError(PyExc::kValueError,
                          "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"));
    }
    const ArrayTypecode type = *found;
    if (n == 1) return NewArray(heap_, code, "");
    const ObjectId initial = Arg(1);
    const TypeTag tag = heap_.type_of(initial);
    if (tag == TypeTag::kStr && code != 'u') {
      return TypeError(absl::StrCat("cannot use a str to initialize an array with typecode '",
                                    std::string(1, code), "'"));
    }
    if (tag == TypeTag::kArray &&
        (ArrayTypecodeOf(heap_, initial).code == 'u') != (code == 'u')) {
      interp_.Refuse("an array initialised from an array with or without the 'u' typecode");
      return Ref();
    }
    if (tag == TypeTag::kList || tag == TypeTag::kTuple) {
      // Made at its length, then filled item by item.
      const std::vector<ObjectId> items =
          tag == TypeTag::kList ? ListItems(heap_, initial) : TupleItems(heap_, initial);
      Ref array = NewArray(heap_, code, std::string(items.size() * type.itemsize, '\0'));
      for (size_t i = 0; i < items.size(); ++i) {
        const std::optional<std::string> raw = Pack(type, items[i]);
        if (!raw) return Ref();
        ArrayStore(heap_, array.get(), static_cast<int64_t>(i), *raw);
      }
      return array;
    }
    if (tag == TypeTag::kArray && ArrayTypecodeOf(heap_, initial).code == code) {
      return NewArray(heap_, code, ArrayRaw(heap_, initial));
    }
    if (tag == TypeTag::kStr) {
      // Each version takes the str's wchar_t copy its own way (3.8 through
      // the str's cached wstr, later as the buffer itself, NUL included).
      interp_.Refuse("array('u', str): the str's wchar_t buffer");
      return Ref();
    }
    if (tag == TypeTag::kBytes || tag == TypeTag::kByteArray) {
      // Made empty, then frombytes: one resize.
      const std::string raw = BytesData(heap_, initial);
      Ref array = NewArray(heap_, code, "");
      ArrayCall fill(interp_, Builtin::kArrayFromBytes, array.get(), args_);
      if (!fill.AppendRaw(type, raw)) return Ref();
      return array;
    }
    // Any other iterable: its iterator first, then the empty array, then
    // the items appended one by one.
    Ref iterator = interp_.GetIter(initial);
    if (!iterator) return Ref();
    Ref array = NewArray(heap_, code, "");
    ArrayCall fill(interp_, Builtin::kArrayExtend, array.get(), args_);
    if (!fill.Extend(type, iterator.get())) return Ref();
    return array;
  }
};

}  // namespace

std::optional<std::string> PackArrayItem(Interpreter& interp, const ArrayTypecode& type,
                                         ObjectId value) {
  Heap& heap = interp.heap();
  const TypeTag tag = heap.type_of(value);
  const bool integer = tag == TypeTag::kInt || tag == TypeTag::kBool;
  if (type.kind == ArrayTypecode::Kind::kFloat && !integer && tag != TypeTag::kFloat) {
    interp.Raise(PyError(PyExc::kTypeError,
                         absl::StrCat("must be real number, not ", TypeName(heap, value))));
    return std::nullopt;
  }
  if ((type.kind == ArrayTypecode::Kind::kSigned || type.kind == ArrayTypecode::Kind::kUnsigned) &&
      !integer) {
    if (!heap.profile().array.index_item_errors) {
      interp.Refuse(absl::StrCat("a '", TypeName(heap, value), "' item for array typecode '",
                                 std::string(1, type.code), "'"));
      return std::nullopt;
    }
    interp.Raise(PyError(PyExc::kTypeError, absl::StrCat("'", TypeName(heap, value),
                                                         "' object cannot be interpreted as an integer")));
    return std::nullopt;
  }
  absl::StatusOr<std::string> raw = ArrayPackItem(heap, type, value);
  if (raw.ok() && type.kind == ArrayTypecode::Kind::kFloat && integer) {
    // PyFloat_AsDouble converts an int through its nb_float: a float made
    // and freed (onto the float free list where it has room).
    NewFloat(heap, IntAsBig(heap, value).ToDouble()).Reset();
  }
  if (!raw.ok()) {
    interp.Raise(raw.status());
    return std::nullopt;
  }
  return *std::move(raw);
}

Ref CallArrayBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return ArrayCall(interp, builtin, self, args).Run();
}

}  // namespace heapsim::script
