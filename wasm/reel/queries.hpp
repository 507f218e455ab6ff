// What a viewer asks of trained models: films like X, a user's or a visitor's next films with
// their reasons, favourites, the viewers of the data, and films to rate first. Serving never
// offers a viewer a film they rated.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "filter.hpp"
#include "loaded_data.hpp"
#include "model_set.hpp"
#include "personal.hpp"
#include "profile.hpp"

namespace reel {

struct Pick {
    int32_t movie_id;
    float score;  // cosine, model score, training count or rating, as the query says
};

// Why a film sits next to X, in the data's own words: of the people who liked X in training
// (4 stars or more), how many liked it too; and how many rated it.
struct Neighbour {
    int32_t movie_id;
    float similarity;
    int32_t liked_both, liked_x, ratings;
    bool other_genre;  // shares no genre with X: the same feel under a different label
};

// A rated film's share of a recommended film's score.
struct Reason {
    int32_t movie_id;
    float share;
};

constexpr size_t kReasons = 3;  // a pick names at most this many rated films

struct Recommendation {
    int32_t movie_id;
    float score;
    float base;  // what the film scores before anything the viewer rated: score = base + Σ shares
    // Up to kReasons rated films that pushed it up, those that pushed it more than the list's
    // other films first (reasons.hpp), each with its share.
    std::vector<Reason> because;
};

struct VisitorPicks {
    std::vector<Recommendation> picks;
    const ModelSpec* model = nullptr;     // the model that made them (null: the most-rated films, see below)
    const ModelSpec* mixed_in = nullptr;  // a second model whose scores were mixed in, with this share (score_mix.hpp)
    float mix = 0;
    // True when the model had nothing to go on (no rated film it can use, e.g. only films rated
    // below what counts as liked): the picks are then the most-rated films, and say so.
    bool from_popularity = false;
    std::vector<int32_t> unknown;  // profile films not in the catalogue
    std::vector<int32_t> unrated;  // profile films nobody rated in training: kept out of the fold-in, never offered
};

struct Explained {
    float score = 0, base = 0;
    std::vector<Reason> shares;  // every profile film the fold-in used, in movieId order
};

// A MovieLens viewer as a picker names them: how many films they rated, and their favourite.
struct Viewer {
    int32_t user_id, ratings, favourite;
};

// Films like X, each with why it is there; Filter::other_genres keeps only films sharing no genre with X.
std::vector<Neighbour> similar_films(const LoadedData& d, const ModelSet& models, int32_t movie_id, size_t k, std::string_view model,
                                     const Filter& filter);
// A MovieLens user's next films: never one they rated (train or test). An empty `model` is the
// default: the registry's choice for viewers, re-ranked into their own list as `personal` says.
std::vector<Pick> user_picks(const LoadedData& d, const ModelSet& models, int32_t user_id, size_t n, std::string_view model,
                             const Filter& filter, const Personal& personal);
// A visitor's next films from their own ratings, folded in; never one they rated, nor one of
// `also_seen`. An empty `model` is the default: the registry's choice for a profile of this
// size, re-ranked into their own list as `personal` says; a model named gives its own ranking.
VisitorPicks visitor_picks(const LoadedData& d, const ModelSet& models, const std::vector<ProfileEntry>& profile, size_t n,
                           std::string_view model, const Filter& filter, const std::vector<ProfileEntry>* also_seen,
                           const Personal& personal);
// How film `movie_id`'s score for the visitor splits over their ratings.
Explained explain_pick(const LoadedData& d, const ModelSet& models, const std::vector<ProfileEntry>& profile, int32_t movie_id,
                       std::string_view model);
std::vector<Pick> favourites(const LoadedData& d, int32_t user_id, size_t k);  // the user's highest ratings
std::vector<Viewer> viewers(const LoadedData& d);                              // every user, ascending by id
// k films to rate next, none of `exclude`, chosen by the neighbours model from the visitor's
// `profile` so far (next_starters; with none, the same well-known films for everyone).
std::vector<int32_t> starters(const LoadedData& d, const ModelSet& models, size_t k, const std::vector<int32_t>& exclude,
                              const std::vector<ProfileEntry>& profile);

// `k` itself, or an error when it is over Limits::max_results.
size_t checked_count(size_t k);
// Films a viewer marked (seen, not interested, watchlist), or an error over Limits::max_profile that
// calls them marks: they are not ratings, and a message saying "ratings" sends the visitor the wrong way.
const std::vector<ProfileEntry>& checked_marks(const std::vector<ProfileEntry>& marked);

}  // namespace reel
