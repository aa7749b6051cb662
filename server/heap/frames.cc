#include "server/heap/frames.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "server/heap/dict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"

namespace heapsim {

namespace {

// The heap frame object for a call of `code`, as _PyFrame_New makes it.
ObjectId NewHeapFrame(Heap& heap, ObjectId code) {
  const Profile& profile = heap.profile();
  CodeBody& body = heap.code(code);
  const uint32_t capacity = body.stack_size + body.locals_plus;
  const uint32_t header = heap.HeaderBytes(TypeTag::kFrame);
  ObjectId frame;
  uint32_t frame_capacity = capacity;
  if (body.zombie_block != 0) {
    frame = heap.NewObjectAt(TypeTag::kFrame, body.zombie_block + header);
    frame_capacity = body.zombie_capacity;
    body.zombie_block = 0;
  } else if (!heap.free_lists().frames.empty()) {
    auto [block, old_capacity] = heap.free_lists().frames.back();
    heap.free_lists().frames.pop_back();
    if (old_capacity < capacity) {
      block = heap.ReallocateBuffer(block, profile.aux.frame_base + 8 * uint64_t{capacity});
    } else {
      frame_capacity = old_capacity;
    }
    frame = heap.NewObjectAt(TypeTag::kFrame, block + header);
  } else {
    frame = heap.NewObject(TypeTag::kFrame, profile.aux.frame_base + 8 * uint64_t{capacity});
  }
  heap.IncRef(code);
  heap.AttachBody(frame, FrameBody{code, frame_capacity});
  heap.Track(frame);
  return frame;
}

}  // namespace

Ref NewFrameObject(Heap& heap, ObjectId code) { return heap.Adopt(NewHeapFrame(heap, code)); }

void PushModuleFrame(Heap& heap, Ref globals) {
  Frame frame;
  frame.function = "<module>";
  frame.globals = globals.release();
  heap.frames().Push(std::move(frame));
}

void PushCallFrame(Heap& heap, std::string function, ObjectId code, ObjectId function_object,
                   std::vector<std::string> slot_names) {
  Frame frame;
  frame.function = std::move(function);
  frame.globals = heap.frames().module_frame().globals;
  frame.slots.assign(slot_names.size(), kNoObject);
  frame.slot_names = std::move(slot_names);
  frame.function_object = function_object;
  if (code != kNoObject && heap.profile().frames_on_heap) frame.heap_frame = NewHeapFrame(heap, code);
  heap.frames().Push(std::move(frame));
}

void PopCallFrame(Heap& heap) {
  Frame frame = heap.frames().Pop();
  // _PyFrame_Clear frees the frame object before the locals.
  if (frame.counted_frame_object) heap.UncountUnmodelledGcObject();
  for (ObjectId value : frame.slots) {
    if (value != kNoObject) heap.DecRef(value);
  }
  if (frame.heap_frame != kNoObject) heap.DecRef(frame.heap_frame);
}

void BindName(Heap& heap, size_t index, std::string_view name, ObjectId value) {
  Frame& frame = heap.frames().at(index);
  if (index == 0) {
    Ref key = InternStr(heap, name);
    DictSetItem(heap, frame.globals, key.get(), value).IgnoreError();
  } else {
    size_t slot = 0;
    while (slot < frame.slot_names.size() && frame.slot_names[slot] != name) ++slot;
    if (slot == frame.slot_names.size()) {
      frame.slot_names.emplace_back(name);
      frame.slots.push_back(kNoObject);
    }
    heap.IncRef(value);
    const ObjectId old = std::exchange(heap.frames().at(index).slots[slot], value);
    if (old != kNoObject) heap.DecRef(old);
  }
  if (heap.observed()) heap.Notify(BindEvent{static_cast<uint32_t>(index), name, value});
}

absl::Status UnbindName(Heap& heap, size_t index, std::string_view name) {
  const auto not_defined = [name]() {
    return PyError(PyExc::kNameError, absl::StrCat("name '", std::string(name), "' is not defined"));
  };
  Frame& frame = heap.frames().at(index);
  if (index == 0) {
    const ObjectId key = heap.FindInterned(name);
    if (key == kNoObject) return not_defined();
    absl::Status status = DictDelItem(heap, frame.globals, key);
    if (!status.ok()) return not_defined();
  } else {
    size_t slot = 0;
    while (slot < frame.slot_names.size() && frame.slot_names[slot] != name) ++slot;
    if (slot == frame.slot_names.size() || frame.slots[slot] == kNoObject) return not_defined();
    heap.DecRef(std::exchange(frame.slots[slot], kNoObject));
  }
  if (heap.observed()) heap.Notify(BindEvent{static_cast<uint32_t>(index), name, kNoObject});
  return absl::OkStatus();
}

ObjectId LookupName(const Heap& heap, size_t index, std::string_view name) {
  const Frame& frame = heap.frames().at(index);
  if (index == 0) {
    const ObjectId key = heap.FindInterned(name);
    if (key == kNoObject) return kNoObject;
    absl::StatusOr<ObjectId> value = DictLookup(heap, frame.globals, key);
    return value.ok() ? *value : kNoObject;
  }
  for (size_t slot = 0; slot < frame.slot_names.size(); ++slot) {
    if (frame.slot_names[slot] == name) return frame.slots[slot];
  }
  return kNoObject;
}

std::vector<std::pair<std::string, ObjectId>> FrameBindings(const Heap& heap, size_t index) {
  std::vector<std::pair<std::string, ObjectId>> bindings;
  const Frame& frame = heap.frames().at(index);
  if (index == 0) {
    for (const auto& [key, value] : DictItems(heap, frame.globals)) {
      bindings.emplace_back(heap.str(key).utf8, value);
    }
    return bindings;
  }
  for (size_t slot = 0; slot < frame.slots.size(); ++slot) {
    if (frame.slots[slot] != kNoObject) bindings.emplace_back(frame.slot_names[slot], frame.slots[slot]);
  }
  return bindings;
}

}  // namespace heapsim
