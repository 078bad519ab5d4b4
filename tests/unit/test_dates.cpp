// SPDX-License-Identifier: MIT
#include <smartgoals/dates.hpp>
#include <smartgoals/errors.hpp>

#include <doctest/doctest.h>

using namespace smartgoals;
using std::chrono::Monday;
using std::chrono::Sunday;
using std::chrono::Thursday;
using std::chrono::Wednesday;

namespace {
Date d(const char* text) {
    return *parse_date(text);
}
} // namespace

TEST_CASE("dates parse strictly and print back the same") {
    CHECK(format_date(d("2026-11-22")) == "2026-11-22");
    CHECK(format_date(d("2024-02-29")) == "2024-02-29");
    CHECK(format_date(d("1900-01-01")) == "1900-01-01");
    CHECK(format_date(d("9999-12-31")) == "9999-12-31");
    // Days a date can reach by counting, beyond what parses: four digits, padded, or more.
    using std::chrono::year, std::chrono::sys_days;
    CHECK(format_date(sys_days{year{1} / 1 / 1}) == "0001-01-01");
    CHECK(format_date(sys_days{year{999} / 12 / 9}) == "0999-12-09");
    CHECK(format_date(sys_days{year{0} / 1 / 1} - std::chrono::days{1}) == "-001-12-31");
    CHECK(format_date(d("9999-12-31") + std::chrono::days{1}) == "10000-01-01");
    // Every day of four centuries, each printed and read back the same.
    for (Date day = d("1900-01-01"); day < d("2300-01-01"); day += std::chrono::days{1}) {
        if (parse_date(format_date(day)) != day) {
            FAIL_CHECK("not read back: " << format_date(day));
        }
    }
    CHECK_FALSE(parse_date("2026-02-29"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-11-31"));
    CHECK_FALSE(parse_date("2026-1-05"));
    CHECK_FALSE(parse_date("26-11-05"));
    CHECK_FALSE(parse_date("2026/11/05"));
    CHECK_FALSE(parse_date(""));
    CHECK_FALSE(parse_date("2026-11-05x"));
    CHECK_FALSE(parse_date("1899-12-31"));
    // February 29th only in a leap year: every fourth, but not a century unless a fourth one.
    CHECK(parse_date("2024-02-29"));
    CHECK(parse_date("2000-02-29"));
    CHECK_FALSE(parse_date("1900-02-29"));
    CHECK_FALSE(parse_date("2100-02-29"));
    CHECK_FALSE(parse_date("2026-04-31"));
    CHECK_FALSE(parse_date("2026-00-10"));
    CHECK_FALSE(parse_date("2026-11-00"));
    // Anything but an ASCII digit where a digit belongs, a byte beyond ASCII among them.
    CHECK_FALSE(parse_date("2026-1a-05"));
    CHECK_FALSE(parse_date("2026-11- 5"));
    CHECK_FALSE(parse_date("2026-11-+5"));
    CHECK_FALSE(parse_date("2026-11-0\xb9"));
    CHECK_FALSE(parse_date(std::string_view("2026-11-0\0", 10)));
    CHECK_THROWS_AS(parse_date_or_throw("tomorrow", "--date"), UsageError);
}

TEST_CASE("weekdays parse in any case, whole or by their first three letters") {
    CHECK(parse_weekday("Thursday") == Thursday);
    CHECK(parse_weekday("sunday") == Sunday);
    CHECK(parse_weekday("thu") == Thursday);
    CHECK(parse_weekday("WED") == Wednesday);
    CHECK_FALSE(parse_weekday("th"));
    CHECK_FALSE(parse_weekday("thur"));
    CHECK_FALSE(parse_weekday("mondays"));
    CHECK_FALSE(parse_weekday(""));
    CHECK(weekday_name(Monday) == "monday");
}

TEST_CASE("days as people say them: today, yesterday, the most recent weekday") {
    const Date today = d("2026-11-19"); // a Thursday
    CHECK(parse_day("today", today) == today);
    CHECK(parse_day("Yesterday", today) == d("2026-11-18"));
    CHECK(parse_day("thursday", today) == today); // today included
    CHECK(parse_day("thu", today) == today);
    CHECK(parse_day("wed", today) == d("2026-11-18"));
    CHECK(parse_day("friday", today) == d("2026-11-13")); // never ahead
    CHECK(parse_day("Mon", today) == d("2026-11-16"));
    CHECK(parse_day("2026-01-02", today) == d("2026-01-02"));
    // Across a year's end.
    CHECK(parse_day("yesterday", d("2027-01-01")) == d("2026-12-31"));
    CHECK(parse_day("sat", d("2027-01-01")) == d("2026-12-26"));
    CHECK_FALSE(parse_day("tomorrow", today));
    CHECK_FALSE(parse_day("last monday", today));
    CHECK_FALSE(parse_day("", today));
    CHECK(parse_day_or_throw("tue", "--date", today) == d("2026-11-17"));
    CHECK_THROWS_AS(parse_day_or_throw("someday", "--date", today), UsageError);
    // Before the first day there is.
    CHECK_THROWS_AS(parse_day_or_throw("yesterday", "--date", d("1900-01-01")), UsageError);
}

TEST_CASE("the meeting boundary: a check-in counts in the week holding the day before it") {
    // For every weekday as the meeting day (the week's first day), a check-in on the meeting day
    // counts in the week just ended, and one on any other day in the current week.
    const Date monday = d("2026-11-16");
    for (unsigned start = 0; start < 7; ++start) {
        const Weekday ws{start};
        const Date meeting = monday + (ws - Monday);
        CAPTURE(weekday_name(ws));
        CHECK(week_containing(meeting, ws).start == meeting);
        CHECK(checkin_week(meeting, ws).start == meeting - std::chrono::days{7});
        for (int i = 1; i < 7; ++i) {
            CHECK(checkin_week(meeting + std::chrono::days{i}, ws).start == meeting);
        }
        CHECK(checkin_week(meeting + std::chrono::days{7}, ws).start == meeting);
    }
    // Around a year's end: a Monday meeting on 2027-01-04 is about the week of 2026-12-28.
    CHECK(checkin_week(d("2027-01-04"), Monday).start == d("2026-12-28"));
    CHECK(checkin_week(d("2027-01-01"), Monday).start == d("2026-12-28"));
    CHECK(checkin_week(d("2026-01-01"), Thursday).start == d("2025-12-25"));
    // The first day there is has no day before it.
    CHECK(checkin_week_day(d("1900-01-01")) == d("1900-01-01"));
}

TEST_CASE("a week starts on the configured day") {
    // 2026-11-22 is a Sunday.
    CHECK(week_containing(d("2026-11-22"), Monday).start == d("2026-11-16"));
    CHECK(week_containing(d("2026-11-22"), Sunday).start == d("2026-11-22"));
    CHECK(week_containing(d("2026-11-22"), Thursday).start == d("2026-11-19"));
    CHECK(week_containing(d("2026-11-16"), Monday).end() == d("2026-11-22"));
    CHECK(weeks_between(Week{d("2026-11-02")}, Week{d("2026-11-23")}) == 3);
    CHECK(weeks_between(Week{d("2026-11-23")}, Week{d("2026-11-02")}) == -3);
}

TEST_CASE("weeks cross the end of a year") {
    CHECK(week_containing(d("2026-01-01"), Monday).start == d("2025-12-29"));
    CHECK(week_containing(d("2025-12-31"), Monday).start == d("2025-12-29"));
    CHECK(Week{d("2025-12-29")}.plus(1).start == d("2026-01-05"));
}

TEST_CASE("ISO weeks, including years with a week 53") {
    CHECK(iso_week_monday(2026, 1) == d("2025-12-29"));
    CHECK(iso_week_monday(2026, 53) == d("2026-12-28")); // 2026 begins on a Thursday
    CHECK(iso_week_monday(2020, 53) == d("2020-12-28"));
    CHECK_FALSE(iso_week_monday(2021, 53));
    CHECK_FALSE(iso_week_monday(2026, 0));
    CHECK(iso_week_monday(2027, 1) == d("2027-01-04"));
}

TEST_CASE("every --week form") {
    const Date today = d("2026-11-19"); // a Thursday
    CHECK(parse_week("this", today, Monday).start == d("2026-11-16"));
    CHECK(parse_week("last", today, Monday).start == d("2026-11-09"));
    CHECK(parse_week("next", today, Monday).start == d("2026-11-23"));
    CHECK(parse_week("-3", today, Monday).start == d("2026-10-26"));
    // -N is plain decimal (SPEC §8): no -0, no leading zero.
    CHECK_THROWS_AS(parse_week("-0", today, Monday), UsageError);
    CHECK_THROWS_AS(parse_week("-03", today, Monday), UsageError);
    CHECK(parse_week("2026-11-01", today, Monday).start == d("2026-10-26"));
    CHECK(parse_week("2026-W01", today, Monday).start == d("2025-12-29"));
    CHECK(parse_week("2026-w47", today, Monday).start == d("2026-11-16"));
    CHECK(parse_week("2026-W01", today, Sunday).start == d("2025-12-28"));
    CHECK(parse_week("this", today, Thursday).start == d("2026-11-19"));
    CHECK_THROWS_AS(parse_week("2021-W53", today, Monday), UsageError);
    CHECK(parse_week("2020-W53", today, Monday).start == d("2020-12-28"));
    // The ISO weeks at both ends of the years smartgoals keeps.
    CHECK(parse_week("1900-W01", today, Monday).start == d("1900-01-01"));
    CHECK(parse_week("9999-W52", today, Monday).start == d("9999-12-27"));
    CHECK_THROWS_AS(parse_week("9999-W53", today, Monday), UsageError);
    // A day as people say it names the week that holds it.
    CHECK(parse_week("yesterday", today, Monday).start == d("2026-11-16"));
    CHECK(parse_week("mon", today, Thursday).start == d("2026-11-12"));
    CHECK(parse_week("Sunday", today, Monday).start == d("2026-11-09"));
    CHECK_THROWS_AS(parse_week("tomorrow", today, Monday), UsageError);
    CHECK_THROWS_AS(parse_week("+2", today, Monday), UsageError);
    CHECK_THROWS_AS(parse_week("-", today, Monday), UsageError);
    CHECK_THROWS_AS(parse_week("2026-02-30", today, Monday), UsageError);
}

TEST_CASE("a planned date keeps today's weekday, or the date given") {
    const Date today = d("2026-11-19");
    CHECK(planned_date("this", today, Monday) == today);
    CHECK(planned_date("next", today, Monday) == d("2026-11-26"));
    CHECK(planned_date("-2", today, Monday) == d("2026-11-05"));
    CHECK(planned_date("2026-12-25", today, Monday) == d("2026-12-25"));
    CHECK(planned_date("tue", today, Monday) == d("2026-11-17"));
    CHECK(planned_date("2026-W50", today, Monday) == d("2026-12-10"));
}
