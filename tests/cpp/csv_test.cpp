// The CSV reader on tiny inline files: quoting, line endings, BOM, header lookup, errors.
#include <gtest/gtest.h>

#include <cstring>

#include "csv.hpp"
#include "error.hpp"

using reel::CsvReader;
using reel::CsvRecord;
using namespace std::string_literals;

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
        EXPECT_STREQ(e.what(), "t.csv line 1: no 'title' column in the header (found: 'rating', 'movieId', 'userId')");
    }
}

TEST(Csv, QuotedNewlinesCountTowardLineNumbers) {
    const auto rows = all("a,b\n1,\"two\nlines\"\n3,4\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].fields[1], "two\nlines");
    EXPECT_EQ(rows[1].line, 4u);
}

TEST(Csv, BlankLinesAreSkipped) { EXPECT_EQ(all("a,b\n\n1,2\n\n\n3,4\n\n").size(), 2u); }

// A line of spaces or tabs alone is blank too (it was one field against the header's two), and
// line numbers still count it; a field of spaces in a record is kept as it is.
TEST(Csv, LinesOfSpacesAloneAreSkippedAndCounted) {
    reel::CsvReader csv("a,b\n1,2\n   \n\t \r\n3, \n  ", "f.csv");
    reel::CsvRecord rec;
    ASSERT_TRUE(csv.next(rec));
    EXPECT_EQ(rec.line, 2u);
    ASSERT_TRUE(csv.next(rec));
    EXPECT_EQ(rec.line, 5u);
    EXPECT_EQ(rec.fields, (std::vector<std::string>{"3", " "}));
    EXPECT_FALSE(csv.next(rec));
}

TEST(Csv, MalformedInputNamesFileAndLine) {
    EXPECT_EQ(error_of("a,b\n1,2\n3,\"open\n"), "t.csv line 3: a quoted field is never closed");
    EXPECT_EQ(error_of("a,b\n1,\"x\"y\n"), "t.csv line 2: unexpected text 'y' after a closing quote");
    EXPECT_EQ(error_of("a,b\n1,2,3\n"), "t.csv line 2: expected 2 fields, found 3");
    EXPECT_EQ(error_of("a,b\n1,x\"y\n"), "t.csv line 2: a quote inside an unquoted field");
    EXPECT_EQ(error_of(""), "t.csv: the file is empty (no header line)");
}

TEST(Csv, AnUnclosedQuoteIsReportedOnTheLineWhereItOpened) {
    // The quote opened on line 2 swallows the newline; the quote before "def" then closes it,
    // so the reader first stumbles on line 3. The mistake is on line 2, and the message says so.
    EXPECT_EQ(error_of("a,b\n1,\"abc\n2,\"def\"\n"),
              "t.csv line 2: a quoted field opened here is never closed properly (it runs on to line 3, where 'def\"' "
              "follows a quote)");
    EXPECT_EQ(error_of("a,b\n1,\"abc\n\n\n2,\"def\"\n"),
              "t.csv line 2: a quoted field opened here is never closed properly (it runs on to line 5, where 'def\"' "
              "follows a quote)");
}

TEST(Csv, AHugeFieldIsNotEchoedWhole) {
    const std::string huge(50'000'000, 'y');
    const std::string message = error_of("a,b\n1,\"x\"" + huge + "\n");
    EXPECT_EQ(message.rfind("t.csv line 2: unexpected text 'yyyy", 0), 0u) << message.substr(0, 100);
    EXPECT_LT(message.size(), 200u);
}

TEST(Csv, ANulByteDoesNotCutAMessageShort) {
    const std::string message = error_of("a,b\n1,\"x\"\0z\n"s);
    EXPECT_EQ(message, "t.csv line 2: unexpected text '\\0z' after a closing quote");
    EXPECT_EQ(std::strlen(message.c_str()), message.size());  // as a C string, it is all there
}

TEST(Csv, HeaderListsInMessagesAreShortAndQuoted) {
    std::string header;
    for (int c = 0; c < 1000; ++c) header += (c ? "," : "") + std::string("col") + std::to_string(c);
    header += "\n";
    CsvReader csv(header, "t.csv");
    try {
        csv.column("userId");
        FAIL();
    } catch (const reel::Error& e) {
        EXPECT_STREQ(e.what(),
                     "t.csv line 1: no 'userId' column in the header (found: 'col0', 'col1', 'col2', 'col3', 'col4', "
                     "'col5', 'col6', 'col7', … 1000 columns in all)");
    }
    const std::string odd_header = "user\0Id,\"movie\nId\"\n"s;
    CsvReader odd(odd_header, "t.csv");
    try {
        odd.column("userId");
        FAIL();
    } catch (const reel::Error& e) {
        EXPECT_STREQ(e.what(), "t.csv line 1: no 'userId' column in the header (found: 'user\\0Id', 'movie\\nId')");
    }
}

TEST(Csv, TwoColumnsOfOneNameAreAnError) {
    CsvReader csv("userId,movieId,userId\n1,2,3\n", "t.csv");
    EXPECT_EQ(csv.column("movieId"), 1u);
    try {
        csv.column("userId");
        FAIL();
    } catch (const reel::Error& e) {
        EXPECT_STREQ(e.what(), "t.csv line 1: the header has two 'userId' columns");
    }
}

TEST(Csv, SkippingMovesOnOnlyAfterARefusal) {
    // After a record read whole, or at the end, there is nothing to pass over: reading goes on as it was.
    reel::CsvReader csv("h\n\"a\nb\"\nc\n", "f.csv");
    reel::CsvRecord rec;
    ASSERT_TRUE(csv.next(rec));
    EXPECT_EQ(rec.fields[0], "a\nb");
    csv.skip_unreadable();
    ASSERT_TRUE(csv.next(rec));
    EXPECT_EQ(rec.fields[0], "c");
    EXPECT_EQ(rec.line, 4u);
    EXPECT_FALSE(csv.next(rec));
    csv.skip_unreadable();
    EXPECT_FALSE(csv.next(rec));
}
