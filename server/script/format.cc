#include "server/script/format.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/heap/float_object.h"
#include "server/heap/int_digits.h"
#include "server/heap/int_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_kind.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/unicode_writer.h"
#include "server/heap/value_ops.h"

namespace heapsim::script {

namespace {

struct Spec {
  char32_t fill = ' ';
  char align = 0;  // '<', '>', '^', '=' or 0
  char sign = 0;   // '+', '-', ' ' or 0
  bool alternate = false;
  bool zero = false;
  int64_t width = -1;
  char grouping = 0;  // ',' or '_' or 0
  int64_t precision = -1;
  char type = 0;
};

absl::StatusOr<Spec> ParseSpec(std::string_view text) {
  Spec spec;
  const std::u32string chars = DecodeUtf8(text);
  size_t i = 0;
  auto is_align = [](char32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  if (chars.size() >= 2 && is_align(chars[1])) {
    spec.fill = chars[0];
    spec.align = static_cast<char>(chars[1]);
    i = 2;
  } else if (!chars.empty() && is_align(chars[0])) {
    spec.align = static_cast<char>(chars[0]);
    i = 1;
  }
  if (i < chars.size() && (chars[i] == '+' || chars[i] == '-' || chars[i] == ' ')) {
    spec.sign = static_cast<char>(chars[i++]);
  }
  if (i < chars.size() && chars[i] == '#') {
    spec.alternate = true;
    ++i;
  }
  if (i < chars.size() && chars[i] == '0') {
    spec.zero = true;
    ++i;
  }
  auto read_number = [&](int64_t* out) {
    int64_t value = 0;
    bool any = false;
    while (i < chars.size() && chars[i] >= '0' && chars[i] <= '9') {
      value = value * 10 + (chars[i++] - '0');
      any = true;
      if (value > 1000000) return false;
    }
    if (any) *out = value;
    return true;
  };
  if (!read_number(&spec.width)) return PyError(PyExc::kValueError, "Too many decimal digits in format string");
  if (i < chars.size() && (chars[i] == ',' || chars[i] == '_')) spec.grouping = static_cast<char>(chars[i++]);
  if (i < chars.size() && chars[i] == '.') {
    ++i;
    spec.precision = -2;
    if (!read_number(&spec.precision) || spec.precision == -2) {
      return PyError(PyExc::kValueError, "Format specifier missing precision");
    }
  }
  if (i < chars.size()) spec.type = static_cast<char>(chars[i++]);
  if (i != chars.size()) return PyError(PyExc::kValueError, "Invalid format specifier");
  return spec;
}

// Inserts `separator` every three digits of the integer part of `digits`.
std::string Group(const std::string& digits, char separator) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    out += digits[i];
    const size_t left = n - 1 - i;
    if (left > 0 && left % 3 == 0) out += separator;
  }
  return out;
}

std::string Pad(const std::string& body, const Spec& spec, char default_align,
                const std::string& sign_prefix) {
  const int64_t length = static_cast<int64_t>(AnalyzeUtf8(body).length + sign_prefix.size());
  char align = spec.align != 0 ? spec.align : default_align;
  char32_t fill = spec.fill;
  if (spec.zero && spec.align == 0) {
    align = '=';
    fill = '0';
  }
  if (spec.width <= length) return sign_prefix + body;
  const int64_t padding = spec.width - length;
  std::string fill_text;
  AppendUtf8(&fill_text, fill);
  auto repeat = [&fill_text](int64_t n) {
    std::string out;
    for (int64_t k = 0; k < n; ++k) out += fill_text;
    return out;
  };
  switch (align) {
    case '<':
      return sign_prefix + body + repeat(padding);
    case '^':
      return repeat(padding / 2) + sign_prefix + body + repeat(padding - padding / 2);
    case '=':
      return sign_prefix + repeat(padding) + body;
    default:
      return repeat(padding) + sign_prefix + body;
  }
}

std::string SignPrefix(bool negative, char sign) {
  if (negative) return "-";
  if (sign == '+') return "+";
  if (sign == ' ') return " ";
  return "";
}

absl::StatusOr<std::string> FormatInt(const Heap& heap, ObjectId value, const Spec& spec) {
  BigInt number = IntAsBig(heap, value);
  const bool negative = number.is_negative();
  const BigInt magnitude = number.Abs();
  std::string digits;
  std::string prefix;
  switch (spec.type) {
    case 0:
    case 'd':
    case 'n':
      {
        absl::StatusOr<std::string> text = IntToDecimal(heap.profile().source_limits, magnitude);
        if (!text.ok()) return text.status();
        digits = *std::move(text);
      }
      break;
    case 'x':
    case 'X':
    case 'o':
    case 'b': {
      const int base = spec.type == 'o' ? 8 : spec.type == 'b' ? 2 : 16;
      BigInt rest = magnitude;
      const BigInt divisor(base);
      if (rest.is_zero()) digits = "0";
      while (!rest.is_zero()) {
        BigInt q, r;
        BigInt::DivMod(rest, divisor, &q, &r);
        const int64_t d = *r.ToInt64();
        digits.insert(digits.begin(), "0123456789abcdef"[d]);
        rest = q;
      }
      if (spec.type == 'X') {
        for (char& c : digits) c = static_cast<char>(std::toupper(c));
      }
      if (spec.alternate) prefix = spec.type == 'b' ? "0b" : spec.type == 'o' ? "0o" : spec.type == 'x' ? "0x" : "0X";
      break;
    }
    case 'c': {
      std::string out;
      AppendUtf8(&out, static_cast<char32_t>(*number.ToInt64()));
      return Pad(out, spec, '<', "");
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
      Spec as_float = spec;
      const double d = number.ToDouble();
      std::string body = FormatDouble(std::fabs(d), spec.type,
                                      spec.precision < 0 ? 6 : static_cast<int>(spec.precision),
                                      spec.alternate);
      if (spec.grouping != 0) {
        const size_t dot = body.find_first_not_of("0123456789");
        body = Group(body.substr(0, dot), spec.grouping) +
               (dot == std::string::npos ? "" : body.substr(dot));
      }
      return Pad(body, as_float, '>', SignPrefix(d < 0, spec.sign));
    }
    default:
      return PyError(PyExc::kValueError,
                     absl::StrCat("Unknown format code '", std::string(1, spec.type),
                                  "' for object of type '", TypeName(heap, value), "'"));
  }
  if (spec.grouping != 0) digits = Group(digits, spec.grouping);
  return Pad(digits, spec, '>', SignPrefix(negative, spec.sign) + prefix);
}

absl::StatusOr<std::string> FormatFloat(double value, const Spec& spec) {
  const bool negative = std::signbit(value) && !std::isnan(value);
  const double magnitude = std::fabs(value);
  std::string body;
  if (spec.type == 0 && spec.precision < 0) {
    body = FloatRepr(magnitude);
  } else if (spec.type == 0) {
    // Like 'g', but always with at least one digit after the point.
    body = FormatDouble(magnitude, 'g', static_cast<int>(spec.precision), spec.alternate);
    if (body.find_first_of(".einf") == std::string::npos) body += ".0";
  } else {
    body = FormatDouble(magnitude, spec.type, spec.precision < 0 ? 6 : static_cast<int>(spec.precision),
                        spec.alternate);
  }
  if (spec.grouping != 0) {
    const size_t end = body.find_first_not_of("0123456789");
    body = Group(body.substr(0, end), spec.grouping) +
           (end == std::string::npos ? "" : body.substr(end));
  }
  return Pad(body, spec, '>', SignPrefix(negative, spec.sign));
}

}  // namespace

