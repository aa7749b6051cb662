#include "server/http/http_server.h"

#include <httplib.h>

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "server/http/connect_protocol.h"
#include "server/http/static_files.h"

namespace heapsim::http {

namespace {

// The headers carried to gRPC as metadata (server/service/heap_service.h).
constexpr const char* kForwardedHeaders[] = {"x-heapsim-session", "x-heapsim-token"};
constexpr char kTimeoutHeader[] = "Connect-Timeout-Ms";
constexpr char kServicePrefix[] = "/heapsim.v1.HeapService/";

// The media type of a Content-Type header, lower-cased, without parameters.
std::string MediaType(const httplib::Request& request) {
  std::string type = request.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  absl::StripAsciiWhitespace(&type);
  absl::AsciiStrToLower(&type);
  return type;
}

void SendError(const absl::Status& status, httplib::Response& response) {
  response.status = HttpStatusFor(status.code());
  response.set_content(ErrorJson(status), kUnaryJson);
}

absl::StatusOr<CallOptions> OptionsOf(const httplib::Request& request) {
  CallOptions options;
  for (const char* header : kForwardedHeaders) {
    if (request.has_header(header)) {
      options.metadata.emplace_back(header, request.get_header_value(header));
    }
  }
  if (request.has_header(kTimeoutHeader)) {
    const std::string text = request.get_header_value(kTimeoutHeader);
    uint64_t milliseconds = 0;
    // Connect allows at most 10 digits.
    if (text.empty() || text.size() > 10 || !absl::SimpleAtoi(text, &milliseconds)) {
      return absl::InvalidArgumentError(
          absl::StrCat(kTimeoutHeader, " must be 1 to 10 digits; got \"", text, "\""));
    }
    options.timeout = absl::Milliseconds(static_cast<int64_t>(milliseconds));
  }
  return options;
}

}  // namespace

absl::StatusOr<std::pair<std::string, int>> SplitHostPort(const std::string& address) {
  const size_t colon = address.rfind(':');
  int port = 0;
  if (colon == std::string::npos || !absl::SimpleAtoi(address.substr(colon + 1), &port) ||
      port < 0 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected HOST:PORT, got \"", address, "\""));
  }
  std::string host = address.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (host.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("no host in \"", address, "\""));
  }
  return std::make_pair(host, port);
}

HttpServer::HttpServer(ConnectBridge* bridge, CallMetrics* metrics,
                       std::function<ScrapeFigures()> figures)
    : bridge_(bridge), metrics_(metrics), figures_(std::move(figures)),
      server_(std::make_unique<httplib::Server>()) {}

HttpServer::~HttpServer() { Stop(); }

void HttpServer::Route() {
  server_->Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("ok\n", "text/plain; charset=utf-8");
  });

  server_->Get("/metrics", [this](const httplib::Request&, httplib::Response& response) {
    response.set_content(metrics_->Render(figures_()), "text/plain; version=0.0.4; charset=utf-8");
  });

  const auto serve_static = [](std::string_view path, httplib::Response& response) {
    const StaticFile* file = FindStaticFile(path);
    if (file == nullptr) {
      response.status = 404;
      response.set_content("not found\n", "text/plain; charset=utf-8");
      return;
    }
    response.set_content(std::string(file->content), std::string(ContentTypeOf(path)));
  };
  server_->Get("/", [serve_static](const httplib::Request&, httplib::Response& response) {
    serve_static("/index.html", response);
  });
  server_->Get(R"(/static(/[A-Za-z0-9_./-]+))",
               [serve_static](const httplib::Request& request, httplib::Response& response) {
                 serve_static(request.matches[1].str(), response);
               });

  server_->Post(R"(/([^/]+)/([^/]+))", [this](const httplib::Request& request,
                                               httplib::Response& response) {
    const google::protobuf::MethodDescriptor* method =
        request.path.starts_with(kServicePrefix) ? bridge_->FindMethod(request.matches[2].str())
                                                 : nullptr;
    if (method == nullptr) {
      SendError(absl::UnimplementedError(absl::StrCat("no procedure ", request.path)), response);
      response.status = 404;  // Connect: an unknown procedure is not found
      return;
    }
    const bool streaming = method->server_streaming();
    const char* expected = streaming ? kStreamJson : kUnaryJson;
    if (MediaType(request) != expected) {
      SendError(absl::InvalidArgumentError(absl::StrCat(
                    method->name(), " takes Content-Type ", expected, "; got \"",
                    request.get_header_value("Content-Type"), "\"")),
                response);
      response.status = 415;
      response.set_header("Accept-Post", expected);
      return;
    }
    absl::StatusOr<CallOptions> options = OptionsOf(request);
    if (!streaming) {
      absl::StatusOr<std::string> answer =
          options.ok() ? bridge_->CallUnary(*method, request.body, *options)
                       : absl::StatusOr<std::string>(options.status());
      if (!answer.ok()) return SendError(answer.status(), response);
      response.set_content(*std::move(answer), kUnaryJson);
      return;
    }
    // A stream answers 200 and carries its outcome in the end-of-stream
    // envelope.
    absl::Status early = options.status();
    std::string message;
    if (early.ok()) {
      absl::StatusOr<std::string_view> unwrapped = SingleRequestMessage(request.body);
      if (unwrapped.ok()) {
        message = std::string(*unwrapped);
      } else {
        early = unwrapped.status();
      }
    }
    response.set_chunked_content_provider(
        kStreamJson, [this, method, early, message = std::move(message),
                      options = std::move(options)](size_t, httplib::DataSink& sink) {
          absl::Status status = early;
          if (status.ok()) {
            status = bridge_->CallStreaming(
                *method, message, *options,
                [&sink](std::string json) {
                  const std::string envelope = Envelope(0, json);
                  return sink.write(envelope.data(), envelope.size());
                },
                [&sink]() { return !sink.is_writable(); });
          }
          const std::string end = EndStreamEnvelope(status);
          sink.write(end.data(), end.size());
          sink.done();
          return true;
        });
  });
}

absl::Status HttpServer::Start(const HttpServerOptions& options) {
  absl::StatusOr<std::pair<std::string, int>> address = SplitHostPort(options.listen);
  if (!address.ok()) return address.status();
  const int threads = options.threads;
  server_->new_task_queue = [threads]() { return new httplib::ThreadPool(threads); };
  server_->set_payload_max_length(options.max_body_bytes);
  Route();
  const auto& [host, port] = *address;
  if (port == 0) {
    port_ = server_->bind_to_any_port(host);
  } else if (server_->bind_to_port(host, port)) {
    port_ = port;
  }
  if (port_ <= 0) {
    port_ = 0;
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options.listen));
  }
  thread_ = std::thread([this]() { server_->listen_after_bind(); });
  return absl::OkStatus();
}

void HttpServer::Stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

}  // namespace heapsim::http
