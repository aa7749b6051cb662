// Pymalloc's allocation order: the rules that decide which address a
// request gets, checked one by one.

#include "server/heap/pymalloc.h"

#include <set>
#include <vector>

#include "gtest/gtest.h"
#include "server/heap/address_space.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class PymallocTest : public ::testing::TestWithParam<std::string> {
 protected:
  PymallocTest() : profile_(**FindProfile(GetParam())), pymalloc_(profile_, &space_) {}

  uint32_t BlocksPerPool(uint32_t block) const {
    return (profile_.pool_size - Pymalloc::kPoolOverhead) / block;
  }

  const Profile& profile_;
  AddressSpace space_;
  Pymalloc pymalloc_;
};

TEST_P(PymallocTest, BlocksOfAPoolAreCarvedInAddressOrder) {
  const uint64_t a = pymalloc_.Allocate(64);
  const uint64_t b = pymalloc_.Allocate(64);
  const uint64_t c = pymalloc_.Allocate(64);
  EXPECT_EQ(b - a, 64u);
  EXPECT_EQ(c - b, 64u);
  EXPECT_EQ(a % Pymalloc::kAlignment, 0u);
  EXPECT_EQ((a & (profile_.pool_size - 1)), Pymalloc::kPoolOverhead);
}

TEST_P(PymallocTest, FreedBlocksAreReusedLastInFirstOut) {
  std::vector<uint64_t> blocks;
  for (int i = 0; i < 5; ++i) blocks.push_back(pymalloc_.Allocate(32));
  pymalloc_.Free(blocks[1]);
  pymalloc_.Free(blocks[3]);
  EXPECT_EQ(pymalloc_.Allocate(32), blocks[3]);
  EXPECT_EQ(pymalloc_.Allocate(32), blocks[1]);
  EXPECT_EQ(pymalloc_.Allocate(32), blocks[4] + 32);  // then virgin blocks
}

TEST_P(PymallocTest, SizeClassesAreSixteenBytesApart) {
  EXPECT_EQ(Pymalloc::SizeClassOf(1), 0u);
  EXPECT_EQ(Pymalloc::SizeClassOf(16), 0u);
  EXPECT_EQ(Pymalloc::SizeClassOf(17), 1u);
  EXPECT_EQ(Pymalloc::SizeClassOf(512), 31u);
  const uint64_t small = pymalloc_.Allocate(24);
  const uint64_t other = pymalloc_.Allocate(40);
  EXPECT_EQ(pymalloc_.BlockSizeAt(small), 32u);
  EXPECT_EQ(pymalloc_.BlockSizeAt(other), 48u);
  EXPECT_NE(small / profile_.pool_size, other / profile_.pool_size);  // separate pools
}

TEST_P(PymallocTest, AFullPoolThatFreesABlockServesTheNextRequest) {
  const uint32_t per_pool = BlocksPerPool(512);
  std::vector<uint64_t> first_pool;
  for (uint32_t i = 0; i < per_pool; ++i) first_pool.push_back(pymalloc_.Allocate(512));
  const uint64_t second_pool_block = pymalloc_.Allocate(512);
  EXPECT_NE(second_pool_block / profile_.pool_size, first_pool[0] / profile_.pool_size);
  pymalloc_.Free(first_pool[2]);
  // The formerly full pool went to the front of the class's list.
  EXPECT_EQ(pymalloc_.Allocate(512), first_pool[2]);
}

TEST_P(PymallocTest, ArenasHoldTheProfilesPoolCount) {
  const Pymalloc::Stats before = pymalloc_.ComputeStats();
  EXPECT_EQ(before.arenas_allocated, 0u);
  pymalloc_.Allocate(16);
  const Pymalloc::Stats after = pymalloc_.ComputeStats();
  EXPECT_EQ(after.arenas_allocated, 1u);
  const uint32_t pools = profile_.arena_size / profile_.pool_size -
                         (profile_.arena_loses_a_pool ? 1 : 0);
  EXPECT_EQ(after.untouched_pools + 1, pools);
}

TEST_P(PymallocTest, AnEmptiedArenaIsReleasedUnlessItIsTheLastOneKept) {
  // Fill a first arena with 512-byte blocks, and start a second one.
  std::vector<uint64_t> blocks;
  while (pymalloc_.ComputeStats().arenas_allocated < 2) blocks.push_back(pymalloc_.Allocate(512));
  const uint64_t in_second = blocks.back();
  blocks.pop_back();
  for (uint64_t block : blocks) pymalloc_.Free(block);
  // The first arena is empty now; the second still holds a block.
  const Pymalloc::Stats stats = pymalloc_.ComputeStats();
  EXPECT_EQ(stats.arenas_released_total, 1u);
  EXPECT_EQ(stats.arenas_allocated, 1u);
  pymalloc_.Free(in_second);
  const Pymalloc::Stats last = pymalloc_.ComputeStats();
  EXPECT_EQ(last.arenas_allocated, profile_.keep_one_empty_arena ? 1u : 0u);
}

TEST_P(PymallocTest, AnUnmappedArenaComesBackAtTheSameAddress) {
  const uint64_t first = pymalloc_.Allocate(16);
  pymalloc_.Free(first);
  if (profile_.keep_one_empty_arena) {
    EXPECT_EQ(pymalloc_.ComputeStats().arenas_allocated, 1u);
  } else {
    EXPECT_EQ(pymalloc_.ComputeStats().arenas_allocated, 0u);
  }
  EXPECT_EQ(pymalloc_.Allocate(16), first);
}

TEST_P(PymallocTest, FreeBlockAccountingAddsUp) {
  std::vector<uint64_t> blocks;
  for (int i = 0; i < 1000; ++i) blocks.push_back(pymalloc_.Allocate(16 + (i % 7) * 16));
  for (size_t i = 0; i < blocks.size(); i += 3) pymalloc_.Free(blocks[i]);
  uint64_t free_blocks = 0;
  std::set<uint64_t> seen;
  pymalloc_.ForEachFreeBlock([&](uint64_t address, uint32_t) {
    ++free_blocks;
    EXPECT_TRUE(seen.insert(address).second) << "free block listed twice";
  });
  uint64_t counted = 0;
  for (const auto& cls : pymalloc_.ComputeStats().classes) counted += cls.free_blocks;
  EXPECT_EQ(free_blocks, counted);
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (i % 3 != 0) {
      EXPECT_FALSE(seen.contains(blocks[i])) << "a live block is listed free";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Profiles, PymallocTest, ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
