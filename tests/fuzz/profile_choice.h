// ChooseProfile maps a fuzzer's byte to one of the profiles of the profile
// table, so every target covers every CPython version; PristineHeap and
// PristineRuntime give that profile's fresh heap or interpreter, built once,
// for a target to copy (a copy is independent and in the same state, and
// costs a tenth of building one).

#ifndef HEAPSIM_TESTS_FUZZ_PROFILE_CHOICE_H_
#define HEAPSIM_TESTS_FUZZ_PROFILE_CHOICE_H_

#include <cstdint>

#include "server/heap/heap.h"
#include "server/heap/profile.h"
#include "server/script/runtime.h"

namespace heapsim::fuzz {

// The profile numbered `selector` modulo the number of profiles.
const Profile& ChooseProfile(uint8_t selector);

// A new heap of ChooseProfile(selector), as Heap(profile) makes it.
const Heap& PristineHeap(uint8_t selector);

// A new interpreter of ChooseProfile(selector), as Runtime(profile) makes it.
const script::Runtime& PristineRuntime(uint8_t selector);

}  // namespace heapsim::fuzz

#endif  // HEAPSIM_TESTS_FUZZ_PROFILE_CHOICE_H_
