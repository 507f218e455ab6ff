// The CLI on malformed files, settings and arguments, as a table: each case exits with status 1
// (2 for no command at all) and a message that starts as expected, and none dies of a signal.
// Tiny inputs written to the test's temporary folder, so the whole table runs in seconds.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct Outcome {
    bool signalled = false;
    int status = -1;  // the exit status, or the signal
    std::string out, err;
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// Runs the CLI without a shell, so a crash shows as a signal and not as a shell's status 139.
Outcome run(const std::vector<std::string>& args, const std::string& dir) {
    std::vector<char*> argv{const_cast<char*>(REEL_CLI)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const std::string out = dir + "/stdout.txt", err = dir + "/stderr.txt";
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&files, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    Outcome o;
    if (posix_spawn(&pid, REEL_CLI, &files, nullptr, argv.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&files);
        return o;
    }
    posix_spawn_file_actions_destroy(&files);
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    o.signalled = WIFSIGNALED(wstatus);
    o.status = o.signalled ? WTERMSIG(wstatus) : WEXITSTATUS(wstatus);
    o.out = slurp(out);
    o.err = slurp(err);
    return o;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

// A small catalogue and ratings in which every command can run: two tastes, eight viewers.
const char kMovies[] =
    "movieId,title,genres\n"
    "1,Heat (1995),Action|Crime\n"
    "2,Toy Story (1995),Animation|Comedy\n"
    "3,Emma (1996),Drama|Romance\n"
    "4,Alien (1979),Horror|Sci-Fi\n"
    "5,Clueless (1995),Comedy|Romance\n"
    "6,Ronin (1998),Action|Crime\n"
    "7,Toy Story 2 (1999),Animation|Comedy\n"
    "8,Aliens (1986),Action|Sci-Fi\n";

std::string good_ratings() {
    std::string s = "userId,movieId,rating,timestamp\n";
    for (int u = 1; u <= 8; ++u)
        for (int m = 1; m <= 8; ++m)
            if ((u + m) % 4 != 0) s += std::to_string(u) + "," + std::to_string(m) + "," + ((u + m) % 2 ? "4.5" : "1.5") + ",100\n";
    return s;
}

// A header, then a row that breaks it: most malformed ratings files are one line of this.
std::string ratings_with(const std::string& row) { return "userId,movieId,rating,timestamp\n1,1,4.0,100\n" + row; }

struct Case {
    const char* name;
    std::vector<std::string> args;  // {D}: a folder of good data; {T}: the folder of bad files
    int status;
    std::string starts;  // the message after "reel: ", its first words; {D} and {T} as above
};

class CliErrors : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        root = ::testing::TempDir() + "reel_cli_errors_" + std::to_string(getpid());
        good = root + "/good";
        bad = root + "/bad";
        mkdir(root.c_str(), 0755);
        mkdir(good.c_str(), 0755);
        mkdir(bad.c_str(), 0755);
        write(good + "/movies.csv", kMovies);
        write(good + "/ratings.csv", good_ratings());
        write(good + "/me.csv", "userId,movieId,rating\n99,1,5\n99,6,4.5\n99,3,1\n");
        write(good + "/hidden.csv", "userId,movieId,rating\n99,2,4\n99,7,3\n");
        for (const auto& [name, bytes] : bad_files()) write(bad + "/" + name, bytes);
        for (const auto& [name, bytes] : bad_movies()) {
            const std::string dir = bad + "/" + name;
            mkdir(dir.c_str(), 0755);
            write(dir + "/movies.csv", bytes);
            write(dir + "/ratings.csv", good_ratings());
        }
        mkdir((bad + "/folder.csv").c_str(), 0755);
        mkdir((bad + "/no-ratings").c_str(), 0755);
        write(bad + "/no-ratings/movies.csv", kMovies);
        // A model file of these data, then damaged copies of it.
        const Outcome trained = run({"train", "--data", good, "--save", good + "/models.bin"}, root);
        ASSERT_EQ(trained.status, 0) << trained.err;
        const std::string models = slurp(good + "/models.bin");
        write(bad + "/cut.bin", models.substr(0, models.size() / 2));
        std::string flipped = models;
        flipped[flipped.size() / 2] ^= 1;
        write(bad + "/flipped.bin", flipped);
        write(bad + "/garbage.bin", "not a model at all, just text\n");
    }

    static std::vector<std::pair<std::string, std::string>> bad_files() {
        using namespace std::string_literals;
        return {
            {"empty.csv", ""},
            {"blank-lines.csv", "\n\n\r\n"},
            {"header-only.csv", "userId,movieId,rating\n"},
            {"no-user-column.csv", "movieId,rating\n1,4.0\n"},
            {"no-rating-column.csv", "userId,movieId,stars\n1,1,4.0\n"},
            {"two-user-columns.csv", "userId,movieId,rating,userId\n1,1,4.0,2\n"},
            {"rating-4.3.csv", ratings_with("1,2,4.3,100\n")},
            {"rating-0.csv", ratings_with("1,2,0,100\n")},
            {"rating-5.5.csv", ratings_with("1,2,5.5,100\n")},
            {"rating-nan.csv", ratings_with("1,2,nan,100\n")},
            {"rating-inf.csv", ratings_with("1,2,inf,100\n")},
            {"rating-neg.csv", ratings_with("1,2,-1,100\n")},
            {"rating-empty.csv", ratings_with("1,2,,100\n")},
            {"rating-1e1.csv", ratings_with("1,2,1e1,100\n")},
            {"rating-nul.csv", ratings_with("1,2,4\0,100\n"s)},
            {"rating-huge.csv", ratings_with("1,2," + std::string(1000000, '4') + ",100\n")},
            {"user-0.csv", ratings_with("0,2,4.0,100\n")},
            {"user-neg.csv", ratings_with("-3,2,4.0,100\n")},
            {"user-abc.csv", ratings_with("abc,2,4.0,100\n")},
            {"user-half.csv", ratings_with("1.5,2,4.0,100\n")},
            {"user-overflow.csv", ratings_with("99999999999,2,4.0,100\n")},
            {"user-space.csv", ratings_with(" 1,2,4.0,100\n")},
            {"movie-x.csv", ratings_with("1,x,4.0,100\n")},
            {"movie-unknown.csv", ratings_with("1,999,4.0,100\n")},
            {"movie-empty.csv", ratings_with("1,,4.0,100\n")},
            {"time-soon.csv", ratings_with("1,2,4.0,soon\n")},
            {"time-float.csv", ratings_with("1,2,4.0,1e9\n")},
            {"time-overflow.csv", ratings_with("1,2,4.0,99999999999999999999\n")},
            {"fields-4.csv", ratings_with("1,2,4.0,100,5\n")},
            {"fields-2.csv", ratings_with("1,2\n")},
            {"comma-rating.csv", ratings_with("1,2,4,5,100\n")},
            {"unclosed-eof.csv", ratings_with("1,\"2,4.0,100\n")},
            {"unclosed-mid.csv", ratings_with("1,\"2,4.0,100\n2,\"3\",4.0,100\n")},
            {"after-quote.csv", ratings_with("1,\"2\"x,4.0,100\n")},
            {"quote-inside.csv", ratings_with("1,2\"2,4.0,100\n")},
            {"binary.csv", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s},
            {"crlf-bom-bad.csv", "\xEF\xBB\xBFuserId,movieId,rating\r\n1,1,4.0\r\n1,2,9\r\n"},
            {"cr-only-bad.csv", "userId,movieId,rating\r1,1,4.0\r1,2,4.25\r"},
            {"two-people.csv", "userId,movieId,rating\n1,1,4.0\n2,2,3.0\n"},
            {"profile-bad.csv", "userId,movieId,rating\n1,1,4.0\n1,2,11\n"},
        };
    }

    static std::vector<std::pair<std::string, std::string>> bad_movies() {
        using namespace std::string_literals;
        std::string genres = "movieId,title,genres\n1,Heat (1995),";
        for (int g = 0; g < 33; ++g) genres += (g ? "|G" : "G") + std::to_string(g);
        return {
            {"m-empty", ""},
            {"m-no-title", "movieId,name,genres\n1,Heat (1995),Action\n"},
            {"m-twice", "movieId,title,genres\n1,Heat (1995),Action\n1,Heat (1986),Action\n"},
            {"m-id-x1", "movieId,title,genres\n1,Heat (1995),Action\nx1,B,Drama\n"},
            {"m-id-0", "movieId,title,genres\n0,Heat (1995),Action\n"},
            {"m-empty-title", "movieId,title,genres\n3,  ,Drama\n"},
            {"m-control-title", "movieId,title,genres\n3,Bell\x07Title,Drama\n"},
            {"m-nul-title", "movieId,title,genres\n3,Nul\0Title,Drama\n"s},
            {"m-33-genres", genres + "\n"},
            {"m-unclosed", "movieId,title,genres\n1,\"Heat (1995),Action\n2,\"Toy Story\",Comedy\n"},
            {"m-fields", "movieId,title,genres\n1,Heat,(1995),Action\n"},
        };
    }

    static std::string root, good, bad;
};
std::string CliErrors::root, CliErrors::good, CliErrors::bad;

