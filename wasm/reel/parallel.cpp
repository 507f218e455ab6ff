// Plain std::thread workers taking slices in turn: the work units are coarse (a block of SGD,
// a few hundred users), so a pool would save nothing measurable.
#include "parallel.hpp"

#include <algorithm>
#include <atomic>
#include <vector>
#ifndef __EMSCRIPTEN__
#include <thread>
#endif

namespace reel {

namespace {
constexpr size_t kSlicesPerThread = 8;
}  // namespace

int hardware_threads() {
#ifdef __EMSCRIPTEN__
    return 1;
#else
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
#endif
}

void for_slices(size_t count, const std::function<void(size_t, size_t)>& body, int threads, size_t min_count) {
    const size_t workers = std::min(count, static_cast<size_t>(std::max(1, threads)));
#ifdef __EMSCRIPTEN__
    (void)workers, (void)min_count;
    body(0, count);
#else
    if (workers <= 1 || count < min_count) return body(0, count);
    // Several slices a thread, each taken by whichever thread comes free: items cost unequal
    // work (a popular film has thousands of likers, a rare one ten), and two fixed halves
    // leave one thread idle while the other finishes the heavy one.
    const size_t slices = std::min(count, workers * kSlicesPerThread);
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t s = next++; s < slices; s = next++) body(count * s / slices, count * (s + 1) / slices);
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < workers; ++t) pool.emplace_back(work);
    work();  // the calling thread works too
    for (std::thread& t : pool) t.join();
#endif
}

}  // namespace reel
