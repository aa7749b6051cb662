#include "client/answer_text.h"

#include <iostream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/util/json_util.h"

namespace heapsim::client {

namespace v1 = ::heapsim::v1;

void PrintJson(const google::protobuf::Message& message) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  std::cout << json;
}

std::string Brief(const v1::ObjectInfo& info) {
  return absl::StrCat(info.repr(), "  ", info.type(), "  id=", info.address(),
                      " size=", info.size(), " refcount=", info.refcount(),
                      info.immortal() ? " immortal" : "");
}

void PrintChange(const v1::Change& change) {
  if (change.has_result()) std::cout << Brief(change.result()) << "\n";
  for (const v1::ObjectInfo& info : change.touched()) {
    if (change.has_result() && info.address() == change.result().address()) continue;
    std::cout << "  now " << Brief(info) << "\n";
  }
  if (change.created_size() > 0) {
    std::vector<std::string> made;
    for (const v1::ObjectInfo& info : change.created()) {
      made.push_back(absl::StrCat(info.type(), "@", info.address()));
    }
    std::cout << "  created " << change.created_size() << ": " << absl::StrJoin(made, " ") << "\n";
  }
  if (change.freed_size() > 0) {
    std::cout << "  freed " << change.freed_size() << ": " << absl::StrJoin(change.freed(), " ")
              << "\n";
  }
}

void PrintStats(const v1::MemoryStats& stats) {
  std::cout << "tracemalloc: " << (stats.tracing() ? "on" : "off") << " current "
            << stats.traced_current() << " peak " << stats.traced_peak() << "\n";
  std::cout << "objects: " << stats.live_objects() << "\n";
  for (const v1::TypeCount& type : stats.types()) {
    std::cout << "  " << type.type() << ": " << type.count() << " (" << type.bytes() << " B)\n";
  }
  std::cout << "arenas: " << stats.arenas_in_use() << " in use, " << stats.arenas_high_water()
            << " high water, " << stats.arenas_allocated() << " allocated, "
            << stats.arenas_released() << " released; empty pools " << stats.empty_pools()
            << "\n";
  for (const v1::SizeClassPools& size_class : stats.size_classes()) {
    std::cout << "  " << size_class.size() << " B blocks: pools " << size_class.used_pools()
              << " used + " << size_class.full_pools() << " full, blocks "
              << size_class.used_blocks() << " used / " << size_class.free_blocks() << " free\n";
  }
  std::cout << "fragmentation: " << stats.fragmentation() << "\n";
  std::cout << "raw allocator: " << stats.raw_bytes() << " B; footprint " << stats.footprint()
            << " B\n";
  std::cout << "gc: " << (stats.gc_enabled() ? "enabled" : "disabled") << " counts ("
            << absl::StrJoin(stats.gc_counts(), ", ") << ") collections ("
            << absl::StrJoin(stats.gc_collections(), ", ") << ")\n";
}

}  // namespace heapsim::client
