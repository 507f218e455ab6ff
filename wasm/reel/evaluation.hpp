// The one evaluator of evaluation.md: every registered model — popularity included — measured
// the same way for MovieLens users on a split (warm), for new visitors folded in from a profile,
// and for films like X. Each figure is computed here once; the engine and both faces only ask.
#pragma once
#include <cmath>
#include <cstdint>
#include <vector>

#include "dataset.hpp"
#include "list_measures.hpp"
#include "metrics.hpp"
#include "model.hpp"
#include "models.hpp"
#include "neighbours.hpp"
#include "personal.hpp"
#include "profile.hpp"
#include "similar.hpp"
#include "train_index.hpp"

namespace reel {

constexpr size_t kListLength = 10;  // evaluation.md's N; lift is measured against kPopularity (models.hpp)

// One model's figures; NaN where a figure does not apply.
struct ModelFigures {
    const ModelSpec* spec = nullptr;
    double rmse = NAN;  // models that predict stars
    double recall10 = NAN, ndcg10 = NAN;
    double lift = NAN;  // recall10 / the baseline's − 1
    ListFigures lists;  // beyond accuracy: are the lists the viewers' own?
};

struct Figures {
    std::vector<ModelFigures> models;  // in registry order, the baseline among them
    // The default list (personal.hpp): the registry's choice of model (for a visitor, by their
    // profile's size; models.hpp), re-ranked into the viewer's own.
    ModelFigures choice;  // spec null
    double choice_recall10 = NAN, choice_ndcg10 = NAN;
    double popularity_recall10 = NAN, popularity_ndcg10 = NAN;  // the baseline's, for short
    size_t viewers = 0;                                         // viewers with a relevant film, over whom recall is averaged
};

// Neighbour recall of one similarity on the held-out ratings.
struct NeighbourFigure {
    const ModelSpec* spec = nullptr;  // the cosine of this model's film vectors; null: co-rating item-kNN
    double recall10 = NAN;
    // Among each film's ten neighbours, the share of the 50 most-rated films (films themselves
    // among the 50 not asked), averaged over the films with a list.
    double popular_intrusion = NAN;
};

// A held-out rating and what a model predicts for it.
struct Prediction {
    int32_t user_id, movie_id;
    float prediction;
    float stars = 0;  // the held-out rating
};

// √(mean (r − r̂)²) over the pairs added: the one way RMSE is computed.
class StarsError {
public:
    void add(float stars, float predicted) {
        const double e = stars - predicted;
        sq_ += e * e;
        ++count_;
    }
    double rmse() const { return count_ ? std::sqrt(sq_ / static_cast<double>(count_)) : NAN; }

private:
    double sq_ = 0;
    size_t count_ = 0;
};

// What the warm protocol reads of the loaded data.
struct WarmData {
    const Dataset& data;
    const TrainIndex& index;
    const std::vector<std::vector<int32_t>>& relevant;  // each user's held-out films rated 4 or more
};

// MovieLens users on a split, as a walk over (model, slice of users), so a page can answer
// queries in between; the last walk is the default list, `chosen` re-ranked as `personal` says.
// Per-user sums are added in user order: any slicing gives the same figures.
class WarmEvaluation {
public:
    WarmEvaluation(std::vector<const Model*> models, WarmData data, const Model& chosen, const Personal& personal);
    bool done() const { return model_ >= scores_.size(); }
    // Ranks up to `users` more users for the current model; returns the share done (1 at the end).
    double step(size_t users);
    Figures figures() const;  // once done()

private:
    // The lists of users p in [from, to) of users_ on the current walk, by user.
    std::vector<std::vector<int32_t>> lists(size_t from, size_t to) const;

