#include "server/http/connect_protocol.h"

#include <string>

#include "gtest/gtest.h"
#include "server/http/http_server.h"
#include "server/http/static_files.h"

namespace heapsim::http {
namespace {

TEST(Envelope, PrefixIsFlagsThenBigEndianLength) {
  const std::string payload(0x0102, 'x');
  const std::string envelope = Envelope(kEndStreamFlag, payload);
  ASSERT_EQ(envelope.size(), 5 + payload.size());
  EXPECT_EQ(envelope[0], '\x02');
  EXPECT_EQ(envelope.substr(1, 4), std::string("\x00\x00\x01\x02", 4));
  EXPECT_EQ(envelope.substr(5), payload);
}

TEST(Envelope, ParsesWhatItWrites) {
  const std::string two = Envelope(0, "{\"a\":1}") + Envelope(kEndStreamFlag, "{}");
  absl::StatusOr<ParsedEnvelope> first = ParseEnvelope(two);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->flags, 0);
  EXPECT_EQ(first->payload, "{\"a\":1}");
  EXPECT_EQ(first->consumed, 12u);
  absl::StatusOr<ParsedEnvelope> second = ParseEnvelope(std::string_view(two).substr(12));
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->flags, kEndStreamFlag);
  EXPECT_EQ(second->payload, "{}");
}

TEST(Envelope, EmptyPayload) {
  absl::StatusOr<ParsedEnvelope> parsed = ParseEnvelope(Envelope(0, ""));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->payload, "");
  EXPECT_EQ(parsed->consumed, 5u);
}

TEST(Envelope, ShortBuffersAreInvalid) {
  EXPECT_EQ(ParseEnvelope("").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseEnvelope(std::string("\0\0\0", 3)).status().code(),
            absl::StatusCode::kInvalidArgument);
  // Announces 16 bytes, holds 2.
  EXPECT_EQ(ParseEnvelope(std::string("\0\0\0\0\x10{}", 7)).status().code(),
            absl::StatusCode::kInvalidArgument);
  // A length near 4 GiB must not overflow the bounds check.
  EXPECT_EQ(ParseEnvelope(std::string("\0\xff\xff\xff\xff{}", 7)).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(SingleRequestMessage, UnwrapsOneEnvelope) {
  const std::string body = Envelope(0, "{\"x\":2}");  // the view points into it
  absl::StatusOr<std::string_view> message = SingleRequestMessage(body);
  ASSERT_TRUE(message.ok());
  EXPECT_EQ(*message, "{\"x\":2}");
}

TEST(SingleRequestMessage, RefusesCompressionTrailingBytesAndEndFlag) {
  EXPECT_EQ(SingleRequestMessage(Envelope(kCompressedFlag, "{}")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(SingleRequestMessage(Envelope(kEndStreamFlag, "{}")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(SingleRequestMessage(Envelope(0, "{}") + Envelope(0, "{}")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(SingleRequestMessage("{}").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(Codes, ConnectNamesAndHttpStatuses) {
  struct Row {
    absl::StatusCode code;
    const char* name;
    int http;
  };
  const Row rows[] = {
      {absl::StatusCode::kOk, "ok", 200},
      {absl::StatusCode::kCancelled, "canceled", 499},
      {absl::StatusCode::kUnknown, "unknown", 500},
      {absl::StatusCode::kInvalidArgument, "invalid_argument", 400},
      {absl::StatusCode::kDeadlineExceeded, "deadline_exceeded", 504},
      {absl::StatusCode::kNotFound, "not_found", 404},
      {absl::StatusCode::kAlreadyExists, "already_exists", 409},
      {absl::StatusCode::kPermissionDenied, "permission_denied", 403},
      {absl::StatusCode::kResourceExhausted, "resource_exhausted", 429},
      {absl::StatusCode::kFailedPrecondition, "failed_precondition", 400},
      {absl::StatusCode::kAborted, "aborted", 409},
      {absl::StatusCode::kOutOfRange, "out_of_range", 400},
      {absl::StatusCode::kUnimplemented, "unimplemented", 501},
      {absl::StatusCode::kInternal, "internal", 500},
      {absl::StatusCode::kUnavailable, "unavailable", 503},
      {absl::StatusCode::kDataLoss, "data_loss", 500},
      {absl::StatusCode::kUnauthenticated, "unauthenticated", 401},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(CodeName(row.code), row.name);
    EXPECT_EQ(HttpStatusFor(row.code), row.http) << row.name;
  }
}

TEST(ErrorJson, CodeThenEscapedMessage) {
  EXPECT_EQ(ErrorJson(absl::FailedPreconditionError("KeyError: 'a\"b'\n\x01")),
            "{\"code\":\"failed_precondition\",\"message\":\"KeyError: 'a\\\"b'\\n\\u0001\"}");
  EXPECT_EQ(ErrorJson(absl::Status(absl::StatusCode::kNotFound, "")), "{\"code\":\"not_found\"}");
}

TEST(ErrorJson, InvalidUtf8BecomesReplacementCharacters) {
  // Valid two- and three-byte characters pass; a stray byte, a cut sequence,
  // an overlong form and a surrogate do not.
  EXPECT_EQ(ErrorJson(absl::InvalidArgumentError("\xc3\xa9\xe2\x82\xac \xff \xe2\x82 \xc0\xaf "
                                                 "\xed\xa0\x80")),
            "{\"code\":\"invalid_argument\",\"message\":\"\xc3\xa9\xe2\x82\xac \\ufffd "
            "\\ufffd\\ufffd \\ufffd\\ufffd \\ufffd\\ufffd\\ufffd\"}");
}

TEST(EndStreamEnvelope, EmptyObjectOrError) {
  EXPECT_EQ(EndStreamEnvelope(absl::OkStatus()), Envelope(kEndStreamFlag, "{}"));
  EXPECT_EQ(EndStreamEnvelope(absl::ResourceExhaustedError("full")),
            Envelope(kEndStreamFlag,
                     "{\"error\":{\"code\":\"resource_exhausted\",\"message\":\"full\"}}"));
}

TEST(SplitHostPort, HostsPortsAndMistakes) {
  auto v4 = SplitHostPort("127.0.0.1:8080");
  ASSERT_TRUE(v4.ok());
  EXPECT_EQ(v4->first, "127.0.0.1");
  EXPECT_EQ(v4->second, 8080);
  auto v6 = SplitHostPort("[::1]:0");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->first, "::1");
  EXPECT_EQ(v6->second, 0);
  EXPECT_FALSE(SplitHostPort("localhost").ok());
  EXPECT_FALSE(SplitHostPort(":80").ok());
  EXPECT_FALSE(SplitHostPort("host:65536").ok());
  EXPECT_FALSE(SplitHostPort("host:http").ok());
}

TEST(StaticFiles, IndexIsCompiledIn) {
  const StaticFile* index = FindStaticFile("/index.html");
  ASSERT_NE(index, nullptr);
  EXPECT_NE(index->content.find("<title>heapsim</title>"), std::string_view::npos);
  EXPECT_EQ(ContentTypeOf("/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(FindStaticFile("/missing.html"), nullptr);
}

}  // namespace
}  // namespace heapsim::http
