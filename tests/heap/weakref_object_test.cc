// Weak references: the callback-less reference reused, the referent's list
// kept in step as references and referents die in either order, cycles
// freed by the collector clearing the references to them, and every count
// and block accounted for after each step.

#include "gtest/gtest.h"
#include "server/heap/consistency.h"
#include "server/heap/dict_object.h"
#include "server/heap/gc.h"
#include "server/heap/instance_object.h"
#include "server/heap/sizeof.h"
#include "server/heap/str_object.h"
#include "server/heap/weakref_object.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class WeakRefTest : public ::testing::TestWithParam<std::string> {
 protected:
  WeakRefTest() : heap_(**FindProfile(GetParam())) {}

  Ref Class(const std::string& name) {
    return NewClass(heap_, name, NewDict(heap_), kNoObject, kNoObject, SlotsSpec());
  }
  void ExpectConsistent() {
    const absl::Status status = CheckConsistency(heap_, [this](ObjectId id) -> uint64_t {
      return held_.contains(id) ? held_.at(id) : 0;
    });
    EXPECT_TRUE(status.ok()) << status;
  }

  Heap heap_;
  absl::flat_hash_map<ObjectId, uint64_t> held_;
};

TEST_P(WeakRefTest, TheCallbacklessReferenceIsReusedAndClearedWhenTheReferentDies) {
  Ref cls = Class("Node");
  Ref node = NewInstance(heap_, cls.get());
  EXPECT_EQ(WeakReferenceableKind(heap_, node.get()), WeakReferenceable::kYes);
  Ref first = NewWeakRef(heap_, node.get());
  Ref second = NewWeakRef(heap_, node.get());
  EXPECT_EQ(first.get(), second.get());
  EXPECT_EQ(heap_.object(first.get()).refcount, 2u);
  EXPECT_EQ(heap_.object(node.get()).refcount, 1u);  // a weak reference does not count
  const bool vectorcall = GetParam() != "3.8" && GetParam() != "3.9" && GetParam() != "3.10";
  EXPECT_EQ(SizeOf(heap_, first.get()), vectorcall ? 80u : 72u);
  EXPECT_TRUE(heap_.IsTracked(first.get()));
  ASSERT_EQ(WeakRefsTo(heap_, node.get()).size(), 1u);
  held_ = {{cls.get(), 1}, {node.get(), 1}, {first.get(), 2}};
  ExpectConsistent();
  node.Reset();
  EXPECT_EQ(WeakRefReferent(heap_, first.get()), kNoObject);
  held_ = {{cls.get(), 1}, {first.get(), 2}};
  ExpectConsistent();
  second.Reset();
  first.Reset();
  held_ = {{cls.get(), 1}};
  ExpectConsistent();
}

TEST_P(WeakRefTest, AReferenceFreedFirstLeavesItsReferentsList) {
  Ref cls = Class("Node");
  Ref node = NewInstance(heap_, cls.get());
  Ref ref = NewWeakRef(heap_, node.get());
  ref.Reset();
  EXPECT_TRUE(WeakRefsTo(heap_, node.get()).empty());
  EXPECT_FALSE(heap_.object(node.get()).has(kHasWeakRefs));
  held_ = {{cls.get(), 1}, {node.get(), 1}};
  ExpectConsistent();
  // A new one is made afresh.
  Ref again = NewWeakRef(heap_, node.get());
  EXPECT_EQ(WeakRefsTo(heap_, node.get()).size(), 1u);
  held_[again.get()] = 1;
  ExpectConsistent();
}

TEST_P(WeakRefTest, TheCollectorFreesACycleAndItsReferencesAnswerNone) {
  Ref cls = Class("Node");
  Ref a = NewInstance(heap_, cls.get());
  Ref b = NewInstance(heap_, cls.get());
  Ref other = InternStr(heap_, "other");
  InstanceSetAttr(heap_, a.get(), other.get(), b.get());
  InstanceSetAttr(heap_, b.get(), other.get(), a.get());
  Ref ref = NewWeakRef(heap_, a.get());
  const ObjectId a_id = a.get();
  a.Reset();
  b.Reset();
  EXPECT_EQ(WeakRefReferent(heap_, ref.get()), a_id);  // the cycle keeps it alive
  Collect(heap_, 2);
  EXPECT_EQ(WeakRefReferent(heap_, ref.get()), kNoObject);
  held_ = {{cls.get(), 1}, {ref.get(), 1}, {other.get(), 1}};
  ExpectConsistent();
}

INSTANTIATE_TEST_SUITE_P(Profiles, WeakRefTest, ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
