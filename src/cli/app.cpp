// SPDX-License-Identifier: MIT
#include "cli/context.hpp"
#include "cli/terminal.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/text_width.hpp>

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <iostream>
#include <limits>
#include <memory>
#include <sqlite3.h>
#include <sstream>

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
    // A word (yesterday, a weekday) counts back from the clock's date.
    const Date clock_date = *parse_date(clock);
    if (!global.today.empty()) {
        return parse_day_or_throw(global.today, "--today", clock_date);
    }
    if (const auto fixed = env.get("SMARTGOALS_TODAY"); !fixed.empty()) {
        return parse_day_or_throw(fixed, "SMARTGOALS_TODAY", clock_date);
    }
    return clock_date;
}

// SPEC §6.4: COLUMNS, else the terminal's width, else 80; never below 40.
int text_width(const Environment& env) {
    const auto columns = env.get("COLUMNS");
    int width = 0;
    if (!columns.empty() && columns.size() <= 4 &&
        columns.find_first_not_of("0123456789") == std::string::npos) {
        width = std::stoi(columns);
    }
    if (width <= 0) {
        width = env.terminal_columns > 0 ? env.terminal_columns : 80;
    }
    return std::max(40, width);
}

bool plain_output(const GlobalOptions& global, const Environment& env) {
    const auto variable = env.get("SMARTGOALS_PLAIN");
    return global.plain || (!variable.empty() && variable != "0");
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
    // A sealed page that does not match its tag is SQLITE_IOERR_DATA (SPEC §3.1).
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB ||
        e.getExtendedErrorCode() == SQLITE_IOERR_DATA || seal::found_damage()) {
        return fmt::format("the database is damaged ({}); nothing was changed",
                           seal::found_damage() ? seal::k_damage_reason : e.what());
    }
    if (code == SQLITE_FULL) {
        return "the disk is full; nothing was changed";
    }
    return fmt::format("the database could not be used: {}; nothing was changed", e.what());
}

// The command a parse error is about, as a member types it: "smartgoals goal done".
std::string command_name(const CLI::App& app, const CLI::App* command) {
    std::string name;
    for (const auto* c = command; c != nullptr && c != &app; c = c->get_parent()) {
        name = c->get_name() + (name.empty() ? "" : " " + name);
    }
    return name.empty() ? "smartgoals" : "smartgoals " + name;
}

// The first example in a command's help, when it has one.
std::string first_example(const CLI::App* command) {
    const std::string footer = command->get_footer();
    const auto at = footer.find("\n  smartgoals ");
    if (footer.find("Example") == std::string::npos || at == std::string::npos) {
        return "";
    }
    const auto end = footer.find('\n', at + 3);
    return footer.substr(at + 3, end == std::string::npos ? std::string::npos : end - at - 3);
}

// The option named in one of CLI11's messages ("--week: ..."), in a member's words.
std::string option_in(const std::string& message) {
    const auto colon = message.find(':');
    return message.substr(0, colon == std::string::npos ? message.find(' ') : colon);
}

std::string names_of(const std::vector<const CLI::App*>& commands) {
    std::string names;
    for (const auto* c : commands) {
        names += (names.empty() ? "" : ", ") + c->get_name();
    }
    return names;
}

