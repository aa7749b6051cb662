// collections.Counter objects: the object's size per version (the dict's
// plus the class's __dict__ and __weakref__ slots, or the pre-header that
// holds them), the measured sys.getsizeof of an empty one, GC tracking
// from the start, freeing outside the dicts' free list, and every count and
// block accounted for after each step.

#include <string>

#include "gtest/gtest.h"
#include "server/heap/consistency.h"
#include "server/heap/counter_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/int_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/sizeof.h"
#include "tests/heap/held_references.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class CounterTest : public ::testing::TestWithParam<std::string> {
 protected:
  CounterTest() : heap_(**FindProfile(GetParam())) {}

  Heap heap_;
};

TEST_P(CounterTest, EmptySizeIsCPythonsAndGrowsAsADict) {
  Ref counter = NewCounter(heap_);
  Ref plain = NewDictForConstructor(heap_);
  // Measured: sys.getsizeof(Counter()).
  const std::string& version = GetParam();
  const uint64_t empty = version == "3.8" || version == "3.9" ? 248 : version == "3.11" ? 88 : 80;
  EXPECT_EQ(SizeOf(heap_, counter.get()), empty);
  EXPECT_TRUE(IsCounter(heap_, counter.get()));
  EXPECT_FALSE(IsExactDict(heap_, counter.get()));
  EXPECT_TRUE(heap_.IsTracked(counter.get()));
  const uint64_t extra = CounterObjectRequest(heap_.profile()) - kDictObjectRequest;
  for (int64_t i = 0; i < 12; ++i) {
    Ref key = NewInt(heap_, 1000 + i);
    ASSERT_TRUE(DictSetItem(heap_, counter.get(), key.get(), key.get()).ok());
    ASSERT_TRUE(DictSetItem(heap_, plain.get(), key.get(), key.get()).ok());
    EXPECT_EQ(SizeOf(heap_, counter.get()), SizeOf(heap_, plain.get()) + extra);
  }
  const absl::Status status = testing::CheckConsistencyHolding(heap_, {counter.get(), plain.get()});
  EXPECT_TRUE(status.ok()) << status;
}

TEST_P(CounterTest, FreeingGivesTheBlockBackAndReleasesTheItems) {
  Ref key = NewInt(heap_, 5000);
  Ref counter = NewCounter(heap_);
  ASSERT_TRUE(DictSetItem(heap_, counter.get(), key.get(), key.get()).ok());
  EXPECT_EQ(heap_.object(key.get()).refcount, 3u);
  counter.Reset();
  EXPECT_EQ(heap_.object(key.get()).refcount, 1u);
  const absl::Status status = testing::CheckConsistencyHolding(heap_, {key.get()});
  EXPECT_TRUE(status.ok()) << status;
}

INSTANTIATE_TEST_SUITE_P(Profiles, CounterTest, ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
