// Quoting untrusted values for messages.
#include "error.hpp"

namespace reel {

namespace {
std::string_view prefix(std::string_view text, size_t limit) {
    if (text.size() <= limit) return text;
    text = text.substr(0, limit);
    // Do not end inside a UTF-8 sequence: drop continuation bytes and their lead.
    size_t end = text.size();
    while (end > 0 && (static_cast<unsigned char>(text[end - 1]) & 0xC0) == 0x80) --end;
    if (end > 0 && static_cast<unsigned char>(text[end - 1]) >= 0xC0) text = text.substr(0, end - 1);
    return text;
}
}  // namespace

std::string cut(std::string_view text, size_t limit) {
    return text.size() > limit ? std::string(prefix(text, limit)) + "…" : std::string(text);
}

std::string quoted(std::string_view text, size_t limit) {
    std::string out = "'";
    const bool was_cut = text.size() > limit;
    text = prefix(text, limit);
    for (const char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (c == 0)
            out += "\\0";
        else if (c < 0x20 || c == 0x7F) {
            static const char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    out += was_cut ? "…'" : "'";
    return out;
}

}  // namespace reel
