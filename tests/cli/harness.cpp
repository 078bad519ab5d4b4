// SPDX-License-Identifier: MIT
#include "harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// argv and envp for execve, owning their strings.
struct ExecArgs {
    ExecArgs(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env)
        : args(argv) {
        for (const auto& [k, v] : env) {
            vars.push_back(k + "=" + v);
        }
        // The sanitizers' settings (scripts/test.sh) reach every process a test starts, so that
        // an error found in smartgoals stops it there and fails the test.
        for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
            if (const char* value = std::getenv(name); value != nullptr && !env.contains(name)) {
                vars.push_back(std::string(name) + "=" + value);
            }
        }
        for (auto& a : args) {
            c_args.push_back(a.data());
        }
        c_args.push_back(nullptr);
        for (auto& e : vars) {
            c_env.push_back(e.data());
        }
        c_env.push_back(nullptr);
    }
    [[noreturn]] void exec(const fs::path& cwd) {
        if (::chdir(cwd.c_str()) == 0) {
            ::execve(c_args[0], c_args.data(), c_env.data());
        }
        ::_exit(127);
    }
    std::vector<std::string> args, vars;
    std::vector<char*> c_args, c_env;
};

// Appends what `fd` shows until `deadline`, at most one read; false once it is closed (EIO is
// how a pseudo-terminal's master reports that the other side has closed).
bool read_some(int fd, std::string& out, std::chrono::steady_clock::time_point deadline) {
    using namespace std::chrono;
    const auto left = duration_cast<milliseconds>(deadline - steady_clock::now()).count();
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(std::max<long long>(left, 0))) <= 0) {
        return true;
    }
    char buffer[4096];
    const auto n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
        return true;
    }
    if (n <= 0) {
        return false;
    }
    out.append(buffer, static_cast<std::size_t>(n));
    return true;
}

} // namespace

int spawn_process(const std::vector<std::string>& argv,
                  const std::map<std::string, std::string>& env, const fs::path& cwd) {
    ExecArgs exec_args(argv, env);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setsid(); // no controlling terminal: nothing can ask on /dev/tty
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::dup2(null, 2);
        exec_args.exec(cwd);
    }
    return pid;
}

bool wait_until_written(int pid, const fs::path& file, bool& running) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    running = true;
    bool written = false;
    while (running && !written && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        std::error_code missing;
        written = fs::file_size(file, missing) > 0 && !missing;
        int status = 0;
        running = ::waitpid(pid, &status, WNOHANG) == 0;
    }
    return written;
}

