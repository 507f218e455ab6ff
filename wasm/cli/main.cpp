// The native face of reel::Engine: reads files, parses arguments, prints; no logic of its own.
#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine.hpp"
#include "error.hpp"
#include "output_file.hpp"
#include "packed.hpp"
#include "cold_split.hpp"
#include "synthetic_movielens.hpp"
#include "visitor_checks.hpp"

namespace {

const char* kUsage = R"usage(reel — films like X, and what to watch next, from MovieLens ratings

usage:
  reel eval      DATA [--json]                     every model on the held-out ratings (evaluation.md)
  reel eval      --train T --profile P --test H [--exclude F] [--json]
                                                   new visitors: each folded in from P, measured on H
  reel eval      --train T --profile P --test H --starters R
                                                   "rate a few you know" over R rounds: the same starters
                                                   for all against starters that learn from each rating
  reel eval      --train T --profile P --test H [--exclude F] --together N
                                                   watch together: groups of N visitors (2 to 4), the group's
                                                   one list under each aggregation against each one's own
  reel similar   DATA [-k N] [--model NAME] [FILTER] "Heat (1995)"
  reel recommend DATA --user ID [-k N] [--model NAME] [FILTER]
  reel recommend DATA --ratings MY.csv [-k N] [--model NAME] [FILTER] [--json]
                                                   your next films from your own ratings, with reasons
  reel export    DATA [--predictions OUT.csv] [--topn OUT.csv] [--model NAME] [-n N]
  reel export    --train T --profile P --test H [--exclude F] [--predictions OUT.csv] [--topn OUT.csv] [--model NAME] [-n N]
                                                   (unless --model names one: the default list, re-ranked to each viewer)
  reel train     DATA --save FILE                  train every model and save them
  reel starters  DATA [-k N]                       "rate a few you know": well-known films far apart in taste
  reel import    DATA FILE [--marks OUT.csv]       match an IMDb or Letterboxd export, or Reel's own CSV, to MovieLens
                 [--unrated seen|watchlist]        (IMDb needs links.csv in DIR); prints MovieLens columns;
                                                   marks (seen, not interested, watchlist) go to OUT.csv; a list's
                                                   unrated films are what --unrated says, else what its name
                                                   says (watched, watchlist), else a guess
  reel map       DATA --out MAP.csv                the map of taste (movieId,x,y) and how faithful it is
  reel synth     --ratings N --out DIR [--seed S]  MovieLens-shaped movies.csv and ratings.csv with planted taste
  reel split     --data DIR --cold --out DIR [--seed S]
                                                   a new-visitor split of DIR's ratings (and its validation/)
  reel pack      --data DIR --out FILE             DIR's movies.csv and ratings.csv as one packed file, the form the
                                                   site downloads (the same split and models to the bit)
  reel settings                                    every setting, its default and range

DATA is --data DIR (movies.csv + ratings.csv, split 80/20 by --seed) or
--train F --test F (a given split; add --data DIR for its movies.csv).
  --model NAME        a registered model, e.g. popularity (an unknown name lists them all)
  --model-file FILE   use the models saved by reel train instead of training
  --seed N            split and model seed (default 42)
  --set name=value    any setting, e.g. --set rating.epochs=30 (reel settings lists them)
  --exclude F         new visitors: films each visitor must not be offered (default: their profile P)
FILTER narrows a list inside the engine, so it still holds N films:
  --genres A,B        films with any of these genres     --not-genres C,D   none of these
  --years 1990-1999   films from these years (1990- or -1999 for one bound)
  --min-ratings N     films with at least N training ratings (towards crowd-pleasers)
  --max-ratings N     films with at most N (towards hidden gems)
  --other-genres      similar only: films sharing no genre with the film (same feel, different label)
)usage";

