// The golden programs (tests/golden/data/<profile>/{id_reuse,gc_cycles,
// refcounts,freelists}.tsv, recorded from the real interpreters by
// tests/golden/capture_golden.py) run through the Runtime on the engine:
// each must print what CPython printed.

#include <fstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "server/heap/profile.h"
#include "server/script/runtime.h"
#include "tests/heap/golden.h"
#include "tests/heap/profile_params.h"
#include "tests/script/string_sink.h"

namespace heapsim::script {
namespace {

struct Case {
  std::string profile;
  std::string table;
};

class GoldenPrograms : public ::testing::TestWithParam<Case> {};

// Rows whose value depends on the whole interpreter's state (reference
// counts of singletons before they became immortal in 3.12), not on the
// program.
bool InterpreterDependent(const std::string& table, const std::string& profile,
                          const std::string& scenario) {
  if (table != "refcounts" || profile == "3.12" || profile == "3.13") return false;
  for (const char* singleton : {"none", "true", "false", "empty_tuple", "str_a", "str_empty"}) {
    if (scenario == singleton) return true;
  }
  return scenario.rfind("int_", 0) == 0;
}

// Programs heapsim does not reproduce yet: "profile table scenario" lines of
// tests/script/golden_known_gaps.txt.
const absl::flat_hash_set<std::string>& KnownGaps() {
  static const auto* gaps = [] {
    auto* set = new absl::flat_hash_set<std::string>();
    std::ifstream file(HEAPSIM_GOLDEN_GAPS);
    std::string profile, table, scenario;
    while (file >> profile) {
      if (profile[0] == '#') {
        std::string rest;
        std::getline(file, rest);
        continue;
      }
      file >> table >> scenario;
      set->insert(absl::StrCat(profile, " ", table, " ", scenario));
    }
    return set;
  }();
  return *gaps;
}

TEST_P(GoldenPrograms, PrintWhatCPythonPrinted) {
  const Case& c = GetParam();
  const Profile& profile = **FindProfile(c.profile);
  int checked = 0;
  for (const testing::GoldenRow& row : testing::ReadGolden(c.profile, c.table)) {
    ASSERT_EQ(row.size(), 3u);
    const std::string& scenario = row[0];
    if (InterpreterDependent(c.table, c.profile, scenario)) continue;
    const std::string program = absl::StrReplaceAll(row[2], {{"\\n", "\n"}, {"\\t", "\t"}});
    Runtime runtime(profile);
    StringSink out;
    RunLimits limits;
    limits.max_steps = 10'000'000;
    const absl::Status status = runtime.Exec(program, "<golden>", limits, out);
    std::string printed = out.text();
    while (!printed.empty() && printed.back() == '\n') printed.pop_back();
    const bool known_gap = KnownGaps().contains(absl::StrCat(c.profile, " ", c.table, " ", scenario));
    if (known_gap) {
      // A known gap must still be one; when it closes, remove it from the list.
      EXPECT_FALSE(status.ok() && printed == row[1])
          << c.table << "/" << scenario << " on " << c.profile
          << " now matches CPython: remove it from golden_known_gaps.txt";
    } else {
      EXPECT_TRUE(status.ok()) << scenario << ": " << status;
      EXPECT_EQ(printed, row[1]) << c.table << "/" << scenario << " on " << c.profile << ":\n"
                                 << program;
    }
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

std::vector<Case> AllCases() {
  std::vector<Case> cases;
  for (const std::string& profile : testing::ProfileVersions()) {
    for (const char* table : {"id_reuse", "gc_cycles", "refcounts", "freelists"}) {
      cases.push_back({profile, table});
    }
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Tables, GoldenPrograms, ::testing::ValuesIn(AllCases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.table + "_" +
                                  testing::ProfileTestName(info.param.profile);
                         });

}  // namespace
}  // namespace heapsim::script
