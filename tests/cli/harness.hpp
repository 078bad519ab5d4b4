// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

// One turn of a conversation on a terminal: wait until `wait_for` shows, then type `send`.
struct Step {
    std::string wait_for;
    std::string send;
};

// A temporary home for one test: its own HOME, database and fixed today, removed afterwards.
// Commands run the real smartgoals binary with a clean environment.
class Sandbox {
public:
    explicit Sandbox(std::string today = "2026-11-19");
    ~Sandbox();
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    Result run(const std::vector<std::string>& args, const std::string& input = "") const;
    // Runs smartgoals on a pseudo-terminal (through script(1)), typing `input`.
    Result run_on_terminal(const std::vector<std::string>& args, const std::string& input) const;
    // Runs smartgoals on a pseudo-terminal of `columns` x 24, answering each prompt as it
    // appears: a step waits for its text in what was shown since the previous step's text, then
    // types. Fails the test, with what was shown, after 10 s without it or without the end.
    // The terminal is both stdout and stderr, so everything is in `out` (with "\r\n" and echo).
    Result converse(const std::vector<std::string>& args, const std::vector<Step>& steps,
                    int columns = 80) const;
    // Runs and requires exit 0, returning stdout.
    std::string ok(const std::vector<std::string>& args) const;

    std::filesystem::path dir;
    std::filesystem::path db;
    std::map<std::string, std::string> env;

    // The database's bytes (main file and WAL), to show that a command changed nothing.
    std::string state() const;
};

// Starts a program with `env` as its whole environment and stdio on /dev/null; returns its pid.
int spawn_process(const std::vector<std::string>& argv,
                  const std::map<std::string, std::string>& env, const std::filesystem::path& cwd);

// Waits (up to 30 s) until `pid` has written into `file` or has ended. Returns whether it wrote;
// `running` tells whether it is still running (and must be killed or waited for).
bool wait_until_written(int pid, const std::filesystem::path& file, bool& running);

// Runs any program with `env` as its whole environment.
Result run_process(const std::vector<std::string>& argv,
                   const std::map<std::string, std::string>& env, const std::string& input,
                   const std::filesystem::path& cwd);

// The smartgoals under test: $SMARTGOALS_TEST_BINARY when set (the sanitizer build's runs
// these tests on its own smartgoals), else the one built beside these tests.
const char* smartgoals_binary();

// How many of `full` like rounds a test runs (seeded storms, kills, flipped bytes): all of them,
// or one in N when SMARTGOALS_TEST_SAMPLE=N (the sanitizer stage of scripts/test.sh, where every
// process costs ten times as much); never fewer than one.
int sampled(int full);
// Whether the i-th of a list of like cases is run: every one, or one in N as above.
bool sampled_in(std::size_t i);

// A bad command line: exit `code`, nothing on stdout, one line `smartgoals: error: ...` holding
// `message`, and the database exactly as it was.
void check_refused(const Sandbox& sandbox, const std::vector<std::string>& args,
                   const std::string& message, int code = 2);

// Rendered text with wrapped items (continuation lines indented by four) joined back up.
std::string unwrapped(std::string text);

bool contains(const std::string& haystack, const std::string& needle);
