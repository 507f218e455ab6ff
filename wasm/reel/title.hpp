// MovieLens title grammar: "Postman, The (Postino, Il) (1994)" is the film people call
// "The Postman", also known as "Il Postino", from 1994. One reading of a title, for display and
// search alike.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace reel {

struct TitleParts {
    std::string name;                  // the main title with its article back in front: "The Postman"
    std::vector<std::string> aliases;  // the bracketed other titles, "a.k.a." dropped: "Il Postino"
    int year = 0;                      // the first year of a trailing "(1994)" or "(2006–2007)"; 0 when absent
};

TitleParts parse_title(std::string_view title);

// "Usual Suspects, The" → "The Usual Suspects"; "Auberge espagnole, L'" → "L'Auberge espagnole".
std::string article_in_front(std::string_view title);

}  // namespace reel
