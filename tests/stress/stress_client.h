// StressClient is one client of the stress tests: a channel of its own (so
// 64 clients are 64 connections), the stub on it, and helpers to make
// session calls with the session's metadata and a deadline.

#ifndef HEAPSIM_TESTS_STRESS_STRESS_CLIENT_H_
#define HEAPSIM_TESTS_STRESS_STRESS_CLIENT_H_

#include <chrono>
#include <memory>
#include <string>

#include "grpcpp/grpcpp.h"
#include "heapsim/v1/heapsim.grpc.pb.h"

namespace heapsim::stress {

namespace v1 = ::heapsim::v1;

struct SessionRef {
  std::string name;  // "sessions/<id>"; empty: none
  std::string token;
};

class StressClient {
 public:
  // A new connection to `server` (HOST:PORT); `index` keeps channels apart.
  // With `small_window`, the connection receives at most gRPC's default
  // 64 KiB ahead of what its streams read (no window growth), so a reader
  // that stops reading holds back its server at once.
  StressClient(const std::string& server, int index, bool small_window = false);

  v1::HeapService::Stub& stub() { return *stub_; }

  // A context with `deadline` from now, carrying `session`'s metadata
  // unless its name is empty.
  static std::unique_ptr<grpc::ClientContext> Context(const SessionRef& session,
                                                      std::chrono::milliseconds deadline);

  // CreateSession of `profile` with `max_steps` (0: the server's default).
  // On failure, returns a SessionRef with an empty name and sets `*status`.
  SessionRef CreateSession(const std::string& profile, uint64_t max_steps, grpc::Status* status);

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::HeapService::Stub> stub_;
};

}  // namespace heapsim::stress

#endif  // HEAPSIM_TESTS_STRESS_STRESS_CLIENT_H_
