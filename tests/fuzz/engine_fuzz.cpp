// libFuzzer: Engine::load on any movies.csv and ratings.csv bytes, a tiny training of every
// model, then the queries the faces make. A failed load must leave the engine as it was.
#include <string>
#include <utility>
#include <vector>

#include "engine.hpp"
#include "fuzz.hpp"
#include "models.hpp"

namespace {

// Every model small and quick by default: two epochs of 4-long vectors, for the models that
// have epochs and vectors (popularity has neither).
reel::Settings tiny_settings() {
    reel::Settings s = reel::default_settings();
    auto has = [&](const std::string& name) {
        for (const reel::Settings::Entry& e : s.entries())
            if (e.name == name) return true;
        return false;
    };
    for (const reel::ModelSpec* spec : reel::model_specs())
        for (const auto& [setting, value] : {std::pair<const char*, double>{"epochs", 2}, {"factors", 4}}) {
            const std::string name = std::string(spec->name) + "." + setting;
            if (has(name)) s.set(name, value);
        }
    return s;
}

const char kMovies[] = "movieId,title,genres\n1,Heat (1995),Action\n2,Toy Story (1995),Animation|Comedy\n3,Emma (1996),Drama\n";
const char kRatings[] = "userId,movieId,rating\n1,1,4\n1,2,5\n2,2,3.5\n2,3,1\n3,1,2\n3,3,4.5\n4,1,5\n4,2,4\n";

void queries(const reel::Engine& e, std::string_view query) {
    const reel::Dataset& d = e.data();
    const int32_t film = d.catalog.film(0).movie_id, user = d.user_ids.front();
    std::vector<reel::ProfileEntry> profile;
    for (size_t i = 0; i < d.catalog.size() && i < 3; ++i) profile.push_back({d.catalog.film(i).movie_id, 4.5f});
    profile.push_back({2147483647, 1.0f});
    for (const reel::ModelSpec* spec : reel::model_specs()) {
        try {
            for (const auto& p : e.similar(film, 5, spec->name)) REEL_CHECK(d.catalog.index_of(p.movie_id) >= 0 && p.movie_id != film);
        } catch (const reel::Error& x) {
            fuzz::check_message(x);  // a film with no training ratings has no neighbours
        }
        const auto picks = e.recommend(user, 5, spec->name);
        REEL_CHECK(picks.size() <= 5);
        const reel::VisitorPicks mine = e.recommend_for(profile, 5, spec->name);
        for (const reel::Recommendation& r : mine.picks)
            for (const reel::ProfileEntry& p : profile) REEL_CHECK(r.movie_id != p.movie_id);  // never a film they rated
    }
    try {
        (void)e.search(query, 8);
        (void)e.resolve_title(query);
    } catch (const reel::Error& x) {
        fuzz::check_message(x);
    }
}

}  // namespace

// Input: lines "!name=value" that change a setting (steps large enough to diverge, say), then
// movies.csv, a line "@@", then ratings.csv; without "@@" all of it is ratings.csv and films
// are named by id.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const reel::Settings tiny = tiny_settings();
    reel::Settings settings = tiny;
    std::string_view bytes = fuzz::text(data, size);
    while (!bytes.empty() && bytes[0] == '!') {
        const size_t end = bytes.find('\n');
        try {
            settings.set(bytes.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1));
        } catch (const reel::Error& x) {
            fuzz::check_message(x);
        }
        bytes = end == std::string_view::npos ? std::string_view() : bytes.substr(end + 1);
    }
    // A few epochs of short vectors, whatever the input asks: a run is thousands of loads.
    auto ends = [](const std::string& name, std::string_view tail) {
        return name.size() >= tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
    };
    for (const reel::Settings::Entry& entry : tiny.entries()) {
        const double most = ends(entry.name, "epochs") ? 8 : ends(entry.name, "factors") ? 16 : ends(entry.name, "steps") ? 200 : 0;
        if (most > 0 && settings.get(entry.name) > most) settings.set(entry.name, most);
    }
    const size_t cut = bytes.find("@@\n");
    const std::string_view movies = cut == std::string_view::npos ? std::string_view() : bytes.substr(0, cut);
    const std::string_view ratings = cut == std::string_view::npos ? bytes : bytes.substr(cut + 3);

    reel::Engine e(settings);
    e.load(kMovies, kRatings, 1);
    const uint64_t before = e.fingerprint();
    try {
        e.load(movies, ratings, 7);
    } catch (const reel::Error& x) {
        fuzz::check_message(x);
        REEL_CHECK(e.fingerprint() == before);
        REEL_CHECK(e.data().films() == 3);
        return 0;
    }
    try {
        e.train();
    } catch (const reel::Error& x) {
        fuzz::check_message(x);  // a model that diverged is reset, and says so
        return 0;
    }
    try {
        queries(e, ratings.substr(0, 64));
        (void)e.evaluate();
    } catch (const reel::Error& x) {
        fuzz::check_message(x);  // e.g. no held-out ratings to measure on
    }
    return 0;
}
