// "Films like X" measured and explained: evaluation.md's neighbour recall for any similarity,
// the co-rating item-kNN baseline it is compared with, and co-liking counts ("liked by 41 of
// the 97 people who loved Toy Story").
#pragma once
#include <cstdint>
#include <vector>

#include "top_n.hpp"
#include "train_index.hpp"

namespace reel {

constexpr int kNeighbourSupport = 10;  // evaluation.md: films and neighbours with at least 10 training ratings
constexpr size_t kNeighbours = 20;     // evaluation.md: each film's 20 nearest

// Each film's nearest films by some similarity, best first; empty for films below the support.
using NeighbourTable = std::vector<std::vector<Scored>>;

class SimilarIndex;
// Each film's 20 nearest by the engine's "films like X" similarity (see SimilarIndex), a table
// for each of `similar` (built over one Likers).
std::vector<NeighbourTable> neighbour_tables(const std::vector<const SimilarIndex*>& similar, const TrainIndex& index);
// Cosine between films' columns of training ratings: the classic item-kNN.
NeighbourTable item_knn_table(const TrainIndex& index);

// A user's score for film y is Σ sim(x, y) over the films x they liked in training (≥ 4.0)
// whose neighbours include y (negative similarities count 0); then Recall@10 as for rankers.
double neighbour_recall(const NeighbourTable& table, const TrainIndex& index, const std::vector<std::vector<int32_t>>& relevant);

// Who liked each film in training (≥ 4.0): the counts that say why a neighbour is there, and
// the co-liking cosine both(x, y) / √(likers(x) · likers(y)) that films like X blend in.
class Likers {
public:
    Likers() = default;
    explicit Likers(const TrainIndex& index);
    size_t of(int film) const { return film_offsets_[static_cast<size_t>(film) + 1] - film_offsets_[static_cast<size_t>(film)]; }
    size_t both(int x, int y) const;  // people who liked x and y
    // both(x, y) for every film y at once, into `counts` (films long, zero outside the films
    // returned): a pass over the likes of x's likers, not one intersection per film.
    std::vector<int32_t> both_all(int x, std::vector<int32_t>& counts) const;

private:
    std::vector<size_t> film_offsets_{0}, user_offsets_{0};
    std::vector<int32_t> users_;  // per film, ascending
    std::vector<int32_t> films_;  // per user, ascending
};

}  // namespace reel
