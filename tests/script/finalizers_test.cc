// The finalizer queue: instances whose class defines __del__ are parked at
// refcount zero with the releases behind them, and the interpreter runs
// their finalizers depth first at its safe points; the heap stays
// consistent whether the queue is drained or a run stops with it full.

#include <string>
#include <string_view>

#include "gtest/gtest.h"
#include "server/heap/profile.h"
#include "server/script/runtime.h"
#include "tests/heap/profile_params.h"
#include "tests/script/string_sink.h"

namespace heapsim::script {
namespace {

constexpr std::string_view kNamed =
    "class Named:\n"
    "    def __init__(self, name, *children):\n"
    "        self.name = name\n"
    "        self.children = list(children)\n"
    "    def __del__(self):\n"
    "        print('del', self.name)\n";

class FinalizersTest : public ::testing::TestWithParam<std::string> {
 protected:
  FinalizersTest() : runtime_(**FindProfile(GetParam())) {}

  // Runs `source` after the Named class; returns what it printed.
  std::string Run(std::string_view source, absl::Status* status = nullptr,
                  const RunLimits& limits = RunLimits()) {
    StringSink out;
    const absl::Status result =
        runtime_.Exec(std::string(kNamed) + std::string(source), "<test>", limits, out);
    if (status != nullptr) {
      *status = result;
    } else {
      EXPECT_TRUE(result.ok()) << result;
    }
    return out.text();
  }