// Every parse error in smartgoals' words (SPEC §8): the command, the word that was not
// understood and what to do, never the parser library's own sentence.
std::string parse_error_message(const CLI::App& app, const CLI::ParseError& e, int argc,
                                const char* const* argv) {
    const CLI::App* deepest = &app;
    while (!deepest->get_subcommands().empty()) {
        deepest = deepest->get_subcommands().front();
    }
    // With fallthrough, a word a subcommand does not know is left with the top level.
    auto rest = deepest->remaining();
    if (rest.empty()) {
        rest = app.remaining();
    }
    // A word that comes before the command the line names was meant as a command itself.
    if (!rest.empty() && deepest != &app) {
        const auto* command = app.get_subcommands().front();
        const auto position = [&](auto&& is) {
            return std::find_if(argv + 1, argv + argc, is) - argv;
        };
        if (position([&](const char* w) { return w == rest.front(); }) <
            position([&](const char* w) { return command->check_name(w); })) {
            deepest = &app;
        }
    }
    const std::string where = command_name(app, deepest);
    const std::string help = fmt::format("see '{} --help'", where);
    // Hidden commands (in no group) are not offered.
    const auto commands =
        deepest->get_subcommands([](const CLI::App* c) { return !c->get_group().empty(); });
    const std::string message = e.what();
    if (!rest.empty() && !rest.front().empty()) {
        const std::string& word = rest.front();
        if (word[0] == '-' && word.size() > 1) {
            return fmt::format("'{}' is not an option of {}; {}", word, where, help);
        }
        if (!commands.empty()) {
            return fmt::format("'{}' is not a command of {}; use one of: {}", word, where,
                               names_of(commands));
        }
        return fmt::format("'{}' is one word too many for {} (a text with spaces goes in "
                           "quotes); {}",
                           word, where, help);
    }
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
        if (!commands.empty() && deepest->get_subcommands().empty()) {
            return deepest == &app
                       ? fmt::format("a command is needed: one of {}; see 'smartgoals --help'",
                                     names_of(commands))
                       : fmt::format("{} needs one of: {}; {}", where, names_of(commands), help);
        }
        for (const auto* option : deepest->get_options()) {
            if (option->get_required() && option->count() == 0) {
                const auto example = first_example(deepest);
                std::string name = option->get_name();
                std::transform(name.begin(), name.end(), name.begin(),
                               [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
                std::string what = option->get_description();
                if (what.size() > 1 && std::isupper(static_cast<unsigned char>(what[0])) &&
                    std::islower(static_cast<unsigned char>(what[1]))) {
                    what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
                }
                return fmt::format("{} needs {}, {}{}", where, name, what,
                                   example.empty() ? "; " + help : "; for example: " + example);
            }
        }
    }
    if (dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr) {
        const auto at = message.find(" excludes ");
        if (at != std::string::npos) {
            return fmt::format("{} and {} cannot be given together; give one of them",
                               message.substr(0, at), message.substr(at + 10));
        }
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
        return fmt::format("{} needs a value after it; {}", option_in(message), help);
    }
    if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
        // "Could not convert: --list = maybe", "--list: too many inputs for a flag"
        constexpr std::string_view k_prefix = "Could not convert: ";
        const std::string name =
            message.rfind(k_prefix, 0) == 0
                ? message.substr(k_prefix.size(), message.find(" = ") - k_prefix.size())
                : option_in(message);
        const auto* option = deepest->get_option_no_throw(name);
        if (option == nullptr || option->get_expected_min() == 0) {
            return fmt::format("{} is a switch and takes no value; {}", name, help);
        }
        return fmt::format("{}: the value given cannot be read; {}", name, help);
    }
    if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) {
        return message; // "--rating: '1x' is not a whole number; ...": our own validators' words
    }
    return fmt::format("{} could not be read as given; {}", where, help);
}

struct Command {
    std::array<std::string_view, 2> names; // the name and an alias, if any
    void (*add)(CLI::App&, Action&);
};
constexpr Command k_commands[] = {
    {{"goal"}, register_goal},           {{"checkin"}, register_checkin},
    {{"review"}, register_review},       {{"urge-log"}, register_urge_log},
    {{"cbc", "cba"}, register_cbc},      {{"values"}, register_values},
    {{"balance"}, register_balance},     {{"abc"}, register_abc},
    {{"plan"}, register_plan},           {{"worksheet"}, register_worksheet},
    {{"config"}, register_config},       {{"export"}, register_export},
    {{"import"}, register_import},       {{"undo"}, register_undo},
    {{"nudge"}, register_nudge},         {{"encrypt"}, register_encrypt},
    {{"decrypt"}, register_decrypt},     {{"lock"}, register_lock},
    {{"__complete"}, register_complete},
};

std::vector<const Command*> all_commands() {
    std::vector<const Command*> all;
    for (const auto& c : k_commands) {
        all.push_back(&c);
    }
    return all;
}

