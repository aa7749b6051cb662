#include "tests/heap/golden.h"

#include <fstream>

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "server/heap/str_kind.h"

namespace heapsim::testing {

std::vector<GoldenRow> ReadGolden(const std::string& profile, const std::string& table) {
  const std::string path = std::string(HEAPSIM_GOLDEN_DIR) + "/" + profile + "/" + table + ".tsv";
  std::ifstream in(path);
  std::vector<GoldenRow> rows;
  if (!in) {
    ADD_FAILURE() << "missing golden table " << path;
    return rows;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(absl::StrSplit(line, '\t'));
  }
  return rows;
}

std::string CodePointsToUtf8(const std::string& cell) {
  std::string utf8;
  if (cell == "-") return utf8;
  for (absl::string_view hex : absl::StrSplit(cell, ' ')) {
    AppendUtf8(&utf8, static_cast<char32_t>(std::stoul(std::string(hex), nullptr, 16)));
  }
  return utf8;
}

}  // namespace heapsim::testing
