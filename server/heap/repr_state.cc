#include "server/heap/repr_state.h"

#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server/heap/dict_object.h"
#include "server/heap/list_object.h"
#include "server/heap/repr_list.h"
#include "server/heap/str_kind.h"
#include "server/heap/str_object.h"
#include "server/heap/unicode_writer.h"
#include "server/heap/value_ops.h"

namespace heapsim {

namespace {

constexpr std::string_view kReprStateKey = "Py_Repr";

// The key: _PyUnicode_FromId's interned str (a str made and dropped at
// once when an equal one is interned already), or the static string.
Ref ReprStateKey(Heap& heap) {
  const uint64_t size =
      StrRequest(heap.profile(), static_cast<uint32_t>(kReprStateKey.size()), StrKind::kAscii);
  if (!heap.profile().repr_state.key_made_on_first_use) {
    return heap.NewRef(NewStaticAsciiStr(heap, kReprStateKey, size));
  }
  if (heap.FindInterned(kReprStateKey) != kNoObject) heap.MakeTransientBlock(size);
  return InternStr(heap, kReprStateKey);
}

}  // namespace

void EnsureReprState(Heap& heap) {
  if (heap.thread_dict() != kNoObject) return;
  Ref dict = NewDict(heap);
  Ref key = ReprStateKey(heap);
  Ref list = NewList(heap, 0);
  // A dict with a str key and a new list value cannot fail to take them.
  (void)DictSetItem(heap, dict.get(), key.get(), list.get());
  heap.set_thread_dict(dict.release(), list.get());
}

void ReprStatePush(Heap& heap, ObjectId object) {
  EnsureReprState(heap);
  ListAppend(heap, heap.repr_list(), object);
}

void ReprStatePop(Heap& heap) {
  const ObjectId list = heap.repr_list();
  const uint64_t size = heap.list(list).items.size();
  ListAssignSlice(heap, list, size - 1, size, {});
}

absl::Status ReplayReprEvents(Heap& heap, const ReprEvents& events) {
  std::vector<Ref> keys_lists;  // made, not yet dropped: innermost last
  int entered = 0;              // objects entered, not yet left
  std::vector<UnicodeWriterModel> writers;  // open: innermost last
  std::vector<uint64_t> strs;   // the blocks of reprs made, not yet written: newest last
  const auto drop_strs = [&] {
    for (uint64_t block : strs) heap.FreeBuffer(block);
    strs.clear();
  };
  for (const ReprEvent& event : events) {
    switch (event.kind) {
      case ReprEvent::Kind::kEnter:
        ReprStatePush(heap, event.object);
        ++entered;
        break;
      case ReprEvent::Kind::kLeave:
        ReprStatePop(heap);
        --entered;
        break;
      case ReprEvent::Kind::kMakeKeysList: {
        absl::StatusOr<Ref> keys = ReprListOf(heap, event.object);
        if (!keys.ok()) {
          // The reprs unwind: each drops what it made and leaves its object.
          drop_strs();
          writers.clear();
          keys_lists.clear();
          for (; entered > 0; --entered) ReprStatePop(heap);
          return keys.status();
        }
        keys_lists.push_back(*std::move(keys));
        break;
      }
      case ReprEvent::Kind::kDropKeysList:
        keys_lists.pop_back();
        break;
      case ReprEvent::Kind::kOpenWriter:
        writers.emplace_back(heap, event.length);
        break;
      case ReprEvent::Kind::kWrite:
        if (!writers.empty()) writers.back().Write(event.length);
        break;
      case ReprEvent::Kind::kStopOverallocating:
        if (!writers.empty()) writers.back().StopOverallocating();
        break;
      case ReprEvent::Kind::kCloseWriter:
        if (writers.empty()) break;
        strs.push_back(writers.back().Finish());
        writers.pop_back();
        break;
      case ReprEvent::Kind::kLeafRepr: {
        if (heap.type_of(event.object) == TypeTag::kBool) {
          strs.push_back(0);
          break;
        }
        const uint64_t scratch = event.scratch != 0 ? heap.AllocateBuffer(event.scratch) : 0;
        strs.push_back(heap.AllocateBuffer(StrRequest(
            heap.profile(), static_cast<uint32_t>(event.length), StrKind::kAscii)));
        heap.FreeBuffer(scratch);
        break;
      }
      case ReprEvent::Kind::kWriteStr:
        if (writers.empty() || strs.empty()) break;  // after a failure CPython unwound
        writers.back().Write(event.length);
        heap.FreeBuffer(strs.back());
        strs.pop_back();
        break;
      case ReprEvent::Kind::kUnmodelled:
        heap.tracemalloc().NoteUnknownPeak(
            event.object == kNoObject
                ? "the repr of a container too large to follow block by block"
                : absl::StrCat("the repr of a '", TypeName(heap, event.object), "' object"));
        break;
    }
  }
  // The outermost repr's str (the caller makes the result), and what a walk
  // ended by an error left.
  drop_strs();
  return absl::OkStatus();
}

}  // namespace heapsim
