// SPDX-License-Identifier: MIT
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/text_width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <ostream>
#include <stdexcept>

namespace smartgoals::cli {

Store& Context::store() const {
    if (!opened) {
        throw std::logic_error("a command that needs no database asked for it");
    }
    return *opened;
}

void Context::say(std::string_view message) const {
    if (!quiet) {
        err << message << '\n';
    }
}

std::int64_t parse_id(const std::string& text, std::string_view what) {
    std::int64_t id = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, id);
    if (text.empty() || ec != std::errc{} || ptr != end || id <= 0 || text[0] == '0') {
        throw UsageError(
            fmt::format("{}: '{}' is not an id; ids are whole numbers such as 3", what, text));
    }
    return id;
}

Date date_not_in_future(const std::string& text, std::string_view what, Date today) {
    const Date date = parse_day_or_throw(text, what, today);
    if (date > today) {
        throw UsageError(
            fmt::format("{}: {} is in the future (today is {})", what, text, format_date(today)));
    }
    return date;
}

std::string required_text(const std::string& text, std::string_view what) {
    auto trimmed = trim(text);
    if (trimmed.empty()) {
        throw UsageError(fmt::format("{} is empty; say in a few words what it is", what));
    }
    return trimmed;
}

} // namespace smartgoals::cli
