// SPDX-License-Identifier: MIT
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <iostream>
#include <sqlite3.h>

namespace smartgoals::cli {

namespace {

constexpr const char* k_examples = R"(
Examples:
  smartgoals goal add "Walk once a week" --area balance
  smartgoals goal done 1
  smartgoals checkin --rating 7 --note "A steady week"
  smartgoals review
  smartgoals review --week last --format json)";

Date resolve_today(const GlobalOptions& global, const Environment& env, const std::string& clock) {
    if (!global.today.empty()) {
        return parse_date_or_throw(global.today, "--today");
    }
    if (const auto fixed = env.get("SMARTGOALS_TODAY"); !fixed.empty()) {
        return parse_date_or_throw(fixed, "SMARTGOALS_TODAY");
    }
    return *parse_date(clock);
}

bool use_color(const GlobalOptions& global, const Environment& env) {
    if (global.color == "always") {
        return true;
    }
    if (global.color == "never") {
        return false;
    }
    return env.stdout_terminal && env.get("NO_COLOR").empty() && env.get("TERM") != "dumb";
}

std::string storage_message(const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
        return "the database stayed locked by another smartgoals for too long; nothing was "
               "changed; try again";
    }
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
        return fmt::format("the database is damaged ({}); nothing was changed", e.what());
    }
    if (code == SQLITE_FULL) {
        return "the disk is full; nothing was changed";
    }
    return fmt::format("the database could not be used: {}; nothing was changed", e.what());
}

// CLI11 reports an unknown command as a missing one; name the word that was not understood.
std::string parse_error_message(const CLI::App& app, const CLI::ParseError& e) {
    const CLI::App* deepest = &app;
    while (!deepest->get_subcommands().empty()) {
        deepest = deepest->get_subcommands().front();
    }
    const auto commands = deepest->get_subcommands([](const CLI::App*) { return true; });
    // With fallthrough, a word a subcommand does not know is left with the top level.
    auto rest = deepest->remaining();
    if (rest.empty()) {
        rest = app.remaining();
    }
    if (!commands.empty() && !rest.empty() && !rest.front().empty() && rest.front()[0] != '-') {
        std::string names;
        for (const auto* c : commands) {
            names += (names.empty() ? "" : ", ") + c->get_name();
        }
        const auto where =
            deepest == &app ? std::string("smartgoals") : "smartgoals " + deepest->get_name();
        return fmt::format("'{}' is not a command of {}; use one of: {}", rest.front(), where,
                           names);
    }
    return fmt::format("{} (see 'smartgoals --help')", e.what());
}

} // namespace

int run(int argc, const char* const* argv, const Environment& env, std::ostream& out,
        std::ostream& err, std::istream& in) {
    CLI::App app{"smartgoals: weekly goals, check-ins and reviews in the rhythm of SMART Recovery "
                 "meetings.",
                 "smartgoals"};
    app.footer(k_examples);
    app.fallthrough();
    app.require_subcommand(1);
    app.set_version_flag("--version", SMARTGOALS_VERSION);
    GlobalOptions global;
    app.add_option("--db", global.db,
                   "The database file (default: $SMARTGOALS_DB, then "
                   "$XDG_DATA_HOME/smartgoals/smartgoals.db)");
    app.add_option("--today", global.today, "Take this date as today (YYYY-MM-DD)");
    app.add_option("--color", global.color, "Colour on a terminal")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_flag("-q,--quiet", global.quiet, "No messages on stderr, only data and errors");

    Action action;
    register_goal(app, action);
    register_checkin(app, action);
    register_review(app, action);
    register_urge_log(app, action);
    register_cbc(app, action);
    register_worksheet(app, action);
    register_config(app, action);
    register_export(app, action);
    register_import(app, action);
    register_complete(app, action);

    try {
        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp&) {
            out << app.help(); // help() shows the chosen subcommand's own help
            return 0;
        } catch (const CLI::CallForAllHelp&) {
            out << app.help("", CLI::AppFormatMode::All);
            return 0;
        } catch (const CLI::CallForVersion&) {
            out << "smartgoals " << SMARTGOALS_VERSION << '\n';
            return 0;
        } catch (const CLI::ParseError& e) {
            throw UsageError(parse_error_message(app, e));
        }
        if (!action) {
            throw UsageError("a command is needed; see 'smartgoals --help'");
        }
        const auto [date, time] = env.clock();
        const Date today = resolve_today(global, env, date);
        Context context{.out = out,
                        .err = err,
                        .in = in,
                        .today = today,
                        .time_of_day = time,
                        .today_is_clock = format_date(today) == date,
                        .color = use_color(global, env),
                        .quiet = global.quiet,
                        .interactive = env.stdin_terminal && env.stdout_terminal,
                        .db_path = database_path(global.db, env.get("SMARTGOALS_DB"),
                                                 env.get("XDG_DATA_HOME"), env.get("HOME"))};
        action(context);
        out.flush();
        return 0;
    } catch (const UsageError& e) {
        err << "smartgoals: error: " << e.what() << '\n';
        return 2;
    } catch (const StorageError& e) {
        err << "smartgoals: error: " << e.what() << '\n';
        return 1;
    } catch (const SQLite::Exception& e) {
        err << "smartgoals: error: " << storage_message(e) << '\n';
        return 1;
    } catch (const std::filesystem::filesystem_error& e) {
        err << "smartgoals: error: " << e.what() << '\n';
        return 1;
    }
}

} // namespace smartgoals::cli
