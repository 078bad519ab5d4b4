// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace smartgoals {

using Date = std::chrono::sys_days;
using Weekday = std::chrono::weekday;

// Every date stored or computed lies in 1900-01-01..9999-12-31 (SPEC §4).
inline constexpr Date k_first_day{std::chrono::year{1900} / 1 / 1};
inline constexpr Date k_last_day{std::chrono::year{9999} / 12 / 31};

// Strict ISO date `YYYY-MM-DD` (years 1900..9999); nullopt for anything else or a day that
// does not exist (2026-02-30).
std::optional<Date> parse_date(std::string_view text);
// Parses or throws UsageError naming `what` (for example "--date") and the bad text.
Date parse_date_or_throw(std::string_view text, std::string_view what);
std::string format_date(Date date);

// A day as people say it (SPEC §4): YYYY-MM-DD, `today`, `yesterday`, or a weekday name or its
// first three letters (the most recent such day, today included). Case-insensitive.
std::optional<Date> parse_day(std::string_view text, Date today);
// Parses or throws UsageError naming `what` and the bad text; also refuses a day outside
// 1900..9999.
Date parse_day_or_throw(std::string_view text, std::string_view what, Date today);

// `monday` .. `sunday` or their first three letters (case-insensitive); nullopt otherwise.
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

// The meeting boundary (SPEC §4.1): a check-in dated D is about the seven days before it and
// counts in the week that holds D - 1 (D itself for the very first representable day).
Date checkin_week_day(Date day);
Week checkin_week(Date day, Weekday week_start);
// Whole weeks from `from` to `to` (negative when `to` is earlier).
int weeks_between(Week from, Week to);

// The Monday of ISO week `week` of ISO year `year`; nullopt when that year has no such week.
std::optional<Date> iso_week_monday(int year, unsigned week);

// A `--week` argument: this, last, next, -N, a day (parse_day: the week holding it) or
// YYYY-Www (SPEC §4). Throws UsageError.
Week parse_week(std::string_view text, Date today, Weekday week_start);

// The date stored for a goal planned with `--week`: that day itself for a day argument,
// otherwise today moved by whole weeks into the week named. Its week follows the week-start
// setting when that changes (SPEC §5 rule 7).
Date planned_date(std::string_view week_arg, Date today, Weekday week_start);

} // namespace smartgoals
