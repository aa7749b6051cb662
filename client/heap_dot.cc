#include "client/heap_dot.h"

#include <cstdint>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"

namespace heapsim::client {

namespace {

// Longest repr shown in an object's box, in characters.
constexpr size_t kReprChars = 40;

// `text` escaped for a Graphviz HTML-like label; control characters are
// dropped.
std::string HtmlEscape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out.push_back(c);
    }
  }
  return out;
}

// The first `limit` UTF-8 characters of `text`, with "..." when cut.
std::string Shortened(const std::string& text, size_t limit) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(text[i]) & 0xc0) != 0x80;
    if (starts_char && chars++ == limit) return text.substr(0, i) + "...";
  }
  return text;
}

std::string ObjectNode(uint64_t address) { return absl::StrCat("o", address); }

}  // namespace

std::string HeapToDot(const google::protobuf::RepeatedPtrField<v1::Frame>& frames,
                      const google::protobuf::RepeatedPtrField<v1::ObjectInfo>& objects) {
  absl::flat_hash_set<uint64_t> drawn;
  for (const v1::ObjectInfo& object : objects) drawn.insert(object.address());

  std::string dot =
      "digraph heap {\n"
      "  rankdir=LR;\n"
      "  node [fontname=\"Helvetica\" fontsize=10];\n"
      "  edge [arrowsize=0.7];\n";
  absl::StrAppend(&dot, "  subgraph cluster_frames {\n    label=\"frames\";\n");
  for (const v1::Frame& frame : frames) {
    absl::StrAppend(&dot, "    f", frame.index(),
                    " [shape=plain label=<<table border=\"0\" cellborder=\"1\" "
                    "cellspacing=\"0\"><tr><td bgcolor=\"lightgrey\"><b>",
                    frame.index(), ": ", HtmlEscape(frame.function()), "</b></td></tr>");
    for (int i = 0; i < frame.bindings_size(); ++i) {
      absl::StrAppend(&dot, "<tr><td port=\"b", i, "\" align=\"left\">",
                      HtmlEscape(frame.bindings(i).name()), "</td></tr>");
    }
    absl::StrAppend(&dot, "</table>>];\n");
  }
  absl::StrAppend(&dot, "  }\n");

  for (const v1::ObjectInfo& object : objects) {
    absl::StrAppend(
        &dot, "  ", ObjectNode(object.address()),
        " [shape=plain label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\">"
        "<tr><td bgcolor=\"lightblue\"><b>",
        HtmlEscape(object.type()), "</b> id=", object.address(), "</td></tr><tr><td>size=",
        object.size(), " refcount=",
        object.immortal() ? std::string("immortal") : absl::StrCat(object.refcount()),
        "</td></tr><tr><td>", HtmlEscape(Shortened(object.repr(), kReprChars)),
        "</td></tr></table>>];\n");
  }

  for (const v1::Frame& frame : frames) {
    for (int i = 0; i < frame.bindings_size(); ++i) {
      const uint64_t address = frame.bindings(i).address();
      if (!drawn.contains(address)) continue;
      absl::StrAppend(&dot, "  f", frame.index(), ":b", i, " -> ", ObjectNode(address), ";\n");
    }
  }
  for (const v1::ObjectInfo& object : objects) {
    for (const uint64_t referent : object.referents()) {
      if (!drawn.contains(referent)) continue;
      absl::StrAppend(&dot, "  ", ObjectNode(object.address()), " -> ", ObjectNode(referent),
                      ";\n");
    }
  }
  dot += "}\n";
  return dot;
}

}  // namespace heapsim::client
