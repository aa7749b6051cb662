// CallMetrics counts what heapd serves, for Prometheus: calls by method and
// status code, their latency, running Execs, and at each scrape the
// sessions, their simulated bytes and the host memory heapd holds. Calls are
// counted by a gRPC server interceptor, so gRPC and Connect (HTTP) clients,
// which reach the same handlers, are counted alike.
//
// Thread safety: every method may be called from any thread.

#ifndef HEAPSIM_SERVER_HTTP_CALL_METRICS_H_
#define HEAPSIM_SERVER_HTTP_CALL_METRICS_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/time/time.h"
#include "grpcpp/support/server_interceptor.h"
#include "grpcpp/support/status.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace heapsim::http {

// Figures sampled when /metrics is scraped.
struct ScrapeFigures {
  size_t sessions = 0;
  uint64_t live_objects = 0;
  uint64_t simulated_bytes = 0;  // the sessions' simulated footprints, summed
};

class CallMetrics {
 public:
  CallMetrics();

  // An interceptor factory for grpc::ServerBuilder::
  // experimental().SetInterceptorCreators; it records into this object,
  // which must outlive the server.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> NewInterceptorFactory();

  // Records a finished call of `method` (a gRPC path, "/package.Service/
  // Method"; paths of services heapd does not serve are counted as "other").
  void RecordCall(std::string_view method, grpc::StatusCode code, absl::Duration latency);
  // Counts Exec calls while they run.
  void ExecStarted();
  void ExecEnded();

  // The metrics in Prometheus' text exposition format (0.0.4), with
  // `figures` and the host's memory as of now.
  std::string Render(const ScrapeFigures& figures);

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& calls_;
  prometheus::Family<prometheus::Histogram>& latency_;
  prometheus::Gauge& running_execs_;
  prometheus::Gauge& sessions_;
  prometheus::Gauge& live_objects_;
  prometheus::Gauge& simulated_bytes_;
  prometheus::Gauge& host_resident_bytes_;
  prometheus::Gauge& host_malloc_bytes_;
};

// Connect's and gRPC's lower-case name of a status code ("ok",
// "invalid_argument", ...).
std::string_view StatusCodeLabel(grpc::StatusCode code);

}  // namespace heapsim::http

#endif  // HEAPSIM_SERVER_HTTP_CALL_METRICS_H_
