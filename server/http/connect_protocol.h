// The Connect protocol's wire pieces (https://connectrpc.com/docs/protocol),
// independent of any HTTP server: status codes by name and their HTTP
// statuses, the JSON error body, and the envelopes of streaming calls.

#ifndef HEAPSIM_SERVER_HTTP_CONNECT_PROTOCOL_H_
#define HEAPSIM_SERVER_HTTP_CONNECT_PROTOCOL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace heapsim::http {

// Content types of unary and streaming JSON calls.
inline constexpr char kUnaryJson[] = "application/json";
inline constexpr char kStreamJson[] = "application/connect+json";

// An envelope flag: set on the last message of a stream, which carries the
// end-of-stream JSON instead of a response.
inline constexpr uint8_t kEndStreamFlag = 0x02;
// An envelope flag for compressed messages; heapd neither sends nor accepts
// them.
inline constexpr uint8_t kCompressedFlag = 0x01;

// Connect's name for a status code ("invalid_argument", "canceled", ...;
// "ok" for kOk, "unknown" for codes outside the canonical ones).
std::string_view CodeName(absl::StatusCode code);

// The HTTP status Connect maps a status code to for unary calls (400 for
// invalid_argument, 404 for not_found, 429 for resource_exhausted, ...);
// 200 for kOk.
int HttpStatusFor(absl::StatusCode code);

// The error object {"code": ..., "message": ...} of a non-OK `status`; the
// message is omitted when empty.
std::string ErrorJson(const absl::Status& status);

// One envelope: a flags byte, the payload's length as four big-endian
// bytes, the payload.
std::string Envelope(uint8_t flags, std::string_view payload);

// The end-of-stream envelope: {} for an OK `status`, else {"error": {...}}.
std::string EndStreamEnvelope(const absl::Status& status);

struct ParsedEnvelope {
  uint8_t flags = 0;
  std::string_view payload;  // points into the parsed buffer
  size_t consumed = 0;       // bytes of the buffer the envelope took
};

// Parses the envelope at the start of `buffer`. InvalidArgument when the
// buffer is shorter than the 5-byte prefix or the length it announces.
absl::StatusOr<ParsedEnvelope> ParseEnvelope(std::string_view buffer);

// The body of a streaming request, which holds exactly one uncompressed
// envelope, unwrapped. InvalidArgument otherwise.
absl::StatusOr<std::string_view> SingleRequestMessage(std::string_view body);

}  // namespace heapsim::http

#endif  // HEAPSIM_SERVER_HTTP_CONNECT_PROTOCOL_H_
