// A Session is one client's simulated interpreter: a Runtime of a chosen
// profile, its limits and secret token, and the hub its statistics watchers
// wait on. SessionRegistry owns the sessions of one server.
//
// Thread safety: a Session's Runtime is guarded by its own mutex, so calls
// on different sessions run in parallel and calls on one session run one
// at a time. The registry is safe to use from any thread.

#ifndef HEAPSIM_SERVER_SERVICE_SESSION_H_
#define HEAPSIM_SERVER_SERVICE_SESSION_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/heap/host_memory.h"
#include "server/heap/profile.h"
#include "server/script/runtime.h"
#include "server/service/stats_hub.h"

namespace heapsim::service {

struct SessionLimits {
  uint64_t max_objects = 0;  // 0: none
  uint64_t max_bytes = 0;
  absl::Duration idle_timeout = absl::ZeroDuration();  // zero: never expires
  uint64_t max_steps = 0;
  // Wall clock per call; zero: none.
  absl::Duration exec_time = absl::ZeroDuration();  // an Exec
  absl::Duration call_time = absl::ZeroDuration();  // a structured call
  uint64_t max_output_bytes = 0;                    // an Exec's stdout; 0: none
};

// What one call on a session is: a script run or a structured operation.
enum class CallKind { kExec, kStructured };

class Session {
 public:
  // `host_memory` (may be null) is the server's budget its calls run within.
  Session(std::string name, std::string token, const Profile& profile, SessionLimits limits,
          HostMemory* host_memory = nullptr);
  // Frees the heap; a big one's freed host memory goes back to the system.
  ~Session();

  const std::string& name() const { return name_; }
  const std::string& token() const { return token_; }
  const Profile& profile() const { return profile_; }
  const SessionLimits& limits() const { return limits_; }
  absl::Time create_time() const { return create_time_; }
  // Live objects of a new session of this profile (builtins, modules...).
  uint64_t baseline_objects() const { return baseline_objects_; }
  StatsHub& hub() { return hub_; }

  // The interpreter; hold mu() while using it.
  std::mutex& mu() { return mu_; }
  script::Runtime& runtime() { return *runtime_; }
  // Replaces the interpreter (a batch's copy, once it succeeded). Hold mu().
  void ReplaceRuntime(std::unique_ptr<script::Runtime> runtime) {
    runtime_ = std::move(runtime);
  }

  // The limits one call of `kind` runs under: the session's, ending at
  // `client_deadline` or when `interrupted` returns an error.
  script::RunLimits CallLimits(CallKind kind, absl::Time client_deadline,
                               std::function<absl::Status()> interrupted) const;

  // ResourceExhausted when the server's host memory budget is spent (calls
  // that can grow the heap are refused then), else OK.
  absl::Status CheckHostMemory() const;

  // The heap's live objects and frames as of the last NoteHeap, readable
  // without waiting for a busy session.
  uint64_t live_objects() const { return live_objects_.load(std::memory_order_relaxed); }
  uint32_t frames() const { return frames_.load(std::memory_order_relaxed); }
  // The simulated process's footprint in bytes as of the last NoteHeap.
  uint64_t footprint_bytes() const { return footprint_bytes_.load(std::memory_order_relaxed); }
  // Records the heap's figures for live_objects() and frames(), after a
  // call; when the call grew the heap far and freed most of it, returns the
  // freed host memory to the system. Hold mu().
  void NoteHeap();

  // Records use now (idle expiry counts from the last use).
  void Touch();
  absl::Time last_used() const;

 private:
  const std::string name_;
  const std::string token_;
  const Profile& profile_;
  const SessionLimits limits_;
  const absl::Time create_time_;
  HostMemory* const host_memory_;
  StatsHub hub_;
  uint64_t baseline_objects_ = 0;

  // std::mutex rather than absl::Mutex in this layer: ThreadSanitizer cannot
  // see inside Debian's uninstrumented Abseil, so only these locks let it
  // check the service.
  std::mutex mu_;
  std::unique_ptr<script::Runtime> runtime_;  // guarded by mu_
  std::atomic<uint64_t> live_objects_{0};
  std::atomic<uint32_t> frames_{0};
  std::atomic<uint64_t> footprint_bytes_{0};
  std::atomic<int64_t> last_used_ns_;  // Unix time
};

class SessionRegistry {
 public:
  // At most `max_sessions` live at once (0: no limit); sessions run within
  // `host_memory` (may be null: no budget) and none is made when it is spent.
  explicit SessionRegistry(size_t max_sessions, HostMemory* host_memory = nullptr)
      : max_sessions_(max_sessions), host_memory_(host_memory) {}

  // Makes a session. `id` may be empty (the registry picks one) or a
  // client-chosen routing key [a-z0-9-]{1,63}. Errors: InvalidArgument for
  // a bad id or profile, AlreadyExists, ResourceExhausted when full or when
  // the host memory budget is spent.
  absl::StatusOr<std::shared_ptr<Session>> Create(const std::string& profile,
                                                  SessionLimits limits, const std::string& id);

  // A session for one call only (an Exec without a session), not listed.
  // Errors as for Create.
  absl::StatusOr<std::shared_ptr<Session>> CreateUnlisted(const std::string& profile,
                                                          SessionLimits limits);

  // The session `name` if `token` is its token. NotFound for an unknown
  // name; PermissionDenied for a wrong token.
  absl::StatusOr<std::shared_ptr<Session>> Find(const std::string& name,
                                                const std::string& token) const;

  // The sessions whose token is one of `tokens`, by name.
  std::vector<std::shared_ptr<Session>> ListFor(const std::vector<std::string>& tokens) const;

  // Removes a session (same errors as Find) and ends its watches.
  absl::Status Delete(const std::string& name, const std::string& token);

  // Removes sessions idle past their timeout; returns their names.
  std::vector<std::string> ExpireIdle(absl::Time now);

  // Removes every session and ends every watch (shutdown); returns their
  // names.
  std::vector<std::string> Clear();

  size_t size() const;

  // Figures over every session, as of each session's last NoteHeap.
  struct Totals {
    size_t sessions = 0;
    uint64_t live_objects = 0;
    uint64_t footprint_bytes = 0;
  };
  Totals totals() const;

 private:
  // ResourceExhausted when the host memory budget cannot hold a session.
  absl::Status CheckHostRoom() const;

  const size_t max_sessions_;
  HostMemory* const host_memory_;
  mutable std::shared_mutex mu_;
  absl::flat_hash_map<std::string, std::shared_ptr<Session>> sessions_;  // guarded by mu_
  uint64_t next_id_ = 1;                                                 // guarded by mu_
};

}  // namespace heapsim::service

#endif  // HEAPSIM_SERVER_SERVICE_SESSION_H_
