// The tutorial's exercises at engine level, for every profile: id reuse
// (Exercise 2), fragmentation and tracemalloc (Exercise 3), and the
// allocator's view of a heap with every other block free.

#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "server/heap/gc.h"
#include "server/heap/heap.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/profile.h"
#include "server/heap/stats.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class Tutorial : public ::testing::TestWithParam<std::string> {
 protected:
  Tutorial() : heap_(**FindProfile(GetParam())) {}

  // [value]: a one-item list, as the display makes it.
  Ref OneItemList(int64_t value) {
    Ref item = NewInt(heap_, value);
    return NewListOf(heap_, {item.get()});
  }

  Heap heap_;
};

// Exercise 2: 1,000 one-item lists kept, their ids noted, all freed; then
// 1,000 more made one at a time (`obj = [i]`): every one of them gets the
// address of a freed list, in every version.
TEST_P(Tutorial, Exercise2ReusesEveryAddress) {
  std::set<uint64_t> old_ids;
  {
    Ref temp = NewList(heap_, 0);
    for (int i = 0; i < 1000; ++i) {
      Ref obj = OneItemList(i);
      old_ids.insert(heap_.address_of(obj.get()));
      ListAppend(heap_, temp.get(), obj.get());
    }
  }  // del temp
  ASSERT_EQ(old_ids.size(), 1000u);
  int reused = 0;
  Ref obj;
  for (int i = 0; i < 1000; ++i) {
    Ref next = OneItemList(i);
    if (old_ids.count(heap_.address_of(next.get()))) ++reused;
    obj = std::move(next);  // the previous list is freed after the new one exists
  }
  EXPECT_EQ(reused, 1000);
}

// Exercise 3: freeing every other small list leaves about half the memory
// traced and half of each pool free (fragmented); freeing them all leaves
// next to nothing. The peak covers the whole build either way.
TEST_P(Tutorial, Exercise3FragmentationAndTracemalloc) {
  heap_.tracemalloc().Start();
  Ref items = NewList(heap_, 0);
  for (int i = 0; i < 10'000; ++i) {
    Ref obj = OneItemList(i);
    ListAppend(heap_, items.get(), obj.get());
  }
  const uint64_t built = heap_.tracemalloc().current();
  for (int i = 0; i < 10'000; i += 2) {
    ASSERT_TRUE(ListSetItem(heap_, items.get(), i, heap_.none()).ok());
  }
  Collect(heap_, 2);
  const uint64_t alternating = heap_.tracemalloc().current();
  const uint64_t alternating_peak = heap_.tracemalloc().peak();
  const MemoryStats half = ComputeStats(heap_);
  EXPECT_GT(alternating, built * 4 / 10);
  EXPECT_LT(alternating, built * 6 / 10);
  EXPECT_GE(alternating_peak, built);
  EXPECT_GT(half.fragmentation, 0.3);

  items.Reset();
  Collect(heap_, 2);
  EXPECT_LT(heap_.tracemalloc().current(), built / 100);
  const MemoryStats none = ComputeStats(heap_);
  // Whole pools come free, or whole arenas go back to the system.
  EXPECT_TRUE(none.pymalloc.empty_pools > half.pymalloc.empty_pools ||
              none.pymalloc.arenas_allocated < half.pymalloc.arenas_allocated);
}

// A freed block is the next one handed out for its size class (LIFO).
TEST_P(Tutorial, FreedBlockIsReusedFirst) {
  Ref a = OneItemList(1);
  Ref b = OneItemList(2);
  const uint64_t freed = heap_.address_of(b.get());
  b.Reset();
  Ref c = OneItemList(3);
  EXPECT_EQ(heap_.address_of(c.get()), freed);
  EXPECT_NE(heap_.address_of(a.get()), heap_.address_of(c.get()));
}

INSTANTIATE_TEST_SUITE_P(Profiles, Tutorial, ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return testing::ProfileTestName(info.param);
                         });

}  // namespace
}  // namespace heapsim
