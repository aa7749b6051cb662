// The counters of a BINARY_OP site (binary_op_site.h) follow CPython's: when
// a site specialises, how misses and failed specialisations back off, and
// which runs of a specialised form a script can tell apart.

#include "server/script/binary_op_site.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "server/heap/float_object.h"
#include "server/heap/int_object.h"
#include "server/heap/profile.h"

namespace heapsim::script {
namespace {

class BinaryOpSiteTest : public ::testing::Test {
 protected:
  explicit BinaryOpSiteTest(const char* version = "3.12") : heap_(**FindProfile(version)) {
    one_ = NewFloat(heap_, 1.0);
    two_ = NewFloat(heap_, 2.0);
    int_ = NewInt(heap_, 1000);
  }

  // The runs (0: generic, else the family) of `pattern` ('f': two floats,
  // 'i': a float and an int) through one site.
  std::vector<BinaryFamily> Run(AdaptiveSite& site, const std::string& pattern,
                                bool quickened = true) {
    std::vector<BinaryFamily> runs;
    for (char c : pattern) {
      const BinaryOperands operands{one_.get(), c == 'f' ? two_.get() : int_.get(), false};
      runs.push_back(RunSite(heap_, site, quickened, BinaryOp::kMul, operands));
    }
    return runs;
  }

  static std::string Shape(const std::vector<BinaryFamily>& runs) {
    std::string shape;
    for (BinaryFamily family : runs) shape += family == BinaryFamily::kGeneric ? '.' : 'S';
    return shape;
  }

  Heap heap_;
  Ref one_, two_, int_;
};

TEST_F(BinaryOpSiteTest, PerSiteProfilesSpecialiseOnTheSecondRun) {
  AdaptiveSite site;
  EXPECT_EQ(Shape(Run(site, "ffff")), ".SSS");
  EXPECT_EQ(site.counter, 52);
}

TEST_F(BinaryOpSiteTest, MissesCountDownTheSameCounterThenBackOff) {
  AdaptiveSite site;
  Run(site, "ff");
  // 52 misses, then a failed specialisation (exponent 1: 1 run), another
  // (exponent 2: 3 runs), another (exponent 3: 7 runs)...
  EXPECT_EQ(Shape(Run(site, std::string(60, 'i'))), std::string(60, '.'));
  EXPECT_EQ(site.backoff, 3);
  EXPECT_EQ(site.counter, 3);
  EXPECT_EQ(Shape(Run(site, std::string(12, 'f'))), "...SSSSSSSSS");
}

TEST_F(BinaryOpSiteTest, OnlyFloatsAndIntsOfOneExactTypeSpecialiseArithmetic) {
  const BinaryOperands mixed{one_.get(), int_.get(), false};
  const BinaryOperands floats{one_.get(), two_.get(), false};
  EXPECT_EQ(SpecialisationFor(heap_, BinaryOp::kMul, mixed), BinaryFamily::kGeneric);
  EXPECT_EQ(SpecialisationFor(heap_, BinaryOp::kMul, floats), BinaryFamily::kFloat);
  EXPECT_EQ(SpecialisationFor(heap_, BinaryOp::kTrueDiv, floats), BinaryFamily::kGeneric);
}

TEST_F(BinaryOpSiteTest, AFloatRunShowsWhenAnOperandIsATemporary) {
  // Each operand also held by a name: nothing to reuse.
  heap_.IncRef(one_.get());
  heap_.IncRef(two_.get());
  const BinaryOperands operands{one_.get(), two_.get(), false};
  EXPECT_FALSE(SpecialisedRunDiffers(heap_, BinaryFamily::kFloat, operands));
  EXPECT_FALSE(SpecialisedRunDiffers(heap_, BinaryFamily::kStr, operands));
  // The left one a temporary: 3.12 writes the result into it.
  heap_.DecRef(one_.get());
  EXPECT_TRUE(SpecialisedRunDiffers(heap_, BinaryFamily::kFloat, operands));
  // Ints show only when both are released (in the other order).
  EXPECT_FALSE(SpecialisedRunDiffers(heap_, BinaryFamily::kInt, operands));
  heap_.DecRef(two_.get());
  EXPECT_TRUE(SpecialisedRunDiffers(heap_, BinaryFamily::kInt, operands));
}

class CodeObjectWarmupTest : public BinaryOpSiteTest {
 protected:
  CodeObjectWarmupTest() : BinaryOpSiteTest("3.11") {}
};

TEST_F(CodeObjectWarmupTest, SitesWaitForTheCodeObjectThenSpecialiseAtOnce) {
  AdaptiveSite site;
  EXPECT_EQ(Shape(Run(site, "fff", /*quickened=*/false)), "...");
  EXPECT_FALSE(site.started);
  EXPECT_EQ(Shape(Run(site, "ff")), "SS");
  EXPECT_EQ(site.counter, 53);
}

TEST_F(CodeObjectWarmupTest, FiftyThreeMissesRevertASiteThatThenWaitsThirtyOneRuns) {
  AdaptiveSite site;
  Run(site, "f");
  EXPECT_EQ(Shape(Run(site, std::string(53, 'i'))), std::string(53, '.'));
  EXPECT_EQ(site.family, static_cast<uint8_t>(BinaryFamily::kGeneric));
  EXPECT_EQ(site.counter, 31);
  EXPECT_EQ(Shape(Run(site, std::string(32, 'f'))), std::string(31, '.') + "S");
}

}  // namespace
}  // namespace heapsim::script
