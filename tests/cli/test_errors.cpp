// SPDX-License-Identifier: MIT
#include "harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace {

struct BadInput {
    std::vector<std::string> args;
    std::string message; // a part of the one error line
};

const std::vector<BadInput> k_bad_inputs = {
    {{"frobnicate"}, "'frobnicate' is not a command of smartgoals; use one of: goal, checkin"},
    // A line that names a command still lists them all when another word is not one.
    {{"reveiw", "goal"},
     "'reveiw' is not a command of smartgoals; use one of: goal, checkin, review, urge-log, cbc, "
     "values, balance, abc, plan, worksheet, config, export, import, undo, nudge, encrypt, "
     "decrypt, "
     "lock\n"}, // and not the
                // hidden
                // __complete
    {{"--db", "review", "frobnicate"},
     "'frobnicate' is not a command of smartgoals; use one of: "
     "goal, checkin, review"},
    {{"goal", "finish", "1"}, "'finish' is not a command of smartgoals goal"},
    {{"goal"}, "smartgoals goal needs one of: add, done, drop, reopen, edit, show, remove"},
    {{"goal", "add"}, "smartgoals goal add needs TEXT, what you plan to do"},
    {{"goal", "add", ""}, "the goal's text is empty"},
    {{"goal", "add", "   "}, "the goal's text is empty"},
    {{"goal", "add", "x", "--area", "health"},
     "--area: 'health' is not one of SMART's four points"},
    {{"goal", "add", "x", "--times", "0"}, "--times: 0 is out of range; use 1 to 99"},
    {{"goal", "add", "x", "--times", "100"}, "--times: 100 is out of range"},
    {{"goal", "add", "x", "--times", "lots"}, "--times: 'lots' is not a whole number"},
    // Numbers are plain decimal (SPEC §8): 010 once stored 8, and 0x10 16.
    {{"goal", "add", "x", "--times", "010"},
     "--times: '010' is not a whole number; write it in "
     "plain decimal"},
    {{"goal", "add", "x", "--times", "0x10"}, "--times: '0x10' is not a whole number"},
    {{"goal", "add", "x", "--times", "+3"}, "--times: '+3' is not a whole number"},
    {{"goal", "add", "x", "--times", "99999999999"}, "--times: 99999999999 is far too large"},
    {{"checkin", "--rating", "07"}, "--rating: '07' is not a whole number"},
    {{"urge-log", "--intensity", "0x5"}, "--intensity: '0x5' is not a whole number"},
    {{"goal", "done", "01"}, "'01' is not an id"},
    // Every date stored or computed lies in 1900..9999 (SPEC §4).
    {{"goal", "list", "--week", "-9999"}, "outside the years 1900 to 9999"},
    {{"goal", "list", "--week", "-01"}, "--week: '-01' is not a week"},
    {{"review", "--trend", "-0"}, "--trend: '-0' is not a whole number"},
    {{"--today", "1900-01-03", "goal", "add", "x", "--week", "last"},
     "outside the years 1900 to 9999"},
    {{"--today", "9999-12-30", "goal", "add", "x", "--week", "next"},
     "outside the years 1900 to 9999"},
    {{"goal", "add", "x", "--week", "someday"}, "--week: 'someday' is not a week"},
    {{"goal", "add", "x", "--week", "2021-W53"}, "--week: '2021-W53' is not a week of that year"},
    {{"goal", "add", "x", "--colour", "red"}, "--colour"},
    {{"goal", "done", "99"}, "there is no goal #99"},
    {{"goal", "done", "abc"}, "ID: 'abc' is not an id"},
    {{"goal", "done", "-3"}, "-3"},
    {{"goal", "done", "1", "--date", "2026-11-20"}, "--date: 2026-11-20 is in the future"},
    {{"goal", "done", "1", "--date", "2026-02-30"}, "--date: '2026-02-30' is not a date"},
    {{"goal", "drop", "42"}, "there is no goal #42"},
    {{"goal", "reopen", "0"}, "ID: '0' is not an id"},
    {{"goal", "edit", "1"}, "goal edit needs something to change"},
    {{"goal", "edit", "1", "--text", ""}, "--text is empty"},
    {{"goal", "list", "--week", "+1"}, "--week: '+1' is not a week"},
    {{"checkin", "--rating", "11"}, "--rating: 11 is out of range; use 1 to 10"},
    {{"checkin", "--rating", "0", "--note", "x"}, "--rating: 0 is out of range"},
    {{"checkin", "--rating", "seven"}, "--rating"},
    {{"checkin", "--note", "  "}, "--note is empty"},
    {{"checkin", "--rating", "5", "--date", "2027-01-01"}, "is in the future"},
    {{"review", "--trend", "-1"}, "--trend: -1 is out of range"},
    {{"review", "--format", "pdf"}, "--format: 'pdf' is not a review format"},
    {{"worksheet", "weekly", "--format", "docx"}, "is not a worksheet format"},
    {{"review", "--week", "2026-13-01"}, "--week: '2026-13-01' is not a week"},
    {{"config", "set", "colour", "blue"}, "'colour' is not a setting"},
    {{"config", "set", "week-start", "funday"}, "week-start: 'funday' is not a day"},
    {{"config", "get", "theme"}, "'theme' is not a setting"},
    {{"export", "urgez"}, "'urgez' is not a table"},
    {{"export", "goals", "--format", "xml"}, "--format: 'xml' is not an export format"},
    {{"export", "goals", "--since", "tomorrow"}, "--since: 'tomorrow' is not a date"},
    {{"export", "goals", "--until", "thurs"}, "--until: 'thurs' is not a date"},
    {{"goal", "done", "1", "--date", "next monday"}, "--date: 'next monday' is not a date"},
    {{"export", "goals", "--since", "2026-11-10", "--until", "2026-11-01"}, "is after --until"},
    {{"--today", "2026-11-31", "review"}, "--today: '2026-11-31' is not a date"},
    {{"--color", "sometimes", "review"}, "--color"},
};

} // namespace

