// itertools' objects in the engine: their sizes per version, GC tracking,
// the fields they hold visited in traverse order, the order deallocation
// drops them in (seen through the pymalloc block each freed object leaves
// for the next), the reprs of count and repeat, and a cycle through an
// itertools object collected.

#include "gtest/gtest.h"
#include "server/heap/consistency.h"
#include "server/heap/gc.h"
#include "server/heap/int_object.h"
#include "server/heap/itertools_object.h"
#include "server/heap/list_object.h"
#include "server/heap/referents.h"
#include "server/heap/sizeof.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"
#include "tests/heap/held_references.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class ItertoolsObjectTest : public ::testing::TestWithParam<std::string> {
 protected:
  ItertoolsObjectTest() : heap_(**FindProfile(GetParam())) {}

  void ExpectConsistent(std::initializer_list<ObjectId> held) {
    const absl::Status status = testing::CheckConsistencyHolding(heap_, held);
    EXPECT_TRUE(status.ok()) << status;
  }

  Heap heap_;
};

TEST_P(ItertoolsObjectTest, SizesAreCPythonsAndEveryObjectIsTracked) {
  const bool accumulate_grew = heap_.profile().itertools.traverse_visits_type;  // 3.12+
  const struct {
    IterKind kind;
    uint64_t size;
    size_t fields;
  } kExpected[] = {
      {IterKind::kItertoolsCount, 56, 2},       {IterKind::kItertoolsCycle, 64, 2},
      {IterKind::kItertoolsRepeat, 48, 1},      {IterKind::kItertoolsIslice, 72, 1},
      {IterKind::kItertoolsChain, 48, 2},       {IterKind::kItertoolsStarmap, 48, 2},
      {IterKind::kItertoolsTakewhile, 56, 2},   {IterKind::kItertoolsDropwhile, 56, 2},
      {IterKind::kItertoolsFilterfalse, 48, 2}, {IterKind::kItertoolsCompress, 48, 2},
      {IterKind::kItertoolsAccumulate, accumulate_grew ? 72u : 64u, 4},
      {IterKind::kItertoolsProduct, 64, 2},     {IterKind::kItertoolsCombinations, 72, 2},
      {IterKind::kItertoolsCombinationsWithReplacement, 72, 2},
      {IterKind::kItertoolsPermutations, 80, 2},
      {IterKind::kItertoolsPairwise, heap_.profile().itertools.pairwise_reuses_result ? 56u : 48u, 3},
      {IterKind::kItertoolsZipLongest, 72, 3},
  };
  for (const auto& expected : kExpected) {
    Ref object = NewItertoolsObject(heap_, expected.kind,
                                    std::vector<ObjectId>(expected.fields, kNoObject));
    EXPECT_EQ(SizeOf(heap_, object.get()), expected.size) << ItertoolsTypeName(expected.kind);
    EXPECT_TRUE(heap_.IsTracked(object.get()));
    EXPECT_EQ(TypeName(heap_, object.get()),
              "itertools." + std::string(ItertoolsTypeName(expected.kind)));
  }
  ExpectConsistent({});
}

TEST_P(ItertoolsObjectTest, FieldsAreVisitedInTraverseOrderAndReleasedWithTheObject) {
  Ref function = NewStr(heap_, "predicate stand-in");
  Ref iterator = NewList(heap_, 0);
  Ref chain = NewItertoolsObject(heap_, IterKind::kItertoolsTakewhile,
                                 {heap_.NewRef(iterator.get()).release(),
                                  heap_.NewRef(function.get()).release()});
  std::vector<ObjectId> visited;
  ForEachTraversed(heap_, chain.get(), [&](ObjectId id) { visited.push_back(id); });
  EXPECT_EQ(visited, (std::vector<ObjectId>{iterator.get(), function.get()}));
  EXPECT_EQ(heap_.object(function.get()).refcount, 2u);
  ExpectConsistent({function.get(), iterator.get(), chain.get()});
  chain.Reset();
  EXPECT_EQ(heap_.object(function.get()).refcount, 1u);
  EXPECT_EQ(heap_.object(iterator.get()).refcount, 1u);
  ExpectConsistent({function.get(), iterator.get()});
}

