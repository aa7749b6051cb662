#include "server/heap/lru_cache_object.h"

#include <utility>
#include <vector>

#include "server/heap/bodies.h"
#include "server/heap/dict_object.h"

namespace heapsim {

namespace {

// Detaches the wrapper's list (lru_cache_unlink_list): its links, least
// recently used first, each still holding the reference the list had.
std::vector<ObjectId> UnlinkList(Heap& heap, ObjectId wrapper) {
  std::vector<ObjectId> links;
  LruCacheBody& body = heap.lru_cache(wrapper);
  for (ObjectId link = body.oldest; link != kNoObject; link = heap.lru_link(link).newer) {
    links.push_back(link);
  }
  body.oldest = body.newest = kNoObject;
  return links;
}

// lru_cache_clear_list: each link's reference dropped in list order.
void ReleaseLinks(Heap& heap, const std::vector<ObjectId>& links) {
  for (ObjectId link : links) heap.DecRef(link);
}

}  // namespace

Ref NewLruCache(Heap& heap, Ref function, int64_t maxsize, bool typed) {
  Ref cache = NewDict(heap);
  const ObjectId id = heap.NewObject(TypeTag::kLruCache, heap.profile().lru_cache.wrapper_size);
  LruCacheBody body;
  body.function = function.release();
  body.cache = cache.release();
  body.maxsize = maxsize;
  body.typed = typed;
  heap.AttachBody(id, std::move(body));
  heap.Track(id);
  return heap.Adopt(id);
}

Ref NewLruCacheClosure(Heap& heap, Ref closure, int64_t maxsize, bool typed,
                       bool parameters_lambda) {
  const ObjectId id = heap.NewObject(TypeTag::kLruCacheDecorator, heap.profile().aux.function);
  LruCacheBody body;
  body.closure = closure.release();
  body.maxsize = maxsize;
  body.typed = typed;
  body.parameters_lambda = parameters_lambda;
  heap.AttachBody(id, std::move(body));
  heap.Track(id);
  return heap.Adopt(id);
}

ObjectId NewLruLink(Heap& heap, Ref key, Ref result, int64_t hash) {
  const ObjectId id = heap.NewObject(TypeTag::kLruLink, kLruLinkRequest);
  heap.AttachBody(id, LruLinkBody{key.release(), result.release(), hash, kNoObject, kNoObject});
  return id;  // its first reference is the one the list keeps
}

void LruAppendLink(Heap& heap, ObjectId wrapper, ObjectId link) {
  LruCacheBody& body = heap.lru_cache(wrapper);
  LruLinkBody& l = heap.lru_link(link);
  l.older = body.newest;
  l.newer = kNoObject;
  if (body.newest != kNoObject) {
    heap.lru_link(body.newest).newer = link;
  } else {
    body.oldest = link;
  }
  body.newest = link;
}

void LruExtractLink(Heap& heap, ObjectId wrapper, ObjectId link) {
  LruCacheBody& body = heap.lru_cache(wrapper);
  const LruLinkBody l = heap.lru_link(link);
  if (l.older != kNoObject) {
    heap.lru_link(l.older).newer = l.newer;
  } else {
    body.oldest = l.newer;
  }
  if (l.newer != kNoObject) {
    heap.lru_link(l.newer).older = l.older;
  } else {
    body.newest = l.older;
  }
  heap.lru_link(link).older = heap.lru_link(link).newer = kNoObject;
}

void LruCacheClear(Heap& heap, ObjectId wrapper) {
  const std::vector<ObjectId> links = UnlinkList(heap, wrapper);
  LruCacheBody& body = heap.lru_cache(wrapper);
  body.hits = body.misses = 0;
  DictClear(heap, body.cache);
  ReleaseLinks(heap, links);
}

void ClearLruCacheReferences(Heap& heap, ObjectId wrapper) {
  const std::vector<ObjectId> links = UnlinkList(heap, wrapper);
  for (ObjectId LruCacheBody::*field :
       {&LruCacheBody::cache, &LruCacheBody::function, &LruCacheBody::dict}) {
    const ObjectId held = std::exchange(heap.lru_cache(wrapper).*field, kNoObject);
    if (held != kNoObject) heap.DecRef(held);
  }
  ReleaseLinks(heap, links);
}

void ClearLruCacheClosure(Heap& heap, ObjectId closure) {
  const ObjectId held = std::exchange(heap.lru_cache(closure).closure, kNoObject);
  if (held != kNoObject) heap.DecRef(held);
}

void DeallocLruCache(Heap& heap, ObjectId wrapper) {
  if (heap.type_of(wrapper) == TypeTag::kLruCache) {
    ClearLruCacheReferences(heap, wrapper);
    heap.ReleaseObject(wrapper, /*keep_block=*/false);
    return;
  }
  const ObjectId closure = heap.lru_cache(wrapper).closure;
  heap.lru_cache(wrapper).closure = kNoObject;
  heap.ReleaseObject(wrapper, /*keep_block=*/false);
  if (closure != kNoObject) heap.DecRef(closure);
}

void DeallocLruLink(Heap& heap, ObjectId link) {
  const LruLinkBody body = heap.lru_link(link);
  heap.lru_link(link).key = heap.lru_link(link).result = kNoObject;
  if (body.key != kNoObject) heap.DecRef(body.key);
  if (body.result != kNoObject) heap.DecRef(body.result);
  heap.ReleaseObject(link, /*keep_block=*/false);
}

}  // namespace heapsim
