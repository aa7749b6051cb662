// The adaptive counter of an instruction site in CPython 3.11+'s
// specialising interpreter (the profile's AdaptiveRules gives the
// numbers). A site runs its generic instruction until the counter reaches
// zero, then specialises for what it sees; a failure backs off
// exponentially (the exponent grows by one, to 12, and the counter restarts
// at 2**exponent - 1). A specialised site that misses counts down (3.11:
// its own miss counter, reverting to adapting at zero; 3.12+: the generic
// instruction's counter, specialising again at zero).

#ifndef HEAPSIM_SERVER_SCRIPT_ADAPTIVE_SITE_H_
#define HEAPSIM_SERVER_SCRIPT_ADAPTIVE_SITE_H_

#include <cstdint>

#include "server/heap/profile.h"
#include "server/script/code.h"

namespace heapsim::script {

// One run of `site`: the form (AdaptiveSite::family; 0 the generic
// instruction) it runs in under `rules`, the counters advanced. `quickened`:
// the code object has warmed up (3.11; per-site profiles ignore it). `hit`:
// the site's specialised form (if any) accepts this run's operands.
// `specialisable`: the form the site would specialise to now (0: it
// cannot). Profiles without an adaptive interpreter always run generic.
uint8_t AdvanceSite(const AdaptiveRules& rules, AdaptiveSite& site, bool quickened, bool hit,
                    uint8_t specialisable);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_ADAPTIVE_SITE_H_
