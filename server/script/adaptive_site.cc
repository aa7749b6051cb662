#include "server/script/adaptive_site.h"

#include <algorithm>

namespace heapsim::script {

namespace {

// The exponent of a failed specialisation's back-off stops growing here.
constexpr uint8_t kMaxBackoff = 12;

// A failed specialisation: the exponent grows and the counter restarts.
void BackOff(AdaptiveSite& site) {
  site.family = 0;
  site.backoff = std::min<uint8_t>(site.backoff + 1, kMaxBackoff);
  site.counter = static_cast<uint16_t>((1u << site.backoff) - 1);
}

}  // namespace

uint8_t AdvanceSite(const AdaptiveRules& rules, AdaptiveSite& site, bool quickened, bool hit,
                    uint8_t specialisable) {
  using Warmup = AdaptiveRules::Warmup;
  if (rules.warmup == Warmup::kNone) return 0;
  if (rules.warmup == Warmup::kCodeObject && !quickened) return 0;
  if (!site.started) {
    site.started = true;
    site.counter = rules.start_counter;
    site.backoff = rules.start_backoff;
  }
  if (site.family != 0) {
    if (hit) return site.family;
    if (rules.misses_revert) {
      // 3.11: the miss counts down; at zero the site adapts again.
      if (--site.counter == 0) {
        site.family = 0;
        site.counter = rules.revert_counter;
        site.backoff = rules.revert_backoff;
      }
      return 0;
    }
    // 3.12+: the miss runs the generic instruction, counter and all.
  }
  if (site.counter == 0) {
    if (specialisable != 0) {
      site.family = specialisable;
      site.counter = rules.specialised_counter;
      site.backoff = 0;
      return specialisable;
    }
    BackOff(site);
  }
  --site.counter;
  return 0;
}

}  // namespace heapsim::script
