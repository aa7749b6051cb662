// Where heapctl remembers the current session between commands: the
// environment (HEAPSIM_SESSION and HEAPSIM_TOKEN) wins, else a small state
// file ($HEAPSIM_STATE, default ~/.heapsim/session) written by
// `heapctl session create`.

#ifndef HEAPSIM_CLIENT_SESSION_STATE_H_
#define HEAPSIM_CLIENT_SESSION_STATE_H_

#include <optional>
#include <string>

#include "absl/status/status.h"

namespace heapsim::client {

struct CurrentSession {
  std::string name;   // "sessions/<id>"
  std::string token;
};

// The current session, if one is set.
std::optional<CurrentSession> LoadCurrentSession();

// Makes `session` the current one (the state file).
absl::Status SaveCurrentSession(const CurrentSession& session);

// Forgets the current session if it is `name`.
void ForgetCurrentSession(const std::string& name);

}  // namespace heapsim::client

#endif  // HEAPSIM_CLIENT_SESSION_STATE_H_
