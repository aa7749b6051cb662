// Graphviz DOT drawings of a heap: frames with their names, objects with
// id, type, size and refcount, and the references between them, so that
// `heapctl inspect --format=dot | dot -Tsvg` gives a picture.

#ifndef HEAPSIM_CLIENT_HEAP_DOT_H_
#define HEAPSIM_CLIENT_HEAP_DOT_H_

#include <string>

#include "google/protobuf/repeated_ptr_field.h"
#include "heapsim/v1/heapsim.pb.h"

namespace heapsim::client {

// A DOT digraph of `frames` (one table each, a row per name, an edge from
// each name to its object) and `objects` (a box each: type, id, size,
// refcount and the start of the repr; an edge to each referent that is
// itself among `objects`). The output depends only on the input: the same
// heap gives the same text.
std::string HeapToDot(const google::protobuf::RepeatedPtrField<v1::Frame>& frames,
                      const google::protobuf::RepeatedPtrField<v1::ObjectInfo>& objects);

}  // namespace heapsim::client

#endif  // HEAPSIM_CLIENT_HEAP_DOT_H_
