// SPDX-License-Identifier: MIT
// More of SMART's toolbox (SPEC §6.2): the Hierarchy of Values and the Lifestyle Balance Pie,
// as a member uses them, and every value they refuse.
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace {

// The values as `values list` shows them, one "N. text" per line.
std::string listed(const Sandbox& s) {
    std::string out;
    std::istringstream lines(s.ok({"values", "list"}));
    for (std::string line; std::getline(lines, line);) {
        out += line.substr(0, line.find("  (#")) + "\n";
    }
    return out;
}

} // namespace

TEST_CASE("values: what matters most, in order, with places 1.. and no gaps") {
    Sandbox s;
    CHECK(s.ok({"values", "add", "My kids"}) == "1\n");
    CHECK(s.ok({"values", "add", "Music"}) == "2\n");
    const auto r = s.run({"values", "add", "My health", "--position", "1"});
    CHECK(r.out == "3\n");
    CHECK(contains(r.err, "\"My health\" is number 1 of what matters to you."));
    CHECK(listed(s) == "  1. My health\n  2. My kids\n  3. Music\n");

    CHECK(contains(s.run({"values", "move", "2", "1"}).err, "\"Music\" is now number 1 of 3."));
    CHECK(listed(s) == "  1. Music\n  2. My health\n  3. My kids\n");
    s.ok({"values", "move", "2", "3"});
    CHECK(listed(s) == "  1. My health\n  2. My kids\n  3. Music\n");
    CHECK(contains(s.run({"values", "move", "2", "3"}).err, "already number 3; nothing changed"));

    s.ok({"values", "edit", "1", "Time with my kids"});
    s.ok({"values", "remove", "3"}); // My health: the others move up
    CHECK(listed(s) == "  1. Time with my kids\n  2. Music\n");
    s.ok({"undo"});
    CHECK(listed(s) == "  1. My health\n  2. Time with my kids\n  3. Music\n");

    const auto csv = s.ok({"export", "values"});
    CHECK(csv.rfind("id,uuid,position,text,created\r\n3,", 0) == 0);
    CHECK(contains(csv, ",2,Time with my kids,2026-11-19\r\n"));
}

TEST_CASE("values refuse what cannot be placed, and change nothing") {
    Sandbox s;
    check_refused(s, {"values", "add", "  "}, "the value");
    s.ok({"-q", "values", "add", "My kids"});
    s.ok({"-q", "values", "add", "Music"});
    check_refused(s, {"values", "add", "Faith", "--position", "0"},
                  "--position: 0 is out of range; use 1 to 3");
    check_refused(s, {"values", "add", "Faith", "--position", "4"}, "use 1 to 3");
    check_refused(s, {"values", "move", "1", "3"}, "position: 3 is out of range; use 1 to 2");
    check_refused(s, {"values", "move", "9", "1"},
                  "there is no value #9; 'smartgoals values list'");
    check_refused(s, {"values", "remove", "nine"}, "'nine'");
    check_refused(s, {"values", "edit", "1", ""}, "the value");
    check_refused(s, {"values"}, "smartgoals values needs one of: add, list, move, edit, remove");
}

TEST_CASE("the review opens with the top five values, in the member's words, in every format") {
    Sandbox s;
    CHECK_FALSE(contains(s.ok({"review"}), "What matters to me"));
    for (const char* v : {"My kids", "My health", "Singing", "Faith", "The garden", "Sixth"}) {
        s.ok({"-q", "values", "add", v});
    }
    const auto text = s.ok({"review"});
    const std::string line = "What matters to me: My kids, My health, Singing, Faith, The garden";
    CHECK(text.find(line + "\n") == text.find('\n') + 1); // right under the heading
    CHECK_FALSE(contains(text, "Sixth"));
    CHECK(contains(s.ok({"review", "--format", "markdown"}), "\n\n" + line + "\n\n"));
    CHECK(contains(s.ok({"review", "--format", "html"}), "<p class=\"values\">" + line + "</p>"));
    const auto json = nlohmann::json::parse(s.ok({"review", "--format", "json"}));
    CHECK(json["values"] ==
          nlohmann::json::array({"My kids", "My health", "Singing", "Faith", "The garden"}));
    // A value with a comma of its own is set apart with semicolons.
    s.ok({"values", "edit", "1", "My kids, and their kids"});
    CHECK(contains(s.ok({"review"}), "What matters to me: My kids, and their kids; My health;"));
}

