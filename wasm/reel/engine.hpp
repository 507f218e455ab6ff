// reel::Engine ties the pieces together: dataset, split, both models, queries and metrics.
// The CLI and the Embind bindings are thin faces over this one class.
#pragma once
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "dataset.hpp"
#include "ranking_model.hpp"
#include "rating_model.hpp"
#include "search.hpp"
#include "similar.hpp"
#include "train_index.hpp"

namespace reel {

enum class Model { Rating, Ranking };
enum class Ranker { Ranking, Rating, Popularity };
Model model_named(std::string_view name);    // "rating" | "ranking"
Ranker ranker_named(std::string_view name);  // "ranking" | "rating" | "popularity"

struct Summary {
    size_t users = 0, films = 0, rated_films = 0, ratings = 0, train = 0, test = 0, duplicates = 0;
};

struct EpochReport {
    int epoch = 0, epochs = 0;  // epoch counts from 1
    double loss = 0;            // rating: RMSE of the pass; ranking: mean BPR loss of the pass
    double held_out = 0;        // rating: RMSE on the test ratings; ranking: NaN (recall costs a full pass)
};

struct Figures {
    double rating_rmse = 0, ranking_recall10 = 0, popularity_recall10 = 0, lift = 0, rating_as_ranker_recall10 = 0;
};

struct Pick {
    int32_t movie_id;
    float score;  // cosine, model score, training count or rating, as the query says
};

struct Prediction {
    int32_t user_id, movie_id;
    float prediction;
};

class Engine {
public:
    explicit Engine(Config config = {});  // throws reel::Error for a bad setting
    ~Engine();
    Engine(Engine&&) noexcept;
    Engine& operator=(Engine&&) noexcept;

    // Loads movies.csv and ratings.csv bytes and splits the ratings 80/20 by `seed`. An empty
    // movies_csv names films by id. On error nothing changes: the engine keeps what it had.
    Summary load(std::string_view movies_csv, std::string_view ratings_csv, uint64_t seed);
    // Loads a given train/test split instead (models are seeded with config().seed).
    Summary load_split(std::string_view movies_csv, std::string_view train_csv, std::string_view test_csv);

    int epochs(Model model) const;
    EpochReport train_epoch(Model model);  // one more epoch; throws once all are done
    void train();                          // every remaining epoch of both models
    bool trained(Model model) const;

    Figures evaluate() const;
    std::vector<Pick> similar(int32_t movie_id, size_t k, Model model) const;
    std::vector<Pick> recommend(int32_t user_id, size_t k, Ranker ranker = Ranker::Ranking) const;
    std::vector<Pick> favourites(int32_t user_id, size_t k) const;  // the user's highest training ratings
    std::vector<int32_t> search(std::string_view query, size_t k) const;
    int32_t resolve_title(std::string_view title) const;           // throws listing candidates
    std::vector<Prediction> test_predictions() const;               // the rating model, one per test rating

    const Config& config() const { return config_; }
    const Dataset& data() const;
    const TrainIndex& train_index() const;

private:
    struct State;  // everything a load builds, swapped in whole
    void install(std::unique_ptr<State> state, uint64_t seed);
    Summary summary() const;
    const State& state() const;
    int user_of(int32_t user_id) const;
    int film_of(int32_t movie_id) const;

    Config config_;
    std::unique_ptr<State> state_;
};

}  // namespace reel
