#include "server/heap/array_object.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "absl/strings/str_cat.h"
#include "server/heap/bigint.h"
#include "server/heap/budget.h"
#include "server/heap/float_object.h"
#include "server/heap/int_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"

namespace heapsim {

namespace {

using Kind = ArrayTypecode::Kind;

constexpr ArrayTypecode kTypecodes[] = {
    {'b', 1, Kind::kSigned},   {'B', 1, Kind::kUnsigned}, {'u', 4, Kind::kUnicode},
    {'h', 2, Kind::kSigned},   {'H', 2, Kind::kUnsigned}, {'i', 4, Kind::kSigned},
    {'I', 4, Kind::kUnsigned}, {'l', 8, Kind::kSigned},   {'L', 8, Kind::kUnsigned},
    {'q', 8, Kind::kSigned},   {'Q', 8, Kind::kUnsigned}, {'f', 4, Kind::kFloat},
    {'d', 8, Kind::kFloat},
};

uint64_t ReadUnsigned(std::string_view raw, size_t at, uint8_t size) {
  uint64_t value = 0;
  for (uint8_t i = 0; i < size; ++i) {
    value |= static_cast<uint64_t>(static_cast<uint8_t>(raw[at + i])) << (8 * i);
  }
  return value;
}

std::string WriteUnsigned(uint64_t value, uint8_t size) {
  std::string out(size, '\0');
  for (uint8_t i = 0; i < size; ++i) out[i] = static_cast<char>((value >> (8 * i)) & 0xff);
  return out;
}

int64_t SignExtend(uint64_t value, uint8_t size) {
  if (size == 8) return static_cast<int64_t>(value);
  const uint64_t sign = uint64_t{1} << (8 * size - 1);
  return static_cast<int64_t>((value ^ sign) - sign);
}

double ReadFloat(std::string_view raw, size_t at, uint8_t size) {
  if (size == 4) {
    const auto bits = static_cast<uint32_t>(ReadUnsigned(raw, at, 4));
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
  }
  const uint64_t bits = ReadUnsigned(raw, at, 8);
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

// An item's value as Python sees it, for comparisons and repr.
struct ItemValue {
  Kind kind;
  int64_t signed_value = 0;
  uint64_t unsigned_value = 0;
  double real = 0;
};

ItemValue ValueAt(const ArrayTypecode& type, std::string_view raw, int64_t index) {
  const size_t at = static_cast<size_t>(index) * type.itemsize;
  ItemValue v{type.kind};
  switch (type.kind) {
    case Kind::kSigned:
      v.signed_value = SignExtend(ReadUnsigned(raw, at, type.itemsize), type.itemsize);
      break;
    case Kind::kUnsigned:
    case Kind::kUnicode:
      v.unsigned_value = ReadUnsigned(raw, at, type.itemsize);
      break;
    case Kind::kFloat:
      v.real = ReadFloat(raw, at, type.itemsize);
      break;
  }
  return v;
}

std::string ItemText(const ItemValue& v) {
  switch (v.kind) {
    case Kind::kSigned:
      return absl::StrCat(v.signed_value);
    case Kind::kUnsigned:
      return absl::StrCat(v.unsigned_value);
    case Kind::kFloat:
      return FloatRepr(v.real);
    case Kind::kUnicode: {
      std::string out;
      AppendUtf8(&out, static_cast<char32_t>(v.unsigned_value));
      return out;
    }
  }
  return std::string();
}

// An item as a number: exact for every int item and float.
long double AsLongDouble(const ItemValue& v) {
  if (v.kind == Kind::kFloat) return v.real;
  if (v.kind == Kind::kSigned) return static_cast<long double>(v.signed_value);
  return static_cast<long double>(v.unsigned_value);
}

bool ItemsEqual(const ItemValue& a, const ItemValue& b) {
  if ((a.kind == Kind::kUnicode) != (b.kind == Kind::kUnicode)) return false;
  if (a.kind == Kind::kUnicode) return a.unsigned_value == b.unsigned_value;
  if (a.kind == Kind::kFloat || b.kind == Kind::kFloat) {
    // An int item against a float one compares exactly, as int == float does.
    return AsLongDouble(a) == AsLongDouble(b);
  }
  if (a.kind == Kind::kSigned && b.kind == Kind::kSigned) return a.signed_value == b.signed_value;
  if (a.kind == Kind::kUnsigned && b.kind == Kind::kUnsigned) {
    return a.unsigned_value == b.unsigned_value;
  }
  const ItemValue& s = a.kind == Kind::kSigned ? a : b;
  const ItemValue& u = a.kind == Kind::kSigned ? b : a;
  return s.signed_value >= 0 && static_cast<uint64_t>(s.signed_value) == u.unsigned_value;
}

// a < b for two items both str or both numbers.
bool ItemLess(const ItemValue& a, const ItemValue& b) {
  if (a.kind == Kind::kFloat || b.kind == Kind::kFloat) return AsLongDouble(a) < AsLongDouble(b);
  if (a.kind == Kind::kSigned && b.kind == Kind::kSigned) return a.signed_value < b.signed_value;
  if (a.kind != Kind::kSigned && b.kind != Kind::kSigned) {
    return a.unsigned_value < b.unsigned_value;
  }
  if (a.kind == Kind::kSigned) {
    return a.signed_value < 0 || static_cast<uint64_t>(a.signed_value) < b.unsigned_value;
  }
  return b.signed_value >= 0 && a.unsigned_value < static_cast<uint64_t>(b.signed_value);
}

// The BigInt of an unsigned 64-bit value.
BigInt BigFromUnsigned(uint64_t value) {
  if (value <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return BigInt(static_cast<int64_t>(value));
  }
  return *BigInt::FromDigits(absl::StrCat(value), 10);
}

// PyArg_Parse's checks for a C type of `bits` bits, signed: its own range
// errors for `short_name` ("signed short integer", ...) past a C long's.
absl::Status CheckSignedRange(const BigInt& value, uint64_t bits, std::string_view name) {
  const std::optional<int64_t> v = value.ToInt64();
  if (!v) return PyError(PyExc::kOverflowError, "Python int too large to convert to C long");
  if (bits >= 64) return absl::OkStatus();
  const int64_t min = -(int64_t{1} << (bits - 1));
  const int64_t max = (int64_t{1} << (bits - 1)) - 1;
  if (*v < min) return PyError(PyExc::kOverflowError, absl::StrCat(std::string(name), " is less than minimum"));
  if (*v > max) return PyError(PyExc::kOverflowError, absl::StrCat(std::string(name), " is greater than maximum"));
  return absl::OkStatus();
}

// The raw item of an int under an integer typecode: each setitem
// function's conversion and range checks, in their order and words.
absl::StatusOr<std::string> PackInteger(const ArrayTypecode& type, const BigInt& value) {
  const bool negative = value.is_negative();
  const uint64_t length = value.BitLength();
  absl::Status range;
  switch (type.code) {
    case 'b':  // through a C short, then the char's range
      range = CheckSignedRange(value, 16, "signed short integer");
      if (range.ok()) range = CheckSignedRange(value, 8, "signed char");
      break;
    case 'h':
      range = CheckSignedRange(value, 16, "signed short integer");
      break;
    case 'i':
      range = CheckSignedRange(value, 32, "signed integer");
      break;
    case 'l':
      range = CheckSignedRange(value, 64, "");
      break;
    case 'q':
      if (!value.ToInt64()) range = PyError(PyExc::kOverflowError, "int too big to convert");
      break;
    case 'B':  // PyArg_Parse's unsigned char
      range = CheckSignedRange(value, 64, "");
      if (range.ok() && negative) {
        range = PyError(PyExc::kOverflowError, "unsigned byte integer is less than minimum");
      } else if (range.ok() && length > 8) {
        range = PyError(PyExc::kOverflowError, "unsigned byte integer is greater than maximum");
      }
      break;
    case 'H':  // through a C int, then the unsigned short's range
      range = CheckSignedRange(value, 32, "signed integer");
      if (range.ok() && negative) {
        range = PyError(PyExc::kOverflowError, "unsigned short is less than minimum");
      } else if (range.ok() && length > 16) {
        range = PyError(PyExc::kOverflowError, "unsigned short is greater than maximum");
      }
      break;
    case 'I':
    case 'L':
      if (negative) {
        range = PyError(PyExc::kOverflowError, "can't convert negative value to unsigned int");
      } else if (length > 64) {
        range = PyError(PyExc::kOverflowError, "Python int too large to convert to C unsigned long");
      } else if (type.code == 'I' && length > 32) {
        range = PyError(PyExc::kOverflowError, "unsigned int is greater than maximum");
      }
      break;
    case 'Q':
      if (negative) {
        range = PyError(PyExc::kOverflowError, "can't convert negative int to unsigned");
      } else if (length > 64) {
        range = PyError(PyExc::kOverflowError, "int too big to convert");
      }
      break;
    default:
      return absl::InternalError("not an integer typecode");
  }
  if (!range.ok()) return range;
  const std::optional<int64_t> small = value.ToInt64();
  const uint64_t bits = small ? static_cast<uint64_t>(*small) : std::stoull(value.ToString());
  return WriteUnsigned(bits, type.itemsize);
}

}  // namespace

std::optional<ArrayTypecode> FindArrayTypecode(char code) {
  for (const ArrayTypecode& type : kTypecodes) {
    if (type.code == code) return type;
  }
  return std::nullopt;
}

ArrayTypecode ArrayTypecodeOf(const Heap& heap, ObjectId id) {
  return *FindArrayTypecode(static_cast<char>(heap.object(id).subtype));
}

Ref NewArray(Heap& heap, char code, std::string_view raw) {
  const ArrayTypecode type = *FindArrayTypecode(code);
  // The request includes the GC header where arrays have one.
  const uint64_t gc_header = heap.IsGcType(TypeTag::kArray) ? 16 : 0;
  const ObjectId id = heap.NewObject(TypeTag::kArray, heap.profile().array.object_size + gc_header);
  heap.set_subtype(id, static_cast<uint8_t>(code));
  BytesBody body;
  body.data = std::string(raw);
  if (!raw.empty()) {
    body.alloc = raw.size() / type.itemsize;
    body.buffer_block = heap.AllocateBuffer(raw.size());
  }
  heap.AttachBody(id, std::move(body));
  if (heap.profile().array.gc_tracked) heap.Track(id);
  return heap.Adopt(id);
}

int64_t ArrayLength(const Heap& heap, ObjectId id) {
  return static_cast<int64_t>(heap.bytes(id).data.size() / ArrayTypecodeOf(heap, id).itemsize);
}

absl::Status ArrayResize(Heap& heap, ObjectId id, uint64_t length) {
  const uint64_t itemsize = ArrayTypecodeOf(heap, id).itemsize;
  BytesBody& body = heap.bytes(id);
  const uint64_t size = body.data.size() / itemsize;
  if (body.exports > 0 && length != size) {
    return PyError(PyExc::kBufferError, "cannot resize an array that is exporting buffers");
  }
  if (body.buffer_block != 0 && body.alloc >= length && size < length + 16) {
    body.data.resize(length * itemsize);
    return absl::OkStatus();
  }
  if (length == 0) {
    heap.FreeBuffer(std::exchange(body.buffer_block, 0));
    body.alloc = 0;
    body.data.clear();
    return absl::OkStatus();
  }
  const uint64_t alloc = (length >> 4) + (size < 8 ? 3 : 7) + length;
  if (alloc > std::numeric_limits<uint64_t>::max() / itemsize ||
      alloc * itemsize > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return PyError(PyExc::kMemoryError, "");
  }
  const uint64_t grown = alloc * itemsize > body.data.size() ? alloc * itemsize - body.data.size() : 0;
  if (absl::Status s = CheckGrowth(heap, grown, grown); !s.ok()) return s;
  BytesBody& fresh = heap.bytes(id);
  fresh.buffer_block = fresh.buffer_block == 0 ? heap.AllocateBuffer(alloc * itemsize)
                                               : heap.ReallocateBuffer(fresh.buffer_block,
                                                                       alloc * itemsize);
  fresh.alloc = alloc;
  fresh.data.resize(length * itemsize);
  return absl::OkStatus();
}

absl::Status ArrayReplace(Heap& heap, ObjectId id, uint64_t lo, uint64_t hi, std::string_view raw) {
  const uint64_t itemsize = ArrayTypecodeOf(heap, id).itemsize;
  std::string next = heap.bytes(id).data;
  next.replace(lo * itemsize, (hi - lo) * itemsize, raw);
  if (absl::Status s = ArrayResize(heap, id, next.size() / itemsize); !s.ok()) return s;
  heap.bytes(id).data = std::move(next);
  return absl::OkStatus();
}

void ArrayStore(Heap& heap, ObjectId id, int64_t index, std::string_view raw) {
  heap.bytes(id).data.replace(static_cast<size_t>(index) * raw.size(), raw.size(), raw);
}

Ref ArrayItem(Heap& heap, ObjectId id, int64_t index) {
  const ArrayTypecode type = ArrayTypecodeOf(heap, id);
  const ItemValue v = ValueAt(type, heap.bytes(id).data, index);
  switch (type.kind) {
    case Kind::kSigned:
      return NewInt(heap, v.signed_value);
    case Kind::kUnsigned:
      if (v.unsigned_value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        return NewInt(heap, BigFromUnsigned(v.unsigned_value));
      }
      return NewInt(heap, static_cast<int64_t>(v.unsigned_value));
    case Kind::kFloat:
      return NewFloat(heap, v.real);
    case Kind::kUnicode:
      return NewStr(heap, ItemText(v));
  }
  return Ref();
}

absl::StatusOr<std::string> ArrayPackItem(const Heap& heap, const ArrayTypecode& type,
                                          ObjectId value) {
  switch (type.kind) {
    case Kind::kUnicode: {
      if (heap.type_of(value) != TypeTag::kStr || Length(heap, value) != 1) {
        return PyError(PyExc::kTypeError, "array item must be unicode character");
      }
      const std::u32string chars = DecodeUtf8(StrText(heap, value));
      return WriteUnsigned(chars[0], 4);
    }
    case Kind::kFloat: {
      double real;
      if (heap.type_of(value) == TypeTag::kFloat) {
        real = FloatValue(heap, value);
      } else {
        const BigInt big = IntAsBig(heap, value);
        real = big.ToDouble();
        if (std::isinf(real)) {
          return PyError(PyExc::kOverflowError, "int too large to convert to float");
        }
      }
      if (type.itemsize == 8) {
        uint64_t bits;
        std::memcpy(&bits, &real, sizeof bits);
        return WriteUnsigned(bits, 8);
      }
      const auto narrow = static_cast<float>(real);
      uint32_t bits;
      std::memcpy(&bits, &narrow, sizeof bits);
      return WriteUnsigned(bits, 4);
    }
    case Kind::kSigned:
    case Kind::kUnsigned:
      break;
  }
  return PackInteger(type, IntAsBig(heap, value));
}

absl::StatusOr<std::vector<int64_t>> ArrayFind(Heap& heap, ObjectId id, ObjectId value,
                                               size_t limit) {
  std::vector<int64_t> found;
  for (int64_t i = 0; i < ArrayLength(heap, id) && found.size() < limit; ++i) {
    if (!SpendWork(1)) return BudgetStatus();
    Ref item = ArrayItem(heap, id, i);
    absl::StatusOr<bool> equal = EqualChecked(heap, item.get(), value);
    if (!equal.ok()) return equal.status();
    if (*equal) found.push_back(i);
  }
  return found;
}

std::string ArrayRepr(const Heap& heap, ObjectId id) {
  const ArrayTypecode type = ArrayTypecodeOf(heap, id);
  const std::string& raw = heap.bytes(id).data;
  const int64_t length = ArrayLength(heap, id);
  std::string out = absl::StrCat("array('", std::string(1, type.code), "'");
  if (length == 0) return out + ")";
  if (type.kind == Kind::kUnicode) {
    std::string text;
    for (int64_t i = 0; i < length; ++i) text += ItemText(ValueAt(type, raw, i));
    return absl::StrCat(out, ", ", StrRepr(text), ")");
  }
  out += ", [";
  for (int64_t i = 0; i < length; ++i) {
    if (i > 0) out += ", ";
    out += ItemText(ValueAt(type, raw, i));
  }
  return out + "])";
}

bool ArrayEqual(const Heap& heap, ObjectId a, ObjectId b) {
  const int64_t length = ArrayLength(heap, a);
  if (length != ArrayLength(heap, b)) return false;
  const ArrayTypecode ta = ArrayTypecodeOf(heap, a);
  const ArrayTypecode tb = ArrayTypecodeOf(heap, b);
  for (int64_t i = 0; i < length; ++i) {
    if (!ItemsEqual(ValueAt(ta, heap.bytes(a).data, i), ValueAt(tb, heap.bytes(b).data, i))) {
      return false;
    }
  }
  return true;
}

std::optional<absl::StatusOr<Ref>> ArrayBinary(Heap& heap, bool add, ObjectId a, ObjectId b,
                                               bool in_place) {
  const bool a_array = heap.type_of(a) == TypeTag::kArray;
  const bool b_array = heap.type_of(b) == TypeTag::kArray;
  if (add) {
    if (!a_array) return std::nullopt;
    if (!b_array) {
      return PyError(PyExc::kTypeError,
                     absl::StrCat(in_place ? "can only extend array with array (not \""
                                           : "can only append array (not \"",
                                  TypeName(heap, b), in_place ? "\")" : "\") to array"));
    }
    if (ArrayTypecodeOf(heap, a).code != ArrayTypecodeOf(heap, b).code) {
      if (in_place) return PyError(PyExc::kTypeError, "can only extend with array of same kind");
      return PyError(PyExc::kTypeError, "bad argument type for built-in operation");
    }
    const std::string tail = heap.bytes(b).data;
    if (absl::Status s = CheckGrowth(heap, tail.size(), tail.size()); !s.ok()) return s;
    if (!in_place) return NewArray(heap, ArrayTypecodeOf(heap, a).code, heap.bytes(a).data + tail);
    const uint64_t itemsize = ArrayTypecodeOf(heap, a).itemsize;
    const uint64_t length = heap.bytes(a).data.size() / itemsize;
    if (absl::Status s = ArrayResize(heap, a, length + tail.size() / itemsize); !s.ok()) return s;
    heap.bytes(a).data.replace(length * itemsize, tail.size(), tail);
    return heap.NewRef(a);
  }
  if (!a_array && !b_array) return std::nullopt;
  const ObjectId array = a_array ? a : b;
  const ObjectId count_object = a_array ? b : a;
  if (heap.type_of(count_object) != TypeTag::kInt && heap.type_of(count_object) != TypeTag::kBool) {
    return std::nullopt;
  }
  const std::optional<int64_t> count = IntAsInt64(heap, count_object);
  if (!count) {
    return PyError(PyExc::kOverflowError, "cannot fit 'int' into an index-sized integer");
  }
  const std::string unit = heap.bytes(array).data;
  const uint64_t n = *count < 0 ? 0 : static_cast<uint64_t>(*count);
  const uint64_t itemsize = ArrayTypecodeOf(heap, array).itemsize;
  if (!unit.empty() && n > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) / unit.size()) {
    return PyError(PyExc::kMemoryError, "");
  }
  const uint64_t total = unit.size() * n;
  if (absl::Status s = CheckGrowth(heap, total, total); !s.ok()) return s;
  std::string data;
  data.reserve(total);
  for (uint64_t i = 0; i < n && !unit.empty(); ++i) {
    if (!SpendWork(unit.size())) return BudgetStatus();
    data += unit;
  }
  if (!in_place || !a_array) return NewArray(heap, ArrayTypecodeOf(heap, array).code, data);
  if (!unit.empty()) {
    if (absl::Status s = ArrayResize(heap, array, total / itemsize); !s.ok()) return s;
    heap.bytes(array).data = std::move(data);
  }
  return heap.NewRef(array);
}

bool ArraysOrderable(const Heap& heap, ObjectId a, ObjectId b) {
  return (ArrayTypecodeOf(heap, a).kind == Kind::kUnicode) ==
         (ArrayTypecodeOf(heap, b).kind == Kind::kUnicode);
}

bool ArrayLess(const Heap& heap, ObjectId a, ObjectId b) {
  const ArrayTypecode ta = ArrayTypecodeOf(heap, a);
  const ArrayTypecode tb = ArrayTypecodeOf(heap, b);
  const int64_t na = ArrayLength(heap, a);
  const int64_t nb = ArrayLength(heap, b);
  for (int64_t i = 0; i < na && i < nb; ++i) {
    const ItemValue x = ValueAt(ta, heap.bytes(a).data, i);
    const ItemValue y = ValueAt(tb, heap.bytes(b).data, i);
    if (!ItemsEqual(x, y)) return ItemLess(x, y);
  }
  return na < nb;
}

uint64_t ArraySizeOf(const Heap& heap, ObjectId id) {
  const uint64_t gc_header = heap.IsGcType(TypeTag::kArray) ? 16 : 0;
  return gc_header + heap.profile().array.object_size +
         heap.bytes(id).alloc * ArrayTypecodeOf(heap, id).itemsize;
}

}  // namespace heapsim
