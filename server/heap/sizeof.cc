#include "server/heap/sizeof.h"

#include "server/heap/array_object.h"
#include "server/heap/bytes_object.h"
#include "server/heap/counter_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/deque_object.h"
#include "server/heap/lru_cache_object.h"
#include "server/heap/mappingproxy_object.h"
#include "server/heap/memoryview_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/partial_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/float_object.h"
#include "server/heap/instance_object.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/itertools_object.h"
#include "server/heap/list_object.h"
#include "server/heap/set_object.h"
#include "server/heap/str_object.h"
#include "server/heap/super_object.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/wrapper_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/type_info.h"

namespace heapsim {

uint64_t SizeOf(const Heap& heap, ObjectId id) {
  const AuxSizes& aux = heap.profile().aux;
  switch (heap.type_of(id)) {
    case TypeTag::kNone:
    case TypeTag::kNotImplemented:
    case TypeTag::kEllipsis:
    case TypeTag::kObject:
      return 16;
    case TypeTag::kBool:
    case TypeTag::kInt:
      return IntSizeOf(heap, id);
    case TypeTag::kFloat:
      return kFloatSize;
    case TypeTag::kComplex:
      return kComplexSize;
    case TypeTag::kStr:
      return StrSizeOf(heap, id);
    case TypeTag::kBytes:
    case TypeTag::kByteArray:
      return BytesSizeOf(heap, id);
    case TypeTag::kArray:
      return ArraySizeOf(heap, id);
    case TypeTag::kList:
      return ListSizeOf(heap, id);
    case TypeTag::kTuple:
      return TupleSizeOf(heap, id);
    case TypeTag::kDict:
      // A defaultdict's object holds its factory too; an OrderedDict's has
      // its links, and its nodes and fast-nodes array count.
      if (IsOrderedDict(heap, id)) return DictSizeOf(heap, id) + OrderedDictExtraSize(heap, id);
      if (IsCounter(heap, id)) {
        return DictSizeOf(heap, id) + CounterObjectRequest(heap.profile()) - kDictObjectRequest;
      }
      return DictSizeOf(heap, id) +
             (IsDefaultDict(heap, id) ? kDefaultDictObjectRequest - kDictObjectRequest : 0);
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
      return SetSizeOf(heap, id);
    case TypeTag::kRange:
      return aux.range;
    case TypeTag::kSlice:
      return aux.slice;
    case TypeTag::kInstance:
      return InstanceSizeOf(heap, id);
    case TypeTag::kClass: {
      // type.__sizeof__ counts the cached keys its instances share.
      const uint32_t shared = heap.cls(id).shared_keys;
      const uint64_t keys =
          shared == 0 ? 0 : KeysRequest(heap.profile(), heap.shared_keys(shared).log2_size, true);
      return heap.profile().class_object_size + keys;
    }
    case TypeTag::kBuiltinType:
      return heap.profile().static_type_size;
    case TypeTag::kNamedTupleType:  // a heap type with __slots__ = (): no cached keys
      return heap.profile().class_object_size;
    case TypeTag::kFunction:
      return aux.function;
    case TypeTag::kCode:
      return aux.code;
    case TypeTag::kCell:
      return aux.cell;
    case TypeTag::kDescriptor:
      return kDescriptorRequest;
    case TypeTag::kMappingProxy:
      return kMappingProxyRequest;
    case TypeTag::kMemberDescriptor:
      return kMemberDescriptorRequest;
    case TypeTag::kSuper:
      return kSuperRequest;
    case TypeTag::kPartial:
      return kPartialRequest;
    case TypeTag::kMemoryView:
      return kMemoryViewRequest;
    case TypeTag::kManagedBuffer:
      return kManagedBufferRequest;
    case TypeTag::kLruCache:
      return heap.profile().lru_cache.wrapper_size;
    case TypeTag::kLruCacheDecorator:
      return aux.function;
    case TypeTag::kLruLink:
      return kLruLinkRequest;
    case TypeTag::kTraceObject:
      return kTraceObjectRequest;
    case TypeTag::kStaticMethod:
    case TypeTag::kClassMethod:
      return kMethodWrapperRequest;
    case TypeTag::kProperty:
      return heap.profile().property_size;
    case TypeTag::kMethodWrapper:
      return kMethodWrapperRequest;
    case TypeTag::kFrame:
      return aux.frame_base;
    case TypeTag::kModule:
      return aux.module;
    case TypeTag::kWeakRef:
      // A KeyedRef adds its key slot.
      return aux.weakref + (heap.weakref(id).key != kNoObject ? 8 : 0);
    case TypeTag::kWeakContainer:
      return WeakContainerSizeOf(heap, id);
    case TypeTag::kDeque:
      return DequeSizeOf(heap, id);
    case TypeTag::kBuiltinFunction:
      return aux.builtin_method;
    case TypeTag::kMethod:
      return aux.method;
    case TypeTag::kIterator: {
      const auto kind = static_cast<IterKind>(heap.object(id).subtype);
      if (IsItertoolsKind(kind)) return ItertoolsSizeOf(heap, id);
      return IteratorSize(aux, kind);
    }
    case TypeTag::kRangeIterator:
      return aux.range_iterator;
    case TypeTag::kGenerator:
      return GeneratorSize(heap.profile(), heap.iterator(id).frame_slots);
    case TypeTag::kDictView:
      return aux.dict_view;
    case TypeTag::kException:
      return aux.exception;
    case TypeTag::kCount:
      break;
  }
  return 0;
}

uint64_t SizeOfMethod(const Heap& heap, ObjectId id) {
  const TypeTag type = heap.type_of(id);
  uint64_t in_front = heap.IsGcType(type) ? kGcHeaderSize : 0;
  if (type == TypeTag::kInstance) in_front = heap.HeaderBytesOf(id);
  return SizeOf(heap, id) - in_front;
}

}  // namespace heapsim
