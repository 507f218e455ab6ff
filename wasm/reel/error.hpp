// The one exception type of the engine: a message a person can read, naming what and where.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace reel {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A value as a message quotes it: in single quotes, control bytes written as \n, \0, \xNN (a NUL
// would end the message early wherever it becomes a C string), and cut after `limit` bytes
// with "…" so a 50 MB field cannot flood a terminal.
std::string quoted(std::string_view text, size_t limit = 60);

// `text` cut after `limit` bytes, never inside a UTF-8 sequence, with "…" when cut.
std::string cut(std::string_view text, size_t limit);

}  // namespace reel
