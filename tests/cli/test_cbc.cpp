// SPDX-License-Identifier: MIT
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

using Json = nlohmann::json;

TEST_CASE("a comparison grows over weeks, item by item") {
    Sandbox s;
    auto r = s.run({"--today", "2026-11-02", "cbc", "new", "Drinking"});
    CHECK(r.out == "1\n");
    CHECK(s.ok({"--today", "2026-11-02", "cbc", "add", "1", "bu", "Helps me relax", "--term",
                "short", "--weight", "3"}) == "1\n");
    s.ok({"cbc", "add", "1", "costs-of-using", "Hangovers", "--term", "short", "--weight", "4"});
    s.ok({"cbc", "add", "1", "bn", "Money for the kids", "--term", "long", "--weight", "5"});
    s.ok({"cba", "add", "1", "cn", "Evenings feel long"}); // cba is the same command
    const auto grid = s.ok({"cbc", "show", "1"});
    CHECK(contains(grid, "#1 Drinking (substance, started 2026-11-02)"));
    CHECK(contains(
        grid, "│ Benefits of using            total 3 │ Costs of using               total 4 │"));
    CHECK(contains(grid, "│ #1 Helps me relax                    │"));
    CHECK(contains(grid, "│   (short-term, weight 3)             │"));
    CHECK(contains(grid, "Costs of not using           total 1"));
    const auto json = Json::parse(s.ok({"cbc", "show", "1", "--format", "json"}));
    CHECK(json["quadrants"]["benefits-of-using"]["items"][0]["added"] == "2026-11-02");
    CHECK(json["quadrants"]["costs-of-using"]["items"][0]["added"] == "2026-11-19");

    r = s.run({"cbc", "remove", "1", "2"});
    CHECK(r.err == "Removed item #2 from \"Drinking\".\n");
    CHECK(contains(s.ok({"cbc", "show", "1"}), "Costs of using               total 0"));
    s.ok({"cbc", "rename", "1", "Drinking at weekends"});
    CHECK(s.ok({"cbc", "list"}) ==
          "   #1  Drinking at weekends  (substance, started 2026-11-02)\n");
}

TEST_CASE("an activity's comparison says doing") {
    Sandbox s;
    s.ok({"cbc", "new", "Gaming late at night", "--activity"});
    const auto grid = s.ok({"cbc", "show", "1"});
    CHECK(contains(grid, "Benefits of doing"));
    CHECK(contains(grid, "Costs of not doing"));
    CHECK_FALSE(contains(grid, "using"));
    CHECK(contains(grid, "(nothing yet)"));
}

TEST_CASE("cbc export has one row per item, and a row for a comparison with none") {
    Sandbox s;
    s.ok({"cbc", "new", "Drinking"});
    s.ok({"cbc", "add", "1", "bu", "Relax, unwind", "--weight", "2"});
    s.ok({"cbc", "add", "1", "cu", "Hangovers", "--term", "long"});
    s.ok({"cbc", "new", "Gaming", "--activity"});
    const auto csv = s.ok({"export", "cbc"});
    CHECK(csv.rfind(
              "cbc_id,cbc_uuid,title,kind,created,item_id,item_uuid,quadrant,term,weight,text\r\n",
              0) == 0);
    CHECK(contains(csv, ",Drinking,substance,2026-11-19,1,"));
    CHECK(contains(csv, ",benefits-of-using,,2,\"Relax, unwind\"\r\n"));
    CHECK(contains(csv, ",costs-of-using,long,,Hangovers\r\n"));
    CHECK(contains(csv, ",Gaming,activity,2026-11-19,,,,,,\r\n"));
    const auto rows = Json::parse(s.ok({"export", "cbc", "--format", "json"}));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0]["weight"] == 2);
    CHECK(rows[2]["item_id"].is_null());
    CHECK(rows[2]["kind"] == "activity");
}

TEST_CASE("cbc rejects unknown ids, quadrants, terms and weights, and writes nothing") {
    Sandbox s;
    s.ok({"cbc", "new", "Drinking"});
    s.ok({"cbc", "add", "1", "bu", "Relax"});
    const std::vector<std::pair<std::vector<std::string>, std::string>> bad{
        {{"cbc", "new", " "}, "the title is empty"},
        {{"cbc", "add", "9", "bu", "x"}, "there is no comparison #9"},
        {{"cbc", "add", "1", "benefits", "x"}, "'benefits' is not a quadrant"},
        {{"cbc", "add", "1", "bu", ""}, "the item's text is empty"},
        {{"cbc", "add", "1", "bu", "x", "--weight", "0"},
         "--weight: 0 is out of range; use 1 to 5"},
        {{"cbc", "add", "1", "bu", "x", "--weight", "6"}, "--weight: 6 is out of range"},
        {{"cbc", "add", "1", "bu", "x", "--term", "medium"}, "--term: 'medium' is not a term"},
        {{"cbc", "show", "2"}, "there is no comparison #2"},
        {{"cbc", "show", "1", "--format", "pdf"}, "--format: 'pdf'"},
        {{"cbc", "remove", "1", "7"}, "comparison #1 has no item #7"},
        {{"cbc", "remove", "1", "x"}, "ITEM: 'x' is not an id"},
        {{"cbc", "rename", "1", ""}, "the title is empty"},
        {{"cbc", "frob"}, "'frob' is not a command of smartgoals cbc"},
    };
    for (const auto& [args, message] : bad) {
        check_refused(s, args, message);
    }
}
