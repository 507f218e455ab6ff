// A visitor's file as UTF-8 whatever saved it: Excel on Windows writes a CSV in Windows-1252
// unless told otherwise, and "Amélie" then arrives as the single byte 0xE9.
#pragma once
#include <string>
#include <string_view>

namespace reel {

// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view bytes);

// `bytes` as UTF-8: each well-formed UTF-8 sequence as it is, and each other byte read as
// Windows-1252 (Latin-1 with “smart quotes”, dashes and € in 0x80–0x9F; the five bytes that code
// page leaves undefined become U+FFFD). So a file in Windows-1252 reads as meant, and one UTF-8
// file with a stray byte keeps every other accent.
std::string utf8_repaired(std::string_view bytes);

}  // namespace reel
