// One loaded dataset and what is built from it once: the split, the training index, every rating
// of each user (what serving never offers back), title search, who liked what, the held-out likes.
// Built whole and never changed after (links.csv aside), so the models can point into it.
#pragma once
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "dataset.hpp"
#include "imports.hpp"
#include "model.hpp"
#include "neighbours.hpp"
#include "profile.hpp"
#include "search.hpp"
#include "train_index.hpp"

namespace reel {

// What every face caps, so no request can make the engine work without end.
struct Limits {
    static constexpr size_t max_results = 1000;     // k or n of any list
    static constexpr size_t max_query_chars = 200;  // a title search, in characters (UTF-8 code points)
    static constexpr size_t max_profile = 20000;    // films in a viewer's profile
};

struct LoadedData {
    Dataset data;
    TrainIndex index;
    std::vector<size_t> seen_offsets;  // user u's ratings, train and test, are seen[seen_offsets[u] ..]
    std::vector<Rated> seen;           // … by film
    TitleSearch search;                // points into data.catalog
    Likers likers;
    std::vector<std::vector<int32_t>> relevant;  // each user's held-out films rated 4 or more
    Links links;                                 // links.csv, once given
    uint64_t fingerprint = 0;                    // of the catalogue, the users and both parts of the split

    // Every index above, from a split dataset; throws when there is nothing to train on.
    static std::unique_ptr<LoadedData> build(Dataset data);

    TrainingData training() const { return TrainingData{data.train, index}; }
    int user_of(int32_t user_id) const;   // dense index; throws naming an unknown user
    int film_of(int32_t movie_id) const;  // dense index; throws naming an unknown film
    // User u's films, train and test, ascending.
    std::vector<int32_t> seen_films(int u) const;
    Prepared prepare(const std::vector<ProfileEntry>& profile) const {
        return prepare_profile(profile, data.catalog, index, Limits::max_profile);
    }
};

}  // namespace reel
