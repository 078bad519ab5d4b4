// SPDX-License-Identifier: MIT
// nudge (SPEC §6.3): one short, kind line when something is due, and nothing otherwise. It runs
// from shell prompts and timers, so it is quick, always exits 0, and a database it cannot read
// makes it say nothing.
#include "cli/context.hpp"

#include <smartgoals/rules.hpp>
#include <smartgoals/text_width.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <ostream>

namespace smartgoals::cli {

namespace {

void run_nudge(Context& ctx) {
    Store& store = ctx.store();
    const auto latest = store.latest_record_date();
    if (!latest) {
        return; // nothing recorded yet: nothing is due
    }
    const auto name = store.setting("name").value_or("");
    const std::string hello = name.empty() ? "" : shown(name) + ", ";
    const Weekday ws = store.week_start();
    const Week week = week_containing(ctx.today, ws);
    if (week.start == ctx.today && week.start > k_first_day) {
        // Meeting day: the check-in about the week just ended counts in that week (SPEC §4.1).
        const Week ended = week.plus(-1);
        if (store.checkins_in_weeks(ended.start, ended.end()).empty()) {
            ctx.out << fmt::format("{}{}eeting day: how have the last seven days been? "
                                   "smartgoals checkin\n",
                                   hello, hello.empty() ? "M" : "m");
            return;
        }
    }
    if ((ctx.today - *latest).count() >= 7) {
        ctx.out << fmt::format("{}{} week since anything was written down; whenever you like: "
                               "smartgoals checkin\n",
                               hello, hello.empty() ? "A" : "a");
    }
}

} // namespace

void register_nudge(CLI::App& app, Action& action) {
    auto* n = app.add_subcommand("nudge", "One kind line when a check-in is due, else nothing");
    n->footer(R"(
On the first day of your week (see 'config set week-start') while the week just
ended has no check-in, or after seven days with nothing written down, it prints
one line; otherwise nothing. It always exits 0 and is quick, for a shell prompt,
cron or a systemd timer; see the README for recipes.

Example:
  smartgoals nudge)");
    n->callback([&action] {
        action = {.needs = Needs::read_quietly, .run = run_nudge, .undoable = false};
    });
}

} // namespace smartgoals::cli
