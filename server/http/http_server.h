// HttpServer is heapd's HTTP front end, beside gRPC. It serves
//   POST /heapsim.v1.HeapService/<Method>  the API in the Connect protocol
//        with JSON (unary: application/json; server streaming:
//        application/connect+json envelopes), through a ConnectBridge, so
//        the gRPC handlers answer; the session and token travel in the
//        x-heapsim-session and x-heapsim-token headers as in gRPC metadata;
//   GET  /metrics   Prometheus' text format (CallMetrics);
//   GET  /healthz   "ok" while the server runs;
//   GET  /          the placeholder page, and /static/<file>, compiled in.
// It holds no simulation logic.

#ifndef HEAPSIM_SERVER_HTTP_HTTP_SERVER_H_
#define HEAPSIM_SERVER_HTTP_HTTP_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/http/call_metrics.h"
#include "server/http/connect_bridge.h"

namespace httplib {
class Server;
}

namespace heapsim::http {

struct HttpServerOptions {
  std::string listen;                 // HOST:PORT; port 0 picks a free one
  size_t max_body_bytes = 16 << 20;   // larger requests get 413
  int threads = 16;                   // connections served at once
};

// A host and port from "HOST:PORT" ("[::1]:8080" for IPv6). InvalidArgument
// when malformed.
absl::StatusOr<std::pair<std::string, int>> SplitHostPort(const std::string& address);

class HttpServer {
 public:
  // `bridge` and `metrics` outlive the server; `figures` is called at each
  // scrape of /metrics.
  HttpServer(ConnectBridge* bridge, CallMetrics* metrics,
             std::function<ScrapeFigures()> figures);
  ~HttpServer();

  // Binds `options.listen` and serves on a thread of its own. Unavailable
  // when the address cannot be bound; InvalidArgument when malformed.
  absl::Status Start(const HttpServerOptions& options);
  // The port bound by Start.
  int port() const { return port_; }
  // Stops serving and joins the thread; open streams end.
  void Stop();

 private:
  void Route();

  ConnectBridge* const bridge_;
  CallMetrics* const metrics_;
  const std::function<ScrapeFigures()> figures_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace heapsim::http

#endif  // HEAPSIM_SERVER_HTTP_HTTP_SERVER_H_
