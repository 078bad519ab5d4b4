// SPDX-License-Identifier: MIT
#include "cli/terminal.hpp"

#include <smartgoals/text_width.hpp>

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <istream>
#include <ostream>

namespace smartgoals::cli {

std::optional<std::string> ask(Context& ctx, std::string_view prompt) {
    ctx.err << prompt << std::flush;
    std::string line;
    if (!std::getline(ctx.in, line)) {
        ctx.err << '\n';
        return std::nullopt;
    }
    return trim(line);
}

std::optional<int> ask_number(Context& ctx, std::string_view prompt, int low, int high) {
    while (true) {
        const auto answer = ask(ctx, prompt);
        if (!answer || answer->empty()) {
            return std::nullopt;
        }
        int value = 0;
        const auto* end = answer->data() + answer->size();
        const auto [ptr, ec] = std::from_chars(answer->data(), end, value);
        if (ec == std::errc{} && ptr == end && value >= low && value <= high) {
            return value;
        }
        ctx.err << fmt::format("  Please type a number from {} to {}, or press Enter to skip.\n",
                               low, high);
    }
}

char ask_yes_no_skip(Context& ctx, std::string_view prompt) {
    while (true) {
        const auto answer = ask(ctx, prompt);
        if (!answer || answer->empty()) {
            return 's';
        }
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>((*answer)[0])));
        if (c == 'y' || c == 'n' || c == 's') {
            return c;
        }
        ctx.err << "  Please answer y (yes), n (not yet) or s (skip).\n";
    }
}

} // namespace smartgoals::cli