Result run_process(const std::vector<std::string>& argv,
                   const std::map<std::string, std::string>& env, const std::string& input,
                   const fs::path& cwd) {
    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (::pipe(in_pipe) || ::pipe(out_pipe) || ::pipe(err_pipe)) {
        FAIL("pipe");
    }
    ExecArgs exec_args(argv, env);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setsid(); // no controlling terminal: nothing can ask on /dev/tty
        ::dup2(in_pipe[0], 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        for (int fd :
             {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
            ::close(fd);
        }
        exec_args.exec(cwd);
    }
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    ::signal(SIGPIPE, SIG_IGN);
    std::size_t written = 0;
    if (input.empty()) {
        ::close(in_pipe[1]);
        in_pipe[1] = -1;
    }
    Result result;
    bool out_open = true, err_open = true;
    while (out_open || err_open) {
        pollfd fds[3] = {{out_open ? out_pipe[0] : -1, POLLIN, 0},
                         {err_open ? err_pipe[0] : -1, POLLIN, 0},
                         {in_pipe[1], POLLOUT, 0}};
        ::poll(fds, 3, -1);
        char buffer[65536];
        for (int i = 0; i < 2; ++i) {
            if (fds[i].revents & (POLLIN | POLLHUP)) {
                const auto n = ::read(fds[i].fd, buffer, sizeof buffer);
                if (n <= 0) {
                    (i == 0 ? out_open : err_open) = false;
                } else {
                    (i == 0 ? result.out : result.err).append(buffer, static_cast<size_t>(n));
                }
            }
        }
        if (in_pipe[1] >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
            const auto n = ::write(in_pipe[1], input.data() + written, input.size() - written);
            written += n > 0 ? static_cast<std::size_t>(n) : input.size();
            if (written >= input.size()) {
                ::close(in_pipe[1]);
                in_pipe[1] = -1;
            }
        }
    }
    if (in_pipe[1] >= 0) {
        ::close(in_pipe[1]);
    }
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

const char* smartgoals_binary() {
    // Made absolute once: each smartgoals starts in its sandbox, where a relative path would not
    // lead back.
    static const std::string binary = [] {
        const char* chosen = std::getenv("SMARTGOALS_TEST_BINARY");
        return chosen != nullptr && *chosen != '\0' ? fs::absolute(chosen).string()
                                                    : std::string(SMARTGOALS_BUILT_BINARY);
    }();
    return binary.c_str();
}

namespace {
int sample_every() {
    const char* sample = std::getenv("SMARTGOALS_TEST_SAMPLE");
    return sample == nullptr ? 1 : std::max(1, std::atoi(sample));
}
} // namespace

int sampled(int full) {
    return std::max(1, full / sample_every());
}

bool sampled_in(std::size_t i) {
    return i % static_cast<std::size_t>(sample_every()) == 0;
}

Sandbox::Sandbox(std::string today) {
    std::string pattern = (fs::temp_directory_path() / "smartgoals-cli-XXXXXX").string();
    dir = ::mkdtemp(pattern.data());
    fs::create_directories(dir / "home");
    db = dir / "data" / "smartgoals.db";
    env = {{"HOME", (dir / "home").string()},
           {"PATH", "/usr/bin:/bin"},
           {"LANG", "C.UTF-8"},
           {"TZ", "UTC"},
           {"SMARTGOALS_DB", db.string()},
           {"SMARTGOALS_TODAY", std::move(today)}};
}

Sandbox::~Sandbox() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
}

Result Sandbox::run(const std::vector<std::string>& args, const std::string& input) const {
    std::vector<std::string> argv{smartgoals_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, env, input, dir);
}

Result Sandbox::run_on_terminal(const std::vector<std::string>& args,
                                const std::string& input) const {
    std::string command = std::string("'") + smartgoals_binary() + "'";
    for (const auto& a : args) {
        command += " '" + a + "'";
    }
    auto with_term = env;
    with_term["TERM"] = "dumb";
    // script(1) gives smartgoals a terminal; the input is typed into it line by line.
    return run_process({"/usr/bin/script", "-qefc", command, "/dev/null"}, with_term, input, dir);
}

Result Sandbox::converse(const std::vector<std::string>& args, const std::vector<Step>& steps,
                         int columns) const {
    using namespace std::chrono;
    std::vector<std::string> argv{smartgoals_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto with_term = env;
    with_term["TERM"] = "dumb";
    ExecArgs exec_args(argv, with_term);
    winsize size{};
    size.ws_row = 24;
    size.ws_col = static_cast<unsigned short>(columns);
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, &size);
    if (pid == 0) {
        exec_args.exec(dir);
    }
    REQUIRE(pid > 0);
    Result result;
    const auto give_up = [&](const std::string& why) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        ::close(master);
        FAIL(why, "; the terminal showed:\n", result.out);
    };
    bool open = true;
    std::size_t from = 0; // what the next step may match starts here
    for (const auto& step : steps) {
        const auto deadline = steady_clock::now() + 10s;
        std::size_t at = 0;
        while ((at = result.out.find(step.wait_for, from)) == std::string::npos) {
            if (!open || steady_clock::now() > deadline) {
                give_up("'" + step.wait_for + "' did not show");
            }
            open = read_some(master, result.out, deadline);
        }
        from = at + step.wait_for.size();
        if (::write(master, step.send.data(), step.send.size()) !=
            static_cast<ssize_t>(step.send.size())) {
            give_up("could not type '" + step.send + "'");
        }
    }
    const auto deadline = steady_clock::now() + 10s;
    while (open && steady_clock::now() < deadline) {
        open = read_some(master, result.out, deadline);
    }
    if (open) {
        give_up("smartgoals did not finish after the last step");
    }
    ::close(master);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

std::string Sandbox::ok(const std::vector<std::string>& args) const {
    const auto r = run(args);
    INFO("args: ", doctest::toString(args.empty() ? std::string() : args.front()),
         " stderr: ", r.err);
    REQUIRE(r.code == 0);
    return r.out;
}

std::string Sandbox::state() const {
    std::string bytes;
    for (const auto& suffix : {"", "-wal"}) {
        std::ifstream in(db.string() + suffix, std::ios::binary);
        bytes += std::string(std::istreambuf_iterator<char>(in), {}) + "|";
    }
    return bytes;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string unwrapped(std::string text) {
    for (auto pos = text.find("\n    "); pos != std::string::npos; pos = text.find("\n    ")) {
        text.replace(pos, 5, " ");
    }
    return text;
}

void check_refused(const Sandbox& sandbox, const std::vector<std::string>& args,
                   const std::string& message, int code) {
    std::string joined;
    for (const auto& a : args) {
        joined += "[" + a + "] ";
    }
    INFO("smartgoals ", joined);
    const auto before = sandbox.state();
    const auto r = sandbox.run(args);
    CHECK(r.code == code);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("smartgoals: error: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(contains(r.err, message));
    CHECK(sandbox.state() == before);
}
