// SPDX-License-Identifier: MIT
#pragma once

#include "cli/context.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace smartgoals::cli {

// Ctrl-C or Ctrl-D (the end of input) at a question: the guided flow stops before anything
// is written, and run() says so (exit 2).
struct PromptStopped {};

// Shows `prompt` on stderr and reads one line, trimmed. Throws PromptStopped at the end of
// input or on Ctrl-C (SIGINT is caught while a question waits, so that it can be said).
std::string ask(Context& ctx, std::string_view prompt);
// Asks until the answer is empty (nullopt) or a whole number in [low, high], saying why
// another answer is needed.
std::optional<int> ask_number(Context& ctx, std::string_view prompt, int low, int high,
                              bool skippable = true);
// y or n; an empty answer is `empty`.
bool ask_yes_no(Context& ctx, std::string_view prompt, bool empty);
// y, n or s (skip); an empty answer is skip.
char ask_yes_no_skip(Context& ctx, std::string_view prompt);

} // namespace smartgoals::cli
