#include "server/heap/itertools_object.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace heapsim {

namespace {

struct KindInfo {
  IterKind kind;
  std::string_view name;
  uint32_t size;  // the request with its GC header (accumulate's is per profile)
  // Indexes into `held` in the order CPython's dealloc drops the fields.
  std::vector<size_t> dealloc_order;
};

const std::vector<KindInfo>& Kinds() {
  static const auto* const kinds = new std::vector<KindInfo>{
      {IterKind::kItertoolsCount, "count", 56, {0, 1}},
      {IterKind::kItertoolsCycle, "cycle", 64, {0, 1}},
      {IterKind::kItertoolsRepeat, "repeat", 48, {0}},
      {IterKind::kItertoolsIslice, "islice", 72, {0}},
      {IterKind::kItertoolsChain, "chain", 48, {1, 0}},
      {IterKind::kItertoolsStarmap, "starmap", 48, {1, 0}},
      {IterKind::kItertoolsTakewhile, "takewhile", 56, {1, 0}},
      {IterKind::kItertoolsDropwhile, "dropwhile", 56, {1, 0}},
      {IterKind::kItertoolsFilterfalse, "filterfalse", 48, {1, 0}},
      {IterKind::kItertoolsCompress, "compress", 48, {0, 1}},
      {IterKind::kItertoolsAccumulate, "accumulate", 0, {0, 2, 1, 3}},
      {IterKind::kItertoolsProduct, "product", 64, {0, 1}},
      {IterKind::kItertoolsCombinations, "combinations", 72, {0, 1}},
      {IterKind::kItertoolsCombinationsWithReplacement, "combinations_with_replacement", 72, {0, 1}},
      {IterKind::kItertoolsPermutations, "permutations", 80, {0, 1}},
      {IterKind::kItertoolsPairwise, "pairwise", 48, {0, 1, 2}},
      {IterKind::kItertoolsZipLongest, "zip_longest", 72, {0, 1, 2}},
  };
  return *kinds;
}

const KindInfo& InfoFor(IterKind kind) {
  for (const KindInfo& info : Kinds()) {
    if (info.kind == kind) return info;
  }
  return Kinds().front();  // unreachable for itertools kinds
}

}  // namespace

bool IsItertoolsKind(IterKind kind) {
  return kind >= IterKind::kItertoolsCount && kind <= IterKind::kItertoolsZipLongest;
}

uint32_t ItertoolsSize(const Profile& profile, IterKind kind) {
  if (kind == IterKind::kItertoolsAccumulate) return profile.itertools.accumulate_size;
  if (kind == IterKind::kItertoolsPairwise && profile.itertools.pairwise_reuses_result) return 56;
  return InfoFor(kind).size;
}

uint64_t ItertoolsSizeOf(const Heap& heap, ObjectId id) {
  const auto kind = static_cast<IterKind>(heap.object(id).subtype);
  const IteratorBody& body = heap.iterator(id);
  // The combinatoric iterators' __sizeof__ adds their index arrays.
  return ItertoolsSize(heap.profile(), kind) + 8 * (body.indices.size() + body.cycles.size());
}

void SetItertoolsIndices(Heap& heap, ObjectId id, std::vector<int64_t> indices,
                         std::vector<int64_t> cycles, uint64_t indices_block,
                         uint64_t cycles_block) {
  IteratorBody& body = heap.iterator(id);
  body.indices = std::move(indices);
  body.cycles = std::move(cycles);
  body.indices_block = indices_block;
  body.cycles_block = cycles_block;
}

std::string_view ItertoolsTypeName(IterKind kind) { return InfoFor(kind).name; }

Ref NewItertoolsObject(Heap& heap, IterKind kind, std::vector<ObjectId> held) {
  const ObjectId id = heap.NewObject(TypeTag::kIterator, ItertoolsSize(heap.profile(), kind));
  IteratorBody body;
  body.held = std::move(held);
  heap.AttachBody(id, std::move(body));
  heap.set_subtype(id, static_cast<uint8_t>(kind));
  heap.Track(id);
  return heap.Adopt(id);
}

void DeallocItertoolsObject(Heap& heap, ObjectId id) {
  const auto kind = static_cast<IterKind>(heap.object(id).subtype);
  IteratorBody& body = heap.iterator(id);
  std::vector<ObjectId> held = std::move(body.held);
  const uint64_t indices_block = std::exchange(body.indices_block, 0);
  const uint64_t cycles_block = std::exchange(body.cycles_block, 0);
  for (size_t index : InfoFor(kind).dealloc_order) {
    if (held[index] != kNoObject) heap.DecRef(held[index]);
  }
  if (indices_block != 0) heap.FreeBuffer(indices_block);
  if (cycles_block != 0) heap.FreeBuffer(cycles_block);
  heap.ReleaseObject(id, /*keep_block=*/false);
}

std::optional<std::string> ItertoolsRepr(const Heap& heap, ObjectId id,
                                         const std::function<std::string(ObjectId)>& item_repr) {
  const auto kind = static_cast<IterKind>(heap.object(id).subtype);
  const IteratorBody& body = heap.iterator(id);
  if (kind == IterKind::kItertoolsRepeat) {
    if (body.index < 0) return absl::StrCat("repeat(", item_repr(body.held[0]), ")");
    return absl::StrCat("repeat(", item_repr(body.held[0]), ", ", body.index, ")");
  }
  if (kind != IterKind::kItertoolsCount) return std::nullopt;
  const ObjectId long_cnt = body.held[0];
  const ObjectId long_step = body.held[1];
  if (long_cnt == kNoObject) return absl::StrCat("count(", body.index, ")");  // fast mode
  // A step that is the int 1 is not shown.
  const bool unit_step = heap.type_of(long_step) == TypeTag::kInt && item_repr(long_step) == "1";
  if (unit_step) return absl::StrCat("count(", item_repr(long_cnt), ")");
  return absl::StrCat("count(", item_repr(long_cnt), ", ", item_repr(long_step), ")");
}

}  // namespace heapsim
