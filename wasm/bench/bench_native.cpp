// The native side of scripts/bench: times the engine and the floor beside it in one process
// and prints raw samples as JSON (web/bench/report.mjs turns them into the table). Every
// registered model is timed, so a new model shows up here without a change.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine.hpp"
#include "floor.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string list(const std::vector<double>& v) {
    std::string s = "[";
    char buf[32];
    for (size_t i = 0; i < v.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%s%.4f", i ? "," : "", v[i]);
        s += buf;
    }
    return s + "]";
}

// A visitor of `n` films: the n most-rated films, rated 5, 4, 3, 2, 1 in turn.
std::vector<reel::ProfileEntry> profile_of(const reel::Engine& engine, size_t n) {
    std::vector<int32_t> films = engine.train_index().rated_films();
    const reel::TrainIndex& index = engine.train_index();
    std::stable_sort(films.begin(), films.end(), [&](int32_t a, int32_t b) { return index.count(a) > index.count(b); });
    std::vector<reel::ProfileEntry> profile;
    for (size_t i = 0; i < std::min(n, films.size()); ++i)
        profile.push_back(
            reel::ProfileEntry{engine.data().catalog.film(static_cast<size_t>(films[i])).movie_id, static_cast<float>(5 - i % 5)});
    return profile;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: reel_bench MOVIES TRAIN TEST RUNS\n");
        return 2;
    }
    try {
        const std::string movies = read(argv[1]), train = read(argv[2]), test = read(argv[3]);
        const int runs = std::stoi(argv[4]);
        std::map<std::string, std::vector<double>> s;  // sample name → samples
        std::string figures;
        for (int run = 0; run < runs; ++run) {
            reel::Engine engine;
            auto t = Clock::now();
            engine.load_split(movies, train, test);
            s["load_ms"].push_back(ms_since(t));
            for (const reel::ModelSpec* spec : reel::model_specs()) {
                const std::string name = spec->name;
                const auto start = Clock::now();
                while (!engine.trained(name)) {
                    t = Clock::now();
                    engine.train_epoch(name);
                    s[name + "_epoch_ms"].push_back(ms_since(t));
                }
                s[name + "_total_ms"].push_back(ms_since(start));
            }
            t = Clock::now();
            const reel::Figures f = engine.evaluate();
            s["evaluate_ms"].push_back(ms_since(t));
            figures.clear();
            for (const reel::ModelFigures& m : f.models) {
                char buf[160];
                std::snprintf(buf, sizeof buf, "%s\"%s\":{\"rmse\":%.6f,\"recall10\":%.6f}", figures.empty() ? "" : ",", m.spec->name,
                              std::isnan(m.rmse) ? -1.0 : m.rmse, m.recall10);
                figures += buf;
            }
            // The floors, in the same process and run, for as many epochs as the engine trained.
            reel::bench::Floor floor(engine);
            for (const reel::ModelSpec* spec : reel::model_specs())
                for (int e = 0; e < engine.model(spec->name).epochs(); ++e)
                    t = Clock::now(), floor.epoch(spec->name), s[std::string(spec->name) + "_floor_epoch_ms"].push_back(ms_since(t));
            // Queries: the most-rated films and every 3rd user; title prefixes as typed; visitors of 100 films.
            const reel::ModelChoices& choice = reel::model_choices();
            const auto& ids = engine.data().catalog;
            std::vector<int32_t> films;
            for (int32_t f : engine.train_index().rated_films())
                if (engine.train_index().count(f) >= 50) films.push_back(ids.film(static_cast<size_t>(f)).movie_id);
            for (int32_t film : films)
                t = Clock::now(), engine.similar(film, 10, choice.neighbours), s["similar_us"].push_back(1000 * ms_since(t));
            for (size_t u = 0; u < engine.data().users(); u += 3)
                t = Clock::now(), engine.recommend(engine.data().user_ids[u], 10, choice.viewers),
                s["recommend_us"].push_back(1000 * ms_since(t));
            for (size_t f = 0; f < films.size(); f += 4) {
                const std::string title = ids.film(static_cast<size_t>(ids.index_of(films[f]))).title;
                for (size_t len = 1; len <= std::min<size_t>(title.size(), 8); ++len)
                    t = Clock::now(), engine.search(title.substr(0, len), 8), s["search_us"].push_back(1000 * ms_since(t));
            }
            const std::vector<reel::ProfileEntry> visitor = profile_of(engine, 100);
            for (const reel::ModelSpec* spec : reel::model_specs())
                for (int rep = 0; rep < 10; ++rep)
                    t = Clock::now(), engine.recommend_for(visitor, 10, spec->name),
                    s[std::string(spec->name) + "_visitor100_us"].push_back(1000 * ms_since(t));
            t = Clock::now();
            engine.start_map();
            for (auto e = engine.map_epoch(); e.first < e.second; e = engine.map_epoch()) {
            }
            s["map_ms"].push_back(ms_since(t));
        }
        std::printf("{\"runtime\":\"native\",\"figures\":{%s}", figures.c_str());
        for (const auto& [name, samples] : s) std::printf(",\"%s\":%s", name.c_str(), list(samples).c_str());
        std::printf("}\n");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "reel_bench: %s\n", e.what());
        return 1;
    }
}