// Each row: what is wrong, the arguments, the status, the start of the message.
const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        // Commands and options.
        {"no command", {}, 2, "reel — films like X"},
        {"unknown command", {"frobnicate"}, 1, "unknown command 'frobnicate'"},
        {"no data", {"eval"}, 1, "no data: give --data DIR"},
        {"option without its value", {"eval", "--data"}, 1, "--data needs a value"},
        {"--set without its value", {"eval", "--set"}, 1, "--set needs a value"},
        {"-k without its value", {"similar", "--data", "{D}", "Heat", "-k"}, 1, "-k needs a value"},
        {"unknown long option", {"eval", "--bogus"}, 1, "unknown option '--bogus'"},
        {"unknown short option", {"eval", "-x"}, 1, "unknown option '-x'"},
        {"option with a control byte", {"eval", "--b\x1bz"}, 1, "unknown option '--b\\x1bz'"},
        {"a second title", {"similar", "--data", "{D}", "Heat", "Alien"}, 1, "unexpected argument 'Alien'"},
        // Counts.
        {"-k -5", {"similar", "--data", "{D}", "-k", "-5", "Heat"}, 1, "-k needs a whole number from 1 to 1000, not '-5'"},
        {"-k 0", {"similar", "--data", "{D}", "-k", "0", "Heat"}, 1, "-k needs a whole number from 1 to 1000, not '0'"},
        {"-k 1e9", {"similar", "--data", "{D}", "-k", "1e9", "Heat"}, 1, "-k needs a whole number from 1 to 1000, not '1e9'"},
        {"-k 1001", {"similar", "--data", "{D}", "-k", "1001", "Heat"}, 1, "-k needs a whole number from 1 to 1000, not '1001'"},
        {"-k abc", {"similar", "--data", "{D}", "-k", "abc", "Heat"}, 1, "-k needs a whole number from 1 to 1000, not 'abc'"},
        {"-k empty", {"similar", "--data", "{D}", "-k", "", "Heat"}, 1, "-k needs a whole number from 1 to 1000, not ''"},
        {"-k 5 with a space after",
         {"similar", "--data", "{D}", "-k", "5 ", "Heat"},
         1,
         "-k needs a whole number from 1 to 1000, not '5 '"},
        {"-k 2.5", {"similar", "--data", "{D}", "-k", "2.5", "Heat"}, 1, "-k needs a whole number from 1 to 1000, not '2.5'"},
        {"-k past 64 bits",
         {"similar", "--data", "{D}", "-k", "99999999999999999999", "Heat"},
         1,
         "-k needs a whole number from 1 to 1000, not '99999999999999999999'"},
        {"-n 0", {"export", "--data", "{D}", "--topn", "{T}/t.csv", "-n", "0"}, 1, "-n needs a whole number from 1 to 1000, not '0'"},
        {"-n nan", {"export", "--data", "{D}", "--topn", "{T}/t.csv", "-n", "nan"}, 1, "-n needs a whole number from 1 to 1000, not 'nan'"},
        {"--user abc", {"recommend", "--data", "{D}", "--user", "abc"}, 1, "--user needs a whole number from 1 to 2147483647, not 'abc'"},
        {"--user 0", {"recommend", "--data", "{D}", "--user", "0"}, 1, "--user needs a whole number from 1 to 2147483647, not '0'"},
        {"--user -1", {"recommend", "--data", "{D}", "--user", "-1"}, 1, "--user needs a whole number from 1 to 2147483647, not '-1'"},
        {"--user past 32 bits",
         {"recommend", "--data", "{D}", "--user", "2147483648"},
         1,
         "--user needs a whole number from 1 to 2147483647, not '2147483648'"},
        {"--user unknown", {"recommend", "--data", "{D}", "--user", "999"}, 1, "no user 999 in the ratings"},
        {"--min-ratings -1",
         {"recommend", "--data", "{D}", "--user", "1", "--min-ratings", "-1"},
         1,
         "--min-ratings needs a whole number from 0 to 1000000000, not '-1'"},
        {"--max-ratings 0",
         {"recommend", "--data", "{D}", "--user", "1", "--max-ratings", "0"},
         1,
         "--max-ratings needs a whole number from 1 to 1000000000, not '0'"},
        {"--min-ratings above --max-ratings",
         {"recommend", "--data", "{D}", "--user", "1", "--min-ratings", "10", "--max-ratings", "5"},
         1,
         "the filter asks for at least 10 and at most 5 ratings"},
        // Seeds and settings.
        {"--seed -1",
         {"eval", "--data", "{D}", "--seed", "-1"},
         1,
         "setting seed must be a whole number from 0 to 9007199254740991, not -1"},
        {"--seed abc", {"eval", "--data", "{D}", "--seed", "abc"}, 1, "setting seed: 'abc' is not a number"},
        {"--seed 1.5", {"eval", "--data", "{D}", "--seed", "1.5"}, 1, "setting seed must be a whole number"},
        {"--seed 2^53", {"eval", "--data", "{D}", "--seed", "9007199254740992"}, 1, "setting seed must be a whole number"},
        {"--set nan", {"eval", "--data", "{D}", "--set", "rating.epochs=nan"}, 1, "setting rating.epochs: 'nan' is not a number"},
        {"--set inf",
         {"eval", "--data", "{D}", "--set", "rating.learning_rate=inf"},
         1,
         "setting rating.learning_rate: 'inf' is not a number"},
        {"--set -inf",
         {"eval", "--data", "{D}", "--set", "rating.learning_rate=-inf"},
         1,
         "setting rating.learning_rate: '-inf' is not a number"},
        {"--set 1e30",
         {"eval", "--data", "{D}", "--set", "rating.learning_rate=1e30"},
         1,
         "setting rating.learning_rate must be a number from 1e-06 to 10, not 1e+30"},
        {"--set 1e400", {"eval", "--data", "{D}", "--set", "rating.reg=1e400"}, 1, "setting rating.reg must be a number from 0 to 100"},
        {"--set -1",
         {"eval", "--data", "{D}", "--set", "rating.epochs=-1"},
         1,
         "setting rating.epochs must be a whole number from 1 to 1000, not -1"},
        {"--set 0 epochs",
         {"eval", "--data", "{D}", "--set", "rating.epochs=0"},
         1,
         "setting rating.epochs must be a whole number from 1 to 1000, not 0"},
        {"--set 2.5 epochs", {"eval", "--data", "{D}", "--set", "rating.epochs=2.5"}, 1, "setting rating.epochs must be a whole number"},
        {"--set factors 7", {"eval", "--data", "{D}", "--set", "rating.factors=7"}, 1, "setting rating.factors must be a multiple of 4"},
        {"--set factors 2048",
         {"eval", "--data", "{D}", "--set", "ranking.factors=2048"},
         1,
         "setting ranking.factors must be a multiple of 4"},
        {"--set negative reg",
         {"eval", "--data", "{D}", "--set", "rating.reg=-0.5"},
         1,
         "setting rating.reg must be a number from 0 to 100, not -0.5"},
        {"--set 65 negatives",
         {"eval", "--data", "{D}", "--set", "ranking.negatives=65"},
         1,
         "setting ranking.negatives must be a whole number from 1 to 64"},
        {"--set support 0",
         {"eval", "--data", "{D}", "--set", "similar.min_support=0"},
         1,
         "setting similar.min_support must be a whole number"},
        {"--set hex", {"eval", "--data", "{D}", "--set", "rating.epochs=0x10"}, 1, "setting rating.epochs: '0x10' is not a number"},
        {"--set two numbers", {"eval", "--data", "{D}", "--set", "rating.epochs=1 0"}, 1, "setting rating.epochs: '1 0' is not a number"},
        {"--set no value", {"eval", "--data", "{D}", "--set", "rating.epochs="}, 1, "setting rating.epochs: '' is not a number"},
        {"--set dots only", {"eval", "--data", "{D}", "--set", "rating.reg=."}, 1, "setting rating.reg: '.' is not a number"},
        {"--set no equals", {"eval", "--data", "{D}", "--set", "rating.epochs"}, 1, "setting 'rating.epochs' should look like name=value"},
        {"--set unknown name", {"eval", "--data", "{D}", "--set", "no.such=1"}, 1, "unknown setting 'no.such'"},
        {"--set empty name", {"eval", "--data", "{D}", "--set", "=5"}, 1, "unknown setting ''"},
        {"--set model name only", {"eval", "--data", "{D}", "--set", "rating=5"}, 1, "unknown setting 'rating'"},
        {"--set a NUL-free control byte",
         {"eval", "--data", "{D}", "--set", "rating.epochs=\x01"},
         1,
         "setting rating.epochs: '\\x01' is not a number"},
        // Models, titles, filters.
        {"unknown model", {"similar", "--data", "{D}", "--model", "nosuch", "Heat"}, 1, "unknown model 'nosuch' (the models are"},
        {"model name in capitals", {"recommend", "--data", "{D}", "--user", "1", "--model", "Ranking"}, 1, "unknown model 'Ranking'"},
        {"similar without a title", {"similar", "--data", "{D}"}, 1, "similar needs a film title"},
        {"unknown title", {"similar", "--data", "{D}", "No Such Film"}, 1, "no film matches 'No Such Film'"},
        {"a title that is no film's", {"similar", "--data", "{D}", "toy"}, 1, "no film is titled 'toy'; did you mean:"},
        {"a title of 300 bytes", {"similar", "--data", "{D}", std::string(300, 'x')}, 1, "a title is at most 200 characters long"},
        {"a title of 40 words",
         {"similar", "--data", "{D}", replace_all(std::string(40, 'a'), "a", "a ")},
         1,
         "a search holds at most 32 words, not 40"},
        {"years backwards",
         {"similar", "--data", "{D}", "--years", "2000-1990", "Heat"},
         1,
         "the filter's years run backwards (from 2000 to 1990)"},
        {"years not a number",
         {"similar", "--data", "{D}", "--years", "abc", "Heat"},
         1,
         "--years needs a whole number from 1 to 9999, not 'abc'"},
        {"year 0", {"similar", "--data", "{D}", "--years", "0-1990", "Heat"}, 1, "--years needs a whole number from 1 to 9999, not '0'"},
        {"year 99999",
         {"similar", "--data", "{D}", "--years", "1990-99999", "Heat"},
         1,
         "--years needs a whole number from 1 to 9999, not '99999'"},
        {"years with two dashes",
         {"similar", "--data", "{D}", "--years", "1990-1995-2000", "Heat"},
         1,
         "--years needs a whole number from 1 to 9999, not '1995-2000'"},
        {"unknown genre", {"similar", "--data", "{D}", "--genres", "Nonsense", "Heat"}, 1, "no genre 'Nonsense' (the genres are"},
        {"unknown genre excluded",
         {"recommend", "--data", "{D}", "--user", "1", "--not-genres", "Action,Westerns"},
         1,
         "no genre 'Westerns'"},
        {"genre in and out",
         {"recommend", "--data", "{D}", "--user", "1", "--genres", "Action", "--not-genres", "Action"},
         1,
         "the filter both includes and excludes a genre"},
        {"genre in a different case", {"recommend", "--data", "{D}", "--user", "1", "--genres", "action"}, 1, "no genre 'action'"},
        // Commands missing what they need.
        {"recommend with neither", {"recommend", "--data", "{D}"}, 1, "recommend needs either --user ID or --ratings MY.csv"},
        {"recommend with both",
         {"recommend", "--data", "{D}", "--user", "1", "--ratings", "{D}/me.csv"},
         1,
         "recommend needs either --user ID or --ratings MY.csv"},
        {"recommend for two people",
         {"recommend", "--data", "{D}", "--ratings", "{T}/two-people.csv"},
         1,
         "{T}/two-people.csv holds the ratings of 2 people"},
        {"recommend from a bad profile",
         {"recommend", "--data", "{D}", "--ratings", "{T}/profile-bad.csv"},
         1,
         "{T}/profile-bad.csv line 3: rating '11' is not a half star"},
        {"recommend from an empty file",
         {"recommend", "--data", "{D}", "--ratings", "{T}/empty.csv"},
         1,
         "{T}/empty.csv: the file is empty (no header line)"},
        {"export with no output", {"export", "--data", "{D}"}, 1, "export needs --predictions OUT.csv and/or --topn OUT.csv"},
        {"export where it cannot write",
         {"export", "--data", "{D}", "--topn", "{T}/no/such/folder/t.csv", "--model", "popularity"},
         1,
         "cannot write {T}/no/such/folder/t.csv"},
        {"train without --save", {"train", "--data", "{D}"}, 1, "train needs --save FILE"},
        // A full disk (issue 24): each write, its last flush and its close are checked, naming the file.
        {"predictions to a full disk",
         {"export", "--data", "{D}", "--predictions", "/dev/full"},
         1,
         "cannot write all of /dev/full (No space left on device)"},
        {"lists to a full disk",
         {"export", "--data", "{D}", "--topn", "/dev/full"},
         1,
         "cannot write all of /dev/full (No space left on device)"},
        {"new visitors' lists to a full disk",
         {"export", "--data", "{D}", "--train", "{D}/ratings.csv", "--profile", "{D}/me.csv", "--test", "{D}/hidden.csv", "--topn",
          "/dev/full"},
         1,
         "cannot write all of /dev/full (No space left on device)"},
        {"new visitors' predictions to a full disk",
         {"export", "--data", "{D}", "--train", "{D}/ratings.csv", "--profile", "{D}/me.csv", "--test", "{D}/hidden.csv", "--predictions",
          "/dev/full"},
         1,
         "cannot write all of /dev/full (No space left on device)"},
        {"models to a full disk",
         {"train", "--data", "{D}", "--save", "/dev/full"},
         1,
         "cannot write all of /dev/full (No space left on device)"},
        // The new-visitor protocol (issue 24): visitors the models trained on, or hidden ratings the profile gives, are refused.
        {"visitors who are in train.csv",
         {"eval", "--data", "{D}", "--train", "{D}/ratings.csv", "--profile", "{D}/ratings.csv", "--test", "{D}/hidden.csv"},
         1,
         "{D}/ratings.csv: user 1 (and 7 more of its 8) also rates in {D}/ratings.csv: new-visitor figures need visitors the models did "
         "not "
         "train on"},
        {"hidden visitors who are in train.csv",
         {"export", "--data", "{D}", "--train", "{D}/ratings.csv", "--profile", "{D}/me.csv", "--test", "{D}/ratings.csv", "--topn",
          "{T}/t.csv"},
         1,
         "{D}/ratings.csv: user 1 (and 7 more of its 8) also rates in {D}/ratings.csv"},
        {"--test equal to the profile",
         {"eval", "--data", "{D}", "--train", "{D}/ratings.csv", "--profile", "{D}/me.csv", "--test", "{D}/me.csv"},
         1,
         "{D}/me.csv: user 99's rating of movieId 1 is in {D}/me.csv too (3 of its 3 hidden ratings repeat profile ratings): hidden "
         "ratings must be ones the profile does not give"},
        {"--unrated of another word",
         {"import", "--data", "{D}", "--unrated", "towatch", "{D}/me.csv"},
         1,
         "unrated 'towatch' is neither seen nor watchlist"},
        {"--train without --test", {"eval", "--train", "{D}/ratings.csv"}, 1, "--train and --test go together"},
        {"--test without --train", {"eval", "--test", "{D}/ratings.csv"}, 1, "--train and --test go together"},
        {"--profile without --test",
         {"eval", "--train", "{D}/ratings.csv", "--profile", "{D}/me.csv"},
         1,
         "new visitors need --train T, --profile P and --test H"},
        {"a bad visitor profile",
         {"eval", "--train", "{D}/ratings.csv", "--profile", "{T}/profile-bad.csv", "--test", "{D}/me.csv"},
         1,
         "{T}/profile-bad.csv line 3: rating '11' is not a half star"},
        // Files that are not there or not files.
        {"no such data folder", {"eval", "--data", "{T}/nowhere"}, 1, "cannot read {T}/nowhere/movies.csv: No such file or directory"},
        {"no ratings.csv", {"eval", "--data", "{T}/no-ratings"}, 1, "cannot read {T}/no-ratings/ratings.csv: No such file or directory"},
        {"a folder as a file",
         {"eval", "--train", "{T}/folder.csv", "--test", "{D}/ratings.csv"},
         1,
         "cannot read {T}/folder.csv: it is a folder"},
        {"no such model file", {"eval", "--data", "{D}", "--model-file", "{T}/nowhere.bin"}, 1, "cannot read {T}/nowhere.bin"},
        {"a model file of text",
         {"eval", "--data", "{D}", "--model-file", "{T}/garbage.bin"},
         1,
         "{T}/garbage.bin is not a saved Reel model"},
        {"a model file cut short", {"eval", "--data", "{D}", "--model-file", "{T}/cut.bin"}, 1, "{T}/cut.bin is damaged"},
        {"a model file with a bit flipped", {"eval", "--data", "{D}", "--model-file", "{T}/flipped.bin"}, 1, "{T}/flipped.bin is damaged"},
        {"a model file of other data",
         {"eval", "--data", "{D}", "--seed", "7", "--model-file", "{D}/models.bin"},
         1,
         "{D}/models.bin was trained on other data"},
        {"a training setting the model file was not trained with",
         {"eval", "--data", "{D}", "--set", "implicit.init_scale=0.02", "--model-file", "{D}/models.bin"},
         1,
         "{D}/models.bin holds models trained with implicit.init_scale=0.01; implicit.init_scale=0.02 would need them trained again"},
        // Malformed ratings files, read as the training file of a given split.
        {"empty ratings",
         {"eval", "--train", "{T}/empty.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/empty.csv: the file is empty (no header line)"},
        {"only blank lines",
         {"eval", "--train", "{T}/blank-lines.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/blank-lines.csv: the file is empty (no header line)"},
        {"a header and no rows", {"eval", "--train", "{T}/header-only.csv", "--test", "{T}/header-only.csv"}, 1, "no training ratings"},
        {"no userId column",
         {"eval", "--train", "{T}/no-user-column.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/no-user-column.csv line 1: no 'userId' column in the header (found: 'movieId', 'rating')"},
        {"no rating column",
         {"eval", "--train", "{T}/no-rating-column.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/no-rating-column.csv line 1: no 'rating' column in the header"},
        {"two userId columns",
         {"eval", "--train", "{T}/two-user-columns.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/two-user-columns.csv line 1: the header has two 'userId' columns"},
        {"rating 4.3",
         {"eval", "--train", "{T}/rating-4.3.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/rating-4.3.csv line 3: rating '4.3' is not a half star from 0.5 to 5.0"},
        {"rating 0",
         {"eval", "--train", "{T}/rating-0.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/rating-0.csv line 3: rating '0' is not a half star"},
        {"rating 5.5",
         {"eval", "--train", "{T}/rating-5.5.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/rating-5.5.csv line 3: rating '5.5' is not"},
        {"rating nan",
         {"eval", "--train", "{T}/rating-nan.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/rating-nan.csv line 3: rating 'nan' is not"},
        {"rating inf",
         {"eval", "--train", "{T}/rating-inf.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/rating-inf.csv line 3: rating 'inf' is not"},
        {"rating -1",
         {"eval", "--train", "{T}/rating-neg.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/rating-neg.csv line 3: rating '-1' is not"},
        {"rating empty",
         {"eval", "--train", "{T}/rating-empty.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/rating-empty.csv line 3: rating '' is not"},
        {"rating 1e1",
         {"eval", "--train", "{T}/rating-1e1.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/rating-1e1.csv line 3: rating '1e1' is not"},
        {"rating with a NUL",
         {"eval", "--train", "{T}/rating-nul.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/rating-nul.csv line 3: rating '4\\0' is not a half star from 0.5 to 5.0"},
        {"rating of a million digits",
         {"eval", "--train", "{T}/rating-huge.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/rating-huge.csv line 3: rating '" + std::string(60, '4') + "…' is not a half star"},
        {"userId 0",
         {"eval", "--train", "{T}/user-0.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/user-0.csv line 3: userId '0' is not a positive whole number"},
        {"userId -3",
         {"eval", "--train", "{T}/user-neg.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/user-neg.csv line 3: userId '-3' is not"},
        {"userId abc",
         {"eval", "--train", "{T}/user-abc.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/user-abc.csv line 3: userId 'abc' is not"},
        {"userId 1.5",
         {"eval", "--train", "{T}/user-half.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/user-half.csv line 3: userId '1.5' is not"},
        {"userId past 32 bits",
         {"eval", "--train", "{T}/user-overflow.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/user-overflow.csv line 3: userId '99999999999' is not"},
        {"userId with a space",
         {"eval", "--train", "{T}/user-space.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/user-space.csv line 3: userId ' 1' is not"},
        {"movieId x", {"eval", "--train", "{T}/movie-x.csv", "--test", "{D}/ratings.csv"}, 1, "{T}/movie-x.csv line 3: movieId 'x' is not"},
        {"movieId empty",
         {"eval", "--train", "{T}/movie-empty.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/movie-empty.csv line 3: movieId '' is not"},
        {"movieId not in movies.csv",
         {"eval", "--data", "{D}", "--train", "{T}/movie-unknown.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/movie-unknown.csv line 3: movieId 999 is not in movies.csv"},
        {"timestamp soon",
         {"eval", "--train", "{T}/time-soon.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/time-soon.csv line 3: timestamp 'soon' is not a whole number of seconds"},
        {"timestamp 1e9",
         {"eval", "--train", "{T}/time-float.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/time-float.csv line 3: timestamp '1e9' is not"},
        {"timestamp past 64 bits",
         {"eval", "--train", "{T}/time-overflow.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/time-overflow.csv line 3: timestamp '99999999999999999999' is not"},
        {"a field too many",
         {"eval", "--train", "{T}/fields-4.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/fields-4.csv line 3: expected 4 fields, found 5"},
        {"two fields too few",
         {"eval", "--train", "{T}/fields-2.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/fields-2.csv line 3: expected 4 fields, found 2"},
        {"a decimal comma",
         {"eval", "--train", "{T}/comma-rating.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/comma-rating.csv line 3: expected 4 fields, found 5"},
        {"a quote never closed",
         {"eval", "--train", "{T}/unclosed-eof.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/unclosed-eof.csv line 3: a quoted field is never closed"},
        {"a quote closed a line late",
         {"eval", "--train", "{T}/unclosed-mid.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/unclosed-mid.csv line 3: a quoted field opened here is never closed properly (it runs on to line 4"},
        {"text after a closing quote",
         {"eval", "--train", "{T}/after-quote.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/after-quote.csv line 3: unexpected text 'x' after a closing quote"},
        {"a quote inside a field",
         {"eval", "--train", "{T}/quote-inside.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/quote-inside.csv line 3: a quote inside an unquoted field"},
        {"a PNG",
         {"eval", "--train", "{T}/binary.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/binary.csv line 1: no 'userId' column in the header (found: '\x89PNG')"},
        {"BOM and CRLF, bad on line 3",
         {"eval", "--train", "{T}/crlf-bom-bad.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/crlf-bom-bad.csv line 3: rating '9' is not"},
        {"lone CRs, bad on line 3",
         {"eval", "--train", "{T}/cr-only-bad.csv", "--test", "{D}/ratings.csv"},
         1,
         "{T}/cr-only-bad.csv line 3: rating '4.25' is not"},
        {"a bad held-out file",
         {"eval", "--train", "{D}/ratings.csv", "--test", "{T}/rating-4.3.csv"},
         1,
         "{T}/rating-4.3.csv line 3: rating '4.3'"},
        // Malformed movies.csv beside good ratings.
        {"empty movies.csv", {"eval", "--data", "{T}/m-empty"}, 1, "{T}/m-empty/movies.csv: the file is empty (no header line)"},
        {"no title column",
         {"eval", "--data", "{T}/m-no-title"},
         1,
         "{T}/m-no-title/movies.csv line 1: no 'title' column in the header (found: 'movieId', 'name', 'genres')"},
        {"a movieId twice", {"eval", "--data", "{T}/m-twice"}, 1, "{T}/m-twice/movies.csv line 3: movieId 1 appears twice"},
        {"movieId x1", {"eval", "--data", "{T}/m-id-x1"}, 1, "{T}/m-id-x1/movies.csv line 3: movieId 'x1' is not a positive whole number"},
        {"movieId 0", {"eval", "--data", "{T}/m-id-0"}, 1, "{T}/m-id-0/movies.csv line 2: movieId '0' is not a positive whole number"},
        {"an empty title", {"eval", "--data", "{T}/m-empty-title"}, 1, "{T}/m-empty-title/movies.csv line 2: movieId 3 has an empty title"},
        {"a bell in a title",
         {"eval", "--data", "{T}/m-control-title"},
         1,
         "{T}/m-control-title/movies.csv line 2: the title of movieId 3, 'Bell\\x07Title', holds a control character"},
        {"a NUL in a title",
         {"eval", "--data", "{T}/m-nul-title"},
         1,
         "{T}/m-nul-title/movies.csv line 2: the title of movieId 3, 'Nul\\0Title', holds a control character"},
        {"33 genres",
         {"eval", "--data", "{T}/m-33-genres"},
         1,
         "{T}/m-33-genres/movies.csv line 2: genre 'G32' is one more than the 32 Reel supports"},
        {"a title's quote never closed",
         {"eval", "--data", "{T}/m-unclosed"},
         1,
         "{T}/m-unclosed/movies.csv line 2: a quoted field opened here is never closed properly"},
        {"a title with an unquoted comma",
         {"eval", "--data", "{T}/m-fields"},
         1,
         "{T}/m-fields/movies.csv line 2: expected 3 fields, found 4"},
    };
    return all;
}

}  // namespace

TEST_F(CliErrors, EveryMalformedInputIsAClearErrorAndNothingCrashes) {
    ASSERT_GE(cases().size(), 100u);
    for (const Case& c : cases()) {
        std::vector<std::string> args;
        for (const std::string& a : c.args) args.push_back(replace_all(replace_all(a, "{D}", good), "{T}", bad));
        const Outcome o = run(args, root);
        const std::string want = replace_all(replace_all(c.starts, "{D}", good), "{T}", bad);
        const std::string message = c.status == 2 ? o.err : o.err.substr(0, std::min(o.err.size(), std::string("reel: ").size()));
        EXPECT_FALSE(o.signalled) << c.name << ": killed by signal " << o.status << "\n" << o.err;
        EXPECT_EQ(o.status, c.status) << c.name << "\n" << o.err;
        EXPECT_EQ(o.out, "") << c.name << ": a command that fails prints no half an answer";
        if (c.status == 2) {
            EXPECT_EQ(o.err.rfind(want, 0), 0u) << c.name << "\n" << o.err;
        } else {
            EXPECT_EQ(message, "reel: ") << c.name << "\n" << o.err;
            EXPECT_EQ(o.err.substr(std::min(o.err.size(), size_t(6)), want.size()), want) << c.name;
            EXPECT_LT(o.err.size(), 1000u) << c.name << ": a message should not echo a whole file";
        }
    }
}

TEST_F(CliErrors, TheGoodDataWorkForEveryCommandTheTableBreaks) {
    // The table means something only if the same commands succeed on good input.
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"eval", "--data", good},
             {"similar", "--data", good, "-k", "3", "--years", "1990-1999", "Heat"},
             {"recommend", "--data", good, "--user", "1", "--genres", "Action,Comedy"},
             {"recommend", "--data", good, "--ratings", good + "/me.csv"},
             {"eval", "--data", good, "--model-file", good + "/models.bin"},
             {"eval", "--data", good, "--train", good + "/ratings.csv", "--profile", good + "/me.csv", "--test", good + "/hidden.csv"},
             {"export", "--data", good, "--topn", root + "/t.csv", "--predictions", root + "/p.csv"},
             // Serving settings apply to restored models, and a training setting the file agrees with is no conflict.
             {"recommend", "--data", good, "--ratings", good + "/me.csv", "--model-file", good + "/models.bin", "--set",
              "ranking.fold_in_epochs=3", "--set", "implicit.init_scale=0.01", "--set", "similar.asymmetry=0.5"},
         }) {
        const Outcome o = run(args, root);
        EXPECT_FALSE(o.signalled);
        EXPECT_EQ(o.status, 0) << args[0] << ": " << o.err;
    }
}

TEST_F(CliErrors, NothingClaimsToHaveSavedWhatItDidNot) {
    const Outcome o = run({"train", "--data", good, "--save", "/dev/full"}, root);
    EXPECT_EQ(o.status, 1) << o.err;
    EXPECT_EQ(o.out.find("saved"), std::string::npos) << o.out;
    const Outcome saved = run({"train", "--data", good, "--save", root + "/again.bin"}, root);
    EXPECT_EQ(saved.status, 0) << saved.err;
    EXPECT_NE(saved.out.find("saved every model to " + root + "/again.bin"), std::string::npos) << saved.out;
}

// Issue 24: `synth --ratings 1000` wrote 328 ratings (100,000 wrote 73,170): it writes what it is asked.
TEST_F(CliErrors, SynthWritesTheRatingsItIsAskedFor) {
    for (const long n : {1000L, 12345L, 100000L}) {
        const std::string dir = root + "/synth" + std::to_string(n);
        const Outcome o = run({"synth", "--ratings", std::to_string(n), "--out", dir}, root);
        ASSERT_EQ(o.status, 0) << o.err;
        const std::string ratings = slurp(dir + "/ratings.csv");
        const long rows = static_cast<long>(std::count(ratings.begin(), ratings.end(), '\n')) - 1;
        EXPECT_EQ(rows, n);
        EXPECT_EQ(o.out.rfind("wrote " + std::to_string(n) + " ratings by ", 0), 0u) << o.out;
        if (n == 100000) {  // enough films for a map: written in full, or refused naming the file (issue 24)
            const Outcome full = run({"map", "--data", dir, "--out", "/dev/full"}, root);
            EXPECT_EQ(full.status, 1);
            EXPECT_EQ(full.err, "reel: cannot write all of /dev/full (No space left on device)\n");
            EXPECT_EQ(run({"map", "--data", dir, "--out", dir + "/map.csv"}, root).status, 0);
        }
        // The same film never twice for a user: the data stay MovieLens-shaped.
        std::set<std::pair<std::string, std::string>> pairs;
        std::istringstream lines(ratings);
        std::string line;
        std::getline(lines, line);
        while (std::getline(lines, line)) {
            const size_t a = line.find(','), b = line.find(',', a + 1);
            EXPECT_TRUE(pairs.emplace(line.substr(0, a), line.substr(a + 1, b - a - 1)).second) << line;
        }
    }
}

// Issue 24: a 1 MB title became a 1 MB line on stderr, and ESC and CR bytes reached the terminal.
TEST_F(CliErrors, AnImportEchoesTitlesCutAndEscaped) {
    const std::string file = root + "/letterboxd-wild.csv";
    write(file, "Date,Name,Year,Letterboxd URI,Rating\n2024-01-01," + std::string(1 << 20, 'x') +
                    ",1995,https://boxd.it/x,4\n2024-01-02,\"Bad\x1b[2J\rTitle\",1995,https://boxd.it/y,4\n"
                    "2024-01-03,Heat,4294969291,https://boxd.it/z,4\n2024-01-04,Heat,1995,https://boxd.it/w,-0.5\n");
    const Outcome o = run({"import", "--data", good, file}, root);
    EXPECT_EQ(o.status, 0) << o.err.substr(0, 300);
    EXPECT_LT(o.err.size(), 1000u);
    EXPECT_EQ(o.err.find('\x1b'), std::string::npos);
    EXPECT_EQ(o.err.find('\r'), std::string::npos);
    // The quoted title with a CR spans two lines of the file, so the rows after it are lines 5 and 6.
    EXPECT_NE(o.err.find("line 3: Bad\\x1b[2J\\rTitle (1995): "), std::string::npos) << o.err;
    EXPECT_NE(o.err.find("line 5: Heat: year '4294969291' is not a year from 1870 to 2100"), std::string::npos) << o.err;
    EXPECT_NE(o.err.find("line 6: Heat (1995): rating '-0.5' is not a half star from 0.5 to 5"), std::string::npos) << o.err;
    EXPECT_EQ(o.out, "userId,movieId,rating\n");  // nothing matched
}

TEST_F(CliErrors, AnImdbImportWithoutLinksCsvNamesIt) {
    const std::string file = root + "/imdb.csv";
    write(file, "Const,Your Rating,Title,Year\ntt0114709,10,Toy Story,1995\n");
    const Outcome o = run({"import", "--data", good, file}, root);
    EXPECT_EQ(o.status, 0) << o.err;
    EXPECT_NE(o.err.find("line 2: Toy Story (1995): no links.csv in this MovieLens ties its films to IMDb ids"), std::string::npos)
        << o.err;
}
