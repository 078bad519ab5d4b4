// SPDX-License-Identifier: MIT
#include <smartgoals/dates.hpp>
#include <smartgoals/errors.hpp>

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <iterator>

namespace smartgoals {

namespace {

using namespace std::chrono;

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) {
    int value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

constexpr std::array<std::string_view, 7> k_weekday_names = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

} // namespace

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    // Read digit by digit, and checked without the calendar's own types: a list of thousands of
    // goals reads a date for each completion.
    const auto digit = [&](std::size_t i) {
        return static_cast<unsigned>(static_cast<unsigned char>(text[i])) - unsigned{'0'};
    };
    const unsigned digits[8] = {digit(0), digit(1), digit(2), digit(3),
                                digit(5), digit(6), digit(8), digit(9)};
    if (std::any_of(std::begin(digits), std::end(digits), [](unsigned v) { return v > 9; })) {
        return std::nullopt;
    }
    const unsigned y = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
                   m = digits[4] * 10 + digits[5], d = digits[6] * 10 + digits[7];
    if (y < 1900 || m < 1 || m > 12 || d < 1) {
        return std::nullopt;
    }
    const bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    constexpr unsigned char k_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d > k_days[m - 1] + (m == 2 && leap ? 1U : 0U)) {
        return std::nullopt;
    }
    return sys_days{year{static_cast<int>(y)} / month{m} / day{d}};
}

Date parse_date_or_throw(std::string_view text, std::string_view what) {
    if (auto date = parse_date(text)) {
        return *date;
    }
    throw UsageError(
        fmt::format("{}: '{}' is not a date; use YYYY-MM-DD, for example 2026-03-09", what, text));
}

Date checkin_week_day(Date day) {
    return day > k_first_day ? day - days{1} : day;
}

Week checkin_week(Date day, Weekday week_start) {
    return week_containing(checkin_week_day(day), week_start);
}

std::string format_date(Date date) {
    const year_month_day ymd{date};
    const int y = static_cast<int>(ymd.year());
    const auto m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
    if (y < 0 || y > 9999) {
        return fmt::format(FMT_COMPILE("{:04}-{:02}-{:02}"), y, m, d);
    }
    // Written digit by digit: a list of thousands of goals writes a date on each line.
    const auto digit = [](unsigned v) { return static_cast<char>('0' + v % 10); };
    const auto year = static_cast<unsigned>(y);
    const char text[10] = {digit(year / 1000),
                           digit(year / 100),
                           digit(year / 10),
                           digit(year),
                           '-',
                           digit(m / 10),
                           digit(m),
                           '-',
                           digit(d / 10),
                           digit(d)};
    return std::string(text, sizeof text);
}

std::optional<Weekday> parse_weekday(std::string_view text) {
    const auto name = lower(text);
    for (unsigned i = 0; i < k_weekday_names.size(); ++i) {
        if (name == k_weekday_names[i] || name == k_weekday_names[i].substr(0, 3)) {
            return Weekday{i};
        }
    }
    return std::nullopt;
}

std::optional<Date> parse_day(std::string_view text, Date today) {
    if (auto date = parse_date(text)) {
        return date;
    }
    const auto word = lower(text);
    if (word == "today") {
        return today;
    }
    if (word == "yesterday") {
        return today - days{1};
    }
    if (const auto day = parse_weekday(word)) {
        // The most recent such day, today included: weekday difference is in [0, 6].
        return today - (Weekday{today} - *day);
    }
    return std::nullopt;
}

Date parse_day_or_throw(std::string_view text, std::string_view what, Date today) {
    const auto date = parse_day(text, today);
    if (date && *date >= k_first_day && *date <= k_last_day) {
        return *date;
    }
    if (date) {
        throw UsageError(fmt::format("{}: '{}' is {}, outside the years 1900 to 9999", what, text,
                                     format_date(*date)));
    }
    throw UsageError(fmt::format("{}: '{}' is not a date; use YYYY-MM-DD (for example 2026-03-09), "
                                 "today, yesterday or a weekday such as monday or mon",
                                 what, text));
}

