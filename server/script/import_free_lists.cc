#include "server/script/import_free_lists.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/heap/dict_object.h"
#include "server/heap/float_object.h"
#include "server/heap/list_object.h"
#include "server/heap/tuple_object.h"
#include "server/script/import_free_lists_table.h"

namespace heapsim::script {

namespace {

// FreeListLengthsNow's layout: the counts, the tuples of 1 to 20 items,
// then the parked frames' capacities in the order calls take them.
enum LengthIndex : size_t {
  kFloatsIndex,
  kListsIndex,
  kDictsIndex,
  kMethodsIndex,
  kDictKeysIndex,
  kCountIndexes
};
constexpr size_t kMeasuredTupleLengths = 20;
constexpr size_t kFrameCapacitiesAt = kCountIndexes + kMeasuredTupleLengths;
// The log2 of the keys objects the dict-keys free list keeps (8 slots).
constexpr uint8_t kCachedKeysLog2 = 3;
// Modules that are packages: `from P import name` runs importlib's code for
// the fromlist, which `import P` does not.
constexpr std::string_view kImportedPackages[] = {"collections"};

// A row's lengths; nullopt where CPython does not report the list.
struct MeasuredLengths {
  std::array<std::optional<uint32_t>, kCountIndexes> counts;
  std::array<uint32_t, kMeasuredTupleLengths> tuples{};
  std::optional<std::vector<uint32_t>> frames;
  uint32_t gc_objects = 0;  // ImportHistoryRow::gc_objects
  int32_t count0 = -1;      // ImportHistoryRow::count0
  int32_t count1 = -1;      // ImportHistoryRow::count1
  bool collection_parks = true;
  bool generation0_parks = true;
};

// The space-separated words of `text`.
std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  for (absl::string_view word :
       absl::StrSplit(absl::string_view(text.data(), text.size()), ' ', absl::SkipEmpty())) {
    words.emplace_back(word.data(), word.size());
  }
  return words;
}

std::optional<uint32_t> ParseLength(std::string_view word) {
  uint32_t number = 0;
  if (!absl::SimpleAtoi(absl::string_view(word.data(), word.size()), &number)) {
    return std::nullopt;
  }
  return number;
}

std::optional<std::vector<uint32_t>> ParseLengthNumbers(std::string_view text) {
  std::vector<uint32_t> numbers;
  for (std::string_view word : Words(text)) {
    const std::optional<uint32_t> number = ParseLength(word);
    if (!number.has_value()) return std::nullopt;
    numbers.push_back(*number);
  }
  return numbers;
}

// The row's lengths (ImportHistoryRow::lengths), or nullopt if malformed.
std::optional<MeasuredLengths> ParseMeasuredLengths(std::string_view text) {
  constexpr std::string_view kBar = " | ";
  const size_t first = text.find(kBar);
  const size_t second = first == std::string_view::npos ? first : text.find(kBar, first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const std::string_view counts_text = text.substr(0, first);
  const std::string_view tuples_text =
      text.substr(first + kBar.size(), second - first - kBar.size());
  const std::string_view frames_text = text.substr(second + kBar.size());
  // The row's counts, in their order, and where FreeListLengthsNow keeps
  // each: heapsim does not keep CPython's count of builtin methods (its
  // bound builtin methods reuse one block, heap.h BindTransientMethod).
  constexpr std::optional<LengthIndex> kRowCounts[] = {kFloatsIndex,  kListsIndex,  kDictsIndex,
                                                       kMethodsIndex, std::nullopt, kDictKeysIndex};
  const std::vector<std::string_view> counts = Words(counts_text);
  if (counts.size() != std::size(kRowCounts)) return std::nullopt;
  MeasuredLengths lengths;
  for (size_t i = 0; i < counts.size(); ++i) {
    if (!kRowCounts[i].has_value() || counts[i] == "-") continue;
    const std::optional<uint32_t> count = ParseLength(counts[i]);
    if (!count.has_value()) return std::nullopt;
    lengths.counts[*kRowCounts[i]] = *count;
  }
  const std::optional<std::vector<uint32_t>> tuples = ParseLengthNumbers(tuples_text);
  if (!tuples.has_value() || tuples->size() != kMeasuredTupleLengths) return std::nullopt;
  std::copy(tuples->begin(), tuples->end(), lengths.tuples.begin());
  if (frames_text != "-") {
    lengths.frames = ParseLengthNumbers(frames_text);
    if (!lengths.frames.has_value()) return std::nullopt;
  }
  return lengths;
}

// The measured lengths after `history` in `version`, or nullopt.
std::optional<MeasuredLengths> MeasuredAfter(std::string_view version, std::string_view history) {
  for (const absl::Span<const ImportHistoryRow> rows :
       {ImportHistoryRowsTo310(), ImportHistoryRowsFrom311()}) {
    for (const ImportHistoryRow& row : rows) {
      if (row.version != version || row.history != history) continue;
      std::optional<MeasuredLengths> lengths = ParseMeasuredLengths(row.lengths);
      if (lengths.has_value()) {
        lengths->gc_objects = row.gc_objects;
        lengths->count0 = row.count0;
        lengths->count1 = row.count1;
        lengths->collection_parks = row.collection_parks;
        lengths->generation0_parks = row.generation0_parks;
      }
      return lengths;
    }
  }
  return std::nullopt;
}

uint64_t FullCollections(const Heap& heap) {
  return heap.gc().stats[GcState::kGenerations - 1].collections;
}

uint64_t YoungCollections(const Heap& heap) {
  uint64_t collections = 0;
  for (int g = 0; g < GcState::kGenerations - 1; ++g) collections += heap.gc().stats[g].collections;
  return collections;
}

// Records the GC's state as the history moves.
void NoteHistoryPoint(const Heap& heap, SessionState& session) {
  session.first_import_count0 = heap.gc().generations[0].count;
  session.first_import_young_collections = YoungCollections(heap);
  session.first_import_history_clears = FullCollections(heap);
}

// Whether the heap's lengths `now` (FreeListLengthsNow) are `measured`'s as
// the heap's free lists can hold them: tuples longer than the profile's
// free lists (CPython 3.11 and 3.12 report 20-item tuples they never
// reuse) count as none.
bool MatchesMeasured(const Heap& heap, const MeasuredLengths& measured,
                     const std::vector<uint32_t>& now) {
  for (size_t i = 0; i < kCountIndexes; ++i) {
    if (measured.counts[i].has_value() && *measured.counts[i] != now[i]) return false;
  }
  const size_t tuple_lists = heap.free_lists().tuples.size();  // lengths 0..max
  for (size_t length = 1; length <= kMeasuredTupleLengths; ++length) {
    const uint32_t expected = length < tuple_lists ? measured.tuples[length - 1] : 0;
    if (now[kCountIndexes + length - 1] != expected) return false;
  }
  return !measured.frames.has_value() ||
         std::equal(now.begin() + kFrameCapacitiesAt, now.end(), measured.frames->begin(),
                    measured.frames->end());
}

// Parks new blocks of `request` bytes on `free_list`, or frees parked ones,
// until it holds `length`.
void SetLength(Heap& heap, std::vector<uint64_t>& free_list, uint32_t length, uint64_t request) {
  while (free_list.size() > length) {
    const uint64_t block = free_list.back();
    free_list.pop_back();
    heap.FreeBuffer(block);
  }
  while (free_list.size() < length) free_list.push_back(heap.AllocateBuffer(request));
}

// Leaves the frame free list holding frames of `capacities` (in the order
// calls take them), keeping the parked frames at its bottom that agree.
void SetFrames(Heap& heap, const std::vector<uint32_t>& capacities) {
  auto& frames = heap.free_lists().frames;  // calls take the last first
  size_t kept = 0;
  while (kept < frames.size() && kept < capacities.size() &&
         frames[kept].second == capacities[capacities.size() - 1 - kept]) {
    ++kept;
  }
  while (frames.size() > kept) {
    heap.FreeBuffer(frames.back().first);
    frames.pop_back();
  }
  for (size_t i = capacities.size() - kept; i-- > 0;) {
    const uint32_t capacity = capacities[i];
    frames.emplace_back(heap.AllocateBuffer(heap.profile().aux.frame_base + 8 * uint64_t{capacity}),
                        capacity);
  }
}

void SetLengths(Heap& heap, const MeasuredLengths& measured) {
  const Profile& profile = heap.profile();
  Heap::FreeLists& lists = heap.free_lists();
  const std::pair<std::vector<uint64_t>*, uint64_t> counted[kCountIndexes] = {
      {&lists.floats, kFloatSize},
      {&lists.lists, kListObjectRequest},
      {&lists.dicts, kDictObjectRequest},
      {&lists.methods, profile.aux.method},
      {&lists.dict_keys, KeysRequest(profile, kCachedKeysLog2, /*str_keys=*/true)}};
  for (size_t i = 0; i < kCountIndexes; ++i) {
    if (measured.counts[i].has_value()) {
      SetLength(heap, *counted[i].first, *measured.counts[i], counted[i].second);
    }
  }
  // Before 3.13 the dict-keys free list was not measured: unknown.
  if (!measured.counts[kDictKeysIndex].has_value()) lists.dict_keys_unknown = true;
  for (size_t length = 1; length <= kMeasuredTupleLengths && length < lists.tuples.size();
       ++length) {
    SetLength(heap, lists.tuples[length], measured.tuples[length - 1], TupleRequest(length));
  }
  if (measured.frames.has_value()) SetFrames(heap, *measured.frames);
}

// Notes, after the measured history `measured`, how many GC allocations
// CPython surely makes before its next automatic collection.
void NoteImportGarbage(const Heap& heap, SessionState& session, const MeasuredLengths& measured) {
  const GcState& gc = heap.gc();
  // Where the count is not known, neither is whether the garbage was
  // already collected during the imports: a script whose compilation left
  // generation 0 lower meets that collection later, and it parks objects
  // (3.12's `import tracemalloc` then 20 1-tuples: three came from the
  // free list).
  session.import_garbage_parked = measured.collection_parks || measured.count0 < 0;
  session.import_garbage_clears = FullCollections(heap);
  session.import_garbage_allocations = gc.timing.allocations;
  if (measured.count0 < 0) {
    session.import_garbage_allocations_left = -1;
    return;
  }
  // The first automatic collection comes once count0 passes threshold0;
  // each later one at least threshold0 + 1 GC allocations after the one
  // before (deallocations only delay them). Garbage older than generation
  // 0 waits for the first that collects generation 1: the one that finds
  // count1 past threshold1, each collection of generation 0 adding one.
  const int64_t threshold0 = gc.generations[0].threshold;
  const int64_t count0 = int64_t{measured.count0} + session.first_import_gc_objects;
  int64_t left = threshold0 - count0;
  if (!measured.generation0_parks && measured.count1 >= 0) {
    const int64_t young_collections_first =
        std::max<int64_t>(0, int64_t{gc.generations[1].threshold} + 1 - measured.count1);
    left += young_collections_first * (threshold0 + 1);
  }
  session.import_garbage_allocations_left = left;
}

// Whether CPython may have run an automatic collection since the last
// measured first import, freeing the imports' garbage onto the free lists.
bool ImportGarbageMayBeFreed(const Heap& heap, const SessionState& session) {
  // A possible full collection (which empties the free lists) is refused
  // on its own.
  if (!session.import_garbage_parked || session.import_garbage_clears != FullCollections(heap) ||
      heap.gc().free_lists_unknown) {
    return false;
  }
  const GcTimingWindow& window = heap.gc().timing;
  if (!window.open || window.allocations < session.import_garbage_allocations) return true;
  return static_cast<int64_t>(window.allocations - session.import_garbage_allocations) >
         session.import_garbage_allocations_left;
}

}  // namespace

std::vector<uint32_t> FreeListLengthsNow(const Heap& heap) {
  const Heap::FreeLists& lists = heap.free_lists();
  std::vector<uint32_t> lengths(kFrameCapacitiesAt, 0);
  lengths[kFloatsIndex] = static_cast<uint32_t>(lists.floats.size());
  lengths[kListsIndex] = static_cast<uint32_t>(lists.lists.size());
  lengths[kDictsIndex] = static_cast<uint32_t>(lists.dicts.size());
  lengths[kMethodsIndex] = static_cast<uint32_t>(lists.methods.size());
  lengths[kDictKeysIndex] = static_cast<uint32_t>(lists.dict_keys.size());
  for (size_t length = 1; length <= kMeasuredTupleLengths && length < lists.tuples.size();
       ++length) {
    lengths[kCountIndexes + length - 1] = static_cast<uint32_t>(lists.tuples[length].size());
  }
  for (auto frame = lists.frames.rbegin(); frame != lists.frames.rend(); ++frame) {
    lengths.push_back(frame->second);
  }
  return lengths;
}

FirstImportStart FirstImportStartNow(const Heap& heap) {
  return FirstImportStart{FreeListLengthsNow(heap), heap.gc().generations[0].count,
                          YoungCollections(heap)};
}

void ApplyFirstImportFreeLists(Interpreter& interp, std::string_view module, bool from_import,
                               const FirstImportStart& before) {
  Heap& heap = interp.heap();
  SessionState& session = interp.session();
  // The history this import continues, and the one it makes.
  std::string history = session.first_import_history;
  // The objects the script added to generation 0 since the history began
  // (a full collection zeroes the count), known while the model ran no
  // collection of the young generations.
  const auto count0 = static_cast<int64_t>(before.count0);
  if (session.first_import_history_clears != FullCollections(heap)) {
    absl::StrAppend(&history, history.empty() ? "" : " ", "collect");
    session.first_import_gc_objects = count0;
  } else {
    session.first_import_gc_objects += count0 - static_cast<int64_t>(session.first_import_count0);
  }
  const bool gc_objects_known =
      before.young_collections == session.first_import_young_collections &&
      session.first_import_gc_objects >= 0;
  const bool package_fromlist =
      from_import && std::find(std::begin(kImportedPackages), std::end(kImportedPackages),
                               module) != std::end(kImportedPackages);
  session.first_import_history = absl::StrCat(history, history.empty() ? "" : " ",
                                              package_fromlist ? "from " : "", std::string(module));
  NoteHistoryPoint(heap, session);
  if (!session.free_lists_unknown_after.empty() &&
      session.free_lists_unknown_clears == FullCollections(heap)) {
    return;  // already unknown
  }
  const std::string_view version = heap.profile().version;
  const std::optional<MeasuredLengths> from = MeasuredAfter(version, history);
  const std::optional<MeasuredLengths> to = MeasuredAfter(version, session.first_import_history);
  // From the start, the lengths heapsim's start-up left stand for CPython's.
  const bool known_before =
      history.empty() ? before.free_lists == session.free_list_lengths_at_start
                      : from.has_value() && MatchesMeasured(heap, *from, before.free_lists);
  if (known_before && gc_objects_known && to.has_value() &&
      session.first_import_gc_objects <= int64_t{to->gc_objects}) {
    SetLengths(heap, *to);
    NoteImportGarbage(heap, session, *to);
    return;
  }
  session.free_lists_unknown_after =
      absl::StrCat("the first import of '", std::string(module), "'");
  session.free_lists_unknown_clears = FullCollections(heap);
}

bool RefuseWhileFreeListsUnknown(Interpreter& interp, std::string_view what) {
  const SessionState& session = interp.session();
  if (ImportGarbageMayBeFreed(interp.heap(), session)) {
    interp.Refuse(absl::StrCat(
        std::string(what),
        " after CPython may have run an automatic collection since the first imports (which "
        "frees the cyclic garbage their code left onto the free lists; call gc.collect() "
        "before tracemalloc.start())"));
    return true;
  }
  if (session.free_lists_unknown_after.empty() ||
      session.tracing_started_clears != session.free_lists_unknown_clears) {
    return false;
  }
  interp.Refuse(absl::StrCat(
      std::string(what), " after ", session.free_lists_unknown_after,
      " and before a full collection (what the import leaves on CPython's free lists is not "
      "modelled from this state; call gc.collect() before tracemalloc.start())"));
  return true;
}

void RecordStartupFreeLists(const Heap& heap, SessionState& session) {
  if (session.free_list_lengths_at_start.empty()) {
    session.free_list_lengths_at_start = FreeListLengthsNow(heap);
    NoteHistoryPoint(heap, session);
  }
}

void NoteTracingStarted(Interpreter& interp) {
  interp.session().tracing_started_clears = FullCollections(interp.heap());
}

}  // namespace heapsim::script
