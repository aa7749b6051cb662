// functools.lru_cache's objects: the wrapper (_lru_cache_wrapper, a GC
// object of the profile's size), the decorator lru_cache(maxsize, typed)
// returns before it is given the function, and a bounded cache's list
// elements (lru_list_elem: 56 bytes, not GC objects) that keep each key and
// result, least recently used first.

#ifndef HEAPSIM_SERVER_HEAP_LRU_CACHE_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_LRU_CACHE_OBJECT_H_

#include <cstdint>

#include "server/heap/heap.h"

namespace heapsim {

// An lru_list_elem's block: the object head, the two links, the hash, the
// key and the result.
inline constexpr uint64_t kLruLinkRequest = 56;

// lru_cache_new: a new empty dict for the cache, then the GC-tracked
// wrapper taking the reference `function`; `maxsize` -1 for an unbounded
// cache. The __dict__ is set by the caller (update_wrapper's).
Ref NewLruCache(Heap& heap, Ref function, int64_t maxsize, bool typed);

// A closure of functools.py over lru_cache()'s cells (the decorator
// lru_cache(maxsize, typed) returns, or the wrapper's cache_parameters
// lambda): a GC-tracked object of a function's size taking the reference
// `closure` (a tuple of the cells) and holding the parameters.
Ref NewLruCacheClosure(Heap& heap, Ref closure, int64_t maxsize, bool typed,
                       bool parameters_lambda);

// A new link holding the references `key` and `result` (PyObject_New: not
// tracked), not yet in any list.
ObjectId NewLruLink(Heap& heap, Ref key, Ref result, int64_t hash);

// Puts `link` (not in the list) at the most recently used end of the
// wrapper's list.
void LruAppendLink(Heap& heap, ObjectId wrapper, ObjectId link);

// Takes `link` out of the wrapper's list.
void LruExtractLink(Heap& heap, ObjectId wrapper, ObjectId link);

// cache_clear() on a bounded or unbounded wrapper: the list detached, the
// counters reset, the cache dict cleared, then each link released, least
// recently used first.
void LruCacheClear(Heap& heap, ObjectId wrapper);

// lru_cache_tp_clear, as the cyclic GC runs it: the list detached, then
// the cache dict, the function and the __dict__ released, then the links.
void ClearLruCacheReferences(Heap& heap, ObjectId wrapper);

// func_clear of a closure (kLruCacheDecorator): its tuple of cells.
void ClearLruCacheClosure(Heap& heap, ObjectId closure);

// lru_cache_dealloc after the weak references were cleared: tp_clear, then
// the block; a closure's block, then its tuple of cells.
void DeallocLruCache(Heap& heap, ObjectId wrapper);

// lru_list_elem_dealloc: the key, the result, then the block.
void DeallocLruLink(Heap& heap, ObjectId link);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_LRU_CACHE_OBJECT_H_
