// What the tests share: where the real data is ($REEL_DATA and $REEL_SPLITS, which scripts/test
// sets from scripts/data so a clone without ../shared works, else ../shared), reading a file,
// running the CLI, and catching an engine error's message.
#pragma once
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "error.hpp"

namespace reel_test {

inline std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The CLI with `args`, stdout and stderr together; `status` gets its exit code.
inline std::string run(const std::string& args, int* status = nullptr) {
    FILE* p = popen((std::string(REEL_CLI) + " " + args + " 2>&1").c_str(), "r");
    std::string out;
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int s = pclose(p);
    if (status) *status = WEXITSTATUS(s);
    return out;
}

// The message of the reel::Error that `f` throws, or "" when it throws none.
inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const reel::Error& e) {
        return e.what();
    }
    return "";
}

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
// The same, as the tests' constants.
inline const std::string kData = data_dir();
inline const std::string kSplit = canonical_split();
inline const std::string kCold = cold_split();

// The new-visitor split's bars were set on the shared one (made by NumPy); a clone without it
// gets Reel's own split of the same shape (reel split --cold), held to looser bars.
inline bool cold_split_is_shared() {
    std::ifstream in(cold_split() + "/README.md");
    std::string first;
    std::getline(in, first);
    return first == "# ml-latest-small-cold-s42";
}

}  // namespace reel_test
