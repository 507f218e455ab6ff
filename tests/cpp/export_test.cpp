// `reel export` writes the lists and predictions the evaluation scores: read back and measured
// here by a plain evaluator of evaluation.md that shares no code with the engine's (its own CSV
// reading, its own sets and sums), they give the figures `reel eval --json` prints.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"
#include "trained.hpp"

namespace {
using reel_test::run;

using reel_test::kCold;
using reel_test::kData;
using reel_test::kSplit;

// userId → movieId → rating, from a MovieLens ratings file (userId,movieId,rating[,timestamp]).
std::map<int, std::map<int, double>> ratings_of(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // header
    std::map<int, std::map<int, double>> out;
    while (std::getline(in, line)) {
        std::istringstream row(line);
        std::string user, film, stars;
        std::getline(row, user, ',');
        std::getline(row, film, ',');
        std::getline(row, stars, ',');
        out[std::stoi(user)][std::stoi(film)] = std::stod(stars);
    }
    return out;
}

// userId → its list, best first, from "userId,rank,movieId".
std::map<int, std::vector<int>> lists_of(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "userId,rank,movieId");
    std::map<int, std::vector<int>> out;
    while (std::getline(in, line)) {
        int user = 0, rank = 0, film = 0;
        EXPECT_EQ(std::sscanf(line.c_str(), "%d,%d,%d", &user, &rank, &film), 3) << line;
        EXPECT_EQ(rank, static_cast<int>(out[user].size()) + 1) << "ranks of user " << user << " count from 1";
        out[user].push_back(film);
    }
    return out;
}

// Mean over people with a held-out rating of 4 or more of |list ∩ liked| / |liked|.
double recall_at_10(const std::map<int, std::vector<int>>& lists, const std::map<int, std::map<int, double>>& held_out) {
    double sum = 0;
    int people = 0;
    for (const auto& [user, films] : held_out) {
        std::set<int> liked;
        for (const auto& [film, stars] : films)
            if (stars >= 4.0) liked.insert(film);
        if (liked.empty()) continue;
        ++people;
        const auto list = lists.find(user);
        if (list == lists.end()) continue;
        int hits = 0;
        for (size_t r = 0; r < list->second.size() && r < 10; ++r) hits += static_cast<int>(liked.count(list->second[r]));
        sum += static_cast<double>(hits) / static_cast<double>(liked.size());
    }
    return sum / people;
}

// Beyond accuracy, from the lists alone: the share of the 50 most-rated training films (ties to
// the smaller movieId) among the listed films of `people`, and distinct films listed ÷ films in training.
std::pair<double, double> top50_share_and_coverage(const std::map<int, std::vector<int>>& lists, const std::set<int>& people,
                                                   const std::map<int, std::map<int, double>>& train) {
    std::map<int, int> count;
    for (const auto& [user, films] : train)
        for (const auto& [film, stars] : films) ++count[film];
    std::vector<std::pair<int, int>> ranked;  // (−count, movieId)
    for (const auto& [film, n] : count) ranked.emplace_back(-n, film);
    std::sort(ranked.begin(), ranked.end());
    std::set<int> top50;
    for (size_t r = 0; r < 50; ++r) top50.insert(ranked[r].second);
    double popular = 0, listed = 0;
    std::set<int> distinct;
    for (const auto& [user, films] : lists) {
        if (!people.count(user)) continue;
        for (int film : films) popular += static_cast<double>(top50.count(film)), ++listed, distinct.insert(film);
    }
    return {popular / listed, static_cast<double>(distinct.size()) / static_cast<double>(count.size())};
}

// The people with a held-out rating of 4 or more: those every figure is averaged over.
std::set<int> measured(const std::map<int, std::map<int, double>>& held_out) {
    std::set<int> people;
    for (const auto& [user, films] : held_out)
        for (const auto& [film, stars] : films)
            if (stars >= 4.0) people.insert(user);
    return people;
}

double json_figure(const std::string& json, const std::string& model, const std::string& key) {
    const size_t from = json.find("\"" + model + "\": {");
    const size_t at = json.find("\"" + key + "\": ", from);
    if (from == std::string::npos || at == std::string::npos) {
        ADD_FAILURE() << model << "." << key << " missing in " << json;
        return NAN;
    }
    return std::stod(json.substr(at + key.size() + 4));
}

std::string export_to(const std::string& args, const std::string& name) {
    const std::string dir = ::testing::TempDir() + name;
    int status = -1;
    const std::string out = run("export " + args + " --topn " + dir + "-topn.csv --predictions " + dir + "-predictions.csv", &status);
    EXPECT_EQ(status, 0) << out;
    return dir;
}