std::string FormatDouble(double value, char type, int precision, bool alternate) {
  if (std::isnan(value)) return type >= 'A' && type <= 'Z' ? "NAN" : "nan";
  if (std::isinf(value)) return type >= 'A' && type <= 'Z' ? "INF" : "inf";
  if (type == '%') return FormatDouble(value * 100, 'f', precision, alternate) + "%";
  if (type == 'n') type = 'g';
  if ((type == 'g' || type == 'G') && precision == 0) precision = 1;
  const std::string format = absl::StrCat("%", alternate ? "#" : "", ".", precision,
                                          std::string(1, type));
  char buffer[512];
  std::snprintf(buffer, sizeof(buffer), format.c_str(), value);
  return buffer;
}

bool FormatBindsMethod(Heap& heap, ObjectId value, std::string_view spec) {
  const TypeTag type = heap.type_of(value);
  return !spec.empty() || (type != TypeTag::kStr && type != TypeTag::kInt);
}

Ref NewFormattedStr(Heap& heap, ObjectId value, std::string_view spec, const std::string& text) {
  if (!spec.empty() || heap.type_of(value) != TypeTag::kFloat) return NewStr(heap, text);
  return NewFloatReprStr(heap, text);
}

absl::StatusOr<std::string> FormatValue(Heap& heap, ObjectId value, std::string_view text) {
  const TypeTag type = heap.type_of(value);
  if (text.empty()) {
    return StrChecked(heap, value, static_cast<int>(heap.profile().c_recursion.format_levels));
  }
  absl::StatusOr<Spec> spec = ParseSpec(text);
  if (!spec.ok()) return spec.status();
  if (type == TypeTag::kInt || (type == TypeTag::kBool && spec->type != 0)) {
    return FormatInt(heap, value, *spec);
  }
  if (type == TypeTag::kFloat) {
    if (spec->type != 0 && std::string_view("eEfFgGn%").find(spec->type) == std::string_view::npos) {
      return PyError(PyExc::kValueError,
                     absl::StrCat("Unknown format code '", std::string(1, spec->type),
                                  "' for object of type 'float'"));
    }
    return FormatFloat(FloatValue(heap, value), *spec);
  }
  if (type == TypeTag::kStr || type == TypeTag::kBool) {
    if (spec->type != 0 && spec->type != 's') {
      return PyError(PyExc::kValueError,
                     absl::StrCat("Unknown format code '", std::string(1, spec->type),
                                  "' for object of type '", TypeName(heap, value), "'"));
    }
    std::string body = Str(heap, value);
    if (spec->precision >= 0) {
      const std::u32string chars = DecodeUtf8(body);
      if (static_cast<int64_t>(chars.size()) > spec->precision) {
        body = EncodeUtf8(std::u32string_view(chars).substr(0, spec->precision));
      }
    }
    return Pad(body, *spec, '<', "");
  }
  return PyError(PyExc::kTypeError, absl::StrCat("unsupported format string passed to ",
                                                 TypeName(heap, value), ".__format__"));
}

