#include "server/heap/traceback_object.h"

#include <string>
#include <utility>
#include <vector>

namespace heapsim {

void ReleaseTracebackFrame(Heap& heap, Frame& frame) {
  for (ObjectId value : frame.slots) {
    if (value != kNoObject) heap.DecRef(value);
  }
  if (frame.heap_frame != kNoObject) heap.DecRef(frame.heap_frame);
  if (frame.counted_frame_object) heap.UncountUnmodelledGcObject();
}

void HoldTraceback(Heap& heap, ObjectId exception, HeldTraceback traceback) {
  const bool frame_objects = !heap.profile().frames_on_heap;
  uint32_t counted = 0;
  for (Frame& frame : traceback.frames) {
    if (frame_objects && !frame.counted_frame_object) {
      frame.counted_frame_object = true;
      ++counted;
    }
    // Only what freeing the frame needs stays (its slots and frame object).
    frame.function = std::string();
    frame.slot_names = std::vector<std::string>();
    frame.stack = std::vector<ObjectId>();
    frame.slots.shrink_to_fit();
  }
  heap.held_traceback_frames() += traceback.frames.size();
  traceback.traceback_objects = static_cast<uint32_t>(traceback.frames.size()) + 1;
  counted += traceback.traceback_objects;
  ++heap.frames().at(traceback.catching_frame).held_tracebacks;
  heap.held_tracebacks().emplace(exception, std::move(traceback));
  for (uint32_t i = 0; i < counted; ++i) heap.CountUnmodelledGcObject();
}

HeldTraceback TakeHeldTraceback(Heap& heap, ObjectId exception) {
  auto it = heap.held_tracebacks().find(exception);
  if (it == heap.held_tracebacks().end()) return HeldTraceback();
  HeldTraceback traceback = std::move(it->second);
  heap.held_tracebacks().erase(it);
  heap.held_traceback_frames() -= traceback.frames.size();
  if (traceback.catching_frame < heap.frames().depth()) {
    uint32_t& held = heap.frames().at(traceback.catching_frame).held_tracebacks;
    if (held > 0) --held;
  }
  return traceback;
}

void ReleaseTraceback(Heap& heap, HeldTraceback traceback) {
  uint32_t counted = traceback.traceback_objects;
  for (Frame& frame : traceback.frames) {
    ReleaseTracebackFrame(heap, frame);
    // The frame's traceback object goes after its frame.
    if (counted > 0) {
      --counted;
      heap.UncountUnmodelledGcObject();
    }
  }
  while (counted-- > 0) heap.UncountUnmodelledGcObject();
}

}  // namespace heapsim
