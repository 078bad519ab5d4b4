// SPDX-License-Identifier: MIT
#include "cli/context.hpp"
#include "cli/output.hpp"

#include <smartgoals/errors.hpp>

#include <cerrno>
#include <csignal>
#include <ctime>
#include <iostream>
#include <malloc.h>
#include <sqlite3.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

extern char** environ;

namespace {

// A command's first megabyte of heap, mapped in one call. Page by page, each first touch of a
// new heap page is a trap into the kernel: about 10 us each on a virtual machine, where mapping
// the same pages in one madvise costs about 2.5 us each. review and goal list touch 400 to
// 600 KB, so this takes about 1 ms off each (SPEC section 9, the 10 ms bound); a history listed
// whole uses more, and grows from there as before. The heap keeps what it was given (a
// short-lived process has nothing to hand back), and blocks of up to 32 MiB come from it
// rather than from their own mappings, so that they too land on pages already mapped.
void map_first_heap() {
#if defined(M_TRIM_THRESHOLD) && defined(MADV_POPULATE_WRITE)
    constexpr std::size_t k_first_heap = 1 << 20;
    constexpr std::uintptr_t k_page = 4096;
    ::mallopt(M_TRIM_THRESHOLD, 64 << 20);
    ::mallopt(M_MMAP_THRESHOLD, 32 << 20);
    void* block = std::malloc(k_first_heap);
    if (block == nullptr) {
        return;
    }
    const auto start = reinterpret_cast<std::uintptr_t>(block);
    const auto first = (start + k_page - 1) & ~(k_page - 1),
               end = (start + k_first_heap) & ~(k_page - 1);
    // An older kernel without MADV_POPULATE_WRITE refuses it, and the pages come as touched.
    ::madvise(reinterpret_cast<void*>(first), end - first, MADV_POPULATE_WRITE);
    std::free(block);
#endif
}

} // namespace

int main(int argc, char** argv) {
    map_first_heap();
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