TEST_CASE("balance: areas rated 0 to 10, the latest beside the one before") {
    Sandbox s;
    CHECK(contains(s.run({"balance", "show"}).err, "Nothing rated yet"));
    CHECK(s.ok({"--today", "2026-11-05", "balance", "rate", "family=5", "health=3"}) == "1\n2\n");
    const auto r = s.run({"balance", "rate", "Family=7", "work=0"});
    CHECK(r.code == 0);
    CHECK(r.out == "3\n4\n");
    CHECK(contains(r.err, "Rated on 2026-11-19: family 7, work 0."));
    const auto show = s.ok({"balance", "show"});
    CHECK(contains(show, "family   ▇▇▇▇▇▇▇···  7  (2026-11-19)  before: 5 (2026-11-05)\n"));
    CHECK(contains(show, "health   ▇▇▇·······  3  (2026-11-05)\n"));
    CHECK(contains(show, "work     ··········  0  (2026-11-19)\n"));
    CHECK(contains(show, "friends  not rated yet\n"));
    // Narrow, and for a screen reader, each area is a sentence with the same numbers.
    const auto plain_output = s.ok({"--plain", "balance", "show"});
    s.env["COLUMNS"] = "40";
    const auto narrow = s.ok({"balance", "show"});
    s.env.erase("COLUMNS");
    for (const auto& plain : {plain_output, unwrapped(narrow)}) {
        CHECK(contains(plain, "family: 7 on 2026-11-19; before that 5 on 2026-11-05\n"));
        CHECK(contains(plain, "friends: not rated yet\n"));
        CHECK_FALSE(contains(plain, "▇"));
    }
    const auto json = nlohmann::json::parse(s.ok({"balance", "show", "--format", "json"}));
    CHECK(json["areas"][0]["area"] == "family");
    CHECK(json["areas"][0]["latest"]["score"] == 7);
    CHECK(json["areas"][0]["previous"]["score"] == 5);
    CHECK(json["areas"][1]["latest"].is_null());
    CHECK(contains(s.ok({"balance", "show", "--format", "markdown"}),
                   "| family | 7 | 2026-11-19 | 5 | 2026-11-05 |\n"));

    const auto csv = s.ok({"export", "balance"});
    CHECK(csv.rfind("id,uuid,date,area,score\r\n1,", 0) == 0);
    CHECK(contains(csv, ",2026-11-19,work,0\r\n"));
    CHECK(contains(s.ok({"balance", "list"}), "#4  2026-11-19  work 0"));
    s.ok({"balance", "remove", "3"});
    CHECK(contains(s.ok({"balance", "show"}), "family   ▇▇▇▇▇·····  5  (2026-11-05)\n"));
    s.ok({"undo"});
    CHECK(contains(s.ok({"balance", "show"}), "before: 5 (2026-11-05)"));
}

