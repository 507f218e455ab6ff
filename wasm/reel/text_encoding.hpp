// A visitor's file as UTF-8 whatever saved it: Excel on Windows writes a CSV in Windows-1252
// unless told otherwise, and "Amélie" then arrives as the single byte 0xE9.
#pragma once
#include <string>
#include <string_view>

namespace reel {

// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view bytes);

// Windows-1252 (Latin-1 with “smart quotes”, dashes and € in 0x80–0x9F) as UTF-8; the five bytes
// that code page leaves undefined become U+FFFD.
std::string utf8_from_windows1252(std::string_view bytes);

}  // namespace reel
