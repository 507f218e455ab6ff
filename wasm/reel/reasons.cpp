// Reasons by contrast: what sets a pick apart from its neighbours in the list, not what lifts them all.
#include "reasons.hpp"

#include <algorithm>

namespace reel {

std::vector<std::vector<size_t>> discriminating_reasons(const std::vector<std::vector<float>>& shares, size_t most, size_t block) {
    std::vector<std::vector<size_t>> out(shares.size());
    for (size_t from = 0; from < shares.size(); from += block) {
        const size_t to = std::min(shares.size(), from + block), picks = to - from;
        const size_t rated = shares[from].size();
        std::vector<double> sum(rated, 0);
        for (size_t i = from; i < to; ++i)
            for (size_t j = 0; j < rated; ++j) sum[j] += shares[i][j];
        for (size_t i = from; i < to; ++i) {
            // contrast_j = s_ij − mean over the block's other picks of s_kj
            std::vector<double> contrast(rated);
            for (size_t j = 0; j < rated; ++j)
                contrast[j] = picks > 1 ? shares[i][j] - (sum[j] - shares[i][j]) / static_cast<double>(picks - 1) : shares[i][j];
            std::vector<size_t>& reasons = out[i];
            for (size_t j = 0; j < rated; ++j)
                if (shares[i][j] > 0) reasons.push_back(j);
            std::stable_sort(reasons.begin(), reasons.end(), [&](size_t a, size_t b) {
                return contrast[a] != contrast[b] ? contrast[a] > contrast[b] : shares[i][a] > shares[i][b];
            });
            if (reasons.size() > most) reasons.resize(most);
        }
    }
    return out;
}

}  // namespace reel
