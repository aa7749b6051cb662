// str.encode and bytes/bytearray.decode with the codecs CPython serves
// without its codec registry (UTF-8, ASCII, Latin-1): one new object of the
// result's size, or the shared empty and one-character objects. What would
// go through CPython's incremental writers (decoding non-ASCII UTF-8,
// encoding long non-ASCII text), other codecs and encoding errors are
// refused.

#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/heap/bytes_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_kind.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/parser_keywords.h"
#include "server/script/builtins.h"

namespace heapsim::script {

namespace {

enum class Codec { kUtf8, kAscii, kLatin1 };

// The codec an encoding name selects on CPython's fast path: the name
// lowercased, every other character than a letter or digit made '_'.
std::optional<Codec> FastCodec(const std::string& name) {
  std::string normal;
  for (char c : name) normal += absl::ascii_isalnum(c) ? absl::ascii_tolower(c) : '_';
  if (normal == "utf_8" || normal == "utf8") return Codec::kUtf8;
  if (normal == "ascii" || normal == "us_ascii") return Codec::kAscii;
  if (normal == "latin1" || normal == "latin_1" || normal == "iso_8859_1" ||
      normal == "iso8859_1") {
    return Codec::kLatin1;
  }
  return std::nullopt;
}

// The code points of valid UTF-8 text, for Latin-1 encoding.
bool ToLatin1(const std::string& utf8, std::string* out) {
  for (size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<uint8_t>(utf8[i]);
    if (lead < 0x80) {
      *out += static_cast<char>(lead);
      ++i;
    } else if (lead < 0xE0 && i + 1 < utf8.size()) {
      const uint32_t point = ((lead & 0x1F) << 6) | (static_cast<uint8_t>(utf8[i + 1]) & 0x3F);
      if (point > 0xFF) return false;
      *out += static_cast<char>(point);
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

class CodecCall : public BuiltinCall {
 public:
  using BuiltinCall::BuiltinCall;

  Ref Run() {
    MakeParserKeywords(interp_,
                       builtin_ == Builtin::kStrEncode                  ? "str.encode"
                       : heap_.type_of(self_) == TypeTag::kByteArray ? "bytearray.decode"
                                                                       : "bytes.decode",
                       {"encoding", "errors"}, heap_.profile().clinic_keywords,
                       !args_.keywords.empty());
    std::optional<Codec> codec = Arguments();
    if (!codec) return Ref();
    return builtin_ == Builtin::kStrEncode ? Encode(*codec) : Decode(*codec);
  }

 private:
  const char* Name() const { return builtin_ == Builtin::kStrEncode ? "encode" : "decode"; }

  // Reads (encoding='utf-8', errors='strict'), raising CPython's errors.
  std::optional<Codec> Arguments() {
    static constexpr std::string_view kNames[] = {"encoding", "errors"};
    if (args_.positional.size() > 2) {
      TypeError(absl::StrCat(Name(), "() takes at most 2 arguments (", args_.positional.size(),
                             " given)"));
      return std::nullopt;
    }
    ObjectId values[2] = {kNoObject, kNoObject};
    for (size_t i = 0; i < args_.positional.size(); ++i) values[i] = Arg(i);
    for (const auto& [name, value] : args_.keywords) {
      size_t index = 0;
      while (index < 2 && kNames[index] != name) ++index;
      if (index == 2) {
        TypeError(heap_.profile().messages.clinic_keyword_names_function
                      ? absl::StrCat(Name(), "() got an unexpected keyword argument '", name, "'")
                      : absl::StrCat("'", name, "' is an invalid keyword argument for ", Name(),
                                     "()"));
        return std::nullopt;
      }
      if (values[index] != kNoObject) {
        interp_.Refuse(absl::StrCat(Name(), "() given an argument both by position and by name"));
        return std::nullopt;
      }
      values[index] = value.get();
    }
    for (size_t i = 0; i < 2; ++i) {
      if (values[i] != kNoObject && heap_.type_of(values[i]) != TypeTag::kStr) {
        // Argument Clinic names None by its value, other objects by type.
        const bool none = heap_.type_of(values[i]) == TypeTag::kNone;
        TypeError(absl::StrCat(Name(), "() argument '", std::string(kNames[i]),
                               "' must be str, not ", none ? "None" : TypeName(heap_, values[i])));
        return std::nullopt;
      }
    }
    if (values[0] == kNoObject) return Codec::kUtf8;
    const std::string& encoding = StrText(heap_, values[0]);
    const std::optional<Codec> codec = FastCodec(encoding);
    if (!codec) {
      interp_.Refuse(absl::StrCat("the codec '", encoding,
                                  "' (only UTF-8, ASCII and Latin-1 are modelled)"));
    }
    return codec;
  }

  void RefuseError(const std::string& error) {
    interp_.Refuse(absl::StrCat("a ", error, " (Unicode error objects are not modelled)"));
  }

  Ref Encode(Codec codec) {
    const std::string& text = StrText(heap_, self_);
    if (IsAsciiText(text)) return NewBytes(heap_, text);
    if (codec == Codec::kAscii) {
      RefuseError("UnicodeEncodeError");
      return Ref();
    }
    if (codec == Codec::kLatin1) {
      std::string data;
      if (!ToLatin1(text, &data)) {
        RefuseError("UnicodeEncodeError");
        return Ref();
      }
      return NewBytes(heap_, data);
    }
    // UTF-8 of non-ASCII text: CPython copies the str's cached UTF-8 when
    // it has one; otherwise it encodes into a 512-byte buffer on its stack
    // when the worst case fits (2, 3 or 4 bytes a character for the str's
    // kind), else into an over-allocated bytes object it shrinks.
    const StrBody& str = heap_.str(self_);
    const uint64_t per_char = str.kind == StrKind::kLatin1 ? 2 : str.kind == StrKind::kUcs2 ? 3 : 4;
    if (!str.utf8_cached && str.length * per_char > 512) {
      interp_.Refuse(
          "str.encode() of non-ASCII text of more than 512 bytes' worst case (CPython's "
          "over-allocated buffer is not modelled)");
      return Ref();
    }
    return NewBytes(heap_, text);
  }

  Ref Decode(Codec codec) {
    const std::string& data = BytesData(heap_, self_);
    if (IsAsciiText(data)) return NewStr(heap_, data);
    if (codec == Codec::kLatin1) {
      std::string text;
      for (char c : data) {
        const auto byte = static_cast<uint8_t>(c);
        if (byte < 0x80) {
          text += c;
        } else {
          text += static_cast<char>(0xC0 | (byte >> 6));
          text += static_cast<char>(0x80 | (byte & 0x3F));
        }
      }
      return NewStr(heap_, text);
    }
    if (codec == Codec::kAscii) {
      RefuseError("UnicodeDecodeError");
      return Ref();
    }
    interp_.Refuse(
        "bytes.decode() of non-ASCII UTF-8 (CPython's incremental writer is not modelled)");
    return Ref();
  }
};

// `text` with each non-ASCII character escaped as \xNN, \uNNNN or
// \UNNNNNNNN (the backslashreplace error handler).
std::string BackslashReplace(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<uint8_t>(text[i]);
    if (lead < 0x80) {
      out += text[i++];
      continue;
    }
    const size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    uint32_t point = lead & (0x7F >> length);
    for (size_t k = 1; k < length && i + k < text.size(); ++k) {
      point = (point << 6) | (static_cast<uint8_t>(text[i + k]) & 0x3F);
    }
    i += length;
    out += point < 0x100     ? absl::StrFormat("\\x%02x", point)
           : point < 0x10000 ? absl::StrFormat("\\u%04x", point)
                             : absl::StrFormat("\\U%08x", point);
  }
  return out;
}

}  // namespace

Ref AsciiOfRepr(Interpreter& interp, Ref repr) {
  Heap& heap = interp.heap();
  const std::string& text = StrText(heap, repr.get());
  if (IsAsciiText(text)) return repr;
  // CPython encodes into a 512-byte buffer on its stack while the escaped
  // text fits, frees the repr, makes the bytes, decodes them into the new
  // str and frees the bytes.
  const std::string escaped = BackslashReplace(text);
  if (escaped.size() > 512) {
    interp.Refuse(
        "ascii() of a repr whose escaped text passes 512 bytes (CPython's over-allocated "
        "buffer is not modelled)");
    return Ref();
  }
  Ref bytes = NewBytes(heap, escaped);
  repr.Reset();
  Ref result = NewStr(heap, escaped);
  bytes.Reset();
  return result;
}

Ref CallCodecMethod(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return CodecCall(interp, builtin, self, args).Run();
}

}  // namespace heapsim::script
