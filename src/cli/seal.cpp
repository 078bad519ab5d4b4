// SPDX-License-Identifier: MIT
// encrypt, decrypt and lock (SPEC §3.1), and where a passphrase comes from: --passphrase-fd,
// else the terminal, asked without echo.
#include "cli/context.hpp"
#include "cli/terminal.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/seal.hpp>
#include <smartgoals/text_width.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <memory>
#include <sodium.h>
#include <termios.h>
#include <unistd.h>

namespace smartgoals::cli {

namespace {

constexpr std::size_t k_max_passphrase = 1024;

constexpr std::string_view k_warning =
    "Before you choose a passphrase: if it is forgotten, nothing in this database can be read "
    "again. Nobody can recover it, smartgoals included. Write it down somewhere safe.";

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void on_interrupt_at_passphrase(int) {
    g_interrupted = 1;
}

// Ctrl-C while a passphrase is asked ends the question (the read returns EINTR), and after it
// means what it meant before.
class InterruptsStopQuestion {
public:
    InterruptsStopQuestion() {
        struct sigaction action {};
        action.sa_handler = on_interrupt_at_passphrase;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &m_saved);
    }
    InterruptsStopQuestion(const InterruptsStopQuestion&) = delete;
    InterruptsStopQuestion& operator=(const InterruptsStopQuestion&) = delete;
    ~InterruptsStopQuestion() { ::sigaction(SIGINT, &m_saved, nullptr); }

private:
    struct sigaction m_saved {};
};

// One line from `fd`, without its line ending. On a terminal, Ctrl-D before any character
// stops the question, as at every other question.
std::string read_line(int fd, std::string_view from, bool terminal = false) {
    std::string line;
    line.reserve(k_max_passphrase + 1); // never moved: no copy of it is left behind
    char c = 0;
    for (;;) {
        const ssize_t n = ::read(fd, &c, 1);
        if ((n < 0 && errno == EINTR) || g_interrupted || (terminal && n == 0 && line.empty())) {
            sodium_memzero(line.data(), line.size());
            throw PromptStopped{};
        }
        if (n < 0) {
            throw UsageError(
                fmt::format("cannot read the passphrase from {}: {}", from, system_reason(errno)));
        }
        if (n == 0 || c == '\n') {
            break;
        }
        if (line.size() == k_max_passphrase) {
            sodium_memzero(line.data(), line.size());
            throw UsageError(fmt::format("the passphrase from {} is longer than {} bytes", from,
                                         k_max_passphrase));
        }
        line += c;
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

std::string checked(std::string passphrase) {
    if (passphrase.empty()) {
        throw UsageError("the passphrase is empty; nothing was changed");
    }
    if (!valid_utf8(passphrase)) {
        sodium_memzero(passphrase.data(), passphrase.size());
        throw UsageError("the passphrase is not valid UTF-8 text; nothing was changed");
    }
    return passphrase;
}

// Asks on the terminal with echo off, and puts the terminal back however the answer ends.
std::string ask_secret(int tty, std::string_view prompt) {
    termios saved{};
    const bool has_modes = ::tcgetattr(tty, &saved) == 0;
    if (has_modes) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(tty, TCSAFLUSH, &quiet);
    }
    (void)!::write(tty, prompt.data(), prompt.size());
    try {
        std::string answer = read_line(tty, "the terminal", true);
        if (has_modes) {
            ::tcsetattr(tty, TCSAFLUSH, &saved);
        }
        return answer;
    } catch (...) {
        if (has_modes) {
            ::tcsetattr(tty, TCSAFLUSH, &saved);
        }
        (void)!::write(tty, "\n", 1);
        throw;
    }
}

std::string secret_from_terminal(int fd) {
    const InterruptsStopQuestion interrupts;
    return ask_secret(fd, "Passphrase: ");
}

std::string no_terminal(const seal::PassphraseRequest& request) {
    switch (request.purpose) {
    case seal::Purpose::new_key:
        return "encrypt needs a new passphrase, and there is no terminal to ask for it on; give "
               "it with --passphrase-fd N";
    case seal::Purpose::turn_off:
        return "decrypt asks for the passphrase even while the key is kept, and there is no "
               "terminal to ask for it on; give it with --passphrase-fd N";
    case seal::Purpose::open:
        break;
    }
    return fmt::format("{} is encrypted and its key is not kept, and there is no terminal to ask "
                       "for the passphrase on; give it with --passphrase-fd N",
                       request.database.string());
}

std::string from_terminal(const seal::PassphraseRequest& request) {
    const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (tty < 0) {
        throw UsageError(no_terminal(request));
    }
    const InterruptsStopQuestion interrupts;
    try {
        if (request.purpose != seal::Purpose::new_key) {
            auto passphrase = checked(ask_secret(
                tty, fmt::format("Passphrase for {}: ", shown(request.database.string()))));
            ::close(tty);
            return passphrase;
        }
        auto first = checked(ask_secret(tty, "New passphrase: "));
        auto again = ask_secret(tty, "The same passphrase again: ");
        const bool same = first == again;
        sodium_memzero(again.data(), again.size());
        if (!same) {
            sodium_memzero(first.data(), first.size());
            throw UsageError("the two passphrases differ; nothing was changed");
        }
        ::close(tty);
        return first;
    } catch (...) {
        ::close(tty);
        throw;
    }
}

void run_encrypt(Context& ctx) {
    if (Store::is_encrypted(ctx.db_path)) {
        ctx.say(
            fmt::format("{} is already encrypted; nothing to do.", shown(ctx.db_path.string())));
        return;
    }
    // Asked first: without a passphrase nothing is made or changed.
    ctx.explain(k_warning);
    std::string passphrase = seal::ask_passphrase({ctx.db_path, seal::Purpose::new_key});
    bool wiped = true;
    try {
        {
            // Made, or brought up to date, before it is copied.
            Store store = Store::open(ctx.db_path, Store::Mode::write);
            for (const auto& notice : store.notices()) {
                ctx.say(fmt::format("smartgoals: {}", shown(notice)));
            }
            store.commit();
        }
        wiped = Store::encrypt(ctx.db_path, passphrase);
    } catch (...) {
        sodium_memzero(passphrase.data(), passphrase.size());
        throw;
    }
    sodium_memzero(passphrase.data(), passphrase.size());
    if (!wiped) {
        ctx.say("smartgoals: the old, readable file has another name (a hard link), so it was "
                "left as it is; remove that name too, or it keeps everything readable");
    }
    // Opening it once keeps the key for as long as unlock-minutes says.
    Store store = Store::open(ctx.db_path, Store::Mode::read);
    const auto minutes = store.setting("unlock-minutes");
    ctx.say(fmt::format(
        "{} is encrypted. {} 'smartgoals lock' forgets the key now.", shown(ctx.db_path.string()),
        minutes == "0"
            ? "The passphrase is asked for each command."
            : fmt::format("The key is kept in this login session until it has not "
                          "been used for {} minutes;",
                          minutes.value_or(std::to_string(seal::k_default_unlock_minutes)))));
}

void run_decrypt(Context& ctx) {
    if (!Store::is_encrypted(ctx.db_path)) {
        ctx.say(fmt::format("{} is not encrypted; nothing to do.", shown(ctx.db_path.string())));
        return;
    }
    // Taking the protection away asks for the passphrase, even with the key kept.
    seal::unlock(ctx.db_path, true);
    Store::decrypt(ctx.db_path);
    ctx.say(fmt::format("{} is no longer encrypted: whoever can read the file can read what is "
                        "in it.",
                        shown(ctx.db_path.string())));
}

void run_lock(Context& ctx) {
    if (!Store::is_encrypted(ctx.db_path)) {
        ctx.say(fmt::format("{} is not encrypted; there is no key to forget.",
                            shown(ctx.db_path.string())));
        return;
    }
    const bool kept = seal::forget(ctx.db_path);
    ctx.say(kept ? "Locked: the key is forgotten, and the next command asks for the passphrase."
                 : "Locked: no key was kept; the next command asks for the passphrase.");
}

} // namespace

seal::PassphraseSource passphrase_source(int fd) {
    if (fd < 0) {
        return from_terminal;
    }
    // Read at once, whether the command needs it or not, so that what follows the line on the
    // descriptor (an import on stdin) never depends on whether a key was kept.
    // A terminal named by its descriptor is asked as the terminal is: without echo.
    auto line = std::shared_ptr<std::string>(
        new std::string(checked(::isatty(fd) == 1
                                    ? secret_from_terminal(fd)
                                    : read_line(fd, fmt::format("--passphrase-fd {}", fd)))),
        [](std::string* p) {
            sodium_memzero(p->data(), p->size());
            delete p;
        });
    return [line](const seal::PassphraseRequest&) { return *line; };
}

void register_encrypt(CLI::App& app, Action& action) {
    auto* e = app.add_subcommand(
        "encrypt", "Encrypt the database with a passphrase (asked twice, or --passphrase-fd)");
    e->footer("\nA forgotten passphrase cannot be recovered.\n\nExamples:\n"
              "  smartgoals encrypt\n  smartgoals --passphrase-fd 3 encrypt 3< passphrase.txt");
    e->callback(
        [&action] { action = {.needs = Needs::nothing, .run = run_encrypt, .undoable = false}; });
}

void register_decrypt(CLI::App& app, Action& action) {
    auto* d = app.add_subcommand("decrypt", "Turn encryption off (asks for the passphrase)");
    d->footer("\nExamples:\n  smartgoals decrypt");
    d->callback(
        [&action] { action = {.needs = Needs::nothing, .run = run_decrypt, .undoable = false}; });
}

void register_lock(CLI::App& app, Action& action) {
    auto* l = app.add_subcommand("lock", "Forget the kept key now: the next command asks for "
                                         "the passphrase");
    l->footer("\nExamples:\n  smartgoals lock\n  smartgoals config set unlock-minutes 5");
    l->callback(
        [&action] { action = {.needs = Needs::nothing, .run = run_lock, .undoable = false}; });
}

} // namespace smartgoals::cli
