// MangledName: CPython's private name mangling (_Py_Mangle), as measured on
// 3.8-3.13 (tests/scenarios/private_names_mangling.py runs it end to end).

#include <string>

#include "gtest/gtest.h"
#include "server/script/parser.h"

namespace heapsim::script {
namespace {

TEST(MangledNameTest, PrivateNamesTakeTheClassNameWithoutLeadingUnderscores) {
  EXPECT_EQ(MangledName("Account", "__balance"), "_Account__balance");
  EXPECT_EQ(MangledName("_Private", "__v"), "_Private__v");
  EXPECT_EQ(MangledName("__Edge__", "__v"), "_Edge____v");
  EXPECT_EQ(MangledName("C", "__x_"), "_C__x_");
}

TEST(MangledNameTest, OtherNamesAndClassesOfUnderscoresAreLeftAlone) {
  EXPECT_EQ(MangledName("", "__balance"), "__balance");
  EXPECT_EQ(MangledName("__", "__v"), "__v");
  EXPECT_EQ(MangledName("C", "__init__"), "__init__");
  EXPECT_EQ(MangledName("C", "___"), "___");
  EXPECT_EQ(MangledName("C", "__"), "__");
  EXPECT_EQ(MangledName("C", "_x"), "_x");
  EXPECT_EQ(MangledName("C", "__a.b"), "__a.b");
}

}  // namespace
}  // namespace heapsim::script
