#include "server/service/session.h"

#include <algorithm>
#include <random>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace heapsim::service {

namespace {

// A heap that grew past this (and, after a call, gave this much back) has
// the host memory it freed returned to the system.
constexpr uint64_t kReleaseAfterBytes = uint64_t{64} << 20;

std::string NewToken() {
  std::random_device device;
  std::string token;
  for (int i = 0; i < 4; ++i) absl::StrAppend(&token, absl::Hex(device(), absl::kZeroPad8));
  return token;
}

// Host memory a new session takes (its interpreter, builtins and modules).
constexpr uint64_t kSessionHostBytes = 1 << 20;

bool ValidId(const std::string& id) {
  if (id.empty() || id.size() > 63) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Compares tokens in time independent of where they differ.
bool SameToken(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

Session::Session(std::string name, std::string token, const Profile& profile,
                 SessionLimits limits, HostMemory* host_memory)
    : name_(std::move(name)),
      token_(std::move(token)),
      profile_(profile),
      limits_(limits),
      create_time_(absl::Now()),
      host_memory_(host_memory),
      runtime_(std::make_unique<script::Runtime>(profile)),
      last_used_ns_(absl::GetCurrentTimeNanos()) {
  baseline_objects_ = runtime_->heap().live_objects();
  std::lock_guard<std::mutex> lock(mu_);
  NoteHeap();
}

script::RunLimits Session::CallLimits(CallKind kind, absl::Time client_deadline,
                                      std::function<absl::Status()> interrupted) const {
  script::RunLimits limits;
  limits.max_steps = limits_.max_steps;
  limits.max_bytes = limits_.max_bytes;
  limits.max_time = kind == CallKind::kExec ? limits_.exec_time : limits_.call_time;
  if (kind == CallKind::kExec) limits.max_output_bytes = limits_.max_output_bytes;
  limits.client_deadline = client_deadline;
  limits.interrupted = std::move(interrupted);
  limits.host_memory = host_memory_;
  return limits;
}

absl::Status Session::CheckHostMemory() const {
  if (host_memory_ == nullptr || host_memory_->Allows(0)) return absl::OkStatus();
  return absl::ResourceExhaustedError(
      absl::StrCat("the server's host memory budget of ", host_memory_->max_bytes(),
                   " bytes is spent; only calls that free or read are served now"));
}

Session::~Session() {
  const Allocator& allocator = runtime_->heap().allocator();
  const bool was_big = std::max(allocator.peak_footprint(), allocator.footprint()) >
                       kReleaseAfterBytes;
  runtime_.reset();
  if (was_big) HostMemory::ReleaseFreePages();
}

void Session::NoteHeap() {
  live_objects_.store(runtime_->heap().live_objects(), std::memory_order_relaxed);
  frames_.store(static_cast<uint32_t>(runtime_->heap().frames().depth()),
                std::memory_order_relaxed);
  Allocator& allocator = runtime_->heap().allocator();
  footprint_bytes_.store(allocator.footprint(), std::memory_order_relaxed);
  // A call that grew the heap far and gave most of it back returns the
  // host memory it freed: the process's allocator would keep it otherwise.
  if (allocator.peak_footprint() > allocator.footprint() + kReleaseAfterBytes) {
    HostMemory::ReleaseFreePages();
  }
  allocator.ResetPeakFootprint();
}

void Session::Touch() {
  last_used_ns_.store(absl::GetCurrentTimeNanos(), std::memory_order_relaxed);
}

absl::Time Session::last_used() const {
  return absl::FromUnixNanos(last_used_ns_.load(std::memory_order_relaxed));
}

absl::StatusOr<std::shared_ptr<Session>> SessionRegistry::Create(const std::string& profile,
                                                                 SessionLimits limits,
                                                                 const std::string& id) {
  absl::StatusOr<const Profile*> found = FindProfile(profile);
  if (!found.ok()) return found.status();
  if (!id.empty() && !ValidId(id)) {
    return absl::InvalidArgumentError(
        absl::StrCat("session_id '", id, "' is not 1 to 63 of [a-z0-9-]"));
  }
  if (absl::Status room = CheckHostRoom(); !room.ok()) return room;
  std::unique_lock<std::shared_mutex> lock(mu_);
  if (max_sessions_ != 0 && sessions_.size() >= max_sessions_) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the server holds its maximum of ", max_sessions_, " sessions"));
  }
  std::string name;
  if (id.empty()) {
    do {
      name = absl::StrFormat("sessions/s%06d", next_id_++);
    } while (sessions_.contains(name));
  } else {
    name = absl::StrCat("sessions/", id);
    if (sessions_.contains(name)) {
      return absl::AlreadyExistsError(absl::StrCat("session ", name, " already exists"));
    }
  }
  auto session = std::make_shared<Session>(name, NewToken(), **found, limits, host_memory_);
  sessions_.emplace(name, session);
  return session;
}

absl::Status SessionRegistry::CheckHostRoom() const {
  if (host_memory_ == nullptr || host_memory_->Allows(kSessionHostBytes)) return absl::OkStatus();
  return absl::ResourceExhaustedError(
      absl::StrCat("the server's host memory budget of ", host_memory_->max_bytes(),
                   " bytes is spent; no new session now"));
}

absl::StatusOr<std::shared_ptr<Session>> SessionRegistry::CreateUnlisted(
    const std::string& profile, SessionLimits limits) {
  absl::StatusOr<const Profile*> found = FindProfile(profile);
  if (!found.ok()) return found.status();
  if (absl::Status room = CheckHostRoom(); !room.ok()) return room;
  return std::make_shared<Session>("sessions/-", "", **found, limits, host_memory_);
}

absl::StatusOr<std::shared_ptr<Session>> SessionRegistry::Find(const std::string& name,
                                                               const std::string& token) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  auto it = sessions_.find(name);
  if (it == sessions_.end()) {
    return absl::NotFoundError(absl::StrCat("session ", name, " is not on this replica"));
  }
  if (!SameToken(it->second->token(), token)) {
    return absl::PermissionDeniedError("the token does not open this session");
  }
  return it->second;
}

std::vector<std::shared_ptr<Session>> SessionRegistry::ListFor(
    const std::vector<std::string>& tokens) const {
  std::vector<std::shared_ptr<Session>> out;
  std::shared_lock<std::shared_mutex> lock(mu_);
  for (const auto& [name, session] : sessions_) {
    for (const std::string& token : tokens) {
      if (SameToken(session->token(), token)) {
        out.push_back(session);
        break;
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a->name() < b->name(); });
  return out;
}

absl::Status SessionRegistry::Delete(const std::string& name, const std::string& token) {
  std::shared_ptr<Session> session;
  {
    absl::StatusOr<std::shared_ptr<Session>> found = Find(name, token);
    if (!found.ok()) return found.status();
    std::unique_lock<std::shared_mutex> lock(mu_);
    session = *found;
    sessions_.erase(name);
  }
  session->hub().Close();
  return absl::OkStatus();
}

std::vector<std::string> SessionRegistry::ExpireIdle(absl::Time now) {
  std::vector<std::shared_ptr<Session>> expired;
  {
    std::unique_lock<std::shared_mutex> lock(mu_);
    for (auto it = sessions_.begin(); it != sessions_.end();) {
      const Session& session = *it->second;
      const absl::Duration timeout = session.limits().idle_timeout;
      if (timeout > absl::ZeroDuration() && now - session.last_used() > timeout) {
        expired.push_back(it->second);
        sessions_.erase(it++);
      } else {
        ++it;
      }
    }
  }
  std::vector<std::string> names;
  for (const auto& session : expired) {
    session->hub().Close();
    names.push_back(session->name());
  }
  return names;
}

std::vector<std::string> SessionRegistry::Clear() {
  absl::flat_hash_map<std::string, std::shared_ptr<Session>> sessions;
  {
    std::unique_lock<std::shared_mutex> lock(mu_);
    sessions.swap(sessions_);
  }
  std::vector<std::string> names;
  for (auto& [name, session] : sessions) {
    session->hub().Close();
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

size_t SessionRegistry::size() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return sessions_.size();
}

SessionRegistry::Totals SessionRegistry::totals() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  Totals totals;
  totals.sessions = sessions_.size();
  for (const auto& [name, session] : sessions_) {
    totals.live_objects += session->live_objects();
    totals.footprint_bytes += session->footprint_bytes();
  }
  return totals;
}

}  // namespace heapsim::service
