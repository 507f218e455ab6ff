// Plain std::thread slices: the work units are coarse (a block of SGD, a few thousand users),
// so a pool would save nothing measurable.
#include "parallel.hpp"

#include <algorithm>
#include <vector>
#ifndef __EMSCRIPTEN__
#include <thread>
#endif

namespace reel {

int hardware_threads() {
#ifdef __EMSCRIPTEN__
    return 1;
#else
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
#endif
}

void for_slices(size_t count, const std::function<void(size_t, size_t)>& body, int threads, size_t min_count) {
    const size_t slices = std::min(count, static_cast<size_t>(std::max(1, threads)));
#ifdef __EMSCRIPTEN__
    (void)slices, (void)min_count;
    body(0, count);
#else
    if (slices <= 1 || count < min_count) return body(0, count);
    std::vector<std::thread> pool;
    for (size_t t = 1; t < slices; ++t) {
        const size_t begin = count * t / slices, end = count * (t + 1) / slices;
        pool.emplace_back([&body, begin, end] { body(begin, end); });
    }
    body(0, count / slices);  // the calling thread takes the first slice
    for (std::thread& t : pool) t.join();
#endif
}

}  // namespace reel
