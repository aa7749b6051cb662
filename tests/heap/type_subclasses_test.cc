// tp_subclasses: a class's first subclass gives it a dict mapping an int of
// the subclass's address to a weak reference to it; the entry goes as the
// subclass is freed, and from 3.11 the dict with its last entry.

#include <string>

#include "gtest/gtest.h"
#include "server/heap/dict_object.h"
#include "server/heap/gc.h"
#include "server/heap/instance_object.h"
#include "server/heap/int_object.h"
#include "server/heap/weakref_object.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class TypeSubclassesTest : public ::testing::TestWithParam<std::string> {
 protected:
  TypeSubclassesTest() : heap_(**FindProfile(GetParam())) {}

  Ref Class(const std::string& name, ObjectId base) {
    return NewClass(heap_, name, NewDict(heap_), base, kNoObject);
  }

  Heap heap_;
};

TEST_P(TypeSubclassesTest, EachSubclassIsEnteredByAddressWithAWeakReference) {
  Ref base = Class("Base", kNoObject);
  EXPECT_EQ(heap_.cls(base.get()).subclasses, kNoObject);
  Ref child = Class("Child", base.get());
  Ref other = Class("Other", base.get());
  const ObjectId table = heap_.cls(base.get()).subclasses;
  ASSERT_NE(table, kNoObject);
  EXPECT_TRUE(heap_.IsTracked(table));
  const auto items = DictItems(heap_, table);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(IntAsInt64(heap_, items[0].first),
            static_cast<int64_t>(heap_.address_of(child.get())));
  EXPECT_EQ(WeakRefReferent(heap_, items[0].second), child.get());
  EXPECT_EQ(WeakRefReferent(heap_, items[1].second), other.get());
  // The table holds no reference to the classes themselves.
  EXPECT_EQ(heap_.object(child.get()).refcount, 2u);  // the Ref and its MRO
  EXPECT_EQ(heap_.cls(child.get()).subclasses, kNoObject);
}

TEST_P(TypeSubclassesTest, FreeingTheLastSubclassEmptiesTheTableAndFrom311FreesIt) {
  Ref base = Class("Base", kNoObject);
  Ref child = Class("Child", base.get());
  const ObjectId table = heap_.cls(base.get()).subclasses;
  child.Reset();
  const CollectResult collected = Collect(heap_, 0, FinalizerRunner());
  EXPECT_GT(collected.unreachable, 0u);
  if (heap_.profile().subclasses_freed_when_empty) {
    EXPECT_EQ(heap_.cls(base.get()).subclasses, kNoObject);
    EXPECT_FALSE(heap_.IsLive(table));
  } else {
    ASSERT_EQ(heap_.cls(base.get()).subclasses, table);
    EXPECT_EQ(heap_.dict(table).used, 0u);
  }
  Ref again = Class("Again", base.get());
  EXPECT_NE(heap_.cls(base.get()).subclasses, kNoObject);
  EXPECT_EQ(heap_.dict(heap_.cls(base.get()).subclasses).used, 1u);
}

INSTANTIATE_TEST_SUITE_P(Profiles, TypeSubclassesTest,
                         ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
