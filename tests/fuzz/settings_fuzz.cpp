// libFuzzer: Settings::set on any text and any double. Whatever it accepts is finite, in range,
// whole where it must be, and reads back as the engine will read it.
#include <cmath>
#include <vector>

#include "fuzz.hpp"
#include "models.hpp"
#include "settings.hpp"

namespace {

void check_all(const reel::Settings& s) {
    for (const reel::Settings::Entry& e : s.entries()) {
        REEL_CHECK(std::isfinite(e.value) && e.value >= e.spec->min && e.value <= e.spec->max);
        if (e.spec->kind != reel::SettingKind::Real) {
            REEL_CHECK(e.value == std::floor(e.value));
            if (e.spec->max <= 2147483647.0) REEL_CHECK(s.whole(e.name) == static_cast<int>(e.value));
        }
        if (e.spec->kind == reel::SettingKind::Lanes) REEL_CHECK(static_cast<long long>(e.value) % 4 == 0);
        const std::string text = reel::setting_text(e.value);
        REEL_CHECK(std::strtod(text.c_str(), nullptr) == e.value);  // the shortest text reads back exactly
    }
    (void)s.seed();
}

}  // namespace

// Each input line is one assignment: "name=value" as typed, "#N value" for the Nth setting's
// name with that value text, or "@N" and 8 bytes for the Nth setting set to those bits.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const reel::Settings defaults = reel::default_settings();
    reel::Settings s = defaults;
    const std::vector<reel::Settings::Entry>& entries = defaults.entries();
    std::string_view rest = fuzz::text(data, size);
    while (!rest.empty()) {
        const size_t end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        try {
            if (line.size() >= 2 && line[0] == '@') {
                double v = 0;
                std::memcpy(&v, line.substr(2).data(), std::min(sizeof v, line.size() - 2));
                s.set(entries[static_cast<unsigned char>(line[1]) % entries.size()].name, v);
            } else if (line.size() >= 2 && line[0] == '#') {
                s.set(entries[static_cast<unsigned char>(line[1]) % entries.size()].name + "=" + std::string(line.substr(2)));
            } else {
                s.set(line);
            }
        } catch (const reel::Error& e) {
            fuzz::check_message(e);
        }
        check_all(s);
    }
    return 0;
}
