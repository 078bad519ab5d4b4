// SPDX-License-Identifier: MIT
#include "golden.hpp"

#include <smartgoals/cost_benefit.hpp>
#include <smartgoals/text_width.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

using namespace smartgoals;

namespace {

CostBenefitItem item(std::int64_t id, Quadrant q, std::string text, std::optional<Term> term = {},
                     std::optional<int> weight = {}) {
    return CostBenefitItem{.id = id,
                           .quadrant = q,
                           .term = term,
                           .weight = weight,
                           .text = std::move(text),
                           .created = "2026-11-02T19:00:00"};
}

CostBenefit drinking() {
    CostBenefit c{.id = 1, .title = "Drinking", .created = "2026-11-02T19:00:00"};
    c.items = {
        item(1, Quadrant::benefits_of_using, "Helps me relax after a long shift at the warehouse",
             Term::short_term, 3),
        item(2, Quadrant::costs_of_using, "Hangovers", Term::short_term, 4),
        item(3, Quadrant::costs_of_using, "Arguments with my partner", Term::long_term, 5),
        item(4, Quadrant::benefits_of_not_using, "More money for the kids' holiday",
             Term::long_term, 5),
        item(5, Quadrant::benefits_of_not_using, "Sleep better"),
        item(6, Quadrant::costs_of_not_using, "Friends at the pub — 友達 — might drift away",
             Term::long_term, 2),
    };
    return c;
}

} // namespace

TEST_CASE("quadrants by long or short name, terms by word") {
    CHECK(parse_quadrant("benefits-of-using") == Quadrant::benefits_of_using);
    CHECK(parse_quadrant("cu") == Quadrant::costs_of_using);
    CHECK(parse_quadrant("bn") == Quadrant::benefits_of_not_using);
    CHECK(parse_quadrant("costs-of-not-using") == Quadrant::costs_of_not_using);
    CHECK_FALSE(parse_quadrant("benefits"));
    CHECK_FALSE(parse_quadrant("BU"));
    CHECK(parse_term("long") == Term::long_term);
    CHECK_FALSE(parse_term("medium"));
}

TEST_CASE("labels say using for a substance and doing for an activity") {
    CHECK(quadrant_label(Quadrant::costs_of_not_using, false) == "Costs of not using");
    CHECK(quadrant_label(Quadrant::benefits_of_using, true) == "Benefits of doing");
}

TEST_CASE("weighted totals count an item without a weight as 1") {
    const auto c = drinking();
    CHECK(weighted_total(c, Quadrant::benefits_of_using) == 3);
    CHECK(weighted_total(c, Quadrant::costs_of_using) == 9);
    CHECK(weighted_total(c, Quadrant::benefits_of_not_using) == 6);
    CHECK(weighted_total(c, Quadrant::costs_of_not_using) == 2);
}

TEST_CASE("the grid fits 80 columns and matches its golden file") {
    std::ostringstream substance;
    render_grid_text(drinking(), substance);
    check_golden_file("cbc_substance.txt", substance.str());

    CostBenefit gaming{.id = 2,
                       .title = "Gaming late at night",
                       .activity = true,
                       .created = "2026-11-10T21:00:00"};
    gaming.items = {item(7, Quadrant::costs_of_using, "Tired at work", Term::short_term)};
    std::ostringstream activity;
    render_grid_text(gaming, activity);
    check_golden_file("cbc_activity.txt", activity.str());
    CHECK(activity.str().find("Benefits of not doing") != std::string::npos);

    std::istringstream lines(substance.str() + activity.str());
    for (std::string line; std::getline(lines, line);) {
        CHECK(display_width(line) <= 80);
    }
}

TEST_CASE("the JSON of a comparison keeps each item's date and the totals") {
    const auto json = render_comparison_json(drinking());
    CHECK(json["kind"] == "substance");
    CHECK(json["quadrants"]["costs-of-using"]["total"] == 9);
    CHECK(json["quadrants"]["costs-of-using"]["items"][1]["term"] == "long");
    CHECK(json["quadrants"]["benefits-of-not-using"]["items"][1]["weight"].is_null());
    CHECK(json["quadrants"]["benefits-of-using"]["items"][0]["added"] == "2026-11-02");
}
