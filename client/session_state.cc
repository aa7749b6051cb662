#include "client/session_state.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"

namespace heapsim::client {

namespace {

std::string StatePath() {
  if (const char* path = std::getenv("HEAPSIM_STATE"); path != nullptr && *path != '\0') {
    return path;
  }
  const char* home = std::getenv("HOME");
  return absl::StrCat(home != nullptr ? home : ".", "/.heapsim/session");
}

}  // namespace

std::optional<CurrentSession> LoadCurrentSession() {
  const char* name = std::getenv("HEAPSIM_SESSION");
  const char* token = std::getenv("HEAPSIM_TOKEN");
  if (name != nullptr && *name != '\0' && token != nullptr) {
    return CurrentSession{name, token};
  }
  std::ifstream file(StatePath());
  CurrentSession session;
  if (!(file >> session.name >> session.token)) return std::nullopt;
  return session;
}

absl::Status SaveCurrentSession(const CurrentSession& session) {
  const std::filesystem::path path = StatePath();
  std::error_code error;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
  std::ofstream file(path, std::ios::trunc);
  if (!file) return absl::UnavailableError(absl::StrCat("cannot write ", path.string()));
  file << session.name << "\n" << session.token << "\n";
  file.close();
  std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::owner_write,
                               error);
  return absl::OkStatus();
}

void ForgetCurrentSession(const std::string& name) {
  std::optional<CurrentSession> current = LoadCurrentSession();
  if (current && current->name == name) {
    std::error_code error;
    std::filesystem::remove(StatePath(), error);
  }
}

}  // namespace heapsim::client
