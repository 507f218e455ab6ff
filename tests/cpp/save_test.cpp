// Trained models as bytes: a round trip bit for bit, and a refusal (that changes nothing) for
// a damaged file, another format, or models trained on other data.
#include <gtest/gtest.h>

#include <functional>

#include "bytes.hpp"
#include "engine.hpp"
#include "error.hpp"
#include "model_file.hpp"
#include "synthetic.hpp"
#include "support.hpp"

namespace {
using reel_test::error_of;

reel::Engine loaded(uint64_t seed, const reel::Settings& settings = reel::default_settings()) {
    const auto d = reel::make_synthetic({});
    reel::Engine e(settings);
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
        if (!b.model(m->name).has_vectors()) continue;
        const auto s = a.similar(7, 5, m->name), t = b.similar(7, 5, m->name);
        for (size_t p = 0; p < s.size(); ++p) EXPECT_EQ(s[p].movie_id, t[p].movie_id);
    }
}

TEST(Save, TakesTheSettingsTheModelsWereTrainedWith) {
    reel::Settings s = reel::default_settings();
    s.set("rating.epochs=3");
    reel::Engine a = loaded(3, s);
    a.train();
    reel::Engine b = loaded(3);
    b.restore(a.save());
    EXPECT_EQ(b.settings().get("rating.epochs"), 3);
    EXPECT_EQ(b.model("rating").epochs_done(), 3);
}

TEST(Save, KeepsHowTheRestoringEngineServesTheModels) {
    // Saved with the symmetric co-liking and no re-ranking; restored by an engine that serves
    // both its own way: films like X and the default list follow the restoring engine.
    reel::Settings plain = reel::default_settings();
    plain.set("similar.asymmetry=0.5");
    plain.set("lists.calibration=0");
    plain.set("seed=3");
    reel::Engine a = loaded(3, plain);
    a.train();
    reel::Engine b = loaded(3);
    b.restore(a.save());
    EXPECT_EQ(b.settings().get("similar.asymmetry"), reel::default_settings().get("similar.asymmetry"));
    EXPECT_EQ(b.settings().get("lists.calibration"), reel::default_settings().get("lists.calibration"));
    EXPECT_EQ(b.settings().get("seed"), 3);  // what made the models comes from the file
    reel::Engine c = loaded(3, plain);
    c.restore(a.save());
    EXPECT_EQ(c.save(), a.save());  // the same serving settings: the very same file
    EXPECT_TRUE(reel::shapes_models("implicit.unobserved") && reel::shapes_models("seed"));
    EXPECT_FALSE(reel::shapes_models("similar.asymmetry") || reel::shapes_models("lists.calibration") ||
                 reel::shapes_models("implicitly") || reel::shapes_models("ranking.fold_in_epochs"));
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
    future[8] = 3;  // the format version
    EXPECT_EQ(error_of([&] { b.restore(resealed(future), "m.reel"); }),
              "m.reel is in format 3; this engine reads format 2: train the models again to save a new file");
    std::string first = bytes;
    first[8] = 1;  // a file of the first format, whose models stood one after another by position
    EXPECT_EQ(error_of([&] { b.restore(resealed(first), "m.reel"); }),
              "m.reel is in format 1; this engine reads format 2: train the models again to save a new file");
    std::string cut = resealed(bytes.substr(0, bytes.size() - 1000) + bytes.substr(bytes.size() - 8));
    EXPECT_NE(error_of([&] { b.restore(cut, "m.reel"); }).find("m.reel is cut short"), std::string::npos);
    for (const reel::ModelSpec* m : reel::model_specs())
        if (m->trains()) {
            EXPECT_FALSE(b.trained(m->name)) << m->name;
        }

    reel::Engine other = loaded(4);  // the same ratings split another way: other training data
    EXPECT_EQ(error_of([&] { other.restore(bytes, "m.reel"); }), "m.reel was trained on other data than the data loaded now");

    reel::Engine trained = loaded(3);
    trained.train();
    const std::string before = trained.save();
    EXPECT_NE(error_of([&] { trained.restore(flipped); }), "");
    EXPECT_EQ(trained.save(), before);  // a failed restore keeps the models it had
}

TEST(Save, AFileFromBeforeAModelWasAddedStillReadsAndOnlyThatModelTrains) {
    reel::Engine a = loaded(3);
    a.train();
    const std::string bytes = a.save();
    reel::ModelFile older = reel::read_model_file(bytes, "m.reel");
    ASSERT_NE(older.part("implicit"), nullptr);
    older.parts.erase(older.parts.begin() + 2);  // as if the implicit model had not existed when it was saved
    ASSERT_EQ(older.part("implicit"), nullptr);
    reel::Engine b = loaded(3);
    EXPECT_EQ(b.restore(reel::write_model_file(older), "m.reel"), std::vector<std::string>{"implicit"});
    EXPECT_TRUE(b.trained("rating"));
    EXPECT_TRUE(b.trained("ranking"));
    EXPECT_FALSE(b.trained("implicit"));
    b.train();  // trains the implicit model alone, with the same seed, so to the same bits
    EXPECT_EQ(b.save(), bytes);
}

TEST(Save, AModelOrSettingThisEngineDoesNotKnowIsRefusedPlainly) {
    reel::Engine a = loaded(3);
    a.train();
    reel::ModelFile newer = reel::read_model_file(a.save(), "m.reel");
    newer.parts.emplace_back("mystery", "");
    reel::Engine b = loaded(3);
    EXPECT_EQ(error_of([&] { b.restore(reel::write_model_file(newer), "m.reel"); }).substr(0, 71),
              "m.reel holds a model this engine does not know: unknown model 'mystery'");
    newer.parts.pop_back();
    newer.settings.emplace_back("rating.warmth", 1.0);
    EXPECT_NE(error_of([&] { b.restore(reel::write_model_file(newer), "m.reel"); }).find("m.reel: unknown setting"), std::string::npos)
        << error_of([&] { b.restore(reel::write_model_file(newer), "m.reel"); });
    EXPECT_FALSE(b.trained("rating"));
}
