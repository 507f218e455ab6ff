// The native face of reel::Engine: reads files, parses arguments, prints; no logic of its own.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine.hpp"
#include "error.hpp"

namespace {

const char* kUsage = R"usage(reel — films like X, and what to watch next, from MovieLens ratings

usage:
  reel eval      [DATA] [--json]              the results table (evaluation.md)
  reel similar   [DATA] [-k N] [--model rating|ranking] "Heat (1995)"
  reel recommend [DATA] --user ID [-k N]
  reel export    [DATA] --predictions OUT.csv --topn OUT.csv [--model ranking|rating|popularity] [-n N]

DATA is --data DIR (movies.csv + ratings.csv, split 80/20 by --seed) or
--train F --test F (a given split; add --data DIR for its movies.csv).
  --seed N          split and model seed (default 42)
  --set name=value  any engine setting, e.g. --set rating.epochs=30 (see wasm/reel/config.hpp)
  --help            this text
)usage";

struct Args {
    std::string command, data, train, test, model, predictions, topn, title;
    int k = 10, n = 10;
    int32_t user = 0;
    bool json = false, help = false;
    reel::Config config;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw reel::Error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int whole_number(const std::string& flag, const std::string& text) {
    try {
        size_t used = 0;
        const int v = std::stoi(text, &used);
        if (used == text.size()) return v;
    } catch (const std::exception&) {
    }
    throw reel::Error(flag + " needs a whole number, not '" + text + "'");
}

Args parse_args(int argc, char** argv) {
    Args a;
    std::vector<std::string> rest(argv + 1, argv + argc);
    for (size_t p = 0; p < rest.size(); ++p) {
        const std::string& arg = rest[p];
        auto value = [&]() -> const std::string& {
            if (p + 1 >= rest.size()) throw reel::Error(arg + " needs a value");
            return rest[++p];
        };
        if (arg == "--help" || arg == "-h") a.help = true;
        else if (arg == "--json") a.json = true;
        else if (arg == "--data") a.data = value();
        else if (arg == "--train") a.train = value();
        else if (arg == "--test") a.test = value();
        else if (arg == "--model") a.model = value();
        else if (arg == "--predictions") a.predictions = value();
        else if (arg == "--topn") a.topn = value();
        else if (arg == "--seed") reel::set_option(a.config, "seed=" + value());
        else if (arg == "--set") reel::set_option(a.config, value());
        else if (arg == "-k") a.k = whole_number(arg, value());
        else if (arg == "-n") a.n = whole_number(arg, value());
        else if (arg == "--user") a.user = whole_number(arg, value());
        else if (arg.size() > 1 && arg[0] == '-') throw reel::Error("unknown option " + arg + " (see reel --help)");
        else if (a.command.empty()) a.command = arg;
        else if (a.title.empty()) a.title = arg;
        else throw reel::Error("unexpected argument '" + arg + "'");
    }
    return a;
}

reel::Engine load(const Args& a) {
    reel::Engine engine(a.config);
    const std::string movies = a.data.empty() ? "" : read_file(a.data + "/movies.csv");
    if (!a.train.empty() || !a.test.empty()) {
        if (a.train.empty() || a.test.empty()) throw reel::Error("--train and --test go together");
        engine.load_split(movies, read_file(a.train), read_file(a.test));
    } else if (!a.data.empty()) {
        engine.load(movies, read_file(a.data + "/ratings.csv"), a.config.seed);
    } else {
        throw reel::Error("no data: give --data DIR or --train F --test F (see reel --help)");
    }
    return engine;
}

// Trains both models, timing each: the seconds are the CLI's to report, not the engine's.
std::map<std::string, double> train_timed(reel::Engine& engine) {
    std::map<std::string, double> seconds;
    for (auto [model, name] : {std::pair{reel::Model::Rating, "rating"}, {reel::Model::Ranking, "ranking"}}) {
        const auto start = std::chrono::steady_clock::now();
        while (!engine.trained(model)) engine.train_epoch(model);
        seconds[name] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    return seconds;
}

std::string title_line(const reel::Engine& engine, int32_t movie_id) {
    const reel::Catalog& catalog = engine.data().catalog;
    const reel::Film& film = catalog.film(static_cast<size_t>(catalog.index_of(movie_id)));
    std::string genres;
    for (size_t g = 0; g < catalog.genre_names().size(); ++g)
        if (film.genres & (1u << g)) genres += (genres.empty() ? "" : "|") + catalog.genre_names()[g];
    return film.title + "  [" + (genres.empty() ? "no genres" : genres) + "]";
}

int run_eval(const Args& a) {
    reel::Engine engine = load(a);
    const auto seconds = train_timed(engine);
    const reel::Figures f = engine.evaluate();
    if (a.json) {
        std::printf("{\"rating_rmse\": %.17g, \"ranking_recall10\": %.17g, \"popularity_recall10\": %.17g, "
                    "\"lift\": %.17g, \"rating_as_ranker_recall10\": %.17g, \"rating_train_seconds\": %.3f, "
                    "\"ranking_train_seconds\": %.3f}\n",
                    f.rating_rmse, f.ranking_recall10, f.popularity_recall10, f.lift, f.rating_as_ranker_recall10,
                    seconds.at("rating"), seconds.at("ranking"));
        return 0;
    }
    std::printf("| model | measure | value | training |\n|---|---|---|---|\n");
    std::printf("| rating model (biased MF, SGD) | RMSE | %.4f | %.2f s |\n", f.rating_rmse, seconds.at("rating"));
    std::printf("| ranking model (BPR) | Recall@10 | %.4f | %.2f s |\n", f.ranking_recall10, seconds.at("ranking"));
    std::printf("| popularity baseline | Recall@10 | %.4f | – |\n", f.popularity_recall10);
    std::printf("| ranking model's lift over popularity | | %+.1f %% | |\n", 100 * f.lift);
    std::printf("| rating model used as a ranker | Recall@10 | %.4f | |\n", f.rating_as_ranker_recall10);
    return 0;
}

int run_similar(const Args& a) {
    if (a.title.empty()) throw reel::Error("similar needs a film title, e.g. reel similar --data DIR \"Heat (1995)\"");
    reel::Engine engine = load(a);
    const int32_t film = engine.resolve_title(a.title);
    const reel::Model model = reel::model_named(a.model.empty() ? "ranking" : a.model);
    while (!engine.trained(model)) engine.train_epoch(model);
    std::printf("films like %s\n", title_line(engine, film).c_str());
    for (const reel::Pick& p : engine.similar(film, static_cast<size_t>(a.k), model))
        std::printf("  %.3f  %s\n", p.score, title_line(engine, p.movie_id).c_str());
    return 0;
}

int run_recommend(const Args& a) {
    if (a.user == 0) throw reel::Error("recommend needs --user ID");
    reel::Engine engine = load(a);
    while (!engine.trained(reel::Model::Ranking)) engine.train_epoch(reel::Model::Ranking);
    std::printf("user %d rated highest:\n", a.user);
    for (const reel::Pick& p : engine.favourites(a.user, 5)) std::printf("  %.1f  %s\n", p.score, title_line(engine, p.movie_id).c_str());
    std::printf("next watches for user %d:\n", a.user);
    for (const reel::Pick& p : engine.recommend(a.user, static_cast<size_t>(a.k)))
        std::printf("  %.3f  %s\n", p.score, title_line(engine, p.movie_id).c_str());
    return 0;
}

int run_export(const Args& a) {
    if (a.predictions.empty() && a.topn.empty()) throw reel::Error("export needs --predictions OUT.csv and/or --topn OUT.csv");
    reel::Engine engine = load(a);
    engine.train();
    if (!a.predictions.empty()) {
        std::ofstream out(a.predictions);
        if (!out) throw reel::Error("cannot write " + a.predictions);
        out << "userId,movieId,prediction\n";
        char value[32];
        for (const reel::Prediction& p : engine.test_predictions()) {
            std::snprintf(value, sizeof value, "%.6f", p.prediction);
            out << p.user_id << ',' << p.movie_id << ',' << value << '\n';
        }
    }
    if (!a.topn.empty()) {
        const reel::Ranker ranker = reel::ranker_named(a.model.empty() ? "ranking" : a.model);
        std::ofstream out(a.topn);
        if (!out) throw reel::Error("cannot write " + a.topn);
        out << "userId,rank,movieId\n";
        const reel::Dataset& d = engine.data();
        for (size_t u = 0; u < d.users(); ++u) {
            if (engine.train_index().count_of_user(static_cast<int>(u)) == 0) continue;  // "every user in train"
            int rank = 0;
            for (const reel::Pick& p : engine.recommend(d.user_ids[u], static_cast<size_t>(a.n), ranker))
                out << d.user_ids[u] << ',' << ++rank << ',' << p.movie_id << '\n';
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Args a = parse_args(argc, argv);
        if (a.help || a.command.empty() || a.command == "help") {
            std::fputs(kUsage, a.help || a.command == "help" ? stdout : stderr);
            return a.help || a.command == "help" ? 0 : 2;
        }
        if (a.command == "eval") return run_eval(a);
        if (a.command == "similar") return run_similar(a);
        if (a.command == "recommend") return run_recommend(a);
        if (a.command == "export") return run_export(a);
        throw reel::Error("unknown command '" + a.command + "' (see reel --help)");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "reel: %s\n", e.what());
        return 1;
    }
}
