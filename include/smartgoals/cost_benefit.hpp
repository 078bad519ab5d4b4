// SPDX-License-Identifier: MIT
#pragma once

#include <smartgoals/dates.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace smartgoals {

// SMART's Cost-Benefit Analysis: four boxes, in SMART's order.
enum class Quadrant {
    benefits_of_using,
    costs_of_using,
    benefits_of_not_using,
    costs_of_not_using
};
inline constexpr std::array<Quadrant, 4> k_quadrants = {
    Quadrant::benefits_of_using, Quadrant::costs_of_using, Quadrant::benefits_of_not_using,
    Quadrant::costs_of_not_using};
enum class Term { short_term, long_term };

// `benefits-of-using` .. `costs-of-not-using`, or `bu`, `cu`, `bn`, `cn`.
std::optional<Quadrant> parse_quadrant(std::string_view text);
std::string_view to_string(Quadrant quadrant);
std::optional<Term> parse_term(std::string_view text); // short, long
std::string_view to_string(Term term);

struct CostBenefitItem {
    std::int64_t id = 0;
    std::string uuid;
    Quadrant quadrant = Quadrant::benefits_of_using;
    std::optional<Term> term;
    std::optional<int> weight; // 1..5; none counts 1
    std::string text;
    std::string created; // YYYY-MM-DDTHH:MM:SS: items are added over weeks
};

struct CostBenefit {
    std::int64_t id = 0;
    std::string uuid;
    std::string title;
    bool activity = false; // labels say "doing" instead of "using"
    std::string created;
    std::vector<CostBenefitItem> items; // in id order

    std::string_view kind() const { return activity ? "activity" : "substance"; }
};

// "Benefits of using" / "Costs of not doing" ...
std::string quadrant_label(Quadrant quadrant, bool activity);
// The weighted total of a quadrant: each item's weight, 1 when it has none.
int weighted_total(const CostBenefit& comparison, Quadrant quadrant);

// The 2x2 grid filling `width` columns (80 leaves it as it always was), items wrapped inside
// their box; narrower than 68 columns, or `plain` (SPEC §6.4), each quadrant is listed in turn.
void render_grid_text(const CostBenefit& comparison, std::ostream& out, int width = 80,
                      bool plain = false);
nlohmann::ordered_json render_comparison_json(const CostBenefit& comparison);
void render_comparison_markdown(const CostBenefit& comparison, std::ostream& out);
// A self-contained page with the four boxes as a 2x2 grid.
void render_comparison_html(const CostBenefit& comparison, std::ostream& out);

} // namespace smartgoals
