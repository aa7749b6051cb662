#include "server/heap/counter_object.h"

namespace heapsim {

uint64_t CounterObjectRequest(const Profile& profile) {
  // Without a pre-header both slots follow the dict; the 3.11 pre-header
  // holds the __dict__ pointer (and its values), the 3.12 one the weak
  // reference list too.
  const uint64_t dict_slot = profile.instance_preheader == 0 ? 8 : 0;
  const uint64_t weakref_slot = profile.weakref_in_preheader ? 0 : 8;
  return kDictObjectRequest + profile.instance_preheader + dict_slot + weakref_slot;
}

Ref NewCounter(Heap& heap) {
  return NewDictOfSubtype(heap, CounterObjectRequest(heap.profile()), kCounterSubtype);
}

}  // namespace heapsim
