// CPython's free lists after each measured history of first imports, the
// data import_free_lists.cc applies. Generated into
// import_free_lists_table_38.cc (3.8 to 3.10) and import_free_lists_table_311.cc
// (3.11 to 3.13) by tests/golden/measure_import_free_lists.py, which says
// how each length was measured. Internal to the script library.

#ifndef HEAPSIM_SERVER_SCRIPT_IMPORT_FREE_LISTS_TABLE_H_
#define HEAPSIM_SERVER_SCRIPT_IMPORT_FREE_LISTS_TABLE_H_

#include <cstdint>
#include <string_view>

#include "absl/types/span.h"

namespace heapsim::script {

struct ImportHistoryRow {
  std::string_view version;  // the profile's
  // The script's first imports in order, space-separated, with "collect"
  // where a full collection emptied the free lists; `from collections
  // import ...` is "from collections".
  std::string_view history;
  // The most objects the script may itself add to generation 0 since the
  // history began (or its last full collection) for its lengths to hold:
  // measured with 0 to 100 more, the lengths changed past this (the
  // collections during the imports fell elsewhere).
  uint32_t gc_objects;
  // gc.get_count()[0] after the history, at most (with up to gc_objects
  // more objects: less those), or -1 where it is not known: the imports'
  // cyclic garbage is freed onto the free lists by the next automatic
  // collection, when the count passes threshold0.
  int32_t count0;
  // gc.get_count()[1] after the history, at most (-1 where count0 is): the
  // generation-0 collections still to come before generation 1's.
  int32_t count1;
  // Whether such a collection parks anything (a young collection right
  // after the history leaves other lengths).
  bool collection_parks;
  // Whether a collection of generation 0 alone does: where it does not,
  // the garbage is older and waits for generation 1's first collection.
  bool generation0_parks;
  // "COUNTS | TUPLES | FRAMES", numbers space-separated. COUNTS: floats,
  // lists, dicts, bound methods, builtin methods, 8-slot dict keys, "-"
  // where sys._debugmallocstats() does not report the list. TUPLES: tuples
  // of 1 to 20 items. FRAMES: the parked frames' slot capacities in the
  // order calls take them (3.8 to 3.10; "-" from 3.11).
  std::string_view lengths;
};

// The rows for 3.8 to 3.10, and for 3.11 to 3.13.
absl::Span<const ImportHistoryRow> ImportHistoryRowsTo310();
absl::Span<const ImportHistoryRow> ImportHistoryRowsFrom311();

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_IMPORT_FREE_LISTS_TABLE_H_
