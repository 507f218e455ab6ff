// Popularity: b_i = the film's training ratings, x = nothing, so score(viewer, i) = count(i);
// ties go to the smaller film index (= smaller movieId), as evaluation.md's baseline has it.
#include "popularity_model.hpp"

#include "rank_users.hpp"

namespace reel {

const ModelSpec kPopularityModel = {
    "popularity",
    "Popularity",
    "The baseline: the films with the most ratings, the same for everyone.",
    "",
    "",
    false,
    SettingList(),
    make_model<PopularityModel>,
};

PopularityModel::PopularityModel(const ModelSettings&, const TrainingData& data, uint64_t)
    : Model(kPopularityModel, 0, 0, data.index.users(), data.index.films()) {
    for (size_t i = 0; i < data.index.films(); ++i)
        film_bias_[static_cast<Eigen::Index>(i)] = static_cast<float>(data.index.count(static_cast<int>(i)));
    on_trained();
}

// No rated film moves a score: each one's share is zero, so an explanation still names them all.
Taste PopularityModel::fold_in(const std::vector<Rated>& profile) const {
    Taste t;
    t.part_offsets.assign(profile.size(), 0.0f);
    t.parts = Embeddings(static_cast<Eigen::Index>(profile.size()), 0);
    return t;
}

std::vector<std::vector<int32_t>> PopularityModel::top_n_all(const TrainIndex& index, size_t n, const std::vector<char>& wanted) const {
    return top_n_by_popularity(index, n, wanted);
}

}  // namespace reel
