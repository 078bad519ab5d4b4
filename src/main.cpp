// SPDX-License-Identifier: MIT
#include "cli/context.hpp"
#include "cli/output.hpp"

#include <smartgoals/errors.hpp>

#include <cerrno>
#include <csignal>
#include <ctime>
#include <iostream>
#include <sqlite3.h>
#include <sys/ioctl.h>
#include <unistd.h>

extern char** environ;

int main(int argc, char** argv) {
    // Nothing reads SQLite's memory statistics; without them its allocator takes no lock.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    smartgoals::cli::Environment env;
    for (char** e = environ; *e; ++e) {
        const std::string entry(*e);
        const auto eq = entry.find('=');
        if (eq != std::string::npos) {
            env.variables.emplace(entry.substr(0, eq), entry.substr(eq + 1));
        }
    }
    env.stdin_terminal = ::isatty(STDIN_FILENO) == 1;
    env.stdout_terminal = ::isatty(STDOUT_FILENO) == 1;
    if (winsize size{}; env.stdout_terminal && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
        env.terminal_columns = size.ws_col;
    }
    env.clock = [] {
        const std::time_t now = std::time(nullptr);
        std::tm local{};
        ::localtime_r(&now, &local);
        char date[16], time[16];
        std::strftime(date, sizeof date, "%Y-%m-%d", &local);
        std::strftime(time, sizeof time, "%H:%M:%S", &local);
        return std::pair<std::string, std::string>{date, time};
    };
    std::ios::sync_with_stdio(false);
    // A reader that stops early (| head) is an EPIPE, checked below, not a signal.
    std::signal(SIGPIPE, SIG_IGN);
    smartgoals::cli::FdOutput stdout_buffer(STDOUT_FILENO);
    std::ostream out(&stdout_buffer);
    const int status = smartgoals::cli::run(argc, argv, env, out, std::cerr, std::cin);
    stdout_buffer.flush();
    const int error = stdout_buffer.error();
    if (error == 0 || error == EPIPE || status != 0) {
        return status; // a reader that stopped early has what it wanted: end quietly
    }
    std::cerr << "smartgoals: error: cannot write the output: " << smartgoals::system_reason(error)
              << '\n';
    return 1;
}
