// The bytecode sizes code_size.h counts for CPython 3.8 to 3.10's opcache
// against the sizes those CPythons give the code objects of
// code_size/cases.py (code_size/golden.txt, made by code_size/capture.py).

#include "server/script/code_size.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "server/heap/heap.h"
#include "server/script/compiler.h"

namespace heapsim::script {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// "FIRST_LINE:NAME" -> the (code units, cached sites) of each code object
// so named, in order.
using Sizes = std::map<std::string, std::vector<std::pair<uint32_t, uint32_t>>>;

Sizes GoldenSizes(const std::string& version) {
  Sizes sizes;
  std::istringstream lines(ReadFile(HEAPSIM_CODE_SIZE_DIR "/golden.txt"));
  std::string v, key;
  uint32_t units = 0, sites = 0;
  while (lines >> v >> key >> units >> sites) {
    if (v == version) sizes[key].emplace_back(units, sites);
  }
  return sizes;
}

class CodeSizeTest : public ::testing::TestWithParam<const char*> {};

TEST_P(CodeSizeTest, CountedSizesAreCPythons) {
  const std::string version = GetParam();
  const Sizes golden = GoldenSizes(version);
  ASSERT_GT(golden.size(), 100u) << "golden.txt has too few sizes for " << version;
  Heap heap(**FindProfile(version));
  absl::StatusOr<std::shared_ptr<Program>> program = Compile(
      heap, ReadFile(HEAPSIM_CODE_SIZE_DIR "/cases.py"), "cases.py", CompileMode::kModule, 0);
  ASSERT_TRUE(program.ok()) << program.status();
  Sizes counted;
  for (const CodeUnit& unit : (*program)->units) {
    if (unit.code_object == kNoObject || !heap.code(unit.code_object).size_known) continue;
    const CodeBody& code = heap.code(unit.code_object);
    counted[absl::StrCat(unit.first_line, ":", unit.name)].emplace_back(code.code_units,
                                                                        code.opcache_sites);
  }
  size_t known = 0;
  for (auto& [key, sizes] : counted) {
    auto it = golden.find(key);
    ASSERT_NE(it, golden.end()) << key << " is not a code object of cases.py";
    std::vector<std::pair<uint32_t, uint32_t>> expected = it->second;
    if (expected.size() == 1 && sizes.size() == 1) {
      EXPECT_EQ(sizes[0], expected[0]) << key << " (code units, cached sites)";
    } else {
      // Code objects sharing a line and a name: compared as a whole.
      std::sort(sizes.begin(), sizes.end());
      std::sort(expected.begin(), expected.end());
      std::vector<std::pair<uint32_t, uint32_t>> common;
      std::set_intersection(sizes.begin(), sizes.end(), expected.begin(), expected.end(),
                            std::back_inserter(common));
      EXPECT_EQ(common.size(), sizes.size()) << key;
    }
    known += sizes.size();
  }
  size_t total = 0;
  for (const auto& [key, sizes] : golden) total += sizes.size();
  // Most of the cases are counted; the rest are refused (std::nullopt).
  EXPECT_GE(known * 10, total * 8) << known << " of " << total << " code objects counted";
  std::cout << version << ": " << known << " of " << total << " code objects counted\n";
}

INSTANTIATE_TEST_SUITE_P(OpcacheProfiles, CodeSizeTest, ::testing::Values("3.8", "3.9", "3.10"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '.', '_');
                           return "Py" + name;
                         });

}  // namespace
}  // namespace heapsim::script
