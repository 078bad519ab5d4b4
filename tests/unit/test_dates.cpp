// SPDX-License-Identifier: MIT
#include <smartgoals/dates.hpp>
#include <smartgoals/errors.hpp>

#include <doctest/doctest.h>

using namespace smartgoals;
using std::chrono::Monday;
using std::chrono::Sunday;
using std::chrono::Thursday;

namespace {
Date d(const char* text) {
    return *parse_date(text);
}
} // namespace

TEST_CASE("dates parse strictly and print back the same") {
    CHECK(format_date(d("2026-11-22")) == "2026-11-22");
    CHECK(format_date(d("2024-02-29")) == "2024-02-29");
    CHECK_FALSE(parse_date("2026-02-29"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-11-31"));
    CHECK_FALSE(parse_date("2026-1-05"));
    CHECK_FALSE(parse_date("26-11-05"));
    CHECK_FALSE(parse_date("2026/11/05"));
    CHECK_FALSE(parse_date(""));
    CHECK_FALSE(parse_date("2026-11-05x"));
    CHECK_FALSE(parse_date("1899-12-31"));
    CHECK_THROWS_AS(parse_date_or_throw("tomorrow", "--date"), UsageError);
}

TEST_CASE("weekdays parse in any case") {
    CHECK(parse_weekday("Thursday") == Thursday);
    CHECK(parse_weekday("sunday") == Sunday);
    CHECK_FALSE(parse_weekday("thu"));
    CHECK(weekday_name(Monday) == "monday");
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
    CHECK(parse_week("-0", today, Monday).start == d("2026-11-16"));
    CHECK(parse_week("2026-11-01", today, Monday).start == d("2026-10-26"));
    CHECK(parse_week("2026-W01", today, Monday).start == d("2025-12-29"));
    CHECK(parse_week("2026-w47", today, Monday).start == d("2026-11-16"));
    CHECK(parse_week("2026-W01", today, Sunday).start == d("2025-12-28"));
    CHECK(parse_week("this", today, Thursday).start == d("2026-11-19"));
    CHECK_THROWS_AS(parse_week("2021-W53", today, Monday), UsageError);
    CHECK_THROWS_AS(parse_week("yesterday", today, Monday), UsageError);
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
    CHECK(planned_date("2026-W50", today, Monday) == d("2026-12-10"));
}
