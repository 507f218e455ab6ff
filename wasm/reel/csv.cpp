// One pass over the bytes as a small state machine; each field is copied out once.
#include "csv.hpp"

#include "error.hpp"

namespace reel {

CsvReader::CsvReader(std::string_view bytes, std::string_view file) : bytes_(bytes), file_(file) {
    if (bytes_.substr(0, 3) == "\xEF\xBB\xBF") bytes_.remove_prefix(3);
    CsvRecord header;
    if (!read_record(header)) throw Error(file_ + ": the file is empty (no header line)");
    header_ = std::move(header.fields);
}

CsvReader::CsvReader(std::string_view bytes, const CsvReader& before)
    : bytes_(bytes), file_(before.file_), line_(before.line_), header_(before.header_) {}

std::string CsvReader::where(size_t line) const { return file_ + " line " + std::to_string(line); }

bool CsvReader::next(CsvRecord& record) {
    refused_ = false;
    if (!read_record(record)) return false;
    if (record.fields.size() != header_.size())
        refuse(record.line, std::string_view::npos,
               "expected " + std::to_string(header_.size()) + " fields, found " + std::to_string(record.fields.size()));
    return true;
}

void CsvReader::refuse(size_t line, size_t resume, const std::string& reason) {
    unreadable_ = {line, reason};
    resume_ = resume;
    refused_ = true;
    throw Error(where(line) + ": " + reason);
}

void CsvReader::skip_unreadable() {
    if (!refused_) return;
    refused_ = false;
    if (resume_ == std::string_view::npos) return;  // the record was read to its end
    const std::string_view s = bytes_;
    const size_t end = s.find_first_of("\r\n", resume_);
    pos_ = end == std::string_view::npos ? s.size() : end + (s.compare(end, 2, "\r\n") == 0 ? 2 : 1);
    line_ = unreadable_.line + 1;
}

bool CsvReader::read_record(CsvRecord& rec) {
    const std::string_view s = bytes_;
    auto at_line_end = [&](size_t p) { return p >= s.size() || s[p] == ',' || s[p] == '\n' || s[p] == '\r'; };
    // Blank lines between records are skipped, and so are lines of spaces or tabs alone (an
    // editor's leftover, which as a record would be one field against the header's many).
    for (;;) {
        size_t p = pos_;
        while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
        if (p < s.size() && s[p] != '\n' && s[p] != '\r') break;
        pos_ = p;
        if (pos_ >= s.size()) break;
        if (s[pos_] == '\r' && pos_ + 1 < s.size() && s[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
    }
    if (pos_ >= s.size()) return false;
    rec.line = line_;
    rec.fields.clear();
    std::string field;
    for (;;) {
        field.clear();
        if (s[pos_] == '"') {
            const size_t opened = line_, quote = pos_;
            ++pos_;
            for (;;) {
                if (pos_ >= s.size()) refuse(opened, quote, "a quoted field is never closed");
                const char c = s[pos_++];
                if (c == '"') {
                    if (pos_ < s.size() && s[pos_] == '"') {
                        field += '"';  // a doubled quote stands for one
                        ++pos_;
                        continue;
                    }
                    break;
                }
                if (c == '\n' || (c == '\r' && (pos_ >= s.size() || s[pos_] != '\n'))) ++line_;
                field += c;
            }
            if (!at_line_end(pos_)) {
                size_t end = pos_;
                while (!at_line_end(end)) ++end;
                const std::string after = quoted(s.substr(pos_, end - pos_));
                // A field that ran on past its line most likely lost its closing quote where it
                // opened, and the quote found later opens another field: name the line it opened.
                if (line_ > opened)
                    refuse(opened, quote,
                           "a quoted field opened here is never closed properly (it runs on to line " + std::to_string(line_) + ", where " +
                               after + " follows a quote)");
                refuse(line_, pos_, "unexpected text " + after + " after a closing quote");
            }
        } else {
            const size_t start = pos_;
            for (; !at_line_end(pos_); ++pos_)
                if (s[pos_] == '"') refuse(line_, pos_, "a quote inside an unquoted field");
            field.assign(s.substr(start, pos_ - start));
        }
        rec.fields.push_back(field);
        if (pos_ >= s.size()) return true;  // no final newline
        const char c = s[pos_++];
        if (c == ',') {
            if (pos_ >= s.size())
                rec.fields.emplace_back();  // a trailing comma ends in an empty field
            else
                continue;
            return true;
        }
        if (c == '\r' && pos_ < s.size() && s[pos_] == '\n') ++pos_;
        ++line_;
        return true;
    }
}

int CsvReader::optional_column(std::string_view name) const {
    int found = -1;
    for (size_t c = 0; c < header_.size(); ++c) {
        if (header_[c] != name) continue;
        // Two columns of one name: reading either would be a guess.
        if (found >= 0) throw Error(where(1) + ": the header has two " + quoted(name) + " columns");
        found = static_cast<int>(c);
    }
    return found;
}

size_t CsvReader::column(std::string_view name) const {
    const int c = optional_column(name);
    if (c >= 0) return static_cast<size_t>(c);
    // A header line can be anything, even one huge field: list only the first few columns.
    constexpr size_t kListed = 8;
    std::string found;
    for (size_t h = 0; h < header_.size() && h < kListed; ++h) found += (h ? ", " : "") + quoted(header_[h], 40);
    if (header_.size() > kListed) found += ", … " + std::to_string(header_.size()) + " columns in all";
    throw Error(where(1) + ": no " + quoted(name) + " column in the header (found: " + found + ")");
}

}  // namespace reel