// Each kind of error the command-line parser finds, in smartgoals' words (SPEC §8): the command,
// the word that was not understood, and what to do.
const std::vector<BadInput> k_parse_errors = {
    // a command needs one of its own
    {{"cbc"},
     "smartgoals cbc needs one of: new, add, show, list, remove, edit, delete, rename; "
     "see 'smartgoals cbc --help'"},
    {{"--quiet"}, "a command is needed: one of goal, checkin, review"},
    // a word that should be there is missing: named, with an example
    {{"goal", "done"},
     "smartgoals goal done needs ID, the goal's id; for example: smartgoals "
     "goal done 3"},
    {{"import"}, "smartgoals import needs FILE"},
    // a word too many
    {{"goal", "list", "list"},
     "'list' is one word too many for smartgoals goal list (a text with spaces goes in quotes)"},
    {{"goal", "done", "1", "2"}, "'2' is one word too many for smartgoals goal done"},
    // an option the command does not have
    {{"goal", "add", "x", "--bogus"},
     "'--bogus' is not an option of smartgoals goal add; see 'smartgoals goal add --help'"},
    {{"--bogus"}, "'--bogus' is not an option of smartgoals; see 'smartgoals --help'"},
    // an option without its value
    {{"goal", "list", "--week"},
     "--week needs a value after it; see 'smartgoals goal list --help'"},
    {{"--color"}, "--color needs a value after it"},
    // options that exclude each other
    {{"urge-log", "--intensity", "5", "--rode-out", "--acted"},
     "--rode-out and --acted cannot be given together; give one of them"},
    {{"undo", "--list", "--clear"}, "--list and --clear cannot be given together"},
    // a value outside its set
    {{"--color", "pink", "review"},
     "--color: 'pink' is not a colour setting; use auto, always or never"},
    // a flag given a value
    {{"undo", "--list=maybe"},
     "--list is a switch and takes no value; see 'smartgoals undo --help'"},
};

TEST_CASE("each kind of parse error is told in smartgoals' words, never the parser's") {
    Sandbox s;
    s.ok({"goal", "add", "Walk"});
    for (const auto& bad : k_parse_errors) {
        check_refused(s, bad.args, bad.message);
        const auto r = s.run(bad.args);
        for (const char* parser_words :
             {"is required", "not expected", " excludes ", "required TEXT", "required INT",
              "not in {", "A subcommand", "Could not convert", "allowed value", "At least",
              "At Most", "Expected exactly", "flag override", "too many inputs"}) {
            CAPTURE(parser_words);
            CHECK_FALSE(contains(r.err, parser_words));
        }
    }
}

TEST_CASE("every bad input: exit 2, one error line, nothing changed") {
    Sandbox s;
    s.ok({"goal", "add", "Walk"});
    s.ok({"config", "set", "name", "Sam"});
    for (const auto& bad : k_bad_inputs) {
        check_refused(s, bad.args, bad.message);
    }
}

TEST_CASE("a bad SMARTGOALS_TODAY is named, and --today wins over it") {
    Sandbox s("someday");
    auto r = s.run({"goal", "list"});
    CHECK(r.code == 2);
    CHECK(r.err == "smartgoals: error: SMARTGOALS_TODAY: 'someday' is not a date; use YYYY-MM-DD "
                   "(for example 2026-03-09), today, yesterday or a weekday such as monday or "
                   "mon\n");
    r = s.run({"--today", "2026-11-19", "goal", "list"});
    CHECK(r.code == 0);
}

TEST_CASE("help for every command, with examples, and the version") {
    Sandbox s;
    for (const auto& args : std::vector<std::vector<std::string>>{{"--help"},
                                                                  {"goal", "--help"},
                                                                  {"goal", "add", "--help"},
                                                                  {"goal", "done", "-h"},
                                                                  {"goal", "drop", "--help"},
                                                                  {"goal", "reopen", "--help"},
                                                                  {"goal", "edit", "--help"},
                                                                  {"goal", "list", "--help"},
                                                                  {"checkin", "--help"},
                                                                  {"review", "--help"},
                                                                  {"config", "--help"},
                                                                  {"config", "set", "--help"},
                                                                  {"export", "--help"}}) {
        const auto r = s.run(args);
        INFO(args.front(), " ", args.size() > 1 ? args[1] : "");
        CHECK(r.code == 0);
        CHECK(contains(r.out, "Example"));
    }
    CHECK(contains(s.ok({"goal", "add", "--help"}), "--every-week"));
    CHECK(s.ok({"--version"}) == "smartgoals 0.1.0\n");
    CHECK_FALSE(std::filesystem::exists(s.db));
}
