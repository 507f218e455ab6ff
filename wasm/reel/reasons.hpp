// Why each film of a list is there, in the viewer's own ratings: the rated films that pushed
// this film more than they push the list's other films, so two picks rarely give one reason.
#pragma once
#include <cstddef>
#include <vector>

namespace reel {

// shares[i][j]: rated film j's share of pick i's score (Model::explain). For each pick, up to
// `most` rated films j with a positive share, by their contrast — the share less its mean over
// the other picks of the same block of `block` picks (a longer list keeps the first block's
// reasons) — the larger share first on a tie.
std::vector<std::vector<size_t>> discriminating_reasons(const std::vector<std::vector<float>>& shares, size_t most, size_t block);

}  // namespace reel
