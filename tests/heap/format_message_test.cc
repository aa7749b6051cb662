// PyUnicode_FromFormat's blocks: the buffer (the format's length plus 100
// characters, grown to the length needed plus a quarter), a "%s"
// argument's temporary str alive beside it, nothing left after. The peaks
// are CPython 3.8's for hasattr() misses on a class (type_getattro's
// "type object '%.50s' has no attribute '%U'"), measured with tracemalloc.

#include <vector>

#include "gtest/gtest.h"
#include "server/heap/format_message.h"
#include "server/heap/profile.h"

namespace heapsim {
namespace {

constexpr uint32_t kTypeMissFormatLength = 41;

// The message's pieces for a type named `type_name` characters long and an
// attribute name of `name` characters.
std::vector<FormatPiece> TypeMiss(uint32_t type_name, uint32_t name) {
  return {{.length = 13}, {.length = type_name, .decoded = true}, {.length = 20},
          {.length = name}, {.length = 1}};
}

uint64_t PeakOf(const std::vector<FormatPiece>& pieces) {
  Heap heap(**FindProfile("3.8"));
  heap.tracemalloc().Start();
  MakeTransientFormattedMessage(heap, kTypeMissFormatLength, pieces);
  EXPECT_EQ(heap.tracemalloc().current(), 0u) << "the message is freed";
  return heap.tracemalloc().peak();
}

TEST(FormatMessageTest, ABufferOfTheFormatPlusAHundredBesideTheDecodedName) {
  EXPECT_EQ(PeakOf(TypeMiss(4, 7)), 190u + 53u);    // hasattr(Base, 'missing')
  EXPECT_EQ(PeakOf(TypeMiss(4, 100)), 190u + 53u);  // still fits 141 characters
  EXPECT_EQ(PeakOf(TypeMiss(50, 1)), 190u + 99u);   // the name cut to 50
}

TEST(FormatMessageTest, AnArgumentThatDoesNotFitGrowsTheBufferByAQuarter) {
  EXPECT_EQ(PeakOf(TypeMiss(4, 120)), 245u);    // 157 needed: 196 characters
  EXPECT_EQ(PeakOf(TypeMiss(4, 1000)), 1345u);  // 1037 needed: 1296 characters
  EXPECT_EQ(PeakOf(TypeMiss(50, 120)), 302u);   // the grown buffer beats 190 + 99
}

}  // namespace
}  // namespace heapsim
