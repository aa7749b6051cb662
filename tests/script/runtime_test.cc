// Runtime: the programs a session keeps, and its consistency check.

#include "server/script/runtime.h"

#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/heap/profile.h"
#include "tests/heap/profile_params.h"
#include "tests/script/string_sink.h"

namespace heapsim::script {
namespace {

class RuntimeTest : public ::testing::TestWithParam<std::string> {
 protected:
  RuntimeTest() : runtime_(**FindProfile(GetParam())) {}

  std::string Run(const std::string& source) {
    StringSink out;
    const absl::Status status = runtime_.Exec(source, "<test>", RunLimits(), out);
    EXPECT_TRUE(status.ok()) << status;
    return out.text();
  }

  Runtime runtime_;
};

TEST_P(RuntimeTest, ValuesAndScriptsWithoutLivingCodeAreForgotten) {
  for (int i = 0; i < 1000; ++i) {
    absl::StatusOr<Ref> value = runtime_.Evaluate("[1, 'two', (3,)]", RunLimits());
    ASSERT_TRUE(value.ok()) << value.status();
    Run("x = [i for i in range(3)]\n");
  }
  EXPECT_EQ(runtime_.retained_programs(), 0u);
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

// A function's code keeps the code of the functions and comprehensions it
// makes: a function of an older program (its module code long freed) makes
// them when called, whatever the runs between reused.
TEST_P(RuntimeTest, NestedCodeLivesAsLongAsTheCodeThatMakesIt) {
  Run("import sys\nsizes = [1, 2]\n");
  Run("import sys\ndef a():\n    sys.getsizeof([1, 2, 3])\ndef b():\n    values = [s for s in sizes]\n"
      "    def inner():\n        return [v * 2 for v in values]\n    return inner()\n");
  for (int i = 0; i < 3; ++i) Run("a()\n");
  EXPECT_EQ(Run("print(b())\n"), "[2, 4]\n");
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

// A snapshot keeps the list of traces it was taken from: the heap's
// bookkeeping counts that reference (the fuzzer found it missing).
TEST_P(RuntimeTest, ASnapshotHoldsItsTracesList) {
  if ((*FindProfile(GetParam()))->frames_on_heap) GTEST_SKIP() << "take_snapshot() is refused";
  EXPECT_EQ(Run("import gc, tracemalloc\ngc.collect()\ntracemalloc.start()\nx = [1, 2]\n"
                "snap = tracemalloc.take_snapshot()\nprint(len(snap.traces) > 0)\n"),
            "True\n");
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

TEST_P(RuntimeTest, ProgramsWhoseFunctionsOrGeneratorsLiveAreKept) {
  Run("def f():\n    return [1]\n");
  Run("g = (i * 2 for i in range(3))\n");
  absl::StatusOr<Ref> lambda = runtime_.Evaluate("lambda: 'kept'", RunLimits());
  ASSERT_TRUE(lambda.ok()) << lambda.status();
  for (int i = 0; i < 100; ++i) Run("x = f()\n");
  EXPECT_EQ(runtime_.retained_programs(), 3u);
  EXPECT_EQ(Run("print(f(), list(g))\n"), "[1] [0, 2, 4]\n");
  *lambda = Ref();  // the check counts only references the Runtime holds
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

// copy.py's code objects are the session's static objects; the frames they
// keep after their first call (3.8 to 3.10) are heap blocks the check finds.
TEST_P(RuntimeTest, CopiesKeepTheHeapConsistent) {
  Run("import copy\nclass A:\n    def __deepcopy__(self, memo):\n        return A()\n"
      "x = [[1], {'k': (2, [3])}, A()]\nx.append(x)\n");
  EXPECT_EQ(Run("y = copy.deepcopy(x)\nz = copy.copy(x)\n"
                "print(y[3] is y, y[1]['k'][1] is x[1]['k'][1], z[0] is x[0])\n"),
            "True False True\n");
  Run("del y, z\nimport gc\ngc.collect()\n");
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

TEST_P(RuntimeTest, AGeneratorStartedInOneRunCannotBeResumedInTheNext) {
  Run("def g(items):\n    for i in items:\n        yield i\nkept = [1, 2, 3]\n");
  EXPECT_EQ(Run("p = g(kept)\nprint(next(p))\nfresh = g(kept)\n"), "1\n");
  // The paused body is unwound at the end of its run; the generator keeps
  // what it held (its frame and the for loop's iterator) and the counts.
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
  // kept, p's `items` and its loop's list iterator, fresh's `items`, the argument.
  EXPECT_EQ(Run("import sys\nprint(sys.getrefcount(kept))\n"), "5\n");
  StringSink out;
  const absl::Status resumed = runtime_.Exec("next(p)\n", "<test>", RunLimits(), out);
  EXPECT_EQ(resumed.code(), absl::StatusCode::kInvalidArgument) << resumed;
  EXPECT_NE(resumed.message().find(
                "unsupported: resuming a generator that an earlier run left suspended"),
            std::string::npos)
      << resumed;
  // One made but not started in an earlier run runs in this one.
  EXPECT_EQ(Run("print(list(fresh))\n"), "[1, 2, 3]\n");
  // A copy of the runtime has generators of its own.
  Run("late = g(kept)\n");
  Runtime copy(runtime_);
  EXPECT_EQ(Run("print(list(late))\n"), "[1, 2, 3]\n");
  StringSink copy_out;
  ASSERT_TRUE(copy.Exec("print(list(late))\n", "<test>", RunLimits(), copy_out).ok());
  EXPECT_EQ(copy_out.text(), "[1, 2, 3]\n");
  EXPECT_TRUE(copy.CheckConsistency().ok()) << copy.CheckConsistency();
}

TEST_P(RuntimeTest, ComprehensionsInValuesRunInTheModuleFrame) {
  for (const char* value : {"[x for x in 'abc']", "{k: 1 for k in range(3)}", "{c for c in 'ab'}"}) {
    absl::StatusOr<Ref> result = runtime_.Evaluate(value, RunLimits());
    ASSERT_TRUE(result.ok()) << value << ": " << result.status();
  }
  EXPECT_EQ(Run("print([x for x in 'abc'])\n"), "['a', 'b', 'c']\n");
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

TEST_P(RuntimeTest, NonUtf8SourceIsASyntaxErrorAndLoneSurrogatesAreRefused) {
  {
    StringSink out;
    const absl::Status status = runtime_.Exec("x = 1\ny = '\xff'\n", "<test>", RunLimits(), out);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(status.message()), ::testing::StartsWith("<test>:2:6: SyntaxError: Non-UTF-8 code "
                                                        "starting with '\\xff' in file <test>"));
  }
  const struct {
    const char* source;
    const char* refusal;
  } cases[] = {
      {"s = '\\ud800'\n", "<test>:1:5: unsupported: a lone surrogate in a string (\\ud800)"},
      {"s = f'a\\U0000dfff'\n", "<test>:1:7: unsupported: a lone surrogate in a string (\\U0000dfff)"},
  };
  for (const auto& c : cases) {
    StringSink out;
    const absl::Status status = runtime_.Exec(c.source, "<test>", RunLimits(), out);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << c.source;
    EXPECT_EQ(status.message(), c.refusal);
  }
  EXPECT_EQ(Run("print(len('\\ud7ff\\ue000'))\n"), "2\n");
}

TEST_P(RuntimeTest, ABackslashEndingTheTextInsideAStringIsAnUnterminatedString) {
  // Found by compile_fuzzer: the lexer read one byte past the text. The
  // source is copied to a buffer of its exact size, so ASan sees any read
  // past it.
  const std::string text = "s = \"#\\";
  const std::vector<char> exact(text.begin(), text.end());
  StringSink out;
  const absl::Status status = runtime_.Exec(std::string_view(exact.data(), exact.size()), "<test>",
                                            RunLimits(), out);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              ::testing::StartsWith("<test>:1:5: SyntaxError: unterminated string literal"));
}

TEST_P(RuntimeTest, PythonCodeABuiltinDrivesSpendsTheStepBudget) {
  // Found by run_fuzzer: list() calling an endless __next__ ran no loop
  // statement, so only the memory limit (after minutes under ASan) ended it.
  const std::string source =
      "class Endless:\n"
      "    def __iter__(self):\n"
      "        return self\n"
      "    def __next__(self):\n"
      "        return 0\n"
      "items = list(Endless())\n";
  RunLimits limits;
  limits.max_steps = 1000;
  StringSink out;
  const absl::Status status = runtime_.Exec(source, "<test>", limits, out);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted) << status;
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("step limit reached"));
  EXPECT_TRUE(runtime_.CheckConsistency().ok());
}

TEST_P(RuntimeTest, ABuiltinFillingASetFromAHugeRangeStopsAtTheMemoryLimit) {
  // Found by run_fuzzer: set(range(...)) grew a table item by item, and the
  // memory limit was looked at only between steps (gigabytes of host memory).
  RunLimits limits;
  limits.max_bytes = runtime_.heap().allocator().footprint() + (uint64_t{1} << 22);
  StringSink out;
  const absl::Status status =
      runtime_.Exec("s = set(range(30))\ns.symmetric_difference_update(range(30, 10**33))\n",
                    "<test>", limits, out);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted) << status;
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("memory limit reached"));
  EXPECT_TRUE(runtime_.CheckConsistency().ok());
}

TEST_P(RuntimeTest, NextOfAnObjectThatIsNoIteratorIsATypeError) {
  // The run fuzzer's finding: next() read any object as an iterator's body,
  // and `next([1])` or `next(slice, None)` crashed heapd.
  for (const char* source : {"next([1])\n", "next(slice, None)\n", "next(len)\n", "next(5, 0)\n"}) {
    StringSink out;
    const absl::Status status = runtime_.Exec(source, "<test>", RunLimits(), out);
    EXPECT_FALSE(status.ok()) << source;
    EXPECT_THAT(std::string(status.message()),
                ::testing::HasSubstr("TypeError: '"));
    EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("' object is not an iterator"));
    EXPECT_TRUE(runtime_.CheckConsistency().ok());
  }
}

TEST_P(RuntimeTest, TheRecursionLimitIsSessionStateKeptAcrossRunsAndCopies) {
  Run("import sys\ndef depth(n):\n    try:\n        return depth(n + 1)\n"
      "    except RecursionError:\n        return n\n");
  EXPECT_EQ(Run("print(sys.getrecursionlimit(), depth(1))\n"), "1000 999\n");
  Run("sys.setrecursionlimit(120)\n");
  EXPECT_EQ(Run("print(sys.getrecursionlimit(), depth(1))\n"), "120 119\n");
  Runtime copy = runtime_;
  StringSink out;
  ASSERT_TRUE(copy.Exec("print(depth(1))\nsys.setrecursionlimit(3000)\nprint(depth(1))\n", "<test>",
                        RunLimits(), out)
                  .ok());
  EXPECT_EQ(out.text(), "119\n2999\n");
  EXPECT_EQ(Run("print(sys.getrecursionlimit())\n"), "120\n");  // the original is unchanged
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

TEST_P(RuntimeTest, SavedGarbageFrozenObjectsAndModuleValuesKeepTheHeapConsistent) {
  EXPECT_EQ(Run("import gc, sys\ngc.collect()\ngc.set_debug(gc.DEBUG_SAVEALL)\n"
                "for i in range(5):\n    a = []\n    a.append(a)\n    b = {'b': 1}\n"
                "    b['self'] = b\ndel a, b\nprint(gc.collect(), len(gc.garbage))\n"),
            "10 10\n");
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
  EXPECT_EQ(Run("c = []\nc.append(c)\ndel c\ngc.freeze()\nprint(gc.collect())\n"
                "gc.unfreeze()\nprint(gc.collect(), len(gc.garbage))\n"),
            "0\n1 11\n");
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
  EXPECT_EQ(Run("gc.set_debug(0)\ngc.garbage.clear()\nprint(gc.collect())\n"
                "v = sys.version_info\nm = sys.maxsize\nprint(v.major, m > 0, sys.byteorder)\n"),
            "11\n3 True little\n");
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

INSTANTIATE_TEST_SUITE_P(Profiles, RuntimeTest, ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim::script
