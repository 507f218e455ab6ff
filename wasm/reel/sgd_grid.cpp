// How big the grid is, and the order its cells run in.
#include "sgd_grid.hpp"

#include <algorithm>

#include "parallel.hpp"

namespace reel {

int SgdGrid::blocks_for(size_t users, size_t films, int factors) {
    const size_t bytes = (users + films) * static_cast<size_t>(factors) * sizeof(float);
    return static_cast<int>(std::min<size_t>(64, std::max<size_t>(1, (bytes + kCellBytes - 1) / kCellBytes)));
}

SgdGrid::SgdGrid(int blocks) : blocks_(std::max(1, blocks)) {}

void SgdGrid::sweep(int threads, const std::function<void(int cell)>& body) const {
    const int b = blocks_;
    for (int s = 0; s < b; ++s)
        for_slices(
            static_cast<size_t>(b),
            [&](size_t first, size_t last) {
                for (size_t row = first; row < last; ++row) body(static_cast<int>(row) * b + (static_cast<int>(row) + s) % b);
            },
            threads, 2);
}

}  // namespace reel
