#include "server/script/name_suggestions.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace heapsim::script {

namespace {

constexpr size_t kMoveCost = 2;      // insert, delete or replace a character
constexpr size_t kCaseCost = 1;      // change only a character's case
constexpr size_t kMaxNameLength = 40;  // longer names are never close

size_t ReplaceCost(char from, char to) {
  if (from == to) return 0;
  if (absl::ascii_tolower(static_cast<unsigned char>(from)) ==
      absl::ascii_tolower(static_cast<unsigned char>(to))) {
    return kCaseCost;
  }
  return kMoveCost;
}

// The names of a space-separated list.
std::vector<std::string_view> Words(std::string_view list) {
  std::vector<std::string_view> words;
  for (size_t start = 0; start < list.size();) {
    size_t end = list.find(' ', start);
    if (end == std::string_view::npos) end = list.size();
    if (end > start) words.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string DidYouMean(std::string_view suggestion) {
  return absl::StrCat(". Did you mean: '", std::string(suggestion), "'?");
}

}  // namespace

size_t SuggestionDistance(std::string_view a, std::string_view b, size_t max_cost) {
  if (a == b) return 0;
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxNameLength || b.size() > kMaxNameLength) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  // One row of the edit-cost matrix over `a`, rewritten for each character
  // of `b`: row[i] is the cost of turning b's prefix so far into a[0..i].
  std::array<size_t, kMaxNameLength> row;
  for (size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;
  size_t cost = 0;
  for (size_t j = 0; j < b.size(); ++j) {
    size_t diagonal = j * kMoveCost;  // b[0..j) into nothing
    cost = diagonal;
    size_t cheapest = SIZE_MAX;
    for (size_t i = 0; i < a.size(); ++i) {
      const size_t replace = diagonal + ReplaceCost(b[j], a[i]);
      diagonal = row[i];
      cost = std::min(std::min(cost, diagonal) + kMoveCost, replace);
      row[i] = cost;
      cheapest = std::min(cheapest, cost);
    }
    if (cheapest > max_cost) return max_cost + 1;  // the rest can only cost more
  }
  return cost;
}

std::optional<std::string_view> ClosestName(std::string_view wrong,
                                            const std::vector<std::string_view>& candidates,
                                            size_t beaten, size_t too_many) {
  if (candidates.size() >= too_many) return std::nullopt;
  std::optional<std::string_view> closest;
  size_t best = beaten;
  for (std::string_view candidate : candidates) {
    if (candidate == wrong) continue;
    const size_t allowed =
        std::min((wrong.size() + candidate.size() + 3) * kMoveCost / 6, best - 1);
    const size_t distance = SuggestionDistance(wrong, candidate, allowed);
    if (distance > allowed) continue;
    closest = candidate;
    best = distance;
  }
  return closest;
}

std::string NameErrorHint(const Profile& profile, std::string_view wrong, const NameScope& scope) {
  if (profile.name_suggestions == NameSuggestions::kNone) return "";
  std::string suggestion;
  const std::vector<std::string_view> builtins = Words(profile.builtin_names);
  if (profile.name_hints_self_attribute && scope.self_has_wrong_attribute) {
    suggestion = absl::StrCat("self.", std::string(wrong));
  } else if (profile.name_suggestions == NameSuggestions::kEachNamespace) {
    // Each list on its own; a list of 750 names or more is not searched.
    for (const auto* names : {&scope.code_varnames, &scope.globals, &builtins}) {
      const std::optional<std::string_view> closest =
          ClosestName(wrong, *names, SIZE_MAX, kMaxSuggestionCandidates);
      if (closest.has_value()) {
        suggestion = std::string(*closest);
        break;
      }
    }
  } else if (!scope.namespace_too_long) {
    std::vector<std::string_view> names = scope.bound_locals;
    names.insert(names.end(), scope.globals.begin(), scope.globals.end());
    names.insert(names.end(), builtins.begin(), builtins.end());
    const std::optional<std::string_view> closest =
        ClosestName(wrong, names, SIZE_MAX, kMaxSuggestionCandidates);
    if (closest.has_value()) suggestion = std::string(*closest);
  }
  std::string hint = suggestion.empty() ? "" : DidYouMean(suggestion);
  const std::vector<std::string_view> modules = Words(profile.import_hint_modules);
  if (std::find(modules.begin(), modules.end(), wrong) != modules.end()) {
    absl::StrAppend(&hint, suggestion.empty() ? ". Did" : " Or did", " you forget to import '",
                    std::string(wrong), "'?");
  }
  return hint;
}

std::string AttributeErrorHint(const Profile& profile, std::string_view wrong,
                               const std::vector<std::string_view>& dir, bool self_is_object) {
  if (profile.name_suggestions == NameSuggestions::kNone) return "";
  std::vector<std::string_view> names;
  if (profile.attribute_hints_hide_underscored && !wrong.starts_with('_') && !self_is_object) {
    for (std::string_view name : dir) {
      if (!name.starts_with('_')) names.push_back(name);
    }
  } else {
    names = dir;
  }
  const std::optional<std::string_view> closest =
      ClosestName(wrong, names, SIZE_MAX, kMaxSuggestionCandidates);
  return closest.has_value() ? DidYouMean(*closest) : "";
}

}  // namespace heapsim::script
