// SPDX-License-Identifier: MIT
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/text_width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <ostream>
#include <sstream>
#include <stdexcept>

namespace smartgoals::cli {

Store& Context::store() const {
    if (!opened) {
        throw std::logic_error("a command that needs no database asked for it");
    }
    return *opened;
}

std::string Context::wrap(std::string_view line, int indent) const {
    std::string lines;
    lines.reserve(line.size() + 16);
    const auto lead = std::min(line.find_first_not_of(' '), line.size());
    const int hang = std::max(static_cast<int>(lead), indent);
    const auto emit = [&](std::size_t spaces, std::string_view text) {
        while (!text.empty() && text.back() == ' ') {
            text.remove_suffix(1);
        }
        lines.append(spaces, ' ');
        lines += text;
        lines += '\n';
    };
    // The first line runs from its own indentation to the edge; the rest hang under it.
    std::string_view text = line.substr(lead);
    const auto wrapped = wrap_lines(text, width - static_cast<int>(lead), width - hang);
    for (std::size_t i = 0; i < wrapped.size(); ++i) {
        emit(i == 0 ? lead : static_cast<std::size_t>(hang), wrapped[i]);
    }
    return lines;
}

void Context::print(std::string_view line, int indent) const {
    out << wrap(line, indent);
}

void Context::explain(std::string_view text) const {
    for (std::size_t start = 0; start < text.size();) {
        const auto end = std::min(text.find('\n', start), text.size());
        const auto line = text.substr(start, end - start);
        err << (line.empty() ? std::string("\n") : wrap(line, 0));
        start = end + 1;
    }
}

void Context::say(std::string_view message) const {
    if (quiet) {
        return;
    }
    // On a terminal a message wraps to it, as the prompts do; into a file or a pipe it stays
    // one line, for whoever reads it there.
    if (interactive) {
        err << wrap(message, 2);
    } else {
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
