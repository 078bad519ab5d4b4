// SPDX-License-Identifier: MIT
// libFuzzer: the date and week parsers take any bytes without crashing, and what they accept
// is a real day or week.
#include <smartgoals/dates.hpp>
#include <smartgoals/errors.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace smartgoals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const auto date = parse_date(text)) {
        if (format_date(*date) != text) { // a date prints back as it was written
            std::abort();
        }
    }
    const Date today = *parse_date("2026-11-19");
    for (unsigned day = 0; day < 7; ++day) {
        try {
            const Week week = parse_week(text, today, Weekday{day});
            if (Weekday{week.start} != Weekday{day}) { // a week starts on its week-start
                std::abort();
            }
            (void)planned_date(text, today, Weekday{day});
        } catch (const UsageError&) {
        }
    }
    (void)parse_weekday(text);
    // A day as people say it is today or before it, and within the years there are.
    if (const auto day = parse_day(text, today)) {
        if (*day > today && !parse_date(text)) {
            std::abort();
        }
    }
    return 0;
}
