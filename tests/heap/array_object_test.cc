// array.array in the engine: the object and its item buffer as
// array_resize grows and keeps it (getsizeof figures measured on CPython),
// the conversions' range errors, comparisons and repr, GC tracking per
// profile, and every block accounted for.

#include <initializer_list>

#include "gtest/gtest.h"
#include "server/heap/array_object.h"
#include "server/heap/consistency.h"
#include "server/heap/float_object.h"
#include "server/heap/int_object.h"
#include "server/heap/py_error.h"
#include "server/heap/sizeof.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"
#include "tests/heap/held_references.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class ArrayTest : public ::testing::TestWithParam<std::string> {
 protected:
  ArrayTest() : heap_(**FindProfile(GetParam())) {}

  bool GcArrays() const { return GetParam() != "3.8" && GetParam() != "3.9"; }
  uint64_t Header() const { return GcArrays() ? 80 : 64; }

  // Checks the heap with `held` as the test's own references.
  void ExpectConsistent(std::initializer_list<ObjectId> held) {
    const absl::Status status = testing::CheckConsistencyHolding(heap_, held);
    EXPECT_TRUE(status.ok()) << status;
  }

  // Appends int `value` to array `id` as array.append does.
  void Append(ObjectId id, int64_t value) {
    Ref item = NewInt(heap_, value);
    absl::StatusOr<std::string> raw = ArrayPackItem(heap_, ArrayTypecodeOf(heap_, id), item.get());
    ASSERT_TRUE(raw.ok()) << raw.status();
    const auto length = static_cast<uint64_t>(ArrayLength(heap_, id));
    ASSERT_TRUE(ArrayReplace(heap_, id, length, length, *raw).ok());
  }

  Heap heap_;
};

TEST_P(ArrayTest, AppendsGrowTheBufferByArraysOwnFormula) {
  Ref a = NewArray(heap_, 'i', "");
  // getsizeof after 0, 1, ..., 17 appends of 4-byte items (3.8: 64 + ...).
  const uint64_t expected[] = {0, 16, 16, 16, 16, 32, 32, 32, 32, 64, 64, 64, 64, 64, 64, 64, 64, 100};
  for (uint64_t size : expected) {
    EXPECT_EQ(SizeOf(heap_, a.get()), Header() + size) << ArrayLength(heap_, a.get());
    Append(a.get(), ArrayLength(heap_, a.get()));
  }
  EXPECT_EQ(heap_.IsTracked(a.get()), GcArrays());
  ExpectConsistent({a.get()});
}

TEST_P(ArrayTest, KnownLengthsAllocateExactlyAndShrinkingKeepsTheBufferUnder16Items) {
  Ref a = NewArray(heap_, 'd', std::string(3 * 8, '\0'));
  EXPECT_EQ(SizeOf(heap_, a.get()), Header() + 24);
  Ref b = NewArray(heap_, 'i', std::string(100 * 4, '\0'));
  ASSERT_TRUE(ArrayReplace(heap_, b.get(), 99, 100, "").ok());  // pop(): kept
  EXPECT_EQ(SizeOf(heap_, b.get()), Header() + 400);
  ASSERT_TRUE(ArrayReplace(heap_, b.get(), 10, 90, "").ok());  // 19 left: 19 + 1 + 7
  EXPECT_EQ(SizeOf(heap_, b.get()), Header() + 27 * 4);
  ASSERT_TRUE(ArrayResize(heap_, b.get(), 5).ok());  // within 16 of 19: kept
  EXPECT_EQ(SizeOf(heap_, b.get()), Header() + 27 * 4);
  Ref empty = NewArray(heap_, 'b', "");
  EXPECT_EQ(SizeOf(heap_, empty.get()), Header());
  ExpectConsistent({a.get(), b.get(), empty.get()});
}

TEST_P(ArrayTest, TracemallocSeesTheObjectAndTheReallocatedBuffer) {
  heap_.tracemalloc().Start();
  Ref a = NewArray(heap_, 'q', "");
  EXPECT_EQ(heap_.tracemalloc().current(), Header());
  Append(a.get(), 1);
  EXPECT_EQ(heap_.tracemalloc().current(), Header() + 4 * 8);
  for (int i = 0; i < 4; ++i) Append(a.get(), i);
  EXPECT_EQ(heap_.tracemalloc().current(), Header() + 8 * 8);  // realloc'd, not added
  a.Reset();
  EXPECT_EQ(heap_.tracemalloc().current(), 0u);
  ExpectConsistent({});
}

TEST_P(ArrayTest, ConversionsRaiseEachTypecodesOverflowError) {
  auto error = [this](char code, int64_t value) {
    Ref item = NewInt(heap_, value);
    absl::StatusOr<std::string> raw = ArrayPackItem(heap_, *FindArrayTypecode(code), item.get());
    return raw.ok() ? std::string("ok") : PyErrorDetail(raw.status());
  };
  EXPECT_EQ(error('b', 128), "signed char is greater than maximum");
  EXPECT_EQ(error('b', 40000), "signed short integer is greater than maximum");
  EXPECT_EQ(error('B', -1), "unsigned byte integer is less than minimum");
  EXPECT_EQ(error('H', 1LL << 40), "signed integer is greater than maximum");
  EXPECT_EQ(error('H', 65536), "unsigned short is greater than maximum");
  EXPECT_EQ(error('I', -1), "can't convert negative value to unsigned int");
  EXPECT_EQ(error('I', 1LL << 32), "unsigned int is greater than maximum");
  EXPECT_EQ(error('Q', -1), "can't convert negative int to unsigned");
  EXPECT_EQ(error('i', -(1LL << 31)), "ok");
  EXPECT_EQ(error('l', 1LL << 40), "ok");
}

TEST_P(ArrayTest, ReprEqualityAndOrderFollowTheItemsValues) {
  Ref ints = NewArray(heap_, 'i', "");
  Append(ints.get(), 1);
  Append(ints.get(), -2);
  EXPECT_EQ(Repr(heap_, ints.get()), "array('i', [1, -2])");
  Ref doubles = NewArray(heap_, 'd', "");
  for (double v : {1.0, -2.0}) {
    Ref f = NewFloat(heap_, v);
    const std::string raw = *ArrayPackItem(heap_, *FindArrayTypecode('d'), f.get());
    const auto n = static_cast<uint64_t>(ArrayLength(heap_, doubles.get()));
    ASSERT_TRUE(ArrayReplace(heap_, doubles.get(), n, n, raw).ok());
  }
  EXPECT_EQ(Repr(heap_, doubles.get()), "array('d', [1.0, -2.0])");
  EXPECT_TRUE(Equal(heap_, ints.get(), doubles.get()));
  Append(doubles.get(), 0);  // an int into a 'd' array
  EXPECT_TRUE(ArrayLess(heap_, ints.get(), doubles.get()));
  EXPECT_FALSE(ArrayLess(heap_, doubles.get(), ints.get()));
  Ref empty = NewArray(heap_, 'b', "");
  EXPECT_EQ(Repr(heap_, empty.get()), "array('b')");
  absl::StatusOr<int64_t> hash = Hash(heap_, ints.get());
  EXPECT_FALSE(hash.ok());
  EXPECT_EQ(PyErrorDetail(hash.status()), "unhashable type: 'array.array'");
}

INSTANTIATE_TEST_SUITE_P(Profiles, ArrayTest, ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
