// SPDX-License-Identifier: MIT
#pragma once
// More of SMART's toolbox (SPEC §6.2): the Hierarchy of Values and the Lifestyle Balance Pie.

#include <smartgoals/dates.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smartgoals {

// One line of the Hierarchy of Values: something that matters to me, at its place in my order
// (1 matters most; places run 1.. with no gaps).
struct Value {
    std::int64_t id = 0;
    std::string uuid;
    int position = 0; // 0 when adding: at the end
    std::string text;
    std::string created; // local time, YYYY-MM-DDTHH:MM:SS
};

// How the review opens with them (SPEC §6.2): "What matters to me: my kids, my health, …".
inline constexpr int k_values_in_review = 5;

// One rating of an area of life on the Lifestyle Balance Pie: 0 (no time or care at all) to
// 10 (as much as I want). A member rates again whenever they like; nothing is a score to reach.
struct BalanceRating {
    std::int64_t id = 0;
    std::string uuid;
    Date date;
    std::string area;
    int score = 0;
    std::string created;
};

// SMART's ABC: an Activating event, the Beliefs it stirred, their Consequences, a Dispute of
// the belief, and the Effective new belief. Only the event is needed; the rest may come later.
struct Abc {
    std::int64_t id = 0;
    std::string uuid;
    Date date;
    std::string event;                   // what a camera would have seen
    std::string belief;                  // what I told myself
    std::string consequence;             // how I felt and what I did
    std::string dispute;                 // is it true? does it help me? what would I tell a friend?
    std::string effective;               // the new belief
    std::optional<std::int64_t> urge_id; // the logged urge it started from
    std::string urge_uuid;               // that urge's uuid, for an export (empty for none)
    std::string created;
};

// SMART's Change Plan Worksheet as data: the change I want to make, how important it is and how
// confident I am (1 to 10), and its lists. A step may become a goal (`plan goal`).
enum class PlanPart { reason, step, helper, sign, interfere };
std::string_view to_string(PlanPart part);
std::optional<PlanPart> parse_plan_part(std::string_view text);
struct PlanLine {
    PlanPart part = PlanPart::step;
    int number = 1; // its order within its part, from 1
    std::string text;
    std::optional<std::int64_t> goal_id; // a step that became a goal, while the goal is here
    std::string goal_uuid;               // that goal's uuid, for an export
};
struct ChangePlan {
    std::int64_t id = 0;
    std::string uuid;
    std::string change;
    std::optional<int> importance;
    std::optional<int> confidence;
    std::string created;
    std::vector<PlanLine> lines; // by part, then number
};

// The areas a member rates, until they set their own (`balance areas --set`).
std::vector<std::string> default_balance_areas();
// The setting that holds a member's own areas, joined with commas.
inline constexpr std::string_view k_balance_areas_setting = "balance-areas";
// Reads a list of areas as `balance areas --set` and the setting give it ("family,work, …"):
// trimmed, none empty, none twice (ignoring case), none holding '=' or ','; throws UsageError
// naming the problem.
std::vector<std::string> parse_balance_areas(std::string_view text, std::string_view what);
// The area of `areas` that `name` names, ignoring case; nullopt when it is none of them.
std::optional<std::string> find_balance_area(const std::vector<std::string>& areas,
                                             std::string_view name);

// Each area with its latest rating and the one before it (either may be missing).
struct AreaRatings {
    std::string area;
    std::optional<BalanceRating> latest;
    std::optional<BalanceRating> previous;
};

// The pie as `balance show` draws it: bars with numbers (text), a table (Markdown), an SVG pie
// that prints on one page (HTML), and the numbers (JSON). `width` and `plain` as for the review.
void render_balance_text(const std::vector<AreaRatings>& pie, std::ostream& out, int width,
                         bool plain);
void render_balance_markdown(const std::vector<AreaRatings>& pie, std::ostream& out);
void render_balance_html(const std::vector<AreaRatings>& pie, std::ostream& out,
                         std::string_view owner);
std::string render_balance_json(const std::vector<AreaRatings>& pie);

} // namespace smartgoals
