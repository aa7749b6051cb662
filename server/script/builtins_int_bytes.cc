// int.bit_count(), int.to_bytes() and the class method int.from_bytes():
// Argument Clinic's binding of their arguments (both required before 3.11,
// length=1 and byteorder='big' from then), the bytes object to_bytes
// allocates before it converts (a new one even of one byte, dropped when
// the int does not fit) and the int from_bytes fills (exactly the digits
// of its significant bytes; a cached small int only from 3.11).

#include <array>
#include <bit>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "server/heap/bigint.h"
#include "server/heap/budget.h"
#include "server/heap/bytes_object.h"
#include "server/heap/int_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/parser_keywords.h"

namespace heapsim::script {

namespace {

// The arguments of to_bytes (length, byteorder) and from_bytes (bytes,
// byteorder), then the keyword-only signed; kNoObject where not given.
using IntBytesArgs = std::array<ObjectId, 3>;

class IntBytesCall : public BuiltinCall {
 public:
  using BuiltinCall::BuiltinCall;

  Ref Run() {
    switch (builtin_) {
      case Builtin::kIntBitCount:
        return BitCount();
      case Builtin::kIntToBytes:
        return ToBytes();
      case Builtin::kIntFromBytes:
        return FromBytes();
      default:
        return Fail(absl::InternalError("not an int bytes method"));
    }
  }

 private:
  std::string Name() const { return std::string(BuiltinName(builtin_)); }

  Ref BitCount() {
    if (!heap_.profile().int_methods.has_bit_count) {
      // The method is missing: CPython fails its lookup, before the
      // arguments heapsim has already evaluated.
      if (!args_.positional.empty() || !args_.keywords.empty()) {
        interp_.Refuse("int.bit_count() with arguments on a version without it");
        return Ref();
      }
      return Fail(PyError(
          PyExc::kAttributeError,
          absl::StrCat("'", TypeName(heap_, self_), "' object has no attribute 'bit_count'")));
    }
    if (!KeywordsAllowed() || !Arity(0, 0)) return Ref();
    uint64_t count = 0;
    for (uint32_t word : IntAsBig(heap_, self_).MagnitudeWords()) count += std::popcount(word);
    return NewInt(heap_, static_cast<int64_t>(count));
  }

  // Binds the call's arguments as Argument Clinic does, raising its
  // errors: two positional-or-keyword parameters (`first`, "byteorder"),
  // required before 3.11, then the keyword-only "signed".
  std::optional<IntBytesArgs> Bind(std::string_view first) {
    const std::array<std::string_view, 3> names = {first, "byteorder", "signed"};
    // Before 3.11 nothing at start-up interned 'length': to_bytes' parser
    // makes and keeps it with its keyword tuple, which heapsim does not.
    if (builtin_ == Builtin::kIntToBytes && !args_.keywords.empty() &&
        heap_.profile().clinic_keywords == ParserKeywords::kOnFirstKeywordCall &&
        heap_.profile().special_names.made_on_first_use &&
        !interp_.session().parser_keywords_made.contains("int.to_bytes") &&
        heap_.FindInterned("length") == kNoObject) {
      interp_.Refuse("the first int.to_bytes() with keywords before 'length' is interned");
      return std::nullopt;
    }
    MakeParserKeywords(interp_, absl::StrCat("int.", Name()), {names[0], names[1], names[2]},
                       heap_.profile().clinic_keywords, !args_.keywords.empty());
    const bool defaults = heap_.profile().int_methods.bytes_defaults;
    // from_bytes always needs its bytes; to_bytes needs nothing from 3.11.
    const size_t required = !defaults ? 2 : builtin_ == Builtin::kIntFromBytes ? 1 : 0;
    const size_t n = args_.positional.size();
    if (n > 2) {
      TypeError(absl::StrCat(Name(), "() takes ", required == 2 ? "exactly" : "at most",
                             " 2 positional arguments (", n, " given)"));
      return std::nullopt;
    }
    IntBytesArgs bound = {kNoObject, kNoObject, kNoObject};
    for (size_t i = 0; i < n; ++i) bound[i] = Arg(i);
    for (size_t i = 0; i < names.size(); ++i) {
      const ObjectId by_name = Keyword(names[i]);
      if (by_name != kNoObject && bound[i] != kNoObject) {
        interp_.Refuse(absl::StrCat(Name(), "() given an argument both by position and by name"));
        return std::nullopt;
      }
      if (by_name != kNoObject) bound[i] = by_name;
      if (bound[i] == kNoObject && i < required) {
        TypeError(absl::StrCat(Name(), "() missing required argument '", std::string(names[i]),
                               "' (pos ", i + 1, ")"));
        return std::nullopt;
      }
    }
    for (const auto& [name, value] : args_.keywords) {
      if (name == names[0] || name == names[1] || name == names[2]) continue;
      TypeError(
          heap_.profile().messages.clinic_keyword_names_function
              ? absl::StrCat(Name(), "() got an unexpected keyword argument '", name, "'")
              : absl::StrCat("'", name, "' is an invalid keyword argument for ", Name(), "()"));
      return std::nullopt;
    }
    return bound;
  }