struct Args {
    std::string command, data, train, test, profile, exclude, ratings, model, model_file, save, predictions, topn, title, out, marks,
        unrated;
    std::string genres, not_genres, years;
    bool other_genres = false, cold = false;
    long long k = 10, n = 10, user = 0, min_ratings = 0, max_ratings = 0, starters = 0, together = 0;
    bool json = false, help = false;
    reel::Settings settings = reel::default_settings();
    std::vector<std::string> set_names;  // the settings given on the command line, by name
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw reel::Error("cannot read " + path + ": " + std::strerror(errno));
    std::error_code ec;  // a folder opens as a file and reads as empty: say what it is instead
    if (std::filesystem::is_directory(path, ec)) throw reel::Error("cannot read " + path + ": it is a folder, not a file");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// ratings.csv through the parser 8 MiB at a time: ML-25M's 678 MB of text is never held whole.
reel::RatingRows read_ratings(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw reel::Error("cannot read " + path + ": " + std::strerror(errno));
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw reel::Error("cannot read " + path + ": it is a folder, not a file");
    const uintmax_t size = std::filesystem::file_size(path, ec);
    reel::RatingsParser parser(path, ec ? 0 : static_cast<size_t>(size));
    std::string piece(size_t(8) << 20, '\0');
    while (in.read(piece.data(), static_cast<std::streamsize>(piece.size())) || in.gcount() > 0)
        parser.feed(std::string_view(piece.data(), static_cast<size_t>(in.gcount())));
    return parser.finish();
}

long long whole_number(const std::string& flag, const std::string& text, long long min, long long max) {
    size_t used = 0;
    long long v = 0;
    try {
        v = std::stoll(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (text.empty() || used != text.size() || v < min || v > max)
        throw reel::Error(flag + " needs a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", not " +
                          reel::quoted(text));
    return v;
}

std::vector<std::string> names(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream s(list);
    for (std::string name; std::getline(s, name, ',');)
        if (!name.empty()) out.push_back(name);
    return out;
}

Args parse_args(int argc, char** argv) {
    Args a;
    const long long max_list = static_cast<long long>(reel::Limits::max_results);
    std::vector<std::string> rest(argv + 1, argv + argc);
    for (size_t p = 0; p < rest.size(); ++p) {
        const std::string& arg = rest[p];
        auto value = [&]() -> const std::string& {
            if (p + 1 >= rest.size()) throw reel::Error(arg + " needs a value");
            return rest[++p];
        };
        if (arg == "--help" || arg == "-h")
            a.help = true;
        else if (arg == "--json")
            a.json = true;
        else if (arg == "--other-genres")
            a.other_genres = true;
        else if (arg == "--cold")
            a.cold = true;
        else if (arg == "--data")
            a.data = value();
        else if (arg == "--train")
            a.train = value();
        else if (arg == "--test")
            a.test = value();
        else if (arg == "--profile")
            a.profile = value();
        else if (arg == "--exclude")
            a.exclude = value();
        else if (arg == "--ratings")
            a.ratings = value();
        else if (arg == "--model")
            a.model = value();
        else if (arg == "--model-file")
            a.model_file = value();
        else if (arg == "--save")
            a.save = value();
        else if (arg == "--out")
            a.out = value();
        else if (arg == "--predictions")
            a.predictions = value();
        else if (arg == "--topn")
            a.topn = value();
        else if (arg == "--genres")
            a.genres = value();
        else if (arg == "--not-genres")
            a.not_genres = value();
        else if (arg == "--years")
            a.years = value();
        else if (arg == "--min-ratings")
            a.min_ratings = whole_number(arg, value(), 0, 1000000000);
        else if (arg == "--max-ratings")
            a.max_ratings = whole_number(arg, value(), 1, 1000000000);
        else if (arg == "--seed") {
            a.settings.set("seed=" + value());
            a.set_names.push_back("seed");
        } else if (arg == "--set") {
            const std::string& assignment = value();
            a.settings.set(assignment);
            a.set_names.push_back(assignment.substr(0, assignment.find('=')));
        } else if (arg == "-k")
            a.k = whole_number(arg, value(), 1, max_list);
        else if (arg == "-n")
            a.n = whole_number(arg, value(), 1, max_list);
        else if (arg == "--starters")
            a.starters = whole_number(arg, value(), 1, 20);
        else if (arg == "--together")
            a.together = whole_number(arg, value(), static_cast<long long>(reel::kMinMembers), static_cast<long long>(reel::kMaxMembers));
        else if (arg == "--marks")
            a.marks = value();
        else if (arg == "--unrated")
            reel::unrated_from(a.unrated = value());  // refused here, not after the data has loaded
        else if (arg == "--user")
            a.user = whole_number(arg, value(), 1, 2147483647);
        else if (arg.size() > 1 && arg[0] == '-')
            throw reel::Error("unknown option " + reel::quoted(arg) + " (see reel --help)");
        else if (a.command.empty())
            a.command = arg;
        else if (a.title.empty())
            a.title = arg;
        else
            throw reel::Error("unexpected argument " + reel::quoted(arg));
    }
    return a;
}

bool cold(const Args& a) { return !a.profile.empty(); }

std::string figure(double x, const char* format);  // a number as printf's format puts it; NaN as –

reel::Engine load(const Args& a) {
    reel::Engine engine(a.settings);
    const std::string movies_path = a.data + "/movies.csv";
    const std::string movies = a.data.empty() ? "" : read_file(movies_path);
    // The engine takes no movies.csv bytes to mean "name films by id": an empty file is not that.
    if (!a.data.empty() && movies.empty()) throw reel::Error(movies_path + ": the file is empty (no header line)");
    if (cold(a)) {
        if (a.train.empty() || a.test.empty()) throw reel::Error("new visitors need --train T, --profile P and --test H");
        engine.load_split(movies, read_file(a.train), "", movies_path, a.train);
        // Before any training: visitors in train.csv, or hidden ratings the profile gives, make figures that mean nothing.
        reel::check_new_visitors(engine.data(), a.train, engine.read_visitors(read_file(a.profile), a.profile), a.profile,
                                 engine.read_visitors(read_file(a.test), a.test), a.test);
    } else if (!a.train.empty() || !a.test.empty()) {
        if (a.train.empty() || a.test.empty()) throw reel::Error("--train and --test go together");
        engine.load_split(movies, read_file(a.train), read_file(a.test), movies_path, a.train, a.test);
    } else if (!a.data.empty()) {
        const std::string ratings_path = a.data + "/ratings.csv";
        engine.load(movies, read_ratings(ratings_path), a.settings.seed(), movies_path);
    } else {
        throw reel::Error("no data: give --data DIR or --train F --test F (see reel --help)");
    }
    if (!a.model_file.empty()) {
        engine.restore(read_file(a.model_file), a.model_file);
        // The file's models were trained as the file says; a training setting asked for here would
        // need them trained again, so it is refused rather than dropped in silence.
        for (const std::string& name : a.set_names)
            if (reel::shapes_models(name) && engine.settings().get(name) != a.settings.get(name))
                throw reel::Error(a.model_file + " holds models trained with " + name + "=" + figure(engine.settings().get(name), "%.15g") +
                                  "; " + name + "=" + figure(a.settings.get(name), "%.15g") +
                                  " would need them trained again: leave out --model-file or that setting");
    }
    return engine;
}

// Trains what is not trained yet, timing each model: the seconds are the CLI's to report.
std::vector<double> train_timed(reel::Engine& engine) {
    std::vector<double> seconds;
    for (const reel::ModelSpec* spec : reel::model_specs()) {
        const auto start = std::chrono::steady_clock::now();
        while (!engine.trained(spec->name)) engine.train_epoch(spec->name);
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return seconds;
}

void train_one(reel::Engine& engine, const std::string& model) {
    while (!engine.trained(model)) engine.train_epoch(model);
}

// `model`, or when it is empty both models the registry may choose for a visitor.
void train_for_visitors(reel::Engine& engine, const std::string& model) {
    if (!model.empty()) return train_one(engine, model);
    train_one(engine, reel::model_choices().first_visitors);
    train_one(engine, reel::model_choices().visitors);
}

// The model a command uses unless --model names another: the registry's choice for its question.
std::string model_or(const Args& a, const char* choice) { return a.model.empty() ? choice : a.model; }

reel::Filter filter_of(const Args& a, const reel::Engine& engine) {
    reel::Filter f;
    f.any_genre = reel::genre_mask(engine.data().catalog, names(a.genres));
    f.no_genre = reel::genre_mask(engine.data().catalog, names(a.not_genres));
    if (!a.years.empty()) {
        const size_t dash = a.years.find('-');
        const std::string from = a.years.substr(0, dash), to = dash == std::string::npos ? from : a.years.substr(dash + 1);
        if (!from.empty()) f.from_year = static_cast<int>(whole_number("--years", from, 1, 9999));
        if (!to.empty()) f.to_year = static_cast<int>(whole_number("--years", to, 1, 9999));
    }
    f.min_ratings = static_cast<int>(a.min_ratings);
    f.max_ratings = static_cast<int>(a.max_ratings);
    f.other_genres = a.other_genres;
    f.check();
    return f;
}

const reel::Film& film_of(const reel::Engine& engine, int32_t movie_id) {
    const reel::Catalog& c = engine.data().catalog;
    return c.film(static_cast<size_t>(c.index_of(movie_id)));
}

std::string title_line(const reel::Engine& engine, int32_t movie_id) {
    const reel::Catalog& catalog = engine.data().catalog;
    const reel::Film& film = film_of(engine, movie_id);
    std::string genres;
    for (size_t g = 0; g < catalog.genre_names().size(); ++g)
        if (film.genres & (1u << g)) genres += (genres.empty() ? "" : "|") + catalog.genre_names()[g];
    return film.title + "  [" + (genres.empty() ? "no genres" : genres) + "]";
}

std::string figure(double x, const char* format) {
    if (std::isnan(x)) return "–";
    char buf[32];
    std::snprintf(buf, sizeof buf, format, x);
    return buf;
}

std::string json_number(double x) {
    if (std::isnan(x)) return "null";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", x);
    return buf;
}

// Beyond accuracy (evaluation.md), as JSON members: `, "miscalibration": …, …`.
std::string json_lists(const reel::ListFigures& l) {
    return ", \"miscalibration\": " + json_number(l.miscalibration) + ", \"popularity_lift\": " + json_number(l.popularity_lift) +
           ", \"top50_share\": " + json_number(l.top50_share) + ", \"coverage\": " + json_number(l.coverage) +
           ", \"overlap\": " + json_number(l.overlap);
}

// … and as the cells of a Markdown row.
std::string table_lists(const reel::ListFigures& l) {
    return figure(l.miscalibration, "%.3f") + " | " + figure(l.popularity_lift, "%+.2f") + " | " + figure(l.top50_share, "%.3f") + " | " +
           figure(l.coverage, "%.4f") + " | " + figure(l.overlap, "%.4f");
}

// Wall-clock seconds of the stages around training, for the benchmark's scale table.
struct Stages {
    double load = 0, evaluate = 0, neighbours = 0;
};

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Figures as the README's table, or as one JSON object for machines (every double in full).
void print_figures(const reel::Figures& f, const std::vector<double>& seconds, bool json, bool visitors,
                   const std::vector<reel::NeighbourFigure>& neighbours = {}, const Stages& stages = {}) {
    if (json) {
        std::printf("{\"viewers\": %zu, \"models\": {", f.viewers);
        for (size_t m = 0; m < f.models.size(); ++m) {
            const reel::ModelFigures& x = f.models[m];
            std::printf("%s\"%s\": {\"rmse\": %s, \"recall10\": %s, \"ndcg10\": %s, \"lift\": %s%s, \"train_seconds\": %.3f}",
                        m ? ", " : "", x.spec->name, json_number(x.rmse).c_str(), json_number(x.recall10).c_str(),
                        json_number(x.ndcg10).c_str(), json_number(x.lift).c_str(), json_lists(x.lists).c_str(), seconds[m]);
        }
        std::printf("}");
        std::printf(", \"choice\": {\"recall10\": %s, \"ndcg10\": %s, \"lift\": %s%s}", json_number(f.choice.recall10).c_str(),
                    json_number(f.choice.ndcg10).c_str(), json_number(f.choice.lift).c_str(), json_lists(f.choice.lists).c_str());
        std::printf(", \"seconds\": {\"load\": %.3f, \"evaluate\": %.3f, \"neighbours\": %.3f}", stages.load, stages.evaluate,
                    stages.neighbours);
        struct rusage usage {};
        getrusage(RUSAGE_SELF, &usage);  // the most this process held in memory so far (KiB on Linux)
        std::printf(", \"peak_bytes\": %lld", static_cast<long long>(usage.ru_maxrss) * 1024);
        if (!neighbours.empty()) {
            std::printf(", \"neighbours\": {");
            for (size_t n = 0; n < neighbours.size(); ++n)
                std::printf("%s\"%s\": %s", n ? ", " : "", neighbours[n].spec ? neighbours[n].spec->name : "item_knn",
                            json_number(neighbours[n].recall10).c_str());
            std::printf("}, \"popular_intrusion\": {");
            for (size_t n = 0; n < neighbours.size(); ++n)
                std::printf("%s\"%s\": %s", n ? ", " : "", neighbours[n].spec ? neighbours[n].spec->name : "item_knn",
                            json_number(neighbours[n].popular_intrusion).c_str());
            std::printf("}");
        }
        std::printf("}\n");
        return;
    }
    std::printf("| model | %s | Recall@10 | NDCG@10 | lift over popularity | training |\n|---|---|---|---|---|---|\n",
                visitors ? "fold-in RMSE" : "RMSE");
    for (size_t m = 0; m < f.models.size(); ++m) {
        const reel::ModelFigures& x = f.models[m];
        const bool baseline = std::string(x.spec->name) == reel::kPopularity;  // its lift is 0 by definition
        std::printf("| %s | %s | %s | %s | %s | %s |\n", x.spec->label, figure(x.rmse, "%.4f").c_str(), figure(x.recall10, "%.4f").c_str(),
                    figure(x.ndcg10, "%.4f").c_str(), baseline ? "" : figure(100 * x.lift, "%+.1f %%").c_str(),
                    x.spec->trains() ? figure(seconds[m], "%.2f s").c_str() : "–");
    }
    const reel::ModelChoices& c = reel::model_choices();
    const std::string choice = visitors ? std::string(c.first_visitors) + " below " + std::to_string(c.visitors_from) + " ratings, " +
                                              c.visitors + " from " + std::to_string(c.visitors_from)
                                        : std::string(c.viewers);
    std::printf("| the page's default: %s, re-ranked to each viewer | – | %.4f | %.4f | %s | |\n", choice.c_str(), f.choice_recall10,
                f.choice_ndcg10, figure(100 * (f.choice_recall10 / f.popularity_recall10 - 1), "%+.1f %%").c_str());
    std::printf("\n%zu %s with a held-out rating of 4 stars or more.\n", f.viewers, visitors ? "visitors" : "users");
    // Beyond accuracy: are the same lists the viewers' own (evaluation.md)?
    std::printf(
        "\n| the same lists, beyond accuracy | miscalibration C_KL | popularity lift | top-50 share | coverage | overlap |\n"
        "|---|---|---|---|---|---|\n");
    for (const reel::ModelFigures& x : f.models) std::printf("| %s | %s |\n", x.spec->label, table_lists(x.lists).c_str());
    std::printf("| the page's default | %s |\n", table_lists(f.choice.lists).c_str());
    if (neighbours.empty()) return;
    // Films like X: evaluation.md's neighbour recall of each model's similarity and of item-kNN.
    std::printf("\n| films like X: similarity | neighbour recall@10 | popular intrusion |\n|---|---|---|\n");
    for (const reel::NeighbourFigure& n : neighbours)
        std::printf("| %s | %.4f | %.3f |\n",
                    n.spec ? (std::string(n.spec->label) + ", shrunk cosine of its film vectors").c_str() : "co-rating item-kNN (baseline)",
                    n.recall10, n.popular_intrusion);
}

reel::Visitors visitors(const reel::Engine& engine, const std::string& path) { return engine.read_visitors(read_file(path), path); }

// "Rate a few you know", round by round: the ratings gathered and the default list's Recall@10.
int print_starters(const reel::StarterFigures& f) {
    std::printf(
        "| after round | same starters for all: rated | Recall@10 | chosen a round at a time: rated | Recall@10 "
        "| chosen after each rating: rated | Recall@10 |\n|---|---|---|---|---|---|---|\n");
    for (size_t r = 0; r < f.fixed.size(); ++r)
        std::printf("| %zu (%zu looked at) | %.2f | %.4f | %.2f | %.4f | %.2f | %.4f |\n", r + 1, (r + 1) * reel::kStartersShown,
                    f.fixed[r].rated, f.fixed[r].recall10, f.adaptive[r].rated, f.adaptive[r].recall10, f.each[r].rated,
                    f.each[r].recall10);
    std::printf(
        "\n%zu visitors with a hidden rating of 4 stars or more; each looks at the films shown one by one and rates\n"
        "those their profile holds; after each rating, the third way shows one chosen from their ratings so far in its\n"
        "place, looked at next.\n",
        f.viewers);
    return 0;
}

// Watch together: for each aggregation, the group's list's Recall@10 for its worse-served member,
// its better-served one and every member, beside each member's own list; the default starred.
int print_together(const reel::TogetherFigures& f) {
    std::printf("| groups of %zu: Recall@10 | worse member | better member | every member |\n|---|---|---|---|\n", f.group_size);
    std::printf("| each member's own list | %.4f | %.4f | %.4f |\n", f.own_worse, f.own_better, f.own_mean);
    for (const reel::JointFigure& j : f.joint) {
        std::string name(reel::aggregation_name(j.how.how));
        const bool pooled = j.how.how == reel::Aggregation::without_misery || j.how.how == reel::Aggregation::fair;
        if (pooled) name += ", pool " + std::to_string(j.how.pool);
        const bool chosen = j.how.how == reel::kTogether.how && (!pooled || j.how.pool == reel::kTogether.pool);
        std::printf("| the group's list: %s%s | %.4f | %.4f | %.4f |\n", name.c_str(), chosen ? " (the page's)" : "", j.worse, j.better,
                    j.mean);
    }
    std::printf(
        "\n%zu groups (%zu shuffles of the visitors with a hidden rating of 4 stars or more, cut into groups of %zu); each\n"
        "member folded in from their own profile; the group's list skips every film any member rated.\n",
        f.groups, reel::kTogetherShuffles, f.group_size);
    return 0;
}

int run_eval(const Args& a) {
    Stages stages;
    auto t = std::chrono::steady_clock::now();
    reel::Engine engine = load(a);
    stages.load = seconds_since(t);
    const std::vector<double> seconds = train_timed(engine);
    if (!cold(a)) {
        t = std::chrono::steady_clock::now();
        const reel::Figures figures = engine.evaluate();
        stages.evaluate = seconds_since(t);
        t = std::chrono::steady_clock::now();
        const std::vector<reel::NeighbourFigure> neighbours = engine.evaluate_neighbours();
        stages.neighbours = seconds_since(t);
        print_figures(figures, seconds, a.json, false, neighbours, stages);
        return 0;
    }
    const reel::Visitors profile = visitors(engine, a.profile), hidden = visitors(engine, a.test);
    if (a.starters > 0)
        return print_starters(engine.evaluate_starters(profile, hidden, static_cast<size_t>(a.starters), reel::kStartersShown));
    const reel::Visitors exclude = a.exclude.empty() ? reel::Visitors() : visitors(engine, a.exclude);
    if (a.together > 0)
        return print_together(engine.evaluate_together(profile, hidden, a.exclude.empty() ? nullptr : &exclude,
                                                       static_cast<size_t>(a.together), reel::kTogetherShuffles));
    print_figures(engine.evaluate_visitors(profile, hidden, a.exclude.empty() ? nullptr : &exclude), seconds, a.json, true);
    return 0;
}

int run_similar(const Args& a) {
    if (a.title.empty()) throw reel::Error("similar needs a film title, e.g. reel similar --data DIR \"Heat (1995)\"");
    reel::Engine engine = load(a);
    const int32_t film = engine.resolve_title(a.title);
    const reel::Filter filter = filter_of(a, engine);
    const std::string model = model_or(a, reel::model_choices().neighbours);
    train_one(engine, model);
    std::printf("films like %s\n", title_line(engine, film).c_str());
    for (const reel::Neighbour& n : engine.similar(film, static_cast<size_t>(a.k), model, filter))
        std::printf("  %.3f  %s\n         liked by %d of the %d people who loved it; %d ratings\n", n.similarity,
                    title_line(engine, n.movie_id).c_str(), n.liked_both, n.liked_x, n.ratings);
    return 0;
}

int run_recommend(const Args& a) {
    if ((a.user == 0) == a.ratings.empty()) throw reel::Error("recommend needs either --user ID or --ratings MY.csv");
    reel::Engine engine = load(a);
    const reel::Filter filter = filter_of(a, engine);
    // Unless --model names one, the default list: the registry's choice, re-ranked to the viewer.
    const std::string model = a.model;
    if (a.user != 0) {
        train_one(engine, model_or(a, reel::model_choices().viewers));
        const int32_t user = static_cast<int32_t>(a.user);
        const std::vector<reel::Pick> favourites = engine.favourites(user, 5);  // an unknown user stops here, before any output
        std::printf("user %d rated highest:\n", user);
        for (const reel::Pick& p : favourites) std::printf("  %.1f  %s\n", p.score, title_line(engine, p.movie_id).c_str());
        std::printf("next films for user %d (%s; none they rated):\n", user,
                    model.empty() ? (std::string("the default: the ") + reel::model_choices().viewers + " model, re-ranked to them").c_str()
                                  : (model + " model").c_str());
        for (const reel::Pick& p : engine.recommend(user, static_cast<size_t>(a.k), model, filter))
            std::printf("  %.3f  %s\n", p.score, title_line(engine, p.movie_id).c_str());
        return 0;
    }
    const reel::Visitors mine = visitors(engine, a.ratings);
    if (mine.user_ids.size() != 1)
        throw reel::Error(a.ratings + " holds the ratings of " + std::to_string(mine.user_ids.size()) + " people; give one person's");
    const std::vector<reel::ProfileEntry>& profile = mine.profiles[0];
    train_for_visitors(engine, model);
    const reel::VisitorPicks r = engine.recommend_for(profile, static_cast<size_t>(a.k), model, filter);
    if (a.json) {  // every float as the shortest text that reads back to the same bits
        std::printf("{\"picks\": [");
        for (size_t p = 0; p < r.picks.size(); ++p) {
            std::printf("%s{\"movieId\": %d, \"score\": %.9g, \"base\": %.9g, \"because\": [", p ? ", " : "", r.picks[p].movie_id,
                        r.picks[p].score, r.picks[p].base);
            for (size_t b = 0; b < r.picks[p].because.size(); ++b)
                std::printf("%s{\"movieId\": %d, \"share\": %.9g}", b ? ", " : "", r.picks[p].because[b].movie_id,
                            r.picks[p].because[b].share);
            std::printf("]}");
        }
        auto ids = [](const std::vector<int32_t>& v) {
            std::string s;
            for (int32_t id : v) s += (s.empty() ? "" : ", ") + std::to_string(id);
            return s;
        };
        std::printf("], \"unknown\": [%s], \"unrated\": [%s]}\n", ids(r.unknown).c_str(), ids(r.unrated).c_str());
        return 0;
    }
    std::printf("from your %zu ratings", profile.size());
    if (!r.unknown.empty()) std::printf(" (%zu not in the catalogue, set aside)", r.unknown.size());
    if (!r.unrated.empty()) std::printf(" (%zu with no training ratings, set aside)", r.unrated.size());
    std::printf(", your next films (%s", r.model ? r.model->label : "the most-rated films: nothing you liked to go on yet");
    if (r.mixed_in) std::printf(" with %.0f %% of the %s's scores", 100.0 * r.mix, r.mixed_in->label);
    std::printf("; none you rated):\n");
    int rank = 0;
    for (const reel::Recommendation& p : r.picks) {
        std::printf("  %2d. %.3f  %s\n", ++rank, p.score, title_line(engine, p.movie_id).c_str());
        std::string because;
        for (const reel::Reason& why : p.because) {
            float stars = 0;
            for (const reel::ProfileEntry& e : profile)
                if (e.movie_id == why.movie_id) stars = e.stars;
            char share[48];
            std::snprintf(share, sizeof share, " %.1f★ (%+.3f)", stars, why.share);
            because += (because.empty() ? "" : ", ") + film_of(engine, why.movie_id).title + share;
        }
        if (!because.empty()) std::printf("      because you rated %s\n", because.c_str());
    }
    return 0;
}

void write_predictions(const std::string& path, const std::vector<reel::Prediction>& predictions) {
    reel_cli::OutputFile out(path);
    out << "userId,movieId,prediction\n";
    char value[32];
    for (const reel::Prediction& p : predictions) {
        std::snprintf(value, sizeof value, "%.6f", p.prediction);
        out << p.user_id << ',' << p.movie_id << ',' << value << '\n';
    }
    out.close();
}

std::string stars_model() {
    for (const reel::ModelSpec* spec : reel::model_specs())
        if (spec->predicts_stars) return spec->name;
    throw reel::Error("no model predicts stars");
}

// The protocol's lists, "userId,rank,movieId", as the evaluation scores them.
void write_lists(const std::string& path, const std::vector<std::pair<int32_t, std::vector<int32_t>>>& lists) {
    reel_cli::OutputFile out(path);
    out << "userId,rank,movieId\n";
    for (const auto& [user, films] : lists) {
        int rank = 0;
        for (int32_t film : films) out << user << ',' << ++rank << ',' << film << '\n';
    }
    out.close();
}

int run_export(const Args& a) {
    if (a.predictions.empty() && a.topn.empty()) throw reel::Error("export needs --predictions OUT.csv and/or --topn OUT.csv");
    reel::Engine engine = load(a);
    const std::string model = a.model;  // none: the default list
    if (cold(a))
        train_for_visitors(engine, model);
    else
        train_one(engine, model_or(a, reel::model_choices().viewers));
    if (!a.predictions.empty()) train_one(engine, stars_model());
    const size_t n = static_cast<size_t>(a.n);
    if (cold(a)) {
        const reel::Visitors profile = visitors(engine, a.profile), hidden = visitors(engine, a.test);
        const reel::Visitors exclude = a.exclude.empty() ? profile : visitors(engine, a.exclude);
        if (!a.predictions.empty()) write_predictions(a.predictions, engine.visitor_predictions(profile, hidden));
        if (!a.topn.empty()) write_lists(a.topn, engine.visitor_lists(profile, &exclude, model, n));
        return 0;
    }
    if (!a.predictions.empty()) write_predictions(a.predictions, engine.test_predictions(stars_model()));
    if (!a.topn.empty()) write_lists(a.topn, engine.protocol_lists(model, n));
    return 0;
}

int run_train(const Args& a) {
    if (a.save.empty()) throw reel::Error("train needs --save FILE");
    reel::Engine engine = load(a);
    train_timed(engine);
    reel_cli::OutputFile out(a.save);
    out << engine.save();
    out.close();
    std::printf("saved every model to %s\n", a.save.c_str());
    return 0;
}

int run_starters(const Args& a) {
    reel::Engine engine = load(a);
    train_one(engine, reel::model_choices().neighbours);
    for (int32_t id : engine.starters(static_cast<size_t>(a.k), {})) std::printf("%s\n", title_line(engine, id).c_str());
    return 0;
}

// Prints the matched ratings as a MovieLens ratings file (so `reel recommend --ratings` takes
// it) and the rows it could not match, with why, on stderr.
int run_import(const Args& a) {
    if (a.title.empty()) throw reel::Error("import needs the export file, e.g. reel import --data DIR ratings.csv");
    reel::Engine engine = load(a);
    const std::string links = a.data + "/links.csv";
    if (!a.data.empty() && std::ifstream(links)) engine.load_links(read_file(links), links);
    const reel::Imported r = engine.import_ratings(read_file(a.title), a.title, reel::unrated_from(a.unrated));
    std::printf("userId,movieId,rating\n");
    for (const reel::ImportedRating& m : r.matched) std::printf("1,%d,%.1f\n", m.movie_id, m.stars);
    if (!a.marks.empty()) {
        reel_cli::OutputFile out(a.marks);
        out << "movieId,mark\n";
        for (const reel::FilmMark& m : r.marks) out << m.movie_id << ',' << m.mark << '\n';
        out.close();
    }
    const auto unreadable =
        static_cast<size_t>(std::count_if(r.unmatched.begin(), r.unmatched.end(), [](const reel::Unmatched& u) { return u.unreadable; }));
    std::fprintf(stderr, "%s export: %zu matched, %zu marked%s, %zu not matched, %zu lines unreadable\n", r.format.c_str(),
                 r.matched.size(), r.marks.size(), r.marks.empty() || !a.marks.empty() ? "" : " (give --marks OUT.csv to keep them)",
                 r.unmatched.size() - unreadable, unreadable);
    for (const reel::Unmatched& u : r.unmatched) {
        const std::string year = u.year ? " (" + std::to_string(u.year) + ")" : "";  // 0: the file gives none, or not a year
        const char* said = u.title.empty() && year.empty() ? "" : ": ";              // a line that could not be read has no title
        std::fprintf(stderr, "  line %zu: %s%s%s%s\n", u.line, u.title.c_str(), year.c_str(), said, u.reason.c_str());
    }
    if (!r.unrated_guess.empty())
        std::fprintf(stderr, "its name does not say what its films without a rating are: taken as %s (--unrated seen|watchlist says)\n",
                     r.unrated_guess.c_str());
    return 0;
}

int run_map(const Args& a) {
    if (a.out.empty()) throw reel::Error("map needs --out MAP.csv");
    reel::Engine engine = load(a);
    train_one(engine, reel::model_choices().neighbours);
    engine.start_map();
    for (auto e = engine.map_epoch(); e.first < e.second; e = engine.map_epoch()) {
    }
    const reel::MapLayout m = engine.map();
    reel_cli::OutputFile out(a.out);
    out << "movieId,x,y\n";
    char row[64];
    for (size_t i = 0; i < m.movie_ids.size(); ++i) {
        std::snprintf(row, sizeof row, "%d,%.9g,%.9g\n", m.movie_ids[i], m.xy[2 * i], m.xy[2 * i + 1]);
        out << row;
    }
    out.close();
    const reel::MapFigures f = engine.map_figures();
    std::printf(
        "%zu films mapped to %s\nneighbourhood preservation (of each film's 10 nearest by cosine, the share among its 10 nearest on the "
        "layout):\n"
        "| layout | preserved |\n|---|---|\n| the map | %.4f |\n| PCA | %.4f |\n| random | %.4f |\n",
        m.movie_ids.size(), a.out.c_str(), f.map, f.pca, f.random);
    return 0;
}

int run_synth(const Args& a) {
    if (a.out.empty() || a.ratings.empty()) throw reel::Error("synth needs --ratings N and --out DIR");
    reel::MovieLensShape shape;
    shape.ratings = static_cast<uint64_t>(whole_number("--ratings", a.ratings, 1000, 1000000000));
    shape.seed = a.settings.seed();
    std::filesystem::create_directories(a.out);
    reel_cli::OutputFile movies(a.out + "/movies.csv"), ratings(a.out + "/ratings.csv");
    reel::write_movielens_like(shape, [&](reel::SyntheticFile file, std::string_view chunk) {
        (file == reel::SyntheticFile::Movies ? movies : ratings).write(chunk);
    });
    movies.close();
    ratings.close();
    std::printf("wrote %llu ratings by %llu users of %llu films to %s\n", static_cast<unsigned long long>(shape.ratings),
                static_cast<unsigned long long>(shape.users()), static_cast<unsigned long long>(shape.films()), a.out.c_str());
    return 0;
}

void write_rows(const std::string& path, const std::vector<reel::RatingRow>& rows) {
    reel_cli::OutputFile out(path);
    out << "userId,movieId,rating,timestamp\n";
    char value[8];
    for (const reel::RatingRow& r : rows) {
        std::snprintf(value, sizeof value, "%.1f", r.value);
        out << r.user_id << ',' << r.movie_id << ',' << value << ',' << r.timestamp << '\n';
    }
    out.close();
}

// The cold split's files, and the same procedure inside its train.csv as validation/.
void write_cold_split(const std::vector<reel::RatingRow>& rows, uint64_t seed, const std::string& dir) {
    const reel::ColdSplit s = reel::cold_split(rows, seed);
    std::filesystem::create_directories(dir);
    write_rows(dir + "/train.csv", s.train);
    write_rows(dir + "/profile.csv", s.profile);
    write_rows(dir + "/hidden.csv", s.hidden);
    for (size_t n : {5, 10, 20}) write_rows(dir + "/profile_n" + std::to_string(n) + ".csv", reel::first_ratings(s.profile, n));
}

int run_split(const Args& a) {
    if (!a.cold || a.data.empty() || a.out.empty()) throw reel::Error("split needs --data DIR --cold --out DIR");
    const std::string path = a.data + "/ratings.csv";
    const std::vector<reel::RatingRow> rows = reel::parse_ratings(read_file(path), path).rows;
    write_cold_split(rows, a.settings.seed(), a.out);
    write_cold_split(reel::cold_split(rows, a.settings.seed()).train, a.settings.seed() + 1000, a.out + "/validation");
    std::printf("wrote a new-visitor split of %s (seed %llu) and its validation/ to %s\n", path.c_str(),
                static_cast<unsigned long long>(a.settings.seed()), a.out.c_str());
    return 0;
}

int run_pack(const Args& a) {
    if (a.data.empty() || a.out.empty()) throw reel::Error("pack needs --data DIR --out FILE");
    const std::string movies = a.data + "/movies.csv", ratings = a.data + "/ratings.csv";
    const reel::RatingRows rows = read_ratings(ratings);
    const std::string packed = reel::pack(reel::Catalog::parse(read_file(movies), movies), rows);
    reel_cli::OutputFile out(a.out);
    out.write(packed);
    out.close();
    std::printf("packed %zu ratings (%zu repeats dropped) and the films of %s into %s: %zu bytes\n", rows.rows.size(), rows.duplicates,
                a.data.c_str(), a.out.c_str(), packed.size());
    return 0;
}

int run_settings(const Args& a) {
    for (const reel::Settings::Entry& e : a.settings.entries())
        std::printf("%-32s %-10s [%s, %s]  %s\n", e.name.c_str(), reel::setting_text(e.value).c_str(),
                    reel::setting_text(e.spec->min).c_str(), reel::setting_text(e.spec->max).c_str(), e.spec->help);
    return 0;
}

int run(const Args& a) {
    if (a.command == "eval") return run_eval(a);
    if (a.command == "similar") return run_similar(a);
    if (a.command == "recommend") return run_recommend(a);
    if (a.command == "export") return run_export(a);
    if (a.command == "train") return run_train(a);
    if (a.command == "settings") return run_settings(a);
    if (a.command == "starters") return run_starters(a);
    if (a.command == "map") return run_map(a);
    if (a.command == "synth") return run_synth(a);
    if (a.command == "split") return run_split(a);
    if (a.command == "pack") return run_pack(a);
    if (a.command == "import") return run_import(a);
    throw reel::Error("unknown command " + reel::quoted(a.command) + " (see reel --help)");
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Args a = parse_args(argc, argv);
        if (a.help || a.command.empty() || a.command == "help") {
            std::fputs(kUsage, a.help || a.command == "help" ? stdout : stderr);
            return a.help || a.command == "help" ? 0 : 2;
        }
        const int status = run(a);
        // What went to standard output (import's ratings, eval's table) is output like a file's.
        errno = 0;
        if (std::fflush(stdout) != 0 || std::ferror(stdout))
            throw reel::Error(std::string("cannot write all of standard output") +
                              (errno ? std::string(" (") + std::strerror(errno) + ")" : ""));
        return status;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "reel: %s\n", e.what());
        return 1;
    }
}
