// What new-visitor evaluation needs of its files before its figures mean anything: visitors the
// models never trained on, and hidden ratings the profile does not already give. Either mistake
// gave figures and exit 0 (all 0.0000 with --test equal to the profile), so both are refused.
#pragma once
#include <string_view>

#include "dataset.hpp"
#include "profile.hpp"

namespace reel {

// Throws reel::Error naming the file, a user (and film) and how many are affected when a profile
// or hidden user is in `training`, or a hidden rating repeats a profile rating of the same user.
void check_new_visitors(const Dataset& training, std::string_view training_name, const Visitors& profile, std::string_view profile_name,
                        const Visitors& hidden, std::string_view hidden_name);

}  // namespace reel