absl::StatusOr<Ref> ApplyConversion(Heap& heap, Ref value, char conversion) {
  if (conversion == 'r' || conversion == 'a') {
    absl::StatusOr<std::string> text = ReprChecked(heap, value.get(), 0);
    if (!text.ok()) return text.status();
    return NewStr(heap, *text);
  }
  if (conversion == 's' && heap.type_of(value.get()) != TypeTag::kStr) {
    absl::StatusOr<std::string> text =
        StrChecked(heap, value.get(), static_cast<int>(heap.profile().c_recursion.str_levels));
    if (!text.ok()) return text.status();
    return NewStr(heap, *text);
  }
  return value;
}

absl::StatusOr<PercentFormatted> PercentFormat(Heap& heap, std::string_view format_text,
                                               ObjectId args, const ShowValue& show) {
  const std::string format(format_text);
  std::vector<ObjectId> values;
  if (heap.type_of(args) == TypeTag::kTuple) {
    values = heap.tuple(args).items;
  } else {
    values.push_back(args);
  }
  size_t next = 0;
  PercentFormatted formatted;
  std::string& out = formatted.text;
  size_t literal = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      out += format[i];
      ++literal;
      continue;
    }
    if (++i >= format.size()) return PyError(PyExc::kValueError, "incomplete format");
    if (format[i] == '%') {
      out += '%';
      formatted.conversions.push_back({.literal_before = std::exchange(literal, 0),
                                       .type = '%',
                                       .last = i + 1 == format.size(),
                                       .length = 1});
      continue;
    }
    if (format[i] == '(') {
      return PyError(PyExc::kTypeError, "format requires a mapping");
    }
    bool left = false, zero = false, plus = false, space = false, alternate = false;
    for (; i < format.size(); ++i) {
      const char f = format[i];
      if (f == '-') left = true;
      else if (f == '0') zero = true;
      else if (f == '+') plus = true;
      else if (f == ' ') space = true;
      else if (f == '#') alternate = true;
      else break;
    }
    size_t width = 0;
    bool width_given = false;
    while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) {
      width = width * 10 + static_cast<size_t>(format[i++] - '0');
      width_given = true;
    }
    int precision = -1;
    if (i < format.size() && format[i] == '.') {
      precision = 0;
      ++i;
      while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) {
        precision = precision * 10 + (format[i++] - '0');
      }
    }
    if (i >= format.size()) return PyError(PyExc::kValueError, "incomplete format");
    const char conversion = format[i];
    if (next >= values.size()) {
      return PyError(PyExc::kTypeError, "not enough arguments for format string");
    }
    const ObjectId value = values[next++];
    const TypeTag type = heap.type_of(value);
    const bool number = type == TypeTag::kInt || type == TypeTag::kBool || type == TypeTag::kFloat;
    std::string body;
    bool numeric = false;
    switch (conversion) {
      case 's':
      case 'r':
      case 'a': {
        absl::StatusOr<std::string> shown =
            show ? show(value, conversion)
                 : conversion == 's' ? StrChecked(heap, value, 0) : ReprChecked(heap, value, 0);
        if (!shown.ok()) return shown.status();
        body = *std::move(shown);
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o': {
        if (!number) {
          const bool is_int_kind = conversion == 'd' || conversion == 'i' || conversion == 'u';
          return PyError(PyExc::kTypeError,
                         absl::StrCat("%", std::string(1, conversion), " format: ",
                                      is_int_kind ? absl::StrCat("a ", std::string(
                                                                           heap.profile().messages.number))
                                                  : "an integer",
                                      " is required, not ", TypeName(heap, value)));
        }
        std::string spec(1, conversion == 'i' || conversion == 'u' ? 'd' : conversion);
        if (alternate) spec = "#" + spec;
        if (type == TypeTag::kFloat) {
          if (conversion != 'd' && conversion != 'i' && conversion != 'u') {
            return PyError(PyExc::kTypeError,
                           absl::StrCat("%", std::string(1, conversion),
                                        " format: an integer is required, not float"));
          }
          const double x = FloatValue(heap, value);
          body = absl::StrCat(static_cast<int64_t>(x));
        } else {
          absl::StatusOr<std::string> text = FormatValue(heap, value, spec);
          if (!text.ok()) return text.status();
          body = *text;
        }
        numeric = true;
        break;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G': {
        if (!number) {
          return PyError(PyExc::kTypeError, absl::StrCat("must be real number, not ",
                                                         TypeName(heap, value)));
        }
        const std::string spec = absl::StrCat(alternate ? "#" : "", ".",
                                              precision < 0 ? 6 : precision,
                                              std::string(1, conversion));
        absl::StatusOr<std::string> text = FormatValue(heap, value, spec);
        if (!text.ok()) return text.status();
        body = *text;
        numeric = true;
        break;
      }
      case 'c':
        if (type == TypeTag::kStr) {
          body = Str(heap, value);
        } else {
          return PyError(PyExc::kTypeError, "%c requires int or char");
        }
        break;
      default:
        return PyError(PyExc::kValueError,
                       absl::StrFormat("unsupported format character '%c' (0x%x) at index %d",
                                       conversion, conversion, static_cast<int>(i)));
    }
    if (precision >= 0 && (conversion == 's' || conversion == 'r' || conversion == 'a') &&
        body.size() > static_cast<size_t>(precision)) {
      body.resize(static_cast<size_t>(precision));
    }
    if (numeric && body[0] != '-') {
      if (plus) body = "+" + body;
      else if (space) body = " " + body;
    }
    if (body.size() < width) {
      const size_t pad = width - body.size();
      if (left) {
        body.append(pad, ' ');
      } else if (zero && numeric) {
        const size_t sign = (body[0] == '-' || body[0] == '+' || body[0] == ' ') ? 1 : 0;
        body.insert(sign, pad, '0');
      } else {
        body.insert(0, pad, ' ');
      }
    }
    out += body;
    formatted.conversions.push_back(
        {.literal_before = std::exchange(literal, 0),
         .type = conversion,
         .flagged = width_given || precision >= 0 || plus || space,
         .last = i + 1 == format.size(),
         .value = value,
         .length = body.size()});
  }
  if (next < values.size()) {
    return PyError(PyExc::kTypeError, "not all arguments converted during string formatting");
  }
  formatted.trailing_literal = literal;
  return formatted;
}

