// An exception kept past its handler (traceback_object.h): its traceback
// holds the frames it left until the exception goes, which frees them
// innermost first, and counts its traceback objects (and 3.11+ frame
// objects) in generation 0 meanwhile.

#include <string>
#include <utility>

#include "gtest/gtest.h"
#include "server/heap/dict_object.h"
#include "server/heap/frames.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/traceback_object.h"
#include "server/heap/tuple_object.h"
#include "tests/heap/held_references.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class TracebackObjectTest : public ::testing::TestWithParam<std::string> {
 protected:
  TracebackObjectTest() : heap_(**FindProfile(GetParam())) {
    PushModuleFrame(heap_, NewDict(heap_));
  }

  // A frame the exception left, whose one local is `value` (a reference taken).
  Frame LeftFrame(ObjectId value) {
    Frame frame;
    frame.function = "work";
    frame.slot_names = {"data"};
    heap_.IncRef(value);
    frame.slots = {value};
    return frame;
  }

  Heap heap_;
};

TEST_P(TracebackObjectTest, FramesLiveUntilTheExceptionGoes) {
  Ref inner = NewList(heap_, 0);
  Ref outer = NewList(heap_, 0);
  Ref exception = NewException(heap_, "ValueError", NewTupleOf(heap_, {}));
  const uint64_t count0 = heap_.gc().generations[0].count;
  HeldTraceback traceback;
  traceback.frames.push_back(LeftFrame(inner.get()));
  traceback.frames.push_back(LeftFrame(outer.get()));
  traceback.catching_frame = 0;
  HoldTraceback(heap_, exception.get(), std::move(traceback));
  // Three traceback objects (two frames left, the catching one), and from
  // 3.11 the two frames' objects.
  const uint64_t objects = heap_.profile().frames_on_heap ? 3 : 5;
  EXPECT_EQ(heap_.gc().generations[0].count, count0 + objects);
  EXPECT_EQ(heap_.held_traceback_frames(), 2u);
  EXPECT_EQ(heap_.frames().module_frame().held_tracebacks, 1u);
  EXPECT_EQ(heap_.object(inner.get()).refcount, 2u);
  EXPECT_TRUE(testing::CheckConsistencyHolding(heap_, {inner.get(), outer.get(), exception.get()}).ok());

  const ObjectId inner_id = inner.get();
  const ObjectId outer_id = outer.get();
  inner.Reset();
  outer.Reset();
  EXPECT_TRUE(heap_.IsLive(inner_id));
  exception.Reset();
  EXPECT_FALSE(heap_.IsLive(inner_id));
  EXPECT_FALSE(heap_.IsLive(outer_id));
  EXPECT_EQ(heap_.held_traceback(exception.get()), nullptr);
  EXPECT_EQ(heap_.held_traceback_frames(), 0u);
  EXPECT_EQ(heap_.frames().module_frame().held_tracebacks, 0u);
}

TEST_P(TracebackObjectTest, ReleasingTheTracebackKeepsTheException) {
  Ref local = NewList(heap_, 0);
  Ref exception = NewException(heap_, "KeyError", NewTupleOf(heap_, {}));
  HeldTraceback traceback;
  traceback.frames.push_back(LeftFrame(local.get()));
  HoldTraceback(heap_, exception.get(), std::move(traceback));
  const ObjectId id = local.get();
  local.Reset();
  ReleaseHeldTraceback(heap_, exception.get());  // e.__traceback__ = None
  EXPECT_FALSE(heap_.IsLive(id));
  EXPECT_TRUE(heap_.IsLive(exception.get()));
  EXPECT_EQ(heap_.held_traceback(exception.get()), nullptr);
  EXPECT_TRUE(testing::CheckConsistencyHolding(heap_, {exception.get()}).ok());
}

INSTANTIATE_TEST_SUITE_P(Profiles, TracebackObjectTest,
                         ::testing::ValuesIn(testing::ProfileVersions()),
                         [](const auto& info) { return testing::ProfileTestName(info.param); });

}  // namespace
}  // namespace heapsim
