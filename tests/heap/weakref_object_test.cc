// Weak references: the callback-less reference reused, the referent's list
// kept in step as references and referents die in either order, cycles
// freed by the collector clearing the references to them, callbacks (the
// referent parked until they run, the collector calling only those of
// references outside the garbage, in order), and every count and block
// accounted for after each step.

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

TEST_P(WeakRefTest, ReferencesWithCallbacksAreNewAndListedNewestFirstAfterTheBasicOne) {
  Ref cls = Class("Node");
  Ref node = NewInstance(heap_, cls.get());
  Ref callback = InternStr(heap_, "callback");
  Ref first = NewWeakRefWithCallback(heap_, node.get(), callback.get());
  Ref basic = NewWeakRef(heap_, node.get());
  Ref second = NewWeakRefWithCallback(heap_, node.get(), callback.get());
  EXPECT_NE(first.get(), second.get());
  EXPECT_EQ(heap_.weakref(first.get()).callback, callback.get());
  Ref again = NewWeakRef(heap_, node.get());
  EXPECT_EQ(again.get(), basic.get());
  const auto listed = WeakRefsTo(heap_, node.get());
  EXPECT_EQ(std::vector<ObjectId>(listed.begin(), listed.end()),
            (std::vector<ObjectId>{basic.get(), second.get(), first.get()}));
  EXPECT_TRUE(HasWeakRefCallbacks(heap_, node.get()));
  EXPECT_TRUE(heap_.IsTracked(second.get()));
  EXPECT_EQ(SizeOf(heap_, second.get()), SizeOf(heap_, basic.get()));
  held_ = {{cls.get(), 1}, {node.get(), 1}, {callback.get(), 1}, {first.get(), 1},
           {basic.get(), 2}, {second.get(), 1}};
  ExpectConsistent();
}

TEST_P(WeakRefTest, TheBasicProxyIsSharedAndListedAfterTheBasicReference) {
  Ref cls = Class("Node");
  Ref node = NewInstance(heap_, cls.get());
  Ref callback = InternStr(heap_, "callback");
  Ref proxy = NewWeakProxy(heap_, node.get(), /*callable=*/false, kNoObject);
  EXPECT_TRUE(IsWeakProxy(heap_, proxy.get()));
  // The proxy heads the list alone: weakref.ref() must not reuse it.
  Ref basic = NewWeakRef(heap_, node.get());
  EXPECT_NE(basic.get(), proxy.get());
  EXPECT_FALSE(IsWeakProxy(heap_, basic.get()));
  Ref with_callback = NewWeakProxy(heap_, node.get(), false, callback.get());
  Ref ref_with_callback = NewWeakRefWithCallback(heap_, node.get(), callback.get());
  Ref again = NewWeakProxy(heap_, node.get(), false, kNoObject);
  EXPECT_EQ(again.get(), proxy.get());
  const auto listed = WeakRefsTo(heap_, node.get());
  EXPECT_EQ(std::vector<ObjectId>(listed.begin(), listed.end()),
            (std::vector<ObjectId>{basic.get(), proxy.get(), ref_with_callback.get(),
                                   with_callback.get()}));
  EXPECT_EQ(SizeOf(heap_, proxy.get()), SizeOf(heap_, basic.get()));
  EXPECT_TRUE(heap_.IsTracked(proxy.get()));
  EXPECT_EQ(WeakReferenceableKind(heap_, proxy.get()), WeakReferenceable::kNo);
  held_ = {{cls.get(), 1},           {node.get(), 1},  {callback.get(), 1},
           {proxy.get(), 2},         {basic.get(), 1}, {with_callback.get(), 1},
           {ref_with_callback.get(), 1}};
  ExpectConsistent();
}