TEST_P(ItertoolsObjectTest, ChainDropsItsActiveIteratorBeforeItsSource) {
  // Two 56-byte lists whose only owner is the chain: the one freed last is
  // at the head of its pymalloc size class, so the next list takes its block.
  Ref source = NewList(heap_, 0);
  Ref active = NewList(heap_, 0);
  const uint64_t source_address = heap_.object(source.get()).address;
  Ref chain = NewItertoolsObject(heap_, IterKind::kItertoolsChain,
                                 {source.release(), active.release()});
  chain.Reset();
  Ref next = NewList(heap_, 0);
  EXPECT_EQ(heap_.object(next.get()).address, source_address);
}

TEST_P(ItertoolsObjectTest, IndexArraysAreCountedBySizeOfAndFreedWithTheObject) {
  heap_.tracemalloc().Start();
  Ref pool = NewList(heap_, 0);
  const uint64_t before = heap_.tracemalloc().current();
  Ref permutations = NewItertoolsObject(heap_, IterKind::kItertoolsPermutations,
                                        {heap_.NewRef(pool.get()).release(), kNoObject});
  SetItertoolsIndices(heap_, permutations.get(), {0, 1, 2, 3}, {4, 3},
                      heap_.AllocateBuffer(32), heap_.AllocateBuffer(16));
  EXPECT_EQ(SizeOf(heap_, permutations.get()), 80u + 32u + 16u);
  EXPECT_EQ(heap_.tracemalloc().current() - before, 80u + 32u + 16u);
  permutations.Reset();
  EXPECT_EQ(heap_.tracemalloc().current(), before);
  ExpectConsistent({pool.get()});
}

TEST_P(ItertoolsObjectTest, CountAndRepeatShowTheirState) {
  Ref fast = NewItertoolsObject(heap_, IterKind::kItertoolsCount,
                                {kNoObject, NewInt(heap_, 1).release()});
  heap_.iterator(fast.get()).index = 5;
  EXPECT_EQ(Repr(heap_, fast.get()), "count(5)");
  Ref slow = NewItertoolsObject(heap_, IterKind::kItertoolsCount,
                                {NewInt(heap_, 7).release(), NewInt(heap_, 3).release()});
  EXPECT_EQ(Repr(heap_, slow.get()), "count(7, 3)");
  Ref unit = NewItertoolsObject(heap_, IterKind::kItertoolsCount,
                                {NewInt(heap_, 7).release(), NewInt(heap_, 1).release()});
  EXPECT_EQ(Repr(heap_, unit.get()), "count(7)");
  Ref repeat = NewItertoolsObject(heap_, IterKind::kItertoolsRepeat, {NewStr(heap_, "a").release()});
  heap_.iterator(repeat.get()).index = 3;
  EXPECT_EQ(Repr(heap_, repeat.get()), "repeat('a', 3)");
  heap_.iterator(repeat.get()).index = -1;
  EXPECT_EQ(Repr(heap_, repeat.get()), "repeat('a')");
  Ref islice = NewItertoolsObject(heap_, IterKind::kItertoolsIslice, {kNoObject});
  EXPECT_TRUE(Repr(heap_, islice.get()).starts_with("<itertools.islice object at 0x"));
}

TEST_P(ItertoolsObjectTest, ACycleThroughACycleObjectIsCollected) {
  // cycle(saved) whose saved list holds the cycle object itself.
  Ref saved = NewList(heap_, 0);
  Ref cycle = NewItertoolsObject(heap_, IterKind::kItertoolsCycle,
                                 {kNoObject, heap_.NewRef(saved.get()).release()});
  ListAppend(heap_, saved.get(), cycle.get());
  saved.Reset();
  cycle.Reset();
  EXPECT_EQ(Collect(heap_, 2).unreachable, 2u);
  ExpectConsistent({});
}

INSTANTIATE_TEST_SUITE_P(Profiles, ItertoolsObjectTest,
                         ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
