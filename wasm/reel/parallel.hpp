// Work split over the hardware threads natively and run in one thread in WebAssembly (GitHub
// Pages cannot serve what wasm threads need); callers make results independent of the split.
#pragma once
#include <cstddef>
#include <functional>

namespace reel {

// Threads natively (at least 1); 1 in WebAssembly.
int hardware_threads();

// Runs body(begin, end) over [0, count) in contiguous slices, several per thread, taken by up
// to `threads` threads as each comes free, and all at once when count < min_count; body must
// touch only its own slice's results, so they do not depend on which thread ran which slice.
void for_slices(size_t count, const std::function<void(size_t, size_t)>& body, int threads = hardware_threads(), size_t min_count = 64);

}  // namespace reel