  Runtime runtime_;
};

TEST_P(FinalizersTest, ParkedInstancesRunDepthFirstAtTheStatementThatFreedThem) {
  EXPECT_EQ(Run("items = [Named('a', Named('a.child')), Named('b', Named('b.child'))]\n"
                "print('clear')\n"
                "items.clear()\n"
                "print('cleared')\n"),
            "clear\ndel b\ndel b.child\ndel a\ndel a.child\ncleared\n");
  EXPECT_FALSE(runtime_.heap().has_pending_finalizers());
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

TEST_P(FinalizersTest, AFunctionsLocalsAreFinalizedBeforeItsCallerGoesOn) {
  EXPECT_EQ(Run("def f():\n    x = Named('local')\n    return 1\n"
                "print('result', f())\n"),
            "del local\nresult 1\n");
}

TEST_P(FinalizersTest, ReleasesBehindAParkedInstanceWaitForItsFinalizer) {
  // The list object is still alive while its item's finalizer runs, so the
  // list the finalizer makes cannot take its block.
  EXPECT_EQ(Run("class Maker:\n"
                "    def __del__(self):\n"
                "        made.append(id([]))\n"
                "made = []\n"
                "holder = [Maker()]\n"
                "old = id(holder)\n"
                "holder = None\n"
                "print(made[0] == old)\n"),
            "False\n");
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

TEST_P(FinalizersTest, AResurrectedInstanceIsNeverFinalizedTwice) {
  EXPECT_EQ(Run("class Phoenix:\n"
                "    def __del__(self):\n"
                "        print('finalized')\n"
                "        keep.append(self)\n"
                "keep = []\n"
                "p = Phoenix()\n"
                "del p\n"
                "print(len(keep))\n"
                "keep.clear()\n"
                "print('gone')\n"),
            "finalized\n1\ngone\n");
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

TEST_P(FinalizersTest, ARunStoppedInsideAFinalizerLeavesTheQueueConsistent) {
  RunLimits limits;
  limits.max_steps = 2000;
  absl::Status status;
  Run("class Spinner:\n"
      "    def __del__(self):\n"
      "        while True:\n"
      "            pass\n"
      "items = [Named('first'), Spinner(), Named('last')]\n"
      "items.clear()\n",
      &status, limits);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted) << status;
  // 'first' is still parked, with the item array's release behind it.
  EXPECT_TRUE(runtime_.heap().has_pending_finalizers());
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

TEST_P(FinalizersTest, ACollectionInsideAnAllocationIsRefusedWhereItCannotRunThem) {
  absl::Status status;
  // After a full collection, so that the collector's timing is the model's.
  const std::string out = Run("import gc\n"
                              "gc.collect()\n"
                              "for i in range(2000):\n"
                              "    n = Named('cycle')\n"
                              "    n.me = n\n"
                              "print('done')\n",
                              &status);
  if (runtime_.profile().gc_collects_inside_allocation) {
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
    EXPECT_NE(status.message().find("unsupported: a collection started inside an allocation"),
              std::string_view::npos)
        << status;
  } else {
    // 3.12+ collects at the next eval-breaker check, where they run.
    EXPECT_TRUE(status.ok()) << status;
    EXPECT_NE(out.find("del cycle\n"), std::string::npos);
    EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
  }
}

TEST_P(FinalizersTest, ShutdownFinalizesWhatIsLeftInTheCollectorsOrder) {
  const std::string out = Run("import gc\n"
                              "gc.collect()\n"
                              "old = Named('old')\n"
                              "gc.collect()\n"
                              "a = Named('a')\n"
                              "b = Named('b')\n"
                              "p = Named('p')\n"
                              "p.me = p\n"
                              "del p\n");
  EXPECT_EQ(out, "");
  StringSink at_exit;
  const absl::Status status = runtime_.Shutdown(absl::OkStatus(), RunLimits(), at_exit);
  EXPECT_TRUE(status.ok()) << status;
  EXPECT_EQ(at_exit.text(), "del p\ndel old\ndel a\ndel b\n");
}

TEST_P(FinalizersTest, ShutdownAfterAnUncaughtExceptionIsRefusedWhenFinalizersAreDue) {
  absl::Status status;
  Run("kept = Named('kept')\n1 / 0\n", &status);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << status;
  StringSink at_exit;
  const absl::Status shutdown = runtime_.Shutdown(status, RunLimits(), at_exit);
  EXPECT_EQ(shutdown.code(), absl::StatusCode::kInvalidArgument) << shutdown;
  EXPECT_EQ(at_exit.text(), "");
}

TEST_P(FinalizersTest, EchoingAFinalizableObjectAtThePromptIsRefused) {
  Run("");
  StringSink out;
  const absl::StatusOr<std::optional<std::string>> echoed =
      runtime_.RunInteractive("Named('echoed')\n", RunLimits(), out);
  EXPECT_EQ(echoed.status().code(), absl::StatusCode::kInvalidArgument) << echoed.status();
  EXPECT_NE(echoed.status().message().find("unsupported: echoing an object whose class defines "
                                           "__del__"),
            std::string_view::npos)
      << echoed.status();
  // A statement at the prompt finalizes as a script does.
  const absl::StatusOr<std::optional<std::string>> ran =
      runtime_.RunInteractive("x = Named('x')\n", RunLimits(), out);
  ASSERT_TRUE(ran.ok()) << ran.status();
  const absl::StatusOr<std::optional<std::string>> deleted =
      runtime_.RunInteractive("del x\n", RunLimits(), out);
  ASSERT_TRUE(deleted.ok()) << deleted.status();
  EXPECT_TRUE(out.text().ends_with("del x\n")) << out.text();
}

TEST_P(FinalizersTest, WeakRefCallbacksRunAfterDelNewestFirstAndDepthFirst) {
  EXPECT_EQ(Run("import weakref\n"
                "tree = Named('root', Named('child'))\n"
                "r1 = weakref.ref(tree, lambda r: print('cb root 1', r()))\n"
                "r2 = weakref.ref(tree, lambda r: print('cb root 2', r1()))\n"
                "r3 = weakref.ref(tree.children[0], lambda r: print('cb child'))\n"
                "del tree\n"
                "print('after')\n"),
            "del root\ncb root 2 None\ncb root 1 None\ndel child\ncb child\nafter\n");
  EXPECT_FALSE(runtime_.heap().has_pending_finalizers());
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

TEST_P(FinalizersTest, AReferenceDyingAfterItsReferentStillGetsItsCallback) {
  // The frame drops `node` first: CPython calls the callback while `ref`
  // is alive, then frees it.
  EXPECT_EQ(Run("import sys, weakref\n"
                "def f():\n"
                "    node = Named('node')\n"
                "    ref = weakref.ref(node, lambda r: print('cb', sys.getrefcount(r)))\n"
                "f()\n"
                "print('after')\n"),
            // 3.13 calls it from a tuple holding one more reference.
            runtime_.heap().profile().weakref.callbacks_from_tuple ? "del node\ncb 4\nafter\n"
                                                                   : "del node\ncb 3\nafter\n");
  EXPECT_FALSE(runtime_.heap().has_pending_finalizers());
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

TEST_P(FinalizersTest, WeakRefCallbacksInACollectionRunBeforeTheFinalizers) {
  EXPECT_EQ(Run("import gc, weakref\n"
                "gc.collect()\n"  // what the import may have left
                "a = Named('a')\n"
                "a.children.append(a)\n"
                "r = weakref.ref(a, lambda r: print('cb a', r()))\n"
                "del a\n"
                "print(gc.collect() > 0)\n"),
            "cb a None\ndel a\nTrue\n");
  EXPECT_TRUE(runtime_.CheckConsistency().ok()) << runtime_.CheckConsistency();
}

INSTANTIATE_TEST_SUITE_P(Profiles, FinalizersTest, ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim::script