Week parse_named_week(std::string_view text, Date today, Weekday week_start);

std::string weekday_name(Weekday day) {
    return std::string(k_weekday_names[day.c_encoding()]);
}

Week week_containing(Date day, Weekday week_start) {
    // weekday difference is always in [0, 6] days.
    return Week{day - (Weekday{day} - week_start)};
}

int weeks_between(Week from, Week to) {
    return static_cast<int>((to.start - from.start).count() / 7);
}

std::optional<Date> iso_week_monday(int iso_year, unsigned week) {
    auto week_one = [](int y) {
        const Date jan4 = sys_days{year{y} / January / 4};
        return jan4 - (Weekday{jan4} - Monday);
    };
    if (week < 1 || iso_year < 1900 || iso_year > 9999) {
        return std::nullopt;
    }
    // A year has 53 ISO weeks when it begins on a Thursday, or on a Wednesday in a leap year.
    const Weekday jan1{sys_days{year{iso_year} / January / 1}};
    const bool long_year = jan1 == Thursday || (jan1 == Wednesday && year{iso_year}.is_leap());
    const unsigned weeks_in_year = long_year ? 53 : 52;
    if (week > weeks_in_year) {
        return std::nullopt;
    }
    return week_one(iso_year) + days{7 * (week - 1)};
}

namespace {
// Every date stored or computed lies in 1900..9999 (SPEC §4): a week with no day there is refused.
Week week_in_range(Week week, std::string_view text) {
    if (week.end() < k_first_day || week.start > k_last_day) {
        throw UsageError(fmt::format("--week: '{}' is the week of {}, outside the years 1900 to "
                                     "9999",
                                     text, format_date(week.start)));
    }
    return week;
}
} // namespace

Week parse_week(std::string_view text, Date today, Weekday week_start) {
    return week_in_range(parse_named_week(text, today, week_start), text);
}

Week parse_named_week(std::string_view text, Date today, Weekday week_start) {
    const Week current = week_containing(today, week_start);
    const auto word = lower(text);
    if (word == "this") {
        return current;
    }
    if (word == "last") {
        return current.plus(-1);
    }
    if (word == "next") {
        return current.plus(1);
    }
    if (word.size() > 1 && word[0] == '-' && word.size() <= 5 && all_digits(word.substr(1)) &&
        word[1] != '0') {
        return current.plus(-to_int(word.substr(1)));
    }
    if (auto date = parse_day(text, today)) {
        return week_containing(*date, week_start);
    }
    if (word.size() >= 7 && word.size() <= 8 && word[4] == '-' && word[5] == 'w' &&
        all_digits(word.substr(0, 4)) && all_digits(word.substr(6))) {
        const auto monday = iso_week_monday(to_int(word.substr(0, 4)),
                                            static_cast<unsigned>(to_int(word.substr(6))));
        if (monday) {
            return week_containing(*monday, week_start);
        }
        throw UsageError(fmt::format("--week: '{}' is not a week of that year", text));
    }
    throw UsageError(
        fmt::format("--week: '{}' is not a week; use this, last, next, -N (weeks ago), "
                    "a day (YYYY-MM-DD, today, yesterday, monday..sunday) or an ISO week YYYY-Www",
                    text));
}

Date planned_date(std::string_view week_arg, Date today, Weekday week_start) {
    if (auto date = parse_day(week_arg, today)) {
        return *date;
    }
    const Week week = parse_week(week_arg, today, week_start);
    const Date day = today + days{7 * weeks_between(week_containing(today, week_start), week)};
    if (day < k_first_day || day > k_last_day) {
        throw UsageError(fmt::format("--week: '{}' would plan it for {}, outside the years 1900 "
                                     "to 9999",
                                     week_arg, format_date(day)));
    }
    return day;
}

} // namespace smartgoals