// Building every command's options costs more than the work of many commands, so a command
// line that names commands and asks for no help gets only those. Help, and a line that names
// none, get all of them.
std::vector<const Command*> commands_named(int argc, const char* const* argv) {
    std::vector<const Command*> named;
    for (int i = 1; i < argc; ++i) {
        const std::string_view word = argv[i];
        if (word == "-h" || word == "--help" || word == "--help-all") {
            named.clear();
            break;
        }
        for (const auto& c : k_commands) {
            if (!word.empty() && std::find(c.names.begin(), c.names.end(), word) != c.names.end() &&
                std::find(named.begin(), named.end(), &c) == named.end()) {
                named.push_back(&c);
            }
        }
    }
    if (named.empty()) {
        return all_commands();
    }
    // In the order of k_commands, as help lists them.
    std::sort(named.begin(), named.end());
    return named;
}

// Numbers on the command line are plain decimal (SPEC §8): CLI11 alone would read 010 as 8 and
// 0x10 as 16.
std::string plain_number(std::string& text) {
    const bool negative = text.starts_with('-');
    const std::string_view digits = std::string_view(text).substr(negative ? 1 : 0);
    const bool plain =
        !digits.empty() && digits.size() <= 18 && !(negative && digits == "0") &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        (digits.size() == 1 || digits[0] != '0');
    if (!plain) {
        return fmt::format("'{}' is not a whole number; write it in plain decimal, such as 3",
                           shown(text));
    }
    if (std::stoll(text) > std::numeric_limits<int>::max() ||
        std::stoll(text) < std::numeric_limits<int>::min()) {
        return fmt::format("{} is far too large a number here", text);
    }
    return {};
}

void check_numbers(CLI::App& app) {
    for (auto* option : app.get_options()) {
        if (option->get_type_name() == "INT") {
            option->check(CLI::Validator(plain_number, ""));
        }
    }
    for (auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        check_numbers(*sub);
    }
}

std::unique_ptr<CLI::App> make_app(GlobalOptions& global, Action& action,
                                   const std::vector<const Command*>& commands) {
    auto app = std::make_unique<CLI::App>(
        "smartgoals: weekly goals, check-ins and reviews in the rhythm of SMART Recovery "
        "meetings.",
        "smartgoals");
    app->footer(k_examples);
    app->fallthrough();
    app->require_subcommand(1);
    app->set_version_flag("--version", SMARTGOALS_VERSION);
    app->add_option("--db", global.db,
                    "The database file (default: $SMARTGOALS_DB, then "
                    "$XDG_DATA_HOME/smartgoals/smartgoals.db)");
    app->add_option("--today", global.today, "Take this date as today (YYYY-MM-DD)");
    app->add_option("--color", global.color, "Colour on a terminal: auto, always or never")
        ->check(CLI::Validator(
            [](const std::string& value) {
                return value == "auto" || value == "always" || value == "never"
                           ? std::string()
                           : fmt::format("'{}' is not a colour setting; use auto, always or never",
                                         value);
            },
            ""));
    app->add_option("--passphrase-fd", global.passphrase_fd,
                    "Read an encrypted database's passphrase from this file descriptor (one "
                    "line), not the terminal");
    app->add_flag("-q,--quiet", global.quiet, "No messages on stderr, only data and errors");
    app->add_flag("--plain", global.plain,
                  "For screen readers and braille: no box drawing, bars or symbols (also "
                  "SMARTGOALS_PLAIN=1)");
    for (const auto* c : commands) {
        c->add(*app, action);
    }
    check_numbers(*app);
    return app;
}

void tell_notices(const Store& store, const Context& ctx) {
    for (const auto& notice : store.notices()) {
        ctx.say(fmt::format("smartgoals: {}", shown(notice)));
    }
}