namespace {

// Replays PyUnicode_Format's writer and temporaries for `formatted` (of an
// ASCII format), the result's block freed for the caller to make it (or
// none taken where the writer's only write was a whole str, the result).
// Returns false where heapsim does not follow them.
bool ReplayWriter(Heap& heap, size_t format_length, const PercentFormatted& formatted) {
  UnicodeWriterModel writer(heap, format_length + 100);
  // An empty write takes no buffer; a first and last one of a whole str
  // takes that str as it is (_PyUnicodeWriter_WriteStr).
  const auto write = [&writer](size_t length) {
    if (length > 0) writer.Write(length);
  };
  for (const PercentConversion& c : formatted.conversions) {
    write(c.literal_before);
    if (c.last) writer.StopOverallocating();
    const bool alone = c.last && writer.written() == 0;
    if (c.type == '%') {
      write(1);
      continue;
    }
    const TypeTag type = heap.type_of(c.value);
    if (c.type == 's' && type == TypeTag::kStr) {
      const std::string_view text = StrText(heap, c.value);
      if (!IsAsciiText(text)) return false;
      if (!alone || c.length != text.size()) write(c.length);
      continue;
    }
    if (c.flagged) return false;
    const bool int_digits = type == TypeTag::kInt &&
                            (c.type == 'd' || c.type == 'i' || c.type == 'u' ||
                             (c.type == 's' && heap.profile().percent_s_int_fast_path));
    if (int_digits) {
      // _PyLong_FormatWriter: the digits go straight into the buffer,
      // computed in a scratch int alive meanwhile.
      const uint64_t scratch = AllocateDecimalScratch(heap, c.value);
      write(c.length);
      heap.FreeBuffer(scratch);
      continue;
    }
    if (c.type != 's' || (type != TypeTag::kInt && type != TypeTag::kFloat)) return false;
    // str() of the value, written, then dropped; written alone it is the
    // result itself.
    const uint64_t helper =
        type == TypeTag::kInt
            ? AllocateDecimalScratch(heap, c.value)
            : heap.AllocateBuffer(FloatReprBufferRequest(FloatRepr(FloatValue(heap, c.value))));
    const uint64_t str = heap.AllocateBuffer(
        StrRequest(heap.profile(), static_cast<uint32_t>(c.length), StrKind::kAscii));
    heap.FreeBuffer(helper);
    if (!alone) write(c.length);
    heap.FreeBuffer(str);
  }
  // A format of text alone is written whole: it is the result.
  writer.StopOverallocating();
  if (!formatted.conversions.empty()) write(formatted.trailing_literal);
  heap.FreeBuffer(writer.Finish());
  return true;
}

}  // namespace

Ref PercentFormatResult(Heap& heap, ObjectId format, const PercentFormatted& formatted) {
  const std::string_view format_text = StrText(heap, format);
  if (!IsAsciiText(format_text) || !ReplayWriter(heap, format_text.size(), formatted)) {
    heap.tracemalloc().NoteUnknownPeak(
        "a printf-style format (a % conversion, argument or text whose blocks heapsim does not "
        "follow)");
  }
  if (formatted.conversions.empty() && !formatted.text.empty()) return heap.NewRef(format);
  if (formatted.conversions.size() == 1 && formatted.conversions[0].literal_before == 0 &&
      formatted.trailing_literal == 0) {
    const PercentConversion& c = formatted.conversions[0];
    if (c.type == 's' && heap.type_of(c.value) == TypeTag::kStr &&
        StrText(heap, c.value) == formatted.text) {
      return heap.NewRef(c.value);
    }
  }
  return NewStrObject(heap, formatted.text);
}

}  // namespace heapsim::script
