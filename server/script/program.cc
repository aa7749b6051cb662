#include "server/script/program.h"

namespace heapsim::script {

void ReleaseParseTree(Heap& heap, Program& program) {
  for (ObjectId id : program.parse_tree_refs) heap.DecRef(id);
  program.parse_tree_refs.clear();
}

void ReleaseProgram(Heap& heap, Program& program) {
  std::vector<ObjectId> owned = std::move(program.owned);
  program.owned.clear();
  for (ObjectId id : owned) heap.DecRef(id);
}

}  // namespace heapsim::script
