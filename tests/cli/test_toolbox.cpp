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

TEST_CASE("abc: an event, the beliefs it stirred, and a new belief, from an urge or not") {
    Sandbox s;
    s.ok({"-q", "urge-log", "--intensity", "7", "--at", "2026-11-17 18:30", "--trigger", "payday"});
    // From an urge, an ABC is about the urge's day and linked to it.
    CHECK(s.ok({"abc", "new", "--urge", "1", "--event", "Payday, walked past the pub", "--belief",
                "I deserve it"}) == "1\n");
    CHECK(s.ok({"abc", "new", "--event", "Row with my brother", "--consequence",
                "Slammed the door"}) == "2\n");
    const auto one = s.ok({"abc", "show", "1"});
    CHECK(contains(one, "ABC #1  2026-11-17  (from urge #1)\n"));
    CHECK(contains(one, "  B Beliefs: I deserve it\n"));
    CHECK(contains(one, "  E Effective new belief: (not yet)\n"));
    const auto list = s.ok({"abc", "list"});
    CHECK(list.find("#2  2026-11-19  Row with my brother") < list.find("#1  2026-11-17"));
    CHECK(contains(s.ok({"abc", "list", "--week", "2026-11-17"}), "#1  2026-11-17"));
    CHECK(contains(s.run({"abc", "list", "--week", "last"}).err, "No ABCs that week."));

    s.ok({"abc", "edit", "1", "--dispute", "Is it true? One is never one for me", "--effective",
          "I can treat myself to a good meal"});
    CHECK(contains(
        s.run({"abc", "edit", "1", "--effective", "I can treat myself to a good meal"}).err,
        "already reads that way; nothing changed"));
    s.ok({"abc", "edit", "2", "--consequence", ""}); // "" clears a part
    const auto json = nlohmann::json::parse(s.ok({"abc", "show", "2", "--format", "json"}));
    CHECK(json["consequence"] == "");
    CHECK(json["urge_id"].is_null());
    CHECK(contains(s.ok({"abc", "show", "1", "--format", "markdown"}),
                   "## E: Effective new belief\n\nI can treat myself to a good meal\n"));
    s.ok({"abc", "edit", "2", "--event", "Row with my <b>brother</b>"});
    const auto html = s.ok({"abc", "show", "2", "--format", "html"});
    CHECK(contains(html, "Row with my &lt;b&gt;brother&lt;/b&gt;"));
    CHECK(contains(html, "What would I tell a friend who thought this?"));

    // The review shows the week's ABCs by their new beliefs.
    const auto review = s.ok({"review", "--week", "this"});
    CHECK(contains(review, "ABCs (2)\n  2026-11-17: I can treat myself to a good meal\n"
                           "  2026-11-19: Row with my <b>brother</b> (a new belief still to "
                           "come)\n"));
    const auto rj = nlohmann::json::parse(s.ok({"review", "--week", "this", "--format", "json"}));
    CHECK(rj["abc"].size() == 2);
    CHECK(rj["abc"][1]["effective"].is_null());
    CHECK_FALSE(contains(s.ok({"review", "--week", "last"}), "ABCs"));

    // Removing the urge leaves the ABC, no longer linked; undo links it again.
    s.ok({"urge-log", "remove", "1"});
    CHECK(contains(s.ok({"abc", "show", "1"}), "ABC #1  2026-11-17\n"));
    s.ok({"undo"});
    CHECK(contains(s.ok({"abc", "show", "1"}), "(from urge #1)"));
    s.ok({"abc", "remove", "2"});
    CHECK_FALSE(contains(s.ok({"abc", "list"}), "#2"));
    s.ok({"undo"});
    CHECK(contains(s.ok({"abc", "list"}), "#2"));

    const auto csv = s.ok({"export", "abc"});
    CHECK(csv.rfind("id,uuid,date,week,event,belief,consequence,dispute,effective,urge_id,"
                    "urge_uuid\r\n1,",
                    0) == 0);
    CHECK(contains(csv, ",2026-11-17,2026-11-16,\"Payday, walked past the pub\",I deserve it,,"));
}

TEST_CASE("abc refuses what it cannot record, and changes nothing") {
    Sandbox s;
    s.ok({"-q", "abc", "new", "--event", "Payday"});
    check_refused(s, {"abc", "new", "--belief", "I deserve it"}, "the activating event is needed");
    check_refused(s, {"abc", "new", "--event", "  "}, "the activating event is needed");
    check_refused(s, {"abc", "new"},
                  "abc new needs --event (and any other parts) when it is not "
                  "run on a terminal");
    check_refused(s, {"abc", "new", "--event", "x", "--urge", "4"}, "--urge: there is no urge #4");
    check_refused(s, {"abc", "new", "--event", "x", "--date", "2026-11-20"}, "in the future");
    check_refused(s, {"abc", "edit", "1"}, "abc edit needs something to change");
    check_refused(s, {"abc", "edit", "1", "--event", ""}, "the activating event is needed");
    check_refused(s, {"abc", "edit", "7", "--belief", "x"}, "there is no ABC #7");
    check_refused(s, {"abc", "show", "1", "--format", "pdf"}, "'pdf' is not a format for abc");
    check_refused(s, {"abc", "remove", "x1"}, "'x1'");
    check_refused(s, {"abc", "list", "--week", "someday"}, "'someday'");
}