  // byteorder: a str (Clinic's check), 'little' or 'big'. Before 3.11 the
  // comparison makes the identifier 'big' on its first use (the
  // interpreter made 'little' as it started), which interning finds as
  // the script's constant: a transient str block. nullopt with the error
  // or refusal pending.
  std::optional<bool> LittleEndian(ObjectId byteorder) {
    if (byteorder == kNoObject) return false;
    if (heap_.type_of(byteorder) != TypeTag::kStr) {
      const bool none = heap_.type_of(byteorder) == TypeTag::kNone;
      TypeError(absl::StrCat(Name(), "() argument 'byteorder' must be str, not ",
                             none ? "None" : TypeName(heap_, byteorder)));
      return std::nullopt;
    }
    const std::string& text = StrText(heap_, byteorder);
    if (text == "little") return true;
    if (heap_.profile().special_names.made_on_first_use &&
        !interp_.session().special_names_made.contains("big")) {
      if (heap_.FindInterned("big") == kNoObject) {
        interp_.Refuse(absl::StrCat(Name(),
                                    "()'s first comparison with 'big' while no 'big' "
                                    "is interned (the identifier would stay)"));
        return std::nullopt;
      }
      MakeSpecialNameOnFirstUse("big");
    }
    if (text == "big") return false;
    Fail(PyError(PyExc::kValueError, "byteorder must be either 'little' or 'big'"));
    return std::nullopt;
  }

  // signed: PyObject_IsTrue of a bool, an int or None (others refused).
  std::optional<bool> Signed(ObjectId value) {
    if (value == kNoObject || heap_.type_of(value) == TypeTag::kNone) return false;
    if (!IsIntLike(heap_, value)) {
      interp_.Refuse(absl::StrCat(Name(), "(signed=) of a '", TypeName(heap_, value), "'"));
      return std::nullopt;
    }
    return !IntAsBig(heap_, value).is_zero();
  }

  Ref ToBytes() {
    const std::optional<IntBytesArgs> bound = Bind("length");
    if (!bound) return Ref();
    int64_t length = 1;
    if ((*bound)[0] != kNoObject) {
      const std::optional<int64_t> given = IndexArg((*bound)[0]);
      if (!given) return Ref();
      length = *given;
    }
    const std::optional<bool> little = LittleEndian((*bound)[1]);
    if (!little) return Ref();
    const std::optional<bool> is_signed = Signed((*bound)[2]);
    if (!is_signed) return Ref();
    if (length < 0)
      return Fail(PyError(PyExc::kValueError, "length argument must be non-negative"));
    const auto size = static_cast<uint64_t>(length);
    if (!Check(CheckGrowth(heap_, size, size))) return Ref();
    const BigInt value = IntAsBig(heap_, self_);
    // Unsigned: 0 <= value < 2**(8n); signed: -2**(8n-1) <= value < 2**(8n-1).
    std::optional<std::string_view> overflow;
    if (value.is_negative() && !*is_signed) {
      overflow = "can't convert negative int to unsigned";
    } else {
      const uint64_t bits =
          value.is_negative() ? (value + BigInt(1)).BitLength() : value.BitLength();
      if (bits + (*is_signed ? 1 : 0) > 8 * size) overflow = "int too big to convert";
    }
    std::string data(size, '\0');
    if (!overflow) {
      const BigInt twos =
          value.is_negative() ? BigInt::ShiftLeft(BigInt(1), 8 * size) + value : value;
      const std::vector<uint32_t> words = twos.MagnitudeWords();
      for (size_t i = 0; i < size && i / 4 < words.size(); ++i) {
        data[*little ? i : size - 1 - i] =
            static_cast<char>((words[i / 4] >> (8 * (i % 4))) & 0xff);
      }
    }
    // The bytes object comes first; it is dropped when the value does not fit.
    Ref bytes = NewBytesObject(heap_, data);
    if (overflow) {
      bytes.Reset();
      return Fail(PyError(PyExc::kOverflowError, *overflow));
    }
    return bytes;
  }

