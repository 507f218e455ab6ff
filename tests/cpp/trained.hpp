// The trained models the real-data tests share. Training every model on MovieLens is the slow
// part of those tests, so each of the three datasets below is trained once and saved through
// Engine::save(); every other test that needs it restores those bytes (Engine::restore), which
// gives the same models bit for bit (save_test.cpp checks the round trip).
//
// $REEL_TEST_MODELS names a folder that keeps the saved files across processes: scripts/test
// makes a new one for each run, so CTest's separate processes and the sanitizer build restore
// what the first test binary trained. Never point it at a folder kept between builds: a file
// saved by older code would be restored as if this code had trained it. Without it, each test
// process trains each dataset the first time a test asks.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "engine.hpp"
#include "support.hpp"

namespace reel_test {

enum class Trained {
    canonical,  // the canonical 80/20 split (train.csv, test.csv), as evaluation.md measures
    page,       // all of latest-small split 80/20 by seed 42, as the page and `reel train` do
    cold,       // the new-visitor split's train.csv, nothing held out
};

inline const char* name_of(Trained which) {
    switch (which) {
        case Trained::canonical:
            return "canonical";
        case Trained::page:
            return "page";
        case Trained::cold:
            return "cold";
    }
    return "?";
}

// The dataset alone, untrained, at the default settings unless others are given.
inline reel::Engine loaded(Trained which, const reel::Settings& settings = reel::default_settings()) {
    const std::string movies = read(data_dir() + "/movies.csv");
    reel::Engine e(settings);
    switch (which) {
        case Trained::canonical:
            e.load_split(movies, read(canonical_split() + "/train.csv"), read(canonical_split() + "/test.csv"));
            break;
        case Trained::page:
            e.load(movies, read(data_dir() + "/ratings.csv"), 42);
            break;
        case Trained::cold:
            e.load_split(movies, read(cold_split() + "/train.csv"), "");
            break;
    }
    return e;
}

// Where the saved models are kept: $REEL_TEST_MODELS, else a folder of this process's own,
// removed when it exits.
inline const std::string& models_dir() {
    struct Own {
        std::string dir;
        Own() {
            std::string pattern = ::testing::TempDir() + "reel-models-XXXXXX";
            dir = mkdtemp(pattern.data()) ? pattern : ::testing::TempDir();
        }
        ~Own() {
            for (const char* name : {"canonical", "page", "cold"}) {
                std::remove((dir + "/" + name + ".reel").c_str());
                std::remove((dir + "/" + name + ".reel.lock").c_str());
            }
            rmdir(dir.c_str());
        }
    };
    static const std::string dir = env_or("REEL_TEST_MODELS", "");
    if (!dir.empty()) return dir;
    static const Own own;
    return own.dir;
}

// The file that holds `which`'s saved models, written by saved_models(); a test may hand it to
// the CLI's --model-file.
inline std::string model_file(Trained which) { return models_dir() + "/" + name_of(which) + ".reel"; }

// `which`'s every model as Engine::save() gives them: read from model_file() when a process of
// this run has trained them already, else trained here and written there for the others.
inline const std::string& saved_models(Trained which) {
    static std::string bytes[3];
    std::string& b = bytes[static_cast<int>(which)];
    if (!b.empty()) return b;
    const std::string file = model_file(which);
    // Shard processes start together: one trains a dataset while the others wait for its file.
    const int lock = ::open((file + ".lock").c_str(), O_CREAT | O_RDWR, 0644);
    if (lock >= 0) ::flock(lock, LOCK_EX);
    b = read(file);
    if (b.empty()) {
        reel::Engine e = loaded(which);
        e.train();
        b = e.save();
        // Written aside and renamed, so a process reading at the same time never sees half a file.
        const std::string part = file + ".part" + std::to_string(getpid());
        std::ofstream(part, std::ios::binary) << b;
        std::rename(part.c_str(), file.c_str());
    }
    if (lock >= 0) ::close(lock);  // and with it the lock
    return b;
}

// The file of `which`'s saved models, for the CLI's --model-file.
inline std::string saved_model_file(Trained which) {
    saved_models(which);
    return model_file(which);
}

// A new engine on `which`'s data with every model restored: the test's own to change.
// (A model file keeps the settings that made its models; how they are served stays the engine's own.)
inline reel::Engine restored(Trained which, const reel::Settings& settings = reel::default_settings()) {
    reel::Engine e = loaded(which, settings);
    e.restore(saved_models(which), model_file(which));
    return e;
}

// One engine per dataset for every test of this process that only asks questions of it.
inline const reel::Engine& shared(Trained which) {
    static std::unique_ptr<reel::Engine> engines[3];
    std::unique_ptr<reel::Engine>& e = engines[static_cast<int>(which)];
    if (!e) e = std::make_unique<reel::Engine>(restored(which));
    return *e;
}

// The figures `name`'s model got in an evaluation.
inline const reel::ModelFigures& model_figures(const reel::Figures& f, const std::string& name) {
    for (const reel::ModelFigures& m : f.models)
        if (m.spec->name == name) return m;
    throw std::runtime_error("no figures for " + name);
}

}  // namespace reel_test
