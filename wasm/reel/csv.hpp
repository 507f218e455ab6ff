// A strict CSV reader over bytes in memory (RFC 4180 quoting; LF, CRLF or lone CR; BOM).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace reel {

struct CsvRecord {
    size_t line = 0;  // 1-based line where the record starts (the header is line 1)
    std::vector<std::string> fields;
};

class CsvReader {
public:
    // Reads the header; throws reel::Error if there is none.
    CsvReader(std::string_view bytes, std::string_view file);
    // Whole records that follow ones `before` read, from its next line on: a file read in pieces.
    CsvReader(std::string_view bytes, const CsvReader& before);

    // The next record, skipping blank lines; false at the end. Throws reel::Error naming the
    // file and line for an unclosed quote (the line where it opened), text after a closing
    // quote, a stray quote, or a field count that differs from the header's.
    bool next(CsvRecord& record);

    // A record next() refused, for a reader that lists it and reads on (a visitor's import;
    // MovieLens's files are refused whole): the line the refusal names, and why, without the
    // file and line. skip_unreadable() goes on after it: from the line after the one named, or
    // after the record when it was read to its end with a wrong field count. Only after a refusal.
    struct Unreadable {
        size_t line = 0;
        std::string reason;
    };
    const Unreadable& unreadable() const { return unreadable_; }
    void skip_unreadable();

    // The position of a column found by its header name; throws naming the columns there are,
    // or when two columns share the name.
    size_t column(std::string_view name) const;
    int optional_column(std::string_view name) const;  // -1 when absent

    // "ratings.csv line 12", for messages about a record's contents.
    std::string where(size_t line) const;
    size_t line() const { return line_; }  // where the next record would start

private:
    bool read_record(CsvRecord& record);
    // Refuses the record being read: names `line`, notes where reading could go on (the line
    // after the one holding byte `resume`; npos: after the record, already read whole).
    [[noreturn]] void refuse(size_t line, size_t resume, const std::string& reason);

    std::string_view bytes_;
    std::string file_;
    size_t pos_ = 0, line_ = 1;
    Unreadable unreadable_;
    size_t resume_ = std::string_view::npos;
    bool refused_ = false;
    std::vector<std::string> header_;
};

}  // namespace reel
