#include "server/script/compact_vector.h"

#include <memory>
#include <string>
#include <utility>

#include "gtest/gtest.h"

namespace heapsim::script {
namespace {

TEST(CompactVectorTest, IsOnePointerAndOwnsNothingWhenEmpty) {
  static_assert(sizeof(CompactVector<std::string>) == sizeof(void*));
  CompactVector<std::string> v;
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.size(), 0u);
  EXPECT_EQ(v.data(), nullptr);
  EXPECT_EQ(v.begin(), v.end());
}

TEST(CompactVectorTest, AppendsAndGrowsKeepingOrder) {
  CompactVector<std::string> v;
  for (int i = 0; i < 100; ++i) v.push_back(std::to_string(i));
  v.emplace_back(3, 'x');
  ASSERT_EQ(v.size(), 101u);
  EXPECT_EQ(v.front(), "0");
  EXPECT_EQ(v[57], "57");
  EXPECT_EQ(v.back(), "xxx");
  int i = 0;
  for (const std::string& s : v) {
    if (i < 100) EXPECT_EQ(s, std::to_string(i));
    ++i;
  }
  EXPECT_EQ(i, 101);
}

TEST(CompactVectorTest, InsertsAndErasesOneElement) {
  CompactVector<int> v;
  v.insert(v.begin(), 2);
  v.insert(v.begin(), 0);
  v.insert(v.begin() + 1, 1);
  v.insert(v.end(), 3);
  ASSERT_EQ(v.size(), 4u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(v[i], i);
  int* next = v.erase(v.begin() + 1);
  EXPECT_EQ(*next, 2);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0], 0);
  EXPECT_EQ(v[1], 2);
  EXPECT_EQ(v[2], 3);
  v.pop_back();
  EXPECT_EQ(v.back(), 2);
}

TEST(CompactVectorTest, ResizesWithValueInitialisedElements) {
  CompactVector<int> v;
  v.resize(5);
  ASSERT_EQ(v.size(), 5u);
  for (int x : v) EXPECT_EQ(x, 0);
  v[4] = 9;
  v.resize(2);
  EXPECT_EQ(v.size(), 2u);
  v.clear();
  EXPECT_TRUE(v.empty());
}

TEST(CompactVectorTest, DestroysEveryElementOnce) {
  auto counter = std::make_shared<int>(0);
  {
    CompactVector<std::shared_ptr<int>> v;
    for (int i = 0; i < 20; ++i) v.push_back(counter);
    EXPECT_EQ(counter.use_count(), 21);
    v.pop_back();
    v.erase(v.begin());
    EXPECT_EQ(counter.use_count(), 19);
  }
  EXPECT_EQ(counter.use_count(), 1);
}

TEST(CompactVectorTest, MovesByTakingTheBlock) {
  CompactVector<std::unique_ptr<int>> a;
  a.push_back(std::make_unique<int>(7));
  int* item = a[0].get();
  CompactVector<std::unique_ptr<int>> b = std::move(a);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].get(), item);
  CompactVector<std::unique_ptr<int>> c;
  c.push_back(std::make_unique<int>(1));
  c = std::move(b);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(*c[0], 7);
}

}  // namespace
}  // namespace heapsim::script
