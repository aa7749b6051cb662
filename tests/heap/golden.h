// Reading the golden tables of tests/golden/data: what real CPython
// reported, one TSV file per table and profile.

#ifndef HEAPSIM_TESTS_HEAP_GOLDEN_H_
#define HEAPSIM_TESTS_HEAP_GOLDEN_H_

#include <string>
#include <vector>

namespace heapsim::testing {

// One data row: its cells in column order.
using GoldenRow = std::vector<std::string>;

// The rows of `table` for `profile` ("3.11"), without the header and
// comment lines. Fails the test (and returns no rows) when the file is
// missing.
std::vector<GoldenRow> ReadGolden(const std::string& profile, const std::string& table);

// Parses the space-separated lowercase hex code points of a str_sizes row
// ("-" for none) into UTF-8.
std::string CodePointsToUtf8(const std::string& cell);

}  // namespace heapsim::testing

#endif  // HEAPSIM_TESTS_HEAP_GOLDEN_H_
