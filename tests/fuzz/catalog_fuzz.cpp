// libFuzzer: movies.csv on any bytes, then title search over what it read. A catalogue is sorted
// by movieId with indices that agree both ways, and every film is found by its own full title.
#include <algorithm>

#include "catalog.hpp"
#include "fuzz.hpp"
#include "search.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes = fuzz::text(data, size);
    reel::Catalog catalog;
    try {
        catalog = reel::Catalog::parse(bytes, "movies.csv");
    } catch (const reel::Error& e) {
        fuzz::check_message(e);
        return 0;
    }
    const size_t genres = catalog.genre_names().size();
    REEL_CHECK(genres <= 32);
    for (size_t i = 0; i < catalog.size(); ++i) {
        const reel::Film& f = catalog.film(i);
        REEL_CHECK(f.movie_id > 0);
        REEL_CHECK(i == 0 || catalog.film(i - 1).movie_id < f.movie_id);
        REEL_CHECK(catalog.index_of(f.movie_id) == static_cast<int>(i));
        REEL_CHECK(!f.title.empty());
        REEL_CHECK(genres == 32 || (f.genres >> genres) == 0);
        REEL_CHECK(f.year == 0 || (f.year >= 1 && f.year <= 9999));
    }
    const reel::TitleSearch search(catalog);
    for (size_t i = 0; i < catalog.size() && i < 16; ++i) {
        const std::string& title = catalog.film(i).title;
        try {
            const auto matches = search.find(title, catalog.size(), {});
            if (reel::fold(title).empty()) continue;  // nothing to search by
            const bool found =
                std::any_of(matches.begin(), matches.end(), [&](const reel::TitleMatch& m) { return m.film == static_cast<int>(i); });
            if (!found) std::fprintf(stderr, "not found by its own title: '%s'\n", title.c_str());
            REEL_CHECK(found);
            const int resolved = search.resolve(title, {});
            REEL_CHECK(resolved >= 0 && static_cast<size_t>(resolved) < catalog.size());
        } catch (const reel::Error& e) {
            fuzz::check_message(e);  // more than 32 words, or a title that names several films
        }
    }
    return 0;
}
