// Instances of classes with __slots__: their sizes and blocks as CPython
// lays them out (measured on 3.8.18 ... 3.13.0), the member descriptors'
// reads, writes and errors, and the GC freeing cycles through slots with
// every count and block accounted for.

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "server/heap/consistency.h"
#include "server/heap/dict_object.h"
#include "server/heap/gc.h"
#include "server/heap/instance_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/sizeof.h"
#include "server/heap/str_object.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

SlotsSpec Slots(std::vector<std::string> names, bool weakref) {
  SlotsSpec spec;
  spec.present = true;
  spec.names = std::move(names);
  spec.weakref = weakref;
  return spec;
}

class SlottedTest : public ::testing::TestWithParam<std::string> {
 protected:
  SlottedTest() : heap_(**FindProfile(GetParam())) {}

  Ref Class(const std::string& name, const SlotsSpec& slots, ObjectId base = kNoObject) {
    return NewClass(heap_, name, NewDict(heap_), base, kNoObject, slots);
  }

  Heap heap_;
};

TEST_P(SlottedTest, SizesFollowTheSlotsAndWhereTheWeakReferenceListLives) {
  const bool managed_weakref = GetParam() == "3.12" || GetParam() == "3.13";
  Ref pair = Class("Pair", Slots({"x", "y"}, false));
  Ref empty = Class("Empty", Slots({}, false));
  Ref weak = Class("Weak", Slots({"x"}, true));
  Ref triple = Class("Triple", Slots({"z"}, false), pair.get());
  Ref a = NewInstance(heap_, pair.get());
  Ref b = NewInstance(heap_, empty.get());
  Ref c = NewInstance(heap_, weak.get());
  Ref d = NewInstance(heap_, triple.get());
  EXPECT_EQ(SizeOf(heap_, a.get()), 48u);
  EXPECT_EQ(SizeOf(heap_, b.get()), 32u);
  EXPECT_EQ(SizeOf(heap_, c.get()), managed_weakref ? 56u : 48u);
  EXPECT_EQ(SizeOf(heap_, d.get()), 56u);
  // The object starts after the GC header and any pre-header.
  EXPECT_EQ(heap_.HeaderBytesOf(a.get()), 16u);
  EXPECT_EQ(heap_.HeaderBytesOf(c.get()), managed_weakref ? 32u : 16u);
  EXPECT_TRUE(heap_.IsTracked(b.get()));
}

TEST_P(SlottedTest, SlotsBesideADictAddTheDictPointerWhereItIsInsideTheObject) {
  const bool dict_inside = GetParam() == "3.8" || GetParam() == "3.9" || GetParam() == "3.10";
  SlotsSpec with_dict = Slots({"x"}, false);
  with_dict.dict = true;
  Ref cls = Class("WithDict", with_dict);
  Ref obj = NewInstance(heap_, cls.get());
  // 3.8-3.10: head, x and the dict pointer; 3.11+: head and x, the dict in
  // the 16-byte pre-header.
  EXPECT_EQ(SizeOf(heap_, obj.get()), dict_inside ? 48u : 56u);
  Ref q = InternStr(heap_, "q");
  ASSERT_TRUE(InstanceStoreAttr(heap_, obj.get(), q.get(), heap_.none()).ok());
  EXPECT_EQ(InstanceGetAttr(heap_, obj.get(), q.get()), heap_.none());
}

TEST_P(SlottedTest, MembersReadWriteAndDeleteTheirSlots) {
  Ref pair = Class("Pair", Slots({"x", "y"}, false));
  Ref obj = NewInstance(heap_, pair.get());
  Ref x = InternStr(heap_, "x");
  Ref z = InternStr(heap_, "z");
  const ObjectId member = ClassLookup(heap_, pair.get(), x.get());
  ASSERT_EQ(heap_.type_of(member), TypeTag::kMemberDescriptor);
  absl::StatusOr<ObjectId> unset = MemberGet(heap_, member, obj.get());
  ASSERT_FALSE(unset.ok());
  EXPECT_EQ(PyErrorDetail(unset.status()), GetParam() == "3.8" || GetParam() == "3.9"
                                               ? "x"
                                               : "'Pair' object has no attribute 'x'");
  Ref list = NewList(heap_, 0);
  ASSERT_TRUE(InstanceStoreAttr(heap_, obj.get(), x.get(), list.get()).ok());
  EXPECT_EQ(heap_.refcount(list.get()), 2u);
  EXPECT_EQ(*MemberGet(heap_, member, obj.get()), list.get());
  ASSERT_TRUE(InstanceStoreAttr(heap_, obj.get(), x.get(), kNoObject).ok());
  EXPECT_EQ(heap_.refcount(list.get()), 1u);
  EXPECT_EQ(PyErrorDetail(InstanceStoreAttr(heap_, obj.get(), x.get(), kNoObject)), "x");
  EXPECT_EQ(PyErrorDetail(InstanceStoreAttr(heap_, obj.get(), z.get(), list.get())),
            GetParam() == "3.13" ? "'Pair' object has no attribute 'z' and no __dict__ for "
                                   "setting new attributes"
                                 : "'Pair' object has no attribute 'z'");
}

TEST_P(SlottedTest, CyclesThroughSlotsAreCollectedAndTheHeapStaysConsistent) {
  Ref node = Class("Node", Slots({"next", "value"}, false));
  Ref next = InternStr(heap_, "next");
  Collect(heap_, 2);
  {
    std::vector<Ref> ring;
    for (int i = 0; i < 10; ++i) ring.push_back(NewInstance(heap_, node.get()));
    for (int i = 0; i < 10; ++i) {
      ASSERT_TRUE(
          InstanceStoreAttr(heap_, ring[i].get(), next.get(), ring[(i + 1) % 10].get()).ok());
    }
  }
  EXPECT_EQ(Collect(heap_, 2).unreachable, 10u);
  const absl::Status status = CheckConsistency(
      heap_, [&](ObjectId id) { return uint64_t{id == node.get() || id == next.get() ? 1u : 0u}; });
  EXPECT_TRUE(status.ok()) << status;
}

INSTANTIATE_TEST_SUITE_P(Profiles, SlottedTest, ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
