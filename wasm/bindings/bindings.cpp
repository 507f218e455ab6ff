// The Embind face of reel::Engine for the Web Worker: bytes in, typed arrays and plain objects
// out, and every C++ error rethrown as a JavaScript Error. No logic of its own.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "engine.hpp"
#include "error.hpp"

using emscripten::val;

namespace {

// Runs `f`, turning any C++ exception into a JS Error with the engine's message; the engine's
// own strong guarantee (a failed call changes nothing) keeps it usable afterwards.
template <class F>
auto guarded(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const std::exception& e) {
        val::global("Error").new_(std::string(e.what())).throw_();
    }
    __builtin_unreachable();
}

// A JS-owned copy: a view of wasm memory would go stale when the heap grows.
template <class T>
val typed_copy(const char* type, const std::vector<T>& v) {
    return val::global(type).new_(emscripten::typed_memory_view(v.size(), v.data()));
}

val picks_object(const std::vector<reel::Pick>& picks, const char* score_name) {
    std::vector<int32_t> ids;
    std::vector<float> scores;
    for (const reel::Pick& p : picks) ids.push_back(p.movie_id), scores.push_back(p.score);
    val out = val::object();
    out.set("movieIds", typed_copy("Int32Array", ids));
    out.set(score_name, typed_copy("Float32Array", scores));
    return out;
}

val summary_object(const reel::Summary& s) {
    val out = val::object();
    out.set("users", s.users);
    out.set("films", s.films);
    out.set("ratedFilms", s.rated_films);
    out.set("ratings", s.ratings);
    out.set("train", s.train);
    out.set("test", s.test);
    out.set("duplicates", s.duplicates);
    return out;
}

class Engine {
public:
    val load(const std::string& movies, const std::string& ratings, double seed) {
        return guarded([&] {
            if (!(seed >= 0 && seed <= 9007199254740991.0 && seed == static_cast<double>(static_cast<uint64_t>(seed))))
                throw reel::Error("seed must be a whole number from 0 to 2^53 − 1");
            return summary_object(engine_.load(movies, ratings, static_cast<uint64_t>(seed)));
        });
    }

    // A given split, e.g. the canonical one, so the browser can reproduce the README's table.
    val loadSplit(const std::string& movies, const std::string& train, const std::string& test) {
        return guarded([&] { return summary_object(engine_.load_split(movies, train, test)); });
    }

    int epochs(const std::string& model) {
        return guarded([&] { return engine_.epochs(reel::model_named(model)); });
    }

    val trainEpoch(const std::string& model) {
        return guarded([&] {
            const reel::EpochReport r = engine_.train_epoch(reel::model_named(model));
            val out = val::object();
            out.set("model", model);
            out.set("epoch", r.epoch);
            out.set("epochs", r.epochs);
            out.set("loss", r.loss);
            out.set("heldOut", r.held_out);
            return out;
        });
    }

    val evaluate() {
        return guarded([&] {
            const reel::Figures f = engine_.evaluate();
            val out = val::object();
            out.set("ratingRmse", f.rating_rmse);
            out.set("rankingRecall10", f.ranking_recall10);
            out.set("popularityRecall10", f.popularity_recall10);
            out.set("lift", f.lift);
            out.set("ratingAsRankerRecall10", f.rating_as_ranker_recall10);
            return out;
        });
    }

    val catalog() {
        return guarded([&] {
            const reel::Catalog& c = engine_.data().catalog;
            std::vector<int32_t> ids;
            std::vector<int16_t> years;
            std::vector<uint32_t> genres;
            std::string titles;
            for (const reel::Film& f : c.films()) {
                ids.push_back(f.movie_id);
                years.push_back(static_cast<int16_t>(f.year));
                genres.push_back(f.genres);
                titles += (titles.empty() ? "" : "\n") + f.title;
            }
            val names = val::array();
            for (const std::string& g : c.genre_names()) names.call<void>("push", g);
            val out = val::object();
            out.set("movieIds", typed_copy("Int32Array", ids));
            out.set("titles", titles);
            out.set("years", typed_copy("Int16Array", years));
            out.set("genres", typed_copy("Uint32Array", genres));
            out.set("genreNames", names);
            out.set("counts", typed_copy("Int32Array", engine_.train_index().counts()));
            return out;
        });
    }

    val similar(int movie_id, int k, const std::string& model) {
        return guarded([&] { return picks_object(engine_.similar(movie_id, count(k), reel::model_named(model)), "scores"); });
    }

    val recommend(int user_id, int k) {
        return guarded([&] { return picks_object(engine_.recommend(user_id, count(k)), "scores"); });
    }

    val favourites(int user_id, int k) {
        return guarded([&] { return picks_object(engine_.favourites(user_id, count(k)), "ratings"); });
    }

    val search(const std::string& query, int k) {
        return guarded([&] { return typed_copy("Int32Array", engine_.search(query, count(k))); });
    }

    val userIds() {
        return guarded([&] { return typed_copy("Int32Array", engine_.data().user_ids); });
    }

private:
    static size_t count(int k) {
        if (k < 0 || k > 100000) throw reel::Error("k must be from 0 to 100000, not " + std::to_string(k));
        return static_cast<size_t>(k);
    }

    reel::Engine engine_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(reel) {
    emscripten::class_<Engine>("Engine")
        .constructor<>()
        .function("load", &Engine::load)
        .function("loadSplit", &Engine::loadSplit)
        .function("epochs", &Engine::epochs)
        .function("trainEpoch", &Engine::trainEpoch)
        .function("evaluate", &Engine::evaluate)
        .function("catalog", &Engine::catalog)
        .function("similar", &Engine::similar)
        .function("recommend", &Engine::recommend)
        .function("favourites", &Engine::favourites)
        .function("search", &Engine::search)
        .function("userIds", &Engine::userIds);
}
