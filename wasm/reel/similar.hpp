// Films like X: cosine nearest neighbours among film vectors, for films with enough support.
#pragma once
#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "model.hpp"  // Embeddings
#include "neighbours.hpp"
#include "top_n.hpp"
#include "train_index.hpp"

namespace reel {

class SimilarIndex {
public:
    SimilarIndex() = default;
    // Keeps unit-length copies of the vectors of films with at least `min_support` training
    // ratings: a film rated once has a vector that is mostly its random start, and about a
    // third of MovieLens films have one rating; without the rule they flood every list.
    // `vectors` holds one row of `factors` floats per film; it and `likers` must outlive the
    // index. The similarity of films x and y is
    //   (cos(v_x, v_y) · n_y / (n_y + β) + w · both(x, y) / √(likers(x) · likers(y))) / (1 + w):
    // the cosine of the film vectors, shrunk by y's support n_y (a film few people rated has a
    // noisy vector), blended with the cosine of who liked the two films (which keeps a
    // sequel next to its film when the vectors blur them into their era). β = 0 and w = 0
    // give the plain cosine. With an asymmetry α the second cosine becomes Aiolli's (2013)
    // asymmetric one, both(x, y) / (likers(x)^α · likers(y)^(1−α)): below ½ it asks more of a
    // film that many people liked before it counts as X's kin, so the catalogue's hits do not
    // crowd every list; ½ is the plain cosine.
    SimilarIndex(const float* vectors, int factors, const TrainIndex& index, int min_support, float shrinkage,
                 const Likers* likers = nullptr, float co_liking = 0, float asymmetry = 0.5f);

    // The k films most like `film`, the film itself left out, among those `keep` accepts.
    std::vector<Scored> neighbours(int film, size_t k, const std::function<bool(int)>& keep) const;
    // neighbours(film, k, every film) for each of `films` under each of `indexes` (out[i][f]),
    // the same lists: four films share each pass over the vectors, so they are read from memory
    // a quarter as often, and who liked both films is counted once for every index (they share
    // one Likers). The evaluation asks for every film's list under every model.
    static std::vector<std::vector<std::vector<Scored>>> neighbours_of_each(const std::vector<const SimilarIndex*>& indexes,
                                                                            const std::vector<int32_t>& films, size_t k);

private:
    static constexpr size_t kQuad = 4;
    // Four query films (a short quad repeats its last) and who liked each with every film.
    struct Quad {
        size_t count = 0;
        int x[kQuad] = {};
        std::vector<int32_t> touched[kQuad];     // the films co-liked with x[j]
        std::vector<std::vector<int32_t>> both;  // both(x[j], y), films long
    };
    // Above any cosine of two unit vectors as dot() rounds it (which can pass 1 by a few ulps).
    static constexpr float kCosineMost = 1 + 1e-4f;
    // This index's lists for the quad's films, into out[0 .. count).
    void lists_of(const Quad& quad, size_t k, std::vector<Scored>* out) const;

    // Offers offer(row, shrunk cosine) the films co-liked with the quad's film j (liked_x_of it:
    // `liked_x`) that can still reach its list, whose numerator floor is `floor` (raised by the
    // offers as they go).
    template <class Offer>
    void offer_co_liked(const Quad& quad, size_t j, const float* query, float liked_x, const double& floor, Offer offer) const;

    std::vector<float> unit_query(int film) const;
    // The blend above for row r, given the shrunk cosine and both(x, y) and likers(x), split
    // before its division by 1 + w: the division keeps the order, so a numerator that cannot
    // reach a list's worst need not be divided and offered.
    // `liked_x` is likers(x)^α (liked_x_of).
    float blend_numerator(float shrunk_cosine, int32_t both, float liked_x, size_t r) const {
        // n / (likers(x)^α · likers(y)^(1−α)), and 0 when nobody liked both, without a branch:
        // whether two films share a liker is a coin toss the processor would often guess wrong.
        // When n > 0 both films have at least n likers, so the max changes nothing.
        const float n = static_cast<float>(both);
        return shrunk_cosine + co_liking_ * (n / std::max(liked_x * liked_[r], 1.0f));
    }
    float liked_x_of(int film) const;  // likers(film)^α
    float blend(float shrunk_cosine, int32_t both, float liked_x, size_t r) const {
        return blend_numerator(shrunk_cosine, both, liked_x, r) / (1 + co_liking_);
    }
    // The numerator below which blend() falls short of `worst` for certain: its worst × (1 + w),
    // lowered by far more than the division's rounding could lift a quotient.
    double numerator_floor(float worst) const { return (double(worst) - std::abs(double(worst)) * 1e-6 - 1e-30) * double(1 + co_liking_); }

    int factors_ = 0;
    const float* source_ = nullptr;  // every film's vector, for a query film below the support
    size_t all_films_ = 0;
    std::vector<int32_t> films_;  // per row, its film; rows go by falling weight
    std::vector<float> weight_;   // n / (n + β) per row
    double max_weight_ = 0;
    std::vector<float> liked_;     // likers(y)^(1−α) per row, beside its vector rather than across the Likers
    std::vector<int32_t> row_of_;  // per film, its row, or −1 below the support
    Embeddings unit_;
    const Likers* likers_ = nullptr;
    float co_liking_ = 0, asymmetry_ = 0.5f;
};

}  // namespace reel
