#include "server/script/parser_keywords.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "server/heap/heap.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

void MakeParserKeywords(Interpreter& interp, std::string_view parser,
                        std::initializer_list<std::string_view> names, ParserKeywords when,
                        bool has_keywords) {
  if (when == ParserKeywords::kStatic ||
      (when == ParserKeywords::kOnFirstKeywordCall && !has_keywords)) {
    return;
  }
  // Looked up without making a std::string: this runs on every such call.
  auto& made = interp.session().parser_keywords_made;
  if (made.contains(absl::string_view(parser.data(), parser.size()))) return;
  made.emplace(parser);
  Heap& heap = interp.heap();
  // The tuple, then each name made as a new str and interned, which finds
  // the interpreter's own copy and frees the new one.
  std::vector<ObjectId> items;
  for (size_t i = 0; i < names.size(); ++i) items.push_back(heap.NewRef(heap.none()).release());
  Ref tuple = NewTuple(heap, std::move(items));
  size_t index = 0;
  for (std::string_view name : names) {
    const uint64_t size =
        StrRequest(heap.profile(), static_cast<uint32_t>(name.size()), StrKind::kAscii);
    heap.MakeTransientBlock(size);
    // The interpreter interned these names as it started.
    ObjectId& item = heap.tuple(tuple.get()).items[index++];
    heap.DecRef(item);
    item = IdentifierStr(heap, name).release();
  }
  heap.HoldParserKeywords(tuple.release());
}

}  // namespace heapsim::script
