// The hint CPython's traceback adds to an uncaught NameError or
// AttributeError from 3.10 on:
// ". Did you mean: 'count'?" for a name a few edits away from one the frame
// can see, ". Did you mean: 'self.size'?" (3.12+) for an attribute of a
// method's self, and ". Did you forget to import 'sys'?" (3.12+) for the
// name of a standard-library module. The search follows CPython's rules
// (Python/suggestions.c, and 3.13's traceback module) as measured; the code
// is heapsim's.

#ifndef HEAPSIM_SERVER_SCRIPT_NAME_SUGGESTIONS_H_
#define HEAPSIM_SERVER_SCRIPT_NAME_SUGGESTIONS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/heap/profile.h"

namespace heapsim::script {

// Suggestions search no list of this many names or more.
inline constexpr size_t kMaxSuggestionCandidates = 750;

// The edit distance suggestions use: inserting, deleting or replacing a
// character costs 2, changing only its case 1; a common prefix and suffix
// cost nothing. Past `max_cost`, or when what is left of either name is
// longer than 40 characters, the answer is max_cost + 1.
size_t SuggestionDistance(std::string_view a, std::string_view b, size_t max_cost);

// The candidate CPython suggests for `wrong`: the closest one (the first
// of equals) needing at most a third of the characters involved changed
// and closer than `beaten`; none when there are `too_many` candidates.
std::optional<std::string_view> ClosestName(std::string_view wrong,
                                            const std::vector<std::string_view>& candidates,
                                            size_t beaten, size_t too_many);

// What a frame can see when a NameError for `wrong` leaves it uncaught.
struct NameScope {
  std::vector<std::string_view> code_varnames;  // co_varnames (3.10 to 3.12)
  std::vector<std::string_view> bound_locals;   // f_locals' keys (3.13)
  std::vector<std::string_view> globals;        // the module's names, in order
  bool self_has_wrong_attribute = false;        // a bound local `self` with it
  // A namespace had kMaxSuggestionCandidates names or more and was left out
  // of `globals` or `bound_locals` (so one list of all of them is too long).
  bool namespace_too_long = false;
};

// The hint for an uncaught NameError for `wrong` under `profile`, including
// its leading ". " ("" when CPython adds none).
std::string NameErrorHint(const Profile& profile, std::string_view wrong, const NameScope& scope);

// The hint for an uncaught AttributeError for `wrong` under `profile`, with
// its leading ". " ("" when CPython adds none), from `dir`: the object's
// dir(), sorted and without duplicates. `self_is_object`: the frame that
// raised it has a local `self` that is the object.
std::string AttributeErrorHint(const Profile& profile, std::string_view wrong,
                               const std::vector<std::string_view>& dir, bool self_is_object);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_NAME_SUGGESTIONS_H_
