#include "server/script/modelled_modules.h"

#include <algorithm>
#include <iterator>

#include "server/script/builtins.h"

namespace heapsim::script {

namespace {

// One row per modelled module, in alphabetical order. `note` is what a
// refused from-import of one of its other names says (empty: the generic
// note). `imports_tokenize`: its first import imports tokenize (through
// linecache or inspect), whose own import sorts with keywords.
struct ModelledModule {
  std::string_view name;
  std::string_view note;
  bool imports_tokenize = false;
};

constexpr ModelledModule kModelledModules[] = {
    {"array", ""},
    {"collections",
     " (of collections heapsim models deque, defaultdict, OrderedDict, namedtuple and "
     "Counter)"},
    {"copy", ""},
    {"dataclasses",
     " (of dataclasses heapsim models dataclass, field, fields, asdict, astuple, replace, "
     "is_dataclass, MISSING and FrozenInstanceError)",
     true},
    {"functools", " (of functools heapsim models reduce, partial, lru_cache and cache only)"},
    {"gc", ""},
    {"itertools",
     " (of itertools heapsim models accumulate, chain, combinations, "
     "combinations_with_replacement, compress, count, cycle, dropwhile, filterfalse, islice, "
     "permutations, product, repeat, starmap, takewhile and zip_longest; pairwise is refused by "
     "import as it is missing before 3.10)"},
    {"math", ""},
    {"operator", ""},
    {"random",
     " (of random heapsim models seed, random, getrandbits, randrange, randint, choice, shuffle "
     "and uniform)"},
    {"sys", ""},
    {"tracemalloc", "", true},
    {"weakref", ""},
};

const ModelledModule* Find(std::string_view name) {
  const auto* found = std::find_if(std::begin(kModelledModules), std::end(kModelledModules),
                                   [&](const ModelledModule& m) { return m.name == name; });
  return found == std::end(kModelledModules) ? nullptr : found;
}

}  // namespace

bool IsModelledModule(std::string_view name) { return Find(name) != nullptr; }

bool FirstImportReadiesSortKeywords(std::string_view module) {
  const ModelledModule* found = Find(module);
  return found != nullptr && found->imports_tokenize;
}

std::string ModelledModuleList() {
  constexpr size_t kCount = std::size(kModelledModules);
  std::string list;
  for (size_t i = 0; i < kCount; ++i) {
    if (i > 0) list.append(i + 1 == kCount ? " and " : ", ");
    list.append(kModelledModules[i].name);
  }
  return list;
}

bool IsImportableName(std::string_view module, std::string_view name) {
  if (module == "tracemalloc" && name == "reset_peak") return false;  // missing before 3.9
  if (module == "gc" && name == "is_finalized") return false;         // missing before 3.9
  if (module == "math" && name == "lcm") return false;                // missing before 3.9
  if (module == "operator" && name == "call") return false;           // missing before 3.11
  if (module == "itertools" && name == "pairwise") return false;      // missing before 3.10
  return FindModuleFunction(module, name).has_value() || IsModuleValue(module, name);
}

std::string_view ImportableNamesNote(std::string_view module) {
  const ModelledModule* found = Find(module);
  if (found != nullptr && !found->note.empty()) return found->note;
  return " (only the module's modelled functions and values)";
}

}  // namespace heapsim::script
