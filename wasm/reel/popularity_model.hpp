// The popularity baseline as an ordinary model (the `ials` shape): every film scores its number of
// training ratings, whoever the viewer is. Nothing to learn, nothing to fold in, no film vectors.
#pragma once
#include "model.hpp"

namespace reel {

extern const ModelSpec kPopularityModel;

class PopularityModel : public Model {
public:
    PopularityModel(const ModelSettings& settings, const TrainingData& data, uint64_t seed);

    // Everyone's taste is the same: no offset, no vector, and no share for any rated film.
    Taste fold_in(const std::vector<Rated>& profile) const override;
    // Every user's list is one global ranking less what they rated: O(n + rated) a user.
    std::vector<std::vector<int32_t>> top_n_all(const TrainIndex& index, size_t n, const std::vector<char>& wanted) const override;

private:
    double fit_epoch() override { return 0; }  // never called: zero epochs
};

}  // namespace reel
