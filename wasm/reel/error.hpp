// The one exception type of the engine: a message a person can read, naming what and where.
#pragma once
#include <stdexcept>
#include <string>

namespace reel {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace reel
