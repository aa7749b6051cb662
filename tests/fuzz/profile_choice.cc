#include "tests/fuzz/profile_choice.h"

#include <memory>
#include <span>
#include <vector>

namespace heapsim::fuzz {

const Profile& ChooseProfile(uint8_t selector) {
  const std::span<const Profile> profiles = AllProfiles();
  return profiles[selector % profiles.size()];
}

namespace {

// One `T` per profile, made from it on first use and kept for good.
template <typename T>
const T& PristineOf(uint8_t selector) {
  static std::vector<std::unique_ptr<const T>>* const made =
      new std::vector<std::unique_ptr<const T>>(AllProfiles().size());
  std::unique_ptr<const T>& slot = (*made)[selector % made->size()];
  if (slot == nullptr) slot = std::make_unique<const T>(ChooseProfile(selector));
  return *slot;
}

}  // namespace

const Heap& PristineHeap(uint8_t selector) { return PristineOf<Heap>(selector); }

const script::Runtime& PristineRuntime(uint8_t selector) {
  return PristineOf<script::Runtime>(selector);
}

}  // namespace heapsim::fuzz