// The command as given, for undo: the words after the program's name, global options left
// out, each shown as a member would type it.
std::string command_line(int argc, const char* const* argv) {
    std::string line;
    for (int i = 1; i < argc; ++i) {
        const std::string_view word = argv[i];
        if (word == "--db" || word == "--today" || word == "--color" || word == "--passphrase-fd") {
            ++i;
            continue;
        }
        if (word == "-q" || word == "--quiet" || word == "--plain" || word.starts_with("--db=") ||
            word.starts_with("--today=") || word.starts_with("--color=") ||
            word.starts_with("--passphrase-fd=")) {
            continue;
        }
        const bool plain =
            !word.empty() && word.find_first_of(" \t\n'\"\\$`") == std::string_view::npos;
        line +=
            (line.empty() ? "" : " ") + (plain ? std::string(word) : fmt::format("\"{}\"", word));
    }
    return line;
}

// What a write command said, held back until its commit.
struct Said {
    std::string out, err;
    bool changed = false; // whether the command changed anything stored
    void show(const Context& ctx) const {
        ctx.out << out;
        ctx.err << err;
    }
};

Said run_write(const Action& action, const Context& ctx, const std::filesystem::path& file) {
    std::ostringstream out, err;
    Store store = Store::open(file, Store::Mode::write);
    tell_notices(store, ctx);
    if (action.undoable) {
        store.record_changes();
    }
    Context inside{.out = out,
                   .err = err,
                   .in = ctx.in,
                   .today = ctx.today,
                   .time_of_day = ctx.time_of_day,
                   .today_is_clock = ctx.today_is_clock,
                   .color = ctx.color,
                   .quiet = ctx.quiet,
                   .interactive = ctx.interactive,
                   .db_path = ctx.db_path,
                   .command_line = ctx.command_line,
                   .opened = &store,
                   .width = ctx.width,
                   .plain = ctx.plain};
    action.run(inside);
    if (action.undoable) {
        store.keep_for_undo(ctx.command_line, ctx.timestamp());
    }
    const bool changed = store.changed();
    store.commit();
    return {out.str(), err.str(), changed};
}

// The one lifecycle of every command: prompts first (on a read-only snapshot), then the
// store opened as the command needs, the command, and one commit. A write command's output
// waits for its commit, so nothing is reported done that is not on disk.
void execute(const Action& action, Context& ctx) {
    if (action.prepare) {
        Store snapshot = Store::open(ctx.db_path, Store::Mode::read);
        tell_notices(snapshot, ctx);
        ctx.opened = &snapshot;
        action.prepare(ctx);
        ctx.opened = nullptr;
    }
    switch (action.needs) {
    case Needs::nothing:
        action.run(ctx);
        return;
    case Needs::read: {
        Store store = Store::open(ctx.db_path, Store::Mode::read);
        tell_notices(store, ctx);
        ctx.opened = &store;
        action.run(ctx);
        ctx.opened = nullptr;
        return;
    }
    case Needs::read_quietly:
        // Never a question here (a shell's start-up, a completion): an encrypted database
        // whose key is not kept reads as nothing.
        seal::set_passphrase_source(nullptr);
        seal::renew_kept_keys(false);
        try {
            Store store = Store::open(ctx.db_path, Store::Mode::read);
            ctx.opened = &store;
            action.run(ctx);
        } catch (const StorageError&) {
        } catch (const UsageError&) {
        } catch (const SQLite::Exception&) {
        }
        ctx.opened = nullptr;
        return;
    case Needs::write:
        break;
    }
    // A first command runs in a new database beside its place, published only when it
    // commits; if another smartgoals published one first, the command runs again in that.
    std::error_code ec;
    const auto status = std::filesystem::symlink_status(ctx.db_path, ec);
    if (!std::filesystem::exists(status) || (std::filesystem::is_regular_file(status) &&
                                             std::filesystem::file_size(ctx.db_path, ec) == 0)) {
        NewDatabase fresh(ctx.db_path);
        auto done = run_write(action, ctx, fresh.file());
        // A command that changed nothing (undo with nothing to undo, an empty import) leaves
        // no database behind, as a read would.
        if (!done.changed) {
            done.show(ctx);
            return;
        }
        if (fresh.publish()) {
            done.show(ctx);
            return;
        }
    }
    run_write(action, ctx, ctx.db_path).show(ctx);
}

} // namespace