TEST_CASE("guided abc on a terminal asks each part, offers the disputing questions") {
    Sandbox s;
    s.env["COLUMNS"] = "200";
    const auto r =
        s.converse({"abc", "new"},
                   {{"A (Activating event): What happened? (what a camera would have seen) ", "\n"},
                    {"The event is the one answer an ABC needs.", ""},
                    {"A (Activating event): ", "Walked past the pub on payday\n"},
                    {"B (Beliefs): What did I tell myself about it? ", "I deserve a drink\n"},
                    {"C (Consequences): How did I feel, and what did I do? ", "\n"},
                    {"Is it true, and where is the evidence? Does it help me? What would I tell "
                     "a friend who thought this?",
                     ""},
                    {"D (Dispute): ", "I can deserve something better\n"},
                    {"E (Effective new belief): ", "A good meal is my treat\n"}});
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "Recorded ABC #1 (2026-11-19)."));
    const auto json = nlohmann::json::parse(s.ok({"abc", "show", "1", "--format", "json"}));
    CHECK(json["event"] == "Walked past the pub on payday");
    CHECK(json["consequence"] == "");
    CHECK(json["effective"] == "A good meal is my treat");
    // Ctrl-D before the end records nothing.
    const auto stopped = s.converse(
        {"abc", "new"}, {{"A (Activating event): ", "Payday\n"}, {"B (Beliefs): ", "\x04"}});
    CHECK(stopped.code == 2);
    CHECK_FALSE(contains(s.ok({"abc", "list"}), "#2"));
}

TEST_CASE("ABCs travel in the JSON export with the urge they came from, byte for byte") {
    Sandbox s;
    s.ok({"-q", "urge-log", "--intensity", "7", "--at", "2026-11-17 18:30"});
    s.ok({"-q", "abc", "new", "--urge", "1", "--event", "Payday", "--effective", "A good meal"});
    s.ok({"-q", "abc", "new", "--event", "Row", "--date", "2026-11-02"});
    const auto first = s.ok({"export"});
    const auto doc = nlohmann::json::parse(first);
    REQUIRE(doc["abc"].size() == 2);
    CHECK(doc["abc"][0]["urge_uuid"] == doc["urges"][0]["uuid"]);
    Sandbox other;
    std::ofstream(other.dir / "all.json") << first;
    CHECK(contains(other.run({"import", (other.dir / "all.json").string()}).err,
                   "ABCs         2 added, 0 already here\n"));
    CHECK(other.ok({"export"}) == first);
    CHECK(contains(other.ok({"abc", "show", "1"}), "(from urge #1)"));
    auto bad = doc;
    bad["abc"][1].erase("event");
    std::ofstream(other.dir / "bad.json") << bad.dump();
    check_refused(other, {"import", (other.dir / "bad.json").string()},
                  "import: abc[1].event: is missing");
}