TEST_CASE("balance: a member's own areas, and every rating that cannot be taken") {
    Sandbox s;
    CHECK(s.ok({"balance", "areas"}) ==
          "family\nfriends\nhealth\nwork\nleisure\nmoney\nhome\ngrowth\n");
    check_refused(s, {"balance", "rate", "cooking=3"},
                  "'cooking' is not one of your areas (family, friends, health, work, leisure, "
                  "money, home, growth); to rate it, add it to them with: smartgoals balance "
                  "areas --set family,friends,health,work,leisure,money,home,growth,cooking");
    check_refused(s, {"balance", "rate", "family=11"},
                  "family: '11' is not a rating; use a whole "
                  "number from 0 to 10");
    check_refused(s, {"balance", "rate", "family=-1"}, "'-1' is not a rating");
    check_refused(s, {"balance", "rate", "family=7.5"}, "'7.5' is not a rating");
    check_refused(s, {"balance", "rate", "family"}, "'family' is not a rating; write AREA=SCORE");
    check_refused(s, {"balance", "rate", "family=3", "FAMILY=4"}, "family is rated twice");
    check_refused(s, {"balance", "rate", "family=3", "--date", "2026-11-20"}, "in the future");
    check_refused(s, {"balance", "show", "--format", "pdf"}, "'pdf' is not a format for balance");
    check_refused(s, {"balance", "remove", "1"}, "there is no rating #1");
    check_refused(s, {"balance", "areas", "--set", "family,,work"}, "an area is empty");
    check_refused(s, {"balance", "areas", "--set", "family,Family"}, "'Family' is there twice");
    check_refused(s, {"balance", "areas", "--set", "a=b"}, "cannot be an area's name");

    s.ok({"balance", "areas", "--set", "Family, Health ,Music"});
    CHECK(s.ok({"balance", "areas"}) == "Family\nHealth\nMusic\n");
    s.ok({"-q", "balance", "rate", "music=8", "family=6"});
    CHECK(contains(s.ok({"balance", "show"}), "Music   ▇▇▇▇▇▇▇▇··  8"));
    check_refused(s, {"balance", "rate", "work=3"},
                  "'work' is not one of your areas (Family, "
                  "Health, Music)");
    s.ok({"undo"}); // the ratings
    s.ok({"undo"}); // the areas
    CHECK(contains(s.ok({"balance", "areas"}), "\ngrowth\n"));
    // The areas travel with an export, as a setting.
    s.ok({"balance", "areas", "--set", "family,music"});
    const auto doc = nlohmann::json::parse(s.ok({"export"}));
    CHECK(doc["settings"]["balance-areas"] == "family,music");
}

TEST_CASE("values and balance ratings travel in the JSON export and back, byte for byte") {
    Sandbox s;
    s.ok({"-q", "values", "add", "My kids"});
    s.ok({"-q", "values", "add", "Music"});
    s.ok({"-q", "values", "add", "Health", "--position", "1"});
    s.ok({"-q", "values", "remove", "2"});
    s.ok({"-q", "--today", "2026-11-02", "balance", "rate", "family=4", "health=6"});
    s.ok({"-q", "balance", "rate", "family=6"});
    const auto first = s.ok({"export"});
    const auto doc = nlohmann::json::parse(first);
    CHECK(doc["values"].size() == 2);
    CHECK(doc["values"][0]["text"] == "Health");
    CHECK(doc["values"][0]["position"] == 1);
    CHECK(doc["balance"].size() == 3);
    CHECK(doc["removed"].size() == 1);

    Sandbox other;
    const auto file = other.dir / "all.json";
    std::ofstream(file) << first;
    const auto r = other.run({"import", file.string()});
    CHECK(contains(r.err, "values       2 added, 0 already here\n"));
    CHECK(contains(r.err, "balance      3 added, 0 already here\n"));
    CHECK(other.ok({"export"}) == first);
    CHECK(
        contains(other.run({"import", file.string()}).err, "values       0 added, 2 already here"));
    // A value removed here is not brought back by an older export.
    const auto older = s.ok({"export"});
    s.ok({"-q", "values", "remove", "1"});
    std::ofstream(s.dir / "older.json") << older;
    CHECK(contains(s.run({"import", (s.dir / "older.json").string()}).err,
                   "values       0 added, 1 already here, 1 removed here (not brought back)"));
    // A score out of range in a file is refused whole.
    auto bad = doc;
    bad["balance"][0]["score"] = 12;
    std::ofstream(other.dir / "bad.json") << bad.dump();
    check_refused(other, {"import", (other.dir / "bad.json").string()},
                  "import: balance[0].score: 12 is out of range (0 to 10)");
}