// `--model NAME`, or nothing for the default list; and the name eval's JSON gives its figures.
std::string model_flag(const std::string& model) { return model.empty() ? "" : " --model " + model; }
std::string json_name(const std::string& model) { return model.empty() ? "choice" : model; }

TEST(Export, TheSplitsListsScoreWhatEvalReportsForEveryModelAndTheDefault) {
    const std::string split = "--data " + kData + " --train " + kSplit + "/train.csv --test " + kSplit + "/test.csv --model-file " +
                              reel_test::saved_model_file(reel_test::Trained::canonical);
    const std::string json = run("eval " + split + " --json");
    const auto train = ratings_of(kSplit + "/train.csv"), test = ratings_of(kSplit + "/test.csv");
    for (const std::string model : {"rating", "ranking", "implicit", "popularity", ""}) {
        const std::string dir = export_to(split + model_flag(model), "warm-" + json_name(model));
        const auto lists = lists_of(dir + "-topn.csv");
        EXPECT_EQ(lists.size(), train.size()) << "a list for every user in train";
        for (const auto& [user, films] : lists) {
            ASSERT_EQ(films.size(), 10u) << model << ", user " << user;
            for (int film : films)
                EXPECT_EQ(train.at(user).count(film), 0u) << model << " listed a film user " << user << " rated in train";
        }
        EXPECT_NEAR(recall_at_10(lists, test), json_figure(json, json_name(model), "recall10"), 1e-12) << model;
        const auto [share, coverage] = top50_share_and_coverage(lists, measured(test), train);
        EXPECT_NEAR(share, json_figure(json, json_name(model), "top50_share"), 1e-12) << model;
        EXPECT_NEAR(coverage, json_figure(json, json_name(model), "coverage"), 1e-12) << model;
    }
}

TEST(Export, TheSplitsPredictionsGiveTheRmseEvalReports) {
    const std::string split = "--data " + kData + " --train " + kSplit + "/train.csv --test " + kSplit + "/test.csv --model-file " +
                              reel_test::saved_model_file(reel_test::Trained::canonical);
    const std::string json = run("eval " + split + " --json");
    const std::string dir = export_to(split, "warm-predictions");
    const auto predicted = ratings_of(dir + "-predictions.csv"), test = ratings_of(kSplit + "/test.csv");
    double sq = 0;
    size_t n = 0;
    for (const auto& [user, films] : test)
        for (const auto& [film, stars] : films) {
            const double e = stars - predicted.at(user).at(film);
            sq += e * e, ++n;
        }
    EXPECT_NEAR(std::sqrt(sq / static_cast<double>(n)), json_figure(json, "rating", "rmse"), 1e-5);  // predictions carry 6 decimals
}

TEST(Export, NewVisitorsListsScoreWhatEvalReportsFromAWholeProfileAndFromFiveRatings) {
    const std::string base = "--data " + kData + " --train " + kCold + "/train.csv --test " + kCold + "/hidden.csv --model-file " +
                             reel_test::saved_model_file(reel_test::Trained::cold);
    const auto hidden = ratings_of(kCold + "/hidden.csv"), profile = ratings_of(kCold + "/profile.csv"),
               train = ratings_of(kCold + "/train.csv");
    for (const std::string& part :
         {"--profile " + kCold + "/profile.csv", "--profile " + kCold + "/profile_n5.csv --exclude " + kCold + "/profile.csv"}) {
        const std::string json = run("eval " + base + " " + part + " --json");
        // No --model: the default list, the registry's choice for each visitor's profile re-ranked.
        for (const std::string model : {"ranking", "implicit", "popularity", ""}) {
            const auto lists = lists_of(export_to(base + " " + part + model_flag(model), "cold-" + json_name(model)) + "-topn.csv");
            EXPECT_EQ(lists.size(), profile.size());
            for (const auto& [user, films] : lists)
                for (int film : films)
                    EXPECT_EQ(profile.at(user).count(film), 0u) << model << " listed a film in visitor " << user << "'s profile";
            const std::string name = json_name(model);
            EXPECT_NEAR(recall_at_10(lists, hidden), json_figure(json, name, "recall10"), 1e-12) << name << " " << part;
            const auto [share, coverage] = top50_share_and_coverage(lists, measured(hidden), train);
            EXPECT_NEAR(share, json_figure(json, name, "top50_share"), 1e-12) << name << " " << part;
            EXPECT_NEAR(coverage, json_figure(json, name, "coverage"), 1e-12) << name << " " << part;
        }
    }
}

}  // namespace