TEST_CASE("plan: SMART's Change Plan as data, its steps becoming goals") {
    Sandbox s;
    CHECK(s.ok({"plan", "new", "Cut down at weekends", "--importance", "9", "--confidence", "6",
                "--reason", "Be present for the kids", "--step", "No drinks at home", "--step",
                "Swim on Sunday", "--helper", "My sister: a call on Fridays", "--sign",
                "Saturday mornings feel good", "--interfere", "Payday: plan the evening"}) ==
          "1\n");
    CHECK(s.ok({"plan", "new", "Sleep by eleven"}) == "2\n");
    // A step becomes a goal for the week asked; plan show says how it stands.
    CHECK(s.ok({"plan", "goal", "1", "2", "--week", "next"}) == "1\n");
    const auto goal = nlohmann::json::parse(s.ok({"export", "goals", "--format", "json"}))[0];
    CHECK(goal["text"] == "Swim on Sunday");
    CHECK(goal["week"] == "2026-11-23");
    s.ok({"--today", "2026-11-24", "goal", "done", "1"});
    const auto show = s.ok({"--today", "2026-11-24", "plan", "show", "1"});
    CHECK(contains(show, "Change plan #1: Cut down at weekends\n"
                         "  How important it is to me: 9/10. How confident I am: 6/10.\n"));
    CHECK(contains(show, "The steps I plan to take\n  1. No drinks at home\n"
                         "  2. Swim on Sunday (goal #1, done)\n"));
    CHECK(contains(show, "Who can help, and how\n  1. My sister: a call on Fridays\n"));
    CHECK(contains(s.ok({"plan", "show", "2"}), "The steps I plan to take\n  (not yet)\n"));
    s.env["COLUMNS"] = "132";
    CHECK(contains(s.ok({"plan", "list"}),
                   "#1  Cut down at weekends  (importance 9/10, confidence 6/10; 2 steps; made "
                   "2026-11-19)"));

    // Steps given again replace the list; the step that kept its place and words keeps its goal.
    s.ok({"plan", "edit", "1", "--step", "No drinks at home", "--step", "Swim on Sunday", "--step",
          "Read before bed", "--confidence", "7"});
    const auto json = nlohmann::json::parse(s.ok({"plan", "show", "1", "--format", "json"}));
    CHECK(json["confidence"] == 7);
    int steps = 0;
    for (const auto& line : json["lines"]) {
        if (line["part"] == "step") {
            ++steps;
            CHECK(line["goal_id"] == (line["number"] == 2 ? nlohmann::json(1) : nlohmann::json()));
        }
    }
    CHECK(steps == 3);
    CHECK(contains(s.run({"plan", "edit", "1", "--confidence", "7"}).err,
                   "already reads that way; nothing changed"));
    s.ok({"plan", "edit", "1", "--interfere", ""}); // "" clears a list
    CHECK(contains(s.ok({"plan", "show", "1", "--format", "markdown"}),
                   "## What could interfere, and what I can do about it\n\n(not yet)\n"));
    CHECK(contains(s.ok({"plan", "show", "1", "--format", "html"}),
                   "<li>2. Swim on Sunday (goal #1, done)</li>"));

    const auto csv = s.ok({"export", "plans"});
    CHECK(csv.rfind("plan_id,plan_uuid,change,importance,confidence,created,part,number,text,"
                    "goal_id,goal_uuid\r\n1,",
                    0) == 0);
    CHECK(contains(csv, ",Cut down at weekends,9,7,2026-11-19,step,2,Swim on Sunday,1,"));
    CHECK(contains(csv, ",Sleep by eleven,,,2026-11-19,,,,,\r\n")); // a plan with no lines

    // Removing a plan keeps the goals made from it; undo brings the plan back.
    s.ok({"plan", "remove", "1"});
    CHECK(contains(s.ok({"goal", "list", "--all"}), "Swim on Sunday"));
    s.ok({"undo"});
    CHECK(contains(s.ok({"plan", "show", "1"}), "2. Swim on Sunday (goal #1"));
}

TEST_CASE("plan refuses what it cannot record, and changes nothing") {
    Sandbox s;
    s.ok({"-q", "plan", "new", "Cut down", "--step", "No drinks at home"});
    check_refused(s, {"plan", "new", " "}, "the change");
    check_refused(s, {"plan", "new", "x", "--importance", "0"},
                  "--importance: 0 is out of range; use 1 to 10");
    check_refused(s, {"plan", "new", "x", "--confidence", "11"}, "use 1 to 10");
    check_refused(s, {"plan", "edit", "1"}, "plan edit needs something to change");
    check_refused(s, {"plan", "edit", "3", "--change", "x"}, "there is no plan #3");
    check_refused(s, {"plan", "goal", "1", "2"}, "plan #1 has no step 2");
    check_refused(s, {"plan", "goal", "1", "1", "--week", "someday"}, "'someday'");
    s.ok({"-q", "plan", "goal", "1", "1"});
    check_refused(s, {"plan", "goal", "1", "1"}, "step 1 of plan #1 is already goal #1");
    check_refused(s, {"plan", "show", "1", "--format", "pdf"}, "'pdf' is not a format for plan");
    check_refused(s, {"plan", "remove", "one"}, "'one'");
}

TEST_CASE("plans travel in the JSON export with the goals their steps became, byte for byte") {
    Sandbox s;
    s.ok({"-q", "plan", "new", "Cut down", "--importance", "8", "--reason", "Kids", "--step",
          "No drinks at home", "--step", "Swim"});
    s.ok({"-q", "plan", "new", "Sleep"});
    s.ok({"-q", "plan", "goal", "1", "2"});
    const auto first = s.ok({"export"});
    const auto doc = nlohmann::json::parse(first);
    REQUIRE(doc["plans"].size() == 2);
    CHECK(doc["plans"][0]["parts"][2]["goal_uuid"] == doc["goals"][0]["uuid"]);
    CHECK(doc["plans"][1]["parts"].empty());
    Sandbox other;
    std::ofstream(other.dir / "all.json") << first;
    CHECK(contains(other.run({"import", (other.dir / "all.json").string()}).err,
                   "plans        2 added, 0 already here\n"));
    CHECK(other.ok({"export"}) == first);
    auto bad = doc;
    bad["plans"][0]["parts"][1]["part"] = "wish";
    std::ofstream(other.dir / "bad.json") << bad.dump();
    check_refused(other, {"import", (other.dir / "bad.json").string()},
                  "import: plans[0].parts[1].part: 'wish' is not one of reason, step, helper, "
                  "sign, interfere");
}

