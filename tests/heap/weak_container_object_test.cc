// weakref's containers and finalize (weak_container_object.h): entries
// added, replaced and removed with their weak references, a KeyedRef
// holding its key, the remover taking a dead entry out and forgetting a
// container that died, a finalize holding itself while alive, and every
// count and block accounted for after each step.

#include "gtest/gtest.h"
#include "server/heap/dict_object.h"
#include "server/heap/instance_object.h"
#include "server/heap/int_object.h"
#include "server/heap/sizeof.h"
#include "server/heap/tuple_object.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/weakref_object.h"
#include "tests/heap/held_references.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {


class WeakContainerTest : public ::testing::TestWithParam<std::string> {
 protected:
  WeakContainerTest() : heap_(**FindProfile(GetParam())) {}

  Ref Class(const std::string& name) {
    return NewClass(heap_, name, NewDict(heap_), kNoObject, kNoObject, SlotsSpec());
  }

  Heap heap_;
};

TEST_P(WeakContainerTest, AWeakKeyDictionaryHoldsOneReferencePerKeyAndItsValue) {
  Ref cls = Class("Key");
  Ref key = NewInstance(heap_, cls.get());
  Ref value = NewInt(heap_, 1000);
  Ref other = NewInt(heap_, 2000);
  Ref container = NewWeakContainer(heap_, WeakContainerKind::kKeyDictionary);
  EXPECT_EQ(WeakContainerLength(heap_, container.get()), 0u);
  SetWeakEntry(heap_, container.get(), key.get(), value.get());
  SetWeakEntry(heap_, container.get(), key.get(), other.get());  // replaced in place
  EXPECT_EQ(WeakContainerLength(heap_, container.get()), 1u);
  EXPECT_EQ(WeakRefsTo(heap_, key.get()).size(), 1u);
  EXPECT_EQ(heap_.object(key.get()).refcount, 1u);
  EXPECT_EQ(heap_.object(other.get()).refcount, 2u);
  ASSERT_EQ(FindWeakEntry(heap_, container.get(), key.get()), 0);
  EXPECT_TRUE(testing::CheckConsistencyHolding(
                  heap_, {cls.get(), key.get(), value.get(), other.get(), container.get()})
                  .ok());
  RemoveWeakEntry(heap_, container.get(), 0);
  EXPECT_EQ(FindWeakEntry(heap_, container.get(), key.get()), -1);
  EXPECT_TRUE(WeakRefsTo(heap_, key.get()).empty());
  EXPECT_EQ(heap_.object(other.get()).refcount, 1u);
  EXPECT_TRUE(testing::CheckConsistencyHolding(
                  heap_, {cls.get(), key.get(), value.get(), other.get(), container.get()})
                  .ok());
}

TEST_P(WeakContainerTest, TheRemoverTakesADeadEntryOutAndForgetsADeadContainer) {
  Ref cls = Class("Value");
  Ref value = NewInstance(heap_, cls.get());
  Ref key = NewInt(heap_, 7000);
  Ref container = NewWeakContainer(heap_, WeakContainerKind::kValueDictionary);
  const ObjectId remover = heap_.weak_container(container.get()).remover;
  Ref keyed = NewKeyedRef(heap_, value.get(), remover, key.get());
  ASSERT_TRUE(DictSetItem(heap_, heap_.weak_container(container.get()).data, key.get(),
                          keyed.get())
                  .ok());
  EXPECT_EQ(heap_.object(key.get()).refcount, 3u);  // the test, the dict, the KeyedRef
  EXPECT_EQ(SizeOf(heap_, keyed.get()), heap_.profile().aux.weakref + 8);
  EXPECT_TRUE(testing::CheckConsistencyHolding(
                  heap_, {cls.get(), value.get(), key.get(), container.get(), keyed.get()})
                  .ok());
  // The referent dies: its references are cleared and the callback is due.
  std::vector<DueWeakRefCallback> due = ClearWeakRefsTakingCallbacks(heap_, value.get());
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].callback, remover);
  RemoveDeadEntry(heap_, remover, keyed.get());
  EXPECT_EQ(WeakContainerLength(heap_, container.get()), 0u);
  heap_.DecRef(due[0].callback);
  value.Reset();
  keyed.Reset();
  EXPECT_EQ(heap_.object(key.get()).refcount, 1u);
  EXPECT_TRUE(testing::CheckConsistencyHolding(heap_, {cls.get(), key.get(), container.get()}).ok());
  // A remover outliving its container does nothing.
  heap_.IncRef(remover);
  container.Reset();
  EXPECT_EQ(heap_.weak_container(remover).owner, kNoObject);
  heap_.DecRef(remover);
  EXPECT_TRUE(testing::CheckConsistencyHolding(heap_, {cls.get(), key.get()}).ok());
}

TEST_P(WeakContainerTest, AFinalizeHoldsItselfUntilTakenOut) {
  Ref cls = Class("Resource");
  Ref referent = NewInstance(heap_, cls.get());
  Ref func = NewInt(heap_, 3000);
  Ref finalize = NewFinalize(heap_, referent.get(), heap_.NewRef(func.get()),
                             NewTupleOf(heap_, {}), Ref(), 0);
  EXPECT_EQ(SizeOf(heap_, finalize.get()), 32u);
  EXPECT_EQ(heap_.object(finalize.get()).refcount, 3u);  // the test, itself, its callback
  EXPECT_TRUE(testing::CheckConsistencyHolding(heap_, {cls.get(), referent.get(), func.get(),
                                              finalize.get()})
                  .ok());
  TakenFinalize taken = TakeFinalize(heap_, finalize.get());
  EXPECT_EQ(taken.func.get(), func.get());
  EXPECT_FALSE(taken.kwargs);
  taken = TakenFinalize();
  EXPECT_EQ(heap_.object(finalize.get()).refcount, 1u);
  EXPECT_TRUE(WeakRefsTo(heap_, referent.get()).empty());
  EXPECT_TRUE(
      testing::CheckConsistencyHolding(heap_, {cls.get(), referent.get(), func.get(), finalize.get()})
          .ok());
}

INSTANTIATE_TEST_SUITE_P(Profiles, WeakContainerTest,
                         ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
