// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace smartgoals {

using Date = std::chrono::sys_days;
using Weekday = std::chrono::weekday;

// Strict ISO date `YYYY-MM-DD` (years 1900..9999); nullopt for anything else or a day that
// does not exist (2026-02-30).
std::optional<Date> parse_date(std::string_view text);
// Parses or throws UsageError naming `what` (for example "--date") and the bad text.
Date parse_date_or_throw(std::string_view text, std::string_view what);
std::string format_date(Date date);

// `monday` .. `sunday` (case-insensitive); nullopt otherwise.
std::optional<Weekday> parse_weekday(std::string_view text);
std::string weekday_name(Weekday day);

// A week of seven days, named by its first date. Which weekday starts it is the configured
// `week-start`; two weeks compare by their first date.
struct Week {
    Date start;

    Date end() const { return start + std::chrono::days{6}; }
    bool contains(Date day) const { return start <= day && day <= end(); }
    Week plus(int weeks) const { return Week{start + std::chrono::days{7 * weeks}}; }
    auto operator<=>(const Week&) const = default;
};

Week week_containing(Date day, Weekday week_start);
// Whole weeks from `from` to `to` (negative when `to` is earlier).
int weeks_between(Week from, Week to);

// The Monday of ISO week `week` of ISO year `year`; nullopt when that year has no such week.
std::optional<Date> iso_week_monday(int year, unsigned week);

// A `--week` argument: this, last, next, -N, YYYY-MM-DD or YYYY-Www (SPEC §4). Throws UsageError.
Week parse_week(std::string_view text, Date today, Weekday week_start);

// The date stored for a goal planned with `--week`: that date itself for a date argument,
// otherwise today moved by whole weeks into the week named. Its week follows the week-start
// setting when that changes (SPEC §5 rule 7).
Date planned_date(std::string_view week_arg, Date today, Weekday week_start);

} // namespace smartgoals
