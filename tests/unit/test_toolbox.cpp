// SPDX-License-Identifier: MIT
// The toolbox of SPEC §6.2 as a model: balance areas as a member names them, the pie as each
// format draws it, and the change plan's parts.
#include "golden.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/toolbox.hpp>

#include <doctest/doctest.h>

#include <sstream>

using namespace smartgoals;

namespace {

BalanceRating rated(const char* area, int score, const char* day, std::int64_t id) {
    return {.id = id, .uuid = "u", .date = *parse_date(day), .area = area, .score = score};
}

// The same ratings as scripts/update-golden.sh makes for balance_show.txt.
std::vector<AreaRatings> pie() {
    std::vector<AreaRatings> out;
    for (const auto& area : default_balance_areas()) {
        out.push_back({.area = area});
    }
    out[0].latest = rated("family", 7, "2026-11-19", 3);
    out[0].previous = rated("family", 5, "2026-11-05", 1);
    out[2].latest = rated("health", 3, "2026-11-05", 2);
    out[3].latest = rated("work", 0, "2026-11-19", 4);
    out[6].latest = rated("home", 10, "2026-11-19", 5);
    return out;
}

} // namespace

TEST_CASE("balance areas are read as a member writes them, and refused when they cannot be") {
    CHECK(parse_balance_areas(" Family, health ,Music", "--set") ==
          std::vector<std::string>{"Family", "health", "Music"});
    CHECK(parse_balance_areas("my faith", "--set") == std::vector<std::string>{"my faith"});
    CHECK_THROWS_WITH_AS(parse_balance_areas("family,,work", "--set"),
                         doctest::Contains("an area is empty"), UsageError);
    CHECK_THROWS_WITH_AS(parse_balance_areas("", "--set"), doctest::Contains("an area is empty"),
                         UsageError);
    CHECK_THROWS_WITH_AS(parse_balance_areas("work,WORK", "--set"),
                         doctest::Contains("'WORK' is there twice"), UsageError);
    CHECK_THROWS_WITH_AS(parse_balance_areas("a=b", "--set"),
                         doctest::Contains("cannot be an area's name"), UsageError);
    CHECK_THROWS_WITH_AS(parse_balance_areas("bell\x07", "--set"),
                         doctest::Contains("cannot be an area's name"), UsageError);
    std::string seventeen = "a";
    for (char c = 'b'; c <= 'q'; ++c) {
        seventeen += std::string(",") + c;
    }
    CHECK(parse_balance_areas(seventeen.substr(0, seventeen.size() - 2), "--set").size() == 16);
    CHECK_THROWS_WITH_AS(parse_balance_areas(seventeen, "--set"),
                         doctest::Contains("17 areas are more than a pie can show"), UsageError);
    const auto areas = default_balance_areas();
    CHECK(find_balance_area(areas, " HEALTH ") == "health");
    CHECK_FALSE(find_balance_area(areas, "heal"));
}

TEST_CASE("the balance pie on a terminal matches its golden files, with bars and in words") {
    std::ostringstream bars, plain;
    render_balance_text(pie(), bars, 80, false);
    render_balance_text(pie(), plain, 80, true);
    check_golden_file("balance_show.txt", bars.str());
    check_golden_file("balance_show_plain.txt", plain.str());
    // Narrow, the bars give way to the same sentences as plain text, wrapped.
    std::ostringstream narrow;
    render_balance_text(pie(), narrow, 40, false);
    CHECK(narrow.str().find("▇") == std::string::npos);
    CHECK(narrow.str().find("  family: 7 on 2026-11-19; before that\n    5 on 2026-11-05\n") !=
          std::string::npos);
}

TEST_CASE("the balance pie in Markdown, HTML and JSON carries the same numbers") {
    std::ostringstream md, html;
    render_balance_markdown(pie(), md);
    CHECK(md.str().find("| family | 7 | 2026-11-19 | 5 | 2026-11-05 |\n") != std::string::npos);
    CHECK(md.str().find("| friends | – | – | – | – |\n") != std::string::npos);
    auto with_markup = pie();
    with_markup[1].area = "<b>friends</b>";
    render_balance_html(with_markup, html, "Sam");
    const auto page = html.str();
    CHECK(page.find("<h1>Sam: life balance</h1>") != std::string::npos);
    CHECK(page.find("&lt;b&gt;friends&lt;/b&gt;") != std::string::npos);
    CHECK(page.find("<b>friends") == std::string::npos);
    // A filled slice for each latest rating above 0, a dashed one for each rating before it.
    const auto count = [&](const std::string& what) {
        std::size_t n = 0;
        for (auto at = page.find(what); at != std::string::npos; at = page.find(what, at + 1)) {
            ++n;
        }
        return n;
    };
    CHECK(count("<path class=\"latest\"") == 3); // family, health, home (work is 0)
    CHECK(count("<path class=\"previous\"") == 1);
    const auto json = render_balance_json(pie());
    CHECK(json.find("\"area\": \"work\",\n      \"latest\": {") != std::string::npos);
}

TEST_CASE("a change plan's parts read and write as SPEC §7 names them") {
    for (auto part : {PlanPart::reason, PlanPart::step, PlanPart::helper, PlanPart::sign,
                      PlanPart::interfere}) {
        CHECK(parse_plan_part(to_string(part)) == part);
    }
    CHECK(to_string(PlanPart::interfere) == "interfere");
    CHECK_FALSE(parse_plan_part("steps"));
    CHECK_FALSE(parse_plan_part(""));
}
