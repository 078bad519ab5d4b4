// SPDX-License-Identifier: MIT
#pragma once

#include "cli/context.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace smartgoals::cli {

// Shows `prompt` on stderr and reads one line; nullopt at the end of input.
std::optional<std::string> ask(Context& ctx, std::string_view prompt);
// Asks until the answer is empty (nullopt) or a whole number in [low, high].
std::optional<int> ask_number(Context& ctx, std::string_view prompt, int low, int high);
// y, n or s (skip); end of input counts as skip.
char ask_yes_no_skip(Context& ctx, std::string_view prompt);

} // namespace smartgoals::cli
