// SPDX-License-Identifier: MIT
#include "cli/terminal.hpp"

#include <smartgoals/text_width.hpp>

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <fcntl.h>
#include <istream>
#include <ostream>
#include <unistd.h>

namespace smartgoals::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void on_interrupt(int) {
    g_interrupted = 1;
    // The standard library's read retries when a signal interrupts it, so the question would
    // wait on until Enter; with /dev/null as stdin the retried read ends at once.
    const int saved_errno = errno;
    const int null = ::open("/dev/null", O_RDONLY);
    if (null >= 0) {
        ::dup2(null, STDIN_FILENO);
        ::close(null);
    }
    errno = saved_errno;
}

// Ctrl-C ends the waiting read instead of the process, so the member is told that nothing was
// recorded.
void catch_interrupt() {
    static bool installed = false;
    if (installed) {
        return;
    }
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    ::sigaction(SIGINT, &action, nullptr);
    installed = true;
}

} // namespace

std::string ask(Context& ctx, std::string_view prompt) {
    catch_interrupt();
    while (true) {
        // A long prompt wraps to the terminal, its answer typed after the last line.
        std::string shown_prompt = ctx.wrap(prompt, 4);
        shown_prompt.pop_back();
        ctx.err << shown_prompt << (prompt.ends_with(' ') ? " " : "") << std::flush;
        std::string line;
        if (g_interrupted || !std::getline(ctx.in, line) || g_interrupted) {
            ctx.err << '\n';
            throw PromptStopped{};
        }
        if (valid_utf8(line)) {
            return trim(line);
        }
        ctx.err << "  That was not valid UTF-8 text; please type it again.\n";
    }
}

std::optional<int> ask_number(Context& ctx, std::string_view prompt, int low, int high,
                              bool skippable) {
    while (true) {
        const auto answer = ask(ctx, prompt);
        if (answer.empty()) {
            return std::nullopt;
        }
        int value = 0;
        const auto* end = answer.data() + answer.size();
        const auto [ptr, ec] = std::from_chars(answer.data(), end, value);
        if (ec == std::errc{} && ptr == end && value >= low && value <= high) {
            return value;
        }
        ctx.err << fmt::format("  Please type a number from {} to {}{}.\n", low, high,
                               skippable ? ", or press Enter to skip" : "");
    }
}

char ask_yes_no_skip(Context& ctx, std::string_view prompt) {
    while (true) {
        const auto answer = ask(ctx, prompt);
        if (answer.empty()) {
            return 's';
        }
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(answer[0])));
        if (c == 'y' || c == 'n' || c == 's') {
            return c;
        }
        ctx.err << "  Please answer y (yes), n (not yet) or s (skip).\n";
    }
}

bool ask_yes_no(Context& ctx, std::string_view prompt, bool empty) {
    while (true) {
        const auto answer = ask(ctx, prompt);
        if (answer.empty()) {
            return empty;
        }
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(answer[0])));
        if (answer.size() == 1 && (c == 'y' || c == 'n')) {
            return c == 'y';
        }
        ctx.err << "  Please answer y (yes) or n (no).\n";
    }
}

} // namespace smartgoals::cli