  // PyObject_Bytes(source): an exact bytes object itself, else (after the
  // __bytes__ lookup) the conversion bytes(source) makes.
  Ref SourceBytes(ObjectId source) {
    const TypeTag type = heap_.type_of(source);
    if (type == TypeTag::kBytes) return heap_.NewRef(source);
    if (type == TypeTag::kInstance || type == TypeTag::kClass) {
      interp_.Refuse("int.from_bytes() of an instance (its __bytes__ or iteration)");
      return Ref();
    }
    if (type == TypeTag::kStr || IsIntLike(heap_, source)) {
      MakeSpecialNameOnFirstUse("__bytes__");
      return TypeError(
          absl::StrCat("cannot convert '", TypeName(heap_, source), "' object to bytes"));
    }
    CallArgs args;
    args.positional.push_back(heap_.NewRef(source));
    return CallBuiltin(interp_, Builtin::kTypeBytes, kNoObject, args);
  }

  Ref FromBytes() {
    if (heap_.object(self_).subtype != static_cast<uint8_t>(Builtin::kTypeInt)) {
      interp_.Refuse("from_bytes() of a subclass of int (it calls the class with the int)");
      return Ref();
    }
    const std::optional<IntBytesArgs> bound = Bind("bytes");
    if (!bound) return Ref();
    const std::optional<bool> little = LittleEndian((*bound)[1]);
    if (!little) return Ref();
    const std::optional<bool> is_signed = Signed((*bound)[2]);
    if (!is_signed) return Ref();
    Ref bytes = SourceBytes((*bound)[0]);
    if (!bytes) return Ref();
    const std::string& data = BytesData(heap_, bytes.get());
    if (data.empty()) return NewInt(heap_, 0);
    // Most significant byte first.
    std::string big_endian(data);
    if (*little) big_endian.assign(data.rbegin(), data.rend());
    const bool negative = *is_signed && static_cast<uint8_t>(big_endian[0]) >= 0x80;
    const char insignificant = negative ? '\xff' : '\0';
    size_t skipped = 0;
    while (skipped < big_endian.size() && big_endian[skipped] == insignificant) ++skipped;
    uint64_t significant = big_endian.size() - skipped;
    if (negative && significant < big_endian.size()) ++significant;  // CPython's bump
    const auto digits =
        static_cast<uint32_t>((significant * 8 + BigInt::kDigitBits - 1) / BigInt::kDigitBits);
    std::vector<uint32_t> words((big_endian.size() + 3) / 4, 0);
    for (size_t i = 0; i < big_endian.size(); ++i) {
      const auto byte = static_cast<uint8_t>(big_endian[big_endian.size() - 1 - i]);
      words[i / 4] |= uint32_t{byte} << (8 * (i % 4));
    }
    BigInt value = BigInt::FromWords(words);
    if (negative) value = value - BigInt::ShiftLeft(BigInt(1), 8 * big_endian.size());
    // The int is made while the bytes object is alive.
    if (!heap_.profile().int_methods.from_bytes_small_cached) {
      return NewIntObject(heap_, value, digits);
    }
    if (const std::optional<int64_t> small = value.ToInt64(); small && Heap::IsSmallInt(*small)) {
      // The int it filled, freed for the cached one (maybe_small_long).
      NewIntObject(heap_, value, digits).Reset();
      return NewInt(heap_, *small);
    }
    return NewInt(heap_, value, IntRequest::Digits(digits));
  }
};

}  // namespace

bool IsIntBytesBuiltin(Builtin builtin) {
  return builtin == Builtin::kIntBitCount || builtin == Builtin::kIntToBytes ||
         builtin == Builtin::kIntFromBytes;
}

Ref CallIntBytesBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return IntBytesCall(interp, builtin, self, args).Run();
}

}  // namespace heapsim::script
