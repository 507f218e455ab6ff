// The native side of scripts/bench: times the engine and the floor beside it in one process
// and prints raw samples as JSON (web/bench/report.mjs turns them into the table).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
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

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: reel_bench MOVIES TRAIN TEST RUNS\n");
        return 2;
    }
    try {
        const std::string movies = read(argv[1]), train = read(argv[2]), test = read(argv[3]);
        const int runs = std::stoi(argv[4]);
        std::vector<double> load_ms, rating_epoch, ranking_epoch, rating_total, ranking_total, eval_ms, mf_floor, bpr_floor;
        std::vector<double> similar_us, recommend_us, search_us;
        reel::Figures figures;
        for (int run = 0; run < runs; ++run) {
            reel::Engine engine;
            auto t = Clock::now();
            engine.load_split(movies, train, test);
            load_ms.push_back(ms_since(t));
            for (auto [model, epochs, total] : {std::tuple{"rating", &rating_epoch, &rating_total},
                                                {"ranking", &ranking_epoch, &ranking_total}}) {
                const auto start = Clock::now();
                while (!engine.trained(model)) {
                    t = Clock::now();
                    engine.train_epoch(model);
                    epochs->push_back(ms_since(t));
                }
                total->push_back(ms_since(start));
            }
            t = Clock::now();
            figures = engine.evaluate();
            eval_ms.push_back(ms_since(t));
            // The floor, in the same process and run, for as many epochs as the engine trained.
            reel::bench::Floor floor(engine);
            for (int e = 0; e < engine.model("rating").epochs(); ++e) t = Clock::now(), floor.mf_epoch(), mf_floor.push_back(ms_since(t));
            for (int e = 0; e < engine.model("ranking").epochs(); ++e) t = Clock::now(), floor.bpr_epoch(), bpr_floor.push_back(ms_since(t));
            // Queries: the most-rated films and every 3rd user; title prefixes as typed.
            const auto& ids = engine.data().catalog;
            std::vector<int32_t> films;
            for (int32_t f : engine.train_index().rated_films())
                if (engine.train_index().count(f) >= 50) films.push_back(ids.film(static_cast<size_t>(f)).movie_id);
            for (int32_t film : films) t = Clock::now(), engine.similar(film, 10, "ranking"), similar_us.push_back(1000 * ms_since(t));
            for (size_t u = 0; u < engine.data().users(); u += 3)
                t = Clock::now(), engine.recommend(engine.data().user_ids[u], 10, "ranking"), recommend_us.push_back(1000 * ms_since(t));
            for (size_t f = 0; f < films.size(); f += 4) {
                const std::string title = ids.film(static_cast<size_t>(ids.index_of(films[f]))).title;
                for (size_t len = 1; len <= std::min<size_t>(title.size(), 8); ++len)
                    t = Clock::now(), engine.search(title.substr(0, len), 8), search_us.push_back(1000 * ms_since(t));
            }
        }
        std::printf("{\"runtime\":\"native\",\"rmse\":%.6f,\"recall10\":%.6f,\"load_ms\":%s,\"rating_epoch_ms\":%s,"
                    "\"ranking_epoch_ms\":%s,\"rating_total_ms\":%s,\"ranking_total_ms\":%s,\"evaluate_ms\":%s,"
                    "\"mf_floor_epoch_ms\":%s,\"bpr_floor_epoch_ms\":%s,\"similar_us\":%s,\"recommend_us\":%s,\"search_us\":%s}\n",
                    figures.models[0].rmse, figures.models[1].recall10, list(load_ms).c_str(), list(rating_epoch).c_str(),
                    list(ranking_epoch).c_str(), list(rating_total).c_str(), list(ranking_total).c_str(), list(eval_ms).c_str(),
                    list(mf_floor).c_str(), list(bpr_floor).c_str(), list(similar_us).c_str(), list(recommend_us).c_str(),
                    list(search_us).c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "reel_bench: %s\n", e.what());
        return 1;
    }
}
