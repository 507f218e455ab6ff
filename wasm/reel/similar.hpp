// Films like X: cosine nearest neighbours among film vectors, for films with enough support.
#pragma once
#include <functional>
#include <vector>

#include "model.hpp"  // Embeddings
#include "top_n.hpp"
#include "train_index.hpp"

namespace reel {

class SimilarIndex {
public:
    SimilarIndex() = default;
    // Keeps unit-length copies of the vectors of films with at least `min_support` training
    // ratings: a film rated once has a vector that is mostly its random start, and about a
    // third of MovieLens films have one rating; without the rule they flood every list.
    // `vectors` holds one row of `factors` floats per film and must outlive the index.
    SimilarIndex(const float* vectors, int factors, const TrainIndex& index, int min_support);

    // The k films whose vectors point most nearly the way `film`'s does, the film itself left
    // out, among those `keep` accepts.
    std::vector<Scored> neighbours(int film, size_t k, const std::function<bool(int)>& keep) const;

private:
    int factors_ = 0;
    const float* source_ = nullptr;  // every film's vector, for a query film below the support
    std::vector<int32_t> films_;
    Embeddings unit_;
};

}  // namespace reel
