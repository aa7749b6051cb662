// Parameterising tests over every simulated profile.

#ifndef HEAPSIM_TESTS_HEAP_PROFILE_PARAMS_H_
#define HEAPSIM_TESTS_HEAP_PROFILE_PARAMS_H_

#include <string>
#include <vector>

namespace heapsim::testing {

// The version of every profile heapsim simulates ("3.8", ..., "3.13"),
// oldest first: the values of a test suite run once per profile.
std::vector<std::string> ProfileVersions();

// A test name for a profile's version: "3.11" -> "py311".
std::string ProfileTestName(const std::string& version);

}  // namespace heapsim::testing

#endif  // HEAPSIM_TESTS_HEAP_PROFILE_PARAMS_H_
