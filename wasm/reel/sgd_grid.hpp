// The user × film grid that SGD works through stratum by stratum (DSGD, Gemulla et al. 2011).
// The cells of one stratum share no user and no film, so natively they run at once on the cores
// and in WebAssembly one after another, with the same result: each cell has its own random
// stream, and no cell reads what another writes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace reel {

class SgdGrid {
public:
    // One cell's user and film vectors should stay in cache while its steps hop between them.
    static constexpr size_t kCellBytes = size_t(4) << 20;

    // Blocks a side: 1 (plain SGD over all ratings, MovieLens latest-small and 1 M ratings) while
    // every vector fits in kCellBytes, else enough that one cell's share does.
    static int blocks_for(size_t users, size_t films, int factors);

    explicit SgdGrid(int blocks = 1);
    int blocks() const { return blocks_; }
    int cells() const { return blocks_ * blocks_; }
    // Users and films are dealt to blocks in turn, not in ranges, so that popular films and
    // heavy raters spread evenly and the cells of a stratum take about as long.
    int cell_of(int user, int film) const { return (user % blocks_) * blocks_ + film % blocks_; }
    int film_block(int cell) const { return cell % blocks_; }
    bool in_film_block(int film, int block) const { return film % blocks_ == block; }

    // Sorts items into cell order, keeping their order within a cell; returns where each cell
    // starts, and the end (cells() + 1 offsets).
    template <class T, class CellOf>
    std::vector<size_t> group(std::vector<T>& items, CellOf cell_of) const {
        std::vector<size_t> offsets(static_cast<size_t>(cells()) + 1, 0);
        for (const T& x : items) ++offsets[static_cast<size_t>(cell_of(x)) + 1];
        for (size_t c = 1; c < offsets.size(); ++c) offsets[c] += offsets[c - 1];
        if (blocks_ == 1) return offsets;
        std::vector<T> sorted(items.size());
        std::vector<size_t> next(offsets.begin(), offsets.end() - 1);
        for (const T& x : items) sorted[next[static_cast<size_t>(cell_of(x))]++] = x;
        items.swap(sorted);
        return offsets;
    }

    // Runs body(cell) once for every cell: stratum s holds the cells (b, b + s mod B), and its
    // cells run on up to `threads` threads before the next stratum starts.
    void sweep(int threads, const std::function<void(int cell)>& body) const;

private:
    int blocks_;
};

}  // namespace reel
