// The tuples of keyword names CPython's builtins' argument parsers make and
// keep. An Argument Clinic parser (and print()'s) builds the tuple of its
// keyword parameters' names the first time it needs it and keeps it for
// the process's life: one GC-tracked tuple, which gc.get_count() and
// tracemalloc see, made when Profile::print_keywords or clinic_keywords
// say (ParserKeywords). Internal to the script library.

#ifndef HEAPSIM_SERVER_SCRIPT_PARSER_KEYWORDS_H_
#define HEAPSIM_SERVER_SCRIPT_PARSER_KEYWORDS_H_

#include <initializer_list>
#include <string_view>

#include "server/heap/profile.h"

namespace heapsim::script {

class Interpreter;

// Makes the tuple of `names` of the parser named `parser` (the function's
// qualified name, e.g. "list.sort"), the session's first time the rule
// `when` says a call makes it: a call passing keywords when
// `has_keywords`. The names are interned strs the interpreter made as it
// started (a new str made and freed for each, as interning finds them).
void MakeParserKeywords(Interpreter& interp, std::string_view parser,
                        std::initializer_list<std::string_view> names, ParserKeywords when,
                        bool has_keywords);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_PARSER_KEYWORDS_H_
