// Where the real-data tests find MovieLens and its splits: $REEL_DATA and $REEL_SPLITS, which
// scripts/test sets from scripts/data (so a clone without ../shared works), else ../shared.
#pragma once
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace reel_test {

inline std::string env_or(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

inline const std::string& data_dir() {
    static const std::string dir = env_or("REEL_DATA", std::string(REEL_SHARED_DATA) + "/ml-latest-small");
    return dir;
}
inline const std::string& splits_dir() {
    static const std::string dir = env_or("REEL_SPLITS", std::string(REEL_SHARED_DATA) + "/splits");
    return dir;
}
inline std::string canonical_split() { return splits_dir() + "/ml-latest-small-80-20-s42"; }
inline std::string cold_split() { return splits_dir() + "/ml-latest-small-cold-s42"; }

// The new-visitor split's bars were set on the shared one (made by NumPy); a clone without it
// gets Reel's own split of the same shape (reel split --cold), held to looser bars.
inline bool cold_split_is_shared() {
    std::ifstream in(cold_split() + "/README.md");
    std::string first;
    std::getline(in, first);
    return first == "# ml-latest-small-cold-s42";
}

}  // namespace reel_test
