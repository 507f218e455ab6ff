// Trained models as bytes: a round trip bit for bit, and a refusal (that changes nothing) for
// a damaged file, another format, or models trained on other data.
#include <gtest/gtest.h>

#include <functional>

#include "bytes.hpp"
#include "engine.hpp"
#include "error.hpp"
#include "synthetic.hpp"
#include "support.hpp"

namespace {
using reel_test::error_of;

reel::Engine loaded(uint64_t seed) {
    const auto d = reel::make_synthetic({});
    reel::Engine e;
    e.load(d.movies_csv, d.ratings_csv, seed);
    return e;
}

// The same bytes with a new checksum, as a file made by someone else would have.
std::string resealed(std::string bytes) {
    bytes.resize(bytes.size() - 8);
    reel::Fnv64 sum;
    sum.add(bytes);
    reel::ByteWriter tail;
    tail.u64(sum.value());
    return bytes + tail.bytes();
}

}  // namespace

TEST(Save, RoundTripsBitForBitAndAnswersAsBefore) {
    reel::Engine a = loaded(3);
    a.train();
    const std::string bytes = a.save();
    reel::Engine b = loaded(3);
    b.restore(bytes);
    for (const reel::ModelSpec* m : reel::model_specs()) EXPECT_TRUE(b.trained(m->name));
    EXPECT_EQ(b.save(), bytes);
    for (const reel::ModelSpec* m : reel::model_specs()) {
        const auto x = a.recommend(5, 10, m->name), y = b.recommend(5, 10, m->name);
        ASSERT_EQ(x.size(), y.size());
        for (size_t p = 0; p < x.size(); ++p) EXPECT_EQ(x[p].score, y[p].score);
        const auto s = a.similar(7, 5, m->name), t = b.similar(7, 5, m->name);
        for (size_t p = 0; p < s.size(); ++p) EXPECT_EQ(s[p].movie_id, t[p].movie_id);
    }
}

TEST(Save, TakesTheSettingsTheModelsWereTrainedWith) {
    reel::Settings s = reel::default_settings();
    s.set("rating.epochs=3");
    const auto d = reel::make_synthetic({});
    reel::Engine a(s);
    a.load(d.movies_csv, d.ratings_csv, 3);
    a.train();
    reel::Engine b = loaded(3);
    b.restore(a.save());
    EXPECT_EQ(b.settings().get("rating.epochs"), 3);
    EXPECT_EQ(b.model("rating").epochs_done(), 3);
}

TEST(Save, RefusesWhatItCannotTrustAndChangesNothing) {
    reel::Engine a = loaded(3);
    a.train();
    const std::string bytes = a.save();
    reel::Engine b = loaded(3);
    std::string flipped = bytes;
    flipped[bytes.size() / 2] ^= 0x10;
    EXPECT_EQ(error_of([&] { b.restore(flipped, "m.reel"); }), "m.reel is damaged (its checksum does not match)");
    EXPECT_EQ(error_of([&] { b.restore(bytes.substr(0, 20), "m.reel"); }), "m.reel is not a saved Reel model");
    EXPECT_EQ(error_of([&] { b.restore("PNG\r\n" + bytes, "m.reel"); }), "m.reel is not a saved Reel model");
    std::string future = bytes;
    future[8] = 2;  // the format version
    EXPECT_EQ(error_of([&] { b.restore(resealed(future), "m.reel"); }), "m.reel is in format 2; this engine reads format 1");
    std::string cut = resealed(bytes.substr(0, bytes.size() - 1000) + bytes.substr(bytes.size() - 8));
    EXPECT_NE(error_of([&] { b.restore(cut, "m.reel"); }).find("m.reel is cut short"), std::string::npos);
    for (const reel::ModelSpec* m : reel::model_specs()) EXPECT_FALSE(b.trained(m->name)) << m->name;

    reel::Engine other = loaded(4);  // the same ratings split another way: other training data
    EXPECT_EQ(error_of([&] { other.restore(bytes, "m.reel"); }), "m.reel was trained on other data than the data loaded now");

    reel::Engine trained = loaded(3);
    trained.train();
    const std::string before = trained.save();
    EXPECT_NE(error_of([&] { trained.restore(flipped); }), "");
    EXPECT_EQ(trained.save(), before);  // a failed restore keeps the models it had
}
