#include "client/heap_dot.h"

#include <string>

#include "gtest/gtest.h"

namespace heapsim::client {
namespace {

struct Heap {
  google::protobuf::RepeatedPtrField<v1::Frame> frames;
  google::protobuf::RepeatedPtrField<v1::ObjectInfo> objects;
};

v1::ObjectInfo* AddObject(Heap& heap, uint64_t address, const std::string& type, uint64_t size,
                          uint64_t refcount, const std::string& repr) {
  v1::ObjectInfo* object = heap.objects.Add();
  object->set_address(address);
  object->set_type(type);
  object->set_size(size);
  object->set_refcount(refcount);
  object->set_repr(repr);
  return object;
}

// x = y = [1, <elsewhere>]
Heap AliasedList() {
  Heap heap;
  v1::Frame* module = heap.frames.Add();
  module->set_index(0);
  module->set_function("<module>");
  v1::Binding* x = module->add_bindings();
  x->set_name("x");
  x->set_address(100);
  v1::Binding* y = module->add_bindings();
  y->set_name("y");
  y->set_address(100);
  v1::ObjectInfo* list = AddObject(heap, 100, "list", 72, 2, "[1, <object>]");
  list->add_referents(200);
  list->add_referents(999);  // not among the objects: no edge
  AddObject(heap, 200, "int", 28, 5, "1")->set_immortal(true);
  return heap;
}

TEST(HeapToDot, FramesNamesObjectsAndEdges) {
  const Heap heap = AliasedList();
  const std::string dot = HeapToDot(heap.frames, heap.objects);
  EXPECT_EQ(dot.rfind("digraph heap {\n", 0), 0u);
  EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
  // The frame, its names as ports, escaped.
  EXPECT_NE(dot.find("<b>0: &lt;module&gt;</b>"), std::string::npos) << dot;
  EXPECT_NE(dot.find("<td port=\"b0\" align=\"left\">x</td>"), std::string::npos);
  EXPECT_NE(dot.find("<td port=\"b1\" align=\"left\">y</td>"), std::string::npos);
  // Objects with id, size, refcount and repr.
  EXPECT_NE(dot.find("<b>list</b> id=100</td></tr><tr><td>size=72 refcount=2</td></tr>"
                     "<tr><td>[1, &lt;object&gt;]</td>"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("size=28 refcount=immortal"), std::string::npos);
  // Both names point at the list; the list at the int, not at 999.
  EXPECT_NE(dot.find("  f0:b0 -> o100;\n"), std::string::npos);
  EXPECT_NE(dot.find("  f0:b1 -> o100;\n"), std::string::npos);
  EXPECT_NE(dot.find("  o100 -> o200;\n"), std::string::npos);
  EXPECT_EQ(dot.find("o999"), std::string::npos);
  EXPECT_EQ(dot, HeapToDot(heap.frames, heap.objects));
}

TEST(HeapToDot, LongReprsAreCutOnCharacterBoundaries) {
  Heap heap;
  // 50 two-byte characters.
  std::string repr = "'";
  for (int i = 0; i < 50; ++i) repr += "\xc3\xa9";
  AddObject(heap, 1, "str", 141, 1, repr);
  const std::string dot = HeapToDot(heap.frames, heap.objects);
  std::string shown = "'";
  for (int i = 0; i < 39; ++i) shown += "\xc3\xa9";
  EXPECT_NE(dot.find("<tr><td>" + shown + "...</td>"), std::string::npos) << dot;
}

TEST(HeapToDot, EmptyHeapIsAValidGraph) {
  const Heap heap;
  EXPECT_EQ(HeapToDot(heap.frames, heap.objects),
            "digraph heap {\n  rankdir=LR;\n  node [fontname=\"Helvetica\" fontsize=10];\n"
            "  edge [arrowsize=0.7];\n  subgraph cluster_frames {\n    label=\"frames\";\n  }\n}\n");
}

}  // namespace
}  // namespace heapsim::client
