// ChooseProfile maps a fuzzer's byte to one of the profiles of the profile
// table, so every target covers every CPython version.

#ifndef HEAPSIM_TESTS_FUZZ_PROFILE_CHOICE_H_
#define HEAPSIM_TESTS_FUZZ_PROFILE_CHOICE_H_

#include <cstdint>

#include "server/heap/profile.h"

namespace heapsim::fuzz {

// The profile numbered `selector` modulo the number of profiles.
const Profile& ChooseProfile(uint8_t selector);

}  // namespace heapsim::fuzz

#endif  // HEAPSIM_TESTS_FUZZ_PROFILE_CHOICE_H_
