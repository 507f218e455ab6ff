// libFuzzer: ratings.csv on any bytes, then the 80/20 split of what it read. Every row kept is a
// half star from 0.5 to 5 with positive ids, each (user, film) pair once, and the split loses none.
#include <set>
#include <utility>

#include "dataset.hpp"
#include "fuzz.hpp"
#include "ratings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes = fuzz::text(data, size);
    try {
        const reel::RatingRows rows = reel::parse_ratings(bytes, "ratings.csv");
        std::set<std::pair<int32_t, int32_t>> pairs;
        for (const reel::RatingRow& r : rows.rows) {
            REEL_CHECK(r.user_id > 0 && r.movie_id > 0);
            REEL_CHECK(r.value >= 0.5f && r.value <= 5.0f && r.value * 2 == static_cast<float>(static_cast<int>(r.value * 2)));
            REEL_CHECK(r.line >= 2);
            REEL_CHECK(pairs.emplace(r.user_id, r.movie_id).second);
        }
        const reel::Dataset d = reel::Dataset::from_ratings(reel::catalog_of({&rows}), rows, 42);
        REEL_CHECK(d.train.size() + d.test.size() == rows.rows.size());
        for (const auto* part : {&d.train, &d.test})
            for (const reel::Rating& r : *part)
                REEL_CHECK(r.user >= 0 && static_cast<size_t>(r.user) < d.users() && r.film >= 0 &&
                           static_cast<size_t>(r.film) < d.films());
    } catch (const reel::Error& e) {
        fuzz::check_message(e);
    }
    return 0;
}
