// memoryview's two objects: the managed buffer shared by a view and its
// slices, the exporter's reference and export held until the last view is
// released, writes through strided views, the order a dying view frees
// things in, and every count and block accounted for after each step.

#include "gtest/gtest.h"
#include "server/heap/bytes_object.h"
#include "server/heap/consistency.h"
#include "server/heap/gc.h"
#include "server/heap/list_object.h"
#include "server/heap/memoryview_object.h"
#include "server/heap/sizeof.h"
#include "server/heap/value_ops.h"
#include "tests/heap/held_references.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class MemoryViewTest : public ::testing::TestWithParam<std::string> {
 protected:
  MemoryViewTest() : heap_(**FindProfile(GetParam())) {}

  void ExpectConsistent(std::initializer_list<ObjectId> held) {
    const absl::Status status = testing::CheckConsistencyHolding(heap_, held);
    EXPECT_TRUE(status.ok()) << status;
  }

  Heap heap_;
};

TEST_P(MemoryViewTest, SlicesShareTheManagedBufferThatHoldsTheExporter) {
  Ref data = NewByteArray(heap_, "abcdefgh");
  heap_.tracemalloc().Start();
  Ref view = NewMemoryView(heap_, data.get());
  EXPECT_EQ(heap_.tracemalloc().current(), kMemoryViewRequest + kManagedBufferRequest);
  EXPECT_EQ(SizeOf(heap_, view.get()), 184u);
  EXPECT_TRUE(heap_.IsTracked(view.get()));
  EXPECT_EQ(heap_.object(data.get()).refcount, 2u);  // the managed buffer's
  EXPECT_FALSE(ByteArrayCanResize(heap_, data.get()).ok());
  Ref slice = NewMemoryViewSlice(heap_, view.get(), 1, 2, 3);  // [1:7:2]
  EXPECT_EQ(heap_.tracemalloc().current(), 2 * kMemoryViewRequest + kManagedBufferRequest);
  EXPECT_EQ(MemoryViewBytes(heap_, slice.get()), "bdf");
  EXPECT_FALSE(MemoryViewContiguous(heap_, slice.get()));
  Ref reversed = NewMemoryViewSlice(heap_, slice.get(), 2, -1, 3);  // [::-1] of it
  EXPECT_EQ(MemoryViewBytes(heap_, reversed.get()), "fdb");
  MemoryViewStore(heap_, reversed.get(), 0, 1, "FD");
  EXPECT_EQ(BytesData(heap_, data.get()), "abcDeFgh");
  EXPECT_EQ(heap_.object(data.get()).refcount, 2u);
  ExpectConsistent({data.get(), view.get(), slice.get(), reversed.get()});

  // Released views keep the buffer until the last one goes.
  ReleaseMemoryView(heap_, view.get());
  ReleaseMemoryView(heap_, view.get());
  reversed.Reset();
  EXPECT_FALSE(ByteArrayCanResize(heap_, data.get()).ok());
  ReleaseMemoryView(heap_, slice.get());
  EXPECT_TRUE(ByteArrayCanResize(heap_, data.get()).ok());
  EXPECT_EQ(heap_.object(data.get()).refcount, 1u);
  ExpectConsistent({data.get(), view.get(), slice.get()});
  slice.Reset();
  view.Reset();
  EXPECT_EQ(heap_.tracemalloc().current(), 0u);
  ExpectConsistent({data.get()});
}

TEST_P(MemoryViewTest, TheLastViewFreesTheExporterThenTheBufferThenItself) {
  Ref view = NewMemoryView(heap_, NewBytes(heap_, "a dying exporter").get());
  const ObjectId exporter = MemoryViewExporter(heap_, view.get());
  EXPECT_EQ(heap_.object(exporter).refcount, 1u);
  EXPECT_EQ(Hash(heap_, view.get()).value(), Hash(heap_, exporter).value());
  heap_.tracemalloc().Start();
  view.Reset();
  EXPECT_FALSE(heap_.IsLive(exporter));
  ExpectConsistent({});
}

TEST_P(MemoryViewTest, TheCollectorReleasesAViewHeldByACycle) {
  Ref data = NewByteArray(heap_, "xyz");
  Ref list = NewList(heap_, 0);
  ListAppend(heap_, list.get(), NewMemoryView(heap_, data.get()).get());
  ListAppend(heap_, list.get(), list.get());
  list.Reset();
  EXPECT_FALSE(ByteArrayCanResize(heap_, data.get()).ok());
  EXPECT_EQ(Collect(heap_, 2).unreachable, 3u);  // the list, the view, its buffer
  EXPECT_TRUE(ByteArrayCanResize(heap_, data.get()).ok());
  EXPECT_EQ(heap_.object(data.get()).refcount, 1u);
  ExpectConsistent({data.get()});
}

INSTANTIATE_TEST_SUITE_P(Profiles, MemoryViewTest, ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
