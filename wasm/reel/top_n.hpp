// The n best-scoring candidates, best first; ties go to the smaller film index (= smaller movieId).
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

namespace reel {

struct Scored {
    int32_t film;
    float score;
};

inline bool ranks_before(const Scored& a, const Scored& b) { return a.score > b.score || (a.score == b.score && a.film < b.film); }

// Keeps the n best of a stream of scores in a small heap: O(m log n) for m candidates.
class TopN {
public:
    explicit TopN(size_t n) : n_(n) { heap_.reserve(n + 1); }

    // Whether offer(film, score) would keep it: a cheap test that can save a costlier one.
    bool takes(int32_t film, float score) const {
        return n_ > 0 && (heap_.size() < n_ || ranks_before(Scored{film, score}, heap_.front()));
    }
    bool full() const { return heap_.size() == n_; }
    const Scored& worst() const { return heap_.front(); }  // the n-th best kept; only when full()

    void offer(int32_t film, float score) {
        if (n_ == 0) return;
        const Scored s{film, score};
        if (heap_.size() < n_) {
            heap_.push_back(s);
            std::push_heap(heap_.begin(), heap_.end(), ranks_before);  // the worst kept sits on top
        } else if (ranks_before(s, heap_.front())) {
            std::pop_heap(heap_.begin(), heap_.end(), ranks_before);
            heap_.back() = s;
            std::push_heap(heap_.begin(), heap_.end(), ranks_before);
        }
    }

    std::vector<Scored> take() {
        std::sort_heap(heap_.begin(), heap_.end(), ranks_before);
        return std::move(heap_);
    }

private:
    size_t n_;
    std::vector<Scored> heap_;
};

}  // namespace reel