TEST_CASE("every tool filled: export, import into an empty database, export again is identical") {
    Sandbox s;
    s.ok({"-q", "goal", "add", "Walk", "--every-week", "--times", "2"});
    s.ok({"-q", "goal", "done", "1"});
    s.ok({"-q", "checkin", "--rating", "7", "--note", "steady"});
    s.ok({"-q", "urge-log", "--intensity", "6", "--strategy", "delay", "--rode-out"});
    s.ok({"-q", "cbc", "new", "Drinking"});
    s.ok({"-q", "cbc", "add", "1", "bu", "Relaxing", "--weight", "3"});
    s.ok({"-q", "values", "add", "My kids"});
    s.ok({"-q", "values", "add", "Health", "--position", "1"});
    s.ok({"-q", "balance", "areas", "--set", "family,health,music"});
    s.ok({"-q", "balance", "rate", "family=7", "music=9"});
    s.ok({"-q", "abc", "new", "--urge", "1", "--event", "Payday", "--effective", "A good meal"});
    s.ok({"-q", "plan", "new", "Cut down", "--importance", "8", "--step", "Swim", "--sign",
          "Sleep"});
    s.ok({"-q", "plan", "goal", "1", "1"});
    s.ok({"-q", "goal", "add", "Typo"});
    s.ok({"-q", "goal", "remove", "3"});
    const auto first = s.ok({"export"});
    const auto doc = nlohmann::json::parse(first);
    for (const char* key :
         {"goals", "checkins", "urges", "cbc", "values", "abc", "plans", "balance", "removed"}) {
        INFO(key);
        CHECK_FALSE(doc[key].empty());
    }
    Sandbox other;
    std::ofstream(other.dir / "all.json") << first;
    other.ok({"-q", "import", (other.dir / "all.json").string()});
    CHECK(other.ok({"export"}) == first);
    CHECK(other.ok({"review", "--format", "json"}) == s.ok({"review", "--format", "json"}));
}

TEST_CASE("the toolbox's edges: '--' ends the options, numbers are plain, imports are checked") {
    Sandbox s;
    // A change may start with "-": "--" after a list option still ends the options.
    CHECK(s.ok({"plan", "new", "--step", "Walk", "--", "-1 drink a day"}) == "1\n");
    CHECK(contains(s.ok({"plan", "show", "1"}), "Change plan #1: -1 drink a day\n"));
    check_refused(s, {"balance", "rate", "family=07"}, "'07' is not a rating");
    check_refused(s, {"balance", "rate", "=5"}, "'=5' names no area; write AREA=SCORE");
    s.env["COLUMNS"] = "40";
    for (const auto& line : [&] {
             std::vector<std::string> lines;
             std::istringstream in(s.ok({"balance", "show"}));
             for (std::string l; std::getline(in, l);) {
                 lines.push_back(l);
             }
             return lines;
         }()) {
        CHECK(line.size() <= 40);
    }
    s.env.erase("COLUMNS");
    s.ok({"-q", "balance", "rate", "family=6"});
    s.ok({"-q", "plan", "goal", "1", "1"});
    const auto doc = nlohmann::json::parse(s.ok({"export"}));
    Sandbox other;
    const auto refused = [&](nlohmann::json bad, const std::string& message) {
        std::ofstream(other.dir / "bad.json") << bad.dump();
        check_refused(other, {"import", (other.dir / "bad.json").string()}, message);
    };
    auto bad = doc;
    bad["balance"][0]["area"] = "a\x1b[31mb";
    refused(bad, "import: balance[0].area: 'a^[[31mb' is not an area's name");
    bad = doc;
    bad["balance"][0]["area"] = " family ";
    refused(bad, "import: balance[0].area: ' family ' is not an area's name");
    bad = doc;
    bad["plans"][0]["parts"][0]["part"] = "reason";
    refused(bad, "import: plans[0].parts[0].goal_uuid: belongs to steps only");
    // A plan of many steps comes back as it went.
    std::vector<std::string> many = {"plan", "new", "Many"};
    for (int i = 1; i <= 1005; ++i) {
        many.push_back("--step");
        many.push_back("s" + std::to_string(i));
    }
    s.ok(many);
    const auto all = s.ok({"export"});
    std::ofstream(other.dir / "all.json") << all;
    other.ok({"-q", "import", (other.dir / "all.json").string()});
    CHECK(other.ok({"export"}) == all);
}
