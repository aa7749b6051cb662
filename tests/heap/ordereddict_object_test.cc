// collections.OrderedDict's nodes: one 32-byte node per key and the
// fast-nodes array counted by sys.getsizeof, the key's reference held by
// its node, order kept through moves and deletions, the GC seeing the
// nodes' keys, and every count and block accounted for after each step.

#include <vector>

#include "gtest/gtest.h"
#include "server/heap/consistency.h"
#include "server/heap/dict_object.h"
#include "server/heap/gc.h"
#include "server/heap/int_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/referents.h"
#include "server/heap/sizeof.h"
#include "server/heap/tuple_object.h"
#include "tests/heap/held_references.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class OrderedDictTest : public ::testing::TestWithParam<std::string> {
 protected:
  OrderedDictTest() : heap_(**FindProfile(GetParam())) {}

  void ExpectConsistent(std::initializer_list<ObjectId> held) {
    const absl::Status status = testing::CheckConsistencyHolding(heap_, held);
    EXPECT_TRUE(status.ok()) << status;
  }

  std::vector<int64_t> Order(ObjectId od) {
    std::vector<int64_t> keys;
    for (ObjectId key : OrderedDictKeys(heap_, od)) keys.push_back(*IntAsInt64(heap_, key));
    return keys;
  }

  Heap heap_;
};

TEST_P(OrderedDictTest, ACopiedHeapHasItsOwnNodes) {
  Ref od = NewOrderedDict(heap_);
  std::vector<Ref> keys;
  for (int64_t i = 1; i <= 3; ++i) {
    keys.push_back(NewInt(heap_, 1000 + i));
    ASSERT_TRUE(OrderedDictSetItem(heap_, od.get(), keys.back().get(), keys.back().get()).ok());
  }
  Heap copy(heap_);
  ASSERT_TRUE(OrderedDictMoveToEnd(copy, od.get(), keys[0].get(), /*last=*/true).ok());
  ASSERT_TRUE(OrderedDictDelItem(copy, od.get(), keys[1].get()).ok());
  std::vector<int64_t> copied;
  for (ObjectId key : OrderedDictKeys(copy, od.get())) copied.push_back(*IntAsInt64(copy, key));
  EXPECT_EQ(copied, (std::vector<int64_t>{1003, 1001}));
  EXPECT_EQ(Order(od.get()), (std::vector<int64_t>{1001, 1002, 1003}));
  ExpectConsistent({od.get(), keys[0].get(), keys[1].get(), keys[2].get()});
}

TEST_P(OrderedDictTest, SizeCountsTheFastNodesAndOneNodePerKey) {
  Ref od = NewOrderedDict(heap_);
  Ref plain = NewDictForConstructor(heap_);
  // The object's own 64 bytes more than a dict's; no nodes, no array yet.
  EXPECT_EQ(SizeOf(heap_, od.get()), SizeOf(heap_, plain.get()) + 64);
  EXPECT_TRUE(heap_.IsTracked(od.get()));
  std::vector<Ref> keys;
  for (int64_t i = 0; i < 6; ++i) {
    keys.push_back(NewInt(heap_, 1000 + i));
    ASSERT_TRUE(OrderedDictSetItem(heap_, od.get(), keys.back().get(), keys.back().get()).ok());
    ASSERT_TRUE(DictSetItem(heap_, plain.get(), keys.back().get(), keys.back().get()).ok());
    // A table of 8 slots for up to 5 keys, then 16: 8 bytes a slot.
    const uint64_t slots = i < 5 ? 8 : 16;
    EXPECT_EQ(SizeOf(heap_, od.get()), SizeOf(heap_, plain.get()) + 64 + 8 * slots + 32 * (i + 1));
  }
  // Each key: the caller's reference, the plain dict's key and value, the
  // OrderedDict's key and value and its node's.
  EXPECT_EQ(heap_.object(keys[0].get()).refcount, 6u);
  ExpectConsistent({od.get(), plain.get(), keys[0].get(), keys[1].get(), keys[2].get(),
                    keys[3].get(), keys[4].get(), keys[5].get()});
}

TEST_P(OrderedDictTest, OrderFollowsMovesDeletionsAndPops) {
  Ref od = NewOrderedDict(heap_);
  std::vector<Ref> keys;
  for (int64_t i = 0; i < 5; ++i) {
    keys.push_back(NewInt(heap_, i));
    ASSERT_TRUE(OrderedDictSetItem(heap_, od.get(), keys.back().get(), heap_.none()).ok());
  }
  ASSERT_TRUE(OrderedDictMoveToEnd(heap_, od.get(), keys[1].get(), true).ok());
  ASSERT_TRUE(OrderedDictMoveToEnd(heap_, od.get(), keys[3].get(), false).ok());
  EXPECT_EQ(Order(od.get()), (std::vector<int64_t>{3, 0, 2, 4, 1}));
  ASSERT_TRUE(OrderedDictDelItem(heap_, od.get(), keys[2].get()).ok());
  ASSERT_TRUE(OrderedDictSetItem(heap_, od.get(), keys[2].get(), heap_.none()).ok());
  EXPECT_EQ(Order(od.get()), (std::vector<int64_t>{3, 0, 4, 1, 2}));
  absl::StatusOr<Ref> first = OrderedDictPopItem(heap_, od.get(), false);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(*IntAsInt64(heap_, TupleItems(heap_, first->get())[0]), 3);
  first->Reset();
  EXPECT_EQ(Order(od.get()), (std::vector<int64_t>{0, 4, 1, 2}));
  Ref missing = NewInt(heap_, 99);
  EXPECT_FALSE(OrderedDictMoveToEnd(heap_, od.get(), missing.get(), true).ok());
  EXPECT_FALSE(OrderedDictDelItem(heap_, od.get(), missing.get()).ok());
  EXPECT_EQ(Order(od.get()), (std::vector<int64_t>{0, 4, 1, 2}));
  OrderedDictClear(heap_, od.get());
  EXPECT_TRUE(Order(od.get()).empty());
  EXPECT_FALSE(OrderedDictPopItem(heap_, od.get(), true).ok());  // empty
  ExpectConsistent({od.get(), keys[0].get(), keys[1].get(), keys[2].get(), keys[3].get(),
                    keys[4].get(), missing.get()});
}

TEST_P(OrderedDictTest, TheGcSeesTheNodesKeysAndFreesACycle) {
  Ref key = NewInt(heap_, 5000);
  {
    Ref od = NewOrderedDict(heap_);
    ASSERT_TRUE(OrderedDictSetItem(heap_, od.get(), key.get(), od.get()).ok());
    std::vector<ObjectId> referents;
    ForEachReferent(heap_, od.get(), [&](ObjectId r) { referents.push_back(r); });
    // The node's key first, then the dict's value and key.
    EXPECT_EQ(referents, (std::vector<ObjectId>{key.get(), od.get(), key.get()}));
  }
  EXPECT_EQ(heap_.object(key.get()).refcount, 3u);  // held by the cycle
  Collect(heap_, 2);
  EXPECT_EQ(heap_.object(key.get()).refcount, 1u);
  ExpectConsistent({key.get()});
}

INSTANTIATE_TEST_SUITE_P(Profiles, OrderedDictTest, ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
