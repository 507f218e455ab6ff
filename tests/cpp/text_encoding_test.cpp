// UTF-8 told from what Excel writes, and Windows-1252 read as it was meant.
#include <gtest/gtest.h>

#include <string>

#include "text_encoding.hpp"

TEST(TextEncoding, Utf8IsToldByItsBytePatterns) {
    EXPECT_TRUE(reel::valid_utf8(""));
    EXPECT_TRUE(reel::valid_utf8("Toy Story (1995)"));
    EXPECT_TRUE(reel::valid_utf8("Am\xC3\xA9lie \xE2\x80\x93 \xF0\x9F\x8E\xAC"));  // é, –, 🎬
    EXPECT_FALSE(reel::valid_utf8("Am\xE9lie"));                                   // Windows-1252's é
    EXPECT_FALSE(reel::valid_utf8("\xC0\xAF"));                                    // an overlong '/'
    EXPECT_FALSE(reel::valid_utf8("\xED\xA0\x80"));                                // a surrogate
    EXPECT_FALSE(reel::valid_utf8("\xF4\x90\x80\x80"));                            // past U+10FFFF
    EXPECT_FALSE(reel::valid_utf8("\xE2\x80"));                                    // cut short
}

TEST(TextEncoding, Windows1252BecomesUtf8WithItsOwnUpperHalf) {
    EXPECT_EQ(reel::utf8_repaired("Am\xE9lie"), "Am\xC3\xA9lie");
    EXPECT_EQ(reel::utf8_repaired("\x93Heat\x94 \x96 \x80"), "\xE2\x80\x9CHeat\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC");
    EXPECT_EQ(reel::utf8_repaired("\x81"), "\xEF\xBF\xBD");  // undefined in the code page
    EXPECT_TRUE(reel::valid_utf8(reel::utf8_repaired(std::string("\x80\x9F\xA0\xFF", 4))));
}

TEST(TextEncoding, AUtf8FileWithOneStrayByteKeepsItsOtherAccents) {
    // Amélie in UTF-8, then a lone Windows-1252 é: only the lone byte is read as the code page.
    EXPECT_EQ(reel::utf8_repaired("Am\xC3\xA9lie, Am\xE9lie"), "Am\xC3\xA9lie, Am\xC3\xA9lie");
    EXPECT_EQ(reel::utf8_repaired("Toy Story"), "Toy Story");
}
