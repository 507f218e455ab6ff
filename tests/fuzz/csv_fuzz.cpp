// libFuzzer: the CSV reader on any bytes. Records come with rising line numbers within the file,
// and what it reads, written back fully quoted, reads back the same. Read as an import reads,
// passing over each unreadable record, it always moves on and reads the same records when none is.
#include <string>
#include <vector>

#include "csv.hpp"
#include "fuzz.hpp"

namespace {

using Records = std::vector<std::vector<std::string>>;

Records read_all(std::string_view bytes, size_t line_breaks) {
    reel::CsvReader csv(bytes, "fuzz.csv");
    Records records;
    reel::CsvRecord rec;
    size_t last = 1;  // the header's line at least
    while (csv.next(rec)) {
        REEL_CHECK(rec.line > last);
        REEL_CHECK(rec.line <= line_breaks + 1);
        last = rec.line;
        records.push_back(rec.fields);
    }
    (void)csv.optional_column("userId");
    return records;
}

// As a visitor's import reads (imports.cpp): each unreadable record passed over. Every record
// read or refused is on a later line than the one before, so the reading ends.
Records read_past_unreadable(std::string_view bytes, size_t line_breaks, size_t& unreadable) {
    reel::CsvReader csv(bytes, "fuzz.csv");
    Records records;
    reel::CsvRecord rec;
    size_t last = 1;
    for (;;) {
        size_t at = 0;  // the line of the record read, or the line its refusal names
        try {
            if (!csv.next(rec)) break;
            records.push_back(rec.fields);
            at = rec.line;
        } catch (const reel::Error& e) {
            fuzz::check_message(e);
            ++unreadable;
            at = csv.unreadable().line;
            REEL_CHECK(std::string(e.what()).find(csv.unreadable().reason) != std::string::npos);
            csv.skip_unreadable();
        }
        REEL_CHECK(at > last);
        REEL_CHECK(at <= line_breaks + 1);
        last = at;
    }
    return records;
}

size_t line_breaks(std::string_view s) {
    size_t n = 0;
    for (size_t p = 0; p < s.size(); ++p) n += s[p] == '\n' || (s[p] == '\r' && (p + 1 == s.size() || s[p + 1] != '\n'));
    return n;
}

// Every field in quotes, quotes doubled, under a header of as many columns.
std::string quoted_csv(const Records& records) {
    std::string out;
    auto line = [&](const std::vector<std::string>& fields) {
        for (size_t f = 0; f < fields.size(); ++f) {
            out += f ? ",\"" : "\"";
            for (const char c : fields[f]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
            out += '"';
        }
        out += '\n';
    };
    line(std::vector<std::string>(records.front().size(), "h"));
    for (const auto& r : records) line(r);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes = fuzz::text(data, size);
    Records records, past;
    size_t unreadable = 0;
    try {
        past = read_past_unreadable(bytes, line_breaks(bytes), unreadable);
        records = read_all(bytes, line_breaks(bytes));
    } catch (const reel::Error& e) {
        fuzz::check_message(e);
        return 0;
    }
    REEL_CHECK(unreadable == 0 && past == records);
    if (records.empty()) return 0;
    const std::string again = quoted_csv(records);
    REEL_CHECK(read_all(again, line_breaks(again)) == records);
    return 0;
}
