// collections.deque's blocks: sizes as blocks are taken at either end, the
// block cache (shared before 3.11, per deque after) seen by tracemalloc,
// rotations that move at most one block, clear's fresh block, and every
// count and block accounted for after each step.

#include "gtest/gtest.h"
#include "server/heap/consistency.h"
#include "server/heap/deque_object.h"
#include "server/heap/gc.h"
#include "server/heap/int_object.h"
#include "server/heap/sizeof.h"
#include "tests/heap/held_references.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class DequeTest : public ::testing::TestWithParam<std::string> {
 protected:
  DequeTest() : heap_(**FindProfile(GetParam())) {}

  bool OwnCache() const { return heap_.profile().deque.own_block_cache; }
  uint64_t Empty() const { return heap_.profile().deque.object_size + kDequeBlockBytes; }
  void ExpectConsistent(std::initializer_list<ObjectId> held) {
    const absl::Status status = testing::CheckConsistencyHolding(heap_, held);
    EXPECT_TRUE(status.ok()) << status;
  }

  Heap heap_;
};

TEST_P(DequeTest, BlocksAreTakenAtEitherEndPastTheCentre) {
  Ref deque = NewDeque(heap_);
  Ref item = NewInt(heap_, 1000);
  EXPECT_EQ(SizeOf(heap_, deque.get()), Empty());
  EXPECT_TRUE(heap_.IsTracked(deque.get()));
  // An empty deque's items start in the middle of its block: 32 appends fit.
  for (int i = 0; i < 32; ++i) DequeAppend(heap_, deque.get(), item.get());
  EXPECT_EQ(SizeOf(heap_, deque.get()), Empty());
  DequeAppend(heap_, deque.get(), item.get());
  EXPECT_EQ(SizeOf(heap_, deque.get()), Empty() + kDequeBlockBytes);
  for (int i = 0; i < 32; ++i) DequeAppendLeft(heap_, deque.get(), item.get());
  EXPECT_EQ(SizeOf(heap_, deque.get()), Empty() + kDequeBlockBytes);
  DequeAppendLeft(heap_, deque.get(), item.get());
  EXPECT_EQ(SizeOf(heap_, deque.get()), Empty() + 2 * kDequeBlockBytes);
  EXPECT_EQ(heap_.object(item.get()).refcount, 67u);
  ExpectConsistent({deque.get(), item.get()});
  while (DequeLength(heap_, deque.get()) > 0) ASSERT_TRUE(DequePop(heap_, deque.get()).ok());
  EXPECT_EQ(SizeOf(heap_, deque.get()), Empty());
  EXPECT_EQ(heap_.object(item.get()).refcount, 1u);
  EXPECT_FALSE(DequePopLeft(heap_, deque.get()).ok());  // pop from an empty deque
  ExpectConsistent({deque.get(), item.get()});
}

TEST_P(DequeTest, FreedBlocksAreCachedSharedBefore311AndPerDequeAfter) {
  Ref first = NewDeque(heap_);
  Ref second = NewDeque(heap_);
  Ref item = NewInt(heap_, 1000);
  heap_.tracemalloc().Start();
  for (int i = 0; i < 300; ++i) DequeAppend(heap_, first.get(), item.get());
  const uint64_t grown = heap_.tracemalloc().current();
  EXPECT_EQ(grown, 5 * kDequeBlockBytes);  // 32 + 4 * 64 + 12: five new blocks
  for (int i = 0; i < 300; ++i) ASSERT_TRUE(DequePop(heap_, first.get()).ok());
  EXPECT_EQ(heap_.tracemalloc().current(), grown);  // cached, not freed
  for (int i = 0; i < 300; ++i) DequeAppend(heap_, second.get(), item.get());
  // The second deque reuses the first one's blocks only from a shared cache.
  EXPECT_EQ(heap_.tracemalloc().current(), OwnCache() ? 2 * grown : grown);
  // Freeing the first deque frees its own cached blocks (3.11+); before,
  // its one block joins the shared cache.
  first.Reset();
  EXPECT_EQ(heap_.tracemalloc().current(), grown);
  ExpectConsistent({second.get(), item.get()});
}

TEST_P(DequeTest, RotationsMoveAtMostOneBlockAndKeepTheOrder) {
  Ref deque = NewDeque(heap_);
  std::vector<Ref> items;
  for (int i = 0; i < 100; ++i) {
    items.push_back(NewInt(heap_, 1000 + i));
    DequeAppend(heap_, deque.get(), items.back().get());
  }
  const uint64_t size = SizeOf(heap_, deque.get());
  DequeRotate(heap_, deque.get(), 10);
  EXPECT_EQ(heap_.deque(deque.get()).items.front(), items[90].get());
  DequeRotate(heap_, deque.get(), -10);
  EXPECT_EQ(heap_.deque(deque.get()).items.front(), items[0].get());
  EXPECT_EQ(SizeOf(heap_, deque.get()), size);
  // A huge count is taken modulo the length first.
  DequeRotate(heap_, deque.get(), 1000000000000000001);
  EXPECT_EQ(heap_.deque(deque.get()).items.front(), items[99].get());
  DequeClear(heap_, deque.get());
  EXPECT_EQ(SizeOf(heap_, deque.get()), Empty());
  for (const Ref& item : items) EXPECT_EQ(heap_.object(item.get()).refcount, 1u);
}

TEST_P(DequeTest, MaxlenDropsTheOppositeEnd) {
  Ref deque = NewDeque(heap_);
  heap_.deque(deque.get()).maxlen = 2;
  Ref a = NewInt(heap_, 1001);
  Ref b = NewInt(heap_, 1002);
  Ref c = NewInt(heap_, 1003);
  DequeAppend(heap_, deque.get(), a.get());
  DequeAppend(heap_, deque.get(), b.get());
  DequeAppend(heap_, deque.get(), c.get());
  EXPECT_EQ(heap_.object(a.get()).refcount, 1u);
  DequeAppendLeft(heap_, deque.get(), a.get());
  EXPECT_EQ(heap_.object(c.get()).refcount, 1u);
  EXPECT_EQ(DequeLength(heap_, deque.get()), 2);
  ExpectConsistent({deque.get(), a.get(), b.get(), c.get()});
}

TEST_P(DequeTest, TheCollectorFreesACycleThroughADeque) {
  Ref deque = NewDeque(heap_);
  DequeAppend(heap_, deque.get(), deque.get());
  deque.Reset();
  EXPECT_EQ(Collect(heap_, 2).unreachable, 1u);
  ExpectConsistent({});
}

INSTANTIATE_TEST_SUITE_P(Profiles, DequeTest, ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
