#include "server/http/connect_protocol.h"

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace heapsim::http {

namespace {

constexpr size_t kPrefixBytes = 5;

// The length of the valid UTF-8 sequence at the start of `text`, or 0.
size_t Utf8SequenceLength(std::string_view text) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  size_t length = 0;
  uint32_t code_point = 0;
  if (lead < 0x80) return 1;
  if ((lead & 0xe0) == 0xc0) {
    length = 2;
    code_point = lead & 0x1f;
  } else if ((lead & 0xf0) == 0xe0) {
    length = 3;
    code_point = lead & 0x0f;
  } else if ((lead & 0xf8) == 0xf0) {
    length = 4;
    code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i) & 0x3f);
  }
  static constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code_point < kSmallest[length] || code_point > 0x10ffff ||
      (code_point >= 0xd800 && code_point <= 0xdfff)) {
    return 0;
  }
  return length;
}

// `text` as a JSON string literal; bytes that are not valid UTF-8 become
// U+FFFD.
std::string JsonQuote(std::string_view text) {
  std::string out = "\"";
  while (!text.empty()) {
    const size_t length = Utf8SequenceLength(text);
    if (length == 0) {
      out += "\\ufffd";
      text.remove_prefix(1);
      continue;
    }
    if (length > 1) {
      out.append(text.data(), length);
      text.remove_prefix(length);
      continue;
    }
    const char c = text.front();
    text.remove_prefix(1);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += absl::StrFormat("\\u%04x", static_cast<unsigned char>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  out += "\"";
  return out;
}

}  // namespace

std::string_view CodeName(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk: return "ok";
    case absl::StatusCode::kCancelled: return "canceled";
    case absl::StatusCode::kUnknown: return "unknown";
    case absl::StatusCode::kInvalidArgument: return "invalid_argument";
    case absl::StatusCode::kDeadlineExceeded: return "deadline_exceeded";
    case absl::StatusCode::kNotFound: return "not_found";
    case absl::StatusCode::kAlreadyExists: return "already_exists";
    case absl::StatusCode::kPermissionDenied: return "permission_denied";
    case absl::StatusCode::kResourceExhausted: return "resource_exhausted";
    case absl::StatusCode::kFailedPrecondition: return "failed_precondition";
    case absl::StatusCode::kAborted: return "aborted";
    case absl::StatusCode::kOutOfRange: return "out_of_range";
    case absl::StatusCode::kUnimplemented: return "unimplemented";
    case absl::StatusCode::kInternal: return "internal";
    case absl::StatusCode::kUnavailable: return "unavailable";
    case absl::StatusCode::kDataLoss: return "data_loss";
    case absl::StatusCode::kUnauthenticated: return "unauthenticated";
    default: return "unknown";
  }
}

int HttpStatusFor(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk: return 200;
    case absl::StatusCode::kCancelled: return 499;
    case absl::StatusCode::kInvalidArgument: return 400;
    case absl::StatusCode::kDeadlineExceeded: return 504;
    case absl::StatusCode::kNotFound: return 404;
    case absl::StatusCode::kAlreadyExists: return 409;
    case absl::StatusCode::kPermissionDenied: return 403;
    case absl::StatusCode::kResourceExhausted: return 429;
    case absl::StatusCode::kFailedPrecondition: return 400;
    case absl::StatusCode::kAborted: return 409;
    case absl::StatusCode::kOutOfRange: return 400;
    case absl::StatusCode::kUnimplemented: return 501;
    case absl::StatusCode::kUnavailable: return 503;
    case absl::StatusCode::kUnauthenticated: return 401;
    default: return 500;  // unknown, internal, data_loss
  }
}

std::string ErrorJson(const absl::Status& status) {
  std::string json = absl::StrCat("{\"code\":", JsonQuote(CodeName(status.code())));
  if (!status.message().empty()) {
    absl::StrAppend(&json, ",\"message\":",
                    JsonQuote(std::string_view(status.message().data(), status.message().size())));
  }
  return json + "}";
}

std::string Envelope(uint8_t flags, std::string_view payload) {
  const auto length = static_cast<uint32_t>(payload.size());
  std::string out;
  out.reserve(kPrefixBytes + payload.size());
  out.push_back(static_cast<char>(flags));
  for (int shift = 24; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((length >> shift) & 0xff));
  }
  out.append(payload.data(), payload.size());
  return out;
}

std::string EndStreamEnvelope(const absl::Status& status) {
  if (status.ok()) return Envelope(kEndStreamFlag, "{}");
  return Envelope(kEndStreamFlag, absl::StrCat("{\"error\":", ErrorJson(status), "}"));
}

absl::StatusOr<ParsedEnvelope> ParseEnvelope(std::string_view buffer) {
  if (buffer.size() < kPrefixBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("an envelope needs a 5-byte prefix; got ", buffer.size(), " bytes"));
  }
  uint32_t length = 0;
  for (size_t i = 1; i < kPrefixBytes; ++i) {
    length = (length << 8) | static_cast<uint8_t>(buffer[i]);
  }
  if (buffer.size() - kPrefixBytes < length) {
    return absl::InvalidArgumentError(absl::StrCat("the envelope announces ", length,
                                                   " bytes but holds ",
                                                   buffer.size() - kPrefixBytes));
  }
  ParsedEnvelope envelope;
  envelope.flags = static_cast<uint8_t>(buffer[0]);
  envelope.payload = buffer.substr(kPrefixBytes, length);
  envelope.consumed = kPrefixBytes + length;
  return envelope;
}

absl::StatusOr<std::string_view> SingleRequestMessage(std::string_view body) {
  absl::StatusOr<ParsedEnvelope> envelope = ParseEnvelope(body);
  if (!envelope.ok()) return envelope.status();
  if (envelope->flags != 0) {
    return absl::InvalidArgumentError(
        (envelope->flags & kCompressedFlag) != 0
            ? "compressed request messages are not supported"
            : absl::StrCat("unexpected envelope flags ", envelope->flags, " on a request"));
  }
  if (envelope->consumed != body.size()) {
    return absl::InvalidArgumentError("a server-streaming request holds exactly one message");
  }
  return envelope->payload;
}

}  // namespace heapsim::http
