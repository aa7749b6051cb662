// Fiber: bodies run on their own stacks, suspend to whoever resumed them,
// nest, and recurse deeply.

#include "server/script/fiber.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace heapsim::script {
namespace {

TEST(FiberTest, SuspendsToTheResumerAndFinishes) {
  std::vector<std::string> trace;
  Fiber* self = nullptr;
  absl::StatusOr<std::unique_ptr<Fiber>> fiber = Fiber::Create([&]() {
    trace.push_back("start");
    self->Suspend();
    trace.push_back("middle");
    self->Suspend();
    trace.push_back("end");
  });
  ASSERT_TRUE(fiber.ok()) << fiber.status();
  self = fiber->get();
  EXPECT_EQ(Fiber::live(), 1u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(self->finished());
    self->Resume();
    trace.push_back("back");
  }
  EXPECT_TRUE(self->finished());
  EXPECT_EQ(trace, (std::vector<std::string>{"start", "back", "middle", "back", "end", "back"}));
  fiber->reset();
  EXPECT_EQ(Fiber::live(), 0u);
}

TEST(FiberTest, AFiberResumesAnotherFromItsOwnStack) {
  std::vector<int> order;
  Fiber* inner_self = nullptr;
  Fiber* outer_self = nullptr;
  auto inner = Fiber::Create([&]() {
    order.push_back(2);
    inner_self->Suspend();
    order.push_back(5);
  });
  ASSERT_TRUE(inner.ok());
  inner_self = inner->get();
  auto outer = Fiber::Create([&]() {
    order.push_back(1);
    inner_self->Resume();
    order.push_back(3);
    outer_self->Suspend();
    inner_self->Resume();
    order.push_back(6);
  });
  ASSERT_TRUE(outer.ok());
  outer_self = outer->get();
  outer_self->Resume();
  order.push_back(4);
  outer_self->Resume();
  EXPECT_TRUE(inner_self->finished());
  EXPECT_TRUE(outer_self->finished());
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3, 4, 5, 6}));
}

int Depth(int n) {
  volatile char frame[512] = {};
  frame[0] = static_cast<char>(n);
  return n == 0 ? frame[0] : Depth(n - 1) + 1;
}

TEST(FiberTest, DeepRecursionFitsOnAFiberStack) {
  int result = 0;
  auto fiber = Fiber::Create([&]() { result = Depth(100000); });
  ASSERT_TRUE(fiber.ok());
  (*fiber)->Resume();
  EXPECT_TRUE((*fiber)->finished());
  EXPECT_EQ(result, 100000);
}

}  // namespace
}  // namespace heapsim::script
