// A class dataclasses.dataclass() processed (ClassBody::dataclass): a
// collection freeing it reports so (CollectResult::frees_dataclass), since
// the objects CPython's Python code made for it are not modelled; other
// classes' garbage does not.

#include <string>

#include "gtest/gtest.h"
#include "server/heap/dict_object.h"
#include "server/heap/gc.h"
#include "server/heap/instance_object.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class DataclassCollectTest : public ::testing::TestWithParam<std::string> {
 protected:
  DataclassCollectTest() : heap_(**FindProfile(GetParam())) {}

  Heap heap_;
};

TEST_P(DataclassCollectTest, FreeingADataclassIsReported) {
  Ref plain = NewClass(heap_, "Plain", NewDict(heap_), kNoObject, kNoObject);
  Ref marked = NewClass(heap_, "Point", NewDict(heap_), kNoObject, kNoObject);
  heap_.cls(marked.get()).dataclass = true;
  plain.Reset();
  CollectResult first = Collect(heap_, 2, FinalizerRunner());
  EXPECT_GT(first.unreachable, 0u);
  EXPECT_FALSE(first.frees_dataclass);
  marked.Reset();
  CollectResult second = Collect(heap_, 2, FinalizerRunner());
  EXPECT_GT(second.unreachable, 0u);
  EXPECT_TRUE(second.frees_dataclass);
}

INSTANTIATE_TEST_SUITE_P(Profiles, DataclassCollectTest,
                         ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
