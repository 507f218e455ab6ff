// Films like X: cosine nearest neighbours among film vectors, for films with enough support.
#pragma once
#include <vector>

#include "rating_model.hpp"
#include "top_n.hpp"
#include "train_index.hpp"

namespace reel {

class SimilarIndex {
public:
    SimilarIndex() = default;
    // Keeps unit-length copies of the vectors of films with at least `min_support` training
    // ratings: a film rated once has a vector that is mostly its random start, and about a
    // third of MovieLens films have one rating; without the rule they flood every list.
    SimilarIndex(const float* vectors, int factors, const TrainIndex& index, int min_support);

    // The k films whose vectors point most nearly the way `film`'s does, the film itself left out.
    std::vector<Scored> neighbours(int film, size_t k) const;

private:
    int factors_ = 0;
    const float* source_ = nullptr;  // the model's vectors, for a query film below the support
    std::vector<int32_t> films_;
    Embeddings unit_;
};

}  // namespace reel