TEST_P(WeakRefTest, AReferentWithCallbacksDueIsParkedUntilTheyAreTaken) {
  Ref cls = Class("Node");
  Ref node = NewInstance(heap_, cls.get());
  Ref callback = InternStr(heap_, "callback");
  Ref basic = NewWeakRef(heap_, node.get());
  Ref first = NewWeakRefWithCallback(heap_, node.get(), callback.get());
  Ref second = NewWeakRefWithCallback(heap_, node.get(), callback.get());
  const ObjectId node_id = node.get();
  node.Reset();
  // Not yet deallocated: the queue holds it, its references still name it.
  ASSERT_TRUE(heap_.has_pending_finalizers());
  EXPECT_EQ(heap_.object(node_id).refcount, 1u);
  EXPECT_FALSE(heap_.IsTracked(node_id));
  EXPECT_EQ(WeakRefReferent(heap_, first.get()), node_id);
  held_ = {{cls.get(), 1}, {callback.get(), 1}, {basic.get(), 1}, {first.get(), 1},
           {second.get(), 1}};
  ExpectConsistent();
  const std::vector<Heap::QueuedStep> queue = heap_.TakeFinalizerQueue();
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].kind, Heap::QueuedStep::Kind::kClearWeakRefs);
  EXPECT_EQ(queue[0].instance, node_id);
  // PyObject_ClearWeakRefs: every reference cleared, callbacks in list order.
  const std::vector<DueWeakRefCallback> due = ClearWeakRefsTakingCallbacks(heap_, node_id);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].weakref, second.get());
  EXPECT_EQ(due[1].weakref, first.get());
  for (ObjectId ref : {basic.get(), first.get(), second.get()}) {
    EXPECT_EQ(WeakRefReferent(heap_, ref), kNoObject);
    EXPECT_EQ(heap_.weakref(ref).callback, kNoObject);
  }
  for (const DueWeakRefCallback& entry : due) heap_.DecRef(entry.callback);
  heap_.DecRef(node_id);
  EXPECT_FALSE(heap_.is_live(node_id));
  EXPECT_FALSE(heap_.has_pending_finalizers());
  held_ = {{cls.get(), 1}, {callback.get(), 1}, {basic.get(), 1}, {first.get(), 1},
           {second.get(), 1}};
  ExpectConsistent();
}

TEST_P(WeakRefTest, TheCollectorCallsOnlyReachableReferencesCallbacksInOrder) {
  Ref cls = Class("Node");
  Ref a = NewInstance(heap_, cls.get());
  Ref b = NewInstance(heap_, cls.get());
  Ref other = InternStr(heap_, "other");
  Ref inner_name = InternStr(heap_, "inner");
  Ref callback = InternStr(heap_, "callback");
  InstanceSetAttr(heap_, a.get(), other.get(), b.get());
  InstanceSetAttr(heap_, b.get(), other.get(), a.get());
  Ref to_b = NewWeakRefWithCallback(heap_, b.get(), callback.get());
  Ref to_a = NewWeakRefWithCallback(heap_, a.get(), callback.get());
  {
    // A reference inside the garbage: cleared, its callback never called.
    Ref inner = NewWeakRefWithCallback(heap_, a.get(), callback.get());
    InstanceSetAttr(heap_, b.get(), inner_name.get(), inner.get());
  }
  a.Reset();
  b.Reset();
  std::vector<ObjectId> called;
  const ObjectId freed_ref = to_b.get();
  FinalizerRunner runner{
      .run = [](ObjectId) {},
      .run_queued = [] {},
      .run_weakref_callback =
          [&](ObjectId weakref, ObjectId cb) {
            EXPECT_EQ(cb, callback.get());
            EXPECT_EQ(WeakRefReferent(heap_, weakref), kNoObject);  // cleared first
            called.push_back(weakref);
            if (weakref == freed_ref) to_b.Reset();  // the collector's reference is the last
          }};
  const uint64_t garbage = Collect(heap_, 2, runner).unreachable;
  // The garbage's list order decides: a's reference first, then b's.
  EXPECT_EQ(called, (std::vector<ObjectId>{to_a.get(), freed_ref}));
  EXPECT_FALSE(heap_.is_live(freed_ref));
  EXPECT_EQ(heap_.weakref(to_a.get()).callback, callback.get());  // kept by the reference
  EXPECT_TRUE(heap_.IsTracked(to_a.get()));
  // a, b, their dicts where they have them, the inner reference, and the
  // reference freed after its callback.
  const uint64_t dicts = heap_.profile().instance_storage == InstanceStorage::kSplitDict ? 2 : 0;
  EXPECT_EQ(garbage, 2 + dicts + 1 + 1);
  held_ = {{cls.get(), 1}, {other.get(), 1}, {inner_name.get(), 1}, {callback.get(), 1},
           {to_a.get(), 1}};
  ExpectConsistent();
}

INSTANTIATE_TEST_SUITE_P(Profiles, WeakRefTest, ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
