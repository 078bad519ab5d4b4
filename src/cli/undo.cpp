// SPDX-License-Identifier: MIT
// undo (SPEC §6.1): a slip is cheap to fix. Takes back the newest command that changed data,
// again the one before it; --list shows what can be taken back; --clear forgets it all.
#include "cli/context.hpp"

#include <smartgoals/text_width.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace smartgoals::cli {

namespace {

struct UndoOptions {
    bool list = false;
    bool clear = false;
};

std::string when(const std::string& at) {
    return at.size() >= 16 ? at.substr(0, 10) + " " + at.substr(11, 5) : at;
}

void run_undo(const UndoOptions& o, Context& ctx) {
    Store& store = ctx.store();
    if (o.list) {
        const auto kept = store.undoable();
        for (const auto& entry : kept) {
            ctx.print(shown(fmt::format("{}  smartgoals {}", when(entry.at), entry.command)), 18);
        }
        if (kept.empty()) {
            ctx.say("Nothing to undo.");
        }
        return;
    }
    if (o.clear) {
        const int forgotten = store.clear_undo();
        ctx.say(forgotten == 0 ? std::string("Nothing to forget.")
                               : fmt::format("Forgot {} command{} undo could take back; what they "
                                             "removed is gone from the file.",
                                             forgotten, forgotten == 1 ? "" : "s"));
        return;
    }
    const auto taken = store.undo_last();
    if (!taken) {
        ctx.say("Nothing to undo.");
        return;
    }
    ctx.say(
        shown(fmt::format("Took back: smartgoals {} (at {})", taken->command, when(taken->at))));
}

} // namespace

void register_undo(CLI::App& app, Action& action) {
    auto options = std::make_shared<UndoOptions>();
    auto* u = app.add_subcommand("undo", "Take back the last command that changed something");
    auto* list = u->add_flag("--list", options->list, "What can be taken back, newest first");
    u->add_flag("--clear", options->clear,
                "Forget it all: what was removed is then gone from the file")
        ->excludes(list);
    u->footer(R"(
Every command that changes your data can be taken back: goal, checkin, urge-log,
cbc, config set and import, removals and corrections too. Run undo again to take
back the one before; the last 50 are kept. What was removed stays in the file
while undo can bring it back; once it leaves the last 50, or after --clear, it is
gone from the file.

Examples:
  smartgoals undo
  smartgoals undo --list
  smartgoals undo --clear)");
    u->callback([&action, options] {
        action = {.needs = options->list ? Needs::read : Needs::write,
                  .run = [options](Context& ctx) { run_undo(*options, ctx); },
                  .undoable = false};
    });
}

} // namespace smartgoals::cli
