// The CSV reader on tiny inline files: quoting, line endings, BOM, header lookup, errors.
#include <gtest/gtest.h>

#include "csv.hpp"
#include "error.hpp"

using reel::CsvReader;
using reel::CsvRecord;

namespace {
std::vector<CsvRecord> all(std::string_view text) {
    CsvReader csv(text, "t.csv");
    std::vector<CsvRecord> out;
    CsvRecord r;
    while (csv.next(r)) out.push_back(r);
    return out;
}
std::string error_of(std::string_view text) {
    try {
        all(text);
    } catch (const reel::Error& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST(Csv, QuotedFieldsKeepCommasAndDoubledQuotes) {
    const auto rows = all("id,title\n1,\"Heat, The (1995)\"\n2,\"He said \"\"hi\"\"\"\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].fields[1], "Heat, The (1995)");
    EXPECT_EQ(rows[1].fields[1], "He said \"hi\"");
}

TEST(Csv, EveryLineEndingAndNoFinalNewline) {
    for (std::string_view text : {"a,b\n1,2\n3,4", "a,b\r\n1,2\r\n3,4\r\n", "a,b\r1,2\r3,4\r"}) {
        const auto rows = all(text);
        ASSERT_EQ(rows.size(), 2u) << text;
        EXPECT_EQ(rows[1].fields[0], "3");
        EXPECT_EQ(rows[1].fields[1], "4");
        EXPECT_EQ(rows[1].line, 3u);
    }
}

TEST(Csv, ByteOrderMarkIsSkippedSoTheFirstColumnIsFoundByName) {
    CsvReader csv("\xEF\xBB\xBFuserId,movieId\n1,2\n", "t.csv");
    EXPECT_EQ(csv.column("userId"), 0u);
}

TEST(Csv, ColumnsAreFoundByNameInAnyOrder) {
    CsvReader csv("rating,movieId,userId\n4.0,10,3\n", "t.csv");
    EXPECT_EQ(csv.column("userId"), 2u);
    EXPECT_EQ(csv.optional_column("timestamp"), -1);
    try {
        csv.column("title");
        FAIL();
    } catch (const reel::Error& e) {
        EXPECT_STREQ(e.what(), "t.csv line 1: no 'title' column in the header (found: rating, movieId, userId)");
    }
}

TEST(Csv, QuotedNewlinesCountTowardLineNumbers) {
    const auto rows = all("a,b\n1,\"two\nlines\"\n3,4\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].fields[1], "two\nlines");
    EXPECT_EQ(rows[1].line, 4u);
}

TEST(Csv, BlankLinesAreSkipped) { EXPECT_EQ(all("a,b\n\n1,2\n\n\n3,4\n\n").size(), 2u); }

TEST(Csv, MalformedInputNamesFileAndLine) {
    EXPECT_EQ(error_of("a,b\n1,2\n3,\"open\n"), "t.csv line 3: a quoted field is never closed");
    EXPECT_EQ(error_of("a,b\n1,\"x\"y\n"), "t.csv line 2: unexpected text after a closing quote");
    EXPECT_EQ(error_of("a,b\n1,2,3\n"), "t.csv line 2: expected 2 fields, found 3");
    EXPECT_EQ(error_of("a,b\n1,x\"y\n"), "t.csv line 2: a quote inside an unquoted field");
    EXPECT_EQ(error_of(""), "t.csv: the file is empty (no header line)");
}