    std::vector<const Model*> models_;
    WarmData data_;
    const Model& chosen_;
    Personal personal_;
    std::vector<int> users_;           // those with a relevant held-out film, ascending
    std::vector<TopNScore> scores_;    // one per model, then the default list's
    std::vector<ListMeasures> lists_;  // the same
    size_t model_ = 0, next_ = 0;      // where the walk stands
};

// Every user in training's protocol list from `model` (film indices; empty for a user with no
// training ratings), re-ranked as `personal` says: what the warm figures score, for `reel export`.
std::vector<std::vector<int32_t>> warm_lists(const Model& model, const Catalog& catalog, const TrainIndex& index, size_t n,
                                             const Personal& personal);

// The new-visitor protocol: each visitor of `profile` folded in (the film side frozen) and
// ranked over the training films, less those they rated in `exclude` (the whole profile when
// `profile` holds only its first few ratings; null: the profile itself).
class VisitorProtocol {
public:
    VisitorProtocol(const Catalog& catalog, const TrainIndex& index, const Visitors& profile, const Visitors* exclude, size_t max_profile);
    size_t size() const { return prepared_.size(); }
    int32_t user_id(size_t v) const { return user_ids_[v]; }
    const Prepared& prepared(size_t v) const { return prepared_[v]; }
    const std::vector<int32_t>& seen(size_t v) const { return seen_[v]; }  // films never offered to visitor v, ascending
    // Visitor v's list from `model`, as movieIds, best first, re-ranked as `personal` says.
    std::vector<int32_t> list(size_t v, const Model& model, size_t n, const Personal& personal = Personal()) const {
        return list_for(v, prepared_[v], model, n, personal);
    }
    // The same from other ratings of theirs (`given`, e.g. those gathered so far), the
    // candidates still the protocol's; `mixed_in`: a model whose scores are mixed in (score_mix.hpp).
    std::vector<int32_t> list_for(size_t v, const Prepared& given, const Model& model, size_t n, const Personal& personal,
                                  const Model* mixed_in = nullptr) const;
    // Visitor v's default list from `given`: the registry's choice among `models` for that many
    // ratings, with the model it mixes in, re-ranked as `personal` says — what the page serves.
    std::vector<int32_t> own_list(size_t v, const Prepared& given, const std::vector<const Model*>& models, size_t n,
                                  const Personal& personal) const;
    // A film's index when it has training ratings (a hidden rating the models can predict), else −1.
    const Catalog& catalog() const { return catalog_; }
    const TrainIndex& index() const { return index_; }
    int film_in_training(int32_t movie_id) const {
        const int film = catalog_.index_of(movie_id);
        return film >= 0 && index_.count(film) > 0 ? film : -1;
    }

private:
    const Catalog& catalog_;
    const TrainIndex& index_;
    std::vector<int32_t> user_ids_;
    std::vector<Prepared> prepared_;
    std::vector<std::vector<int32_t>> seen_;  // per visitor: films never offered
};

// The registry's choice for visitor v among `models`, by the size of their profile.
const Model& chosen_for(const std::vector<const Model*>& models, const Prepared& visitor);

// Every model on the new visitors' hidden ratings, and the page's default list: the registry's
// choice of model, re-ranked as `personal` says.
Figures evaluate_visitors(const std::vector<const Model*>& models, const VisitorProtocol& visitors, const Visitors& hidden,
                          const Personal& personal);
// The stars model's prediction for each hidden (visitor, film) whose film is in training, visitor
// by visitor as the protocol lists them.
std::vector<Prediction> visitor_predictions(const Model& stars, const VisitorProtocol& visitors, const Visitors& hidden);
// The stars model's prediction for each held-out rating of the split.
std::vector<Prediction> test_predictions(const Model& stars, const Dataset& data);

// How the similarity of films like X is built (SimilarIndex's β, w and α).
struct SimilarParams {
    float shrinkage = 0, co_liking = 0, asymmetry = 0.5f;
};
// Neighbour recall of each model's film vectors (models without vectors are skipped), then of
// the co-rating item-kNN baseline.
std::vector<NeighbourFigure> evaluate_neighbours(const std::vector<const Model*>& models, const SimilarParams& params, WarmData data,
                                                 const Likers& likers);

}  // namespace reel
