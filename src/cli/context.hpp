// SPDX-License-Identifier: MIT
#pragma once

#include <smartgoals/dates.hpp>
#include <smartgoals/seal.hpp>
#include <smartgoals/store.hpp>

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace smartgoals::cli {

// What the process was started with, read once by main(): the only door to the outside.
struct Environment {
    std::map<std::string, std::string> variables;
    bool stdin_terminal = false;
    bool stdout_terminal = false;
    int terminal_columns = 0; // the width of the terminal on stdout; 0 when there is none
    // Local date and time of day now, "YYYY-MM-DD" and "HH:MM:SS".
    std::function<std::pair<std::string, std::string>()> clock;

    std::string get(const std::string& name) const {
        const auto it = variables.find(name);
        return it == variables.end() ? std::string() : it->second;
    }
};

// The global options (SPEC §6), accepted before or after the subcommand.
struct GlobalOptions {
    std::string db;
    std::string today;
    std::string color = "auto";
    bool quiet = false;
    bool plain = false;
    int passphrase_fd = -1;
};

// What a command runs with once the command line is parsed.
struct Context {
    std::ostream& out; // data
    std::ostream& err; // messages, prompts and errors
    std::istream& in;
    Date today;
    std::string time_of_day; // HH:MM:SS, local
    // Whether `today` is the clock's date; when --today or SMARTGOALS_TODAY names another day,
    // every time of that day can be written down, none is yet to come.
    bool today_is_clock = true;
    bool color = false;
    bool quiet = false;
    bool interactive = false; // stdin and stdout are terminals: prompts are allowed
    std::filesystem::path db_path;
    // The command as given, without the global options: what `undo --list` names.
    std::string command_line;
    // The database, opened by run() as the command's Action asks; null for Needs::nothing.
    Store* opened = nullptr;
    // Output for people (SPEC §6.4): the columns text wraps to (COLUMNS, else the terminal's,
    // else 80; never below 40), and --plain for screen readers and braille displays.
    int width = 80;
    bool plain = false;

    // Today's date with the current local time of day.
    std::string timestamp() const { return format_date(today) + "T" + time_of_day; }
    // The command's one transaction (a read-only snapshot during Action::prepare).
    Store& store() const;
    // A message for a person, on stderr, unless --quiet.
    void say(std::string_view message) const;
    // A line of text for people on stdout, wrapped to `width` (SPEC §6.4): its leading spaces
    // kept, following lines indented by `indent`.
    void print(std::string_view line, int indent) const;
    // The same, as text.
    std::string wrap(std::string_view line, int indent) const;
    // Lines of explanation on stderr (prompts' companions), each wrapped to `width`.
    void explain(std::string_view text) const;
};

// What a command needs from the database, declared with the command as ninja's tools do.
enum class Needs {
    nothing,     // no database at all (worksheet)
    read,        // one read transaction; a missing database reads as an empty one
    write,       // one write transaction, committed by run() when the command returns
    read_quietly // read if the database can be read; else the command prints nothing, exit 0
};

// The command the line names, set by its registration. run() opens the store as `needs` says,
// runs the command and commits once; no command opens or commits by itself.
struct Action {
    Needs needs = Needs::nothing;
    std::function<void(Context&)> run;
    // What comes before the write transaction opens, so that it holds no lock meanwhile:
    // prompts, reading and checking an input file. The store is then a read-only snapshot
    // (optional; for write commands only).
    std::function<void(Context&)> prepare = nullptr;
    // Whether `undo` can take the command back (all writes but undo itself).
    bool undoable = true;
};

// Each subcommand registers its options and, when it is the one chosen, sets `action`.
void register_goal(CLI::App& app, Action& action);
void register_checkin(CLI::App& app, Action& action);
void register_review(CLI::App& app, Action& action);
void register_urge_log(CLI::App& app, Action& action);
void register_cbc(CLI::App& app, Action& action);
void register_worksheet(CLI::App& app, Action& action);
void register_config(CLI::App& app, Action& action);
void register_export(CLI::App& app, Action& action);
void register_import(CLI::App& app, Action& action);
void register_complete(CLI::App& app, Action& action);
void register_undo(CLI::App& app, Action& action);
void register_nudge(CLI::App& app, Action& action);
void register_values(CLI::App& app, Action& action);
void register_balance(CLI::App& app, Action& action);
void register_abc(CLI::App& app, Action& action);
void register_plan(CLI::App& app, Action& action);
void register_encrypt(CLI::App& app, Action& action);
void register_decrypt(CLI::App& app, Action& action);
void register_lock(CLI::App& app, Action& action);

// Where a sealed database's passphrase comes from: descriptor `fd` (--passphrase-fd), or the
// terminal when fd is negative.
seal::PassphraseSource passphrase_source(int fd);

// Shared value checks: each throws UsageError naming the option.
std::int64_t parse_id(const std::string& text, std::string_view what);
Date date_not_in_future(const std::string& text, std::string_view what, Date today);
std::string required_text(const std::string& text, std::string_view what);

// Parses argv, runs the chosen command, and returns the exit status (SPEC §8).
int run(int argc, const char* const* argv, const Environment& env, std::ostream& out,
        std::ostream& err, std::istream& in);

} // namespace smartgoals::cli
