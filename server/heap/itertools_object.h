// itertools' iterator objects: count, cycle, repeat, islice, chain,
// starmap, takewhile, dropwhile, filterfalse, compress, accumulate,
// product, combinations, combinations_with_replacement, permutations and
// pairwise. Each
// is a kIterator whose subtype is its IterKind; its IteratorBody's `held`
// keeps the object fields CPython's struct has, in the order its traverse
// visits them (kNoObject for NULL), and its deallocation drops them in the
// order CPython's dealloc does, before the object's own block is freed.
// The interpreter advances them (server/script/module_itertools.cc).

#ifndef HEAPSIM_SERVER_HEAP_ITERTOOLS_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_ITERTOOLS_OBJECT_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/heap/heap.h"

namespace heapsim {

// True for the IterKinds of itertools' objects.
bool IsItertoolsKind(IterKind kind);

// The request (GC header included, as sys.getsizeof shows it) of an
// itertools object of `kind` on `profile`. REQUIRES: IsItertoolsKind(kind).
uint32_t ItertoolsSize(const Profile& profile, IterKind kind);

// sys.getsizeof of an itertools object: its request, plus the index arrays
// of the combinatoric iterators (their __sizeof__).
uint64_t ItertoolsSizeOf(const Heap& heap, ObjectId id);

// Gives a combinatoric iterator its index arrays and the PyMem blocks the
// caller allocated for them (0 for none); its deallocation frees them.
void SetItertoolsIndices(Heap& heap, ObjectId id, std::vector<int64_t> indices,
                         std::vector<int64_t> cycles, uint64_t indices_block,
                         uint64_t cycles_block);

// The type's name without its module ("count"), as __name__ and the
// module's attribute show it. REQUIRES: IsItertoolsKind(kind).
std::string_view ItertoolsTypeName(IterKind kind);

// Makes an itertools object of `kind`, GC-tracked, adopting the references
// in `held` (CPython's fields in traverse order; kNoObject for NULL).
// REQUIRES: IsItertoolsKind(kind) and `held` has that kind's field count.
Ref NewItertoolsObject(Heap& heap, IterKind kind, std::vector<ObjectId> held);

// Frees a dead itertools object: its fields dropped in CPython's dealloc
// order, then its block. REQUIRES: the object is untracked.
void DeallocItertoolsObject(Heap& heap, ObjectId id);

// The repr CPython gives count and repeat objects ("count(5)",
// "repeat('a', 3)"), `item_repr` showing the objects they hold; nullopt for
// the other kinds (their default "<itertools.X object at 0x...>").
std::optional<std::string> ItertoolsRepr(const Heap& heap, ObjectId id,
                                         const std::function<std::string(ObjectId)>& item_repr);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_ITERTOOLS_OBJECT_H_
