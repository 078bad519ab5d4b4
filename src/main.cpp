// SPDX-License-Identifier: MIT
#include "cli/context.hpp"
#include "cli/output.hpp"

#include <smartgoals/errors.hpp>

#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <malloc.h>
#include <sqlite3.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

extern char** environ;

namespace {

// The first half megabyte of a command's heap, mapped in one call. Each first touch of a new
// heap page is a trap into the kernel, about 10 us on a virtual machine, where mapping many
// pages in one madvise costs about 2.5 us a page; the commands run most touch a few hundred KB
// of heap, and this takes 0.4 to 1.2 ms off each (SPEC §9, the 10 ms bound). glibc would
// give a block this size a mapping of its own and take the pages back when it is freed: the
// two thresholds, just above it, keep it in the heap and the heap's pages mapped, so that the
// blocks the command asks for next land on them. Where an option or the madvise is refused
// (another allocator, a kernel before 5.14), pages come as they are touched, as before.
void map_first_heap() {
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD) && defined(MADV_POPULATE_WRITE)
    constexpr std::size_t k_first_heap = 512 << 10;
    if (::mallopt(M_MMAP_THRESHOLD, 2 * k_first_heap) != 1 ||
        ::mallopt(M_TRIM_THRESHOLD, 4 * k_first_heap) != 1) {
        return;
    }
    void* block = std::malloc(k_first_heap);
    const long page = ::sysconf(_SC_PAGESIZE);
    if (block == nullptr || page <= 0) {
        std::free(block);
        return;
    }
    const auto mask = ~(static_cast<std::uintptr_t>(page) - 1);
    const auto start = reinterpret_cast<std::uintptr_t>(block);
    const auto first = (start + static_cast<std::uintptr_t>(page) - 1) & mask,
               end = (start + k_first_heap) & mask;
    if (end > first) {
        ::madvise(reinterpret_cast<void*>(first), end - first, MADV_POPULATE_WRITE);
    }
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