int run(int argc, const char* const* argv, const Environment& env, std::ostream& out,
        std::ostream& err, std::istream& in) {
    GlobalOptions global;
    Action action;
    // A text that is not UTF-8 is refused before anything reads it (SPEC §6.4).
    for (int i = 1; i < argc; ++i) {
        if (!valid_utf8(argv[i])) {
            err << "smartgoals: error: '" << shown(argv[i])
                << "' is not valid UTF-8 text; check the terminal's or the script's encoding\n";
            return 2;
        }
    }
    auto commands = commands_named(argc, argv);
    auto app = make_app(global, action, commands);

    try {
        try {
            try {
                app->parse(argc, argv);
            } catch (const CLI::ParseError&) {
                if (commands.size() == std::size(k_commands)) {
                    throw;
                }
                // An error names the commands there are: parse again knowing all of them.
                global = GlobalOptions{};
                action = Action{};
                commands = all_commands();
                app = make_app(global, action, commands);
                app->parse(argc, argv);
            }
        } catch (const CLI::CallForHelp&) {
            out << app->help(); // help() shows the chosen subcommand's own help
            return 0;
        } catch (const CLI::CallForAllHelp&) {
            out << app->help("", CLI::AppFormatMode::All);
            return 0;
        } catch (const CLI::CallForVersion&) {
            out << "smartgoals " << SMARTGOALS_VERSION << '\n';
            return 0;
        } catch (const CLI::ParseError& e) {
            throw UsageError(parse_error_message(*app, e, argc, argv));
        }
        if (!action.run) {
            throw UsageError("a command is needed; see 'smartgoals --help'");
        }
        if (app->get_option("--db")->count() > 0 && global.db.empty()) {
            // An empty "$VAR" must not fall back to the member's own database.
            throw UsageError("--db: the path is empty; name the database file");
        }
        if (app->get_option("--passphrase-fd")->count() > 0 && global.passphrase_fd < 0) {
            throw UsageError(fmt::format("--passphrase-fd: '{}' is not a file descriptor; use 0 "
                                         "for standard input, or 3 with 3< FILE",
                                         global.passphrase_fd));
        }
        seal::set_passphrase_source(passphrase_source(global.passphrase_fd));
        const auto [date, time] = env.clock();
        const Date today = resolve_today(global, env, date);
        Context context{.out = out,
                        .err = err,
                        .in = in,
                        .today = today,
                        .time_of_day = time,
                        .today_is_clock = format_date(today) == date,
                        .color = use_color(global, env) && !plain_output(global, env),
                        .quiet = global.quiet,
                        .interactive = env.stdin_terminal && env.stdout_terminal,
                        .db_path = database_path(global.db, env.get("SMARTGOALS_DB"),
                                                 env.get("XDG_DATA_HOME"), env.get("HOME")),
                        .command_line = command_line(argc, argv),
                        .width = text_width(env),
                        .plain = plain_output(global, env)};
        execute(action, context);
        out.flush();
        return 0;
    } catch (const PromptStopped&) {
        err << "smartgoals: stopped; nothing was recorded\n";
        return 2;
    } catch (const UsageError& e) {
        err << "smartgoals: error: " << shown(e.what()) << '\n';
        return 2;
    } catch (const StorageError& e) {
        err << "smartgoals: error: " << shown(e.what()) << '\n';
        return 1;
    } catch (const SQLite::Exception& e) {
        err << "smartgoals: error: " << shown(storage_message(e)) << '\n';
        return 1;
    } catch (const nlohmann::json::type_error&) {
        // Every text taken in is checked UTF-8 (SPEC §6.4): one that is not came from damage.
        err << "smartgoals: error: the database is damaged: a stored text is not UTF-8 and "
               "cannot be written as JSON; nothing was changed\n";
        return 1;
    } catch (const std::filesystem::filesystem_error& e) {
        err << "smartgoals: error: " << shown(e.what()) << '\n';
        return 1;
    } catch (const std::exception& e) {
        // Anything else is a fault of the environment or of smartgoals itself, never of the
        // command line; the transaction was rolled back.
        err << "smartgoals: error: " << shown(e.what()) << "; nothing was changed\n";
        return 1;
    }
}

} // namespace smartgoals::cli
