#include "tests/heap/profile_params.h"

#include "absl/strings/str_replace.h"
#include "server/heap/profile.h"

namespace heapsim::testing {

std::vector<std::string> ProfileVersions() {
  std::vector<std::string> versions;
  for (const Profile& profile : AllProfiles()) versions.emplace_back(profile.version);
  return versions;
}

std::string ProfileTestName(const std::string& version) {
  return "py" + absl::StrReplaceAll(version, {{".", ""}});
}

}  // namespace heapsim::testing
