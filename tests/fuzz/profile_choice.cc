#include "tests/fuzz/profile_choice.h"

#include <span>

namespace heapsim::fuzz {

const Profile& ChooseProfile(uint8_t selector) {
  const std::span<const Profile> profiles = AllProfiles();
  return profiles[selector % profiles.size()];
}

}  // namespace heapsim::fuzz
