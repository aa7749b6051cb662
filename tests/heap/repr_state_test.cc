// Py_ReprEnter's state: made once by the first enter (a tracked dict
// holding the list under 'Py_Repr'), held by the heap; the list's item
// array allocated by the first enter, resized as enters nest and freed by
// the last leave; every count and block accounted for after each step.

#include <vector>

#include "gtest/gtest.h"
#include "server/heap/consistency.h"
#include "server/heap/dict_object.h"
#include "server/heap/list_object.h"
#include "server/heap/int_object.h"
#include "server/heap/repr_state.h"
#include "server/heap/set_object.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class ReprStateTest : public ::testing::TestWithParam<std::string> {
 protected:
  ReprStateTest() : heap_(**FindProfile(GetParam())) {}

  void ExpectConsistent(ObjectId held) {
    const absl::Status status = CheckConsistency(
        heap_, [held](ObjectId id) -> uint64_t { return id == held ? 1 : 0; });
    EXPECT_TRUE(status.ok()) << status;
  }

  Heap heap_;
};

TEST_P(ReprStateTest, TheFirstEnterMakesTheStateThatStays) {
  Ref shown = NewListOf(heap_, {heap_.none()});
  EXPECT_EQ(heap_.thread_dict(), kNoObject);
  heap_.ClearFreeLists();  // as a full collection leaves them: new objects
  const uint64_t gen0 = heap_.gc().generations[0].count;
  ReprStatePush(heap_, shown.get());
  const ObjectId dict = heap_.thread_dict();
  const ObjectId list = heap_.repr_list();
  ASSERT_NE(dict, kNoObject);
  EXPECT_EQ(heap_.gc().generations[0].count, gen0 + 2);  // the dict and the list
  EXPECT_TRUE(heap_.IsTracked(dict));
  EXPECT_EQ(heap_.dict(dict).used, 1u);
  EXPECT_EQ(ListItems(heap_, list).size(), 1u);
  EXPECT_EQ(heap_.object(shown.get()).refcount, 2u);
  ExpectConsistent(shown.get());
  ReprStatePop(heap_);
  EXPECT_EQ(heap_.thread_dict(), dict);
  EXPECT_EQ(heap_.list(list).items_block, 0u);  // _list_clear freed the items
  EXPECT_EQ(heap_.object(shown.get()).refcount, 1u);
  ExpectConsistent(shown.get());
  EnsureReprState(heap_);  // made once
  EXPECT_EQ(heap_.thread_dict(), dict);
}

TEST_P(ReprStateTest, NestedEntersGrowAndShrinkTheItemArray) {
  Ref shown = NewListOf(heap_, {heap_.none()});
  ReprEvents events;
  for (int i = 0; i < 5; ++i) events.push_back({ReprEvent::Kind::kEnter, shown.get()});
  ASSERT_TRUE(ReplayReprEvents(heap_, events).ok());
  const ObjectId list = heap_.repr_list();
  EXPECT_EQ(heap_.list(list).allocated, 8u);  // 4 slots, then 8 for the fifth
  ExpectConsistent(shown.get());
  ASSERT_TRUE(ReplayReprEvents(heap_, ReprEvents(5, {ReprEvent::Kind::kLeave})).ok());
  EXPECT_EQ(heap_.list(list).allocated, 0u);
  EXPECT_EQ(heap_.object(shown.get()).refcount, 1u);
  ExpectConsistent(shown.get());
}

TEST_P(ReprStateTest, AKeysListIsMadeAndDroppedOntoTheListFreeList) {
  Ref set = NewSet(heap_, /*frozen=*/false);
  for (int64_t i = 0; i < 3; ++i) {
    ASSERT_TRUE(SetAdd(heap_, set.get(), NewInt(heap_, 1000 + i).get()).ok());
  }
  EnsureReprState(heap_);
  std::vector<Ref> held;  // empties the list free list
  while (!heap_.free_lists().lists.empty()) held.push_back(NewList(heap_, 0));
  const ReprEvents events = {{ReprEvent::Kind::kEnter, set.get()},
                             {ReprEvent::Kind::kMakeKeysList, set.get()},
                             {ReprEvent::Kind::kEnter, set.get()},
                             {ReprEvent::Kind::kLeave},
                             {ReprEvent::Kind::kDropKeysList},
                             {ReprEvent::Kind::kLeave}};
  ASSERT_TRUE(ReplayReprEvents(heap_, events).ok());
  EXPECT_EQ(heap_.free_lists().lists.size(), 1u);  // the keys list's object
  EXPECT_EQ(heap_.object(set.get()).refcount, 1u);
  for (ObjectId key : SetKeys(heap_, set.get())) EXPECT_EQ(heap_.object(key).refcount, 1u);
  held.clear();
  ExpectConsistent(set.get());
}

INSTANTIATE_TEST_SUITE_P(Profiles, ReprStateTest, ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
